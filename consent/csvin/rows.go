package csvin

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"warmlead/consent"
)

// Options are what every row shares: what the rep said about where the
// rows come from, and how to read their phones and times.
type Options struct {
	Source     consent.Source // every row's source; "" takes each row's source column
	Event      string         // every row's event when set, else the event column
	ListVendor string         // every row's list vendor when set, else the vendor column
	Region     string         // the country a national phone number is read in ("NL")
	DayFirst   bool           // 11/12/2026 is 11 December (everywhere but the US)
	Location   *time.Location // the zone of times written without one; nil is UTC
	Now        time.Time      // a consent time later than this is taken as this
	File       string         // the file's name, which a consent's evidence names
	MaxField   int            // a longer value is cut; 0 is DefaultLimits'
}

// Row is a record read through a mapping: the prospect it gives and the
// purposes the person ticked on a web form, each with its evidence.
type Row struct {
	Number   int
	Prospect consent.Prospect
	Consents []Consent
}

// Consent is a purpose a person ticked on a web form. Given is when it
// became a consent (the double opt-in confirmation when the export has
// one, else the submission), in UTC. Evidence is the row as it stands in
// the file below its header, naming the file and row.
type Consent struct {
	Cell     consent.PurposeChannel
	Given    time.Time
	Evidence string
}

// Result is every row of a table read through a mapping: the rows to
// import, the rows that failed (the table's own failures among them) and
// warnings about rows imported with something left out, all in row order.
type Result struct {
	Rows     []Row
	Failures []Problem
	Warnings []Problem
}

// Apply reads every record of t through m. A row fails alone; a bad
// secondary value (a phone, a language) is left out with a warning and
// never costs the row. A consent is only what the person ticked: an
// unticked, empty or unknown cell is none, and so is a ticked one whose
// submission time is missing or whose double opt-in was not confirmed.
func Apply(t *Table, m Mapping, o Options) Result {
	o.MaxField = orDefault(o.MaxField, DefaultLimits().MaxFieldBytes)
	if o.Location == nil {
		o.Location = time.UTC
	}
	res := Result{Failures: slices.Clone(t.Failures)}
	for _, rec := range t.Rows {
		r := rowReader{rec: rec, m: m, o: o, t: t}
		row, fail := r.read()
		res.Warnings = append(res.Warnings, r.warnings...)
		if fail != nil {
			res.Failures = append(res.Failures, *fail)
			continue
		}
		res.Rows = append(res.Rows, row)
	}
	slices.SortStableFunc(res.Failures, func(a, b Problem) int { return a.Number - b.Number })
	return res
}

type rowReader struct {
	rec      Record
	m        Mapping
	o        Options
	t        *Table
	cut      bool
	warnings []Problem
}

func (r *rowReader) warn(code Code, template string, kv ...any) {
	r.warnings = append(r.warnings, problem(r.rec.Number, code, template, kv...))
}

// all is every value of the columns mapped to f, in column order, trimmed
// and cut to the field limit.
func (r *rowReader) all(f Field) []string {
	var out []string
	for i, mf := range r.m {
		if mf != f || i >= len(r.rec.Fields) {
			continue
		}
		v := strings.TrimSpace(r.rec.Fields[i])
		if len(v) > r.o.MaxField {
			v = cutUTF8(v, r.o.MaxField)
			if !r.cut {
				r.cut = true
				r.warn(CodeCut, tCut, "Limit", r.o.MaxField)
			}
		}
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// first is the first filled value of the columns mapped to f.
func (r *rowReader) first(f Field) string {
	if vs := r.all(f); len(vs) > 0 {
		return vs[0]
	}
	return ""
}

func (r *rowReader) read() (Row, *Problem) {
	n := r.rec.Number
	p := consent.Prospect{Company: r.first(Company), Title: r.first(Title)}
	p.Name = r.first(Name)
	if p.Name == "" {
		p.Name = strings.Join(slices.DeleteFunc([]string{r.first(FirstName), r.first(MiddleName), r.first(LastName)},
			func(s string) bool { return s == "" }), " ")
	}
	p.Email = r.pick(Email, func(v string) bool { _, err := consent.NormalizeEmail(v); return err == nil })
	if p.Name == "" && p.Email != "" {
		// A form that asks for an email only (a newsletter sign-up) still
		// gives a lead, as a card with only an address does; the rep can
		// correct the name.
		p.Name, _, _ = strings.Cut(p.Email, "@")
	}
	if p.Name == "" {
		pr := problem(n, CodeNoName, tNoName)
		return Row{}, &pr
	}
	if phones := r.all(Phone); len(phones) > 0 {
		p.Phone = r.pick(Phone, func(v string) bool { _, err := consent.NormalizePhone(v, r.o.Region); return err == nil })
		if _, err := consent.NormalizePhone(p.Phone, r.o.Region); err != nil {
			p.Phone = ""
			r.warn(CodePhoneDropped, tPhoneDropped)
		}
	}
	if l := r.first(Lang); l != "" {
		if code, err := consent.ParseLanguage(strings.ToLower(l)); err == nil {
			p.Lang = code
		} else {
			r.warn(CodeLangDropped, tLangDropped)
		}
	}
	p.Source = r.o.Source
	if p.Source == "" {
		src, err := consent.ParseSource(strings.ToLower(r.first(Source)))
		if err != nil {
			pr := problem(n, CodeNoSource, tNoSource)
			return Row{}, &pr
		}
		p.Source = src
	}
	p.Event, p.ListVendor = r.o.Event, r.o.ListVendor
	if p.Event == "" {
		p.Event = r.first(Event)
	}
	if p.ListVendor == "" {
		p.ListVendor = r.first(ListVendor)
	}
	return Row{Number: n, Prospect: p, Consents: r.consents()}, nil
}

// pick is the first value of f's columns that ok accepts, else the first
// value (which then fails or is dropped where it is checked).
func (r *rowReader) pick(f Field, ok func(string) bool) string {
	vs := r.all(f)
	for _, v := range vs {
		if ok(v) {
			return v
		}
	}
	if len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// consents reads the row's consent columns (see Apply).
func (r *rowReader) consents() []Consent {
	var out []Consent
	var evidence string
	for i, f := range r.m {
		cell, ok := f.Consent()
		if !ok || slices.ContainsFunc(out, func(c Consent) bool { return c.Cell == cell }) {
			continue
		}
		switch readTick(r.rec.Fields[i]) {
		case tickNo:
			continue
		case tickUnknown:
			r.warn(CodeNotATick, tNotATick, "Purpose", cell.Purpose)
			continue
		}
		given, ok := r.given(cell.Purpose)
		if !ok {
			continue
		}
		if evidence == "" {
			evidence = r.evidence()
		}
		out = append(out, Consent{Cell: cell, Given: given, Evidence: evidence})
	}
	return out
}

// given is when a ticked purpose became a consent: the double opt-in's
// confirmation when the export has that column (which must then say it was
// confirmed), else the form's submission time, which must be there.
func (r *rowReader) given(p consent.Purpose) (time.Time, bool) {
	sent, sentOK := readTime(r.first(ConsentTime), r.o.DayFirst, r.o.Location)
	if r.m.Has(ConsentTime) && !sentOK {
		r.warn(CodeNoConsent, tNoTime, "Purpose", p)
		return time.Time{}, false
	}
	at := sent
	if r.m.Has(ConfirmTime) {
		v := r.first(ConfirmTime)
		confirmed, ok := readTime(v, r.o.DayFirst, r.o.Location)
		switch {
		case ok:
			at = confirmed
		case readTick(v) == tickYes && sentOK:
		default:
			r.warn(CodeNotConfirmed, tNotConfirmed, "Purpose", p)
			return time.Time{}, false
		}
	} else if !sentOK {
		r.warn(CodeNoConsent, tNoTime, "Purpose", p)
		return time.Time{}, false
	}
	if !r.o.Now.IsZero() && at.After(r.o.Now) {
		at = r.o.Now
	}
	return at.UTC().Truncate(time.Second), true
}

// evidence is what the ledger keeps of a web form's consent: where it
// came from and the row under its header, as they stand in the file.
func (r *rowReader) evidence() string {
	return consent.CutEvidence(fmt.Sprintf("Web form export %s, row %d:\n%s\n%s", r.o.File, r.rec.Number, r.t.HeaderLine, r.rec.Line))
}

// cutUTF8 cuts s to at most n bytes on a character boundary.
func cutUTF8(s string, n int) string {
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
