package i18n

import (
	"slices"
	"strings"
	"testing"

	"warmlead/ui/usecase"
)

// The errors-<family> groups hold every sentence a use case can answer
// with (usecase.Templates), and nothing else; English keeps the template.
// (Every group has the same keys in every language: TestTranslationFiles.)
func TestUseCaseErrorsTranslated(t *testing.T) {
	langs := map[string]map[string]any{}
	for group, byLang := range readCatalogue(t) {
		if !strings.HasPrefix(group, "errors-") {
			continue
		}
		for l, keys := range byLang {
			if langs[l] == nil {
				langs[l] = map[string]any{}
			}
			for k, v := range keys {
				langs[l][k] = v
			}
		}
	}
	templates := usecase.Templates()
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
