package csvin

import (
	"fmt"
	"slices"
	"strings"

	"warmlead/consent"
)

// Field is what a CSV column holds for Warmlead: a prospect field, a part
// of the name, a web form's consent column or one of its times. Ignore
// (the empty field) reads nothing from the column.
type Field string

// The fields a column maps to. The names are what `--map` takes; those of
// Warmlead's own CSV export (name,company,title,email,phone,source,event,
// list_vendor,lang) are its header's.
const (
	Ignore      Field = ""
	Name        Field = "name"
	FirstName   Field = "first_name"
	MiddleName  Field = "middle_name" // and the Dutch tussenvoegsel: "van der"
	LastName    Field = "last_name"
	Company     Field = "company"
	Title       Field = "title"
	Email       Field = "email"
	Phone       Field = "phone"
	Source      Field = "source"
	Event       Field = "event"
	ListVendor  Field = "list_vendor"
	Lang        Field = "lang"
	ConsentTime Field = "consent_time" // when the person sent the form (ticked the boxes)
	ConfirmTime Field = "confirm_time" // when they confirmed the double opt-in
)

// consentPrefix starts a consent column's field: "consent:newsletter" (by
// email) or "consent:events:phone".
const consentPrefix = "consent:"

// Fields lists the plain fields in the order a mapping screen offers them.
var Fields = []Field{Name, FirstName, MiddleName, LastName, Company, Title, Email, Phone, Source, Event, ListVendor, Lang,
	ConsentTime, ConfirmTime}

// ConsentField is the field of a column in which the person ticked
// purpose for channel.
func ConsentField(c consent.PurposeChannel) Field {
	if c.Channel == consent.ChannelEmail || c.Channel == "" {
		return Field(consentPrefix + string(c.Purpose))
	}
	return Field(consentPrefix + string(c.Purpose) + ":" + string(c.Channel))
}

// ConsentFields lists a consent field for every purpose and channel.
func ConsentFields() []Field {
	var out []Field
	for _, p := range consent.Purposes {
		for _, ch := range consent.Channels {
			out = append(out, ConsentField(consent.PurposeChannel{Purpose: p, Channel: ch}))
		}
	}
	return out
}

// Consent is the purpose and channel of a consent column.
func (f Field) Consent() (consent.PurposeChannel, bool) {
	rest, ok := strings.CutPrefix(string(f), consentPrefix)
	if !ok {
		return consent.PurposeChannel{}, false
	}
	p, ch, _ := strings.Cut(rest, ":")
	if ch == "" {
		ch = string(consent.ChannelEmail)
	}
	c := consent.PurposeChannel{Purpose: consent.Purpose(p), Channel: consent.Channel(ch)}
	if !slices.Contains(consent.Purposes, c.Purpose) || !slices.Contains(consent.Channels, c.Channel) {
		return consent.PurposeChannel{}, false
	}
	return c, true
}

// ParseField reads a field as `--map` writes it: a name of Fields,
// "ignore", or consent:PURPOSE[:CHANNEL]. Case and "-" for "_" do not
// matter ("First-Name", "list-vendor").
func ParseField(s string) (Field, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "ignore" || s == "-" || s == "" {
		return Ignore, nil
	}
	if strings.HasPrefix(s, consentPrefix) {
		f := Field(s)
		if c, ok := f.Consent(); ok {
			return ConsentField(c), nil
		}
		return "", fmt.Errorf("unknown consent column %q: write consent:PURPOSE or consent:PURPOSE:CHANNEL with a purpose of %s and a channel of %s",
			s, join(consent.Purposes), join(consent.Channels))
	}
	f := Field(strings.ReplaceAll(s, "-", "_"))
	if slices.Contains(Fields, f) {
		return f, nil
	}
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown field %q: use one of %s, consent:PURPOSE[:CHANNEL] or ignore", s, strings.Join(names, ", "))
}

func join[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// Mapping says what each column of a table holds, by position.
type Mapping []Field

// Has reports whether some column is mapped to f.
func (m Mapping) Has(f Field) bool { return slices.Contains(m, f) }

// HasConsent reports whether some column is a consent column.
func (m Mapping) HasConsent() bool {
	for _, f := range m {
		if _, ok := f.Consent(); ok {
			return true
		}
	}
	return false
}

// Override applies `--map "Email=email,Firma=company"`: each COLUMN=FIELD
// pair maps the columns whose header folds to COLUMN (case and accents
// aside) to FIELD. A column the header lacks is an error naming the
// columns there are.
func (m Mapping) Override(header []string, spec string) (Mapping, error) {
	out := slices.Clone(m)
	for _, pair := range strings.Split(spec, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		col, field, ok := strings.Cut(pair, "=")
		if !ok {
			return nil, fmt.Errorf("--map takes COLUMN=FIELD pairs separated by commas, not %q", pair)
		}
		f, err := ParseField(field)
		if err != nil {
			return nil, err
		}
		key, found := headerKey(col), false
		for i, h := range header {
			if headerKey(h) == key {
				out[i], found = f, true
			}
		}
		if !found {
			return nil, fmt.Errorf("the file has no column %q: its columns are %s", strings.TrimSpace(col), strings.Join(header, ", "))
		}
	}
	return out, nil
}
