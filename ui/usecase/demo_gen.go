// The demo generator: realistic European names, companies, phones and ledgers.
package usecase

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"warmlead/consent"
)

// demoSources is the mix of sources, in percent.
var demoSources = []struct {
	src    consent.Source
	weight int
}{
	{consent.SourceCard, 34}, {consent.SourceColdCall, 18}, {consent.SourceInbound, 12}, {consent.SourceCustomer, 10},
	{consent.SourceList, 10}, {consent.SourceReferral, 11}, {consent.SourceSocial, 5},
}

var demoVendors = []string{"Nordic Leads AB", "EuroData Lists B.V.", "B2B Kontakt GmbH", "Baltic Prospects Sp. z o.o."}

var demoAgreed = []string{"send the brochure", "demo in two weeks", "quote for the spring", "call again after the budget round",
	"price list by email", "meet at the next fair", "trial licence for one team"}

// demoPerson is one generated prospect before it has an id.
type demoPerson struct {
	prospect consent.Prospect
	source   consent.Source
	country  *demoCountry
	day      int  // days before today it was collected
	pending  bool // a referral that has not approved the introduction: name only
}

type demoGen struct {
	rng       *rand.Rand
	rep       string
	today     time.Time
	emails    map[string]int
	names     map[string]int    // folded name and company
	phoneSeq  map[string]uint64 // per country and prefix
	customers []uint64          // ids of generated customers, for introducers
}

func newDemoGen(seed int64, rep string, today time.Time) *demoGen {
	return &demoGen{rng: rand.New(rand.NewPCG(uint64(seed), 0x5eed_de30)), rep: rep, today: today,
		emails: map[string]int{}, names: map[string]int{}, phoneSeq: map[string]uint64{}}
}

func (g *demoGen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *demoGen) chance(percent int) bool { return g.rng.IntN(100) < percent }

// dayTime is 09:00 UTC on the day so many days before yesterday, so no
// collection lies in the future.
func (g *demoGen) dayTime(day int) time.Time {
	return g.today.AddDate(0, 0, -day-1).Add(9 * time.Hour)
}

// people makes n prospects, sorted by collection day (oldest first) so
// they can be imported day by day.
func (g *demoGen) people(n int) []demoPerson {
	totalWeight := 0
	for _, c := range demoCountries {
		totalWeight += c.Weight
	}
	// Eighteen months of collecting, about 150 prospects a day at most.
	days := min(540, max(1, n/150))
	out := make([]demoPerson, n)
	for i := range out {
		w := g.rng.IntN(totalWeight)
		c := &demoCountries[0]
		for j := range demoCountries {
			if w < demoCountries[j].Weight {
				c = &demoCountries[j]
				break
			}
			w -= demoCountries[j].Weight
		}
		out[i] = g.person(c)
		out[i].day = g.rng.IntN(days)
		// A referral needs a customer from an earlier day to introduce
		// them: none is collected before the first day (days-1 is the
		// oldest), so its referrals come a day later.
		if out[i].source == consent.SourceReferral && days > 1 && out[i].day == days-1 {
			out[i].day = days - 2
		}
	}
	// A name-only card merges with anyone of the same name and company, so
	// only a referral whose name and company are unique stays name-only.
	for i := range out {
		if d := &out[i]; d.pending {
			if g.names[demoNameKey(d.prospect)] > 1 {
				d.pending = false
			} else {
				d.prospect.Email, d.prospect.Phone = "", ""
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].day > out[j].day })
	return out
}

func (g *demoGen) person(c *demoCountry) demoPerson {
	first, last := g.pick(c.First), g.pick(c.Last)
	if f, ok := strings.CutPrefix(first, "F:"); ok {
		first = f
		for _, suf := range []string{"ski", "cki", "dzki"} {
			if strings.HasSuffix(last, suf) {
				last = strings.TrimSuffix(last, "i") + "a"
			}
		}
	}
	company := g.pick(c.CoPrefix) + " " + g.pick(c.CoSector) + " " + g.pick(c.CoForm)
	w, src := g.rng.IntN(100), consent.SourceCard
	for _, s := range demoSources {
		if w < s.weight {
			src = s.src
			break
		}
		w -= s.weight
	}
	p := consent.Prospect{Name: first + " " + last, Company: company, Title: g.pick(c.Titles), Source: src, Lang: c.Lang}
	d := demoPerson{source: src, country: c}
	email := g.email(first, last, company)
	phone := g.phone(c)
	switch src {
	case consent.SourceCard:
		p.Email, p.Phone = email, phone
		p.Event = g.pick(c.Fairs) + " " + strconv.Itoa(g.today.Year()-g.rng.IntN(2))
		if g.chance(20) {
			p.Phone = ""
		}
	case consent.SourceColdCall:
		p.Phone = phone
		if g.chance(40) {
			p.Email = email
		}
	case consent.SourceList:
		p.Email, p.Phone = email, phone
		p.ListVendor = g.pick(demoVendors)
	case consent.SourceReferral:
		// A quarter have not approved the introduction yet: they keep
		// only name and company (see people).
		d.pending = g.chance(25)
		p.Email = email
		if g.chance(50) {
			p.Phone = phone
		}
	default:
		p.Email = email
		if g.chance(60) {
			p.Phone = phone
		}
	}
	d.prospect = p
	g.names[demoNameKey(p)]++
	return d
}

func demoNameKey(p consent.Prospect) string {
	return consent.Fold(p.Name) + "\x00" + consent.Fold(p.Company)
}

// email is first.last@company.example, ASCII, unique.
func (g *demoGen) email(first, last, company string) string {
	local := demoSlug(first, "") + "." + demoSlug(last, "")
	words := strings.Fields(company)
	domain := demoSlug(strings.Join(words[:len(words)-1], " "), "-") + ".example"
	if len(words) == 1 {
		domain = demoSlug(company, "-") + ".example"
	}
	addr := local + "@" + domain
	g.emails[addr]++
	if k := g.emails[addr]; k > 1 {
		addr = local + strconv.Itoa(k) + "@" + domain
	}
	return addr
}

// demoSlug folds s to lowercase ASCII letters and digits, joining words
// with sep.
func demoSlug(s, sep string) string {
	var b strings.Builder
	for _, w := range strings.Fields(consent.Fold(s)) {
		var part strings.Builder
		for _, r := range w {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				part.WriteRune(r)
			}
		}
		if part.Len() == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(part.String())
	}
	return b.String()
}

// phone is a unique E.164 number: a mobile (two in three) or a landline
// prefix, then seven digits walking through the nine million that do not
// start with 0, in a scrambled order (7919 is prime and divides no factor
// of 9,000,000, so the walk never repeats).
func (g *demoGen) phone(c *demoCountry) string {
	prefix := g.pick(c.Fixed)
	if g.chance(67) {
		prefix = g.pick(c.Mobile)
	}
	key := c.Code + prefix
	seq := g.phoneSeq[key]
	g.phoneSeq[key] = seq + 1
	return c.CC + prefix + strconv.FormatUint(1_000_000+(seq*7919+1_234_567)%9_000_000, 10)
}

// demoPairs are the consents people are asked for, commonest first.
var demoPairs = []consent.PurposeChannel{
	{Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail}, {Purpose: consent.PurposeProductInfo, Channel: consent.ChannelEmail},
	{Purpose: consent.PurposeEvents, Channel: consent.ChannelEmail}, {Purpose: consent.PurposeOffers, Channel: consent.ChannelEmail},
	{Purpose: consent.PurposeProductInfo, Channel: consent.ChannelPhone}, {Purpose: consent.PurposeFollowUp, Channel: consent.ChannelPhone},
	{Purpose: consent.PurposeOffers, Channel: consent.ChannelSMS}, {Purpose: consent.PurposeEvents, Channel: consent.ChannelPost},
	{Purpose: consent.PurposeTracking, Channel: consent.ChannelEmail},
}

// ledger makes the events after collection: on average nine, so about ten
// with the collected event. Their times lie between collection and today.
func (g *demoGen) ledger(d *demoPerson, id uint64, collected time.Time) []consent.Event {
	if d.source == consent.SourceReferral && d.pending {
		return []consent.Event{{Time: collected.Add(time.Hour), Rep: g.rep, Kind: consent.KindReferralRequested,
			Introducer: d.prospect.Introducer, Note: "introduced by a customer"}}
	}
	k := 3 + g.rng.IntN(13) // 3..15, mean 9
	span := g.today.Sub(collected)
	span = min(span, 300*24*time.Hour)
	if span < time.Hour {
		span = time.Hour
	}
	times := make([]time.Time, k)
	for i := range times {
		times[i] = collected.Add(time.Duration(g.rng.Int64N(int64(span))))
	}
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })

	var evs []consent.Event
	add := func(ev consent.Event) {
		ev.Time, ev.Rep = times[len(evs)], g.rep
		evs = append(evs, ev)
	}
	granted := map[consent.PurposeChannel]bool{}
	p := &d.prospect
	if d.source == consent.SourceReferral {
		add(consent.Event{Kind: consent.KindReferralRequested, Introducer: p.Introducer, Note: "introduced by a customer"})
		add(consent.Event{Kind: consent.KindReferralApproved, Channel: consent.ChannelEmail, Evidence: "reply: \"yes, happy to talk\""})
	}
	if p.Email != "" && d.source != consent.SourceCustomer && g.chance(85) && len(evs) < k {
		add(consent.Event{Kind: consent.KindInformed, Note: "Art. 14 notice (" + d.country.Lang + ")", Evidence: "Subject: how we got your details"})
	}
	for len(evs) < k {
		switch w := g.rng.IntN(100); {
		case w < 2 && len(evs) > 2: // rare: "do not contact me", nothing follows
			add(consent.Event{Kind: consent.KindObjection, Evidence: "email: \"please remove me from your lists\""})
			return evs
		case w < 35 && p.Phone != "":
			g.call(add, granted, k-len(evs))
		case w < 60:
			pc := demoPairs[min(g.rng.IntN(len(demoPairs)), g.rng.IntN(len(demoPairs)))]
			ev := consent.Event{Kind: consent.KindConsentGranted, Purpose: pc.Purpose, Channel: pc.Channel}
			switch {
			case d.source == consent.SourceList && g.chance(50):
				ev.Method, ev.Evidence = consent.MethodVendorProof, "vendor opt-in record "+strconv.Itoa(100000+g.rng.IntN(900000))
			case d.source == consent.SourceInbound || g.chance(40):
				ev.Method, ev.Evidence = consent.MethodWebForm, "web form submission #"+strconv.Itoa(10000+g.rng.IntN(90000))
			case g.chance(70):
				ev.Method, ev.Evidence = consent.MethodEmailReply, "reply: \"ja graag / yes please\""
			default:
				ev.Method, ev.Evidence = consent.MethodSigned, "signed form at the stand"
			}
			if g.chance(20) {
				ev.Expires = times[len(evs)].AddDate(2, 0, 0).Truncate(24 * time.Hour)
			}
			if g.chance(85) {
				add(ev)
				granted[pc] = true
			} else {
				ev.Kind, ev.Method, ev.Expires, ev.Evidence = consent.KindConsentRefused, "", time.Time{}, "said no when asked"
				add(ev)
			}
		case w < 68 && len(granted) > 0:
			pcs := make([]consent.PurposeChannel, 0, len(granted))
			for pc := range granted {
				pcs = append(pcs, pc)
			}
			sort.Slice(pcs, func(i, j int) bool {
				return pcs[i].Purpose+consent.Purpose(pcs[i].Channel) < pcs[j].Purpose+consent.Purpose(pcs[j].Channel)
			})
			pc := pcs[g.rng.IntN(len(pcs))]
			delete(granted, pc)
			add(consent.Event{Kind: consent.KindConsentWithdrawn, Purpose: pc.Purpose, Channel: pc.Channel,
				Method: consent.MethodEmailReply, Evidence: "unsubscribe link in the newsletter"})
		case w < 90 && p.Email != "":
			add(consent.Event{Kind: consent.KindEmailGenerated, Note: "follow-up email (" + d.country.Lang + ")"})
		case p.Email != "":
			add(consent.Event{Kind: consent.KindReplyAttached, Note: "reply to the follow-up", Evidence: "\"thanks, send me the prices\""})
		default:
			g.call(add, granted, k-len(evs))
		}
	}
	return evs
}

// call logs one call; a reached person sometimes agrees to a consent on
// the phone, stored pending as CallLog does.
func (g *demoGen) call(add func(consent.Event), granted map[consent.PurposeChannel]bool, room int) {
	outcomes := []string{consent.OutcomeNoAnswer, consent.OutcomeNoAnswer, consent.OutcomeVoicemail, consent.OutcomeReached,
		consent.OutcomeReached, consent.OutcomeReached, consent.OutcomeCallBack, consent.OutcomeNotInterested}
	ev := consent.Event{Kind: consent.KindCallLogged, Outcome: outcomes[g.rng.IntN(len(outcomes))]}
	if g.rng.IntN(200) == 0 {
		ev.Outcome = consent.OutcomeDoNotCall
	}
	switch ev.Outcome {
	case consent.OutcomeReached:
		ev.Agreed = g.pick(demoAgreed)
	case consent.OutcomeCallBack:
		ev.Callback = g.today.AddDate(0, 0, 1+g.rng.IntN(20)).Add(10 * time.Hour)
	}
	add(ev)
	if ev.Outcome == consent.OutcomeReached && room > 1 && g.chance(30) {
		pc := consent.PurposeChannel{Purpose: consent.PurposeProductInfo, Channel: consent.ChannelEmail}
		add(consent.Event{Kind: consent.KindConsentGranted, Purpose: pc.Purpose, Channel: pc.Channel, Method: consent.MethodVerbalEmail,
			Pending: true, Evidence: "given by phone; to be confirmed by the follow-up email"})
	}
}

// introducer is an earlier customer's id, or 0 before the first customer.
func (g *demoGen) introducer() uint64 {
	if len(g.customers) == 0 {
		return 0
	}
	return g.customers[g.rng.IntN(len(g.customers))]
}
