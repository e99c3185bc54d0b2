// Package i18n chooses the language of the screens and writes dates, numbers
// and vocabulary labels in it; the conventions and the English labels are
// consent/locale's, shared with the PDFs and the emails, and this package
// adds the language in use, local time and Fyne's translations. The strings
// themselves go through Fyne's lang package (lang.L with the English text as
// the key); the translation files live in assets/translations as
// <group>.<language>.json, one group per screen area, so every file stays
// small enough to review.
package i18n

import (
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2/lang"
	golocale "github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"

	"warmlead/assets"
	"warmlead/consent/locale"
)

// Languages are the languages Warmlead speaks, in the order Settings offers
// them: consent/locale's, as for the emails and the documents.
var Languages = locale.Languages()

// Names are each language's name in itself, as a language picker shows them.
var Names = locale.Names()

var (
	mu      sync.RWMutex
	current = "en"
	load    sync.Once
	sysOnce sync.Once
	sys     string
)

// Use switches the screens to code (one of Languages; anything else means
// English). Screens built afterwards speak the new language.
//
// Fyne's lang package has no setter: it follows the process locale. So Use
// points that locale at the chosen language. LANGUAGE is what gettext-style
// programs read first; a locale of "C"/"POSIX" disables LANGUAGE, so such a
// variable is removed, which is the same C locale for any child process.
func Use(code string) {
	code = supported(code)
	System() // read the desktop's language before Use changes the environment
	load.Do(func() {
		// The translation files are embedded: a failure here is a build
		// defect that TestTranslationFiles catches.
		_ = lang.AddTranslationsFS(assets.Translations, "translations")
	})
	mu.Lock()
	defer mu.Unlock()
	current = code
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if isC(os.Getenv(name)) {
			_ = os.Unsetenv(name)
		}
	}
	_ = os.Setenv("LANGUAGE", code)
	// Adding an empty file is lang's only public way to re-read the locale.
	_ = lang.AddTranslationsForLocale([]byte("{}"), "en")
}

// isC reports the "C"/"POSIX" locale, with or without an encoding
// ("C.UTF-8" is the usual one in containers).
func isC(v string) bool {
	base, _, _ := strings.Cut(v, ".")
	return base == "C" || base == "POSIX"
}

// Current is the language in use.
func Current() string {
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// System is the language of the desktop session when Warmlead speaks it,
// else English. "C", "POSIX", unset or unknown locales give English quietly:
// a missing translation is not worth an error in the log.
func System() string {
	sysOnce.Do(func() { sys = detect() })
	return sys
}

func detect() string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			if isC(v) {
				return "en" // gettext ignores LANGUAGE under C, and so do we
			}
			break
		}
	}
	locales, _ := golocale.GetLocales()
	for _, l := range locales {
		tag, err := language.Parse(l)
		if err != nil {
			continue
		}
		base, _ := tag.Base()
		switch b := base.String(); b {
		case "no", "nn", "nb":
			return "nb"
		default:
			for _, code := range Languages {
				if code == b {
					return code
				}
			}
		}
	}
	return "en"
}

// Pick returns the setting when it names a supported language, else the
// system language.
func Pick(setting string) string {
	if s := strings.TrimSpace(setting); s != "" && supported(s) == s {
		return s
	}
	return System()
}

func supported(code string) string { return locale.Supported(code) }
