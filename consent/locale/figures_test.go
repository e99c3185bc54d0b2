package locale

import (
	"testing"
	"time"
)

func TestFigures(t *testing.T) {
	march := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		lang                 string
		dec, neg, pct, month string
	}{
		{"en", "1,234.5", "-0.3", "50%", "Mar 26"},
		{"nl", "1.234,5", "-0,3", "50%", "mrt 26"},
		{"nb", "1\u00a0234,5", "-0,3", "50\u00a0%", "mar 26"},
		{"sv", "1\u00a0234,5", "-0,3", "50\u00a0%", "mar 26"},
		{"de", "1.234,5", "-0,3", "50\u00a0%", "Mär 26"},
		{"xx", "1,234.5", "-0.3", "50%", "Mar 26"},
	}
	for _, c := range cases {
		if got := Decimal(c.lang, 1234.46, 1); got != c.dec {
			t.Errorf("%s: Decimal %q, want %q", c.lang, got, c.dec)
		}
		if got := Decimal(c.lang, -0.26, 1); got != c.neg {
			t.Errorf("%s: Decimal %q, want %q", c.lang, got, c.neg)
		}
		if got := Percent(c.lang, 0.499); got != c.pct {
			t.Errorf("%s: Percent %q, want %q", c.lang, got, c.pct)
		}
		if got := ShortMonth(c.lang, march); got != c.month {
			t.Errorf("%s: ShortMonth %q, want %q", c.lang, got, c.month)
		}
	}
	if got := Decimal("en", -0.01, 1); got != "0.0" {
		t.Errorf("a negative that rounds to zero: %q", got)
	}
	if got := Decimal("de", 3, 0); got != "3" {
		t.Errorf("no decimals: %q", got)
	}
}
