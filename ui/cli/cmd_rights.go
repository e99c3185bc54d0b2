package cli

import (
	"fmt"
	"io"
	"time"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"export", "everything about a person, as JSON or vCard 4.0 (access, portability)", setupExport})
	register(command{"erase", "erase a person, keep only a suppression hash: erase ID --reason TEXT", setupErase})
	register(command{"notice", "write the Art. 14 notice email and mark the person informed", setupNotice})
	register(command{"due", "notices due, retention ending, call-backs, ask-again dates", setupDue})
}

func setupExport(fs *flagSet, e *env) func([]string) error {
	var format, out, reason string
	fs.StringVar(&format, "format", "json", "json or vcf")
	fs.StringVar(&out, "out", "", "file to write (default: standard output)")
	fs.StringVar(&reason, "reason", "access request", "why (audit log)")
	return func(pos []string) error {
		if len(pos) != 1 || (format != usecase.FormatJSON && format != usecase.FormatVCard) {
			return usagef("usage: warmlead export ID --format json|vcf [--out F]")
		}
		uc, id, err := e.appFor(pos[0])
		if err != nil {
			return err
		}
		if _, err := uc.Rights.Export(usecase.ExportRequest{ID: id, Format: format, Reason: reason, Path: out, Out: e.stdout}); err != nil {
			return err
		}
		if out != "" {
			fmt.Fprintf(e.stderr, "exported prospect %d as %s to %s\n", id, format, out)
		}
		return nil
	}
}

func setupErase(fs *flagSet, e *env) func([]string) error {
	var reason string
	fs.StringVar(&reason, "reason", "", "why, without the person's name (it is kept): e.g. \"asked by email 2026-03-02\"")
	return func(pos []string) error {
		if len(pos) != 1 || reason == "" {
			return usagef("usage: warmlead erase ID --reason TEXT")
		}
		uc, id, err := e.appFor(pos[0])
		if err != nil {
			return err
		}
		if err := uc.Rights.Erase(id, reason); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "prospect %d erased; only a suppression hash and a tombstone remain, and the file was compacted\n", id)
		return nil
	}
}

func setupNotice(fs *flagSet, e *env) func([]string) error {
	var lang, out string
	fs.StringVar(&lang, "lang", "", "en, nl, nb, sv or de (default: the prospect's, else the settings')")
	fs.StringVar(&out, "out", "", "write an .eml file instead of printing the text")
	return func(pos []string) error {
		return e.runEmail(pos, emailFlags{lang: lang, out: out}, oneEmail{ // notice has no --preview: it always records the notice
			usage: "usage: warmlead notice ID [--lang L] [--out FILE.eml]",
			make: func(uc *usecase.App, id uint64, lang string) (consent.Email, time.Time, error) {
				_, mail, err := uc.Rights.Notice(id, lang)
				return mail, time.Now(), err
			},
			sent: func(uc *usecase.App, id uint64, mail consent.Email) error {
				_, err := uc.Rights.NoticeSent(id, mail)
				return err
			},
			noAddress: "deliver the notice by post or through the introducer",
		})
	}
}

func setupDue(fs *flagSet, e *env) func([]string) error {
	return listing(fs, "due [--json]", func(asJSON bool) error {
		uc, err := e.app()
		if err != nil {
			return err
		}
		items, skipped, err := uc.Deadlines.List()
		if err != nil {
			return err
		}
		e.noteUnreadable(skipped)
		if !asJSON && len(items) == 0 {
			fmt.Fprintln(e.stdout, "nothing due")
			return nil
		}
		return printRows(e.stdout, asJSON, items, "DATE\tID\tNAME\tWHAT\tREASON", func(tw io.Writer, d usecase.DueItem) {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", d.Date.Local().Format("2006-01-02"), d.Prospect, safe(d.Name), safe(string(d.Kind)), safe(d.Reason))
		})
	})
}
