package consent

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Reading an imported do-not-call register (NL Bel-me-niet, NO
// Reservasjonsregisteret, SE NIX; consent-rules.md section 3). Registers
// come as exports of a million lines or more, in whatever shape the
// subscriber's portal produces, so the parser accepts the two common shapes,
// streams its input, and turns each unusable line into a counted, numbered
// skip instead of failing the whole import.

// DNCBadLine is a line that gave no number. Reason never quotes the line: it
// may hold a phone number, which is personal data, and these reasons end up
// on screens and in terminals.
type DNCBadLine struct {
	Line   int    `json:"line"` // 1-based
	Reason string `json:"reason"`
}

// DNCFile is a parsed register: the numbers in E.164, each once, in the
// order they first appear.
type DNCFile struct {
	Numbers    []string     `json:"numbers"`
	Bad        []DNCBadLine `json:"bad"`
	Lines      int          `json:"lines"`      // every line read, blank, comment and header included
	Duplicates int          `json:"duplicates"` // lines whose number was already seen
	Column     string       `json:"column"`     // the CSV column used; "" for one number per line
}

// Limits. A phone number never needs more than a few dozen characters, so a
// longer field is rejected before the (slow) phone parser sees it, which
// also bounds the memory the candidates take.
const (
	DNCMaxLine  = 64 << 10
	dncMaxField = 64
)

// Reasons for skipped lines, fixed texts so they can be counted and shown.
const (
	dncNotPhone  = "not a phone number"
	dncTooLong   = "line longer than 64 KB"
	dncLongField = "too long to be a phone number"
	dncNoColumn  = "the phone column is missing or empty"
	dncQuotes    = "unbalanced quotes"
)

// ErrNoDNCNumbers is wrapped by ParseDNC's error for a file without a single
// usable number: importing it would silently protect nobody.
var ErrNoDNCNumbers = errors.New("no phone numbers found in this file")

// Header words that mark the phone column, best first: "tel" would also
// match a "hotel" column and "number"/"nummer" a customer number
// ("klantnummer"), so an unambiguous word elsewhere in the header wins.
var dncColumnTiers = [][]string{{"phone", "telefon"}, {"tel"}, {"number", "nummer"}}

// ParseDNC reads a register: either one number per line (blank lines and #
// comments skipped), or CSV separated by commas or semicolons whose header
// names a phone column (a name containing phone, telefon, tel, number or
// nummer). Numbers without a country code are read in region (e.g. "NL"),
// exactly as prospects' numbers are, so both normalise to the same E.164
// string and a register hit cannot be missed through formatting.
//
// A UTF-8 byte order mark and CRLF line ends are accepted. Bad lines are
// reported, never fatal; a file with no usable number at all is an error
// (the DNCFile is still returned, so its Bad lines can be shown).
func ParseDNC(r io.Reader, region string) (DNCFile, error) {
	var f DNCFile
	sp := &lineSplitter{max: DNCMaxLine}
	sc := bufio.NewScanner(r)
	// Twice the line cap: the splitter sees a line pass the cap before the
	// scanner's own limit (which would stop the scan) is reached.
	sc.Buffer(make([]byte, 0, 64<<10), 2*DNCMaxLine)
	sc.Split(sp.split)

	type candidate struct {
		line int
		raw  string
	}
	var cands []candidate
	decided, csv := false, false
	var delim byte
	col := -1
	var fields []string
	bad := func(reason string) { f.Bad = append(f.Bad, DNCBadLine{f.Lines, reason}) }

	for sc.Scan() {
		f.Lines++
		line := sc.Bytes()
		if sp.long {
			sp.long = false
			bad(dncTooLong)
			continue
		}
		if f.Lines == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		text := strings.TrimSpace(string(line))
		if text == "" || text[0] == '#' {
			continue
		}
		if !decided {
			// The first content line decides the shape: a header with a
			// phone column makes it CSV, a plain value one number per line.
			decided = true
			if d := guessDelim(text); d != 0 {
				hdr, ok := splitCSV(nil, text, d)
				c := phoneColumn(hdr)
				if !ok || c < 0 {
					return f, fmt.Errorf("the first row of this file looks like a CSV header (separated by %q), but no column is named phone, telefon, tel, number or nummer: name the column with the numbers, or give one number per line", d)
				}
				csv, delim, col, f.Column = true, d, c, strings.TrimSpace(hdr[c])
				continue
			}
		}
		raw := text
		if csv {
			var ok bool
			if fields, ok = splitCSV(fields[:0], text, delim); !ok {
				bad(dncQuotes)
				continue
			}
			if col >= len(fields) || strings.TrimSpace(fields[col]) == "" {
				bad(dncNoColumn)
				continue
			}
			raw = strings.TrimSpace(fields[col])
		} else if i := strings.IndexByte(raw, '#'); i >= 0 {
			raw = strings.TrimSpace(raw[:i]) // a trailing comment
		}
		if len(raw) > dncMaxField {
			bad(dncLongField)
			continue
		}
		cands = append(cands, candidate{f.Lines, raw})
	}
	if err := sc.Err(); err != nil {
		return f, fmt.Errorf("cannot read the register file (stopped after line %d): %w", f.Lines, err)
	}

	// Normalising is most of the work (the phone library parses each number
	// with regular expressions), so it runs on every core; each worker
	// fills its own stretch of the results, which keeps the order.
	raws := make([]string, len(cands))
	for i, c := range cands {
		raws[i] = c.raw
	}
	norm := normalizeAll(raws, region)
	seen := make(map[string]struct{}, len(norm))
	f.Numbers = make([]string, 0, len(norm))
	parsedBad := false
	for i, n := range norm {
		if n == "" {
			f.Bad = append(f.Bad, DNCBadLine{cands[i].line, dncNotPhone})
			parsedBad = true
			continue
		}
		if _, dup := seen[n]; dup {
			f.Duplicates++
			continue
		}
		seen[n] = struct{}{}
		f.Numbers = append(f.Numbers, n)
	}
	if parsedBad {
		slices.SortStableFunc(f.Bad, func(a, b DNCBadLine) int { return a.Line - b.Line })
	}
	if len(f.Numbers) == 0 {
		msg := fmt.Sprintf("%d lines read", f.Lines)
		if len(f.Bad) > 0 {
			msg += fmt.Sprintf(", %d skipped (first: line %d, %s)", len(f.Bad), f.Bad[0].Line, f.Bad[0].Reason)
		}
		return f, fmt.Errorf("%w: %s", ErrNoDNCNumbers, msg)
	}
	return f, nil
}

// normalizeAll runs NormalizePhone over raws on all cores; a number that
// does not parse gives "".
func normalizeAll(raws []string, region string) []string {
	out := make([]string, len(raws))
	workers := runtime.GOMAXPROCS(0)
	if len(raws) < 4096 || workers < 2 {
		workers = 1
	}
	chunk := (len(raws) + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < len(raws); lo += chunk {
		hi := min(lo+chunk, len(raws))
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				if n, err := NormalizePhone(raws[i], region); err == nil {
					out[i] = n
				}
			}
		})
	}
	wg.Wait()
	return out
}

// guessDelim returns the CSV separator of a header line: the more frequent
// of ';' and ',' outside quotes, or 0 for a line with neither (a plain
// number). Semicolons win ties: Dutch and German spreadsheets write them
// because the comma is their decimal mark.
func guessDelim(s string) byte {
	semi, comma, quoted := 0, 0, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case ';':
			if !quoted {
				semi++
			}
		case ',':
			if !quoted {
				comma++
			}
		}
	}
	switch {
	case semi == 0 && comma == 0:
		return 0
	case semi >= comma:
		return ';'
	default:
		return ','
	}
}

// phoneColumn is the index of the header field that names the phone
// column, by the tiers of dncColumnTiers, or -1.
func phoneColumn(hdr []string) int {
	for _, tier := range dncColumnTiers {
		for i, h := range hdr {
			h = strings.ToLower(h)
			for _, w := range tier {
				if strings.Contains(h, w) {
					return i
				}
			}
		}
	}
	return -1
}

// splitCSV splits one CSV line into dst: fields separated by delim, a field
// may be quoted with "" for a literal quote. Registers hold no multi-line
// fields, so a quote left open at the end of the line is an error (false)
// rather than a reason to swallow the lines after it.
func splitCSV(dst []string, s string, delim byte) ([]string, bool) {
	for {
		if len(s) > 0 && s[0] == '"' {
			var b strings.Builder
			i := 1
			for {
				j := strings.IndexByte(s[i:], '"')
				if j < 0 {
					return dst, false
				}
				b.WriteString(s[i : i+j])
				i += j + 1
				if i < len(s) && s[i] == '"' { // "" is a quote
					b.WriteByte('"')
					i++
					continue
				}
				break
			}
			dst = append(dst, b.String())
			// Text between the closing quote and the delimiter is dropped.
			k := strings.IndexByte(s[i:], delim)
			if k < 0 {
				return dst, true
			}
			s = s[i+k+1:]
			continue
		}
		k := strings.IndexByte(s, delim)
		if k < 0 {
			return append(dst, s), true
		}
		dst = append(dst, s[:k])
		s = s[k+1:]
	}
}

// lineSplitter is bufio.ScanLines with a cap: a line longer than max is
// returned once as an empty token with long set, and the rest of it is
// skipped, so one huge line costs a bad-line entry instead of the import.
type lineSplitter struct {
	max      int
	skipping bool // inside a long line, discarding until its newline
	long     bool // the token just returned stands for a too-long line
}

var longToken = []byte{}

func (s *lineSplitter) split(data []byte, atEOF bool) (int, []byte, error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	i := bytes.IndexByte(data, '\n')
	if s.skipping {
		if i >= 0 {
			s.skipping = false
			return i + 1, nil, nil
		}
		return len(data), nil, nil
	}
	if i >= 0 {
		line := bytes.TrimSuffix(data[:i], []byte("\r"))
		if len(line) > s.max {
			s.long = true
			return i + 1, longToken, nil
		}
		return i + 1, line, nil
	}
	if len(data) > s.max {
		s.long, s.skipping = true, true
		return len(data), longToken, nil
	}
	if atEOF {
		return len(data), bytes.TrimSuffix(data, []byte("\r")), nil
	}
	return 0, nil, nil // ask for more
}
