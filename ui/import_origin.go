package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
)

// importOrigin is what the rep said about contacts to import: where they
// come from (the source decides the lawful basis, consent-rules.md section
// 1), the event of swapped cards, the vendor of a bought list, and the
// country national phone numbers in the files are read in.
type importOrigin struct {
	Source     consent.Source
	Event      string
	ListVendor string
	Country    string
}

// importOriginSources are the sources a file of contacts can have, in the
// order offered. Referrals and cold calls are not files: they have their
// own flows.
var importOriginSources = []consent.Source{consent.SourceCard, consent.SourceAddressBook, consent.SourceList,
	consent.SourceCustomer, consent.SourceInbound, consent.SourceSocial}

// importOriginLabels say each source as the rep knows it (lang.L keys).
var importOriginLabels = map[consent.Source]string{
	consent.SourceCard:        "Business cards swapped at an event or meeting",
	consent.SourceAddressBook: "My own address book (an Outlook or phone export)",
	consent.SourceList:        "A bought or rented list",
	consent.SourceCustomer:    "Our customers",
	consent.SourceInbound:     "People who contacted us (web form, sign-up)",
	consent.SourceSocial:      "Connections on a social network (LinkedIn, Xing)",
}

// importOriginDialog asks where contacts come from before an import. No
// source is preselected: the lawful basis is what the rep says, never the
// one that allows the most (consent-rules.md section 10). The vCard import
// uses it, and so can any other import of contacts (CSV).
type importOriginDialog struct {
	g         *GUI
	source    *widget.RadioGroup
	event     *escEntry
	vendor    *escEntry
	country   *countrySelect
	eventRow  *widget.Form // shown for cards
	vendorRow *widget.Form // shown for a bought list
	body      *fyne.Container
	status    *widget.Label
	ok        *widget.Button
	dlg       *dialog.CustomDialog
	done      func(importOrigin)
	chosen    consent.Source
	question  *widget.Label
}

// showImportOrigin asks, then calls done with the answer (not when the rep
// cancels). action names the button ("Import").
func showImportOrigin(g *GUI, title, action string, done func(importOrigin)) *importOriginDialog {
	d := &importOriginDialog{g: g, done: done}
	labels := make([]string, len(importOriginSources))
	for i, s := range importOriginSources {
		labels[i] = lang.L(importOriginLabels[s])
	}
	d.question = widget.NewLabelWithStyle(lang.L("Where do these contacts come from?"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.source = widget.NewRadioGroup(labels, func(string) { d.onSource() })
	d.event = newEscEntry(g, false)
	d.event.SetPlaceHolder(lang.L("Trade fair or meeting (optional)"))
	d.vendor = newEscEntry(g, false)
	d.vendor.SetPlaceHolder(lang.L("Who sold or rented you the list"))
	d.vendor.OnChanged = func(string) { d.check() }
	d.country = newCountrySelect(g.region())
	d.eventRow = widget.NewForm(widget.NewFormItem(lang.L("Event"), d.event))
	d.vendorRow = widget.NewForm(widget.NewFormItem(lang.L("List vendor"), d.vendor))
	d.eventRow.Hide()
	d.vendorRow.Hide()
	countryRow := widget.NewForm(widget.NewFormItem(lang.L("Country of phone numbers"), d.country))
	d.status = wrappedLabel("")
	countryHint := wrappedLabel(lang.L("Numbers written without a country code are read in this country."))
	d.ok = widget.NewButton(action, d.onOK)
	d.ok.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.dlg.Hide() })
	d.body = container.NewVBox(d.question, d.source, d.eventRow, d.vendorRow, countryRow, countryHint, d.status)
	d.dlg = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(620, 470), container.NewVScroll(d.body)), g.win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.ok})
	d.check()
	d.dlg.Show()
	return d
}

// onSource shows what the source chosen needs: the event for cards, the
// vendor for a bought list.
func (d *importOriginDialog) onSource() {
	d.g.touch()
	d.chosen = ""
	for i, l := range d.source.Options {
		if l == d.source.Selected {
			d.chosen = importOriginSources[i]
		}
	}
	showIf(d.eventRow, d.chosen == consent.SourceCard)
	showIf(d.vendorRow, d.chosen == consent.SourceList)
	d.body.Refresh() // a row came or went: lay the dialog out again
	d.check()
}

// check enables the button once a source is chosen, and a bought list's
// vendor named.
func (d *importOriginDialog) check() {
	switch {
	case d.chosen == "":
		d.status.SetText(lang.L("Choose where the contacts come from: it decides what you may do with them."))
		d.ok.Disable()
	case d.chosen == consent.SourceList && strings.TrimSpace(d.vendor.Text) == "":
		d.status.SetText(lang.L("Name the list's vendor: only the consent they can prove lets you contact these people."))
		d.ok.Disable()
	default:
		d.status.SetText("")
		d.ok.Enable()
	}
}

func (d *importOriginDialog) onOK() {
	if d.chosen == "" {
		return
	}
	o := importOrigin{Source: d.chosen, Country: d.country.Code()}
	switch d.chosen {
	case consent.SourceCard:
		o.Event = strings.TrimSpace(d.event.Text)
	case consent.SourceList:
		o.ListVendor = strings.TrimSpace(d.vendor.Text)
	}
	d.dlg.Hide()
	d.done(o)
}
