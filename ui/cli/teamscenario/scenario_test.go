package teamscenario

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"warmlead/team/teamtest"
)

// office is a team: the manager Maria and the reps Ann and Bert, each
// joined through an invitation file and its code.
type office struct {
	pg               *teamtest.Cluster
	maria, ann, bert *laptop
}

func newOffice(t *testing.T) *office {
	t.Helper()
	pg := teamtest.Start(t)
	o := &office{pg: pg, maria: newLaptop(t, "Maria Manager"), ann: newLaptop(t, "Ann Rep"), bert: newLaptop(t, "Bert Rep")}
	out := o.maria.ok("", "team", "create", "--server", pg.URL, "--name", "Sales North")
	if !strings.Contains(out, `team "Sales North" created`) {
		t.Fatalf("create said %q", out)
	}
	for _, rep := range []*laptop{o.ann, o.bert} {
		file := filepath.Join(o.maria.dir, rep.name+".invite")
		code := lastWord(o.maria.ok("", "team", "invite", "--rep", rep.name, "--out", file))
		if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("invitation file: %v %v", st, err)
		}
		if r := rep.run("", "team", "join", file, "--code", "AAAA-BBBB-CCCC-DDDD-EEEE"); r.code != 2 {
			t.Fatalf("join with a wrong code: exit %d %s", r.code, r.err)
		}
		rep.ok("", "team", "join", file, "--code", code)
		rep.sync()
	}
	return o
}

const jane = `{"name": "Jane Doe", "company": "Doe Corp", "email": "jane.doe@doecorp.example", "phone": "+31 20 555 0142", "source": "card"}`

// The whole life of one team, in order, on one cluster: blocks both ways,
// duplicates across reps, erasure everywhere (then no trace of the person
// on the server or in any file), a rep offline catching up, the server
// stopped mid-sync, the manager's team scope and register, a revocation.
func TestTeamScenario(t *testing.T) {
	o := newOffice(t)
	ann, bert, maria := o.ann, o.bert, o.maria

	// Block propagation, rep to rep: Ann's objection blocks Bert's copy.
	annJane := ann.add(jane)
	ann.ok("", "object", annJane, "--evidence", "said so at the fair")
	ann.sync()
	bertJane := bert.add(jane)
	bert.sync()
	if code, why := bert.canContact(bertJane, "email"); code != 3 || !strings.Contains(why, "objected to Ann Rep on") || !strings.Contains(why, "recorded by the team") {
		t.Fatalf("Bert's copy after Ann's objection: exit %d %q", code, why)
	}
	// Duplicates across reps: Bert sees Ann has her, nothing more.
	if seen := bert.ok("", "team", "seen", bertJane); !strings.Contains(seen, "also a prospect of Ann Rep since") || strings.Contains(seen, "Bert Rep") {
		t.Fatalf("seen: %q", seen)
	}

	// And back: Bert's "do not call me" reaches Ann.
	bob := `{"name": "Bob Builder", "company": "Bouw BV", "email": "bob@bouw.example", "phone": "+31 20 555 0199", "source": "cold-call"}`
	annBob, bertBob := ann.add(bob), bert.add(bob)
	bert.ok("", "call", bertBob, "--outcome", "do-not-call")
	bert.sync()
	ann.sync()
	if code, why := ann.canContact(annBob, "phone"); code != 3 || !strings.Contains(why, "Bert Rep") {
		t.Fatalf("Ann's Bob after Bert's do-not-call: exit %d %q", code, why)
	}
	// Her list says so too: the CSV's consent state (the table's column).
	if state := csvConsentState(t, ann.ok("", "list", "--csv"), "Bob Builder"); state != "objected" {
		t.Fatalf("Ann's list after Bert's do-not-call: Bob's consent state %q, want objected", state)
	}

	// Erasure everywhere: Ann erases Jane; Bert's copy and the manager's
	// mirror copy go at their next sync.
	maria.sync()
	if list := maria.ok("", "list", "--team"); strings.Count(list, "Jane Doe") != 2 {
		t.Fatalf("the manager's team list before the erasure:\n%s", list)
	}
	ann.ok("", "erase", annJane, "--reason", "asked to be forgotten")
	ann.sync()
	if out := bert.sync(); !strings.Contains(out, "1 erased") {
		t.Fatalf("Bert's sync after Ann's erasure: %q", out)
	}
	show := bert.ok("", "show", bertJane)
	if !strings.Contains(show, "erasure requested through the team on") {
		t.Fatalf("Bert's tombstone: %q", show)
	}
	maria.sync()
	if list := maria.ok("", "list", "--team"); strings.Contains(list, "Jane") {
		t.Fatalf("the mirror still lists Jane:\n%s", list)
	}
	// Bert may not add her back, by card or by import.
	if r := bert.run(jane, "add", "--from-json", "-"); r.code == 0 || !strings.Contains(r.err, "asked to be erased") {
		t.Fatalf("re-adding Jane at Bert's: exit %d %q", r.code, r.err)
	}
	vcf := filepath.Join(t.TempDir(), "jane.vcf") // not in a laptop folder: the greps below read those
	os.WriteFile(vcf, []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nORG:Doe Corp\r\nEMAIL:jane.doe@doecorp.example\r\nEND:VCARD\r\n"), 0o600)
	if out := bert.ok("", "import", vcf); !strings.Contains(out, "suppressed 1") {
		t.Fatalf("importing Jane at Bert's: %q", out)
	}
	// No trace of her on the server or in any file of the three laptops.
	dump := o.pg.Dump()
	for _, needle := range []string{"Jane", "jane.doe@doecorp.example", "doecorp", "+31205550142", "555 0142"} {
		if bytes.Contains(bytes.ToLower(dump), bytes.ToLower([]byte(needle))) {
			t.Errorf("pg_dump holds %q", needle)
		}
		for _, l := range []*laptop{ann, bert, maria} {
			for _, f := range l.files() {
				raw, _ := os.ReadFile(f)
				if bytes.Contains(bytes.ToLower(raw), bytes.ToLower([]byte(needle))) {
					t.Errorf("%s holds %q", f, needle)
				}
			}
		}
	}

	// A rep offline while the others write, then catching up.
	kim := `{"name": "Kim Offline", "company": "Later BV", "email": "kim@later.example", "source": "card"}`
	bertKim := bert.add(kim)
	annKim := ann.add(kim)
	ann.ok("", "consent", annKim, "--purpose", "newsletter", "--channel", "email", "--withdraw", "--evidence", "unsubscribed")
	ann.sync()
	if r := bert.run("", "can-contact", bertKim, "--channel", "email", "--purpose", "newsletter"); r.code != 0 && r.code != 3 {
		t.Fatalf("can-contact before catching up: %d", r.code)
	}
	bert.sync()
	if r := bert.run("", "can-contact", bertKim, "--channel", "email", "--purpose", "newsletter"); r.code != 3 || !strings.Contains(r.out, "withdrew consent for newsletter by email from Ann Rep") {
		t.Fatalf("Bert after catching up: exit %d %q", r.code, r.out)
	}

	// The server stopped mid-way: a clear message, exit 1 in well under
	// 10 s, nothing lost; back up, the next sync sends it once.
	ann.add(`{"name": "Olga Outage", "company": "Dark BV", "email": "olga@dark.example", "source": "card"}`)
	o.pg.Stop()
	r := ann.run("", "team", "sync")
	if r.code != 1 || !strings.Contains(r.err, "did not answer") || r.took > 10*time.Second {
		t.Fatalf("sync with the server down: exit %d in %v: %q", r.code, r.took, r.err)
	}
	var st struct {
		Online  bool `json:"online"`
		Pending int  `json:"pending"`
	}
	json.Unmarshal([]byte(ann.ok("", "team", "status", "--json")), &st)
	if st.Online || st.Pending == 0 {
		t.Fatalf("status offline: %+v", st)
	}
	o.pg.Restart()
	ann.sync()
	ann.sync()
	maria.sync()
	if list := maria.ok("", "list", "--team", "--search", "olga"); strings.Count(list, "Olga Outage") != 1 {
		t.Fatalf("Olga after the outage:\n%s", list)
	}

	// The manager's view: every rep's prospects with their rep, the team
	// report, and a register published to the team.
	var rows []struct {
		Name string `json:"name"`
		Rep  string `json:"rep"`
	}
	json.Unmarshal([]byte(maria.ok("", "list", "--team", "--json")), &rows)
	reps := map[string]bool{}
	for _, row := range rows {
		reps[row.Rep] = true
	}
	if !reps["Ann Rep"] || !reps["Bert Rep"] {
		t.Fatalf("team rows %+v", rows)
	}
	pdf := filepath.Join(maria.dir, "team.pdf")
	maria.ok("", "report", "--team", "--out", pdf)
	if raw, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(raw, []byte("%PDF")) {
		t.Fatalf("team report: %v", err)
	}
	reg := filepath.Join(maria.dir, "dnc.txt")
	os.WriteFile(reg, []byte("+31205550177\n"), 0o600)
	if out := maria.ok("", "dnc", "import", reg, "--register", "NL Bel-me-niet"); !strings.Contains(out, "published to the team") {
		t.Fatalf("dnc import at the manager's: %q", out)
	}
	maria.sync()
	piet := ann.add(`{"name": "Piet Bel", "company": "Bel BV", "phone": "+31 20 555 0177", "source": "card"}`)
	ann.sync()
	if code, why := ann.canContact(piet, "phone"); code != 3 || !strings.Contains(why, "NL Bel-me-niet") {
		t.Fatalf("Ann's Piet after the manager's register: exit %d %q", code, why)
	}

	// Revoke during a sync: Bert's sync runs while Maria revokes him; his
	// next start online removes the team's data and says why.
	// The sync under way finishes before the revocation, meets it, or is
	// cut off by it (its session ended: "did not answer", nothing lost);
	// the first sync that meets it says why (exit 1).
	var wg sync.WaitGroup
	var during result
	wg.Add(1)
	go func() { defer wg.Done(); during = bert.run("", "team", "sync") }()
	maria.ok("", "team", "revoke", "--rep", "Bert Rep")
	wg.Wait()
	r = during
	if !strings.Contains(during.err, "revoked") {
		r = bert.run("", "team", "sync")
	}
	if r.code != 1 || !strings.Contains(r.err, "revoked by its manager: the team's data was removed from this laptop") {
		t.Fatalf("Bert's sync meeting the revocation: exit %d %q (the one during it: %d %q)", r.code, r.err, during.code, during.err)
	}
	if r := bert.run("", "team", "status"); r.code == 0 || !strings.Contains(r.err, "not in a team") {
		t.Fatalf("Bert's status after removal: exit %d %q", r.code, r.err)
	}
	if list := bert.ok("", "list"); !strings.Contains(list, "Kim Offline") {
		t.Fatalf("Bert's own prospects went too:\n%s", list)
	}
	ann.sync() // the rotated key reaches Ann
	if out := ann.ok("", "team", "status"); !strings.Contains(out, "online") {
		t.Fatalf("Ann after the rotation: %q", out)
	}
}

// csvConsentState is the consent_state column of name's row in a CSV
// export.
func csvConsentState(t *testing.T, export, name string) string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(export)).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("the CSV export: %v\n%s", err, export)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "consent_state" {
			col = i
		}
	}
	for _, r := range rows[1:] {
		if col >= 0 && r[0] == name {
			return r[col]
		}
	}
	t.Fatalf("no row for %s (column %d) in\n%s", name, col, export)
	return ""
}
