package ui

import (
	"context"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/team"
	"warmlead/ui/i18n"
)

// seenDelay is how long the card form waits after the last keystroke
// before asking the server who else has the person (tests set 0).
var seenDelay = 600 * time.Millisecond

// seenHint is the card form's "also a prospect of Rita Jansen since 2 Mar"
// (Team.Seen): it informs, never blocks, and says nothing more of the other
// rep's data.
type seenHint struct {
	g     *GUI
	label *widget.Label
	gen   atomic.Uint64
	key   string // the card asked about last
}

func newSeenHint(g *GUI) *seenHint {
	h := &seenHint{g: g, label: widget.NewLabel("")}
	h.label.Wrapping = fyne.TextWrapWord
	h.label.Importance = widget.WarningImportance
	h.label.Hide()
	return h
}

// check asks about the card once typing pauses; a solo database, or a card
// with nothing to match on, asks nothing.
func (h *seenHint) check(p consent.Prospect) {
	key := strings.Join([]string{p.Email, p.Phone, p.Name, p.Company}, "\x00")
	if key == h.key {
		return
	}
	h.key = key
	gen := h.gen.Add(1)
	if _, ok := h.g.inTeam(); !ok || (p.Email == "" && p.Phone == "" && (p.Name == "" || p.Company == "")) {
		h.label.Hide()
		return
	}
	if seenDelay == 0 {
		h.ask(gen, p)
		return
	}
	time.AfterFunc(seenDelay, func() { h.g.ui(func() { h.ask(gen, p) }) })
}

// ask runs Team.Seen off the UI goroutine unless a newer keystroke came.
func (h *seenHint) ask(gen uint64, p consent.Prospect) {
	if h.gen.Load() != gen || h.g.uc == nil {
		return
	}
	tm := teamOf(h.g)
	fetchLatest(h.g, &h.gen, gen, func() ([]team.Sighting, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return tm.Seen(ctx, p)
	}, func(seen []team.Sighting, err error) {
		if text := seenText(seen); err == nil && text != "" {
			h.label.SetText(text)
			h.label.Show()
			return
		}
		h.label.Hide() // offline: no hint rather than a wrong one
	})
}

// seenText is one sentence per other rep who has the person.
func seenText(seen []team.Sighting) string {
	parts := make([]string, len(seen))
	for i, s := range seen {
		parts[i] = lang.L("Also a prospect of {{.Name}} since {{.Day}}.", map[string]any{"Name": s.Member, "Day": i18n.Date(s.Since)})
	}
	return strings.Join(parts, " ")
}
