package consent

// NoticeOwed tells whether the person is owed an Art. 14 notice: their data
// came from someone else (a referral, a bought list, a social network) and
// no notice was sent yet. DueItems adds the deadline; the prospects table
// only needs the fact, and reads it from the ledger summary.
func NoticeOwed(r Record) bool {
	_, informed := Informed(r)
	return noticeSources[SourceOf(r)] && !informed && objection(r.Events) == nil && !r.Suppressed
}
