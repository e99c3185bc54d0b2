package usecase

import (
	"slices"
	"sort"

	"warmlead/consent"
	"warmlead/store"
)

// ReferralRow is one referral as the referrals screen lists it.
type ReferralRow struct {
	Record     consent.Record // the prospect only: 10,000 referrals' ledgers are not kept
	Introducer string         // the introducer's name; "" once they were erased (or none was recorded)
	Reachable  bool           // follow-up allowed by email or phone: the person approved
	Age        int            // days since the referral was recorded
}

// IntroducerCount is how many people one introducer named and how many of
// them became reachable: whom to thank.
type IntroducerCount struct {
	ID              uint64
	Name            string
	Made, Reachable int
}

// ReferralList is every referral, oldest first, and the introducers who can
// still be thanked, most referrals first (then by name).
type ReferralList struct {
	Rows        []ReferralRow
	Introducers []IntroducerCount
}

// List reads every referral's ledger (the referrals only: the source is in
// the in-memory index) and counts them per introducer.
func (r *Referrals) List() (ReferralList, error) {
	st, err := r.st.Settings()
	if err != nil {
		return ReferralList{}, err
	}
	ids, err := r.st.Index().List(store.ListQuery{Source: consent.SourceReferral}, nil)
	if err != nil {
		return ReferralList{}, err
	}
	now := r.env.now()
	var out ReferralList
	per := map[uint64]*IntroducerCount{}
	// Both cores read the ledgers (the calls below are one at a time).
	_, err = r.st.ForEachRecordsOfBoth(slices.Sorted(slices.Values(ids)), func(rec consent.Record) error {
		if rec.Prospect.Source != consent.SourceReferral {
			return nil
		}
		row := ReferralRow{Record: consent.Record{Prospect: rec.Prospect}, Age: int(now.Sub(consent.Collected(rec)).Hours() / 24)}
		row.Reachable = consent.Decide(rec, consent.ChannelEmail, consent.PurposeFollowUp, now, st.RetentionMonths).Allowed ||
			consent.Decide(rec, consent.ChannelPhone, consent.PurposeFollowUp, now, st.RetentionMonths).Allowed
		if id := rec.Prospect.Introducer; id != 0 {
			c := per[id]
			if c == nil {
				c = &IntroducerCount{ID: id}
				per[id] = c
			}
			c.Made++
			if row.Reachable {
				c.Reachable++
			}
		}
		out.Rows = append(out.Rows, row)
		return nil
	})
	if err != nil {
		return ReferralList{}, err
	}
	// Names after the read, not inside its transaction; an erased
	// introducer has none and can no longer be thanked.
	for id, c := range per {
		intro, _ := r.st.Index().Cached(id)
		c.Name = intro.Name
		if c.Name != "" {
			out.Introducers = append(out.Introducers, *c)
		}
	}
	for i := range out.Rows {
		if c := per[out.Rows[i].Record.Prospect.Introducer]; c != nil {
			out.Rows[i].Introducer = c.Name
		}
	}
	sort.Slice(out.Rows, func(i, j int) bool { // oldest first, then in id order
		a, b := out.Rows[i], out.Rows[j]
		if a.Age != b.Age {
			return a.Age > b.Age
		}
		return a.Record.Prospect.ID < b.Record.Prospect.ID
	})
	sort.Slice(out.Introducers, func(i, j int) bool {
		a, b := out.Introducers[i], out.Introducers[j]
		if a.Made != b.Made {
			return a.Made > b.Made
		}
		return a.Name < b.Name
	})
	return out, nil
}
