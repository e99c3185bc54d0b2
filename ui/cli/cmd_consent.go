package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"warmlead/consent"
)

func init() {
	register(command{"consent", "record a consent grant, refusal or withdrawal with its evidence", setupConsent})
	register(command{"object", "record \"do not contact me\": blocks every channel", setupObject})
	register(command{"can-contact", "may I contact this person on this channel for this purpose? (exit 3: blocked)", setupCanContact})
}

// maxEvidence caps evidence text stored in an event; a pasted thread or a
// long .eml body beyond this is cut with a marker.
const maxEvidence = 256 << 10

// readEvidence returns evidence from --evidence or --evidence-file. An .eml
// file is parsed and kept as its headers and text; other files as text.
func readEvidence(text, file string) (string, error) {
	if text != "" && file != "" {
		return "", usagef("give --evidence or --evidence-file, not both")
	}
	if file == "" {
		return strings.TrimSpace(text), nil
	}
	f, err := os.Open(file)
	if err != nil {
		return "", fmt.Errorf("cannot read the evidence file: %w", err)
	}
	defer f.Close()
	if strings.HasSuffix(strings.ToLower(file), ".eml") {
		ev, err := consent.ReadEML(f)
		if err != nil {
			return "", err
		}
		return capEvidence(fmt.Sprintf("From: %s\nDate: %s\nSubject: %s\n\n%s", ev.From, ev.Date.UTC().Format(time.RFC1123Z), ev.Subject, ev.Body)), nil
	}
	b := make([]byte, maxEvidence+1)
	n, _ := f.Read(b)
	return capEvidence(strings.TrimSpace(string(b[:n]))), nil
}

func capEvidence(s string) string {
	if len(s) > maxEvidence {
		return s[:maxEvidence] + "\n[evidence cut at 256 KB]"
	}
	return s
}

func setupConsent(fs *flagSet, e *env) func([]string) error {
	var purpose, channel, method, evidence, evidenceFile, expires, askAgain string
	var grant, refuse, withdraw bool
	fs.StringVar(&purpose, "purpose", "", "follow-up, newsletter, product-info, events, offers, third-party-sharing, tracking")
	fs.StringVar(&channel, "channel", "", "email, phone, sms or post")
	fs.BoolVar(&grant, "grant", false, "the person gave consent")
	fs.BoolVar(&refuse, "refuse", false, "the person refused")
	fs.BoolVar(&withdraw, "withdraw", false, "the person withdrew an earlier consent")
	fs.StringVar(&method, "method", "", "web-form, email-reply, signed, recorded-call, verbal-confirmed-by-email, vendor-proof")
	fs.StringVar(&evidence, "evidence", "", "the proof: pasted reply, form id, call recording reference")
	fs.StringVar(&evidenceFile, "evidence-file", "", "a file holding the proof (.eml or text)")
	fs.StringVar(&expires, "expires", "", "YYYY-MM-DD the consent ends")
	fs.StringVar(&askAgain, "ask-again", "", "YYYY-MM-DD to ask again")
	return func(pos []string) error {
		usage := "consent ID --purpose P --channel C (--grant|--refuse|--withdraw) --method M (--evidence TEXT | --evidence-file F) [--expires DATE]"
		if len(pos) != 1 || purpose == "" || channel == "" {
			return usagef("usage: warmlead %s", usage)
		}
		id, err := parseID(pos[0])
		if err != nil {
			return err
		}
		ev := consent.Event{Rep: e.rep()}
		switch {
		case grant && !refuse && !withdraw:
			ev.Kind = consent.KindConsentGranted
		case refuse && !grant && !withdraw:
			ev.Kind = consent.KindConsentRefused
		case withdraw && !grant && !refuse:
			ev.Kind = consent.KindConsentWithdrawn
		default:
			return usagef("say exactly one of --grant, --refuse or --withdraw")
		}
		if ev.Purpose, err = consent.ParsePurpose(purpose); err != nil {
			return usagef("%v", err)
		}
		if ev.Channel, err = consent.ParseChannel(channel); err != nil {
			return usagef("%v", err)
		}
		if method != "" || ev.Kind == consent.KindConsentGranted {
			if ev.Method, err = consent.ParseMethod(method); err != nil {
				return usagef("%v", err)
			}
		}
		if ev.Evidence, err = readEvidence(evidence, evidenceFile); err != nil {
			return err
		}
		if ev.Kind == consent.KindConsentGranted && ev.Evidence == "" {
			return usagef("a consent needs its evidence: --evidence TEXT or --evidence-file F")
		}
		if expires != "" {
			if ev.Expires, err = ParseDate(expires); err != nil {
				return err
			}
		}
		if askAgain != "" {
			if ev.AskAgain, err = ParseDate(askAgain); err != nil {
				return err
			}
		}
		db, err := e.open()
		if err != nil {
			return err
		}
		saved, err := db.AppendEvent(id, ev)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "prospect %d: %s %s by %s recorded as event %d\n", id, ev.Kind, ev.Purpose, ev.Channel, saved.Seq)
		return nil
	}
}

func setupObject(fs *flagSet, e *env) func([]string) error {
	var evidence, evidenceFile string
	fs.StringVar(&evidence, "evidence", "", "what the person said or wrote")
	fs.StringVar(&evidenceFile, "evidence-file", "", "a file holding it (.eml or text)")
	return func(pos []string) error {
		if len(pos) != 1 {
			return usagef("usage: warmlead object ID --evidence TEXT")
		}
		id, err := parseID(pos[0])
		if err != nil {
			return err
		}
		text, err := readEvidence(evidence, evidenceFile)
		if err != nil {
			return err
		}
		if text == "" {
			return usagef("an objection needs its evidence: --evidence TEXT")
		}
		db, err := e.open()
		if err != nil {
			return err
		}
		if _, err := db.AppendEvent(id, consent.Event{Rep: e.rep(), Kind: consent.KindObjection, Evidence: text}); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "prospect %d: objection recorded; every channel is now blocked\n", id)
		return nil
	}
}

// errBlocked carries a "blocked" answer to exit code 3.
var errBlocked = errors.New("blocked")

func setupCanContact(fs *flagSet, e *env) func([]string) error {
	var channel, purpose string
	var asJSON bool
	fs.StringVar(&channel, "channel", "", "email, phone, sms or post")
	fs.StringVar(&purpose, "purpose", "", "follow-up, newsletter, product-info, events, offers, third-party-sharing, tracking")
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	return func(pos []string) error {
		if len(pos) != 1 || channel == "" || purpose == "" {
			return usagef("usage: warmlead can-contact ID --channel email|phone|sms|post --purpose P [--json]")
		}
		id, err := parseID(pos[0])
		if err != nil {
			return err
		}
		ch, err := consent.ParseChannel(channel)
		if err != nil {
			return usagef("%v", err)
		}
		pu, err := consent.ParsePurpose(purpose)
		if err != nil {
			return usagef("%v", err)
		}
		db, err := e.open()
		if err != nil {
			return err
		}
		rec, err := db.Record(id)
		if err != nil {
			return err
		}
		st, err := db.Settings()
		if err != nil {
			return err
		}
		d := consent.Decide(rec, ch, pu, time.Now(), st.RetentionMonths)
		if asJSON {
			if err := writeJSON(e.stdout, d); err != nil {
				return err
			}
		} else {
			fmt.Fprintln(e.stdout, answerLine(d))
		}
		if !d.Allowed {
			return errBlocked
		}
		return nil
	}
}

// answerLine is "allowed: REASON [rule]" or "blocked: REASON [rule]".
func answerLine(d consent.Decision) string {
	word := "blocked"
	if d.Allowed {
		word = "allowed"
	}
	reason := d.Reason
	for _, p := range []string{"Allowed: ", "Blocked: "} {
		reason = strings.TrimPrefix(reason, p)
	}
	return fmt.Sprintf("%s: %s [rule: %s]", word, oneLine(reason), d.Rule)
}
