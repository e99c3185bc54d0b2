//go:build cgo && (linux || freebsd || netbsd || openbsd)

package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Started with LANG=C.UTF-8, the process initialises Fyne without a log
// line, and gives the original value back to what it starts.
func TestBareCLocaleKeepsLogQuietAndChildrenUnchanged(t *testing.T) {
	if os.Getenv("WARMLEAD_LOCALE_PROBE") == "1" {
		restoreLocale()
		fmt.Print(os.Getenv("LANG"))
		os.Exit(0)
	}
	for _, lang := range []string{"C.UTF-8", "POSIX.UTF-8", "C", "de_DE.UTF-8"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestBareCLocaleKeepsLogQuietAndChildrenUnchanged$")
		cmd.Env = []string{"WARMLEAD_LOCALE_PROBE=1", "LANG=" + lang, "HOME=" + t.TempDir()}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("LANG=%s: %v\n%s", lang, err, stderr.String())
		}
		if string(out) != lang {
			t.Errorf("LANG=%s: children would see LANG=%q", lang, out)
		}
		if stderr.Len() > 0 {
			t.Errorf("LANG=%s: logged %s", lang, stderr.String())
		}
	}
}
