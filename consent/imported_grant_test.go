package consent

import (
	"testing"
	"time"
)

func TestGrantIsNews(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
	form := Event{Kind: KindConsentGranted, Purpose: PurposeNewsletter, Channel: ChannelEmail, Time: day(10)}
	for _, c := range []struct {
		name   string
		ledger []Event
		want   bool
	}{
		{"empty ledger", nil, true},
		{"only a collection", []Event{{Kind: KindCollected, Time: day(20)}}, true},
		{"an older grant: consent given again", []Event{{Kind: KindConsentGranted, Purpose: PurposeNewsletter, Channel: ChannelEmail, Time: day(1)}}, true},
		{"the same grant imported before", []Event{{Kind: KindConsentGranted, Purpose: PurposeNewsletter, Channel: ChannelEmail, Time: day(10)}}, false},
		{"withdrawn since", []Event{{Kind: KindConsentWithdrawn, Purpose: PurposeNewsletter, Channel: ChannelEmail, Time: day(15)}}, false},
		{"refused everything since", []Event{{Kind: KindConsentRefused, Time: day(11)}}, false},
		{"withdrawn before the form", []Event{{Kind: KindConsentWithdrawn, Purpose: PurposeNewsletter, Channel: ChannelEmail, Time: day(5)}}, true},
		{"another cell withdrawn since", []Event{{Kind: KindConsentWithdrawn, Purpose: PurposeEvents, Channel: ChannelEmail, Time: day(15)}}, true},
		{"the same purpose by phone granted since", []Event{{Kind: KindConsentGranted, Purpose: PurposeNewsletter, Channel: ChannelPhone, Time: day(15)}}, true},
	} {
		if got := GrantIsNews(c.ledger, form); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
