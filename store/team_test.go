package store

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/team"
)

var teamTestKeys = team.Keys{Index: bytes.Repeat([]byte{7}, 32)}

func linkTest(t *testing.T, db *DB) {
	t.Helper()
	if err := db.SetTeamLink(TeamLink{Index: teamTestKeys.Index, Blob: []byte(`{"secret":1}`)}, AuditEntry{Rep: "Rita Rep", Action: "team-joined"}); err != nil {
		t.Fatal(err)
	}
}

func verifyClean(t *testing.T, db *DB) {
	t.Helper()
	r, err := db.Verify()
	if err != nil || !r.OK() {
		t.Fatalf("verify: %v %v", err, r.Problems)
	}
}

// A pulled block reaches the records it names (by email, phone, or name
// and company for a declined introduction), is kept once when pulled
// twice, and verify stays clean after every team write.
func TestTeamBlocksInRecords(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	jane := addTest(t, db, "Jane Doe", "Acme", "jane@acme.example", "+31205550100")
	other := addTest(t, db, "Jane Doe", "Acme", "other@acme.example", "")
	linkTest(t, db)
	obj := TeamBlockIn{Key: "k1", Member: "Anna Berg", Hashes: TeamHashes(teamTestKeys, consent.Prospect{Phone: jane.Phone}),
		Block: consent.TeamBlock{Kind: consent.TeamObjection, Rep: "Anna Berg", Time: time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)}}
	for range 2 {
		if _, err := db.ApplyTeamBlocks([]TeamBlockIn{obj}, 5); err != nil {
			t.Fatal(err)
		}
	}
	r, err := db.Record(jane.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.TeamBlocks) != 1 || r.TeamBlocks[0].Kind != consent.TeamObjection {
		t.Fatalf("team blocks %+v, want the one objection", r.TeamBlocks)
	}
	d := consent.Decide(r, consent.ChannelEmail, consent.PurposeFollowUp, time.Now(), 12)
	if d.Rule != consent.RuleObjection || d.Allowed {
		t.Fatalf("decision %+v", d)
	}
	if r, _ := db.Record(other.ID); len(r.TeamBlocks) != 0 {
		t.Fatalf("a namesake with other details got %+v", r.TeamBlocks)
	}
	if got := db.TeamBlockCount(); got != 1 {
		t.Fatalf("block count %d", got)
	}
	if got := db.TeamCursor(CursorBlocks); got != 5 {
		t.Fatalf("cursor %d", got)
	}
	verifyClean(t, db)
}

// An erasure block names the local prospects it matches; adding or
// importing the person afterwards is refused like a local suppression.
func TestTeamErasureMatchesAndSuppresses(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	jane := addTest(t, db, "Jane Doe", "Acme", "jane@acme.example", "")
	addTest(t, db, "Jane Doe", "Acme", "", "+31205550199") // namesake: not the same person
	linkTest(t, db)
	er := TeamBlockIn{Key: "e1", Member: "Anna Berg", Hashes: TeamHashes(teamTestKeys, jane),
		Block: consent.TeamBlock{Kind: consent.TeamErasure, Rep: "Anna Berg", Time: time.Now()}}
	m, err := db.ApplyTeamBlocks([]TeamBlockIn{er}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 1 || m[0].ID != jane.ID {
		t.Fatalf("matches %+v, want jane only", m)
	}
	if err := db.EraseFromTeam(jane.ID, "erasure requested through the team on 2026-03-03", "Rita Rep", time.Now()); err != nil {
		t.Fatal(err)
	}
	_, err = db.AddProspect(consent.Prospect{Name: "J. Doe", Email: "JANE@acme.example", Source: consent.SourceCard}, AddOptions{Region: "NL"})
	var se *SuppressedError
	if !errors.As(err, &se) || se.Field != "email" {
		t.Fatalf("re-adding an erased person: %v", err)
	}
	// A block pulled for a person not (yet) here still refuses the add.
	ghost := consent.Prospect{Name: "Piet Gast", Company: "Gast BV", Phone: "+31205550177"}
	dec := TeamBlockIn{Key: "d1", Member: "Anna Berg", Hashes: TeamHashes(teamTestKeys, ghost),
		Block: consent.TeamBlock{Kind: consent.TeamDeclined, Rep: "Anna Berg", Time: time.Now()}}
	if _, err := db.ApplyTeamBlocks([]TeamBlockIn{dec}, 2); err != nil {
		t.Fatal(err)
	}
	_, err = db.AddProspect(consent.Prospect{Name: "Piet Gast", Company: "Gast BV", Source: consent.SourceCard}, AddOptions{Region: "NL"})
	if !errors.As(err, &se) || !se.Declined() {
		t.Fatalf("adding a declined referral: %v", err)
	}
	sum, err := db.ImportProspects([]ImportItem{{Prospect: consent.Prospect{Name: "Piet Gast", Company: "Gast BV", Source: consent.SourceCard}}}, AddOptions{Region: "NL"}, nil)
	if err != nil || sum.Imported != 0 || sum.Suppressed != 1 {
		t.Fatalf("import of a declined referral: %+v %v", sum, err)
	}
	// The team erasure queued only the removal of the server's copy.
	out, _ := db.TeamOutbox()
	if len(out) != 1 || out[0].Removed != jane.ID {
		t.Fatalf("outbox %+v", out)
	}
	verifyClean(t, db)
}

// A local erasure while linked queues its block with the person's team
// hashes in the erasure's own transaction (the cleartext is gone after);
// a push confirmed clears it; outside a team nothing is queued.
func TestTeamOutboxOfErasure(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	solo := addTest(t, db, "Solo Person", "Acme", "solo@acme.example", "")
	if err := db.Erase(solo.ID, "asked by email", "Rita Rep", time.Now()); err != nil {
		t.Fatal(err)
	}
	if out, _ := db.TeamOutbox(); len(out) != 0 {
		t.Fatalf("outbox outside a team: %+v", out)
	}
	linkTest(t, db)
	jane := addTest(t, db, "Jane Doe", "Acme", "jane@acme.example", "+31205550100")
	if err := db.TeamPushed(nil, map[uint64]TeamMark{jane.ID: {Seq: 1}}); err != nil {
		t.Fatal(err)
	}
	if err := db.Erase(jane.ID, "asked by email", "Rita Rep", time.Now()); err != nil {
		t.Fatal(err)
	}
	out, err := db.TeamOutbox()
	if err != nil || len(out) != 2 {
		t.Fatalf("outbox %+v %v", out, err)
	}
	want := TeamHashes(teamTestKeys, jane)
	if out[0].Block.Kind != consent.TeamErasure || len(out[0].Hashes) != len(want) || !bytes.Equal(out[0].Hashes[0], want[0]) {
		t.Fatalf("erasure entry %+v", out[0])
	}
	if out[1].Removed != jane.ID {
		t.Fatalf("removal entry %+v", out[1])
	}
	if marks, _ := db.TeamMarks(); len(marks) != 0 {
		t.Fatalf("marks after erasure: %+v", marks)
	}
	if err := db.TeamPushed([]uint64{out[0].Seq, out[1].Seq}, nil); err != nil {
		t.Fatal(err)
	}
	if out, _ := db.TeamOutbox(); len(out) != 0 {
		t.Fatalf("outbox after push: %+v", out)
	}
	verifyClean(t, db)
}

// The mirror is a database of its own beside the manager's; a change
// applied twice is applied once; removal takes the record; leaving the
// team removes the link, the team buckets and the mirror file.
func TestTeamMirrorAndLeave(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	linkTest(t, db)
	m, err := db.OpenMirror()
	if err != nil {
		t.Fatal(err)
	}
	p := consent.Prospect{Name: "Jane Doe", Company: "Acme", Email: "jane@acme.example", Source: consent.SourceCard, Created: time.Now()}
	ev := consent.Event{Seq: 1, Time: time.Now(), Kind: consent.KindCollected, Source: consent.SourceCard, Rep: "Anna Berg"}
	for range 2 {
		if _, err := m.PutMirrorRecord("Anna Berg", 4, p, []consent.Event{ev}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := m.PutMirrorRecord("Bo Lind", 4, p, []consent.Event{ev}); err != nil {
		t.Fatal(err)
	}
	reps, _ := m.MirrorReps()
	if len(reps) != 2 {
		t.Fatalf("reps %+v", reps)
	}
	for id := range reps {
		if evs, err := m.Events(id); err != nil || len(evs) != 1 {
			t.Fatalf("mirror ledger %d: %d events, %v", id, len(evs), err)
		}
	}
	if err := m.RemoveMirrorRecord("Bo Lind", 4); err != nil {
		t.Fatal(err)
	}
	if reps, _ := m.MirrorReps(); len(reps) != 1 {
		t.Fatalf("reps after removal %+v", reps)
	}
	verifyClean(t, m)
	m.Close()

	addTest(t, db, "Kept Person", "Acme", "kept@acme.example", "")
	if err := db.LeaveTeam(AuditEntry{Rep: "Rita Rep", Action: "team-removed", Detail: "access revoked"}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.TeamLink(); ok {
		t.Fatal("link still there")
	}
	if _, err := os.Stat(db.MirrorPath()); !os.IsNotExist(err) {
		t.Fatalf("mirror file: %v", err)
	}
	verifyClean(t, db)
}
