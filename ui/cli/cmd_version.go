package cli

import (
	"fmt"
	"runtime"
)

// The version comes from FyneApp.toml (version_gen.go, checked by
// TestVersionMatchesFyneAppToml); regenerate after changing it:
//
//go:generate go run ../../tools/fyneversion -toml ../../FyneApp.toml -out version_gen.go -pkg cli

func init() {
	register(command{"version", "print the version (from FyneApp.toml), build, system and Go version", setupVersion})
}

// VersionLine is what `warmlead version` prints, e.g.
// "warmlead 0.1.0 (build 1) linux/amd64 go1.26.8".
func VersionLine() string {
	return fmt.Sprintf("warmlead %s (build %d) %s/%s %s", Version, Build, runtime.GOOS, runtime.GOARCH, runtime.Version())
}

func setupVersion(fs *flagSet, e *env) func([]string) error {
	return func(pos []string) error {
		if err := need(pos, 0, "version"); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, VersionLine())
		return nil
	}
}
