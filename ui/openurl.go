package ui

import (
	"context"
	"errors"
	"net/url"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// errNoHandler says the desktop has no program for a mailto:, tel: or
// sms: link. Fyne's OpenURL starts xdg-open and returns at once, so a
// missing mail program used to fail with nothing on screen.
var errNoHandler = errors.New("no program on this computer opens this kind of link")

// urlOpener hands u to the desktop; tests replace it.
var urlOpener = func(a fyne.App, u *url.URL) error {
	if err := checkHandler(u.Scheme); err != nil {
		return err
	}
	return a.OpenURL(u)
}

// checkHandler asks the freedesktop MIME database whether a program is
// registered for scheme (Linux; elsewhere the OS always has a default).
func checkHandler(scheme string) error {
	if runtime.GOOS != "linux" || (scheme != "mailto" && scheme != "tel" && scheme != "sms") {
		return nil
	}
	if _, err := exec.LookPath("xdg-open"); err != nil {
		return errNoHandler
	}
	if _, err := exec.LookPath("xdg-mime"); err != nil {
		return nil // cannot tell: let xdg-open try
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "xdg-mime", "query", "default", "x-scheme-handler/"+scheme).Output()
	if err == nil && strings.TrimSpace(string(out)) == "" {
		return errNoHandler
	}
	return nil
}

// openOrOffer opens u off the UI goroutine (the check runs a program); when
// no program takes it, it says so and offers to copy what the link held
// (the email, the number), copyLabel naming it.
func openOrOffer(g *GUI, u *url.URL, noProgram string, copyText string, done func()) {
	g.background(func() error { return urlOpener(g.app, u) }, func(err error) {
		if err != nil {
			offerCopy(g, noProgram, copyText)
			return
		}
		if done != nil {
			done()
		}
	})
}

// offerCopy is the dialog that replaces an open that failed.
func offerCopy(g *GUI, message, copyText string) {
	msg := wrappedLabel(message)
	note := widget.NewLabel("")
	note.Importance = widget.SuccessImportance
	var d *dialog.CustomDialog
	copyBtn := widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), func() {
		g.app.Clipboard().SetContent(copyText)
		note.SetText(lang.L("Copied to the clipboard."))
	})
	copyBtn.Importance = widget.HighImportance
	closeBtn := widget.NewButton(lang.L("Close"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("No program to open it"), container.NewGridWrap(fyne.NewSize(460, 130), container.NewVBox(msg, note)), g.win)
	d.SetButtons([]fyne.CanvasObject{closeBtn, copyBtn})
	g.lastOffer = &copyOffer{dlg: d, copy: copyBtn, note: note}
	d.Show()
}

// copyOffer keeps the last offer's widgets for tests.
type copyOffer struct {
	dlg  *dialog.CustomDialog
	copy *widget.Button
	note *widget.Label
}

// noProgramText says which program is missing for u, and what to do.
func noProgramText(u *url.URL) string {
	if u.Scheme == "mailto" {
		return lang.L("No mail program is set up on this computer, so {{.Address}} could not be opened. Copy the address and write from the mail you use.", map[string]any{"Address": u.Opaque})
	}
	return lang.L("No phone program is set up on this computer to call {{.Number}}. Copy the number and dial it.", map[string]any{"Number": u.Opaque})
}
