package consent

import "testing"

// The notice, the follow-up and the re-activation email choose their
// language the same way: an explicit known language first, then the
// prospect's, then English; an unknown explicit language gives English
// (not the prospect's), and so does no language anywhere.
func TestEmailLanguageFallback(t *testing.T) {
	for _, c := range []struct {
		name   string
		record func() Record
		write  func(r Record, lang string) Email
	}{
		{"notice", func() Record { return noticeRecord(SourceReferral) },
			func(r Record, lang string) Email { return NoticeEmail(r, noticeMC, lang, noticeNow) }},
		{"follow-up", func() Record { r, _, _ := followupRecord(); return r },
			func(r Record, lang string) Email {
				_, call, consents := followupRecord()
				return FollowUpEmail(r, call, consents, mailMC, lang, mailNow)
			}},
		{"re-activation", reactivationRecord,
			func(r Record, lang string) Email { return ReactivationEmail(r, mailMC, lang, mailNow) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := c.record()
			en := c.write(r, "en")
			for _, lang := range []string{"fr", "xx", "EN", "EN ", ""} {
				if got := c.write(r, lang); got != en {
					t.Errorf("lang %q: not the English email (got %s)", lang, got.Lang)
				}
			}
			r.Prospect.Lang = "sv"
			for lang, want := range map[string]string{"": "sv", "de": "de", "nl": "nl", "fr": "en"} {
				if got := c.write(r, lang); got.Lang != want {
					t.Errorf("lang %q with the prospect's sv: got %s, want %s", lang, got.Lang, want)
				}
			}
		})
	}
}
