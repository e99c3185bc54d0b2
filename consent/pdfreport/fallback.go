package pdfreport

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// Fallback fonts for the scripts the Go fonts lack (Chinese, Japanese,
// Korean, Arabic, Hebrew…): a name can hold any of them, and "???" in a
// consent record is no record. They are not embedded in the binary (the
// CJK one alone is 4 MB): the caller registers fonts it found on the
// system (RegisterFallback; ui/usecase reads Debian's fonts-dejavu-core
// and fonts-droid-fallback), and a document adds one only when its text
// needs it, so a Latin-only PDF stays as small as before. gofpdf embeds
// only the glyphs printed (a subset), so one CJK name costs a few KB.
// Without a fallback font the runes still print as "?".

type fallbackFont struct {
	family string
	ttf    []byte
	set    *[1 << 16 / 64]uint64
}

var (
	fallbackMu sync.RWMutex
	fallbacks  []*fallbackFont
)

// ErrNotTrueType says a fallback font could not be used: gofpdf reads
// TrueType outlines only (not CFF/OpenType .otf, not collections .ttc).
var ErrNotTrueType = errors.New("pdfreport: not a TrueType font")

// RegisterFallback adds ttf as a fallback font, tried in the order
// registered, for runes the Go fonts cannot draw. Registering the same
// family again replaces it.
func RegisterFallback(family string, ttf []byte) (err error) {
	if len(ttf) < 12 || !bytes.Equal(ttf[:4], []byte{0, 1, 0, 0}) && !bytes.Equal(ttf[:4], []byte("true")) {
		return ErrNotTrueType
	}
	defer func() {
		if recover() != nil {
			err = ErrNotTrueType
		}
	}()
	f := &fallbackFont{family: "fb-" + family, ttf: ttf, set: coverage(ttf)}
	fallbackMu.Lock()
	defer fallbackMu.Unlock()
	for i, old := range fallbacks {
		if old.family == f.family {
			fallbacks[i] = f
			return nil
		}
	}
	fallbacks = append(fallbacks, f)
	return nil
}

func (f *fallbackFont) has(r rune) bool {
	return r >= 0 && r < 1<<16 && f.set[r/64]&(1<<(r%64)) != 0
}

// fallbackFor is the first fallback font that can draw r, or nil.
func fallbackFor(r rune) *fallbackFont {
	fallbackMu.RLock()
	defer fallbackMu.RUnlock()
	for _, f := range fallbacks {
		if f.has(r) {
			return f
		}
	}
	return nil
}

// run is a stretch of text drawn in one font: nil is the document's font.
type run struct {
	font *fallbackFont
	text string
}

// runs splits s by font: the Go fonts where they have the glyph (spaces
// and punctuation included, so a run does not end at every space), else
// the first fallback that has it.
func runs(s string) []run {
	var out []run
	for i, w := 0, 0; i < len(s); i += w {
		r, n := utf8.DecodeRuneInString(s[i:])
		w = n
		var f *fallbackFont
		if !goHas(r) {
			f = fallbackFor(r)
		}
		if len(out) > 0 && out[len(out)-1].font == f {
			out[len(out)-1].text += s[i : i+n]
			continue
		}
		out = append(out, run{f, s[i : i+n]})
	}
	return out
}

// plain says whether s needs no fallback font (the common case, fast).
func plain(s string) bool {
	for _, r := range s {
		if r >= 0x7f && !goHas(r) {
			return false
		}
	}
	return true
}

// pdfw is the gofpdf document with text calls that switch to a fallback
// font for the runes the current font cannot draw; the layout code calls
// it as it called gofpdf.
type pdfw struct {
	*gofpdf.Fpdf
	family, style string
	size          float64
	added         map[string]bool
}

func (p *pdfw) SetFont(family, style string, size float64) {
	p.family, p.style, p.size = family, style, size
	p.Fpdf.SetFont(family, style, size)
}

// use sets the font of a run; the document's own for nil.
func (p *pdfw) use(f *fallbackFont) {
	if f == nil {
		p.Fpdf.SetFont(p.family, p.style, p.size)
		return
	}
	if !p.added[f.family] {
		// A copy: gofpdf's subsetter writes into the bytes it is given.
		p.AddUTF8FontFromBytes(f.family, "", bytes.Clone(f.ttf))
		p.added[f.family] = true
	}
	p.Fpdf.SetFont(f.family, "", p.size)
}

func (p *pdfw) GetStringWidth(s string) float64 {
	if plain(s) {
		return p.Fpdf.GetStringWidth(s)
	}
	w := 0.0
	for _, r := range runs(s) {
		p.use(r.font)
		w += p.Fpdf.GetStringWidth(r.text)
	}
	p.use(nil)
	return w
}

// CellFormat draws the cell as gofpdf does, then its text run by run.
func (p *pdfw) CellFormat(w, h float64, txt, border string, ln int, align string, fill bool, link int, linkStr string) {
	if plain(txt) {
		p.Fpdf.CellFormat(w, h, txt, border, ln, align, fill, link, linkStr)
		return
	}
	x, y := p.GetXY()
	if w == 0 {
		w = p.pageRight() - x
	}
	total := p.GetStringWidth(txt)
	m := p.GetCellMargin()
	tx := x + m
	switch {
	case strings.Contains(align, "R"):
		tx = x + w - m - total
	case strings.Contains(align, "C"):
		tx = x + (w-total)/2
	}
	vert := strings.Map(func(r rune) rune {
		if strings.ContainsRune("TBMA", r) {
			return r
		}
		return -1
	}, align)
	p.Fpdf.CellFormat(w, h, "", border, ln, align, fill, link, linkStr)
	nx, ny := p.GetXY()
	for _, r := range runs(visualOrder(txt)) {
		p.use(r.font)
		rw := p.Fpdf.GetStringWidth(r.text)
		p.SetXY(tx-m, y)
		p.Fpdf.CellFormat(rw+2*m, h, r.text, "", 0, "L"+vert, false, 0, "")
		tx += rw
	}
	p.use(nil)
	p.SetXY(nx, ny)
}

func (p *pdfw) pageRight() float64 {
	pw, _ := p.GetPageSize()
	_, _, r, _ := p.GetMargins()
	return pw - r
}

// SplitText breaks s into lines no wider than w, at spaces, or between
// characters where a script writes none (Chinese, Japanese).
func (p *pdfw) SplitText(s string, w float64) []string {
	if plain(s) {
		return p.Fpdf.SplitText(s, w)
	}
	avail := w - 2*p.GetCellMargin()
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		cand := word
		if line != "" {
			cand = line + " " + word
		}
		if p.GetStringWidth(cand) <= avail {
			line = cand
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		for _, r := range word { // a word wider than the line: break it
			if line != "" && p.GetStringWidth(line+string(r)) > avail {
				lines = append(lines, line)
				line = ""
			}
			line += string(r)
		}
	}
	return append(lines, line)
}

// MultiCell is gofpdf's for plain text; with fallback runs, the lines of
// SplitText one cell each.
func (p *pdfw) MultiCell(w, h float64, txt, border, align string, fill bool) {
	if plain(txt) {
		p.Fpdf.MultiCell(w, h, txt, border, align, fill)
		return
	}
	if w == 0 {
		w = p.pageRight() - p.GetX()
	}
	x := p.GetX()
	for _, l := range p.SplitText(txt, w) {
		p.SetX(x)
		p.CellFormat(w, h, l, border, 2, align, fill, 0, "")
	}
	left, _, _, _ := p.GetMargins()
	p.SetX(left) // where gofpdf's MultiCell leaves the cursor
}

// rtl says whether r is written right to left (Hebrew, Arabic).
func rtl(r rune) bool { return unicode.In(r, unicode.Hebrew, unicode.Arabic) }

// visualOrder puts each stretch of right-to-left words (a Hebrew or Arabic
// name, spaces between its words included) in the order it is seen on
// paper: gofpdf draws characters left to right as stored, so "דוד כהן"
// would read backwards. A simplified bidi for names, not the Unicode
// algorithm: numbers and Latin inside such a stretch end it. Arabic is
// drawn with its letters' isolated forms (gofpdf does not shape).
func visualOrder(s string) string {
	r := []rune(s)
	has := false
	for _, c := range r {
		if rtl(c) {
			has = true
			break
		}
	}
	if !has {
		return s
	}
	for i := 0; i < len(r); {
		if !rtl(r[i]) {
			i++
			continue
		}
		j := i
		for k := i; k < len(r); k++ {
			if rtl(r[k]) {
				j = k + 1
			} else if r[k] != ' ' && !unicode.Is(unicode.Mn, r[k]) {
				break
			}
		}
		for a, b := i, j-1; a < b; a, b = a+1, b-1 {
			r[a], r[b] = r[b], r[a]
		}
		i = j
	}
	return string(r)
}
