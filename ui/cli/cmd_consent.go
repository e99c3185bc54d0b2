package cli

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"consent", "record a consent grant, refusal or withdrawal with its evidence (--evidence-file F|-: a file or standard input)", setupConsent})
	register(command{"object", "record \"do not contact me\": blocks every channel (--evidence-file F|-)", setupObject})
	register(command{"can-contact", "may I contact this person on this channel for this purpose? (exit 3: blocked)", setupCanContact})
}

// maxEvidence is the cap on evidence an event keeps (consent.MaxEvidence);
// a file beyond it is cut with a marker, a longer --evidence is refused.
const maxEvidence = consent.MaxEvidence

// readEvidence returns evidence from --evidence or --evidence-file: a
// file, a pipe, or "-" for standard input (so the proof need not stand on
// the command line, where ps shows it). An .eml file is parsed and kept as
// its headers and text; anything else as text, which must be text. Both
// are read whole and cut to maxEvidence, said on stderr; the use case
// checks what it is given.
func (e *env) readEvidence(text, file string) (string, error) {
	if text != "" && file != "" {
		return "", usagef("give --evidence or --evidence-file, not both")
	}
	if file == "" {
		return strings.TrimSpace(text), nil
	}
	var r io.Reader = e.stdin
	if file != "-" {
		// Regular files and pipes; a device (/dev/zero) never ends.
		f, err := usecase.OpenInput(file, math.MaxInt64, usecase.PipesToo)
		if err != nil {
			return "", fmt.Errorf("cannot read the evidence file: %w", err)
		}
		defer f.Close()
		r = f
	}
	ev, err := usecase.ReadEvidence(r, strings.HasSuffix(strings.ToLower(file), ".eml"))
	if err != nil {
		return "", err
	}
	if ev.Cut {
		fmt.Fprintf(e.stderr, "note: the evidence is longer than %d KB; the first %d KB are kept, marked as cut\n", maxEvidence>>10, maxEvidence>>10)
	}
	return ev.Text, nil
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
	fs.StringVar(&evidenceFile, "evidence-file", "", "a file holding the proof (.eml or text), or - for standard input")
	fs.StringVar(&expires, "expires", "", "YYYY-MM-DD the consent ends")
	fs.StringVar(&askAgain, "ask-again", "", "YYYY-MM-DD to ask again")
	return func(pos []string) error {
		usage := "consent ID --purpose P --channel C (--grant|--refuse|--withdraw) --method M (--evidence TEXT | --evidence-file F|-) [--expires DATE]"
		if len(pos) != 1 || purpose == "" || channel == "" {
			return usagef("usage: warmlead %s", usage)
		}
		id, err := parseID(pos[0])
		if err != nil {
			return err
		}
		var a consent.Answer
		switch {
		case grant && !refuse && !withdraw:
			a.Kind = consent.KindConsentGranted
		case refuse && !grant && !withdraw:
			a.Kind = consent.KindConsentRefused
		case withdraw && !grant && !refuse:
			a.Kind = consent.KindConsentWithdrawn
		default:
			return usagef("say exactly one of --grant, --refuse or --withdraw")
		}
		if a.Cell.Purpose, err = consent.ParsePurpose(purpose); err != nil {
			return usagef("%v", err)
		}
		if a.Cell.Channel, err = consent.ParseChannel(channel); err != nil {
			return usagef("%v", err)
		}
		if method != "" {
			if a.Method, err = consent.ParseMethod(method); err != nil {
				return usagef("%v", err)
			}
		}
		if a.Evidence, err = e.readEvidence(evidence, evidenceFile); err != nil {
			return err
		}
		if expires != "" {
			if a.Expires, err = ParseDate(expires); err != nil {
				return err
			}
		}
		if askAgain != "" {
			if a.AskAgain, err = ParseDate(askAgain); err != nil {
				return err
			}
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		ev, err := uc.Consents.Record(usecase.ConsentAnswer{Prospect: id, Answer: a})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "prospect %d: %s %s by %s recorded as event %d\n", id, ev.Kind, ev.Purpose, ev.Channel, ev.Seq)
		return nil
	}
}

func setupObject(fs *flagSet, e *env) func([]string) error {
	var evidence, evidenceFile string
	fs.StringVar(&evidence, "evidence", "", "what the person said or wrote")
	fs.StringVar(&evidenceFile, "evidence-file", "", "a file holding it (.eml or text), or - for standard input")
	return func(pos []string) error {
		if len(pos) != 1 {
			return usagef("usage: warmlead object ID --evidence TEXT | --evidence-file F|-")
		}
		text, evErr := e.readEvidence(evidence, evidenceFile)
		uc, id, err := e.appFor(pos[0], evErr)
		if err != nil {
			return err
		}
		if _, err := uc.Consents.Object(id, text); err != nil {
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
		uc, err := e.app()
		if err != nil {
			return err
		}
		a, err := uc.Consents.Answer(id, ch, pu)
		if err != nil {
			return err
		}
		d := a.Decision
		if asJSON {
			if err := writeJSON(e.stdout, a); err != nil {
				return err
			}
		} else {
			line := answerLine(d)
			if t := a.Erased; t != nil {
				line += " (" + tombstoneLine(*t) + ")"
			}
			fmt.Fprintln(e.stdout, safe(line))
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
