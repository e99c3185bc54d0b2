package cardscan

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"
)

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)
	webRe   = regexp.MustCompile(`(?i)\b(?:https?://)?www\.[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}(?:/\S*)?`)
	// a run of digits with the separators cards print: spaces, dots,
	// dashes, slashes, parentheses, an optional leading plus
	phoneRe = regexp.MustCompile(`\+?\(?\d[\d\s().\-/]{5,}\d`)
	// spaces the OCR puts around an email's '@' and dots
	emailGapRe = regexp.MustCompile(`\s*([@.])\s*`)
)

// findEmail returns the first email address in text; joined is true when
// the OCR had lost a dot in its local part and findEmail put it back
// ("marit vik@…": small type's dots go first).
func findEmail(text string) (email string, joined bool) {
	t := emailGapRe.ReplaceAllString(text, "$1")
	t = strings.ReplaceAll(t, "(at)", "@")
	loc := emailRe.FindStringIndex(t)
	if loc == nil {
		return "", false
	}
	m := strings.Trim(t[loc[0]:loc[1]], ".-")
	before := strings.Fields(t[:loc[0]])
	if len(before) > 0 && loc[0] > 0 && t[loc[0]-1] == ' ' {
		prev := before[len(before)-1]
		if isLowerWord(prev) && !emailLabels[prev] {
			m, joined = prev+"."+m, true
		}
	}
	return strings.ToLower(m), joined
}

// emailLabels are the words cards print before an address, lower-case.
var emailLabels = map[string]bool{"e": true, "mail": true, "email": true, "e-mail": true, "epost": true, "e-post": true}

func isLowerWord(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return len(s) > 1
}

func findWeb(text string) string {
	t := emailGapRe.ReplaceAllString(text, "$1")
	if strings.Contains(t, "@") {
		return ""
	}
	return strings.ToLower(strings.TrimRight(webRe.FindString(t), ".,;/"))
}

type phoneKind int

const (
	kindUnknown phoneKind = iota
	kindPhone
	kindMobile
	kindFax
)

// phoneLabels are the words cards print before a number, in English,
// Dutch, Norwegian, Swedish and German, lower-case without punctuation.
var phoneLabels = map[string]phoneKind{
	"fax": kindFax, "f": kindFax, "telefax": kindFax, "faks": kindFax, "fx": kindFax,
	"mob": kindMobile, "mobile": kindMobile, "mobil": kindMobile, "m": kindMobile, "cell": kindMobile,
	"gsm": kindMobile, "handy": kindMobile, "mobiel": kindMobile, "mobiltelefon": kindMobile, "mobilnr": kindMobile,
	"tel": kindPhone, "t": kindPhone, "phone": kindPhone, "telefon": kindPhone, "telefoon": kindPhone,
	"tlf": kindPhone, "direkt": kindPhone, "direct": kindPhone, "dir": kindPhone, "d": kindPhone,
	"växel": kindPhone, "vxl": kindPhone, "sentralbord": kindPhone, "zentrale": kindPhone,
	"office": kindPhone, "kontor": kindPhone, "p": kindPhone, "ph": kindPhone, "tel.nr": kindPhone,
	"durchwahl": kindPhone, "doorkiesnummer": kindPhone, "sentral": kindPhone,
}

// phoneHit is one number found on a line.
type phoneHit struct {
	Value string // E.164, or as printed when it cannot be parsed
	Kind  phoneKind
	Valid bool
}

// findPhones reads the numbers on one line of text with their labels. A
// label applies to the number right after it; a number without one is
// typed by its number plan (a mobile range is a mobile).
func findPhones(text, country string) []phoneHit {
	t := fixDigits(text)
	var hits []phoneHit
	for _, loc := range phoneRe.FindAllStringIndex(t, -1) {
		raw := strings.TrimSpace(t[loc[0]:loc[1]])
		digits := 0
		for _, r := range raw {
			if unicode.IsDigit(r) {
				digits++
			}
		}
		if digits < 7 || digits > 15 {
			continue
		}
		h := phoneHit{Kind: labelBefore(t[:loc[0]]), Value: raw}
		region := strings.ToUpper(country)
		if region == "" {
			region = "ZZ"
		}
		if n, err := phonenumbers.Parse(raw, region); err == nil && phonenumbers.IsValidNumber(n) {
			h.Value = phonenumbers.Format(n, phonenumbers.E164)
			h.Valid = true
			if h.Kind == kindUnknown && phonenumbers.GetNumberType(n) == phonenumbers.MOBILE {
				h.Kind = kindMobile
			}
		}
		if h.Kind == kindUnknown {
			h.Kind = kindPhone
		}
		hits = append(hits, h)
	}
	return hits
}

// labelBefore finds the label word nearest before a number.
func labelBefore(prefix string) phoneKind {
	fields := strings.FieldsFunc(prefix, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '.'
	})
	for i := len(fields) - 1; i >= 0 && i >= len(fields)-2; i-- {
		w := strings.ToLower(strings.Trim(fields[i], "."))
		if k, ok := phoneLabels[w]; ok {
			return k
		}
	}
	return kindUnknown
}

// fixDigits mends the letters an OCR reads for digits inside a number
// ("O" for 0, "l" or "I" for 1) where a digit stands on both sides.
func fixDigits(s string) string {
	r := []rune(s)
	isD := func(i int) bool { return i >= 0 && i < len(r) && unicode.IsDigit(r[i]) }
	for i := range r {
		switch r[i] {
		case 'O', 'o', 'l', 'I', '|':
			if (isD(i-1) || isD(i-2) && r[i-1] == ' ') && (isD(i+1) || isD(i+2) && r[i+1] == ' ') {
				if r[i] == 'O' || r[i] == 'o' {
					r[i] = '0'
				} else {
					r[i] = '1'
				}
			}
		}
	}
	return string(r)
}
