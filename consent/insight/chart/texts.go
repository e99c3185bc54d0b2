package chart

import (
	"embed"
	"encoding/json"
	"path"
	"strings"
)

// texts are the words drawn in the charts, by id, one file per language in
// texts/ (data, like the app's other translations); every language has
// every id English has, with the same verbs (TestTextsComplete). first.0 …
// first.5 name insight.FirstContactBuckets.
type texts map[string]string

//go:embed texts/*.json
var textFiles embed.FS

func words(lang string) texts {
	if w, ok := allTexts[lang]; ok {
		return w
	}
	return allTexts["en"]
}

// allTexts is every language's words, read once from textFiles; a file
// that does not parse fails the package's tests (TestTextsComplete), never
// a chart: its language falls back to English.
var allTexts = loadTexts()

func loadTexts() map[string]texts {
	all := map[string]texts{}
	names, _ := textFiles.ReadDir("texts")
	for _, n := range names {
		b, err := textFiles.ReadFile(path.Join("texts", n.Name()))
		var w texts
		if err != nil || json.Unmarshal(b, &w) != nil {
			continue
		}
		all[strings.TrimSuffix(n.Name(), ".json")] = w
	}
	return all
}
