package usecase

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"warmlead/consent"
	"warmlead/store"
)

// The team scope's documents (report --team, the GUI's team report, a team
// prospect's summary) are audit-logged in the manager's own database, the
// mirror prospect's id in the detail, never as one of the manager's own
// prospects; the mirror's log gets nothing.
func TestTeamScopeDocumentsAuditInManagersDatabase(t *testing.T) {
	app, db := newTestApp(t)
	joinOffline(t, app, true)
	t.Cleanup(app.Team.Close)
	mapp, err := app.Team.MirrorApp()
	if err != nil {
		t.Fatal(err)
	}
	mirror, err := app.Team.mirrorDB()
	if err != nil {
		t.Fatal(err)
	}
	mid, err := mirror.PutMirrorRecord("Bo Berg", 7, consent.Prospect{Name: "Jane Doe", Email: "jane@acme.example", Source: consent.SourceCard, Created: testNow},
		[]consent.Event{{Seq: 1, Time: testNow, Rep: "Bo Berg", Kind: consent.KindCollected, Source: consent.SourceCard}})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := mirror.AuditLog()
	dir := t.TempDir()
	if _, err := mapp.Documents.Team(TeamRequest{Reason: "quarterly review", Path: filepath.Join(dir, "team.pdf")}); err != nil {
		t.Fatal(err)
	}
	if _, err := mapp.Documents.Summary(mid, "en", "access request", filepath.Join(dir, "summary.pdf")); err != nil {
		t.Fatal(err)
	}
	log, err := db.AuditLog()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"team scope: " + DocTeam + ": quarterly review":                                                     false,
		"team scope, team prospect " + strconv.FormatUint(mid, 10) + ": " + DocSummary + ": access request": false,
	}
	for _, e := range log {
		if _, ok := want[e.Detail]; ok {
			want[e.Detail] = e.Action == auditReport && e.Rep == "Rita Rep" && e.Prospect == 0
		}
	}
	for d, ok := range want {
		if !ok {
			t.Errorf("manager's audit log lacks %q (as a report by Rita Rep, no prospect): %s", d, details(log))
		}
	}
	if after, _ := mirror.AuditLog(); len(after) != len(before) {
		t.Errorf("the mirror's audit log grew: %s", details(after[len(before):]))
	}
}

func details(es []store.AuditEntry) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(e.Action + " " + e.Detail + "; ")
	}
	return b.String()
}
