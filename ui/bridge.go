package ui

import (
	"io"
	"os"

	"fyne.io/fyne/v2"
)

// background runs work off the UI goroutine, then hands its error to done on
// the UI goroutine. It is the only path from a goroutine to widgets.
func (g *GUI) background(work func() error, done func(error)) {
	g.pending.Add(1)
	go func() {
		err := work()
		fyne.Do(func() {
			defer g.pending.Done()
			done(err)
		})
	}()
}

// wait blocks until every background job has delivered its result; tests
// use it after an action that starts one.
func (g *GUI) wait() { g.pending.Wait() }

// openFile opens a file chosen in a dialog; a seam for tests.
var openFile = func(path string) (io.ReadCloser, error) { return os.Open(path) }
