package cli

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/zalando/go-keyring"
)

// Issue 8, leaks: a whole session of commands with distinctive names,
// emails, phone numbers and evidence. Afterwards none of them is in the
// database file, in a backup, in anything else in the database's folder,
// in a temporary file, on stderr (which scripts log) or in the keyring
// entry. Only the files the rep asked for with --out may hold them (and
// stdout, where list and show print what the rep asked to see).

// leakNeedles are the session's personal data, each in the forms it could
// take: as typed, normalised, lower and upper case, and UTF-16.
func leakNeedles() []string {
	words := []string{
		// people
		"Zebulon Quasthoff", "Quasthoff", "Quarzwerke", "zebulon.quasthoff@quarzwerke.example", "zebulon.quasthoff",
		"+493098765432", "98765432", "030 98765432",
		"Ingrid Fjellheim-Østby", "Fjellheim", "Østby", "ingrid.ostby@fjordkraft.example", "Fjordkraft Nordvest",
		"+4741234567", "41 23 45 67",
		"Wilhelmina Vroegindeweij", "Vroegindeweij", "w.vroegindeweij@vastgoed.example", "+31612345678", "06 1234 5678",
		"Bartholomeus Zwanenburg", "Zwanenburg", "b.zwanenburg@zwaan.example", "+31205550188",
		"Casimir Wyszyński", "Wyszyński", "casimir.wyszynski@polmar.example", "+48225550123",
		"Ottoline Brekkestø", "Brekkestø", "Brekke Sjømat",
		"Malformed Magnus", "magnus@@broken", "+49 12",
		// what they said and agreed, the rep, the event
		"Zilverreiger", "Kwartelkoning", "Chief Kwartel Officer", "Roderick Repmann", "Leipziger Quarzmesse",
		"Tak, proszę o kontakt", "Nei takk, Brekke", "keine Anrufe mehr",
	}
	var out []string
	seen := map[string]bool{}
	for _, w := range words {
		for _, f := range []string{w, strings.ToLower(w), strings.ToUpper(w)} {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// findLeaks reports each needle found in data.
func findLeaks(t *testing.T, where string, data []byte) {
	t.Helper()
	for _, n := range leakNeedles() {
		if bytes.Contains(data, []byte(n)) {
			t.Errorf("%s contains %q", where, n)
		}
		if bytes.Contains(data, utf16le(n)) {
			t.Errorf("%s contains %q in UTF-16", where, n)
		}
	}
}

// filesUnder returns every regular file below dir.
func filesUnder(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	return files
}

const leakVCF = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Wilhelmina Vroegindeweij\r\nORG:Vroegindeweij Vastgoed BV\r\nEMAIL:w.vroegindeweij@vastgoed.example\r\nTEL:06 1234 5678\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bartholomeus Zwanenburg\r\nEMAIL:b.zwanenburg@zwaan.example\r\nTEL:+31 20 555 0188\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Malformed Magnus\r\nEMAIL:magnus@@broken\r\nTEL:+49 12\r\nEND:VCARD\r\n"

const leakEML = "From: Zebulon Quasthoff <zebulon.quasthoff@quarzwerke.example>\r\nTo: roderick@acme.example\r\nSubject: Re: Zilverreiger\r\n" +
	"Date: Mon, 02 Mar 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nJa, stuur mij de Zilverreiger nieuwsbrief maar.\r\nZebulon Quasthoff, +49 30 98765432\r\n"

func TestNoPersonalDataLeaksOutsideTheFilesAskedFor(t *testing.T) {
	keyring.MockInit()
	h := newHarness(t)
	t.Setenv("WARMLEAD_NO_KEYRING", "") // the keyring (mock) is on, as on a desktop
	tmp, in, out, baks := t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()
	t.Setenv("TMPDIR", tmp)
	write := func(name, s string) string {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cards, reply := write("cards.vcf", leakVCF), write("reply.eml", leakEML)
	register := write("register.txt", "+49 30 98765432\n+49 30 12345678\nnot a number\n")
	newPass := write("newpass", "a brand new passphrase for the leak test\n")

	var stderr bytes.Buffer
	session := func(ok bool, args ...string) string {
		t.Helper()
		code, o, e := h.run(args...)
		stderr.WriteString(e)
		if ok && code != ExitOK && code != ExitBlocked {
			t.Fatalf("warmlead %s: exit %d: %s", strings.Join(args, " "), code, e)
		}
		return o
	}
	must := func(args ...string) string { t.Helper(); return session(true, args...) }
	fails := func(args ...string) { t.Helper(); session(false, args...) }

	must("init", "--rep", "Roderick Repmann", "--company", "Acme BV", "--privacy-url", "https://acme.example/privacy",
		"--preferences-url", "https://acme.example/prefs", "--lang", "en")
	// From here the keyring unlocks, as on a desktop (and without running
	// Argon2id for every command, which is slow under the race detector).
	t.Setenv("WARMLEAD_PASSWORD_FILE", "")
	must("add", "--name", "Zebulon Quasthoff", "--company", "Quasthoff Quarzwerke GmbH", "--email", "Zebulon.Quasthoff@Quarzwerke.example",
		"--phone", "+49 30 98765432", "--source", "card", "--event", "Leipziger Quarzmesse") // 1
	must("add", "--name", "Ingrid Fjellheim-Østby", "--company", "Fjordkraft Nordvest AS", "--email", "ingrid.ostby@fjordkraft.example",
		"--phone", "+47 41 23 45 67", "--source", "customer", "--lang", "nb") // 2
	must("import", cards, "--event", "Leipziger Quarzmesse") // 3, 4; the third card fails
	must("list")
	must("list", "--search", "quasthoff", "--json")
	must("show", "1")
	must("show", "1", "--json")
	must("edit", "1", "--field", "title", "--value", "Chief Kwartel Officer")
	must("consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "email-reply",
		"--evidence-file", reply, "--expires", "2031-01-01")
	must("call", "1", "--outcome", "reached", "--agreed", "Demo of the Kwartelkoning module", "--callback", "2030-05-01 10:00",
		"--consent", "product-info:email")
	must("followup", "1", "--out", filepath.Join(out, "followup.eml"))
	must("notice", "3", "--out", filepath.Join(out, "notice.eml"))
	must("notice", "4")
	must("can-contact", "1", "--channel", "email", "--purpose", "newsletter", "--json")
	must("can-contact", "1", "--channel", "phone", "--purpose", "offers")
	must("refer", "--introducer", "2", "--name", "Casimir Wyszyński", "--company", "Polmar Żuraw", "--topic", "Kwartelkoning") // 5
	must("referral", "approve", "5", "--evidence", "Tak, proszę o kontakt", "--email", "casimir.wyszynski@polmar.example", "--phone", "+48 22 555 01 23")
	must("refer", "--introducer", "2", "--name", "Ottoline Brekkestø", "--company", "Brekke Sjømat") // 6
	must("referral", "decline", "6", "--evidence", "Nei takk, Brekke")
	must("dnc", "import", register, "--register", "DE Robinsonliste")
	must("object", "4", "--evidence", "Bitte keine Anrufe mehr")
	must("due")
	must("due", "--json")
	must("export", "1", "--format", "json", "--out", filepath.Join(out, "export.json"))
	must("export", "1", "--format", "vcf", "--out", filepath.Join(out, "export.vcf"))
	must("export", "2", "--format", "json")
	must("report", "--out", filepath.Join(out, "team.pdf"), "--reason", "quarterly review")
	must("report", "--prospect", "1", "--out", filepath.Join(out, "summary.pdf"), "--reason", "access request")
	must("register", "--out", filepath.Join(out, "register.pdf"))
	must("backup", "--out", filepath.Join(baks, "mid-session.bak"))
	must("verify")
	// Mistakes a rep makes, whose messages end up in logs too.
	fails("add", "--name", "Zebulon Quasthoff", "--email", "zebulon.quasthoff@quarzwerke.example", "--source", "card")
	fails("add", "--name", "Zebulon Quasthoff", "--phone", "+49 30 98765432", "--source", "card")
	fails("show", "99")
	fails("edit", "1", "--field", "surname", "--value", "Quasthoff")
	fails("followup", "2")
	must("passwd", "--password-file", newPass) // unlocked by the keyring; the file holds the new passphrase
	must("erase", "3", "--reason", "asked by email on 2026-03-02")
	fails("add", "--name", "Wilhelmina Vroegindeweij", "--email", "w.vroegindeweij@vastgoed.example", "--source", "card")
	must("backup", "--out", filepath.Join(baks, "after-erase.bak"))
	must("--password-file", newPass, "restore", filepath.Join(baks, "after-erase.bak"))
	must("audit")
	must("audit", "--json")
	must("verify")

	// The files asked for hold the data: the test would prove nothing else.
	if b, _ := os.ReadFile(filepath.Join(out, "export.json")); !bytes.Contains(b, []byte("Quasthoff")) {
		t.Fatal("the export does not hold the person: the session did not run as meant")
	}
	if h.must("list", "--search", "zwanenburg") == "" {
		t.Fatal("the import did not run")
	}

	// The database folder: the file, and nothing left beside it but the
	// passphrase files the test wrote.
	for _, f := range filesUnder(t, h.dir) {
		switch filepath.Base(f) {
		case "pass":
			continue
		case "warmlead.db":
		default:
			t.Errorf("a file was left beside the database: %s", f)
		}
		b, _ := os.ReadFile(f)
		findLeaks(t, f, b)
	}
	for _, f := range filesUnder(t, baks) {
		b, _ := os.ReadFile(f)
		findLeaks(t, "backup "+filepath.Base(f), b)
	}
	for _, f := range filesUnder(t, tmp) {
		t.Errorf("a temporary file was left: %s", f)
		b, _ := os.ReadFile(f)
		findLeaks(t, f, b)
	}
	findLeaks(t, "stderr", stderr.Bytes())
	if !strings.Contains(stderr.String(), "card 3") {
		t.Errorf("the failed card is not reported on stderr:\n%s", stderr.String())
	}

	// The keyring holds a random key and nothing else.
	secret, err := keyring.Get("Warmlead", dbAccount(t, h.db))
	if err != nil {
		t.Fatal(err)
	}
	findLeaks(t, "the keyring entry", []byte(secret))
	// The key, and the generation last seen (a number: store/generation.go).
	secret, gen, _ := strings.Cut(secret, ";generation=")
	if _, err := strconv.ParseUint(gen, 10, 64); gen != "" && err != nil {
		t.Errorf("the keyring entry holds more than a key and a generation: %q", gen)
	}
	if k, err := base64.StdEncoding.DecodeString(secret); err != nil || len(k) != 32 {
		t.Errorf("the keyring entry is not a 32-byte key: %d bytes, %v", len(k), err)
	}
	// (No panic handler writes a crash report anywhere: a panic would
	// print Go's stack trace, addresses and types but no values, to
	// stderr, which is checked above for the commands that failed.)
}
