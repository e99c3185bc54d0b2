// The 100,000-prospect fixture the scale benchmarks share.
package store

// Benchmarks at 100,000 prospects with about ten events each (issue 9).
// Each figure that has a library underneath is printed beside the raw rate
// of that library, measured in the same run:
//
//	BenchmarkUnlockLoad100k  vs  BenchmarkRawIterateOpen100k
//
// The database is built once per process (about 15 s) in a temp
// dir with FastKDF, so unlocking measures the load, not Argon2id;
// BenchmarkArgon2Default prices the real KDF separately.
//
// The fixture cannot come from `warmlead demo` (ui/cli imports store, so a
// store test importing ui/cli is a cycle). It is generated here with the
// same kind of people and ledgers: prospects through ImportProspects,
// 2,000 per transaction, and their ledgers through benchAppendLedgers,
// 2,000 prospects per transaction, which is the store call that demo
// needs and does not have yet.

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

func buildBenchDB(path string, n int, seed uint64) (events int, err error) {
	s := consent.DefaultSettings()
	s.Rep, s.Company, s.Lang = "Rita Rep", "Acme BV", "nl"
	s.PrivacyURL, s.PreferencesURL = "https://acme.example/privacy", "https://acme.example/prefs"
	db, err := Create(path, []byte(benchPass), s, Options{KDF: FastKDF()})
	if err != nil {
		return 0, err
	}
	defer db.Close()
	g := &benchGen{rng: rand.New(rand.NewPCG(seed, 9)), today: time.Now().UTC().Truncate(24 * time.Hour)}
	var dnc []string
	for start := 0; start < n; start += benchBatch {
		size := min(benchBatch, n-start)
		collected := g.today.AddDate(0, 0, -(540 * (n - start) / n)).Add(9 * time.Hour)
		items := make([]ImportItem, size)
		for i := range items {
			items[i] = ImportItem{Number: start + i + 1, Prospect: g.prospect(start + i)}
			if p := items[i].Prospect.Phone; p != "" && strings.HasPrefix(p, "+31") && g.rng.IntN(30) == 0 {
				dnc = append(dnc, p)
			}
		}
		sum, err := db.ImportProspects(items, AddOptions{Rep: s.Rep, Region: "NL", Now: collected}, nil)
		if err != nil {
			return events, err
		}
		if sum.Imported != size {
			return events, fmt.Errorf("import: %s", sum.Line())
		}
		events += size
		first, _ := db.FindByContact(items[0].Prospect.Email, items[0].Prospect.Phone)
		ids := make([]uint64, size)
		ledgers := make([][]consent.Event, size)
		for i := range items {
			ids[i] = first + uint64(i)
			ledgers[i] = g.ledger(items[i].Prospect, collected, s.Rep)
			events += len(ledgers[i])
		}
		if err := benchAppendLedgers(db, ids, ledgers); err != nil {
			return events, err
		}
	}
	for i := range 3000 { // numbers on the register that are no prospect's
		dnc = append(dnc, fmt.Sprintf("+3162%07d", 1_000_000+i*2999%9_000_000))
	}
	if _, err := db.ImportDNC("NL Bel-me-niet", dnc, g.today); err != nil {
		return events, err
	}
	return events, nil
}

// benchAppendLedgers appends the ledgers of many prospects in ONE
// transaction: each prospect's last event is read once (one seek) and the
// new events are chained to it in memory. This is the store call proposed
// for `warmlead demo` (AppendEvents is one transaction, so one fsync, per
// prospect); see the report of issue 9.
func benchAppendLedgers(db *DB, ids []uint64, ledgers [][]consent.Event) error {
	return db.update(func(tx *bolt.Tx) error {
		c := tx.Bucket(bEvents).Cursor()
		for i, id := range ids {
			if tx.Bucket(bProspects).Get(u64(id)) == nil {
				return noProspect(id)
			}
			prev, err := db.lastEvent(c, id)
			if err != nil {
				return err
			}
			prefix := u64(id)
			for _, ev := range ledgers[i] {
				ev.Prospect = id
				ev.Seal(prev)
				if err := db.put(tx, bEvents, join(prefix, u64(ev.Seq)), ev); err != nil {
					return err
				}
				prev = &ev
			}
			c = tx.Bucket(bEvents).Cursor() // puts invalidate a cursor
		}
		return nil
	})
}

// benchGen makes Dutch, Norwegian, Swedish, German, Polish and British
// prospects with ledgers like `warmlead demo` does.
type benchGen struct {
	rng   *rand.Rand
	today time.Time
}

var (
	benchFirst = [][]string{
		{"Jan", "Pieter", "Sanne", "Femke", "Daan", "Zoë", "Thijs", "Anouk", "Joost", "Daniëlle"},
		{"Jørgen", "Øystein", "Åse", "Bjørn", "Kjersti", "Håkon", "Sigrid", "Torbjørn", "Ståle", "Ørjan"},
		{"Åsa", "Björn", "Märta", "Göran", "Örjan", "Linnéa", "Anders", "Måns", "Ulrika", "Pär"},
		{"Jürgen", "Jörg", "Günter", "Käthe", "Lukas", "Anna", "Sören", "Tobias", "Uwe", "Stefanie"},
		{"Łukasz", "Paweł", "Małgorzata", "Wojciech", "Agnieszka", "Zbigniew", "Józef", "Michał", "Żaneta", "Bożena"},
		{"Oliver", "Charlotte", "Harry", "Amelia", "Siobhan", "Rhys", "Eleanor", "Niamh", "Alistair", "Imogen"},
	}
	benchLast = [][]string{
		{"de Vries", "van den Berg", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Jong", "van 't Hof", "Hoekstra"},
		{"Ødegård", "Johansen", "Bråthen", "Sæther", "Løvås", "Haugen", "Strøm", "Nygård", "Dæhlie", "Fjellstrøm"},
		{"Ångström", "Lindqvist", "Nilsson", "Söderberg", "Åberg", "Öberg", "Bergström", "Sjögren", "Wåhlin", "Hägglund"},
		{"Müller", "Schüller", "Schröder", "Weiß", "Groß", "Köhler", "Fuchs", "Schäfer", "Krüger", "Böhm"},
		{"Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Woźniak", "Dąbrowski", "Kozłowski", "Nowak", "Król", "Gałązka"},
		{"Smith", "Jones", "Taylor", "Brown", "O'Brien", "MacDonald", "Hughes", "Patel", "Clarke", "Brontë"},
	}
	benchCompany = [][]string{
		{"Polderlicht Techniek B.V.", "Tulpveld Logistiek BV", "Molenwiek Data B.V.", "Duinrand Energie N.V."},
		{"Nordlys Maritim AS", "Fjellvind Energi AS", "Havørn Logistikk ASA", "Skogheim Bygg AS"},
		{"Norrsken Teknik AB", "Ångbåt Logistik AB", "Älvdal Data AB", "Skärgård Energi AB"},
		{"Rheintal Maschinenbau GmbH", "Nordsee Logistik AG", "Elbufer Software GmbH", "Bodensee Präzisionsteile GmbH & Co. KG"},
		{"Wisła Logistyka Sp. z o.o.", "Bałtyk Systemy S.A.", "Tatry Energia Sp. z o.o.", "Żuraw Budownictwo S.A."},
		{"Thames Logistics Ltd", "Pennine Software Ltd", "Cotswold Engineering plc", "Highland Energy Ltd"},
	}
	benchTitle = [][]string{
		{"Inkoper", "Directeur", "Hoofd Inkoop"}, {"Innkjøpssjef", "Daglig leder", "Salgssjef"},
		{"Inköpschef", "VD", "Försäljningschef"}, {"Einkaufsleiter", "Geschäftsführer", "Vertriebsleiterin"},
		{"Kierownik zakupów", "Prezes zarządu", "Dyrektor handlowy"}, {"Head of Procurement", "Managing Director", "Sales Director"},
	}
	benchPhone = []string{"+3161", "+479", "+4670", "+491515", "+4850", "+44770"}
	benchLang  = []string{"nl", "nb", "sv", "de", "en", "en"}
)

func (g *benchGen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// prospect i: names from six countries, unique email and phone.
func (g *benchGen) prospect(i int) consent.Prospect {
	c := g.rng.IntN(len(benchFirst))
	first, last := g.pick(benchFirst[c]), g.pick(benchLast[c])
	company := g.pick(benchCompany[c])
	domain := strings.ToLower(strings.Fields(consent.Fold(company))[0]) + ".example"
	local := strings.NewReplacer(" ", "", "'", "").Replace(consent.Fold(first + "." + last))
	p := consent.Prospect{Name: first + " " + last, Company: company, Title: g.pick(benchTitle[c]), Lang: benchLang[c],
		Email: local + strconv.Itoa(i) + "@" + domain, Phone: benchPhone[c] + strconv.Itoa(1_000_000+(i*7919)%9_000_000)}
	switch w := g.rng.IntN(100); {
	case w < 34:
		p.Source, p.Event = consent.SourceCard, "Vakbeurs Utrecht 2026"
	case w < 52:
		p.Source = consent.SourceColdCall
	case w < 64:
		p.Source = consent.SourceInbound
	case w < 74:
		p.Source = consent.SourceCustomer
	case w < 84:
		p.Source, p.ListVendor = consent.SourceList, "Nordic Leads AB"
	case w < 95:
		p.Source = consent.SourceReferral
	default:
		p.Source = consent.SourceSocial
	}
	if g.rng.IntN(4) == 0 {
		p.Phone = ""
	}
	return p
}

// ledger: 3 to 15 events after collection (mean 9): notices, calls,
// consents granted, refused and withdrawn with evidence, emails.
func (g *benchGen) ledger(p consent.Prospect, collected time.Time, rep string) []consent.Event {
	k := 3 + g.rng.IntN(13)
	span := max(g.today.Sub(collected), time.Hour)
	times := make([]time.Time, k)
	for i := range times {
		times[i] = collected.Add(time.Duration(g.rng.Int64N(int64(span))))
	}
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	evs := make([]consent.Event, 0, k)
	evs = append(evs, consent.Event{Kind: consent.KindInformed, Note: "Art. 14 notice (" + p.Lang + ")", Evidence: "Subject: how we got your details"})
	purposes := []consent.Purpose{consent.PurposeNewsletter, consent.PurposeProductInfo, consent.PurposeEvents, consent.PurposeOffers}
	for len(evs) < k {
		pu := purposes[g.rng.IntN(len(purposes))]
		switch w := g.rng.IntN(100); {
		case w < 35:
			outcomes := consent.Outcomes[:5]
			ev := consent.Event{Kind: consent.KindCallLogged, Outcome: outcomes[g.rng.IntN(len(outcomes))]}
			if ev.Outcome == consent.OutcomeReached {
				ev.Agreed = "send the brochure"
			}
			evs = append(evs, ev)
		case w < 55:
			evs = append(evs, consent.Event{Kind: consent.KindConsentGranted, Purpose: pu, Channel: consent.ChannelEmail,
				Method: consent.MethodWebForm, Evidence: "web form submission #" + strconv.Itoa(10000+g.rng.IntN(90000))})
		case w < 62:
			evs = append(evs, consent.Event{Kind: consent.KindConsentRefused, Purpose: pu, Channel: consent.ChannelPhone, Evidence: "said no when asked"})
		case w < 68:
			evs = append(evs, consent.Event{Kind: consent.KindConsentWithdrawn, Purpose: pu, Channel: consent.ChannelEmail,
				Method: consent.MethodEmailReply, Evidence: "unsubscribe link in the newsletter"})
		case w < 90:
			evs = append(evs, consent.Event{Kind: consent.KindEmailGenerated, Note: "follow-up email (" + p.Lang + ")"})
		default:
			evs = append(evs, consent.Event{Kind: consent.KindReplyAttached, Note: "reply to the follow-up", Evidence: "\"thanks, send me the prices\""})
		}
	}
	for i := range evs {
		evs[i].Time, evs[i].Rep = times[i], rep
	}
	return evs
}
