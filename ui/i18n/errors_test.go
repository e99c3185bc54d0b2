package i18n

import (
	"slices"
	"testing"

	"warmlead/ui/usecase"
)

// The errors group holds every sentence a use case can answer with
// (usecase.Templates), and nothing else; English keeps the template.
func TestUseCaseErrorsTranslated(t *testing.T) {
	langs := readCatalogue(t)["errors"]
	templates := usecase.Templates()
	for _, l := range Languages {
		if langs[l] == nil {
			t.Fatalf("assets/translations/errors.%s.json is missing", l)
		}
	}
	for _, tpl := range templates {
		if v, ok := langs["en"][tpl]; !ok || v != tpl {
			t.Errorf("errors.en.json: %q is %v; English keeps the template", tpl, v)
		}
	}
	for k := range langs["en"] {
		if !slices.Contains(templates, k) {
			t.Errorf("errors.en.json has %q, which no use case produces", k)
		}
	}
}
