package i18n

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"

	"warmlead/assets"
)

// group -> language -> key -> value (a string, or plural forms).
type catalogue map[string]map[string]map[string]any

func readCatalogue(t *testing.T) catalogue {
	t.Helper()
	files, err := fs.ReadDir(assets.Translations, "translations")
	if err != nil {
		t.Fatal(err)
	}
	c := catalogue{}
	for _, f := range files {
		parts := strings.Split(f.Name(), ".")
		if len(parts) != 3 || parts[2] != "json" {
			t.Errorf("%s: want <group>.<language>.json", f.Name())
			continue
		}
		if supported(parts[1]) != parts[1] {
			t.Errorf("%s: %q is not one of %v", f.Name(), parts[1], Languages)
			continue
		}
		data, err := fs.ReadFile(assets.Translations, "translations/"+f.Name())
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Errorf("%s: %v", f.Name(), err)
			continue
		}
		if c[parts[0]] == nil {
			c[parts[0]] = map[string]map[string]any{}
		}
		c[parts[0]][parts[1]] = m
	}
	return c
}

// English returns every English key of every group.
func (c catalogue) english() map[string]any {
	all := map[string]any{}
	for _, langs := range c {
		for k, v := range langs["en"] {
			all[k] = v
		}
	}
	return all
}

var templateVar = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

func vars(v any) []string {
	var s []string
	switch v := v.(type) {
	case string:
		for _, m := range templateVar.FindAllStringSubmatch(v, -1) {
			s = append(s, m[1])
		}
	case map[string]any:
		for _, form := range v {
			s = append(s, vars(form)...)
		}
	}
	sort.Strings(s)
	return slicesCompact(s)
}

func slicesCompact(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// Every group exists in all five languages with exactly English's keys, the
// same template fields, plural forms where English has them, and no empty
// translation.
func TestTranslationFiles(t *testing.T) {
	c := readCatalogue(t)
	if len(c) == 0 {
		t.Fatal("no translation files embedded")
	}
	for group, langs := range c {
		en, ok := langs["en"]
		if !ok {
			t.Errorf("group %s has no English file", group)
			continue
		}
		for _, l := range Languages {
			tr, ok := langs[l]
			if !ok {
				t.Errorf("%s.%s.json is missing", group, l)
				continue
			}
			for k, ev := range en {
				tv, ok := tr[k]
				if !ok {
					t.Errorf("%s.%s.json lacks %q", group, l, k)
					continue
				}
				checkValue(t, group+"."+l, k, ev, tv)
			}
			for k := range tr {
				if _, ok := en[k]; !ok {
					t.Errorf("%s.%s.json has %q, which English lacks", group, l, k)
				}
			}
		}
	}
}

func checkValue(t *testing.T, file, key string, en, tr any) {
	t.Helper()
	switch ev := en.(type) {
	case string:
		s, ok := tr.(string)
		if !ok || strings.TrimSpace(s) == "" {
			t.Errorf("%s %q: want a non-empty string, got %v", file, key, tr)
			return
		}
	case map[string]any:
		m, ok := tr.(map[string]any)
		if !ok {
			t.Errorf("%s %q: English has plural forms, this file a single string", file, key)
			return
		}
		if _, ok := m["other"]; !ok {
			t.Errorf("%s %q: plural forms lack \"other\"", file, key)
		}
		_ = ev
	default:
		t.Errorf("%s %q: unexpected value %T", file, key, en)
		return
	}
	if a, b := strings.Join(vars(en), ","), strings.Join(vars(tr), ","); a != b {
		t.Errorf("%s %q: template fields {%s}, English has {%s}", file, key, b, a)
	}
}

// The vocabulary labels exist in English (and so, by the test above, in all).
func TestVocabularyTranslated(t *testing.T) {
	en := readCatalogue(t).english()
	for _, k := range VocabularyKeys() {
		if _, ok := en[k]; !ok {
			t.Errorf("vocabulary label %q has no translation entry", k)
		}
	}
}

// A key may appear in more than one group (a "Company" label on two
// screens), but all groups must then translate it alike: go-i18n keeps one
// message per key, and which file loads last would decide the wording.
func TestSharedKeysAgree(t *testing.T) {
	c := readCatalogue(t)
	for _, l := range Languages {
		first := map[string]string{} // key -> group that translated it first
		for group, langs := range c {
			for k, v := range langs[l] {
				g, ok := first[k]
				if !ok {
					first[k] = group
					continue
				}
				if other := c[g][l][k]; !sameValue(other, v) {
					t.Errorf("%s: %q is %v in group %s but %v in group %s", l, k, other, g, v, group)
				}
			}
		}
	}
}

func sameValue(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
