package i18n

import (
	"bytes"
	"log"
	"os"
	"testing"
)

// inCLocale runs the test under a bare C locale (as a minimal container
// starts the app) and returns what the log package is given until it ends;
// it switches back to English at the end. Fyne's translations log an error
// when the locale cannot be parsed: the tests want that log empty.
func inCLocale(t *testing.T) *bytes.Buffer {
	t.Helper()
	t.Setenv("LC_ALL", "C")
	t.Setenv("LANGUAGE", "")
	var logged bytes.Buffer
	log.SetOutput(&logged)
	t.Cleanup(func() {
		Use("en")
		log.SetOutput(os.Stderr)
	})
	return &logged
}
