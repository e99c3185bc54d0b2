package usecase

import (
	"os"
	"path/filepath"
	"testing"

	"warmlead/consent"
	"warmlead/consent/pdfreport"
)

// Every document is written private and audit-logged by kind and reason,
// never by file; a summary of a prospect that does not exist writes and
// logs nothing.
func TestDocumentsAuditTheirReason(t *testing.T) {
	cases := []struct {
		name     string
		write    func(d *Documents, path string) (Written, error)
		action   string
		prospect uint64
		detail   string
		code     Code
	}{
		{"summary", func(d *Documents, path string) (Written, error) { return d.Summary(1, "en", "access request", path) },
			"report", 1, "consent summary: access request", ""},
		{"summary in Dutch without a reason", func(d *Documents, path string) (Written, error) { return d.Summary(1, "nl", "  ", path) },
			"report", 1, "consent summary", ""},
		{"team report", func(d *Documents, path string) (Written, error) {
			return d.Team(TeamRequest{Filter: pdfreport.Filter{Source: consent.SourceReferral}, Reason: "quarterly review", Path: path})
		}, "report", 0, "team report: quarterly review", ""},
		{"team report with summaries", func(d *Documents, path string) (Written, error) {
			return d.Team(TeamRequest{Summaries: true, Reason: "audit", Path: path})
		}, "report", 0, "team report with summaries: audit", ""},
		{"register", func(d *Documents, path string) (Written, error) { return d.Register("de", "yearly", path) },
			"register", 0, "register of processing activities: yearly", ""},
		{"summary of a missing prospect", func(d *Documents, path string) (Written, error) { return d.Summary(9, "", "x", path) },
			"", 0, "", CodeNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			app, db := newTestApp(t)
			anna(t, db)
			path := filepath.Join(t.TempDir(), "Anna Berg.pdf")
			w, err := c.write(app.Documents, path)
			log := auditLog(t, db)
			if c.code != "" {
				if CodeOf(err) != c.code {
					t.Fatalf("err %v, want %s", err, c.code)
				}
				if _, serr := os.Stat(path); serr == nil || len(log) != 0 {
					t.Errorf("a failed document left a file or an entry: %+v", log)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if fi, serr := os.Stat(path); serr != nil || fi.Mode().Perm() != 0o600 || w.Path != path || w.Pages < 1 {
				t.Errorf("written %+v, file %v %v", w, fi, serr)
			}
			if len(log) != 1 || log[0].Action != c.action || log[0].Prospect != c.prospect || log[0].Detail != c.detail || log[0].Rep != "Rita Rep" {
				t.Errorf("audit log %+v, want %s %d %q", log, c.action, c.prospect, c.detail)
			}
		})
	}
}

// A document that cannot be written is not logged.
func TestDocumentNotWrittenNotLogged(t *testing.T) {
	app, db := newTestApp(t)
	anna(t, db)
	if _, err := app.Documents.Register("", "", filepath.Join(t.TempDir(), "no", "such", "dir.pdf")); err == nil {
		t.Fatal("a register was written into a missing folder")
	}
	if log := auditLog(t, db); len(log) != 0 {
		t.Errorf("audit log %+v", log)
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct{ in, want, err string }{
		{"2026-03-02", "2026-03-02", ""},
		{" 2026-03-02\n", "2026-03-02", ""},
		{"2 March", "", `"2 March" is not a date: write it as YYYY-MM-DD`},
		{"2026-02-30", "", `"2026-02-30" is not a date: write it as YYYY-MM-DD`},
	} {
		d, err := ParseDate(c.in)
		switch {
		case c.err != "" && (err == nil || err.Error() != c.err || CodeOf(err) != CodeInvalid):
			t.Errorf("%q: %v, want %q", c.in, err, c.err)
		case c.err == "" && (err != nil || d.Format("2006-01-02") != c.want || d.Location().String() != "UTC"):
			t.Errorf("%q: %v %v", c.in, d, err)
		}
	}
}
