package chart

import (
	"fmt"

	"gonum.org/v1/plot"

	"warmlead/consent/insight"
	"warmlead/consent/locale"
)

// maxIntroducers is how many introducers the referrals chart names.
const maxIntroducers = 10

// maxNameRunes keeps an introducer's name on the axis short.
const maxNameRunes = 22

// attempts stacks, per number of calls it took, the people reached, one
// colour per source, with the people never reached as the last bar; the
// legend gives each source's mean.
func attempts(f insight.Figures, o Options, w texts) *plot.Plot {
	p := newPlot(w["attempts.title"], w["people"], o.Lang)
	if len(f.Attempts) == 0 {
		return empty(p, w)
	}
	names := make([]string, 0, len(insight.AttemptBuckets)+1)
	for _, b := range insight.AttemptBuckets {
		names = append(names, b.Label)
	}
	names = append(names, w["attempts.never"])
	var ss []series
	for i, a := range f.Attempts {
		vs := make([]float64, 0, len(names))
		for _, n := range a.ByAttempts {
			vs = append(vs, float64(n))
		}
		vs = append(vs, float64(a.NeverReached))
		mean := "—" // no one reached: there is no mean, not a mean of zero
		if a.Reached > 0 {
			mean = locale.Decimal(o.Lang, a.Mean(), 1)
		}
		label := fmt.Sprintf(w["attempts.legend"], o.source(a.Source), mean)
		ss = append(ss, series{label, vs, palette[i%len(palette)]})
	}
	grouped(p, o, names, ss, true, false)
	p.X.Label.Text = w["attempts.x"]
	return p
}

// firstContact is one bar per delay, the people not contacted yet in grey.
func firstContact(f insight.Figures, o Options, w texts) *plot.Plot {
	p := newPlot(w["first.title"], w["people"], o.Lang)
	if f.Prospects == 0 {
		return empty(p, w)
	}
	n := len(insight.FirstContactBuckets)
	names := make([]string, 0, n+1)
	done := make([]float64, 0, n+1)
	for i := range insight.FirstContactBuckets {
		names = append(names, w[fmt.Sprintf("first.%d", i)])
		done = append(done, float64(f.FirstContact.ByDays[i]))
	}
	names = append(names, w["first.never"])
	never := make([]float64, n+1)
	never[n] = float64(f.FirstContact.Never)
	done = append(done, 0)
	grouped(p, o, names, []series{{"", done, colAccent}, {"", never, colMuted}}, true, false)
	return p
}

// funnel groups, per source, the four stages side by side.
func funnel(f insight.Figures, o Options, w texts) *plot.Plot {
	p := newPlot(w["funnel.title"], w["people"], o.Lang)
	if len(f.Funnel) == 0 {
		return empty(p, w)
	}
	names := make([]string, len(f.Funnel))
	stages := make([][]float64, 4)
	for i, r := range f.Funnel {
		names[i] = o.source(r.Source)
		for s, v := range []int{r.Collected, r.Reached, r.Granted, r.NextStep} {
			stages[s] = append(stages[s], float64(v))
		}
	}
	grouped(p, o, names, []series{
		{w["funnel.collected"], stages[0], colMuted},
		{w["funnel.reached"], stages[1], colAccent},
		{w["funnel.granted"], stages[2], colGood},
		{w["funnel.next"], stages[3], palette[1]},
	}, false, false)
	return p
}

// referrals is a horizontal bar per introducer (most referrals on top),
// referred beside approved, the approval rate after the name.
func referrals(f insight.Figures, o Options, w texts) *plot.Plot {
	p := newPlot(w["referrals.title"], "", o.Lang)
	if len(f.Referrals) == 0 {
		return empty(p, w)
	}
	// The introducers with most referrals, by name; the rest are counted
	// on the axis, not drawn as one bar that would dwarf them.
	rs, xLabel := f.Referrals, w["people"]
	if len(rs) > maxIntroducers {
		xLabel = fmt.Sprintf(w["referrals.others"], locale.Number(o.Lang, len(rs)-maxIntroducers))
		rs = rs[:maxIntroducers]
	}
	// gonum draws the first category at the bottom: reverse, so the
	// introducer with the most referrals is on top.
	names := make([]string, len(rs))
	referred, approved := make([]float64, len(rs)), make([]float64, len(rs))
	for i, r := range rs {
		j := len(rs) - 1 - i
		name := r.Name
		if r.ID == 0 && name == "" {
			name = w["referrals.unknown"]
		}
		if rn := []rune(name); len(rn) > maxNameRunes {
			name = string(rn[:maxNameRunes-1]) + "…"
		}
		names[j] = name + " · " + locale.Percent(o.Lang, r.ApprovalRate())
		referred[j], approved[j] = float64(r.Referred), float64(r.Approved)
	}
	grouped(p, o, names, []series{{w["referrals.approved"], approved, colGood}, {w["referrals.referred"], referred, colAccent}}, false, true)
	p.X.Tick.Marker = wholeTicks{o.Lang}
	p.X.Label.Text = xLabel
	return p
}

// months groups each month's grants and withdrawals; with many months only
// some are named, so the names do not run into each other.
func months(f insight.Figures, o Options, w texts) *plot.Plot {
	p := newPlot(w["months.title"], w["consents"], o.Lang)
	if len(f.Months) == 0 {
		return empty(p, w)
	}
	every := (len(f.Months) + 11) / 12
	names := make([]string, len(f.Months))
	granted, withdrawn := make([]float64, len(f.Months)), make([]float64, len(f.Months))
	for i, m := range f.Months {
		if (len(f.Months)-1-i)%every == 0 {
			names[i] = locale.ShortMonth(o.Lang, m.Month)
		}
		granted[i], withdrawn[i] = float64(m.Granted), float64(m.Withdrawn)
	}
	grouped(p, o, names, []series{{w["months.granted"], granted, colGood}, {w["months.withdrawn"], withdrawn, colBad}}, false, false)
	return p
}
