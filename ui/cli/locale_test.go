package cli

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// A "C" locale, or one Warmlead does not speak, means English with nothing
// in the log. (Fyne 2.7's own start-up, before any Warmlead code runs, logs
// a parse error for "C.UTF-8"; that is upstream's and not tested here.)
func TestLocaleCOrUnknownLogsNothing(t *testing.T) {
	bin := warmleadBinary(t)
	for _, lang := range []string{"C", "POSIX", "ja_JP.UTF-8", "fr_FR.UTF-8", "nl_NL.UTF-8", ""} {
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
