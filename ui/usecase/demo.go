package usecase

import (
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// MaxDemoProspects caps GenerateDemo (and `demo --prospects`), far below
// the nine million phone numbers each prefix can give.
const MaxDemoProspects = 1_000_000

// demoBatch is how many prospects go into one ImportProspects transaction.
const demoBatch = 2000

// demoStore is what GenerateDemo needs of the store (*store.DB in the app).
type demoStore interface {
	Index() store.Index
	Settings() (consent.Settings, error)
	ImportProspects(items []store.ImportItem, o store.AddOptions, progress func(done, total int)) (store.ImportSummary, error)
	AppendLedgers(ids []uint64, ledgers [][]consent.Event) error
	FindByContact(email, phone string) (uint64, string)
	Compact() error
}

var (
	errDemoCount    = newTemplate(CodeInvalid, "demo: the number of prospects must be from 1 to {{.Max}}")
	errDemoNotEmpty = newTemplate(CodePrecondition, "demo data goes into an empty database only, and this one holds {{.Prospects}} prospects: create a new one with 'warmlead --db demo.db init'")
	errDemoShort    = newTemplate(CodeFailed, "demo: the store did not take every generated prospect ({{.Summary}})")
	errDemoLost     = newTemplate(CodeFailed, "demo: cannot find the prospects just generated")
)

// GenerateDemo fills an empty database with n fictional prospects from the
// Netherlands, Norway, Sweden, Germany, Poland and the United Kingdom, and
// about ten ledger events each (collection, notices, calls, consents given,
// refused and withdrawn with their evidence, emails). It returns how many
// events it stored, collection events included. rep "" is the settings'
// rep, else "Demo Rep".
//
// Everything but the dates is the same for the same seed; dates are
// relative to today (midnight UTC), so demo data never looks stale.
// Companies and email domains are fictional (*.example); phone numbers are
// valid E.164 numbers in ordinary ranges, so a demo database must not be
// used to make calls.
//
// Prospects go in through ImportProspects, demoBatch per transaction, and
// the batch's ledgers through one AppendLedgers transaction, then the file
// is compacted. The database must hold no prospects: demo data is never
// mixed with real people.
func GenerateDemo(db demoStore, n int, seed int64, rep string) (events int, err error) {
	if n <= 0 || n > MaxDemoProspects {
		return 0, errDemoCount.New("Max", MaxDemoProspects)
	}
	if c := db.Index().Count(); c > 0 {
		return 0, errDemoNotEmpty.New("Prospects", c)
	}
	if rep == "" {
		if s, err := db.Settings(); err == nil {
			rep = s.Rep
		}
	}
	if rep == "" {
		rep = "Demo Rep"
	}
	g := newDemoGen(seed, rep, time.Now().UTC().Truncate(24*time.Hour))
	people := g.people(n)
	for start := 0; start < len(people); {
		// One batch holds the cards of one collection day, as a rep imports
		// them, and at most demoBatch of them.
		end := start + 1
		for end < len(people) && end-start < demoBatch && people[end].day == people[start].day {
			end++
		}
		batch := people[start:end]
		items := make([]store.ImportItem, len(batch))
		for i := range batch {
			if batch[i].source == consent.SourceReferral {
				// A customer from an earlier day introduced them, on the
				// prospect as the referral flow records it (store.Refer)
				// and on the request in their ledger.
				batch[i].prospect.Introducer = g.introducer()
			}
			items[i] = store.ImportItem{File: "demo", Number: start + i + 1, Prospect: batch[i].prospect}
		}
		collected := g.dayTime(batch[0].day)
		sum, err := db.ImportProspects(items, store.AddOptions{Rep: rep, Region: "NL", Now: collected}, nil)
		if err != nil {
			return events, err
		}
		if sum.Imported != len(batch) {
			return events, errDemoShort.New("Summary", sum.Line())
		}
		events += sum.Imported
		base, err := batchBase(db, batch)
		if err != nil {
			return events, err
		}
		ids := make([]uint64, 0, len(batch))
		ledgers := make([][]consent.Event, 0, len(batch))
		for i := range batch {
			id := base + uint64(i)
			if evs := g.ledger(&batch[i], id, collected); len(evs) > 0 {
				ids = append(ids, id)
				ledgers = append(ledgers, evs)
				events += len(evs)
			}
		}
		if err := db.AppendLedgers(ids, ledgers); err != nil {
			return events, err
		}
		for i := range batch {
			if batch[i].source == consent.SourceCustomer {
				g.customers = append(g.customers, base+uint64(i))
			}
		}
		start = end
	}
	// Ledgers appended prospect by prospect leave pages half full and
	// many pages free; compacting makes the file what a settled database
	// would be (about 1.4x its plaintext instead of 2.7x).
	if err := db.Compact(); err != nil {
		return events, err
	}
	return events, nil
}

// batchBase finds the id of a batch's first prospect. One transaction of
// ImportProspects with nothing merged gives consecutive ids, so one lookup
// by email or phone is enough; the last prospect is checked as well.
func batchBase(db demoStore, batch []demoPerson) (uint64, error) {
	for j, p := range batch {
		id, _ := db.FindByContact(p.prospect.Email, p.prospect.Phone)
		if id == 0 {
			continue
		}
		base := id - uint64(j)
		last := batch[len(batch)-1].prospect
		if c, ok := db.Index().Cached(base + uint64(len(batch)-1)); !ok || c.Name != last.Name {
			break
		}
		return base, nil
	}
	return 0, errDemoLost.New()
}
