package cli

import (
	"fmt"

	"warmlead/ui/usecase"
)

func init() {
	register(command{"demo", "generate demo data: demo --prospects N [--seed S] fills an empty database with fictional European prospects and their consent events", setupDemo})
}

func setupDemo(fs *flagSet, e *env) func([]string) error {
	var n int
	var seed int64
	fs.IntVar(&n, "prospects", 0, "how many prospects to generate")
	fs.Int64Var(&seed, "seed", 1, "the same seed gives the same people and ledgers")
	return func(pos []string) error {
		if len(pos) != 0 || n <= 0 || n > usecase.MaxDemoProspects {
			return usagef("usage: warmlead demo --prospects N [--seed S] (N from 1 to %d)", usecase.MaxDemoProspects)
		}
		db, err := e.open()
		if err != nil {
			return err
		}
		events, err := usecase.GenerateDemo(db, n, seed, e.rep())
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "generated %d prospects with %d events\n", n, events)
		return nil
	}
}
