package usecase

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// addProspect stores p as collected at when, by Rita Rep.
func addProspect(t *testing.T, db *store.DB, p consent.Prospect, when time.Time) consent.Prospect {
	t.Helper()
	p, err := db.AddProspect(p, store.AddOptions{Rep: "Rita Rep", Region: "SE", AllowDuplicate: true, Now: when})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func anna(t *testing.T, db *store.DB) consent.Prospect {
	return addProspect(t, db, consent.Prospect{Name: "Anna Berg", Company: "Berg AB", Email: "anna@berg.example", Source: consent.SourceReferral},
		testNow.AddDate(0, 0, -3))
}

func auditLog(t *testing.T, db *store.DB) []store.AuditEntry {
	t.Helper()
	log, err := db.AuditLog()
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// Export writes the file, the exported event and the audit entry together;
// for a prospect that does not exist it writes none of them.
// annaOrMissing is a new app whose database holds Anna, and the id a case
// acts on: Anna's, or one no prospect has when missing.
func annaOrMissing(t *testing.T, missing bool) (*App, *store.DB, consent.Prospect, uint64) {
	t.Helper()
	app, db := newTestApp(t)
	p := anna(t, db)
	if missing {
		return app, db, p, p.ID + 41
	}
	return app, db, p, p.ID
}

func TestExport(t *testing.T) {
	cases := []struct {
		name, format string
		toFile       bool
		missing      bool
		want         string // in the exported data
		note         string // the exported event's note
	}{
		{"json to a file", FormatJSON, true, false, `"name": "Anna Berg"`, "json to anna.out"},
		{"vcard to a file", FormatVCard, true, false, "FN:Anna Berg", "vcf to anna.out"},
		{"json to standard output", FormatJSON, false, false, `"email": "anna@berg.example"`, "json to standard output"},
		{"missing prospect", FormatJSON, true, true, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			app, db, p, id := annaOrMissing(t, c.missing)
			path := filepath.Join(t.TempDir(), "anna.out")
			var out bytes.Buffer
			req := ExportRequest{ID: id, Format: c.format, Reason: "access request", Out: &out}
			if c.toFile {
				req.Path = path
			}
			ev, err := app.Rights.Export(req)
			rec, rerr := db.Record(p.ID)
			if rerr != nil {
				t.Fatal(rerr)
			}
			last := rec.Events[len(rec.Events)-1]
			if c.missing {
				if CodeOf(err) != CodeNotFound {
					t.Fatalf("export of a missing prospect: %v (%s)", err, CodeOf(err))
				}
				if _, serr := os.Stat(path); serr == nil || out.Len() > 0 {
					t.Error("a failed export wrote data")
				}
				if len(auditLog(t, db)) != 0 || last.Kind == consent.KindExported {
					t.Error("a failed export was recorded")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			data := out.Bytes()
			if c.toFile {
				if data, err = os.ReadFile(path); err != nil {
					t.Fatal(err)
				}
				if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
					t.Errorf("export file mode %v, want 0600", fi.Mode().Perm())
				}
			}
			if !strings.Contains(string(data), c.want) {
				t.Errorf("export lacks %q:\n%s", c.want, data)
			}
			if ev.Kind != consent.KindExported || ev.Note != c.note || ev.Rep != "Rita Rep" || last.Seq != ev.Seq || last.Note != c.note {
				t.Errorf("event %+v, last in ledger %+v; want note %q", ev, last, c.note)
			}
			log := auditLog(t, db)
			if len(log) != 1 || log[0].Action != "exported" || log[0].Prospect != p.ID || log[0].Detail != c.format+": access request" {
				t.Errorf("audit log %+v", log)
			}
			for _, a := range log {
				if strings.Contains(a.Detail, "anna") || strings.Contains(a.Detail, "Anna") {
					t.Errorf("the audit entry names the file or the person: %+v", a)
				}
			}
		})
	}
}

// A file the save dialog already made (mode 0644) ends up private; an
// unknown format is refused as invalid before anything is read.
func TestExportMakesADialogFilePrivate(t *testing.T) {
	app, db := newTestApp(t)
	p := anna(t, db)
	path := filepath.Join(t.TempDir(), "made-by-dialog.json")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Rights.Export(ExportRequest{ID: p.ID, Format: FormatJSON, Reason: "from the app", Path: path}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if _, err := app.Rights.Export(ExportRequest{ID: p.ID, Format: "csv"}); CodeOf(err) != CodeInvalid {
		t.Errorf("format csv: %v", err)
	}
}

// The notice is composed in the right language, and marking it sent (from
// the window or the command) makes one informed event with the text as
// evidence; the re-activation email makes the same kind of event.
func TestNoticeBuildsTheInformedEventOnce(t *testing.T) {
	app, db := newTestApp(t)
	p := anna(t, db)
	de := addProspect(t, db, consent.Prospect{Name: "Dieter Dach", Email: "d@dach.example", Lang: "de", Source: consent.SourceList}, testNow)
	for _, c := range []struct {
		id         uint64
		lang, want string
	}{{p.ID, "", "en"}, {p.ID, "nl", "nl"}, {de.ID, "", "de"}, {de.ID, "sv", "sv"}} {
		_, mail, err := app.Rights.Notice(c.id, c.lang)
		if err != nil || mail.Lang != c.want || mail.To == "" || !strings.Contains(mail.Body, "https://acme.example/privacy") {
			t.Errorf("notice for %d in %q: lang %q, to %q, %v", c.id, c.lang, mail.Lang, mail.To, err)
		}
	}
	if _, _, err := app.Rights.Notice(99, ""); CodeOf(err) != CodeNotFound {
		t.Errorf("notice for a missing prospect: %v", err)
	}

	_, mail, _ := app.Rights.Notice(p.ID, "")
	ev, err := app.Rights.NoticeSent(p.ID, mail)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Kind != consent.KindInformed || ev.Note != "Art. 14 notice (en)" || ev.Evidence != "Subject: "+mail.Subject+"\n\n"+mail.Body ||
		ev.Rep != "Rita Rep" || !ev.Time.Equal(testNow.UTC().Truncate(time.Second)) {
		t.Errorf("informed event %+v", ev)
	}
	rec, _ := db.Record(p.ID)
	if _, ok := consent.Informed(rec); !ok || len(rec.Events) != 2 {
		t.Errorf("after NoticeSent: informed %v, %d events", ok, len(rec.Events))
	}
	if ev, err := app.Rights.ReactivationSent(p.ID, consent.Email{Lang: "nl", Subject: "S", Body: "B"}); err != nil ||
		ev.Kind != consent.KindInformed || ev.Note != "re-activation email sent (nl)" || ev.Evidence != "Subject: S\n\nB" {
		t.Errorf("re-activation event %+v, %v", ev, err)
	}
	if _, err := app.Rights.NoticeSent(99, mail); CodeOf(err) != CodeNotFound {
		t.Errorf("notice sent to a missing prospect: %v", err)
	}
	if len(auditLog(t, db)) != 0 {
		t.Error("a notice was audit-logged (it is in the ledger)")
	}
}

// Erasure needs a reason and leaves a tombstone and an audit entry.
func TestEraseRequiresAReason(t *testing.T) {
	cases := []struct {
		name, reason string
		missing      bool
		want         Code
	}{
		{"no reason", "", false, CodeInvalid},
		{"blank reason", "  \t", false, CodeInvalid},
		{"missing prospect", "asked by email", true, CodeNotFound},
		{"erased", "  asked by email on 2 March ", false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			app, db, p, id := annaOrMissing(t, c.missing)
			err := app.Rights.Erase(id, c.reason)
			if CodeOf(err) != c.want {
				t.Fatalf("erase: %v (%q), want %q", err, CodeOf(err), c.want)
			}
			tombs, _ := db.Tombstones()
			log := auditLog(t, db)
			if c.want != "" {
				if _, rerr := db.Record(p.ID); rerr != nil || len(tombs) != 0 || len(log) != 0 {
					t.Errorf("a refused erasure changed something: %v %+v %+v", rerr, tombs, log)
				}
				return
			}
			if _, rerr := db.Record(p.ID); CodeOf(rerr) != CodeNotFound {
				t.Errorf("the prospect is still there: %v", rerr)
			}
			if len(tombs) != 1 || tombs[0].ID != p.ID || tombs[0].Reason != "asked by email on 2 March" || tombs[0].Rep != "Rita Rep" {
				t.Errorf("tombstones %+v", tombs)
			}
			if len(log) != 1 || log[0].Action != "erased" || log[0].Prospect != p.ID || log[0].Detail != "asked by email on 2 March" {
				t.Errorf("audit log %+v", log)
			}
		})
	}
}

// Viewing a prospect is accounted for in the audit log.
func TestViewIsAuditLogged(t *testing.T) {
	app, db := newTestApp(t)
	p := anna(t, db)
	rec, err := app.Rights.View(p.ID, "opened in the app")
	if err != nil || rec.Prospect.Name != "Anna Berg" {
		t.Fatalf("view: %+v %v", rec.Prospect, err)
	}
	if _, err := app.Rights.View(99, "opened in the app"); CodeOf(err) != CodeNotFound {
		t.Errorf("view of a missing prospect: %v", err)
	}
	if log := auditLog(t, db); len(log) != 1 || log[0].Action != "viewed" || log[0].Prospect != p.ID || log[0].Detail != "opened in the app" {
		t.Errorf("audit log %+v", log)
	}
}
