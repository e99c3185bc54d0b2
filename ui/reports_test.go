package ui

import (
	"testing"

	"warmlead/consent"
)

func TestReportsFilterFromTheForm(t *testing.T) {
	g := openMain(t)
	g.shell.show("reports")
	g.wait()
	p := g.shell.reports.pdf
	p.from.SetText("2026-01-01")
	p.to.SetText("2026-03-31")
	p.source.SetSelected(string(consent.SourceCard))
	p.status.SetSelected("granted")
	f, err := p.filter()
	if err != nil || f.From.Format("2006-01-02") != "2026-01-01" || f.To.Format("2006-01-02") != "2026-03-31" ||
		f.Source != consent.SourceCard || f.Status != consent.StatusGranted || f.Purpose != "" {
		t.Fatalf("filter = %+v, %v", f, err)
	}
	p.from.SetText("1 January")
	if _, err := p.filter(); err == nil {
		t.Fatal("a bad date was accepted")
	}
}
