package consent

import (
	"bufio"
	"cmp"
	"crypto/sha1"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The vCard 4.0 export (RFC 6350) of the portability right, written here
// rather than by go-vcard: its encoder escapes "," but not ";", so a company
// "Fjord; Kraft AS" could only come out as "Fjord, Kraft AS", and a name's
// components could not hold a semicolon at all.

// ExportVCard writes one vCard 4.0 per prospect. Only contact data goes in:
// no notes, no consent states, nothing the person's own address book would
// not hold. Each card has a UID that stays the same for the prospect across
// exports (an address book updates the contact instead of doubling it) and
// REV, when the prospect was last changed.
func ExportVCard(w io.Writer, ps []Prospect) error {
	bw := bufio.NewWriter(w)
	for i := range ps {
		writeCard(bw, &ps[i])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cannot write the vCard: %w", err)
	}
	return nil
}

func writeCard(w *bufio.Writer, p *Prospect) {
	line := func(s string) { writeFolded(w, s) }
	line("BEGIN:VCARD")
	line("VERSION:4.0")
	line("KIND:individual")
	name := vcardText(p.Name)
	fn := name
	if fn == "" { // FN is mandatory in vCard 4.0
		fn = cmp.Or(vcardText(p.Email), vcardText(p.Company), "?")
	}
	line("FN:" + escapeText(fn))
	if name != "" {
		n := SplitNameParts(name)
		line("N:" + structured([]string{n.Family}, []string{n.Given}, nil, n.Prefixes, n.Suffixes))
	}
	if org := vcardText(p.Company); org != "" {
		line("ORG:" + escapeText(org)) // one organisation name: its ";" is escaped, not a unit separator
	}
	if title := vcardText(p.Title); title != "" {
		line("TITLE:" + escapeText(title))
	}
	if email := vcardText(p.Email); email != "" {
		line("EMAIL;TYPE=work:" + escapeText(email))
	}
	switch phone := strings.ReplaceAll(vcardText(p.Phone), " ", ""); {
	case phone != "":
		// A tel: URI (RFC 3966) takes E.164 as it is; URIs are not escaped.
		line("TEL;VALUE=uri;TYPE=work:tel:" + phone)
	case p.PhoneUnread():
		// Kept as written by an import: text, as the person's card had it.
		line("TEL;VALUE=text;TYPE=work:" + escapeText(vcardText(p.PhoneRaw)))
	}
	if lang := vcardText(p.Lang); lang != "" {
		line("LANG:" + escapeText(lang))
	}
	if p.Source != "" {
		line(VCardSourceField + ":" + escapeText(string(p.Source)))
	}
	line("UID:" + prospectUID(p))
	if rev := cmp.Or(p.Updated, p.Created); !rev.IsZero() {
		line("REV:" + rev.UTC().Format("20060102T150405Z"))
	}
	line("END:VCARD")
}

// prospectUID is a name-based UUID (RFC 9562 version 5 layout, SHA-1) of the
// prospect's id and creation time: the same prospect gets the same UID in
// every export, two databases' prospect 1 do not collide, and it reveals
// nothing about the person.
func prospectUID(p *Prospect) string {
	sum := sha1.Sum([]byte("warmlead-prospect:" + strconv.FormatUint(p.ID, 10) + ":" + strconv.FormatInt(p.Created.UnixNano(), 10)))
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// escapeText escapes a TEXT value (RFC 6350 section 3.4): backslash, comma,
// semicolon and newline. vcardText already made it one line.
func escapeText(s string) string {
	return textEscaper.Replace(s)
}

var textEscaper = strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\n", `\n`)

// structured writes a structured value: components separated by ";", the
// values of one component by ",", each value escaped.
func structured(components ...[]string) string {
	parts := make([]string, len(components))
	for i, vs := range components {
		esc := make([]string, 0, len(vs))
		for _, v := range vs {
			if v != "" {
				esc = append(esc, escapeText(v))
			}
		}
		parts[i] = strings.Join(esc, ",")
	}
	return strings.Join(parts, ";")
}

// writeFolded writes a content line folded at 75 octets (RFC 6350 section
// 3.2), never inside a UTF-8 character; continuation lines start with a
// space.
func writeFolded(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		i := limit
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		w.WriteString(s[:i])
		w.WriteString("\r\n ")
		s = s[i:]
		limit = 74 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
