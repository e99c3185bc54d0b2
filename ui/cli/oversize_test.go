package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// Issue 8, oversized input: a 50 MB vCard file, a 1 MB name, 10,000 emails
// on one card. Each is refused or capped with a message, and the import
// stays within a bounded amount of memory.

// keyringHarness is a harness whose commands unlock through the (mock)
// keyring after init, so they do not run Argon2id each (slow under -race).
func keyringHarness(t *testing.T) *harness {
	keyring.MockInit()
	h := newHarness(t)
	t.Setenv("WARMLEAD_NO_KEYRING", "")
	h.init()
	t.Setenv("WARMLEAD_PASSWORD_FILE", "")
	return h
}

// peakRSS runs the binary and returns its exit code, output and the most
// memory it held: the high-water mark of its resident set (VmHWM), read
// from /proc while it runs. (Its rusage is no use: a child starts out
// sharing the test process's memory, which is counted in.) 0 when there is
// no /proc.
func (p *proc) peakRSS(args ...string) (code int, out, errs string, rss int64) {
	p.t.Helper()
	cmd, o, e, done := p.start(args...)
	status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
	for running := true; running; {
		select {
		case <-done:
			running = false
		case <-time.After(2 * time.Millisecond):
			b, err := os.ReadFile(status)
			if err != nil {
				continue
			}
			for _, line := range strings.Split(string(b), "\n") {
				var kb int64
				if _, err := fmt.Sscanf(line, "VmHWM: %d kB", &kb); err == nil {
					rss = max(rss, kb<<10)
				}
			}
		}
	}
	return cmd.ProcessState.ExitCode(), o.String(), e.String(), rss
}

func writeBig(t *testing.T, path string, build func(b *bytes.Buffer)) int {
	t.Helper()
	var b bytes.Buffer
	build(&b)
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return b.Len()
}

func TestOversizedImportsAreCappedOrRefused(t *testing.T) {
	// The real binary (built without the race detector, so this is quick
	// in CI too), whose peak memory the kernel measures.
	dir := t.TempDir()
	p := newProcDB(t, dir)
	const rssLimit = 512 << 20 // generous: the process, Fyne's libraries and about six times the file

	t.Run("50 MB of few cards: a 1 MB name, 10,000 emails, a 48 MB note (notes are not imported)", func(t *testing.T) {
		path := filepath.Join(dir, "huge-fields.vcf")
		size := writeBig(t, path, func(b *bytes.Buffer) {
			b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:")
			b.WriteString(strings.Repeat("ø", 512<<10)) // 1 MB of two-byte runes
			b.WriteString("\r\nEMAIL:longname@oversize.example\r\nEND:VCARD\r\n")
			b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Mails\r\n")
			for i := range 10_000 {
				fmt.Fprintf(b, "EMAIL:mail%d@oversize.example\r\n", i)
			}
			b.WriteString("END:VCARD\r\n")
			b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Note\r\nEMAIL:note@oversize.example\r\nNOTE:")
			b.Write(bytes.Repeat([]byte("a note that never ends, "), (50<<20-b.Len())/24+1))
			b.WriteString("\r\nEND:VCARD\r\n")
		})
		code, out, errs, rss := p.peakRSS("import", path, "--json")
		t.Logf("%d MB file: peak memory %d MB", size>>20, rss>>20)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var sum struct{ Imported, Failed int }
		json.Unmarshal([]byte(out), &sum)
		if sum.Imported != 3 || sum.Failed != 0 {
			t.Fatalf("summary %s", out)
		}
		for _, want := range []string{"card 1 had a value longer than 4096 bytes; it was cut", "card 2 had more than 50 emails", "were dropped"} {
			if !strings.Contains(errs, want) {
				t.Errorf("stderr does not say %q:\n%s", want, errs)
			}
		}
		if rss > rssLimit {
			t.Errorf("importing a %d MB file took %d MB of memory", size>>20, rss>>20)
		}
		var list []struct {
			Name  string `json:"name"`
			Email string `json:"email"`
		}
		json.Unmarshal([]byte(p.must("list", "--json")), &list)
		for _, p := range list {
			if len(p.Name) > 4096 {
				t.Errorf("a %d-byte name was stored", len(p.Name))
			}
			if p.Name == "Many Mails" && p.Email != "mail0@oversize.example" {
				t.Errorf("the first of 10,000 emails is not the one kept: %q", p.Email)
			}
		}
		if out := p.must("verify"); !strings.HasPrefix(out, "ok: 3 prospects") {
			t.Fatalf("verify: %q", out)
		}
	})

	t.Run("50 MB of small cards: more cards than allowed", func(t *testing.T) {
		path := filepath.Join(dir, "many-cards.vcf")
		size := writeBig(t, path, func(b *bytes.Buffer) {
			one := []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card Person\r\nEMAIL:card.person@many.example\r\nEND:VCARD\r\n")
			b.Write(bytes.Repeat(one, 50<<20/len(one)+1)) // about 680,000 cards
		})
		code, out, errs, rss := p.peakRSS("import", path)
		t.Logf("%d MB file: peak memory %d MB", size>>20, rss>>20)
		if code != ExitError || !strings.Contains(out, "imported 0") {
			t.Fatalf("exit %d, %q, %s", code, out, errs)
		}
		if !strings.Contains(errs, "many-cards.vcf: vCard file has too many cards") {
			t.Errorf("stderr does not say why the file was refused: %q", errs)
		}
		if rss > rssLimit {
			t.Errorf("refusing a %d MB file took %d MB of memory", size>>20, rss>>20)
		}
	})

	t.Run("over the 64 MB limit", func(t *testing.T) {
		path := filepath.Join(dir, "too-large.vcf")
		writeBig(t, path, func(b *bytes.Buffer) {
			b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photo Person\r\nPHOTO;ENCODING=b;TYPE=JPEG:")
			b.Write(bytes.Repeat([]byte("QUJD"), 17<<20)) // 68 MB
			b.WriteString("\r\nEND:VCARD\r\n")
		})
		code, out, errs, rss := p.peakRSS("import", path)
		t.Logf("68 MB file: peak memory %d MB", rss>>20)
		if code != ExitError || !strings.Contains(out, "imported 0") || !strings.Contains(errs, "too-large.vcf: vCard file is too large: it is over the limit of 64 MB") {
			t.Fatalf("exit %d, %q, %q", code, out, errs)
		}
		if rss > rssLimit {
			t.Errorf("refusing a 68 MB file took %d MB of memory", rss>>20)
		}
	})
	if out := p.must("verify"); !strings.HasPrefix(out, "ok: 3 prospects") {
		t.Fatalf("after the refused files: %q", out)
	}
}

// Evidence files are capped too: a 10 MB .eml limit, a 256 KB text cap.
func TestOversizedEvidenceIsCappedOrRefused(t *testing.T) {
	h := keyringHarness(t)
	h.must("add", "--name", "Evidence Eva", "--email", "eva@evidence.example", "--source", "card")
	dir := t.TempDir()
	eml := filepath.Join(dir, "huge.eml")
	os.WriteFile(eml, append([]byte("From: eva@evidence.example\r\nSubject: yes\r\n\r\n"), bytes.Repeat([]byte("yes please "), 1<<20)...), 0o600)
	code, _, errs := h.run("consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "email-reply", "--evidence-file", eml)
	if code != ExitError || !strings.Contains(errs, "larger than 10 MB") {
		t.Fatalf("an 11 MB .eml: exit %d, %q", code, errs)
	}
	txt := filepath.Join(dir, "huge.txt")
	os.WriteFile(txt, bytes.Repeat([]byte("signed at the stand; "), 100_000), 0o600) // 2 MB
	h.must("consent", "1", "--purpose", "newsletter", "--channel", "email", "--grant", "--method", "signed", "--evidence-file", txt)
	var shown struct {
		Events []struct{ Evidence string } `json:"events"`
	}
	json.Unmarshal([]byte(h.must("show", "1", "--json")), &shown)
	ev := shown.Events[len(shown.Events)-1].Evidence
	if len(ev) > maxEvidence+64 || !strings.HasSuffix(ev, "[evidence cut at 256 KB]") {
		t.Fatalf("a 2 MB evidence file stored as %d bytes", len(ev))
	}
}
