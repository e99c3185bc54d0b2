package cli

import (
	"fmt"
	"time"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"first-email", "the first one-to-one email to a card contact (why, privacy statement, preferences; no marketing); marks them informed", setupFirstEmail})
	register(command{"connect-message", "the message asking a new LinkedIn/Xing connection for consent to continue by email or phone", setupConnectMessage})
	register(command{"connect-reply", "record a connection's reply as the evidence that opens email and/or phone: connect-reply ID --channel email|phone... (--evidence TEXT | --evidence-file F|-)", setupConnectReply})
}

// emailFlags are the flags of a command that writes one email: as
// followup's (--lang, --out, --preview).
type emailFlags struct {
	lang, out string
	preview   bool
}

func (f *emailFlags) define(fs *flagSet) {
	fs.StringVar(&f.lang, "lang", "", "en, nl, nb, sv or de (default: the prospect's, else the settings')")
	fs.StringVar(&f.out, "out", "", "write an .eml file instead of printing the text")
	fs.BoolVar(&f.preview, "preview", false, "only show the email; record nothing")
}

func setupFirstEmail(fs *flagSet, e *env) func([]string) error {
	var f emailFlags
	f.define(fs)
	return func(pos []string) error {
		return e.runEmail(pos, f, oneEmail{
			usage: "usage: warmlead first-email ID [--lang L] [--out FILE.eml] [--preview]",
			make: func(uc *usecase.App, id uint64, lang string) (consent.Email, time.Time, error) {
				mail, err := uc.Messages.FirstEmail(id, lang)
				return mail, time.Now(), err
			},
			sent: func(uc *usecase.App, id uint64, mail consent.Email) error {
				_, err := uc.Messages.FirstEmailSent(id, mail)
				return err
			},
			noAddress: "add one before you send it",
		})
	}
}

func setupConnectMessage(fs *flagSet, e *env) func([]string) error {
	var lang, platform string
	var preview bool
	fs.StringVar(&lang, "lang", "", "en, nl, nb, sv or de (default: the prospect's, else the settings')")
	fs.StringVar(&platform, "platform", "linkedin", "linkedin or xing")
	fs.BoolVar(&preview, "preview", false, "only show the message; record nothing")
	return func(pos []string) error {
		if len(pos) != 1 {
			return usagef("usage: warmlead connect-message ID [--platform linkedin|xing] [--lang L] [--preview]")
		}
		if _, err := usecase.Platform(platform); err != nil {
			return usagef("%s", err.Error())
		}
		uc, id, err := e.appFor(pos[0], langFlag(lang))
		if err != nil {
			return err
		}
		msg, err := uc.Messages.ConnectionMessage(id, platform, lang)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, safeBlock(msg.Body))
		if preview {
			return nil
		}
		_, err = uc.Messages.ConnectionMessageSent(id, platform, msg)
		return err
	}
}

func setupConnectReply(fs *flagSet, e *env) func([]string) error {
	var platform, evidence, evidenceFile string
	var channels multiFlag
	fs.StringVar(&platform, "platform", "linkedin", "where the reply came: linkedin or xing")
	fs.Var(&channels, "channel", "email or phone: what the reply allows (repeatable)")
	fs.StringVar(&evidence, "evidence", "", "the person's reply, word for word")
	fs.StringVar(&evidenceFile, "evidence-file", "", "the reply as a file (.eml or text), or - for standard input")
	const usage = "usage: warmlead connect-reply ID --channel email|phone [--channel ...] (--evidence TEXT | --evidence-file F|-) [--platform linkedin|xing]"
	return func(pos []string) error {
		if len(pos) != 1 || len(channels) == 0 {
			return usagef("%s", usage)
		}
		var chs []consent.Channel
		for _, c := range channels {
			ch, err := consent.ParseChannel(c)
			if err != nil || (ch != consent.ChannelEmail && ch != consent.ChannelPhone) {
				return usagef("--channel takes email or phone, not %q", c)
			}
			chs = append(chs, ch)
		}
		if _, err := usecase.Platform(platform); err != nil {
			return usagef("%s", err.Error())
		}
		text, err := e.readEvidence(evidence, evidenceFile)
		if err != nil {
			return err
		}
		uc, id, err := e.appFor(pos[0])
		if err != nil {
			return err
		}
		evs, err := uc.Messages.RecordReply(usecase.Reply{Prospect: id, Platform: platform, Text: text, Channels: chs})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "prospect %d: reply kept as evidence; follow-up granted by", id)
		for i, ev := range evs[1:] {
			if i > 0 {
				fmt.Fprint(e.stdout, " and")
			}
			fmt.Fprintf(e.stdout, " %s", ev.Channel)
		}
		fmt.Fprintln(e.stdout)
		return nil
	}
}
