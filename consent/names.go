package consent

import "strings"

// NameParts is a full name split for the vCard N property.
type NameParts struct {
	Prefixes []string // honorifics before the name: "Dr.", "Prof."
	Given    string   // given and middle names
	Family   string   // family name with its particles ("van der Berg")
	Suffixes []string // after the name: "Jr.", "PhD"
}

// namePrefixes and nameSuffixes are the honorifics and generational or
// academic suffixes of the five languages' business cards, compared
// without case. A word not in them is part of the name.
var (
	namePrefixes = wordSet("dr dr. prof prof. mr mr. mrs mrs. ms ms. mx mx. sir dame ir ir. ing ing. drs drs. mag mag. herr frau hr hr. fr fr. dhr dhr. mevr mevr.")
	nameSuffixes = wordSet("jr jr. sr sr. ii iii iv phd ph.d. md m.d. mba msc m.sc. bsc b.sc. esq esq. ll.m. ma ba")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// SplitNameParts splits a full name for N, best effort: leading honorifics
// are prefixes; what follows a comma, and trailing known suffixes, are
// suffixes ("Jørgen Ångström, Jr." is Ångström; Jørgen; Jr.); the rest is
// split by SplitName. A name that is only honorifics stays a name.
func SplitNameParts(full string) NameParts {
	var n NameParts
	name := full
	if head, tail, ok := strings.Cut(full, ","); ok {
		for _, s := range strings.Split(tail, ",") {
			if s = strings.TrimSpace(s); s != "" {
				n.Suffixes = append(n.Suffixes, s)
			}
		}
		name = head
	}
	words := strings.Fields(name)
	for len(words) > 1 && namePrefixes[strings.ToLower(words[0])] {
		n.Prefixes = append(n.Prefixes, words[0])
		words = words[1:]
	}
	var trailing []string
	for len(words) > 1 && nameSuffixes[strings.ToLower(words[len(words)-1])] {
		trailing = append([]string{words[len(words)-1]}, trailing...)
		words = words[:len(words)-1]
	}
	n.Suffixes = append(trailing, n.Suffixes...)
	n.Family, n.Given = SplitName(strings.Join(words, " "))
	return n
}
