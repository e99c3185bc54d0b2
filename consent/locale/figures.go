package locale

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Decimal writes v with digits decimals, grouped as Number groups and with
// the language's decimal mark: "1,234.5" in English, "1.234,5" in Dutch
// and German, "1 234,5" in Norwegian and Swedish.
func Decimal(lang string, v float64, digits int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', digits, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.Atoi(whole)
	out := Number(lang, n)
	if v < 0 && s != strconv.FormatFloat(0, 'f', digits, 64) {
		out = "-" + out
	}
	if frac == "" {
		return out
	}
	mark := ","
	if of(lang).group == "," {
		mark = "."
	}
	return out + mark + frac
}

// Percent writes a share from 0 to 1 as a whole percentage: "50%" in
// English and Dutch, "50 %" (a no-break space) in Norwegian, Swedish and
// German.
func Percent(lang string, share float64) string {
	n := strconv.Itoa(int(math.Round(share * 100)))
	switch of(lang).code {
	case "nb", "sv", "de":
		return n + "\u00a0%"
	}
	return n + "%"
}

// shortMonths are the months as each language abbreviates them on a
// calendar or a chart's axis.
var shortMonths = map[string][12]string{
	"en": {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	"nl": {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
	"nb": {"jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"},
	"sv": {"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
	"de": {"Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"},
}

// ShortMonth writes a month of a year for a chart's axis, abbreviated as
// the language does, with the year's last two digits: "Mar 26", "mrt 26",
// "Mär 26".
func ShortMonth(lang string, t time.Time) string {
	return shortMonths[of(lang).code][t.Month()-1] + " " + t.Format("06")
}
