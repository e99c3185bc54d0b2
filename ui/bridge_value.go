package ui

// fetchThen runs get through g.background and hands its value to show on
// the UI goroutine; a failure goes to an error dialog instead (showError),
// and show does not run.
func fetchThen[T any](g *GUI, get func() (T, error), show func(T)) {
	var v T
	g.background(func() error {
		var err error
		v, err = get()
		return err
	}, func(err error) {
		if err != nil {
			g.showError(err)
			return
		}
		show(v)
	})
}
