package csvin

import (
	"slices"
	"strings"
	"time"
)

// tick is how a form tool writes a ticked or unticked box. Anything else
// is unknown, and unknown is no consent.
type tick int

const (
	tickUnknown tick = iota
	tickYes
	tickNo
)

var ticks = map[string]tick{}

func init() {
	for _, s := range []string{"yes", "y", "ja", "j", "x", "true", "1", "checked", "ticked", "on", "✓", "✔", "☑",
		"agreed", "accepted", "granted", "opted in", "opt-in", "subscribed", "akkoord", "aangevinkt", "godkjent",
		"samtykker", "godkänd", "samtycker", "zugestimmt", "einverstanden", "angekreuzt", "wahr", "waar", "sant"} {
		ticks[s] = tickYes
	}
	for _, s := range []string{"", "no", "n", "nee", "nei", "nej", "nein", "false", "0", "unchecked", "off", "☐",
		"declined", "refused", "opted out", "opt-out", "unsubscribed", "niet akkoord", "onwaar", "usant", "falsch",
		"falskt", "-"} {
		ticks[s] = tickNo
	}
}

func readTick(v string) tick {
	return ticks[strings.ToLower(strings.Join(strings.Fields(v), " "))]
}

// The layouts a form tool writes times in. Day-first and month-first
// slashes are ambiguous ("11/12/2026"): dayFirst (every country but the
// US) decides, as the rep's spreadsheet does.
var (
	isoLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 Z0700", "2006-01-02 15:04:05 MST", "2006-01-02T15:04:05", "2006-01-02 15:04:05",
		"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02", "2006/01/02 15:04:05", "2006/01/02 15:04", "2006/01/02"}
	dayLayouts = []string{"2.1.2006 15:04:05", "2.1.2006 15:04", "2.1.2006", "2-1-2006 15:04:05", "2-1-2006 15:04",
		"2-1-2006", "2/1/2006 15:04:05", "2/1/2006 15:04", "2/1/2006"}
	monthLayouts = []string{"2.1.2006 15:04:05", "2.1.2006 15:04", "2.1.2006", "2-1-2006 15:04:05", "2-1-2006 15:04",
		"2-1-2006", "1/2/2006 15:04:05", "1/2/2006 3:04:05 PM", "1/2/2006 15:04", "1/2/2006 3:04 PM", "1/2/2006"}
)

// readTime reads a form tool's time; a time without a zone is in loc. It
// says false for anything that is not a time it can read with certainty.
func readTime(v string, dayFirst bool, loc *time.Location) (time.Time, bool) {
	v = strings.Join(strings.Fields(v), " ")
	if v == "" {
		return time.Time{}, false
	}
	layouts := slices.Concat(isoLayouts, monthLayouts)
	if dayFirst {
		layouts = slices.Concat(isoLayouts, dayLayouts)
	}
	for _, l := range layouts {
		if t, err := time.ParseInLocation(l, v, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
