package consent

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// The rights of access and portability (consent-rules.md section 7): give a
// person everything held about them, as JSON a machine can read and as a
// vCard 4.0 any address book imports. Both are pure functions of values the
// store hands over; writing the file where the user asks and logging the
// export is the caller's job (architecture.md: each export is audit-logged).

// ExportFormat names the JSON layout, so a reader years later knows what it
// holds. Bump it when a field changes meaning.
const ExportFormat = "warmlead-export/1"

// ExportConsent is one cell of the consent matrix that has a state, as the
// policy sees it at export time.
type ExportConsent struct {
	Purpose Purpose       `json:"purpose"`
	Channel Channel       `json:"channel"`
	Status  ConsentStatus `json:"status"`
	Since   time.Time     `json:"since"`
	Method  Method        `json:"method,omitempty"`
	Expires time.Time     `json:"expires,omitzero"`
}

// ExportDNC says the person's number is on a do-not-call register. The
// register is public, but that Warmlead matched it to this person is
// processing of their data, so the export shows it.
type ExportDNC struct {
	Register string    `json:"register"`
	Imported time.Time `json:"imported"`
}

// ExportDoc is the whole record of one person: every field, every ledger
// event with its hash (so the export itself proves the ledger unaltered),
// the derived consent states, and who exported it when.
type ExportDoc struct {
	Format     string          `json:"format"`
	Prospect   Prospect        `json:"prospect"`
	Events     []Event         `json:"events"`
	Consents   []ExportConsent `json:"consents"`
	DoNotCall  *ExportDNC      `json:"do_not_call,omitempty"`
	ExportedAt time.Time       `json:"exported_at"`
	ExportedBy string          `json:"exported_by"`
	LedgerHash string          `json:"ledger_hash"` // hash of the newest event; "" for an empty ledger
}

// NewExportDoc assembles the export of r at now. Consents lists every
// purpose × channel whose state is not "none": the default purposes and
// channels first, then any custom purpose found in the ledger.
func NewExportDoc(r Record, by string, now time.Time) ExportDoc {
	doc := ExportDoc{
		Format:     ExportFormat,
		Prospect:   r.Prospect,
		Events:     slices.Clone(r.Events),
		Consents:   []ExportConsent{},
		ExportedAt: now.UTC().Truncate(time.Second),
		ExportedBy: by,
		LedgerHash: LastHash(r.Events),
	}
	if doc.Events == nil {
		doc.Events = []Event{} // "events": [] says "none"; null would say "unknown"
	}
	if r.DNC != nil {
		doc.DoNotCall = &ExportDNC{Register: r.DNC.Register, Imported: r.DNC.Imported.UTC()}
	}
	purposes, channels := slices.Clone(Purposes), slices.Clone(Channels)
	for _, e := range r.Events {
		if !isConsentKind(e.Kind) {
			continue
		}
		if e.Purpose != "" && !slices.Contains(purposes, e.Purpose) {
			purposes = append(purposes, e.Purpose)
		}
		if e.Channel != "" && !slices.Contains(channels, e.Channel) {
			channels = append(channels, e.Channel)
		}
	}
	for _, p := range purposes {
		for _, ch := range channels {
			c := r.ConsentStateAt(p, ch, now)
			if c.Status == StatusNone {
				continue
			}
			doc.Consents = append(doc.Consents, ExportConsent{
				Purpose: p, Channel: ch, Status: c.Status, Since: c.Time.UTC(), Method: c.Method, Expires: c.Expires.UTC(),
			})
		}
	}
	return doc
}

// ExportJSON writes the person's record as indented JSON. HTML escaping is
// off: evidence quoting "<name@company.com>" stays readable for the person
// who asked for it.
func ExportJSON(w io.Writer, r Record, by string, now time.Time) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(NewExportDoc(r, by, now)); err != nil {
		return fmt.Errorf("cannot write the JSON export: %w", err)
	}
	return nil
}

// VCardSourceField carries the prospect's source in the vCard, so a
// re-import knows where the data came from (consent-rules.md section 1).
const VCardSourceField = "X-WARMLEAD-SOURCE"

// nameParticles stay with the family name: "Jan van der Berg" is filed
// under "van der Berg" (Dutch, German, Scandinavian and Romance prefixes).
var nameParticles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "ter": true, "ten": true, "te": true,
	"het": true, "'t": true, "af": true, "av": true, "zu": true, "da": true, "di": true, "du": true,
	"la": true, "le": true, "del": true, "dos": true, "das": true,
}

// SplitName splits a full name for the vCard N property, best effort: the
// last word is the family name, with any lower-case particles before it; the
// rest is the given name. A single word is taken as the family name.
func SplitName(full string) (family, given string) {
	words := strings.Fields(full)
	if len(words) == 0 {
		return "", ""
	}
	i := len(words) - 1
	for i > 1 && nameParticles[words[i-1]] {
		i--
	}
	return strings.Join(words[i:], " "), strings.Join(words[:i], " ")
}

// vcardText makes a value one line: go-vcard escapes \n but not \r or other
// controls, which would break the line structure.
func vcardText(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }), " ")
}
