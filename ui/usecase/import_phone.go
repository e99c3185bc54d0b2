package usecase

import (
	"warmlead/consent"
	"warmlead/store"
)

// ProblemPhoneKept: a card imported with its phone number kept as written,
// because it has no country code and does not read in the country chosen.
// Calls to the person are blocked until the rep corrects it. The store
// keeps it (store.AddOptions.KeepUnreadPhones), where the number is read
// anyway, on all cores: reading a number is the costly part of a card.
const ProblemPhoneKept = store.ProblemPhoneKept

var (
	errCountry = newTemplate(CodeInvalid, "{{.Value}} is not a country code: use the two letters of ISO 3166, e.g. NL, NO, SE, DE or GB")
	tplCounts  = newTemplate(CodeInvalid, "cards: {{.Whole}} imported whole, {{.Dropped}} imported with a field dropped or kept as written, {{.Failed}} failed")
)

// importRegion is the country national numbers of an import are read in:
// the one chosen for it, else the setting.
func importRegion(st interface {
	Settings() (consent.Settings, error)
}, chosen string) (string, error) {
	if chosen == "" {
		return phoneRegion(st), nil
	}
	c, err := consent.ParseCountry(chosen)
	if err != nil {
		return "", errCountry.New("Value", quoted(chosen))
	}
	return c, nil
}

// setVendor gives every card the list's vendor ("" leaves them as read).
func (r *ReadResult) setVendor(vendor string) {
	if vendor == "" {
		return
	}
	for i := range r.Items {
		r.Items[i].Prospect.ListVendor = vendor
	}
}

// Counts is what became of the cards: imported whole (new or merged),
// imported with a field dropped, cut or kept as written (a warning names
// it), and failed (not imported; a file that could not be read counts
// once). Suppressed cards (erased people) are none of these: the summary
// line counts them apart.
type Counts struct {
	Whole, Dropped, Failed int
}

// Counts counts the import's cards (see Counts).
func (s ImportResult) Counts() Counts {
	type card struct {
		file   string
		number int
	}
	failed := map[card]bool{}
	for _, p := range s.Summary.Problems {
		failed[card{p.File, p.Number}] = true
	}
	dropped := map[card]bool{}
	for _, w := range s.Warnings {
		if c := (card{w.File, w.Number}); w.Number > 0 && !failed[c] {
			dropped[c] = true
		}
	}
	imported := s.Summary.Imported + s.Summary.Merged
	return Counts{Whole: max(imported-len(dropped), 0), Dropped: len(dropped), Failed: s.Summary.Failed}
}

// Message says the counts as a sentence: English for the command, translated on screens.
func (c Counts) Message() consent.Message {
	return consent.Msg(tplCounts.Text, "Whole", c.Whole, "Dropped", c.Dropped, "Failed", c.Failed)
}

// errPhoneUnread refuses a call to a number kept as written: the sentence
// of the policy's rule (consent.RulePhoneUnread), for the call log.
var errPhoneUnread = newTemplate(CodeBlocked, "blocked: no country code: cannot check the do-not-call register; correct the phone number with its country code, e.g. +31 20 555 0100, before calling")

// refuseUnreadPhone: a call is not logged for a prospect whose number was
// kept as written (the rep cannot have checked the register for it).
func (c *Calls) refuseUnreadPhone(id uint64) error {
	rec, err := c.st.Record(id)
	if err != nil {
		return err
	}
	if rec.Prospect.PhoneUnread() {
		return errPhoneUnread.New()
	}
	return nil
}
