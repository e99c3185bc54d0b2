package store

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"hash"
	"io"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/hkdf"
)

// Sealed values start with a format byte so the scheme can change later
// without guessing.
const (
	formatXChaCha byte = 1
	formatPlain   byte = 0 // only in databases created with InsecurePlaintext (tests)
	keyLen             = 32
)

var errOpen = errors.New("message authentication failed")

// KDFParams are the Argon2id parameters, stored in meta beside the salt so a
// later version can raise them without breaking old files.
type KDFParams struct {
	Salt    []byte `json:"salt"`
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory_kib"`
	Threads uint8  `json:"threads"`
}

// DefaultKDF costs about a quarter of a second on a 2-core laptop: slow for
// guessing, quick enough for unlock.
func DefaultKDF() KDFParams { return KDFParams{Time: 2, Memory: 64 * 1024, Threads: 2} }

// FastKDF is for tests only.
func FastKDF() KDFParams { return KDFParams{Time: 1, Memory: 1024, Threads: 1} }

func (p KDFParams) derive(pass []byte) []byte {
	return argon2.IDKey(pass, p.Salt, p.Time, p.Memory, p.Threads, keyLen)
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	if _, err := io.ReadFull(rand.Reader, b); err != nil {
		panic("store: no system randomness") // nothing safe can be done without it
	}
	return b
}

// seal encrypts plaintext under key with ad as associated data.
func seal(key, plaintext, ad []byte) []byte {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		panic("store: bad key length")
	}
	out := make([]byte, 1+aead.NonceSize(), 1+aead.NonceSize()+len(plaintext)+aead.Overhead())
	out[0] = formatXChaCha
	copy(out[1:], randomBytes(aead.NonceSize()))
	return aead.Seal(out, out[1:1+aead.NonceSize()], plaintext, ad)
}

// open decrypts a sealed value into a fresh slice.
func open(key, sealed, ad []byte) ([]byte, error) {
	if len(sealed) < 1 || sealed[0] != formatXChaCha {
		return nil, errOpen
	}
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, errOpen
	}
	ns := aead.NonceSize()
	if len(sealed) < 1+ns+aead.Overhead() {
		return nil, errOpen
	}
	pt, err := aead.Open(nil, sealed[1:1+ns], sealed[1+ns:], ad)
	if err != nil {
		return nil, errOpen
	}
	return pt, nil
}

// subkey derives an independent key for one use (blind indexes, suppression)
// from the data key, so a leaked index key reveals nothing sealed.
func subkey(dataKey []byte, label string) []byte {
	k := make([]byte, keyLen)
	if _, err := io.ReadFull(hkdf.New(sha256.New, dataKey, nil, []byte("warmlead "+label)), k); err != nil {
		panic("store: hkdf failed")
	}
	return k
}

// blind is the keyed hash used as an index key for an email or phone number:
// equal inputs match, but the file reveals nothing about them.
func blind(key []byte, kind, normalized string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write([]byte(normalized))
	return m.Sum(nil)[:16]
}

// blinder computes blind values one after another with a single HMAC
// state, for bulk work (a million register numbers, every prospect of
// Records) where setting up an HMAC per value would dominate. Its output
// equals blind's. Not safe for concurrent use; the returned slice is valid
// until the next call.
type blinder struct {
	m   hash.Hash
	buf []byte
	sum []byte
}

func newBlinder(key []byte) *blinder {
	return &blinder{m: hmac.New(sha256.New, key), sum: make([]byte, 0, sha256.Size)}
}

func (b *blinder) blind(kind, normalized string) []byte {
	b.buf = append(append(append(b.buf[:0], kind...), 0), normalized...)
	b.m.Reset()
	b.m.Write(b.buf)
	b.sum = b.m.Sum(b.sum[:0])
	return b.sum[:16]
}

func zero(b []byte) {
	for i := range b {
		b[i] = 0
	}
}
