package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2/widget"
	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"warmlead/ui/i18n"
)

// countryChoice is one country a phone number can be read in: its ISO 3166
// code and its name in the screen's language ("Nederland (NL)").
type countryChoice struct{ code, label string }

// countryChoices lists every country with a phone numbering plan, named in
// the screen's language and sorted by that name.
func countryChoices() []countryChoice {
	tag := language.Make(i18n.Current())
	names := display.Regions(tag)
	var out []countryChoice
	for code := range phonenumbers.GetSupportedRegions() {
		name := code
		if r, err := language.ParseRegion(code); err == nil {
			if n := names.Name(r); n != "" {
				name = n
			}
		}
		out = append(out, countryChoice{code, name + " (" + code + ")"})
	}
	c := collate.New(tag)
	slices.SortFunc(out, func(a, b countryChoice) int { return c.CompareString(a.label, b.label) })
	return out
}

// countrySelect picks the country national phone numbers are read in.
type countrySelect struct {
	*widget.Select
	choices []countryChoice
}

func newCountrySelect(current string) *countrySelect {
	s := &countrySelect{choices: countryChoices()}
	labels := make([]string, len(s.choices))
	for i, c := range s.choices {
		labels[i] = c.label
	}
	s.Select = widget.NewSelect(labels, nil)
	s.SetCode(current)
	return s
}

// Code is the chosen country's code, "" when none is chosen.
func (s *countrySelect) Code() string {
	if i := s.SelectedIndex(); i >= 0 {
		return s.choices[i].code
	}
	return ""
}

// SetCode selects a country by code; an unknown code clears the choice.
func (s *countrySelect) SetCode(code string) {
	i := slices.IndexFunc(s.choices, func(c countryChoice) bool { return c.code == strings.ToUpper(code) })
	if i < 0 {
		s.ClearSelected()
		return
	}
	s.SetSelectedIndex(i)
}
