package i18n

import (
	"testing"

	"warmlead/consent"
)

// The reasons a passphrase is refused (consent.WeakPassphrase) are in the
// setup group in every language, so the meter of setup and Settings shows
// them translated; English keeps the template, the CLI's sentence.
func TestPassphraseReasonsTranslated(t *testing.T) {
	langs := readCatalogue(t)["setup"]
	for _, tpl := range consent.PassphraseTemplates() {
		for _, l := range []string{"en", "nl", "nb", "sv", "de"} {
			v, ok := langs[l][tpl].(string)
			switch {
			case !ok || v == "":
				t.Errorf("setup.%s.json lacks %q", l, tpl)
			case l == "en" && v != tpl:
				t.Errorf("setup.en.json: %q is %q; English keeps the template", tpl, v)
			case l != "en" && v == tpl:
				t.Errorf("setup.%s.json: %q is not translated", l, tpl)
			}
		}
	}
}
