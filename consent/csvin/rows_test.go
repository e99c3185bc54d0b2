package csvin

import (
	"strings"
	"testing"
	"time"

	"warmlead/consent"
)

var now = time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)

func apply(t *testing.T, data string, o Options) (Result, *Table) {
	t.Helper()
	tb := mustRead(t, []byte(data))
	if o.Region == "" {
		o.Region = "NL"
	}
	o.Now, o.File = now, "form.csv"
	return Apply(tb, AutoMap(tb.Header), o), tb
}

func TestApplyNamesPhonesAndSources(t *testing.T) {
	data := "First Name,Middle Name,Last Name,Name,E-mail Address,E-mail 2 Address,Business Phone,Mobile Phone,Language,Source\n" +
		"Jan,van der,Berg,,,jan@berg.example,,06 12345678,NL,\n" + // row 2: the second email, the mobile
		",,,Anna Berg,not-an-email,anna@berg.example,12,,xx,card\n" + // row 3: the valid email; phone 12 dropped; lang dropped
		",,,,,,+31 20 555 0100,,,\n" + // row 4: no name, no email
		",,,,news@reader.example,,,,,\n" // row 5: the email's local part is the name
	res, _ := apply(t, data, Options{Source: consent.SourceCustomer})
	if len(res.Rows) != 3 || len(res.Failures) != 1 || res.Failures[0].Number != 4 || res.Failures[0].Code != CodeNoName {
		t.Fatalf("rows %+v failures %+v", res.Rows, res.Failures)
	}
	jan, anna, news := res.Rows[0].Prospect, res.Rows[1].Prospect, res.Rows[2].Prospect
	if jan.Name != "Jan van der Berg" || jan.Email != "jan@berg.example" || jan.Phone != "06 12345678" || jan.Lang != "nl" {
		t.Errorf("jan %+v", jan)
	}
	if anna.Name != "Anna Berg" || anna.Email != "anna@berg.example" || anna.Phone != "" || anna.Lang != "" {
		t.Errorf("anna %+v", anna)
	}
	if news.Name != "news" {
		t.Errorf("news %+v", news)
	}
	var codes []string
	for _, w := range res.Warnings {
		codes = append(codes, string(w.Code))
		if w.Number != 3 {
			t.Errorf("warning on row %d: %s", w.Number, w.Msg)
		}
	}
	if strings.Join(codes, ",") != "phone-dropped,lang-dropped" {
		t.Errorf("warnings %v", codes)
	}
	if jan.Source != consent.SourceCustomer || anna.Source != consent.SourceCustomer {
		t.Errorf("the rep's source is every row's: %q, %q", jan.Source, anna.Source)
	}
	// No source given: each row's column decides, and a row without one fails.
	res, _ = apply(t, data, Options{})
	if len(res.Rows) != 1 || res.Rows[0].Prospect.Source != consent.SourceCard || len(res.Failures) != 3 ||
		res.Failures[0].Code != CodeNoSource || res.Failures[2].Code != CodeNoSource {
		t.Errorf("from the source column: rows %+v failures %+v", res.Rows, res.Failures)
	}
}

func TestApplyOptionsWinOverColumns(t *testing.T) {
	data := "name,source,event,list_vendor\nAnna,card,Fair A,Vendor A\nBo,,,\n"
	res, _ := apply(t, data, Options{Source: consent.SourceList, ListVendor: "LeadCo"})
	for _, r := range res.Rows {
		if r.Prospect.Source != consent.SourceList || r.Prospect.ListVendor != "LeadCo" {
			t.Errorf("row %d: %+v", r.Number, r.Prospect)
		}
	}
	if res.Rows[0].Prospect.Event != "Fair A" || res.Rows[1].Prospect.Event != "" {
		t.Errorf("event columns fill what the options leave: %+v", res.Rows)
	}
}

// The web form's consent columns: only what was ticked, with its time, its
// double opt-in confirmation and the row as evidence.
func TestApplyWebFormConsents(t *testing.T) {
	header := "Email,Name,Newsletter,Events,Offers by phone,Submitted at,Double opt-in confirmed"
	rows := []string{
		"a@x.example,Anna,yes,no,x,2026-11-12 14:03:00,2026-11-12 14:10:00", // row 2: newsletter and offers/phone
		"b@x.example,Bo,,,,2026-11-12 15:00:00,2026-11-12 15:05:00",         // row 3: nothing ticked
		"c@x.example,Cy,ja,maybe,nee,2026-11-13 09:00:00,",                  // row 4: not confirmed, a non-tick
		"d@x.example,Di,TRUE,Checked,0,,2026-11-14 10:00:00",                // row 5: no submission time
		"e@x.example,Ed,1,,,13.11.2026 09:00,ja",                            // row 6: confirmed without a time
		"f@x.example,Fy,✓,,,2027-01-01 00:00:00,2027-01-01 00:00:00",        // row 7: a time after now
	}
	res, tb := apply(t, header+"\n"+strings.Join(rows, "\n")+"\n", Options{Source: consent.SourceInbound, DayFirst: true})
	if len(res.Rows) != 6 || len(res.Failures) != 0 {
		t.Fatalf("rows %d failures %+v", len(res.Rows), res.Failures)
	}
	cells := func(r Row) string {
		var s []string
		for _, c := range r.Consents {
			s = append(s, string(c.Cell.Purpose)+"/"+string(c.Cell.Channel)+"@"+c.Given.Format(time.RFC3339))
		}
		return strings.Join(s, " ")
	}
	for i, want := range []string{
		"newsletter/email@2026-11-12T14:10:00Z offers/phone@2026-11-12T14:10:00Z",
		"",
		"",
		"",
		"newsletter/email@2026-11-13T09:00:00Z",
		"newsletter/email@2026-12-02T09:00:00Z",
	} {
		if got := cells(res.Rows[i]); got != want {
			t.Errorf("row %d: %q, want %q", res.Rows[i].Number, got, want)
		}
	}
	ev := res.Rows[0].Consents[0].Evidence
	if want := "Web form export form.csv, row 2:\n" + tb.HeaderLine + "\n" + rows[0]; ev != want {
		t.Errorf("evidence %q, want %q", ev, want)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, strings.Join([]string{string(rune('0' + w.Number)), string(w.Code)}, " "))
	}
	want := "4 not-confirmed,4 not-a-tick,5 no-consent,5 no-consent"
	if strings.Join(got, ",") != want {
		t.Errorf("warnings %v, want %s", got, want)
	}
}

func TestReadTime(t *testing.T) {
	ams, _ := time.LoadLocation("Europe/Amsterdam")
	if ams == nil {
		ams = time.FixedZone("CET", 3600)
	}
	for _, c := range []struct {
		in       string
		dayFirst bool
		want     string // UTC, "" for not a time
	}{
		{"2026-11-12T14:03:00Z", true, "2026-11-12T14:03:00Z"},
		{"2026-11-12T14:03:00+01:00", true, "2026-11-12T13:03:00Z"},
		{"2026-11-12 14:03:00", true, "2026-11-12T13:03:00Z"},
		{"11/12/2026 14:03:00", true, "2026-12-11T13:03:00Z"},
		{"11/12/2026 14:03:00", false, "2026-11-12T13:03:00Z"},
		{"11/12/2026 2:03:00 PM", false, "2026-11-12T13:03:00Z"},
		{"12.11.2026 14:03", false, "2026-11-12T13:03:00Z"},
		{"12-11-2026", true, "2026-11-11T23:00:00Z"},
		{"yes", true, ""}, {"", true, ""}, {"last Tuesday", true, ""}, {"2026-13-45", true, ""},
	} {
		got, ok := readTime(c.in, c.dayFirst, ams)
		s := ""
		if ok {
			s = got.UTC().Format(time.RFC3339)
		}
		if s != c.want {
			t.Errorf("readTime(%q, dayFirst %v) = %q, want %q", c.in, c.dayFirst, s, c.want)
		}
	}
}
