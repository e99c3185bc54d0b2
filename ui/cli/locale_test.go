package cli

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// A "C" locale, or one Warmlead does not speak, means English with nothing
// in the log: "C.UTF-8" included, which Fyne's start-up would report as an
// unparsable locale but for main's locale_c.go.
func TestLocaleCOrUnknownLogsNothing(t *testing.T) {
	bin := warmleadBinary(t)
	for _, lang := range []string{"C", "C.UTF-8", "POSIX", "POSIX.UTF-8", "ja_JP.UTF-8", "fr_FR.UTF-8", "nl_NL.UTF-8", ""} {
		cmd := exec.Command(bin, "help")
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "LANG=" + lang}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Errorf("LANG=%q: %v", lang, err)
		}
		if s := stderr.String(); s != "" {
			t.Errorf("LANG=%q logged:\n%s", lang, s)
		}
		if !strings.Contains(string(out), "can-contact") {
			t.Errorf("LANG=%q: help is not the English command list:\n%s", lang, out)
		}
	}
}
