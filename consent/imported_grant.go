package consent

// GrantIsNews reports whether a consent granted at g.Time, read from an
// export (a web form's), adds to a ledger that already exists. It does not
// when the ledger holds a grant, refusal or withdrawal covering the same
// purpose and channel at or after g.Time: the export was imported before,
// or the person has answered since, and an old form must never undo a
// later withdrawal by landing last in the ledger.
func GrantIsNews(ledger []Event, g Event) bool {
	for i := range ledger {
		e := &ledger[i]
		if isConsentKind(e.Kind) && covers(e, g.Purpose, g.Channel) && !e.Time.Before(g.Time) {
			return false
		}
	}
	return true
}
