package pdfreport

import (
	"io"
	"strconv"
	"strings"

	"warmlead/consent"
)

// ChainStatus is what verifying a prospect's ledger found: the hash of its
// newest event, and whether every event's hash and link checked out (if not,
// Problem says where it broke).
type ChainStatus struct {
	LastHash string
	Verified bool
	Problem  string
}

// VerifyRecord checks r's ledger with consent.VerifyChain.
func VerifyRecord(r consent.Record) ChainStatus {
	c := ChainStatus{LastHash: consent.LastHash(r.Events), Verified: true}
	if err := consent.VerifyChain(r.Events); err != nil {
		c.Verified, c.Problem = false, err.Error()
	}
	return c
}

// evidenceChars is how much of an event's evidence the timeline quotes.
const evidenceChars = 200

// Summary writes the consent summary of one prospect: who they are, where
// the data came from and on which lawful basis, when they were informed,
// every consent by purpose and channel, the ledger's events with excerpts of
// their evidence, the do-not-call status, the end of retention, and the
// ledger's last hash with the result of verifying it (chain, as the caller
// verified it; see VerifyRecord).
func Summary(w io.Writer, r consent.Record, chain ChainStatus, m Meta) error {
	d := newDoc(m)
	d.summaryDocument(r, chain)
	return d.finish(w)
}

// summaryDocument is the whole document Summary writes.
func (d *doc) summaryDocument(r consent.Record, chain ChainStatus) {
	d.setTitle(d.summaryHeader(r))
	d.pdf.AddPage()
	d.summary(r, chain)
}

func (d *doc) summaryHeader(r consent.Record) string {
	return d.t("summary.title") + " · " + r.Prospect.Name
}

// summary draws one consent summary from the current position (a fresh
// page). The team report calls it once per prospect.
func (d *doc) summary(r consent.Record, chain ChainStatus) {
	p := r.Prospect
	months := d.m.Settings.RetentionMonths
	sub := p.Name
	if p.Company != "" {
		sub += " — " + p.Company
	}
	d.title(d.t("summary.title"), sub)

	// Identity.
	d.heading(d.t("sec.person"), lineH*4)
	d.kv(d.t("lbl.name"), p.Name, colInk)
	if p.Title != "" {
		d.kv(d.t("lbl.jobtitle"), p.Title, colInk)
	}
	d.kv(d.t("lbl.company"), orDash(p.Company), colInk)
	d.kv(d.t("lbl.email"), orDash(p.Email), colInk)
	phone := "—"
	if p.Phone != "" {
		phone = consent.FormatPhone(p.Phone)
	}
	d.kv(d.t("lbl.phone"), phone, colInk)
	if p.Lang != "" {
		d.kv(d.t("lbl.lang"), d.word("lang", p.Lang), colInk)
	}
	d.kv(d.t("lbl.id"), strconv.FormatUint(p.ID, 10)+" · "+d.tf("summary.added", d.dateTime(p.Created), d.dateTime(p.Updated)), colInk)

	// Source, lawful basis, notice.
	d.heading(d.t("sec.basis"), lineH*4)
	src := consent.SourceOf(r)
	d.kv(d.t("lbl.source"), d.sourceSentence(r), colInk)
	d.kv(d.t("lbl.basis"), d.word("basis", string(src)), colInk)
	dec := consent.Decide(r, consent.ChannelEmail, consent.PurposeFollowUp, d.now, months)
	dc := colBad
	if dec.Allowed {
		dc = colGood
	}
	d.kv(d.t("lbl.followup"), d.decisionSentence(r, dec)+" "+d.tf("summary.rule", dec.Rule), dc)
	d.kv(d.t("lbl.informed"), d.informedSentence(r), colInk)
	if e := objectionEvent(r); e != nil {
		d.kv(d.t("lbl.objection"), d.tf("summary.objection", d.dateTime(e.Time), orDash(e.Rep)), colBad)
	}
	if r.Suppressed {
		d.kv(d.t("lbl.erased"), d.t("summary.suppressed"), colBad)
	}

	d.consentMatrix(r)

	// Do-not-call and retention.
	d.heading(d.t("sec.dnc"), lineH*3)
	switch {
	case r.DNC != nil:
		reg := r.DNC.Register
		if reg == "" {
			reg = d.t("dnc.unnamed")
		}
		d.kv(d.t("lbl.dnc"), d.tf("dnc.on", phone, reg, d.date(r.DNC.Imported)), colBad)
	case p.Phone == "":
		d.kv(d.t("lbl.dnc"), d.t("dnc.nophone"), colMuted)
	default:
		d.kv(d.t("lbl.dnc"), d.tf("dnc.off", phone), colInk)
	}
	last := consent.LastActivity(r)
	ends := consent.RetentionEnds(r, months)
	d.kv(d.t("lbl.lastactivity"), d.date(last), colInk)
	switch {
	case ends.IsZero():
		d.kv(d.t("lbl.retention"), "—", colInk)
	case !d.now.Before(ends):
		d.kv(d.t("lbl.retention"), d.tf("retention.ended", d.date(ends), monthsOr(months)), colBad)
	default:
		d.kv(d.t("lbl.retention"), d.tf("retention.ends", d.date(ends), monthsOr(months)), colInk)
	}

	d.timeline(r)

	// Ledger integrity.
	d.heading(d.t("sec.chain"), lineH*3)
	hash := chain.LastHash
	if hash == "" {
		hash = consent.LastHash(r.Events)
	}
	d.kv(d.t("lbl.events"), d.num(len(r.Events)), colInk)
	d.hashLine(d.t("lbl.lasthash"), orDash(hash))
	switch {
	case len(r.Events) == 0:
		d.kv(d.t("lbl.verified"), d.t("chain.empty"), colMuted)
	case chain.Verified:
		d.kv(d.t("lbl.verified"), d.t("chain.ok"), colGood)
	default:
		d.kv(d.t("lbl.verified"), d.tf("chain.broken", chain.Problem), colBad)
	}
}

// hashLine is a kv line with the value in the mono font (a full SHA-256 in
// hex fits the value column).
func (d *doc) hashLine(label, hash string) {
	const lw = labelW
	p := d.pdf
	d.font("", sizeBody)
	d.ensure(lineH)
	d.textColor(colMuted)
	p.CellFormat(lw, lineH, d.fit(label, lw), "", 0, "L", false, 0, "")
	d.textColor(colInk)
	d.mono(sizeBody - 1)
	p.CellFormat(d.width-lw, lineH, d.fit(hash, d.width-lw), "", 1, "L", false, 0, "")
}

// sourceSentence says where the data came from, when and by whom.
func (d *doc) sourceSentence(r consent.Record) string {
	src := consent.SourceOf(r)
	parts := []string{d.word("source", string(src))}
	if src == "" {
		parts[0] = d.t("source.unknown")
	}
	var col *consent.Event
	for i := range r.Events {
		if r.Events[i].Kind == consent.KindCollected {
			col = &r.Events[i]
			break
		}
	}
	ev := r.Prospect.Event
	vendor := r.Prospect.ListVendor
	intro := r.Prospect.Introducer
	if col != nil {
		ev, vendor = firstNonEmpty(ev, col.EventName), firstNonEmpty(vendor, col.ListVendor)
		if intro == 0 {
			intro = col.Introducer
		}
	}
	if ev != "" {
		parts = append(parts, d.tf("source.at", ev))
	}
	if vendor != "" {
		parts = append(parts, d.tf("source.vendor", vendor))
	}
	if intro != 0 {
		parts = append(parts, d.tf("source.introducer", intro))
	}
	if col != nil {
		parts = append(parts, d.tf("source.collected", d.dateTime(col.Time), orDash(col.Rep)))
	} else {
		parts = append(parts, d.tf("source.created", d.dateTime(r.Prospect.Created)))
	}
	return strings.Join(parts, ", ")
}

// informedSentence says when the person got the privacy notice, or when it
// is due.
func (d *doc) informedSentence(r consent.Record) string {
	for i := range r.Events {
		if e := &r.Events[i]; e.Kind == consent.KindInformed {
			s := d.tf("informed.at", d.dateTime(e.Time), orDash(e.Rep))
			if e.Note != "" {
				s += " (" + e.Note + ")"
			}
			return s
		}
	}
	for _, due := range consent.DueItems(r, d.now, d.m.Settings.RetentionMonths) {
		if due.Kind == consent.DueNotice {
			if d.now.After(due.Date) {
				return d.tf("informed.overdue", d.date(due.Date))
			}
			return d.tf("informed.due", d.date(due.Date))
		}
	}
	return d.t("informed.no")
}

// consentMatrix draws the purpose × channel grid, then one line for every
// pair with a recorded status: when, how and by whom.
func (d *doc) consentMatrix(r consent.Record) {
	d.heading(d.t("sec.matrix"), rowH*4)
	purposes := purposesOf([]consent.Record{r})
	cols := []column{{d.t("col.purpose"), 1.6, "L"}}
	for _, ch := range consent.Channels {
		cols = append(cols, column{d.word("channel", string(ch)), 1.3, "L"})
	}
	type pc struct {
		p    consent.Purpose
		ch   consent.Channel
		cell consent.ConsentCell
	}
	var recorded []pc
	t := d.newTable(cols...)
	for _, pu := range purposes {
		cells := []cell{txt(d.word("purpose", string(pu)))}
		for _, ch := range consent.Channels {
			c := r.ConsentStateAt(pu, ch, d.now)
			s := d.word("status", string(c.Status))
			if c.Status != consent.StatusNone {
				s += " · " + d.date(c.Time)
				recorded = append(recorded, pc{pu, ch, c})
			}
			cells = append(cells, colored(s, statusColor(c.Status)))
		}
		t.row(cells...)
	}
	t.end()

	if len(recorded) == 0 {
		d.para(d.t("matrix.nothing"), colMuted)
		return
	}
	d.pdf.Ln(2)
	// Widths in millimetres, for the longest labels of the five
	// languages (TestDocumentsInEveryLanguage checks nothing is cut).
	t = d.newTable(
		column{d.t("col.purpose"), 29.5, "L"},
		column{d.t("col.channel"), 13.5, "L"},
		column{d.t("col.status"), 20, "L"},
		column{d.tf("col.datetime", d.zoneShort()), 32.5, "L"},
		column{d.t("col.method"), 31, "L"},
		column{d.t("col.by"), 22, "L"},
		column{d.t("col.until"), 31.5, "L"},
	)
	for _, x := range recorded {
		until := ""
		switch {
		case !x.cell.Expires.IsZero() && !x.cell.AskAgain.IsZero():
			until = d.tf("until.both", d.date(x.cell.Expires), d.date(x.cell.AskAgain))
		case !x.cell.Expires.IsZero():
			until = d.tf("until.expires", d.date(x.cell.Expires))
		case !x.cell.AskAgain.IsZero():
			until = d.tf("until.ask", d.date(x.cell.AskAgain))
		}
		t.row(
			cell{s: d.word("purpose", string(x.p)), wrap: true},
			txt(d.word("channel", string(x.ch))),
			colored(d.word("status", string(x.cell.Status)), statusColor(x.cell.Status)),
			txt(d.dateTimeSec(x.cell.Time)),
			cell{s: d.word("method", string(x.cell.Method)), wrap: true},
			txt(x.cell.Rep),
			cell{s: until, wrap: true},
		)
	}
	t.end()
}

// timeline lists the ledger's events, each with an excerpt of its evidence.
func (d *doc) timeline(r consent.Record) {
	d.heading(d.t("sec.timeline"), 40)
	if len(r.Events) == 0 {
		d.para(d.t("timeline.empty"), colMuted)
		return
	}
	const evidenceH = 3.4
	t := d.newTable(
		column{"#", 6, "R"},
		column{d.tf("col.datetime", d.zoneShort()), 32.5, "L"},
		column{d.t("col.event"), 37, "L"},
		column{d.t("col.details"), 62.5, "L"},
		column{d.t("col.by"), 24, "L"},
		column{d.t("col.hash"), 18, "L"},
	)
	indent := t.widths[0] + t.widths[1]
	for i := range r.Events {
		e := &r.Events[i]
		var lines []string
		if ev := e.Evidence; ev != "" {
			if e.Kind == consent.KindCardImage {
				ev = e.Note // the photo is no text to quote: what was kept
			}
			d.italic(sizeSmall)
			lines = d.pdf.SplitText(d.tf("timeline.evidence", oneLine(ev, evidenceChars)), d.width-indent)
		}
		t.keep(rowH + wrapH + float64(len(lines))*evidenceH)
		hash := e.Hash
		if len(hash) > 10 {
			hash = hash[:10]
		}
		t.row(
			colored(strconv.FormatUint(e.Seq, 10), colMuted),
			txt(d.dateTimeSec(e.Time)),
			cell{s: d.word("kind", string(e.Kind)), bold: true, wrap: true},
			cell{s: d.eventDetails(e), wrap: true},
			txt(e.Rep),
			cell{s: hash, c: colMuted, mono: true},
		)
		if len(lines) > 0 {
			t.rows-- // the evidence belongs to the row above: keep its zebra
			p := d.pdf
			d.italic(sizeSmall)
			d.textColor(colMuted)
			if t.rows%2 == 1 {
				d.fillColor(colZebra)
			}
			for _, l := range lines {
				p.SetX(marginL)
				p.CellFormat(indent, evidenceH, "", "", 0, "L", t.rows%2 == 1, 0, "")
				p.CellFormat(d.width-indent, evidenceH, d.fit(l, d.width-indent), "", 1, "L", t.rows%2 == 1, 0, "")
			}
			p.Ln(0.6)
			d.textColor(colInk)
			t.rows++
		}
	}
	t.end()
}

// eventDetails is the one-line description of what an event records.
func (d *doc) eventDetails(e *consent.Event) string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	switch e.Kind {
	case consent.KindCollected:
		add(d.word("source", string(e.Source)))
		if e.EventName != "" {
			add(d.tf("source.at", e.EventName))
		}
		if e.ListVendor != "" {
			add(d.tf("source.vendor", e.ListVendor))
		}
		if e.Introducer != 0 {
			add(d.tf("source.introducer", e.Introducer))
		}
	case consent.KindConsentGranted, consent.KindConsentRefused, consent.KindConsentWithdrawn, consent.KindObjection:
		pu, ch := d.word("purpose", string(e.Purpose)), d.word("channel", string(e.Channel))
		switch {
		case pu != "" && ch != "":
			add(d.tf("detail.pc", pu, d.inSentence(ch)))
		case pu != "":
			add(d.tf("detail.allchannels", pu))
		case ch != "":
			add(d.tf("detail.allpurposes", d.inSentence(ch)))
		default:
			add(d.t("detail.everything"))
		}
		add(d.word("method", string(e.Method)))
		if e.Pending {
			add(d.t("detail.pending"))
		}
		if !e.Expires.IsZero() {
			add(d.tf("until.expires", d.date(e.Expires)))
		}
		if !e.AskAgain.IsZero() {
			add(d.tf("until.ask", d.date(e.AskAgain)))
		}
	case consent.KindCallLogged:
		add(d.word("outcome", e.Outcome))
		if e.Agreed != "" {
			add(d.tf("detail.agreed", oneLine(e.Agreed, 80)))
		}
		if !e.Callback.IsZero() {
			add(d.tf("detail.callback", d.date(e.Callback)))
		}
	case consent.KindRectified:
		add(d.tf("detail.rectified", d.word("field", e.Field), oneLine(e.Old, 40), oneLine(e.New, 40)))
	case consent.KindReferralApproved, consent.KindReferralDeclined, consent.KindReferralRequested:
		if e.Channel != "" {
			add(d.word("channel", string(e.Channel)))
		}
		if e.Introducer != 0 {
			add(d.tf("source.introducer", e.Introducer))
		}
	}
	add(oneLine(e.Note, 120))
	return strings.Join(parts, " · ")
}

// objectionEvent is the first "do not contact me", as the policy reads it.
func objectionEvent(r consent.Record) *consent.Event {
	for i := range r.Events {
		e := &r.Events[i]
		if e.Kind == consent.KindObjection || (e.Kind == consent.KindCallLogged && e.Outcome == consent.OutcomeDoNotCall) {
			return e
		}
	}
	return nil
}

// purposesOf is the default purposes, then any custom purpose the records'
// events name, in order of first appearance.
func purposesOf(recs []consent.Record) []consent.Purpose {
	out := append([]consent.Purpose(nil), consent.Purposes...)
	seen := map[consent.Purpose]bool{}
	for _, p := range out {
		seen[p] = true
	}
	for _, r := range recs {
		for i := range r.Events {
			if p := r.Events[i].Purpose; p != "" && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func monthsOr(m int) int {
	if m <= 0 {
		return consent.DefaultRetentionMonths
	}
	return m
}
