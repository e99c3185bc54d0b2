package pdfreport

import (
	"io"
	"strconv"
	"time"

	"warmlead/consent"
)

// RegisterInfo describes one imported do-not-call register (its numbers are
// held only as keyed hashes).
type RegisterInfo struct {
	Name     string
	Numbers  int
	Imported time.Time
}

// heldCounts are the actual amounts of data the register reports.
type heldCounts struct {
	prospects, withEmail, withPhone, events, consentEvents, calls, evidence int
	perSource                                                               map[consent.Source]int
	thirdParty                                                              int // prospects with third-party sharing granted now
	onDNC                                                                   int
}

func countHeld(recs []consent.Record, now time.Time) heldCounts {
	h := heldCounts{prospects: len(recs), perSource: map[consent.Source]int{}}
	for _, r := range recs {
		if r.Prospect.Email != "" {
			h.withEmail++
		}
		if r.Prospect.Phone != "" {
			h.withPhone++
		}
		if r.DNC != nil {
			h.onDNC++
		}
		h.perSource[consent.SourceOf(r)]++
		h.events += len(r.Events)
		for i := range r.Events {
			e := &r.Events[i]
			switch e.Kind {
			case consent.KindConsentGranted, consent.KindConsentRefused, consent.KindConsentWithdrawn, consent.KindObjection:
				h.consentEvents++
			case consent.KindCallLogged:
				h.calls++
			}
			if e.Evidence != "" {
				h.evidence++
			}
		}
		for _, ch := range consent.Channels {
			if r.ConsentStateAt(consent.PurposeThirdParty, ch, now).Status == consent.StatusGranted {
				h.thirdParty++
				break
			}
		}
	}
	return h
}

// category is one category of personal data in the register.
type category struct {
	name, data, purposes, basis, retention, held string
}

// Register writes the record of processing activities (GDPR Art. 30(1)):
// the controller, each category of personal data Warmlead holds with its
// purposes, lawful bases and retention, the recipients, the security
// measures, and the actual amounts of data in recs and the do-not-call
// registers regs.
func Register(w io.Writer, recs []consent.Record, regs []RegisterInfo, m Meta) error {
	d := newDoc(m)
	t := NewRegisterTally(d.now)
	for _, r := range recs {
		t.Add(r)
	}
	d.register(t, regs)
	return d.finish(w)
}

func (d *doc) register(tally *RegisterTally, regs []RegisterInfo) {
	d.setTitle(d.t("reg.title"))
	d.pdf.AddPage()
	months := monthsOr(d.m.Settings.RetentionMonths)
	h := tally.held
	numbers := 0
	for _, r := range regs {
		numbers += r.Numbers
	}

	d.title(d.t("reg.title"), d.tf("reg.subtitle", d.date(d.now)))

	d.heading(d.t("reg.sec.controller"), lineH*4)
	d.kv(d.t("reg.controller"), orDash(d.m.company()), colInk)
	d.kv(d.t("reg.contact"), orDash(d.m.Settings.Rep), colInk)
	if d.m.Settings.PrivacyURL != "" {
		d.kv(d.t("reg.privacy"), d.m.Settings.PrivacyURL, colInk)
	}
	d.kv(d.t("reg.system"), d.t("reg.system.v"), colInk)
	d.kv(d.t("reg.subjects"), d.tf("reg.subjects.v", d.num(h.prospects)), colInk)
	d.kv(d.t("reg.purpose"), d.t("reg.purpose.v"), colInk)

	d.heading(d.t("reg.sec.categories"), lineH*8)
	ret := d.tf("reg.ret.activity", months)
	cats := []category{
		{d.t("cat.identity"), d.t("cat.identity.data"), d.t("cat.identity.purp"), d.t("cat.identity.basis"), ret,
			d.tf("held.prospects", d.num(h.prospects))},
		{d.t("cat.contact"), d.t("cat.contact.data"), d.t("cat.contact.purp"), d.t("cat.contact.basis"), ret,
			d.tf("held.contact", d.num(h.withEmail), d.num(h.withPhone))},
		{d.t("cat.source"), d.t("cat.source.data"), d.t("cat.source.purp"), d.t("cat.source.basis"), ret,
			d.tf("held.prospects", d.num(h.prospects))},
		{d.t("cat.consent"), d.t("cat.consent.data"), d.t("cat.consent.purp"), d.t("cat.consent.basis"), ret + " " + d.t("reg.ret.ledger"),
			d.tf("held.consent", d.num(h.consentEvents), d.num(h.evidence))},
		{d.t("cat.calls"), d.t("cat.calls.data"), d.t("cat.calls.purp"), d.t("cat.calls.basis"), ret,
			d.tf("held.calls", d.num(h.calls))},
		{d.t("cat.dnc"), d.t("cat.dnc.data"), d.t("cat.dnc.purp"), d.t("cat.dnc.basis"), d.t("cat.dnc.ret"),
			d.tf("held.dnc", d.num(len(regs)), d.num(numbers), d.num(h.onDNC))},
		{d.t("cat.audit"), d.t("cat.audit.data"), d.t("cat.audit.purp"), d.t("cat.audit.basis"), d.t("cat.audit.ret"), ""},
		{d.t("cat.suppress"), d.t("cat.suppress.data"), d.t("cat.suppress.purp"), d.t("cat.suppress.basis"), d.t("cat.suppress.ret"), ""},
	}
	for i, c := range cats {
		d.pdf.Ln(1)
		d.ensure(lineH * 6)
		d.font("B", sizeBody+0.5)
		d.textColor(colInk)
		d.pdf.CellFormat(d.width, lineH+0.6, d.fit(strconv.Itoa(i+1)+". "+c.name, d.width), "", 1, "L", false, 0, "")
		d.kv(d.t("reg.data"), c.data, colInk)
		d.kv(d.t("reg.purposes"), c.purposes, colInk)
		d.kv(d.t("reg.basis"), c.basis, colInk)
		d.kv(d.t("reg.retention"), c.retention, colInk)
		if c.held != "" {
			d.kv(d.t("reg.held"), c.held, colInk)
		}
	}

	d.heading(d.t("reg.sec.recipients"), lineH*3)
	if h.thirdParty == 0 {
		d.para(d.tf("reg.recipients.none", orDash(d.m.company())), colInk)
	} else {
		d.para(d.tf("reg.recipients.some", orDash(d.m.company()), d.num(h.thirdParty)), colInk)
	}
	d.pdf.Ln(1)
	d.para(d.t("reg.transfers"), colInk)

	d.heading(d.t("reg.sec.security"), lineH*4)
	for _, id := range []string{"sec.m.encryption", "sec.m.key", "sec.m.blind", "sec.m.ledger", "sec.m.audit", "sec.m.erasure", "sec.m.exports", "sec.m.minimal"} {
		d.bullet(d.t(id))
	}

	d.heading(d.t("reg.sec.counts"), rowH*5)
	t := d.newTable(
		column{d.t("col.source"), 1.4, "L"},
		column{d.t("col.prospects"), 0.8, "R"},
		column{d.t("col.basisdefault"), 4.5, "L"},
	)
	for _, s := range consent.Sources {
		t.row(txt(d.word("source", string(s))), txt(d.num(h.perSource[s])), cell{s: d.word("basis", string(s)), c: colMuted, wrap: true})
	}
	if n := h.perSource[""]; n > 0 {
		t.row(txt(d.t("source.unknown")), txt(d.num(n)), txt(""))
	}
	t.row(cell{s: d.t("total"), bold: true}, cell{s: d.num(h.prospects), bold: true}, txt(""))
	t.end()

	d.pdf.Ln(2)
	d.font("B", sizeBody)
	d.ensure(rowH * 5)
	d.pdf.CellFormat(d.width, lineH+1, d.t("reg.consents"), "", 1, "L", false, 0, "")
	d.para(d.t("counts.note"), colMuted)
	d.pdf.Ln(1)
	d.countsRows(tally.status, tally.purposes)

	d.pdf.Ln(2)
	d.font("B", sizeBody)
	d.ensure(rowH * 4)
	d.pdf.CellFormat(d.width, lineH+1, d.t("reg.registers"), "", 1, "L", false, 0, "")
	if len(regs) == 0 {
		d.para(d.t("reg.registers.none"), colMuted)
	} else {
		t := d.newTable(
			column{d.t("col.register"), 3, "L"},
			column{d.t("col.numbers"), 1, "R"},
			column{d.t("col.imported"), 1.4, "L"},
		)
		for _, r := range regs {
			t.row(txt(r.Name), txt(d.num(r.Numbers)), txt(d.dateTime(r.Imported)))
		}
		t.end()
	}
}
