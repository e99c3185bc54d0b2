package ui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
)

// callsScreen is the call list: call-backs due first, then by last attempt.
// Each row shows the number, the attempts so far and the policy's answer for
// phone + follow-up; a blocked number cannot be called and says why.
type callsScreen struct {
	g      *GUI
	list   *widget.List
	all    []callRow // the call list
	rows   []callRow // what the search and filter show
	filter *listFilter
	root   *fyne.Container
	empty  fyne.CanvasObject
	// The policy's answers, read for the rows shown (calls_decide.go):
	// ordering the list needs none, and deciding for everyone means
	// reading every ledger. A row without one is not decided yet.
	decisions map[uint64]consent.Decision
	asked     map[uint64]struct{} // to decide next
	deciding  bool
	waitAll   bool        // every answer is being read, for "Callable now"
	gen       uint64      // counts refreshes: answers read for an older list are dropped
	dialog    *callDialog // the last call log opened here, for tests and the perf probe
}

// callRow is the read model's entry: the id, the order's keys and the
// folded name and company for the search. The rest of the prospect is read
// for the rows drawn (Cached): 76,000 whole prospects would be tens of
// megabytes the window holds for nothing. The policy's answer is in
// decisions.
type callRow = store.CallEntry

func newCallsScreen(g *GUI) *callsScreen {
	c := &callsScreen{g: g, root: container.NewStack(), decisions: map[uint64]consent.Decision{}, asked: map[uint64]struct{}{}}
	c.empty = emptyState(theme.MediaRecordIcon(), lang.L("No one to call yet"),
		lang.L("Prospects with a phone number appear here, call-backs first. Add a business card or a cold-call prospect with a number."))
	c.list = widget.NewList(func() int { return len(c.rows) }, c.newRow, c.updateRow)
	c.filter = newListFilter([]string{lang.L("Everyone"), lang.L("Call-backs"), lang.L("Callable now")}, c.applyFilter)
	return c
}

func (c *callsScreen) newRow() fyne.CanvasObject {
	// Empty texts: updateRow fills them; a label's height does not depend on its text.
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	info := widget.NewLabel("")
	why := widget.NewLabel("")
	why.Truncation = fyne.TextTruncateEllipsis
	call := widget.NewButtonWithIcon(lang.L("Call"), theme.MediaRecordIcon(), nil)
	logBtn := widget.NewButtonWithIcon(lang.L("Log call"), theme.DocumentCreateIcon(), nil)
	// The number, attempts and call-back on a line of their own: beside a
	// long name they were cut ("call back 2 Dec, 10:0", "0 poging").
	return container.NewBorder(nil, nil, nil, container.NewHBox(call, logBtn), container.NewVBox(container.NewHBox(name), info, why))
}

func (c *callsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	row := c.rows[i]
	p := c.prospect(row)
	box := o.(*fyne.Container)
	text := box.Objects[0].(*fyne.Container)
	top := text.Objects[0].(*fyne.Container)
	top.Objects[0].(*widget.Label).SetText(joinNonEmpty(" · ", p.Name, p.Company))
	info := consent.FormatPhone(p.Phone) + " · " + lang.N("{{.Count}} attempt", row.Attempts, map[string]any{"Count": i18n.Number(row.Attempts)})
	if !row.Callback.IsZero() {
		info += " · " + lang.L("call back {{.When}}", map[string]any{"When": i18n.DayMonthTime(row.Callback)})
	}
	text.Objects[1].(*widget.Label).SetText(info)
	why := text.Objects[2].(*widget.Label)
	d, decided := c.decisions[row.ID]
	ok, reason := callable(d)
	if !decided {
		c.ask(row.ID)
		ok, reason = false, lang.L("Checking whether you may call…")
		why.Importance = widget.MediumImportance
	}
	why.SetText(reason)
	switch {
	case !decided:
	case ok:
		why.Importance = widget.SuccessImportance
	default:
		why.Importance = widget.DangerImportance
	}
	why.Refresh()
	buttons := box.Objects[1].(*fyne.Container)
	call := buttons.Objects[0].(*widget.Button)
	logBtn := buttons.Objects[1].(*widget.Button)
	call.OnTapped = func() { c.onCall(row) }
	logBtn.OnTapped = func() { c.openLog(row.ID) }
	if ok {
		call.Enable()
	} else {
		call.Disable()
	}
}

func (c *callsScreen) content() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(heading(lang.L("Calls")), c.filter.bar), nil, nil, nil, c.root)
}

// refresh reads the call list from the read model and the policy's
// answers for its first rows, then shows it; after a write (a logged
// call) the list in view stays until the new order replaces it.
func (c *callsScreen) refresh() {
	g := c.g
	if len(c.all) == 0 {
		showLoading(c.root, lang.L("Reading the call list…"))
	}
	var rows []callRow
	var decided map[uint64]consent.Decision
	g.background(func() error {
		var err error
		if rows, err = g.uc.Calls.List(nil); err != nil {
			return err
		}
		decided, err = c.decideFirst(rows)
		return err
	}, func(err error) {
		if err != nil {
			c.root.Objects = []fyne.CanvasObject{widget.NewLabel(errorText(err))}
			c.root.Refresh()
			return
		}
		// Every answer is read again after a write: a consent or an
		// objection recorded elsewhere changes it without moving the row.
		c.all = rows
		c.decisions, c.asked = decided, map[uint64]struct{}{}
		c.gen++
		c.show()
	})
}

// applyFilter shows the rows the search and the filter keep. "Callable
// now" needs everyone's answer: the first time it is chosen after a
// refresh, the missing ones are read first (decideAll).
func (c *callsScreen) applyFilter() {
	if c.filter.choice() == 2 && c.undecided() {
		c.decideAll()
		return
	}
	c.filterRows()
	c.list.Refresh()
}

// show is applyFilter after the rows changed: the list is shown (or the
// empty screen), with one refresh of its visible rows.
func (c *callsScreen) show() {
	if c.filter.choice() == 2 && c.undecided() {
		c.decideAll()
		return
	}
	c.filterRows()
	showRows(c.root, len(c.all), c.empty, c.list, c.list)
}

// filterRows: everyone unsearched is the list itself (76,000 rows are not
// copied); a narrower view gets its own slice. The caller refreshes.
func (c *callsScreen) filterRows() {
	if c.filter.choice() == 0 && len(c.filter.words) == 0 {
		c.rows = c.all
		return
	}
	c.rows = nil
	for _, r := range c.all {
		ok, _ := callable(c.decisions[r.ID]) // not decided: not callable
		switch c.filter.choice() {
		case 1:
			ok = !r.Callback.IsZero()
		case 0:
			ok = true
		}
		if ok && c.filter.matchesFolded(r.Name, r.Company) {
			c.rows = append(c.rows, r)
		}
	}
}

func (c *callsScreen) searchEntry() *widget.Entry { return c.filter.search }

// onCall hands the number to the desktop's phone handler (a softphone or
// Teams) and opens the log, so the outcome is recorded while it is fresh.
func (c *callsScreen) onCall(row callRow) {
	c.g.touch()
	if ok, _ := callable(c.decisions[row.ID]); !ok {
		return
	}
	// The log opens either way: a rep without a softphone dials by hand.
	u := &url.URL{Scheme: "tel", Opaque: c.prospect(row).Phone}
	openOrOffer(c.g, u, noProgramText(u), consent.FormatPhone(u.Opaque), nil)
	c.openLog(row.ID)
}

// prospect is the row's prospect from the in-memory index; the zero
// prospect (an empty row) when they were erased since the list was read.
func (c *callsScreen) prospect(row callRow) consent.Prospect {
	p, _ := c.g.db.Index().Cached(row.ID)
	return p
}

// openLog opens the call log for a person on the list; when the call is
// logged, their row moves (afterLog) instead of the list being read again.
func (c *callsScreen) openLog(id uint64) {
	c.withRecord(id, func(rec consent.Record) {
		move := c.afterLog(id)
		done := c.refresh
		if move != nil { // the row moves; a follow-up marked sent later changes their answer
			done = func() { delete(c.decisions, id); c.ask(id) }
		}
		c.dialog = showCallDialog(c.g, rec, done)
		c.dialog.prepare = move
	})
}

// callable says whether the Call button may be used. The policy answers for
// phone follow-up; for a cold-call prospect not reached yet it says
// "blocked" only because follow-up needs a reached call, and the cold call
// itself is how they are reached. A register, an objection, a refusal or a
// withdrawal still blocks: those rules come first in the decision order.
func callable(d consent.Decision) (bool, string) {
	if d.Rule == consent.RuleSourceColdCallPending {
		return true, lang.L("Cold call allowed: the number is on no do-not-call register and nobody objected. If you reach them and they do not refuse, you may follow up.")
	}
	return d.Allowed, i18n.TextOr(d.Message, d.Reason)
}

// withRecord reads the row's whole record (the list keeps only its calls)
// and hands it to then on the UI goroutine.
func (c *callsScreen) withRecord(id uint64, then func(consent.Record)) {
	var rec consent.Record
	c.g.background(func() error {
		var err error
		rec, err = c.g.db.Record(id)
		return err
	}, func(err error) {
		if err != nil {
			c.g.showError(err)
			return
		}
		then(rec)
	})
}
