package ui

import (
	"strings"
	"testing"

	"warmlead/consent"
	"warmlead/ui/i18n"
)

func TestReportsFilterFromTheForm(t *testing.T) {
	g := openMain(t)
	g.shell.show("reports")
	g.wait()
	p := g.shell.reports.pdf
	p.from.SetText("2026-01-01")
	p.to.SetText("2026-03-31")
	p.source.SetSelected(i18n.Source(consent.SourceCard))
	p.status.SetSelected("Granted")
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

// The reports screen in Dutch: buttons, filter choices mapped back to their
// codes by position, a date error, the audit actions, and PDFs made in the
// language on screen rather than the settings' English.
func TestReportsInDutch(t *testing.T) {
	g := openMain(t)
	i18n.Use("nl")
	t.Cleanup(func() { i18n.Use("en") })
	r := newReportsScreen(g)
	if r.verify.Text != "Gegevens controleren" || r.backup.Text != "Back-up maken…" {
		t.Fatalf("buttons: %q, %q", r.verify.Text, r.backup.Text)
	}
	p := r.pdf
	if p.doc.Selected != "Teamrapport" || p.create.Text != "Pdf maken…" || p.status.Selected != "Alle" {
		t.Fatalf("PDF panel: %q, %q, %q", p.doc.Selected, p.create.Text, p.status.Selected)
	}
	p.source.SetSelected("Visitekaartje")
	p.purpose.SetSelected("Nieuwsbrief")
	p.status.SetSelected("Ingetrokken")
	f, err := p.filter()
	if err != nil || f.Source != consent.SourceCard || f.Purpose != consent.PurposeNewsletter || f.Status != consent.StatusWithdrawn {
		t.Fatalf("filter = %+v, %v", f, err)
	}
	p.to.SetText("31 maart")
	if _, err := p.filter(); err == nil || !strings.Contains(err.Error(), "is geen datum") {
		t.Fatalf("bad date: %v", err)
	}
	if got := auditActionLabel("backup"); got != "Back-up gemaakt" {
		t.Fatalf("audit action: %q", got)
	}
	if got := documentLang(); got != "nl" {
		t.Fatalf("PDF language %q", got)
	}
	r.onVerify()
	g.wait()
	if !strings.HasPrefix(r.status.Text, "Alle gegevens intact: 0 prospects, 0 gebeurtenissen") {
		t.Fatalf("verify: %q", r.status.Text)
	}
}
