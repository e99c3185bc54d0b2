package usecase

import (
	"runtime/debug"
	"sync"
	"testing"
)

// gcPercent reads the collector's pace without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// An import runs at importGCPercent; imports that overlap keep it until the
// last one ends, and then the pace before them is back. GOGC set by the
// user is left alone.
func TestPacedForImport(t *testing.T) {
	t.Setenv("GOGC", "") // as a rep starts the app; Setenv restores what CI had
	before := debug.SetGCPercent(150)
	t.Cleanup(func() { debug.SetGCPercent(before) })
	inside := func() (int, error) { return gcPercent(), nil }

	if got, _ := pacedForImport(inside); got != importGCPercent {
		t.Fatalf("pace during an import: %d, want %d", got, importGCPercent)
	}
	if got := gcPercent(); got != 150 {
		t.Fatalf("pace after an import: %d, want 150 back", got)
	}

	var wg sync.WaitGroup
	started, release := make(chan struct{}), make(chan struct{})
	wg.Go(func() {
		pacedForImport(func() (int, error) { close(started); <-release; return 0, nil })
	})
	<-started
	if got, _ := pacedForImport(inside); got != importGCPercent {
		t.Errorf("a second import meanwhile: %d", got)
	}
	if got := gcPercent(); got != importGCPercent {
		t.Errorf("after the second, while the first still runs: %d", got)
	}
	close(release)
	wg.Wait()
	if got := gcPercent(); got != 150 {
		t.Errorf("after both: %d, want 150", got)
	}

	t.Setenv("GOGC", "50")
	if got, _ := pacedForImport(inside); got != 150 {
		t.Errorf("with GOGC set the pace is the user's: %d", got)
	}
}
