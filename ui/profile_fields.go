package ui

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// profileFields are the rep's own details, asked by setup and edited in
// Settings: the name and company the emails are signed with, the two links
// every email carries, and the language of the emails and documents.
type profileFields struct {
	rep, company, privacy, prefs *widget.Entry
	lang                         *widget.Select
}

func newProfileFields() profileFields {
	return profileFields{rep: widget.NewEntry(), company: widget.NewEntry(), privacy: widget.NewEntry(), prefs: widget.NewEntry(),
		lang: widget.NewSelect(languageOptions(), nil)}
}

// formItems are the fields' rows, first in both forms; more follows.
func (f *profileFields) formItems(more ...*widget.FormItem) []*widget.FormItem {
	return append([]*widget.FormItem{
		widget.NewFormItem(lang.L("Your name"), f.rep),
		widget.NewFormItem(lang.L("Company"), f.company),
		widget.NewFormItem(lang.L("Privacy statement"), f.privacy),
		widget.NewFormItem(lang.L("Preferences page"), f.prefs),
		widget.NewFormItem(lang.L("Language"), f.lang),
	}, more...)
}

// readInto copies what the fields hold into st.
func (f *profileFields) readInto(st *consent.Settings) {
	st.Rep, st.Company = f.rep.Text, f.company.Text
	st.PrivacyURL, st.PreferencesURL = f.privacy.Text, f.prefs.Text
	st.Lang = languageCode(f.lang.Selected)
}
