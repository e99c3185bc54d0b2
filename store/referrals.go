package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// A referral is a prospect with source "referral" and the introducer's id.
// Until the person approves the introduction only their name and company
// are kept (consent-rules.md §1): no email, no phone.

// Refer records a person an existing customer named, with its collected
// event and the referral-requested event that starts the wait for their
// answer, in one transaction: a referral is never stored without either.
func (db *DB) Refer(introducer uint64, p consent.Prospect, topic string, o AddOptions) (consent.Prospect, error) {
	if _, err := db.key(); err != nil {
		return consent.Prospect{}, err
	}
	p.Source, p.Introducer = consent.SourceReferral, introducer
	p.Email, p.Phone = "", "" // not stored before the person agrees
	now := stamp(o.Now)
	p.Created, p.Updated = now, now
	err := db.update(func(tx *bolt.Tx) error {
		tx.OnCommit(func() { db.indexPut(p) }) // see updatesInFlight
		if tx.Bucket(bProspects).Get(u64(introducer)) == nil {
			return fmt.Errorf("the introducer: %w", noProspect(introducer))
		}
		if tx.Bucket(bSuppress).Get(db.suppressKey("name", nameCompanyKey(p.Name, p.Company))) != nil {
			return &SuppressedError{Field: fieldDeclined}
		}
		if err := p.Normalize(o.Region); err != nil {
			return err
		}
		seq, err := tx.Bucket(bProspects).NextSequence()
		if err != nil {
			return err
		}
		p.ID = seq
		if err := db.writeProspect(tx, p, nil); err != nil {
			return err
		}
		for _, ev := range []consent.Event{
			{Time: now, Rep: o.Rep, Kind: consent.KindCollected, Source: p.Source, Introducer: introducer, EventName: p.Event},
			{Time: now, Rep: o.Rep, Kind: consent.KindReferralRequested, Introducer: introducer, Note: strings.TrimSpace(topic)},
		} {
			if _, err := db.appendEvent(tx, p.ID, ev); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return consent.Prospect{}, err
	}
	return p, nil
}

// ApproveReferral records the person's yes with its evidence, stores the
// contact details they agreed to share, and opens follow-up on the channels
// those details allow.
func (db *DB) ApproveReferral(id uint64, email, phone, evidence string, o AddOptions) (consent.Prospect, error) {
	evidence = strings.TrimSpace(evidence)
	if evidence == "" {
		return consent.Prospect{}, errors.New("an approval needs its evidence: the person's reply")
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	return db.changeProspect(id, now, func(tx *bolt.Tx, old consent.Prospect) (consent.Prospect, []consent.Event, error) {
		if old.Source != consent.SourceReferral {
			return old, nil, fmt.Errorf("prospect %d is not a referral", id)
		}
		p := old
		if email != "" {
			p.Email = email
		}
		if phone != "" {
			p.Phone = phone
		}
		if err := p.Normalize(o.Region); err != nil {
			return p, nil, err
		}
		if err := db.checkSuppressed(tx, p.Email, p.Phone); err != nil {
			return p, nil, err
		}
		var channels []consent.Channel
		if p.Email != "" {
			channels = append(channels, consent.ChannelEmail)
		}
		if p.Phone != "" {
			channels = append(channels, consent.ChannelPhone)
		}
		if len(channels) == 0 {
			channels = []consent.Channel{""} // approved, channels unknown: the policy reads email and phone
		}
		events := make([]consent.Event, len(channels))
		for i, ch := range channels {
			events[i] = consent.Event{Time: now, Rep: o.Rep, Kind: consent.KindReferralApproved, Channel: ch, Introducer: old.Introducer, Evidence: evidence}
		}
		return p, events, nil
	})
}

// DeclineReferral reduces a declined referral to a tombstone and a
// suppression entry: a keyed hash of the name and company, so a new
// introduction of the same person is recognised and refused.
func (db *DB) DeclineReferral(id uint64, evidence, rep string, now time.Time) error {
	p, err := db.prospectOrNone(id)
	if err != nil {
		return err
	}
	if p.Source != consent.SourceReferral {
		return fmt.Errorf("prospect %d is not a referral", id)
	}
	if now.IsZero() {
		now = time.Now()
	}
	err = db.update(func(tx *bolt.Tx) error {
		return db.put(tx, bSuppress, db.suppressKey("name", nameCompanyKey(p.Name, p.Company)), suppression{Time: now.UTC().Truncate(time.Second)})
	})
	if err != nil {
		return err
	}
	reason := "referral declined"
	if strings.TrimSpace(evidence) != "" {
		reason += " (reply received)"
	}
	return db.erase(id, reason, rep, now, consent.TeamDeclined)
}

// prospectOrNone is Prospect with an error that errors.Is ErrNotFound when
// there is no such prospect (the same sentence), so the use cases and the
// GUI tell a missing prospect from a damaged one.
func (db *DB) prospectOrNone(id uint64) (consent.Prospect, error) {
	return db.Prospect(id)
}
