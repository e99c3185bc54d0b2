package usecase

import (
	"errors"
	"strings"
	"testing"

	"warmlead/consent"
)

// An erased id answers: CanContact blocks it by the erasure rule with the
// tombstone, View says when, why and by whom; an id that never existed
// keeps its "not found".
func TestErasedIDStillAnswers(t *testing.T) {
	app, db := newTestApp(t)
	p := anna(t, db)
	if err := app.Rights.Erase(p.ID, "asked to be forgotten by email"); err != nil {
		t.Fatal(err)
	}
	a, err := app.Consents.Answer(p.ID, consent.ChannelPhone, consent.PurposeOffers)
	if err != nil || a.Allowed || a.Rule != consent.RuleErased || a.Erased == nil || a.Erased.Reason != "asked to be forgotten by email" || a.Erased.Time.IsZero() {
		t.Fatalf("answer for an erased id: %+v %v", a, err)
	}
	if d, err := app.Consents.CanContact(p.ID, consent.ChannelEmail, consent.PurposeFollowUp); err != nil || d.Allowed || d.Rule != consent.RuleErased {
		t.Fatalf("can-contact for an erased id: %+v %v", d, err)
	}
	_, err = app.Rights.View(p.ID, "checking")
	var gone *Erased
	if !errors.As(err, &gone) || gone.Tombstone.Rep != "Rita Rep" || CodeOf(err) != CodeNotFound || !strings.Contains(err.Error(), "was erased on") || !strings.Contains(err.Error(), "asked to be forgotten") {
		t.Fatalf("view of an erased id: %v", err)
	}
	for _, err := range []error{
		func() error { _, err := app.Rights.View(999, "x"); return err }(),
		func() error {
			_, err := app.Consents.CanContact(999, consent.ChannelEmail, consent.PurposeFollowUp)
			return err
		}(),
	} {
		if errors.As(err, &gone) || err == nil || err.Error() != "no prospect with id 999" {
			t.Fatalf("an unknown id: %v", err)
		}
	}
}
