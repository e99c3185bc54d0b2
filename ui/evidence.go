package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// replyDialog attaches a reply the person sent (pasted, or an .eml file) to
// their record as evidence.
type replyDialog struct {
	g      *GUI
	text   *widget.Entry
	status *widget.Label
	save   *widget.Button
	dlg    *dialog.CustomDialog
}

func showReplyDialog(g *GUI, p consent.Prospect, done func()) *replyDialog {
	r := &replyDialog{g: g, text: widget.NewMultiLineEntry(), status: widget.NewLabel("")}
	r.text.SetPlaceHolder("Paste the reply here, or choose the saved email (.eml)")
	r.text.SetMinRowsVisible(10)
	r.text.Wrapping = fyne.TextWrapWord
	r.status.Wrapping = fyne.TextWrapWord
	r.status.Importance = widget.DangerImportance
	choose := widget.NewButton("Choose .eml file…", func() {
		d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
			if err != nil || rc == nil {
				return
			}
			defer rc.Close()
			r.loadEML(rc)
		}, g.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".eml", ".EML"}))
		d.Show()
	})
	r.save = widget.NewButton("Attach as evidence", func() {
		text := strings.TrimSpace(r.text.Text)
		if text == "" {
			r.status.SetText("Paste the reply or choose its .eml file first.")
			return
		}
		g.background(func() error {
			_, err := g.db.AppendEvent(p.ID, consent.Event{Rep: g.rep(), Kind: consent.KindReplyAttached, Evidence: text})
			return err
		}, func(err error) {
			if err != nil {
				r.status.SetText(err.Error())
				return
			}
			r.dlg.Hide()
			if done != nil {
				done()
			}
		})
	})
	r.save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { r.dlg.Hide() })
	r.dlg = dialog.NewCustomWithoutButtons("Reply from "+p.Name, container.NewGridWrap(fyne.NewSize(620, 420),
		container.NewBorder(container.NewHBox(choose), r.status, nil, nil, r.text)), g.win)
	r.dlg.SetButtons([]fyne.CanvasObject{cancel, r.save})
	r.dlg.Show()
	return r
}

// loadEML parses a dropped or chosen email file; anything that is not an
// email message is refused with a clear error and changes nothing.
func (r *replyDialog) loadEML(rd interface{ Read([]byte) (int, error) }) {
	ev, err := consent.ReadEML(rd)
	if err != nil {
		r.status.SetText(err.Error())
		return
	}
	r.status.SetText("")
	r.text.SetText(fmt.Sprintf("From: %s\nDate: %s\nSubject: %s\n\n%s", ev.From, ev.Date.Local().Format(time.RFC1123Z), ev.Subject, ev.Body))
}
