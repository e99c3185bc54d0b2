package pdfreport

import (
	"bytes"
	"strings"
	"testing"

	"warmlead/consent"
	"warmlead/consent/insight"
	"warmlead/consent/insight/chart"
)

func worksOf(recs []consent.Record) insight.Figures {
	t := insight.NewTally(insight.Filter{})
	for _, r := range recs {
		t.Add(r)
	}
	return t.Figures()
}

// The page "What works" follows the prospects table and comes before the
// summaries, with the five charts as pictures under their titles, in the
// document's language; a team report without figures has no such page.
func TestWhatWorksPage(t *testing.T) {
	recs := team(40)
	works := worksOf(recs)
	for _, c := range []struct {
		lang, title, note string
		summaries         bool
	}{
		{"en", "What works", "Calls are counted up to the first", false},
		{"de", "Was funktioniert", "Anrufe werden bis zum ersten gezählt", true},
	} {
		m := testMeta()
		m.Lang = c.lang
		var raw []byte
		path := writeDoc(t, "team-"+c.lang+".pdf", func(b *bytes.Buffer) error {
			err := TeamSelectedWithInsight(b, recs, len(recs), Filter{}, m, c.summaries, nil, works)
			raw = b.Bytes()
			return err
		})
		ps := pages(pdfText(t, path))
		at := -1
		for i, p := range ps {
			if strings.Contains(p, c.title) {
				at = i
			}
		}
		if at < 1 {
			t.Fatalf("%s: no page %q in %d pages", c.lang, c.title, len(ps))
		}
		// Last without the summaries, so before the first summary with them.
		var short bytes.Buffer
		if err := TeamSelectedWithInsight(&short, recs, len(recs), Filter{}, m, false, nil, works); err != nil {
			t.Fatal(err)
		}
		if want := CountPages(short.Bytes()) - 1; at != want || (c.summaries && len(ps) <= want+1) {
			t.Errorf("%s: %q is page %d of %d, want %d", c.lang, c.title, at+1, len(ps), want+1)
		}
		charts, err := chart.Render(works, chart.Options{Lang: c.lang})
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(ps[at]), " ")
		mustContain(t, c.lang+" page", flat, c.note)
		for _, ch := range charts {
			mustContain(t, c.lang+" page", flat, ch.Title)
		}
		if n := bytes.Count(raw, []byte("/Subtype /Image")); n != len(charts) {
			t.Errorf("%s: %d images, want %d", c.lang, n, len(charts))
		}
		snapshot(t, path, "whatworks-"+c.lang, at+1)
	}
	var plain bytes.Buffer
	if err := TeamSelected(&plain, recs, len(recs), Filter{}, testMeta(), false, nil); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain.Bytes(), []byte("/Subtype /Image")) {
		t.Error("TeamSelected draws charts: only TeamSelectedWithInsight has the page")
	}
}

// An empty period says so rather than drawing five empty charts.
func TestWhatWorksEmpty(t *testing.T) {
	var raw []byte
	path := writeDoc(t, "empty.pdf", func(b *bytes.Buffer) error {
		err := TeamSelectedWithInsight(b, nil, 0, Filter{}, testMeta(), false, nil, insight.Figures{})
		raw = b.Bytes()
		return err
	})
	text := strings.Join(strings.Fields(pdfText(t, path)), " ")
	mustContain(t, "empty report", text, "What works", "Nothing was collected or consented to in this period.")
	if bytes.Contains(raw, []byte("/Subtype /Image")) {
		t.Error("an empty period draws charts")
	}
}
