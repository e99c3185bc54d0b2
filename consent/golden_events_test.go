package consent

import "time"

// goldenEvents are the fixed events of the encoding's golden tests: every
// kind, every field at least once, text beyond ASCII (and characters JSON
// escapes), zero and non-zero times, sub-second times and a time with an
// offset. Never change them: their hashes are in encoding_test.go.
func goldenEvents() []Event {
	cest := time.FixedZone("CEST", 2*3600)
	t0 := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	at := func(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }
	return []Event{
		{Prospect: 7, Seq: 1, Time: at(0), Rep: "Rita Rep", Kind: KindCollected, Source: SourceCard,
			EventName: "Nordic \"Fair\" — Bergen", Agreed: "Send the offer before Friday"},
		{Prospect: 7, Seq: 2, Time: at(1), Rep: "Rita Rep", Kind: KindInformed, Channel: ChannelEmail, Note: "Art. 14 notice (nb)"},
		{Prospect: 7, Seq: 3, Time: at(2), Rep: "Åse Ødegård", Kind: KindConsentGranted, Purpose: PurposeNewsletter,
			Channel: ChannelEmail, Method: MethodEmailReply, Evidence: "Ja takk! <ase@fjord.example> & hilsen",
			Expires: time.Date(2028, 3, 5, 0, 0, 0, 0, cest)},
		{Prospect: 7, Seq: 4, Time: at(3), Rep: "Rita Rep", Kind: KindConsentGranted, Purpose: PurposeEvents,
			Channel: ChannelPhone, Method: MethodVerbalEmail, Evidence: "verbal yes", Pending: true},
		{Prospect: 7, Seq: 5, Time: at(4), Rep: "Rita Rep", Kind: KindConsentRefused, Purpose: PurposeOffers, Channel: ChannelSMS, Method: MethodSigned},
		{Prospect: 7, Seq: 6, Time: at(5), Rep: "Rita Rep", Kind: KindConsentWithdrawn, Purpose: PurposeNewsletter, Channel: ChannelEmail},
		{Prospect: 7, Seq: 7, Time: at(6), Rep: "Rita Rep", Kind: KindObjection, AskAgain: time.Date(2027, 3, 2, 0, 0, 0, 0, time.UTC)},
		{Prospect: 7, Seq: 8, Time: at(7), Rep: "Rita Rep", Kind: KindCallLogged, Outcome: OutcomeCallBack, Agreed: "ring tilbake",
			Callback: time.Date(2026, 3, 10, 14, 15, 16, 123456789, cest)},
		{Prospect: 7, Seq: 9, Time: at(8), Rep: "Rita Rep", Kind: KindEmailGenerated, Purpose: PurposeFollowUp, Channel: ChannelPost, Note: "follow-up.eml"},
		{Prospect: 7, Seq: 10, Time: at(9), Rep: "Rita Rep", Kind: KindReferralRequested, Introducer: 3, Note: "asked for Jürgen Groß"},
		{Prospect: 7, Seq: 11, Time: at(10), Rep: "Rita Rep", Kind: KindReferralApproved, Method: MethodVendorProof, Evidence: "Ja, gjerne – Ørn"},
		{Prospect: 7, Seq: 12, Time: at(11), Rep: "Rita Rep", Kind: KindReferralDeclined, Evidence: "nei takk"},
		{Prospect: 7, Seq: 13, Time: at(12), Rep: "Rita Rep", Kind: KindRectified, Field: "company", Old: "Kraków Sp. z o.o.", New: "Gdańsk S.A."},
		{Prospect: 7, Seq: 14, Time: at(13), Rep: "Rita Rep", Kind: KindExported, Note: "export 日本語 ✓.zip"},
		{Prospect: 7, Seq: 15, Time: at(14), Rep: "Rita Rep", Kind: KindReactivated, Source: SourceList, ListVendor: "Dane & Co", Note: "they called us"},
		{Prospect: 7, Seq: 16, Time: at(15), Rep: "Rita Rep", Kind: KindReplyAttached, Evidence: "Subject: Re: tilbud\r\n\r\nHei Rita,\ttakk.\u2028"},
		// Zero time, no rep: what an event built by hand and never sealed hashes to.
		{Prospect: 1 << 40, Seq: 1, Kind: KindCallLogged, Outcome: OutcomeNoAnswer},
	}
}
