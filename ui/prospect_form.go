package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
)

// prospectForm adds a prospect, or corrects one (each changed field is a
// rectification event). Errors stay in the form; nothing typed is lost.
type prospectForm struct {
	g                                  *GUI
	old                                *consent.Prospect
	name, company, title, email, phone *widget.Entry
	event                              *widget.Entry
	source                             *widget.Select
	status                             *widget.Label
	save                               *widget.Button
	dlg                                *dialog.CustomDialog
	done                               func(consent.Prospect)
}

func showProspectForm(g *GUI, old *consent.Prospect, done func(consent.Prospect)) *prospectForm {
	f := &prospectForm{g: g, old: old, done: done}
	f.name, f.company, f.title = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.email, f.phone, f.event = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.email.SetPlaceHolder("name@company.com")
	f.phone.SetPlaceHolder("+31 20 555 0100")
	f.email.Validator = func(s string) error { _, err := consent.NormalizeEmail(s); return err }
	f.phone.Validator = func(s string) error { _, err := consent.NormalizePhone(s, g.region()); return err }
	labels := make([]string, len(consent.Sources))
	for i, s := range consent.Sources {
		labels[i] = sourceLabel(s)
	}
	f.source = widget.NewSelect(labels, nil)
	f.source.SetSelected(sourceLabel(consent.SourceCard))
	f.status = widget.NewLabel("")
	f.status.Wrapping = fyne.TextWrapWord
	f.status.Importance = widget.DangerImportance
	title := "Add prospect"
	if old != nil {
		title = "Correct " + old.Name
		f.name.SetText(old.Name)
		f.company.SetText(old.Company)
		f.title.SetText(old.Title)
		f.email.SetText(old.Email)
		f.phone.SetText(old.Phone)
		f.event.SetText(old.Event)
		f.source.SetSelected(sourceLabel(old.Source))
		f.source.Disable() // where data came from is history, not a detail to correct
	}
	f.name.OnSubmitted = func(string) { f.onSave() }
	form := widget.NewForm(
		widget.NewFormItem("Name", f.name), widget.NewFormItem("Company", f.company),
		widget.NewFormItem("Title", f.title), widget.NewFormItem("Email", f.email),
		widget.NewFormItem("Phone", f.phone), widget.NewFormItem("Source", f.source),
		widget.NewFormItem("Event", f.event))
	f.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { f.dlg.Hide() })
	body := container.NewVBox(form, f.status)
	f.dlg = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(520, 420), body), g.win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.save})
	f.dlg.Show()
	g.win.Canvas().Focus(f.name)
	return f
}

func (f *prospectForm) sourceValue() consent.Source {
	for _, s := range consent.Sources {
		if sourceLabel(s) == f.source.Selected {
			return s
		}
	}
	return consent.SourceCard
}

func (f *prospectForm) onSave() {
	g := f.g
	g.touch()
	p := consent.Prospect{Name: f.name.Text, Company: f.company.Text, Title: f.title.Text, Email: f.email.Text,
		Phone: f.phone.Text, Event: f.event.Text, Source: f.sourceValue()}
	if err := p.Normalize(g.region()); err != nil {
		f.status.SetText(err.Error())
		return
	}
	if f.old != nil {
		f.saveEdit(p)
		return
	}
	f.saveNew(p, false)
}

func (f *prospectForm) saveNew(p consent.Prospect, keepBoth bool) {
	g := f.g
	var added consent.Prospect
	g.background(func() error {
		var err error
		added, err = g.db.AddProspect(p, store.AddOptions{Rep: g.rep(), Region: g.region(), AllowDuplicate: keepBoth})
		return err
	}, func(err error) {
		var dup *store.DuplicateError
		switch {
		case errors.As(err, &dup):
			other, _ := g.db.Cached(dup.ID)
			dialog.ShowConfirm("Possible duplicate",
				fmt.Sprintf("%s already has this %s. Keep both prospects?", other.Name, dup.Field),
				func(ok bool) {
					if ok {
						f.saveNew(p, true)
					}
				}, g.win)
		case err != nil:
			f.status.SetText(err.Error())
		default:
			f.dlg.Hide()
			if f.done != nil {
				f.done(added)
			}
		}
	})
}

// saveEdit writes each changed field as its own rectification.
func (f *prospectForm) saveEdit(p consent.Prospect) {
	g := f.g
	old := *f.old
	changes := [][2]string{}
	for _, c := range [][3]string{{"name", old.Name, p.Name}, {"company", old.Company, p.Company}, {"title", old.Title, p.Title},
		{"email", old.Email, p.Email}, {"phone", old.Phone, p.Phone}, {"event", old.Event, p.Event}} {
		if c[1] != c[2] {
			changes = append(changes, [2]string{c[0], c[2]})
		}
	}
	var out consent.Prospect
	g.background(func() error {
		for _, c := range changes {
			var err error
			if out, err = g.db.EditProspect(old.ID, c[0], c[1], store.AddOptions{Rep: g.rep(), Region: g.region()}); err != nil {
				return err
			}
		}
		return nil
	}, func(err error) {
		if err != nil {
			f.status.SetText(err.Error())
			return
		}
		f.dlg.Hide()
		if f.done != nil {
			f.done(out)
		}
	})
}
