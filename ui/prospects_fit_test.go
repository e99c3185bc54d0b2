//go:build ci

package ui

import (
	"testing"

	"warmlead/ui/i18n"
)

// TestProspectDialogsFitInEveryLanguage opens the prospect and consent
// dialogs in each language (the screens and tabs are covered by
// TestScreensFitInEveryLanguage) and fails when a text is squeezed or
// clipped.
func TestProspectDialogsFitInEveryLanguage(t *testing.T) {
	for _, code := range i18n.Languages {
		t.Run(code, func(t *testing.T) {
			g := openInLanguage(t, code)
			d := showDetail(g, 1)
			p := d.rec.Prospect
			fits(t, g, "consent dialog", showConsentDialog(g, p, nil).dlg)
			fits(t, g, "objection dialog", showObjectionDialog(g, p, nil).dlg)
			fits(t, g, "reply dialog", showReplyDialog(g, p, nil).dlg)
			fits(t, g, "prospect form", showProspectForm(g, &p, nil).dlg)
			fits(t, g, "new prospect form", showProspectForm(g, nil, nil).dlg)
			d.onNotice()
			fits(t, g, "notice preview", d.preview.dlg)
		})
	}
}
