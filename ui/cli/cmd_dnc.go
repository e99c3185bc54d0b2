package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"warmlead/consent"
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
		file := pos[1]
		if name == "" {
			name = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		}
		db, err := e.open()
		if err != nil {
			return err
		}
		st, err := db.Settings()
		if err != nil {
			return err
		}
		f, err := os.Open(file)
		if err != nil {
			return fmt.Errorf("cannot read the register file: %w", err)
		}
		defer f.Close()
		parsed, err := consent.ParseDNC(f, consent.RegionForLanguage(st.Lang))
		if err != nil {
			return err
		}
		for _, b := range parsed.Bad {
			fmt.Fprintf(e.stderr, "line %d: %s\n", b.Line, b.Reason)
		}
		reg, err := db.ImportDNC(name, parsed.Numbers, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "register %q: %d numbers imported, %d lines skipped\n", reg.Name, reg.Numbers, len(parsed.Bad))
		return nil
	}
}
