package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// formValue is what the Details tab shows beside a label.
func formValue(f *widget.Form, label string) string {
	// The form draws its own row objects; read what is rendered, not Items,
	// since the bug was a rendered row left over from the previous prospect.
	objs := formRows(f)
	for i := 0; i+1 < len(objs); i += 2 {
		if objs[i] == label {
			return objs[i+1]
		}
	}
	return ""
}

// TestDetailsShowTheSelectedProspectsCompany: opening one prospect's
// Details and then another must show the second one's company (the form
// used to keep its first rendered row).
func TestDetailsShowTheSelectedProspectsCompany(t *testing.T) {
	g := openMain(t,
		consent.Prospect{Name: "Anna Berg", Company: "Zeta AB", Title: "CTO", Source: consent.SourceCard},
		consent.Prospect{Name: "Bram Claes", Company: "Alpha BV", Source: consent.SourceCard})
	g.shell.show("prospects")
	g.wait()
	p := g.shell.prospects
	p.list.Select(0)
	g.wait()
	p.detail.tabs.SelectIndex(2)
	if got := formValue(p.detail.fields, "Company"); got != "Zeta AB" {
		t.Fatalf("first prospect's company: %q", got)
	}
	p.list.Select(1)
	g.wait()
	if got := formValue(p.detail.fields, "Company"); got != "Alpha BV" {
		t.Fatalf("second prospect's company shows %q, want Alpha BV", got)
	}
	if got := formValue(p.detail.fields, "Job title"); got != "" {
		t.Fatalf("second prospect has no title, the form shows %q", got)
	}
}
