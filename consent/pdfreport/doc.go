// Package pdfreport writes Warmlead's accountability documents as PDF
// (consent-rules.md section 8): the consent summary of one person, the team
// report for managers and the Art. 30 register of processing activities.
//
// It works on plain values (consent.Record and friends), so it needs neither
// the store nor the GUI, and it writes to an io.Writer: where the file goes,
// and the audit entry for it, are the caller's business. Text is set in the
// Go fonts, embedded as UTF-8 TrueType, so names like "Jørgen Ångström" or
// "Łukasz Żółw" come out as written.
package pdfreport

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/unicode/norm"

	"warmlead/consent"
	"warmlead/consent/insight"
)

// Meta is what every document says about itself: who made it, when, for
// which company and under which settings. GeneratedAt also decides the time
// zone every date and time is shown in (times are stored in UTC); the zero
// time means now, in local time.
type Meta struct {
	GeneratedBy string
	GeneratedAt time.Time
	Company     string // empty: Settings.Company
	Settings    consent.Settings
	Lang        string // en, nl, nb, sv or de; empty: Settings.Lang; anything else: English
}

func (m Meta) company() string {
	if m.Company != "" {
		return m.Company
	}
	return m.Settings.Company
}

func (m Meta) by() string {
	if m.GeneratedBy != "" {
		return m.GeneratedBy
	}
	return m.Settings.Rep
}

// Page geometry (A4 portrait, millimetres) and the type sizes.
const (
	marginL, marginR = 15.0, 15.0
	marginT          = 20.0 // the running header sits above this
	marginB          = 16.0 // the footer sits in this
	sizeBody         = 9.0
	sizeSmall        = 7.5
	sizeTable        = 8.0
	labelW           = 44.0 // the label column of kv lines
	lineH            = 4.6  // body line height
	rowH             = 5.4  // table row height
	ellipsis         = "…"
	aliasNb          = "{nb}" // replaced by the page count when the document is written
)

type rgb struct{ r, g, b int }

var (
	colInk    = rgb{33, 37, 41}
	colMuted  = rgb{108, 117, 125}
	colAccent = rgb{22, 66, 120}
	colRule   = rgb{206, 212, 218}
	colHead   = rgb{228, 234, 242}
	colZebra  = rgb{246, 248, 250}
	colGood   = rgb{25, 125, 65}
	colWarn   = rgb{176, 112, 0}
	colBad    = rgb{185, 40, 40}
)

// statusColor is how a consent status is coloured wherever it appears.
func statusColor(s consent.ConsentStatus) rgb {
	switch s {
	case consent.StatusGranted:
		return colGood
	case consent.StatusPending:
		return colWarn
	case consent.StatusRefused, consent.StatusWithdrawn:
		return colBad
	case consent.StatusExpired, consent.StatusNone:
		return colMuted
	}
	return colInk
}

// doc wraps one gofpdf document with Warmlead's fonts, running header,
// footer and the few layout helpers the three documents share.
type doc struct {
	pdf    *pdfw       // gofpdf with fallback fonts for scripts the Go fonts lack
	pack   *pagePacker // the finished pages' bodies, deflated (pagestream.go)
	pages  int         // the page count, once finished
	m      Meta
	lang   string            // the document's language (see Languages)
	texts  map[string]string // texts[lang]: every id English has (a test checks)
	loc    *time.Location
	now    time.Time
	header string // running header, changed per section (e.g. per summary)
	pen    pen
	width  float64
	pageH  float64
	cuts   []string         // the first texts fit had to shorten or wrap broke inside a word, for tests
	works  *insight.Figures // the team report's page "What works" (whatworks.go); nil: none
}

func newDoc(m Meta) *doc {
	if m.GeneratedAt.IsZero() {
		m.GeneratedAt = time.Now()
	}
	lang := langOf(m)
	pdf := &pdfw{Fpdf: gofpdf.New("P", "mm", "A4", ""), added: map[string]bool{}}
	d := &doc{pdf: pdf, pack: newPagePacker(pdf.Fpdf), m: m, lang: lang, texts: texts[lang], loc: m.GeneratedAt.Location(), now: m.GeneratedAt}
	pw, ph := pdf.GetPageSize()
	d.width, d.pageH = pw-marginL-marginR, ph

	// The footer's total is filled in when the document is written. Its
	// digits need glyphs in the embedded font subset, which holds only
	// the characters printed: every digit of the total also appears in
	// some page number, printed in the same font, so none is missing.
	pdf.AliasNbPages(aliasNb)
	addFonts(pdf.Fpdf)
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetAutoPageBreak(true, marginB)
	pdf.SetCompression(false) // finish deflates the pages, faster
	pdf.SetCreationDate(m.GeneratedAt)
	pdf.SetModificationDate(m.GeneratedAt)
	pdf.SetCreator("Warmlead", true)
	pdf.SetAuthor(clean(m.by()), true)
	pdf.SetHeaderFuncMode(d.drawHeader, true)
	pdf.SetFooterFunc(d.drawFooter)
	return d
}

// setTitle names the document (its metadata) and the running header.
func (d *doc) setTitle(s string) {
	d.header = s
	d.pdf.SetTitle(clean(s), true)
}

func (d *doc) drawHeader() {
	p := d.pdf
	d.pack.presize(p.PageNo())
	p.SetY(9)
	d.font("", sizeSmall)
	d.textColor(colMuted)
	left := d.m.company()
	right := d.header
	wl := 0.0
	if left != "" {
		wl = min(p.GetStringWidth(clean(left))+4, d.width/2)
		p.CellFormat(wl, 4, d.fit(left, wl), "", 0, "L", false, 0, "")
	}
	p.CellFormat(d.width-wl, 4, d.fit(right, d.width-wl), "", 1, "R", false, 0, "")
	d.drawColor(colRule)
	p.SetLineWidth(0.2)
	p.Line(marginL, 14, marginL+d.width, 14)
	d.forget()
}

func (d *doc) drawFooter() {
	p := d.pdf
	d.pack.pack(p.PageNo()) // the body above is final; the footer has the alias of the page count
	p.SetY(-11)
	d.drawColor(colRule)
	p.SetLineWidth(0.2)
	p.Line(marginL, p.GetY(), marginL+d.width, p.GetY())
	d.font("", sizeSmall)
	d.textColor(colMuted)
	s := d.tf("footer", clean(d.m.by()), d.dateTime(d.now), p.PageNo(), aliasNb)
	p.SetX(marginL)
	p.CellFormat(d.width, 5, d.fitMiddle(s, d.width), "", 0, "C", false, 0, "")
	d.forget()
}

// finish writes the document to w, its streams deflated (see deflate.go).
func (d *doc) finish(w io.Writer) error {
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var raw keep
	if err := d.pdf.Output(&raw); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	// gofpdf's state (fonts, what is left of the pages: their footers,
	// the bodies are in d.pack) is garbage from here on, before the
	// deflated file is written; nothing draws on a finished document.
	d.pages = d.pdf.PageCount()
	d.pdf = nil
	out := raw.b
	raw.b = nil
	bw := bufio.NewWriterSize(w, 256<<10) // the file goes out in many small pieces
	ok, err := writeDeflated(bw, out, d.pack)
	switch {
	case err != nil:
		return err
	case !ok && d.pack.count() > 0:
		// The packed bodies are not in out: without them it has
		// footers only. Never seen with gofpdf v1.16.2 (tests).
		return errors.New("pdf: the pages could not be joined")
	case !ok:
		if _, err := bw.Write(out); err != nil {
			return err
		}
	}
	d.pack = nil
	return bw.Flush()
}

// keep takes gofpdf's finished file without copying it: Output hands over
// its whole buffer in one Write and never touches it again. (io.Writer asks
// not to retain p; that protects a caller that reuses p, which this one
// does not. Copying tens of megabytes cost more than the deflating.)
type keep struct{ b []byte }

func (k *keep) Write(p []byte) (int, error) {
	if k.b == nil {
		k.b = p
	} else {
		k.b = append(k.b, p...)
	}
	return len(p), nil
}

// --- text -----------------------------------------------------------------

// t is the text with id in the document's language. Every language has
// every id English has (TestTextsComplete), so nothing falls back to
// English; an id no language has shows as itself, a bug a test would see.
func (d *doc) t(id string) string {
	if s, ok := d.texts[id]; ok {
		return s
	}
	return id
}

func (d *doc) tf(id string, args ...any) string { return fmt.Sprintf(d.t(id), args...) }

// word translates a vocabulary word (a source, status, purpose, channel,
// method or event kind) if the texts know it, else shows it as stored: a
// custom purpose keeps the name its user gave it.
func (d *doc) word(kind, v string) string {
	if s, ok := d.texts[kind+":"+v]; ok {
		return s
	}
	return v
}

// zone names the time zone dates and times are shown in.
func (d *doc) zone() string {
	name, off := d.now.In(d.loc).Zone()
	if off == 0 && (name == "UTC" || name == "") {
		return "UTC"
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	return fmt.Sprintf("%s (UTC%s%02d:%02d)", name, sign, off/3600, off%3600/60)
}

// zoneShort is the zone's abbreviation for column headings ("UTC", "CET").
func (d *doc) zoneShort() string {
	name, _ := d.now.In(d.loc).Zone()
	if name == "" {
		return "UTC"
	}
	return name
}

// clean makes s printable in the Go fonts: composed (NFC, so "Å" written as
// A + ring becomes one glyph), tabs and line breaks as spaces, other control
// characters dropped, and anything the fonts have no glyph for as "?"
// rather than an empty box or an error (gofpdf refuses runes beyond the
// Basic Multilingual Plane).
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case unicode.IsControl(r):
			// dropped: nothing to show
		case hasGlyph(r):
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// a combining mark NFC could not compose: drop it, the
			// base letter stays readable
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// oneLine is s cleaned, with runs of white space (line breaks too) as one
// space, cut to at most n runes with an ellipsis.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		s = strings.TrimRight(string(r[:n]), " ") + ellipsis
	}
	return clean(s)
}

// fit is s cleaned and, if wider than w millimetres (less the cell padding)
// in the current font, cut with an ellipsis so it stays inside its cell.
func (d *doc) fit(s string, w float64) string {
	s = clean(s)
	avail := w - 2*d.pdf.GetCellMargin()
	if d.pdf.GetStringWidth(s) <= avail {
		return s
	}
	if len(d.cuts) < 100 {
		d.cuts = append(d.cuts, s)
	}
	r := []rune(s)
	ew := d.pdf.GetStringWidth(ellipsis)
	if ew > avail {
		return ""
	}
	// Binary search the longest prefix that fits with the ellipsis.
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.pdf.GetStringWidth(string(r[:mid]))+ew <= avail {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(r[:lo]), " ") + ellipsis
}

// wrap breaks s into lines no wider than w (less the cell padding) in the
// current font, at most n of them; the last one is cut with an ellipsis if
// text remains.
func (d *doc) wrap(s string, w float64, n int) []string {
	s = clean(s)
	if d.pdf.GetStringWidth(s) <= w-2*d.pdf.GetCellMargin() {
		return []string{s}
	}
	lines := d.pdf.SplitText(s, w)
	// SplitText breaks a word too wide for a line inside the word: fine
	// for a long address, a flaw in a label (TestDocumentsInEveryLanguage).
	if len(d.cuts) < 100 && strings.Join(strings.Fields(strings.Join(lines, " ")), " ") != strings.Join(strings.Fields(s), " ") {
		d.cuts = append(d.cuts, s)
	}
	if len(lines) > n {
		rest := strings.Join(lines[n-1:], " ")
		lines = append(lines[:n-1], d.fit(rest, w))
	}
	return lines
}

// wrapWords is wrap for headings: it breaks s into at most n lines at
// spaces only, and cuts a word too wide for its line (see fit) rather
// than splitting it.
func (d *doc) wrapWords(s string, w float64, n int) []string {
	s = clean(s)
	avail := w - 2*d.pdf.GetCellMargin()
	if d.pdf.GetStringWidth(s) <= avail {
		return []string{s}
	}
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case d.pdf.GetStringWidth(line+" "+word) <= avail:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	lines = append(lines, line)
	if len(lines) > n {
		lines = append(lines[:n-1], strings.Join(lines[n-1:], " "))
	}
	for i, l := range lines {
		lines[i] = d.fit(l, w)
	}
	return lines
}

// fitMiddle is fit for the footer, whose end (the page count) must stay:
// it shortens what comes before the last " · " instead.
func (d *doc) fitMiddle(s string, w float64) string {
	avail := w - 2*d.pdf.GetCellMargin()
	if d.pdf.GetStringWidth(s) <= avail {
		return s
	}
	i := strings.LastIndex(s, " · ")
	if i < 0 {
		return d.fit(s, w)
	}
	head, tail := s[:i], s[i:]
	tw := d.pdf.GetStringWidth(tail)
	return d.fit(head, avail-tw+2*d.pdf.GetCellMargin()) + tail
}

// --- drawing ----------------------------------------------------------------

// The setters below skip calls that change nothing: gofpdf writes every
// font and colour change into the page, and tables change them per cell.

type fontState struct {
	family, style string
	size          float64
}

// pen is what the page was last set to; the zero value means unknown.
type pen struct {
	font                fontState
	draw, fill, text    rgb
	drawn, fild, texted bool
}

func (d *doc) setFont(f fontState) {
	if d.pen.font != f {
		d.pdf.SetFont(f.family, f.style, f.size)
		d.pen.font = f
	}
}

func (d *doc) font(style string, size float64) { d.setFont(fontState{familySans, style, size}) }
func (d *doc) italic(size float64)             { d.setFont(fontState{familySans, "I", size}) }
func (d *doc) mono(size float64)               { d.setFont(fontState{familyMono, "", size}) }

func (d *doc) textColor(c rgb) {
	if !d.pen.texted || d.pen.text != c {
		d.pdf.SetTextColor(c.r, c.g, c.b)
		d.pen.text, d.pen.texted = c, true
	}
}

func (d *doc) drawColor(c rgb) {
	if !d.pen.drawn || d.pen.draw != c {
		d.pdf.SetDrawColor(c.r, c.g, c.b)
		d.pen.draw, d.pen.drawn = c, true
	}
}

func (d *doc) fillColor(c rgb) {
	if !d.pen.fild || d.pen.fill != c {
		d.pdf.SetFillColor(c.r, c.g, c.b)
		d.pen.fill, d.pen.fild = c, true
	}
}

// forget is called after the header and footer: gofpdf restores the page's
// font and colours behind our back there.
func (d *doc) forget() { d.pen = pen{} }

// room is the height left above the bottom margin.
func (d *doc) room() float64 { return d.pageH - marginB - d.pdf.GetY() }

// ensure starts a new page unless h millimetres are left.
func (d *doc) ensure(h float64) {
	if d.room() < h {
		d.pdf.AddPage()
	}
}

// title is the document's big first line, with a muted subtitle.
func (d *doc) title(s, sub string) {
	p := d.pdf
	d.font("B", 16)
	d.textColor(colAccent)
	p.CellFormat(d.width, 8, d.fit(s, d.width), "", 1, "L", false, 0, "")
	if sub != "" {
		d.font("", sizeBody)
		d.textColor(colMuted)
		p.CellFormat(d.width, 5, d.fit(sub, d.width), "", 1, "L", false, 0, "")
	}
	p.Ln(3)
}

// heading starts a section; it moves to a new page when fewer than keep
// millimetres would follow it on this one.
func (d *doc) heading(s string, keep float64) {
	p := d.pdf
	if p.GetY() > marginT+1 {
		p.Ln(3)
	}
	d.ensure(8 + keep)
	d.font("B", 11)
	d.textColor(colAccent)
	p.CellFormat(d.width, 6.5, d.fit(s, d.width), "", 1, "L", false, 0, "")
	d.drawColor(colAccent)
	p.SetLineWidth(0.3)
	p.Line(marginL, p.GetY(), marginL+d.width, p.GetY())
	p.Ln(1.5)
	d.textColor(colInk)
}

// para is a wrapped paragraph in the body font.
func (d *doc) para(s string, c rgb) {
	d.font("", sizeBody)
	d.textColor(c)
	d.pdf.MultiCell(d.width, lineH, strings.TrimSpace(clean(s)), "", "L", false)
	d.textColor(colInk)
}

// kv is a label and its wrapped value, the label in a fixed column.
func (d *doc) kv(label, value string, vc rgb) {
	const lw = labelW
	p := d.pdf
	d.font("", sizeBody)
	value = strings.TrimSpace(clean(value))
	lines := p.SplitText(value, d.width-lw)
	if len(lines) == 0 {
		lines = []string{""}
	}
	d.ensure(float64(min(len(lines), 3)) * lineH)
	y := p.GetY()
	d.textColor(colMuted)
	p.CellFormat(lw, lineH, d.fit(label, lw), "", 0, "L", false, 0, "")
	d.textColor(vc)
	p.SetXY(marginL+lw, y)
	p.MultiCell(d.width-lw, lineH, value, "", "L", false)
	d.textColor(colInk)
}

// bullet is a wrapped list item.
func (d *doc) bullet(s string) {
	const ind = 5.0
	p := d.pdf
	d.font("", sizeBody)
	d.ensure(lineH)
	y := p.GetY()
	d.textColor(colAccent)
	p.CellFormat(ind, lineH, "•", "", 0, "L", false, 0, "")
	d.textColor(colInk)
	p.SetXY(marginL+ind, y)
	p.MultiCell(d.width-ind, lineH, strings.TrimSpace(clean(s)), "", "L", false)
}

// CountPages returns the number of pages of a PDF these functions wrote
// (it counts page objects; it is not a general PDF parser).
func CountPages(pdf []byte) int {
	n := 0
	for rest := pdf; ; {
		i := bytes.Index(rest, []byte("/Type /Page"))
		if i < 0 {
			return n
		}
		rest = rest[i+len("/Type /Page"):]
		if len(rest) == 0 || rest[0] != 's' {
			n++
		}
	}
}
