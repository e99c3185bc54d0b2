package cli

import (
	"fmt"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"refer", "record a referral and print the introduction email for the introducer (refer --from-json FILE|- for the name)", setupRefer})
	register(command{"referral", "referral approve REFID --evidence TEXT|--evidence-file F|- [--email E] [--phone P] (or --from-json FILE|-) | referral decline REFID", setupReferral})
}

func setupRefer(fs *flagSet, e *env) func([]string) error {
	var introducer, name, company, lang, topic string
	fs.StringVar(&introducer, "introducer", "", "id of the customer who introduces")
	fs.StringVar(&name, "name", "", "the referred person's name")
	fs.StringVar(&company, "company", "", "their company")
	fs.StringVar(&lang, "lang", "", "language of the introduction email")
	fs.StringVar(&topic, "topic", "", "what the introduction is about")
	fromJSON := fromJSONFlag(fs)
	return func(pos []string) error {
		if err := e.fromJSON(*fromJSON, map[string]*string{"introducer": &introducer, "name": &name, "company": &company, "lang": &lang, "topic": &topic}); err != nil {
			return err
		}
		if len(pos) != 0 || introducer == "" || name == "" {
			return usagef("usage: warmlead refer --introducer ID --name N [--company C] [--lang L] [--topic T]")
		}
		intro, err := parseID(introducer)
		if err != nil {
			return err
		}
		if lang != "" {
			if _, err := consent.ParseLanguage(lang); err != nil {
				return usagef("%v", err)
			}
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		ref, err := uc.Referrals.Refer(usecase.NewReferral{Introducer: intro, Name: name, Company: company, Lang: lang, Topic: topic})
		if err != nil {
			return err
		}
		mail := ref.Mail
		fmt.Fprintln(e.stdout, ref.Referred.ID)
		fmt.Fprintf(e.stdout, "\nSubject: %s\n\n%s\n", safe(mail.Subject), safeBlock(mail.Body))
		return nil
	}
}

func setupReferral(fs *flagSet, e *env) func([]string) error {
	var evidence, evidenceFile, email, phone string
	fs.StringVar(&evidence, "evidence", "", "the person's reply")
	fs.StringVar(&evidenceFile, "evidence-file", "", "the reply as a file (.eml or text), or - for standard input")
	fs.StringVar(&email, "email", "", "the email address they agreed to share")
	fs.StringVar(&phone, "phone", "", "the phone number they agreed to share")
	fromJSON := fromJSONFlag(fs)
	return func(pos []string) error {
		if err := e.fromJSON(*fromJSON, map[string]*string{"evidence": &evidence, "email": &email, "phone": &phone}); err != nil {
			return err
		}
		if len(pos) != 2 || (pos[0] != "approve" && pos[0] != "decline") {
			return usagef("usage: warmlead referral approve REFID --evidence TEXT|--evidence-file F [--email E] [--phone P] | warmlead referral decline REFID [--evidence TEXT]")
		}
		text, evErr := e.readEvidence(evidence, evidenceFile)
		uc, id, err := e.appFor(pos[1], evErr)
		if err != nil {
			return err
		}
		if pos[0] == "decline" {
			if err := uc.Referrals.Decline(id, text); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "referral %d declined: reduced to a tombstone and a suppression entry\n", id)
			return nil
		}
		p, err := uc.Referrals.Approve(id, email, phone, text)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "referral %d approved: %s may now be contacted for follow-up%s\n", id, safe(p.Name), channelsNote(p))
		return nil
	}
}

func channelsNote(p consent.Prospect) string {
	switch {
	case p.Email != "" && p.Phone != "":
		return " by email and phone"
	case p.Email != "":
		return " by email"
	case p.Phone != "":
		return " by phone"
	}
	return " (no contact details given yet)"
}
