package usecase

import (
	"slices"
	"time"

	"warmlead/consent"
	"warmlead/consent/insight"
	"warmlead/store"
)

// insightStore is what the figures need of a store: one streaming pass
// over every record, and the names of introducers from the read model.
// *store.DB has both, the rep's own database and a manager's team mirror
// alike (InsightOver).
type insightStore interface {
	ForEachRecord(fn func(consent.Record) error) ([]error, error)
	Index() store.Index
}

// Insight computes what works (consent/insight) from the ledgers: the
// Insight screen, the PDF page "What works" and `warmlead insight`.
type Insight struct {
	env Env
	st  insightStore
}

// InsightOver is the Insight family over another database than the app's,
// such as the team mirror a manager reads: the same figures, the team's data.
func InsightOver(st insightStore, env Env) *Insight { return &Insight{env: env, st: st} }

// InsightRequest is a period and a rep; zero fields select all. Progress,
// if not nil, hears how many prospects of about how many were read, every
// insightProgressEvery of them.
type InsightRequest struct {
	From, To time.Time // collection days (and consent event days), inclusive
	Rep      string
	Progress func(done, total int)
}

// InsightResult is the figures and the prospects that could not be read
// (left out of them, named by id in the problems).
type InsightResult struct {
	insight.Figures
	Problems []error
}

const insightProgressEvery = 2000

var (
	errInsightPeriod = newTemplate(CodeInvalid, "insight: the period starts on {{.From}}, after it ends on {{.To}}")
	errInsightRep    = newTemplate(CodeNotFound, "insight: no event in this database was recorded by that rep: 'warmlead insight --json' lists the reps who recorded events")
)

// Figures streams every record once through an insight.Tally: the memory
// of one ledger at a time, whatever the size of the store. Days and months
// are counted in the time zone of the clock (Env.Now). The introducers'
// names come from the read model.
func (in *Insight) Figures(req InsightRequest) (InsightResult, error) {
	if !req.From.IsZero() && !req.To.IsZero() && req.From.After(req.To) {
		return InsightResult{}, errInsightPeriod.New("From", req.From.Format(time.DateOnly), "To", req.To.Format(time.DateOnly))
	}
	t := insight.NewTally(insight.Filter{From: req.From, To: req.To, Rep: req.Rep, Loc: in.env.now().Location()})
	total, done := in.st.Index().Count(), 0
	problems, err := in.st.ForEachRecord(func(r consent.Record) error {
		t.Add(r)
		if done++; req.Progress != nil && done%insightProgressEvery == 0 {
			req.Progress(done, max(total, done))
		}
		return nil
	})
	if err != nil {
		return InsightResult{}, err
	}
	figs := t.Figures()
	if req.Rep != "" && !slices.Contains(figs.Reps, req.Rep) {
		return InsightResult{}, errInsightRep.New()
	}
	nameIntroducers(&figs, in.st)
	if req.Progress != nil {
		req.Progress(done, done)
	}
	return InsightResult{Figures: figs, Problems: problems}, nil
}

// nameIntroducers fills the introducers' names from the read model of st,
// when st has one (a store does; a fake may not).
func nameIntroducers(figs *insight.Figures, st any) {
	ix, ok := st.(interface{ Index() store.Index })
	if !ok {
		return
	}
	for i := range figs.Referrals {
		if p, ok := ix.Index().Cached(figs.Referrals[i].ID); ok && figs.Referrals[i].ID != 0 {
			figs.Referrals[i].Name = p.Name
		}
	}
}
