package chart

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/consent/insight"
	"warmlead/consent/locale"
)

// sample is a small set of figures with every chart's bars in use.
func sample() insight.Figures {
	month := func(m time.Month, g, w int) insight.MonthConsent {
		return insight.MonthConsent{Month: time.Date(2026, m, 1, 0, 0, 0, 0, time.UTC), Granted: g, Withdrawn: w}
	}
	return insight.Figures{Prospects: 120, Reps: []string{"Rita Rep"},
		Attempts: []insight.Attempts{
			{Source: consent.SourceCard, Reached: 30, CallsToReach: 45, ByAttempts: []int{20, 6, 3, 1, 0, 0, 0}, NeverReached: 4, CallsUnmet: 9},
			{Source: consent.SourceColdCall, Reached: 12, CallsToReach: 80, ByAttempts: []int{2, 1, 2, 3, 3, 1, 0}, NeverReached: 25, CallsUnmet: 140},
		},
		FirstContact: insight.FirstContact{ByDays: []int{30, 22, 15, 10, 8, 5}, Never: 30},
		Funnel: []insight.FunnelRow{{Source: consent.SourceCard, Collected: 60, Reached: 30, Granted: 25, NextStep: 12},
			{Source: consent.SourceReferral, Collected: 20, Reached: 16, Granted: 12, NextStep: 9},
			{Source: consent.SourceColdCall, Collected: 40, Reached: 12, Granted: 5, NextStep: 3}},
		Referrals: []insight.Introducer{{ID: 3, Name: "Carl Customer", Referred: 8, Approved: 6, Declined: 1}, {ID: 9, Name: "Jørgen Ångström", Referred: 5, Approved: 4}, {Referred: 2, Approved: 1}},
		Months:    []insight.MonthConsent{month(1, 12, 2), month(2, 9, 1), month(3, 15, 4)},
	}
}

// Every chart is drawn in every language at the size asked, and differs
// from the chart of nothing (an empty period says so instead).
func TestRenderEveryLanguage(t *testing.T) {
	none, err := Render(insight.Figures{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range locale.Languages() {
		charts, err := Render(sample(), Options{Lang: lang, Width: 450, Height: 250, DPI: 96})
		if err != nil {
			t.Fatal(lang, err)
		}
		var ids []string
		for i, c := range charts {
			ids = append(ids, c.ID)
			img, err := png.Decode(bytes.NewReader(c.PNG))
			if err != nil {
				t.Fatalf("%s %s: %v", lang, c.ID, err)
			}
			if b := img.Bounds(); b.Dx() != 600 || b.Dy() != 333 {
				t.Errorf("%s %s: %v pixels, want 600×333 (450×250 pt at 96 dpi)", lang, c.ID, b)
			}
			if c.Title != words(lang)[strings.TrimSuffix(map[string]string{IDAttempts: "attempts", IDFirstContact: "first", IDFunnel: "funnel", IDReferrals: "referrals", IDMonths: "months"}[c.ID], "")+".title"] {
				t.Errorf("%s %s: title %q", lang, c.ID, c.Title)
			}
			if bytes.Equal(c.PNG, none[i].PNG) {
				t.Errorf("%s %s: the sample draws as the chart of nothing", lang, c.ID)
			}
			if dir := os.Getenv("WARMLEAD_CHARTS"); dir != "" {
				_ = os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%s.png", c.ID, lang)), c.PNG, 0o644)
			}
		}
		if want := []string{IDAttempts, IDFirstContact, IDFunnel, IDReferrals, IDMonths}; !slices.Equal(ids, want) {
			t.Errorf("%s: charts %v", lang, ids)
		}
	}
}

var verbs = regexp.MustCompile(`%[a-z]`)

func TestTextsComplete(t *testing.T) {
	en := allTexts["en"]
	for _, lang := range locale.Languages() {
		w, ok := allTexts[lang]
		if !ok {
			t.Errorf("no chart texts in %s", lang)
			continue
		}
		for id, s := range en {
			if w[id] == "" || !slices.Equal(verbs.FindAllString(w[id], -1), verbs.FindAllString(s, -1)) {
				t.Errorf("%s: %q is %q (English %q)", lang, id, w[id], s)
			}
		}
		if len(w) != len(en) {
			t.Errorf("%s has %d texts, English %d", lang, len(w), len(en))
		}
	}
	for i := range insight.FirstContactBuckets {
		if en[fmt.Sprintf("first.%d", i)] == "" {
			t.Errorf("no name for first-contact bucket %d", i)
		}
	}
}
