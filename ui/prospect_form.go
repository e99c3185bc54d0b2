package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// prospectForm adds a prospect, or corrects one (each changed field is a
// rectification event). Errors stay in the form; nothing typed is lost.
type prospectForm struct {
	g                                  *GUI
	old                                *consent.Prospect
	name, company, title, email, phone *escEntry // Escape closes the form's dialog from any field
	event                              *escEntry
	source                             *widget.Select
	lang                               *widget.Select // language of emails to them: "" (the settings') first, then i18n.Languages
	status                             *widget.Label
	save                               *widget.Button
	dlg                                *dialog.CustomDialog
	done                               func(consent.Prospect)
}

func showProspectForm(g *GUI, old *consent.Prospect, done func(consent.Prospect)) *prospectForm {
	f := &prospectForm{g: g, old: old, done: done}
	f.name, f.company, f.title = newEscEntry(g, false), newEscEntry(g, false), newEscEntry(g, false)
	f.email, f.phone, f.event = newEscEntry(g, false), newEscEntry(g, false), newEscEntry(g, false)
	f.email.SetPlaceHolder(lang.L("name@company.com"))
	f.phone.SetPlaceHolder(lang.L("+31 20 555 0100")) // an example in the rep's country
	f.email.Validator = func(s string) error { return errorOrNil(emailProblem(s)) }
	f.phone.Validator = func(s string) error { return errorOrNil(phoneProblem(s, g.region())) }
	labels := make([]string, len(consent.Sources))
	for i, s := range consent.Sources {
		labels[i] = i18n.Source(s)
	}
	f.source = widget.NewSelect(labels, nil)
	f.source.SetSelectedIndex(0) // a business card, the usual case
	langs := []string{emailLanguageName("", g.settings.Lang)}
	for _, code := range i18n.Languages {
		langs = append(langs, i18n.Names[code])
	}
	f.lang = widget.NewSelect(langs, nil)
	f.lang.SetSelectedIndex(0)
	f.status = wrappedLabel("")
	f.status.Importance = widget.DangerImportance
	title := lang.L("Add prospect")
	if old != nil {
		title = lang.L("Correct {{.Name}}", map[string]any{"Name": old.Name})
		f.name.SetText(old.Name)
		f.company.SetText(old.Company)
		f.title.SetText(old.Title)
		f.email.SetText(old.Email)
		f.phone.SetText(consent.FormatPhone(old.Phone)) // read back as E.164, so no change unless edited
		if old.PhoneUnread() {
			f.phone.SetText(old.PhoneRaw) // kept as written: shown to be corrected
		}
		f.event.SetText(old.Event)
		f.source.SetSelected(i18n.Source(old.Source))
		f.source.Disable() // where data came from is history, not a detail to correct
		if name, ok := i18n.Names[old.Lang]; ok {
			f.lang.SetSelected(name)
		}
	}
	f.name.OnSubmitted = func(string) { f.onSave() }
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), f.name), widget.NewFormItem(lang.L("Company"), f.company),
		widget.NewFormItem(lang.L("Job title"), f.title), widget.NewFormItem(lang.L("Email"), f.email),
		widget.NewFormItem(lang.L("Phone"), f.phone), widget.NewFormItem(lang.L("Source"), f.source),
		widget.NewFormItem(lang.L("Event"), f.event), widget.NewFormItem(lang.L("Email language"), f.lang))
	f.save = primaryButton(lang.L("Save"), theme.DocumentSaveIcon(), f.onSave)
	f.dlg = showActionDialog(g, title, fyne.NewSize(540, 460), container.NewVBox(form, f.status), f.save)
	g.win.Canvas().Focus(f.name)
	return f
}

func (f *prospectForm) sourceValue() consent.Source {
	if i := f.source.SelectedIndex(); i >= 0 {
		return consent.Sources[i]
	}
	return consent.SourceCard
}

// langValue is the chosen email language; "" follows the settings.
func (f *prospectForm) langValue() string {
	if i := f.lang.SelectedIndex(); i > 0 {
		return i18n.Languages[i-1]
	}
	return ""
}

// emailProblem and phoneProblem say in the rep's language what is wrong
// with a typed address or number ("" when nothing is), as the rep types.
func emailProblem(s string) string {
	if _, err := consent.NormalizeEmail(s); err != nil {
		return valueText(err)
	}
	return ""
}

func phoneProblem(s, region string) string {
	if _, err := consent.NormalizePhone(s, region); err != nil {
		return valueText(err)
	}
	return ""
}

func errorOrNil(problem string) error {
	if problem == "" {
		return nil
	}
	return errors.New(problem)
}

func (f *prospectForm) onSave() {
	f.g.touch()
	p := consent.Prospect{Name: f.name.Text, Company: f.company.Text, Title: f.title.Text, Email: f.email.Text,
		Phone: f.phone.Text, Event: f.event.Text, Source: f.sourceValue(), Lang: f.langValue()}
	if f.old != nil {
		if f.old.PhoneUnread() && strings.TrimSpace(p.Phone) == f.old.PhoneRaw {
			p.Phone = "" // not corrected yet: the other fields still save
		}
		f.saveEdit(p)
		return
	}
	f.saveNew(p, false)
}

// saveNew adds the prospect; a match on email or phone asks whether to
// keep both. Any refusal stays in the form with everything typed.
func (f *prospectForm) saveNew(p consent.Prospect, keepBoth bool) {
	g := f.g
	uc := g.uc
	var added consent.Prospect
	g.background(func() error {
		var err error
		added, err = uc.Prospects.Add(p, usecase.AddOptions{KeepBoth: keepBoth})
		return err
	}, func(err error) {
		var dup *store.DuplicateError
		switch {
		case errors.As(err, &dup):
			other, _ := g.db.Index().Cached(dup.ID)
			question := lang.L("{{.Name}} already has this email address. Keep both prospects?", map[string]any{"Name": other.Name})
			if dup.Field == "phone" {
				question = lang.L("{{.Name}} already has this phone number. Keep both prospects?", map[string]any{"Name": other.Name})
			}
			dialog.ShowConfirm(lang.L("Possible duplicate"), question, func(ok bool) {
				if ok {
					f.saveNew(p, true)
				}
			}, g.win)
		case err != nil:
			f.status.SetText(formError(err))
		default:
			f.dlg.Hide()
			if f.done != nil {
				f.done(added)
			}
		}
	})
}

// saveEdit stores each changed field as its own rectification, all in one
// transaction.
func (f *prospectForm) saveEdit(p consent.Prospect) {
	g := f.g
	uc := g.uc
	id := f.old.ID
	var out consent.Prospect
	saveFromDialog(g, func() error {
		var err error
		out, err = uc.Prospects.Correct(id, p)
		return err
	}, formError, f.status, f.dlg, func() {
		if f.done != nil {
			f.done(out)
		}
	})
}

// formError is a refusal as the form shows it: a missing name as a request.
func formError(err error) string {
	if errors.Is(err, consent.ErrNameRequired) {
		return lang.L("Enter the person's name.")
	}
	return asSentence(errorText(err))
}
