package ui

import (
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2"
)

// background runs work off the UI goroutine, then hands its error to done on
// the UI goroutine. It is the only path from a goroutine to widgets, with
// g.ui for progress updates.
func (g *GUI) background(work func() error, done func(error)) {
	g.inflight.Add(1)
	g.working.Add(1)
	go func() {
		err := work()
		g.working.Done()
		g.ui(func() {
			defer g.inflight.Add(-1)
			done(err)
		})
	}()
}

// ui runs fn on the UI goroutine: through fyne.Do in the app. Under the
// test driver fyne.Do would run fn at once on the calling goroutine, beside
// whatever the test is doing; there g.queue holds fn until the test calls
// wait, which runs queued work on the test's goroutine, one at a time, as
// the app's event loop would.
func (g *GUI) ui(fn func()) {
	if g.queue != nil {
		g.queue <- fn
		return
	}
	fyne.Do(fn)
}

// wait delivers queued results until no background job is left; tests call
// it after an action that starts one.
func (g *GUI) wait() {
	for {
		select {
		case fn := <-g.queue:
			fn()
			continue
		default:
		}
		if g.inflight.Load() == 0 && len(g.queue) == 0 {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// openFile opens a file chosen in a dialog; a seam for tests.
var openFile = func(path string) (io.ReadCloser, error) { return os.Open(path) }
