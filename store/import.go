package store

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// ImportItem is one card to import, with its 1-based number in its file.
type ImportItem struct {
	File     string
	Number   int
	Prospect consent.Prospect
	// Grants are consents that come with the card (a web form's ticked
	// purposes), written in the same transaction: after the new prospect's
	// collection, or into the ledger of the prospect it merges into unless
	// that ledger already answers for the cell since (consent.GrantIsNews).
	Grants []consent.Event
}

// ImportProblem names a card that was not imported (or was imported
// shortened), and why: Code and Msg for screens that branch or translate,
// Reason the same sentence in English, as scripts read it.
type ImportProblem struct {
	File   string          `json:"file"`
	Number int             `json:"card"`
	Reason string          `json:"reason"`
	Code   ProblemCode     `json:"-"`
	Msg    consent.Message `json:"-"`
}

// NewImportProblem is the problem of card number of file, saying msg.
func NewImportProblem(file string, number int, code ProblemCode, msg consent.Message) ImportProblem {
	return ImportProblem{File: file, Number: number, Reason: msg.String(), Code: code, Msg: msg}
}

// ProblemCode says what happened to a card or a file: the store's own codes
// below, or the vCard reader's (vcardin.Code), carried as they are.
type ProblemCode string

// The store's problem codes.
const (
	ProblemInvalidEmail ProblemCode = "invalid-email"
	ProblemInvalidPhone ProblemCode = "invalid-phone"
	ProblemInvalid      ProblemCode = "invalid" // no name, an unknown source
	ProblemSuppressed   ProblemCode = "suppressed"
	ProblemGrantNotNews ProblemCode = "grant-not-news"        // a note: a merged card's grant the ledger answered since
	ProblemPhoneKept    ProblemCode = "phone-kept-as-written" // a note: AddOptions.KeepUnreadPhones kept it
)

// The sentences of the store's problems and refusals. An invalid card's
// sentence does not quote the value (see invalidCard).
const (
	tInvalidEmail       = "its email address is not valid: write it as name@company.com"
	tInvalidPhone       = "its phone number is not valid: include the country code, e.g. +31 20 555 0100"
	tNameRequired       = "a prospect needs a name"
	tSuppressedEmail    = "this person asked to be erased (matched by email): they may not be added or contacted again"
	tSuppressedPhone    = "this person asked to be erased (matched by phone): they may not be added or contacted again"
	tSuppressedDeclined = "this person declined an earlier introduction (matched by name and company): they may not be added or contacted again"
	tDuplicateEmail     = "a prospect with this email already exists (id {{.ID}})"
	tDuplicatePhone     = "a prospect with this phone already exists (id {{.ID}})"
	tPhoneKept          = "its phone number has no country code and does not read in {{.Country}}: kept as written, and calls are blocked until you correct it"
	tGrantNotNews       = "its consent for {{.Purpose}} by {{.Channel}} was not recorded: the prospect's ledger already holds an answer for it that is as recent or more (imported before, or withdrawn since)"
)

// MessageTemplates lists the sentences of the store's import problems and
// of its DuplicateError and SuppressedError messages, for the translation
// check.
func MessageTemplates() []string {
	return []string{tInvalidEmail, tInvalidPhone, tNameRequired, tSuppressedEmail, tSuppressedPhone, tSuppressedDeclined,
		tDuplicateEmail, tDuplicatePhone, tGrantNotNews, tPhoneKept}
}

func (p ImportProblem) String() string {
	if p.Number == 0 && p.File != "" { // the whole file: too large, unreadable
		return fmt.Sprintf("%s: %s", p.File, p.Reason)
	}
	if p.File != "" {
		return fmt.Sprintf("%s, card %d: %s", p.File, p.Number, p.Reason)
	}
	return fmt.Sprintf("card %d: %s", p.Number, p.Reason)
}

// ImportSummary is what an import did. Failures and suppressed cards are
// listed; the other cards were imported or merged.
type ImportSummary struct {
	Imported   int             `json:"imported"`
	Merged     int             `json:"merged"`
	Suppressed int             `json:"suppressed"`
	Failed     int             `json:"failed"`
	Problems   []ImportProblem `json:"problems,omitempty"`
	// Notes are about cards imported: grants of merged cards that were
	// not written, because the ledger answered for their cell since (see
	// ImportItem.Grants), and numbers kept as written (KeepUnreadPhones).
	Notes []ImportProblem `json:"-"`
	// Grants counts the grants written (ImportItem.Grants).
	Grants int `json:"-"`
}

// Line is the contract's summary line.
func (s ImportSummary) Line() string {
	return fmt.Sprintf("imported %d, merged %d, suppressed %d, failed %d", s.Imported, s.Merged, s.Suppressed, s.Failed)
}

// ImportProspects adds many cards in ONE transaction, so a crash halfway
// leaves the database as it was. A card whose email or phone matches an
// existing prospect (or an earlier card of this import) is merged: the
// existing prospect gains the fields it lacked. A card of an erased person
// is refused as suppressed; a card that does not validate fails alone.
// progress, if set, is called every few hundred cards, on the calling
// goroutine: the first half of the count for the work done on all cores
// (validation, keys; import_prepare.go), the second half for the
// transaction.
func (db *DB) ImportProspects(items []ImportItem, o AddOptions, progress func(done, total int)) (ImportSummary, error) {
	var sum ImportSummary
	if _, err := db.key(); err != nil {
		return sum, err
	}
	total := len(items)
	var report func(int)
	if progress != nil {
		report = func(done int) { progress(done/2, total) }
	}
	pre, err := db.prepareImport(items, o, report)
	if err != nil {
		return sum, err
	}
	importPrepared()
	now := stamp(o.Now)
	var changed []consent.Prospect
	err = db.update(func(tx *bolt.Tx) error {
		// bbolt may not retry, but stay safe. changed gets at most one
		// entry per card: sized once, not grown by copying.
		sum, changed = ImportSummary{}, make([]consent.Prospect, 0, total)
		// The index hook runs at the commit, inside update (updatesInFlight).
		tx.OnCommit(func() { db.indexPut(changed...) })
		// New ids and their events are appended in key order: full pages
		// make a smaller file and fewer splits.
		tx.Bucket(bProspects).FillPercent = 0.95
		tx.Bucket(bEvents).FillPercent = 0.95
		byID := make(map[uint64]int, total) // prospect id -> index in changed
		// Cards without email or phone match on name and company (which may
		// be empty), both folded: in the database (the in-memory index) and
		// earlier in this import. Identical name-only cards cannot be told
		// apart, so a re-imported file merges instead of doubling.
		byName := map[string]uint64{}
		// Index entries of new prospects are keyed by random-looking hashes:
		// put one by one inside a single transaction they pile into one
		// node and every put moves the rest (quadratic at 100,000 cards).
		// They are collected and put sorted at the end; duplicates within
		// this import are found in these maps meanwhile.
		newEmail, newPhone := make(map[string]uint64, total), make(map[string]uint64, total)
		var emailKeys, phoneKeys [][]byte
		// New prospects are sealed on other cores while this loop goes on,
		// and written in order when a card merges into one or at the end.
		if !pre.current(db) {
			again, err := db.prepareImport(items, o, nil)
			if err != nil {
				return err
			}
			pre = again
		}
		prep := pre.items
		stateKey, err := db.stateKey()
		if err != nil {
			return err
		}
		batch := newBatch{db: db, prep: prep, o: o, now: now, ids: map[uint64]bool{}, stateKey: stateKey}
		defer batch.wait() // on an early return, before the transaction ends
		for i, it := range items {
			if progress != nil && i%500 == 0 {
				progress((total+i)/2, total)
			}
			pr := &prep[i]
			if pr.failed {
				sum.Failed++
				sum.Problems = append(sum.Problems, NewImportProblem(it.File, it.Number, pr.code, pr.msg))
				continue
			}
			p := pr.p
			if err := db.checkSuppressedKeys(tx, p, pr.sup); err != nil {
				sum.Suppressed++
				msg := consent.Msg(err.Error())
				if se, ok := err.(*SuppressedError); ok {
					msg = se.Message()
				}
				sum.Problems = append(sum.Problems, NewImportProblem(it.File, it.Number, ProblemSuppressed, msg))
				continue
			}
			id := newEmail[p.Email]
			if id == 0 || p.Email == "" {
				id = newPhone[p.Phone]
			}
			if p.Email == "" && p.Phone == "" {
				id = 0
			}
			if id == 0 {
				id, _ = findDuplicateKeys(tx, pr.emailKey, pr.phoneKey)
			}
			nameKey := pr.nameKey
			if nameKey != "" {
				if id == 0 {
					id = byName[nameKey]
				}
				if id == 0 {
					id = db.sameNameAndCompany(nameKey)
				}
			}
			if id != 0 && !o.AllowDuplicate {
				if batch.ids[id] { // created by this import, not yet written
					if err := batch.write(tx, items, &sum); err != nil {
						return err
					}
				}
				merged, err := db.mergeInto(tx, id, p, o.Rep, now)
				if err != nil {
					return err
				}
				if err := db.importGrants(tx, id, it, true, &sum); err != nil {
					return err
				}
				sum.Merged++
				pr.notePhoneKept(it, o.Region, &sum)
				if merged.Email != "" && newEmail[merged.Email] == 0 {
					newEmail[merged.Email] = id
				}
				if merged.Phone != "" && newPhone[merged.Phone] == 0 {
					newPhone[merged.Phone] = id
				}
				if j, ok := byID[id]; ok {
					changed[j] = merged
				} else {
					byID[id] = len(changed)
					changed = append(changed, merged)
				}
				continue
			}
			seq, err := tx.Bucket(bProspects).NextSequence()
			if err != nil {
				return err
			}
			p, _ = newRecord(p, seq, o, now)
			if p.Email != "" {
				emailKeys = append(emailKeys, join(pr.emailKey, u64(p.ID)))
				newEmail[p.Email] = p.ID
			}
			if p.Phone != "" {
				phoneKeys = append(phoneKeys, join(pr.phoneKey, u64(p.ID)))
				if newPhone[p.Phone] == 0 {
					newPhone[p.Phone] = p.ID
				}
			}
			batch.add(i, p.ID)
			sum.Imported++
			pr.notePhoneKept(it, o.Region, &sum)
			if nameKey != "" {
				byName[nameKey] = p.ID
			}
			byID[p.ID] = len(changed)
			changed = append(changed, p)
		}
		if err := batch.write(tx, items, &sum); err != nil {
			return err
		}
		return putSorted(tx.Bucket(bIdxEmail), emailKeys, tx.Bucket(bIdxPhone), phoneKeys)
	})
	if err != nil {
		return ImportSummary{}, err
	}
	if progress != nil {
		progress(total, total)
	}
	return sum, nil
}

// importPrepared runs between an import's card-only work and its
// transaction; a test changes the keys there.
var importPrepared = func() {}

// invalidCard says why a card did not validate without quoting it:
// problems are shown in lists and printed on stderr, where scripts log
// them, and the value that failed (a mistyped email or phone) is still the
// person's. The validators' own messages quote it, for a rep typing it.
func invalidCard(p consent.Prospect, region string, err error) (ProblemCode, consent.Message) {
	if _, e := consent.NormalizeEmail(p.Email); e != nil {
		return ProblemInvalidEmail, consent.Msg(tInvalidEmail)
	}
	if _, e := consent.NormalizePhone(p.Phone, region); e != nil {
		return ProblemInvalidPhone, consent.Msg(tInvalidPhone)
	}
	if errors.Is(err, consent.ErrNameRequired) {
		return ProblemInvalid, consent.Msg(tNameRequired)
	}
	return ProblemInvalid, consent.Msg(err.Error()) // an unknown source: nothing of the person
}

// mergeInto fills the fields an existing prospect lacks from a new card and
// records each as a rectification, so the ledger says where they came from.
func (db *DB) mergeInto(tx *bolt.Tx, id uint64, card consent.Prospect, rep string, now time.Time) (consent.Prospect, error) {
	var old consent.Prospect
	if err := db.get(tx, bProspects, u64(id), &old, fmt.Sprintf("prospect %d", id)); err != nil {
		return old, err
	}
	p := old
	var events []consent.Event
	fill := func(field string, dst *string, v string) {
		if *dst == "" && v != "" {
			*dst = v
			events = append(events, consent.Event{Time: now, Rep: rep, Kind: consent.KindRectified, Field: field, New: v, Note: "merged from an imported card"})
		}
	}
	fill("company", &p.Company, card.Company)
	fill("title", &p.Title, card.Title)
	fill("email", &p.Email, card.Email)
	fill("phone", &p.Phone, card.Phone)
	if len(events) == 0 {
		return old, nil
	}
	// A filled-in email or phone may belong to someone who was erased.
	if err := db.checkSuppressed(tx, p.Email, p.Phone); err != nil {
		return old, nil
	}
	p.Updated = now
	if err := db.writeProspect(tx, p, &old); err != nil {
		return old, err
	}
	for _, ev := range events {
		if _, err := db.appendEvent(tx, id, ev); err != nil {
			return old, err
		}
	}
	return p, nil
}

// importGrants writes an item's grants into prospect id's ledger; into an
// existing ledger (merged) only those that are news, noting the others.
func (db *DB) importGrants(tx *bolt.Tx, id uint64, it ImportItem, merged bool, sum *ImportSummary) error {
	if len(it.Grants) == 0 {
		return nil
	}
	var ledger []consent.Event
	if merged {
		var err error
		if ledger, err = db.readEvents(tx, id); err != nil {
			return err
		}
	}
	for _, g := range it.Grants {
		if merged && !consent.GrantIsNews(ledger, g) {
			sum.Notes = append(sum.Notes, NewImportProblem(it.File, it.Number, ProblemGrantNotNews,
				consent.Msg(tGrantNotNews, "Purpose", g.Purpose, "Channel", g.Channel)))
			continue
		}
		saved, err := db.appendEvent(tx, id, g)
		if err != nil {
			return err
		}
		ledger = append(ledger, saved)
		sum.Grants++
	}
	return nil
}

// sameNameAndCompany finds a prospect by nameCompanyKey in the in-memory
// index, or 0.
func (db *DB) sameNameAndCompany(key string) uint64 {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.index == nil {
		return 0
	}
	return db.index.byNameCo[key]
}

// putSorted writes index keys (with empty values) in key order. The two
// lists are sorted at the same time, on two cores when there are.
func putSorted(emailB *bolt.Bucket, emailKeys [][]byte, phoneB *bolt.Bucket, phoneKeys [][]byte) error {
	lists := []struct {
		b    *bolt.Bucket
		keys [][]byte
	}{{emailB, emailKeys}, {phoneB, phoneKeys}}
	var wg sync.WaitGroup
	wg.Go(func() { slices.SortFunc(emailKeys, bytes.Compare) })
	slices.SortFunc(phoneKeys, bytes.Compare)
	wg.Wait()
	for _, kv := range lists {
		for _, k := range kv.keys {
			if err := kv.b.Put(k, nil); err != nil {
				return err
			}
		}
	}
	return nil
}
