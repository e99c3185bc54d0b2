package team

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// The invitation file: JSON {v:1, salt, sealed}. sealed is the Invitation's
// JSON under XChaCha20-Poly1305 with the key Argon2id(code, salt). The code
// carries 100 random bits, so Argon2id's cost is a margin, not the defence:
// OWASP's minimum (19 MiB, 2 passes) keeps `team join` quick.
const (
	invitationVersion = 1
	codeChars         = 20 // 100 bits of Crockford base32
	codeGroup         = 4
	argonTime         = 2
	argonMemory       = 19 * 1024 // KiB
	argonThreads      = 1
	saltLen           = 16
	maxInvitation     = 1 << 20 // a real file is a few KiB; refuse anything absurd before parsing
)

// crockford is Crockford's base32 alphabet (no I, L, O, U).
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// ErrBadInvitation: the file is not an invitation (or a version we cannot read).
var ErrBadInvitation = errors.New("this file is not a Warmlead team invitation")

type invitationFile struct {
	V      int    `json:"v"`
	Salt   []byte `json:"salt"`
	Sealed []byte `json:"sealed"`
}

// newCode draws a fresh one-time code, grouped by four: K7Q2-M9X4-….
func newCode() string {
	raw := make([]byte, codeChars)
	rand.Read(raw)
	var b strings.Builder
	for i, r := range raw {
		if i > 0 && i%codeGroup == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(crockford[r&31]) // 256 is a multiple of 32: no bias
	}
	return b.String()
}

// normalizeCode reads a code as a person types it: any case, with or
// without dashes and spaces, O for 0 and I or L for 1 (Crockford's rule).
func normalizeCode(code string) (string, bool) {
	var b strings.Builder
	for _, r := range strings.ToUpper(code) {
		switch {
		case r == '-' || r == ' ':
			continue
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		}
		if !strings.ContainsRune(crockford, r) {
			return "", false
		}
		b.WriteRune(r)
	}
	return b.String(), b.Len() == codeChars
}

// codeKey derives the file's key from its code. A variable only so the
// fuzz test can swap in a cheap derivation: 19 MiB of Argon2id per input
// would leave it a few hundred executions a minute.
var codeKey = func(code string, salt []byte) []byte {
	return argon2.IDKey([]byte(code), salt, argonTime, argonMemory, argonThreads, chacha20poly1305.KeySize)
}

func writeInvitation(inv Invitation) ([]byte, string, error) {
	plain, err := json.Marshal(inv)
	if err != nil {
		return nil, "", err
	}
	code := newCode()
	norm, _ := normalizeCode(code)
	salt := make([]byte, saltLen)
	rand.Read(salt)
	aead, err := chacha20poly1305.NewX(codeKey(norm, salt))
	if err != nil {
		return nil, "", err
	}
	nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+len(plain)+aead.Overhead())
	rand.Read(nonce)
	f := invitationFile{V: invitationVersion, Salt: salt, Sealed: aead.Seal(nonce, nonce, plain, salt)}
	file, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, "", err
	}
	return append(file, '\n'), code, nil
}

func readInvitation(file []byte, code string) (Invitation, error) {
	if len(file) > maxInvitation {
		return Invitation{}, ErrBadInvitation
	}
	var f invitationFile
	if err := json.Unmarshal(file, &f); err != nil || f.V != invitationVersion || len(f.Salt) != saltLen {
		return Invitation{}, ErrBadInvitation
	}
	if len(f.Sealed) < chacha20poly1305.NonceSizeX+chacha20poly1305.Overhead {
		return Invitation{}, ErrBadInvitation
	}
	norm, ok := normalizeCode(code)
	if !ok {
		return Invitation{}, ErrBadCode
	}
	aead, err := chacha20poly1305.NewX(codeKey(norm, f.Salt))
	if err != nil {
		return Invitation{}, err
	}
	n := aead.NonceSize()
	plain, err := aead.Open(nil, f.Sealed[:n], f.Sealed[n:], f.Salt)
	if err != nil {
		return Invitation{}, ErrBadCode
	}
	var inv Invitation
	if err := json.Unmarshal(plain, &inv); err != nil {
		return Invitation{}, ErrBadInvitation
	}
	if err := inv.Keys.check(); err != nil {
		return Invitation{}, err
	}
	return inv, nil
}

// check refuses keys a member could not work with (a sealed file made by
// another build, or edited): every key 32 bytes, the current epoch held.
func (k Keys) check() error {
	if len(k.Index) != keyLen {
		return ErrBadInvitation
	}
	for _, s := range k.Seal {
		if len(s) != keyLen {
			return ErrBadInvitation
		}
	}
	if _, ok := k.Seal[k.Current]; !ok {
		return ErrBadInvitation
	}
	return nil
}
