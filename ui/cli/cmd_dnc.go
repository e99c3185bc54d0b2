package cli

import (
	"fmt"
)

func init() {
	register(command{"dnc", "do-not-call registers: dnc import FILE [--register NAME]", setupDNC})
}

func setupDNC(fs *flagSet, e *env) func([]string) error {
	var name string
	fs.StringVar(&name, "register", "", "register name, e.g. \"NL Bel-me-niet\" (default: the file name)")
	return func(pos []string) error {
		if len(pos) != 2 || pos[0] != "import" {
			return usagef("usage: warmlead dnc import FILE [--register NAME]")
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		res, err := uc.DNC.Import(pos[1], name)
		for _, b := range res.Bad {
			fmt.Fprintf(e.stderr, "line %d: %s\n", b.Line, safe(b.Reason))
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "register %q: %d numbers imported, %d lines skipped\n", res.Register.Name, res.Register.Numbers, len(res.Bad))
		if info, linked := uc.Team.Info(); linked && info.Manager {
			fmt.Fprintf(e.stdout, "published to the team %q: every rep gets it at their next sync\n", safe(info.Team))
		}
		return nil
	}
}
