package ui

import "sync/atomic"

// fetchValue runs get through g.background and hands its value and error
// to done on the UI goroutine: the one shape of a background read.
func fetchValue[T any](g *GUI, get func() (T, error), done func(T, error)) {
	var v T
	g.background(func() error {
		var err error
		v, err = get()
		return err
	}, func(err error) { done(v, err) })
}

// fetchThen runs get through g.background and hands its value to show on
// the UI goroutine; a failure goes to an error dialog instead (showError),
// and show does not run.
func fetchThen[T any](g *GUI, get func() (T, error), show func(T)) {
	fetchValue(g, get, func(v T, err error) {
		if err != nil {
			g.showError(err)
			return
		}
		show(v)
	})
}

// fetchLatest is fetchValue for what a newer request makes obsolete (a
// search as the rep types): gen is the request's number from its
// counter, and a result that comes back after a newer request started is
// dropped.
func fetchLatest[T any](g *GUI, counter *atomic.Uint64, gen uint64, get func() (T, error), done func(T, error)) {
	fetchValue(g, get, func(v T, err error) {
		if counter.Load() == gen {
			done(v, err)
		}
	})
}
