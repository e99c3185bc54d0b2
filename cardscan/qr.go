package cardscan

import (
	"image"
	"sort"
	"strings"

	"github.com/emersion/go-vcard"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// qrContact is what a QR code on a card held, empty fields where it held
// none. Phone numbers are as written; the reader parses them.
type qrContact struct {
	Name, Title, Company, Email, Web, Address string
	Phone, Mobile, Fax                        string
}

// readQRGray looks for a QR code (try-harder) and returns what it holds
// and the box it covers, a little grown, in g's pixels.
func readQRGray(g *image.Gray) (qrContact, image.Rectangle, bool) {
	bmp, err := gozxing.NewBinaryBitmap(gozxing.NewHybridBinarizer(gozxing.NewLuminanceSourceFromImage(g)))
	if err != nil {
		return qrContact{}, image.Rectangle{}, false
	}
	hints := map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		return qrContact{}, image.Rectangle{}, false
	}
	c, ok := parseQRText(res.GetText())
	if !ok {
		return qrContact{}, image.Rectangle{}, false
	}
	pts := res.GetResultPoints()
	if len(pts) < 3 {
		return c, image.Rectangle{}, true
	}
	xs, ys := make([]float64, 0, len(pts)), make([]float64, 0, len(pts))
	for _, p := range pts {
		xs, ys = append(xs, p.GetX()), append(ys, p.GetY())
	}
	sort.Float64s(xs)
	sort.Float64s(ys)
	// the points are the finder patterns' centres: grow by a third of the
	// code's size to cover the patterns and the quiet zone
	m := max(xs[len(xs)-1]-xs[0], ys[len(ys)-1]-ys[0]) / 3
	box := image.Rect(int(xs[0]-m), int(ys[0]-m), int(xs[len(xs)-1]+m), int(ys[len(ys)-1]+m))
	return c, box, true
}

// parseQRText reads a QR code's text as a vCard or a MeCard.
func parseQRText(s string) (qrContact, bool) {
	t := strings.TrimSpace(s)
	switch {
	case len(t) > 11 && strings.EqualFold(t[:11], "BEGIN:VCARD"):
		return parseVCardText(t)
	case len(t) > 7 && strings.EqualFold(t[:7], "MECARD:"):
		return parseMeCard(t[7:])
	}
	return qrContact{}, false
}

func parseVCardText(s string) (qrContact, bool) {
	card, err := vcard.NewDecoder(strings.NewReader(s)).Decode()
	if err != nil {
		return qrContact{}, false
	}
	c := qrContact{
		Name:  unescape(card.PreferredValue(vcard.FieldFormattedName)),
		Title: unescape(card.PreferredValue(vcard.FieldTitle)),
		Email: card.PreferredValue(vcard.FieldEmail),
		Web:   card.PreferredValue(vcard.FieldURL),
	}
	// ORG is the organisation's name, then its units, split at ';': the
	// company is the name ("Fjord\; Kraft AS" is one name).
	if org := splitEscaped(card.PreferredValue(vcard.FieldOrganization), ';'); len(org) > 0 {
		c.Company = strings.TrimSpace(org[0])
	}
	if c.Name == "" {
		if n := card.Name(); n != nil {
			c.Name = strings.TrimSpace(strings.Join([]string{n.HonorificPrefix, n.GivenName, n.AdditionalName, n.FamilyName, n.HonorificSuffix}, " "))
			c.Name = strings.Join(strings.Fields(c.Name), " ")
		}
	}
	if a := card.Address(); a != nil {
		c.Address = joinNonEmpty(", ", a.StreetAddress, strings.TrimSpace(a.PostalCode+" "+a.Locality), a.Country)
	}
	for _, f := range card[vcard.FieldTelephone] {
		types := strings.ToLower(strings.Join(f.Params.Types(), ","))
		switch {
		case strings.Contains(types, "fax"):
			setOnce(&c.Fax, f.Value)
		case strings.Contains(types, "cell"):
			setOnce(&c.Mobile, f.Value)
		default:
			setOnce(&c.Phone, f.Value)
		}
	}
	return c, c != qrContact{}
}

// parseMeCard reads the fields of a MeCard (NTT Docomo's format, after the
// "MECARD:" prefix): KEY:value pairs ended by ';', with '\' escaping.
func parseMeCard(s string) (qrContact, bool) {
	var c qrContact
	for _, kv := range splitEscaped(s, ';') {
		k, v, ok := strings.Cut(kv, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		k = strings.ToUpper(k)
		if fam, giv, two := strings.Cut(v, ","); k == "N" && two {
			// "Family,Given" in a MeCard; shown as "Given Family".
			v = strings.TrimSpace(giv) + " " + strings.TrimSpace(fam)
		}
		dst := map[string]*string{"N": &c.Name, "TEL": &c.Phone, "EMAIL": &c.Email, "URL": &c.Web,
			"ADR": &c.Address, "ORG": &c.Company, "TITLE": &c.Title}[k]
		if dst != nil {
			setOnce(dst, v)
		}
	}
	return c, c != qrContact{}
}

// splitEscaped splits s at sep, where a backslash makes the next character
// literal.
func splitEscaped(s string, sep rune) []string {
	var out []string
	var b strings.Builder
	esc := false
	for _, r := range s {
		switch {
		case esc:
			b.WriteRune(r)
			esc = false
		case r == '\\':
			esc = true
		case r == sep:
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteRune(r)
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// unescape undoes RFC 6350's text escapes that the vCard decoder leaves.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return strings.Join(splitEscaped(s, '\x00'), "")
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = strings.TrimSpace(v)
	}
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
