package consent

import (
	"strings"
	"unicode"
)

// MinPassphraseLen is the shortest recovery passphrase accepted.
const MinPassphraseLen = 10

// The reasons a recovery passphrase is refused. The GUI's strength meter
// shows them translated, `warmlead init` and `passwd` print them in English:
// the same sentence in both.
const (
	tPassTooShort   = "Too short: at least {{.Min}} characters"
	tPassBlank      = "Only spaces: choose a few words you will remember"
	tPassRepeated   = "One character repeated: choose a few words you will remember"
	tPassSimpleRun  = "A simple run like 12345678 or abcdefgh: choose a few words you will remember"
	simpleRunSource = "abcdefghijklmnopqrstuvwxyz" + "01234567890" + "qwertyuiop" + "asdfghjkl" + "zxcvbnm" + "azertyuiop" + "qwertzuiop"
)

// PassphraseTemplates lists the sentences of WeakPassphrase, for the
// translation check.
func PassphraseTemplates() []string {
	return []string{tPassTooShort, tPassBlank, tPassRepeated, tPassSimpleRun}
}

// WeakPassphrase tells why p is too weak to protect the data key, which
// any copy of the file exposes to guessing offline: blank, shorter than
// MinPassphraseLen, one character repeated, or a simple run (of the
// alphabet, the digits or a keyboard row, either way round, in any case).
// ok is true when p is acceptable; the strength meter rates it further.
func WeakPassphrase(p string) (reason Message, weak bool) {
	runes := []rune(p)
	switch {
	case strings.TrimFunc(p, unicode.IsSpace) == "" && len(runes) > 0:
		return Msg(tPassBlank), true
	case len(runes) < MinPassphraseLen:
		return Msg(tPassTooShort, "Min", MinPassphraseLen), true
	case strings.Count(p, string(runes[0])) == len(runes):
		return Msg(tPassRepeated), true
	case simpleRun(runes):
		return Msg(tPassSimpleRun), true
	}
	return Message{}, false
}

// simpleRun: each character follows the one before it by one step of the
// alphabet or the digits (0 after 9), or the whole is a piece of a
// keyboard row, forwards or backwards.
func simpleRun(rs []rune) bool {
	lower := []rune(strings.ToLower(string(rs)))
	up, down := true, true
	for i := 1; i < len(lower); i++ {
		d := lower[i] - lower[i-1]
		digits := unicode.IsDigit(lower[i]) && unicode.IsDigit(lower[i-1])
		up = up && (d == 1 || digits && d == -9)
		down = down && (d == -1 || digits && d == 9)
	}
	if up || down {
		return true
	}
	s := string(lower)
	rev := make([]rune, len(lower))
	for i, r := range lower {
		rev[len(lower)-1-i] = r
	}
	return strings.Contains(simpleRunSource, s) || strings.Contains(simpleRunSource, string(rev))
}
