package usecase

import (
	"bytes"
	"encoding/csv"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"warmlead/consent"
	"warmlead/store"
)

// bulkPeople adds a card contact, a bought-list contact and a referral.
func bulkPeople(t *testing.T, app *App) []uint64 {
	t.Helper()
	var ids []uint64
	for _, p := range []consent.Prospect{
		{Name: "Anna Berg", Company: "Zeta AB", Email: "anna@zeta.example", Phone: "+31205550101", Source: consent.SourceCard},
		{Name: "Bram Claes", Company: "=HYPERLINK(1)", Email: "bram@alpha.example", Source: consent.SourceList, ListVendor: "Leads BV"},
		{Name: "Cora Dahl", Email: "cora@mid.example", Source: consent.SourceSocial},
	} {
		added, err := app.Prospects.Add(p, AddOptions{})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, added.ID)
	}
	return ids
}

func TestBulkExportCSV(t *testing.T) {
	app, _ := newTestApp(t)
	ids := bulkPeople(t, app)
	var buf bytes.Buffer
	rep, err := app.Bulk.ExportCSV(&buf, append(ids, 999))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Done() != 3 || len(rep.Refused()) != 1 || !errors.Is(rep.Refused()[0].Err, store.ErrNotFound) {
		t.Fatalf("report %+v", rep)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0][:9], ","); got != "name,company,title,email,phone,source,event,list_vendor,lang" {
		t.Fatalf("header %s", got)
	}
	if len(rows) != 4 || rows[1][0] != "Anna Berg" || rows[1][4] != "+31205550101" {
		t.Fatalf("rows %q", rows)
	}
	col := func(name string) int {
		for i, c := range rows[0] {
			if c == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	if rows[2][1] != "'=HYPERLINK(1)" {
		t.Errorf("a formula must not reach a spreadsheet as one: %q", rows[2][1])
	}
	if rows[2][col("notice_owed")] != "true" || rows[1][col("notice_owed")] != "false" || rows[1][col("consent_state")] != "none" {
		t.Errorf("ledger columns %q / %q", rows[1], rows[2])
	}
	if _, err := app.Bulk.ExportCSV(&buf, nil); err == nil {
		t.Error("an empty selection must be refused")
	}
}

func TestBulkRecordConsentOneEvidenceEachGrant(t *testing.T) {
	app, db := newTestApp(t)
	ids := bulkPeople(t, app)
	ev, err := EvidenceFile("/scans/signed list.pdf", []byte("%PDF-1.7\x00\x01binary"))
	if err != nil || !strings.Contains(ev, "SHA-256") || !strings.Contains(ev, "signed list.pdf") {
		t.Fatalf("evidence %q %v", ev, err)
	}
	a := consent.Answer{Kind: consent.KindConsentGranted, Cell: consent.PurposeChannel{Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail},
		Method: consent.MethodSigned, Evidence: ev}
	// An erased person's grant is refused alone; the others are recorded.
	if err := app.Rights.Erase(ids[2], "asked to be forgotten"); err != nil {
		t.Fatal(err)
	}
	rep, err := app.Bulk.RecordConsent(ids, a)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Done() != 2 || len(rep.Refused()) != 1 || rep.Refused()[0].ID != ids[2] {
		t.Fatalf("report %+v", rep)
	}
	for _, id := range ids[:2] {
		rec, _ := db.Record(id)
		last := rec.Events[len(rec.Events)-1]
		if last.Kind != consent.KindConsentGranted || last.Evidence != ev || last.Method != consent.MethodSigned {
			t.Errorf("prospect %d: %+v", id, last)
		}
	}
	// Without evidence each grant is refused, none stored.
	if rep, _ := app.Bulk.RecordConsent(ids[:1], consent.Answer{Kind: consent.KindConsentGranted, Cell: a.Cell, Method: consent.MethodSigned}); rep.Done() != 0 {
		t.Error("a grant without evidence was recorded")
	}
	if _, err := app.Bulk.RecordConsent(ids, consent.Answer{Kind: consent.KindConsentWithdrawn, Cell: a.Cell}); err == nil {
		t.Error("a bulk withdrawal from one list is not what the action is for")
	}
}

func TestBulkNoticesOnlyForThoseOwed(t *testing.T) {
	app, db := newTestApp(t)
	ids := bulkPeople(t, app)
	notices, err := app.Bulk.Notices(ids, "")
	if err != nil {
		t.Fatal(err)
	}
	if notices[0].Err == nil || notices[1].Err != nil || notices[2].Err != nil {
		t.Fatalf("a card contact needs no notice, list and social do: %+v", notices)
	}
	var mbox bytes.Buffer
	if err := WriteNotices(&mbox, notices, testNow); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(mbox.String(), "\nFrom warmlead ") + 1; !strings.HasPrefix(mbox.String(), "From warmlead ") || n != 2 {
		t.Fatalf("mailbox holds %d messages:\n%s", n, mbox.String())
	}
	rep := app.Bulk.NoticesSent(notices)
	if rep.Done() != 2 || len(rep.Refused()) != 1 {
		t.Fatalf("sent %+v", rep)
	}
	rec, _ := db.Record(ids[1])
	if _, ok := consent.Informed(rec); !ok {
		t.Error("the notice was not recorded")
	}
	again, _ := app.Bulk.Notices(ids, "")
	for _, n := range again {
		if n.Err == nil {
			t.Errorf("%s was sent a notice already", n.Name)
		}
	}
}

func TestBulkEraseAndExports(t *testing.T) {
	app, db := newTestApp(t)
	ids := bulkPeople(t, app)
	var vcf bytes.Buffer
	if rep, err := app.Bulk.ExportVCard(&vcf, ids); err != nil || rep.Done() != 3 || strings.Count(vcf.String(), "BEGIN:VCARD") != 3 {
		t.Fatalf("vcard %+v %v", rep, err)
	}
	pdf := filepath.Join(t.TempDir(), "sel.pdf")
	if w, rep, err := app.Bulk.ReportPDF(ids[:2], "", "quarterly check", pdf); err != nil || rep.Done() != 2 || w.Pages < 1 {
		t.Fatalf("pdf %+v %+v %v", w, rep, err)
	}
	if _, err := app.Bulk.Erase(ids, " "); err == nil {
		t.Fatal("an erasure without a reason")
	}
	rep, err := app.Bulk.Erase(append([]uint64{ids[0]}, ids...), "list cleaned after the fair")
	if err != nil {
		t.Fatal(err)
	}
	// The second erasure of Anna is refused alone; the others are done.
	if rep.Done() != 3 || len(rep.Refused()) != 1 {
		t.Fatalf("erase %+v", rep)
	}
	if db.Index().Count() != 0 {
		t.Errorf("%d left", db.Index().Count())
	}
	if r, err := db.Verify(); err != nil || !r.OK() {
		t.Fatalf("verify %+v %v", r, err)
	}
}
