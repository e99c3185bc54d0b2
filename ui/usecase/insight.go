package usecase

import (
	"slices"
	"sync"
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
	Generation() uint64 // moves with every write: when the cached cube is stale
}

// Insight computes what works (consent/insight) from the ledgers: the
// Insight screen, the PDF page "What works" and `warmlead insight`.
type Insight struct {
	env Env
	st  insightStore

	mu           sync.Mutex
	cube         *insight.Cube // the last pass, by month and rep (fromCube)
	cubeGen      uint64        // the store's generation it counted
	cubeProblems []error
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

// Figures computes the figures req asks for, streaming the records (the
// memory of one ledger at a time, whatever the size of the store). Days and
// months are counted in the time zone of the clock (Env.Now). A period of
// whole months (the screen's choices) is summed from a cube of the last
// pass, kept until the store's generation moves (any write), so changing
// the screen's filters does not read the store again; other days take a
// pass of their own. The introducers' names come from the read model.
func (in *Insight) Figures(req InsightRequest) (InsightResult, error) {
	if !req.From.IsZero() && !req.To.IsZero() && req.From.After(req.To) {
		return InsightResult{}, errInsightPeriod.New("From", req.From.Format(time.DateOnly), "To", req.To.Format(time.DateOnly))
	}
	f := insight.Filter{From: req.From, To: req.To, Rep: req.Rep, Loc: in.env.now().Location()}
	var (
		res InsightResult
		err error
	)
	if insight.NewCube(f.Loc).Answers(f) {
		res, err = in.fromCube(f, req.Progress)
	} else {
		t := insight.NewTally(f)
		res.Problems, err = in.pass(t.Add, req.Progress)
		res.Figures = t.Figures()
	}
	if err != nil {
		return InsightResult{}, err
	}
	if req.Rep != "" && !slices.Contains(res.Reps, req.Rep) {
		return InsightResult{}, errInsightRep.New()
	}
	nameIntroducers(&res.Figures, in.st)
	return res, nil
}

// fromCube sums f from the cached cube, after a pass when the store has
// changed since. The lock makes a second request wait for the pass the
// first one started rather than start its own.
func (in *Insight) fromCube(f insight.Filter, progress func(done, total int)) (InsightResult, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	gen := in.st.Generation()
	if in.cube == nil || in.cubeGen != gen {
		cube := insight.NewCube(f.Loc)
		problems, err := in.pass(cube.Add, progress)
		if err != nil {
			return InsightResult{}, err
		}
		in.cube, in.cubeGen, in.cubeProblems = cube, gen, problems
	}
	figs, _ := in.cube.Figures(f)
	return InsightResult{Figures: figs, Problems: in.cubeProblems}, nil
}

// pass feeds every record to add, telling progress every
// insightProgressEvery records and at the end.
func (in *Insight) pass(add func(consent.Record), progress func(done, total int)) ([]error, error) {
	total, done := in.st.Index().Count(), 0
	problems, err := in.st.ForEachRecord(func(r consent.Record) error {
		add(r)
		if done++; progress != nil && done%insightProgressEvery == 0 {
			progress(done, max(total, done))
		}
		return nil
	})
	if err == nil && progress != nil {
		progress(done, done)
	}
	return problems, err
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
