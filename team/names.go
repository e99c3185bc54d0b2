package team

import (
	"crypto/rand"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Role and schema names are cluster-wide identifiers of at most 63 bytes:
// slugs keep them to [a-z0-9_], so they can be spliced into SQL safely.
const (
	teamSlugMax   = 20
	memberSlugMax = 20
	loginRandLen  = 6
)

// slug folds a name to [a-z0-9_]: accents dropped (Jönsson -> jonsson),
// every other run of characters one underscore, cut to max bytes.
func slug(name string, max int) string {
	var b strings.Builder
	under := false
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			under = false
		case !under && b.Len() > 0:
			b.WriteByte('_')
			under = true
		}
	}
	s := strings.TrimRight(b.String(), "_")
	if len(s) > max {
		s = strings.TrimRight(s[:max], "_")
	}
	return s
}

// names are one team's identifiers on the server.
type names struct {
	schema   string // wl_<slug>
	members  string // wl_<slug>_members: every member's group role
	managers string // wl_<slug>_managers
	channel  string // the LISTEN/NOTIFY channel: the schema's name
}

func teamNames(team string) (names, bool) {
	s := slug(team, teamSlugMax)
	if s == "" {
		return names{}, false
	}
	schema := "wl_" + s
	return names{schema: schema, members: schema + "_members", managers: schema + "_managers", channel: schema}, true
}

// loginFor makes a member's login: wl_<team>_<member>_<random>, so a
// member invited again after a revocation gets a new role.
func (n names) loginFor(member string) string {
	m := slug(member, memberSlugMax)
	if m == "" {
		m = "member"
	}
	return n.schema + "_" + m + "_" + randomText(loginRandLen, "abcdefghijkmnpqrstuvwxyz23456789")
}

// randomText draws n characters of alphabet (whose length divides 256).
func randomText(n int, alphabet string) string {
	raw := make([]byte, n)
	rand.Read(raw)
	for i, r := range raw {
		raw[i] = alphabet[int(r)%len(alphabet)]
	}
	return string(raw)
}

// newPassword: 32 characters of 64 symbols, 192 bits.
func newPassword() string {
	return randomText(32, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
}
