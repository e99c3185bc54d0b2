package ui

import "fyne.io/fyne/v2"

// perfProbe is set by perf_probe.go in a binary built with the perfprobe
// tag (the GUI test at 100,000 prospects); nil in the app.
var perfProbe func(*GUI, fyne.Window)
