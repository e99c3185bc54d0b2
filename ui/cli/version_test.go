package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"warmlead/tools/fyneversion/fyneapp"
)

// The version the binary prints is FyneApp.toml's: after a version bump,
// `go generate ./ui/cli/` rewrites version_gen.go.
func TestVersionMatchesFyneAppToml(t *testing.T) {
	b, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := fyneapp.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if d.Version != Version || d.Build != Build {
		t.Fatalf("FyneApp.toml says %s build %d, version_gen.go %s build %d: run go generate ./ui/cli/",
			d.Version, d.Build, Version, Build)
	}
}

func TestVersionCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Run([]string{"version"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got := strings.TrimSpace(out.String()); got != VersionLine() || !strings.HasPrefix(got, "warmlead "+Version+" (build ") {
		t.Fatalf("version printed %q", got)
	}
	if !IsCommand([]string{"version"}) {
		t.Fatal("version is not a command")
	}
	if code := Run([]string{"version", "extra"}, strings.NewReader(""), &out, &errb); code != ExitUsage {
		t.Fatalf("version extra: exit %d", code)
	}
}
