package ui

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"warmlead/consent"
)

// memFile is a save dialog's writer kept in memory.
type memFile struct{ bytes.Buffer }

func (m *memFile) Close() error   { return nil }
func (m *memFile) URI() fyne.URI  { return storage.NewFileURI("/tmp/x") }
func (m *memFile) String() string { return m.Buffer.String() }

// selectAll selects every listed prospect as Ctrl+A does.
func selectAll(p *prospectsScreen) []uint64 {
	p.list.TypedShortcut(&fyne.ShortcutSelectAll{})
	return p.selectedIDs()
}

// topDialogHas tells whether the dialog on top shows text.
func topDialogHas(g *GUI, text string) bool {
	top := g.win.Canvas().Overlays().Top()
	return top != nil && anyUnder(top, true, false, func(o fyne.CanvasObject) bool { return textOf(o) != "" && strings.Contains(textOf(o), text) })
}

func TestBulkExportsFromTheSelection(t *testing.T) {
	g, p := fourProspects(t)
	ids := selectAll(p)
	if !p.bulk.root.Visible() || p.bulk.count.Text != "4 selected" {
		t.Fatalf("bar %q", p.bulk.count.Text)
	}
	var csvOut, vcf memFile
	p.bulk.writeTo(&csvOut, ids, g.uc.Bulk.ExportCSV, "csv")
	g.wait()
	if !strings.HasPrefix(csvOut.String(), "name,company,title,email,phone,source,event,list_vendor,lang,") || strings.Count(csvOut.String(), "\n") != 5 {
		t.Fatalf("csv:\n%s", csvOut.String())
	}
	if !topDialogHas(g, "Done for 4 people.") {
		t.Error("the result dialog does not say for how many")
	}
	p.bulk.writeTo(&vcf, ids[:2], g.uc.Bulk.ExportVCard, "vcf")
	g.wait()
	if strings.Count(vcf.String(), "BEGIN:VCARD") != 2 {
		t.Fatalf("vcf:\n%s", vcf.String())
	}
	write, rep := p.bulk.pdfWriter(ids)
	w, err := write(filepath.Join(t.TempDir(), "sel.pdf"), nil)
	if err != nil || w.Pages < 2 || rep.Done() != 4 {
		t.Fatalf("pdf %+v %+v %v", w, rep, err)
	}
}

func TestBulkConsentNoticesAndErase(t *testing.T) {
	g, p := fourProspects(t)
	ids := selectAll(p)

	test.Tap(p.bulk.consent)
	f := p.bulk.consentForm
	if !topDialogHas(g, "Record a consent for 4 people") {
		t.Error("the consent dialog does not name how many")
	}
	f.evidence.SetText("Signed attendee list, fair 2026, page 2")
	p.bulk.recordConsent(ids, f)
	g.wait()
	if p.bulk.last.Done() != 4 {
		t.Fatalf("consent %+v", p.bulk.last)
	}
	rec, _ := g.db.Record(ids[3])
	if last := rec.Events[len(rec.Events)-1]; last.Kind != consent.KindConsentGranted || last.Evidence != "Signed attendee list, fair 2026, page 2" || last.Method != consent.MethodSigned {
		t.Fatalf("grant %+v", last)
	}

	// Bram (bought list) and Dirk (referral) are owed a notice; the card
	// contacts are not.
	selectAll(p)
	test.Tap(p.bulk.notices)
	g.wait()
	if !topDialogHas(g, "2 of 4 need an Art. 14 notice") {
		t.Fatal("the notices dialog does not say who needs one")
	}
	p.bulk.markNoticesSent()
	g.wait()
	if p.bulk.last.Done() != 2 || len(p.bulk.last.Refused()) != 2 {
		t.Fatalf("notices %+v", p.bulk.last)
	}
	if !topDialogHas(g, "no Art. 14 notice is owed") {
		t.Error("the refused are not named with the reason")
	}

	ids = selectAll(p)[:3]
	p.selected = map[uint64]struct{}{ids[0]: {}, ids[1]: {}, ids[2]: {}}
	test.Tap(p.bulk.erase)
	if !topDialogHas(g, "Erase 3 people for good?") {
		t.Fatal("the erase confirmation does not name how many")
	}
	p.bulk.eraseSelected(ids, "")
	g.wait()
	if g.db.Index().Count() != 4 {
		t.Fatal("erased without a reason")
	}
	p.bulk.eraseWhy.SetText("cleaned up after the fair")
	p.bulk.eraseSelected(ids, p.bulk.eraseWhy.Text)
	g.wait()
	if g.db.Index().Count() != 1 || p.bulk.last.Done() != 3 || len(p.results) != 1 {
		t.Fatalf("after erase: %d left, %+v", g.db.Index().Count(), p.bulk.last)
	}
}

func TestMergeFromTheList(t *testing.T) {
	g := openMain(t,
		consent.Prospect{Name: "Jørgen Ångström", Company: "Nord AB", Email: "jorgen@nord.example", Source: consent.SourceCard},
		consent.Prospect{Name: "Jorgen Angstrom", Company: "Nord Group", Phone: "+46701234567", Source: consent.SourceCard})
	g.shell.show("prospects")
	g.wait()
	p := g.shell.prospects
	ids := selectAll(p)
	test.Tap(p.bulk.merge)
	g.wait()
	m := p.bulk.merging
	if m == nil || m.choices["company"] == nil || m.choices["name"] == nil || m.choices["phone"] != nil {
		t.Fatalf("choices %v", m)
	}
	m.choices["company"].SetSelected("Nord Group")
	m.merge()
	g.wait()
	if g.db.Index().Count() != 1 || len(p.results) != 1 {
		t.Fatalf("%d prospects after merge", g.db.Index().Count())
	}
	kept, _ := g.db.Prospect(ids[0])
	if kept.Company != "Nord Group" || kept.Phone != "+46701234567" || kept.Name != "Jørgen Ångström" {
		t.Fatalf("kept %+v", kept)
	}
	if r, err := g.db.Verify(); err != nil || !r.OK() {
		t.Fatalf("verify %+v %v", r, err)
	}
}
