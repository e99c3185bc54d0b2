package cli

import (
	"fmt"
	"strings"
	"time"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"call", "log a call: call ID --outcome O [--agreed TEXT] [--callback DATE] [--consent purpose:channel]...", setupCall})
	register(command{"followup", "the follow-up email for the last call; stored as evidence, confirming the consents given", setupFollowup})
}

// multiFlag collects a repeatable flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// parseDateTime reads YYYY-MM-DD or YYYY-MM-DD HH:MM (local time).
func parseDateTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usagef("%q is not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM", s)
}

func setupCall(fs *flagSet, e *env) func([]string) error {
	var outcome, agreed, callback string
	var consents multiFlag
	fs.StringVar(&outcome, "outcome", "", "reached, no-answer, voicemail, call-back, not-interested or do-not-call")
	fs.StringVar(&agreed, "agreed", "", "what was agreed (short)")
	fs.StringVar(&callback, "callback", "", "YYYY-MM-DD [HH:MM] to call back")
	fs.Var(&consents, "consent", "purpose:channel the person agreed to on the phone (repeatable), e.g. product-info:email")
	return func(pos []string) error {
		if len(pos) != 1 || outcome == "" {
			return usagef("usage: warmlead call ID --outcome reached|no-answer|voicemail|call-back|not-interested|do-not-call [--agreed TEXT] [--callback DATE]")
		}
		id, err := parseID(pos[0])
		if err != nil {
			return err
		}
		log := consent.CallLog{Agreed: agreed}
		if callback != "" {
			if log.Callback, err = parseDateTime(callback); err != nil {
				return err
			}
		}
		for _, c := range consents {
			pu, ch, ok := strings.Cut(c, ":")
			if !ok {
				return usagef("--consent takes purpose:channel, e.g. product-info:email")
			}
			var pc consent.PurposeChannel
			if pc.Purpose, err = consent.ParsePurpose(pu); err != nil {
				return usagef("%v", err)
			}
			if pc.Channel, err = consent.ParseChannel(ch); err != nil {
				return usagef("%v", err)
			}
			log.Consents = append(log.Consents, pc)
		}
		if log.Outcome, err = consent.ParseOutcome(outcome); err != nil {
			return usagef("%v", err)
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		logged, err := uc.Calls.Log(id, log)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "prospect %d: call %d logged (%s)", id, consent.Attempts(logged.Record), logged.Call().Outcome)
		if n := logged.Pending(); n > 0 {
			fmt.Fprintf(e.stdout, "; %s pending until the follow-up email is sent ('warmlead followup %d')", Plural(n, "consent", "consents"), id)
		}
		fmt.Fprintln(e.stdout)
		return nil
	}
}

// Plural writes "1 card" or "3 cards".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func setupFollowup(fs *flagSet, e *env) func([]string) error {
	var fl emailFlags
	fl.define(fs)
	return func(pos []string) error {
		var f usecase.FollowUp
		return e.runEmail(pos, fl, oneEmail{
			usage: "usage: warmlead followup ID [--lang L] [--out FILE.eml]",
			make: func(uc *usecase.App, id uint64, lang string) (_ consent.Email, _ time.Time, err error) {
				f, err = uc.Calls.FollowUp(id, lang)
				return f.Mail, f.Time, err
			},
			sent: func(uc *usecase.App, _ uint64, _ consent.Email) error {
				if _, err := uc.Calls.MarkSent(f); err != nil {
					return err
				}
				if n := len(f.Pending); n > 0 {
					fmt.Fprintf(e.stderr, "recorded as sent: %s now granted with this email as evidence\n", Plural(n, "consent", "consents"))
				}
				return nil
			},
		})
	}
}
