package ui

import (
	"context"
	"errors"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// scanSession is a batch of card photos while the app runs: the photos in
// memory (never in a file), what was read from each, and what the rep did
// with each. Leaving the review keeps it; locking drops it (the marks
// stay sealed in the store, so choosing the same photos again resumes).
type scanSession struct {
	photos  []usecase.Photo
	results []usecase.ScanResult // one per photo; photos done before were not read again
	states  []usecase.ScanState
	cur     int         // the photo on show
	review  *scanReview // the review on screen, if any (tests drive it)
}

// nextOpen is the first photo still to review from i on, wrapping round;
// -1 when every photo is done.
func (s *scanSession) nextOpen(i int) int {
	for k := range len(s.photos) {
		j := (i + k) % len(s.photos)
		if s.states[j] == usecase.ScanOpen {
			return j
		}
	}
	return -1
}

// count is how many photos are in state st.
func (s *scanSession) count(st usecase.ScanState) int {
	n := 0
	for _, x := range s.states {
		if x == st {
			n++
		}
	}
	return n
}

// photoExtensions filter the file dialog (HEIC as iPhones take them).
var photoExtensions = []string{".jpg", ".jpeg", ".png", ".heic", ".heif", ".JPG", ".JPEG", ".PNG", ".HEIC"}

// startScan is "Scan card photos…": resume the batch in memory, or choose
// photos (one file, a folder, or dropped on the window).
func startScan(g *GUI, done func()) {
	g.touch()
	uc := g.uc
	fetchThen(g, func() (usecase.BatchStatus, error) { return uc.Scans.Pending() }, func(pending usecase.BatchStatus) {
		chooseCardPhotos(g, pending, done)
	})
}

func chooseCardPhotos(g *GUI, pending usecase.BatchStatus, done func()) {
	var pick *dialog.CustomDialog
	file := widget.NewButton(lang.L("Choose a photo…"), func() {
		pick.Hide()
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			readChosenPhoto(g, r, done)
		}, g.win)
		d.SetFilter(storage.NewExtensionFileFilter(photoExtensions))
		d.Show()
	})
	folder := widget.NewButton(lang.L("Read every photo in a folder…"), func() {
		pick.Hide()
		dialog.ShowFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil || l == nil {
				return
			}
			uris, _ := l.List()
			readCardPhotos(g, uris, done)
		}, g.win)
	})
	hint := wrappedLabel(lang.L("JPEG, PNG or HEIC, one card per photo. You can also drop photos onto the window. They are read on this computer and not kept."))
	items := []fyne.CanvasObject{file, folder, hint}
	if s := g.scan; s != nil && s.nextOpen(0) >= 0 {
		resume := widget.NewButton(lang.L("Resume the batch ({{.Done}} of {{.Total}} done)", map[string]any{
			"Done": i18n.Number(len(s.photos) - s.count(usecase.ScanOpen)), "Total": i18n.Number(len(s.photos))}), func() {
			pick.Hide()
			showScanReview(g, done)
		})
		resume.Importance = widget.HighImportance
		items = append([]fyne.CanvasObject{resume}, items...)
	} else if pending.Total > 0 {
		left := widget.NewLabel(lang.L("A batch was left with {{.Done}} of {{.Total}} photos done: choose the same photos again to go on where you stopped.",
			map[string]any{"Total": i18n.Number(pending.Total), "Done": i18n.Number(pending.Done)}))
		left.Wrapping = fyne.TextWrapWord
		items = append(items, left)
	}
	width := canvas.NewRectangle(color.Transparent) // the dialog's width; its height follows the text
	width.SetMinSize(fyne.NewSize(460, 0))
	pick = dialog.NewCustom(lang.L("Scan card photos"), lang.L("Cancel"),
		container.NewStack(width, container.NewVBox(items...)), g.win)
	pick.Show()
}

// readChosenPhoto reads the photo the file dialog opened, from its reader
// into memory, then its card.
func readChosenPhoto(g *GUI, r fyne.URIReadCloser, done func()) {
	var p usecase.Photo
	g.background(func() error {
		defer r.Close()
		var err error
		p, err = usecase.ReadPhotoFrom(r.URI().Name(), r)
		return err
	}, func(err error) {
		if err != nil {
			dialog.ShowError(errors.New(p.Name+": "+errorText(err)), g.win)
			return
		}
		runScan(g, []usecase.Photo{p}, nil, done)
	})
}

// droppedPhotos are the card photos among files dropped on the window.
func droppedPhotos(uris []fyne.URI) []fyne.URI {
	var out []fyne.URI
	for _, u := range uris {
		if usecase.IsPhotoName(u.Name()) {
			out = append(out, u)
		}
	}
	return out
}

// readCardPhotos reads the photos among uris into memory (Fyne's storage
// readers: no copy on disk), then reads the cards in them.
func readCardPhotos(g *GUI, uris []fyne.URI, done func()) {
	var photos []usecase.Photo
	var problems []string
	g.background(func() error {
		for _, u := range uris {
			if !usecase.IsPhotoName(u.Name()) {
				continue
			}
			p, err := readURIPhoto(u)
			if err != nil {
				problems = append(problems, u.Name()+": "+errorText(err))
				continue
			}
			photos = append(photos, p)
		}
		return nil
	}, func(error) {
		if len(photos) == 0 {
			text := lang.L("No photos (JPEG, PNG or HEIC) were found there.")
			if len(problems) > 0 {
				text = strings.Join(problems, "\n")
			}
			dialog.ShowInformation(lang.L("Nothing to scan"), text, g.win)
			return
		}
		runScan(g, photos, problems, done)
	})
}

func readURIPhoto(u fyne.URI) (usecase.Photo, error) {
	r, err := storage.Reader(u)
	if err != nil {
		return usecase.Photo{}, err
	}
	defer r.Close()
	return usecase.ReadPhotoFrom(u.Name(), r)
}

// runScan reads the cards of a batch off the UI goroutine with a progress
// bar and a Cancel, then opens the review at the first photo to do.
// Photos saved or skipped in this batch before are not read again.
func runScan(g *GUI, photos []usecase.Photo, problems []string, done func()) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	prog := dialog.NewCustom(lang.N("Reading {{.Count}} card photo…", len(photos), map[string]any{"Count": i18n.Number(len(photos))}),
		lang.L("Cancel"), container.NewGridWrap(fyne.NewSize(380, 40), bar), g.win)
	prog.SetOnClosed(cancel)
	prog.Show()
	uc := g.uc
	s := &scanSession{photos: photos, results: make([]usecase.ScanResult, len(photos))}
	g.background(func() error {
		var err error
		if s.states, err = uc.Scans.Begin(photos); err != nil {
			return err
		}
		var open []int
		for i, st := range s.states {
			if st == usecase.ScanOpen {
				open = append(open, i)
			}
		}
		batch := make([]usecase.Photo, len(open))
		for k, i := range open {
			batch[k] = photos[i]
		}
		res, err := uc.Scans.Read(ctx, batch, func(n, total int) {
			g.ui(func() { bar.SetValue(float64(n) / float64(max(total, 1))) })
		})
		for k, i := range open[:len(res)] {
			s.results[i] = res[k]
		}
		return err
	}, func(err error) {
		stopped := ctx.Err() != nil // before Hide, which cancels (harmless now)
		prog.Hide()
		switch {
		case stopped:
			return // the rep cancelled: nothing was saved, the batch's marks stay
		case err != nil:
			dialog.ShowError(errors.New(errorText(err)), g.win)
			return
		}
		g.scan = s
		if s.nextOpen(0) < 0 {
			g.scan = nil
			dialog.ShowInformation(lang.L("Scan card photos"), lang.L("Every photo of this batch was saved or skipped before."), g.win)
			return
		}
		showScanReview(g, done)
		if len(problems) > 0 {
			dialog.ShowInformation(lang.L("Some files were not read"), strings.Join(problems, "\n"), g.win)
		}
	})
}
