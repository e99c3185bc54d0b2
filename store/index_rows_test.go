package store

import (
	"testing"
	"time"

	"warmlead/consent"
)

func sortedNames(t *testing.T, db *DB, col SortColumn, desc bool) string {
	t.Helper()
	ids, err := db.Index().List(ListQuery{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Index().Sort(ids, col, desc, time.Now()); err != nil {
		t.Fatal(err)
	}
	return initials(db, ids)
}

// TestIndexSortEveryColumnBothWays: the table's orders, with empty values
// last in both directions and ties in name order.
func TestIndexSortEveryColumnBothWays(t *testing.T) {
	db, ids := facetDB(t)
	now := time.Now()
	appendEv(t, db, ids["A"], consent.Event{Kind: consent.KindCallLogged, Time: now.Add(-2 * time.Hour), Outcome: consent.OutcomeCallBack, Callback: now.Add(48 * time.Hour)})
	appendEv(t, db, ids["D"], consent.Event{Kind: consent.KindCallLogged, Outcome: consent.OutcomeReached})
	appendEv(t, db, ids["D"], consent.Event{Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter,
		Channel: consent.ChannelEmail, Method: consent.MethodEmailReply, Evidence: "yes"})
	for _, c := range []struct {
		col       SortColumn
		asc, desc string
	}{
		{SortName, "ABCD", "DCBA"},
		{SortCompany, "BDAC", "ADBC"}, // no company (Cora) last both ways
		{SortEmail, "BACD", "BACD"},   // one email: the others keep name order
		{SortPhone, "ADBC", "DABC"},
		{SortConsent, "DABC", "ABCD"},     // consented first; ties in name order
		{SortNextStep, "BCAD", "ABCD"},    // list and referral owe a notice (now), then Anna's call-back
		{SortLastContact, "ADBC", "DABC"}, // never contacted last
	} {
		if got := sortedNames(t, db, c.col, false); got != c.asc {
			t.Errorf("column %d ascending: %s, want %s", c.col, got, c.asc)
		}
		if got := sortedNames(t, db, c.col, true); got != c.desc {
			t.Errorf("column %d descending: %s, want %s", c.col, got, c.desc)
		}
	}
	f, ok := db.Index().Facts(ids["A"], now)
	if !ok || f.Callback.IsZero() || f.Consent != RowNoConsent || f.NoticeOwed {
		t.Errorf("Anna's facts: %+v %v", f, ok)
	}
	if f, _ := db.Index().Facts(ids["D"], now); f.Consent != RowConsented || f.LastContact.IsZero() {
		t.Errorf("Dirk's facts: %+v", f)
	}
	if f, _ := db.Index().Facts(ids["B"], now); !f.NoticeOwed {
		t.Errorf("Bram (bought list) owes a notice: %+v", f)
	}
}
