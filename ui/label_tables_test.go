package ui

import (
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"

	"warmlead/assets"
	"warmlead/ui/i18n"
)

// The keys kept in tables rather than in literal lang.L calls (which
// i18n's TestKeysUsedInCodeExist checks) have an entry in every language.
func TestLabelTablesTranslated(t *testing.T) {
	names, err := fs.Glob(assets.Translations, "translations/*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no translation files: %v", err)
	}
	have := map[string]map[string]bool{} // language → keys
	for _, n := range names {
		b, err := fs.ReadFile(assets.Translations, n)
		if err != nil {
			t.Fatal(err)
		}
		var entries map[string]any
		if err := json.Unmarshal(b, &entries); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		parts := strings.Split(path.Base(n), ".") // group.language.json
		l := parts[len(parts)-2]
		if have[l] == nil {
			have[l] = map[string]bool{}
		}
		for k := range entries {
			have[l][k] = true
		}
	}
	var keys []string
	for _, k := range eventLines {
		keys = append(keys, k)
	}
	for _, k := range sepLabels {
		keys = append(keys, k)
	}
	for _, k := range csvFieldLabels {
		keys = append(keys, k)
	}
	for _, k := range fieldLabels {
		keys = append(keys, k)
	}
	for _, k := range auditActionLabels {
		keys = append(keys, k)
	}
	for _, k := range reportStatusLabels {
		keys = append(keys, k)
	}
	for _, l := range i18n.Languages {
		for _, k := range keys {
			if !have[l][k] {
				t.Errorf("%s: no entry for %q", l, k)
			}
		}
	}
}
