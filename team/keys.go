package team

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/curve25519"
	"golang.org/x/crypto/nacl/box"
)

// keyLen is the size of every symmetric team key and X25519 key.
const keyLen = 32

// Errors of opening a sealed note.
var (
	// ErrNoEpoch: the note was sealed under an epoch this member does not
	// hold (a revoked member's keys meeting a note sealed after revocation).
	ErrNoEpoch = errors.New("team: note sealed under a key epoch this member does not hold")
	// ErrSealBroken: the note is cut, altered, or bound to another row.
	ErrSealBroken = errors.New("team: sealed note is damaged or belongs to another row")
)

// sealHeader is the epoch (4 bytes, big-endian) then the XChaCha20 nonce.
const sealHeader = 4 + chacha20poly1305.NonceSizeX

// NewKeys makes a team's first keys: a fresh Index key and Seal epoch 1.
func NewKeys() Keys {
	return Keys{Index: randomKey(), Seal: map[int][]byte{1: randomKey()}, Current: 1}
}

func randomKey() []byte {
	k := make([]byte, keyLen)
	rand.Read(k) // never fails (crypto/rand's contract since Go 1.24)
	return k
}

// blind computes HMAC-SHA256(Index, kind NUL value): the kind keeps an
// email and a phone of the same text from meeting.
func (k Keys) blind(kind, normalized string) []byte {
	m := hmac.New(sha256.New, k.Index)
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write([]byte(normalized))
	return m.Sum(nil)
}

// sealAD binds the epoch into the authenticated data, so an epoch number
// swapped in the header does not open.
func sealAD(epoch uint32, ad []byte) []byte {
	out := binary.BigEndian.AppendUint32(make([]byte, 0, 4+len(ad)), epoch)
	return append(out, ad...)
}

func (k Keys) sealNote(plaintext, ad []byte) []byte {
	key, ok := k.Seal[k.Current]
	if !ok || k.Current <= 0 {
		panic(fmt.Sprintf("team: no Seal key for the current epoch %d", k.Current))
	}
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		panic("team: Seal key of the wrong size")
	}
	epoch := uint32(k.Current)
	out := make([]byte, sealHeader, sealHeader+len(plaintext)+aead.Overhead())
	binary.BigEndian.PutUint32(out, epoch)
	rand.Read(out[4:sealHeader])
	return aead.Seal(out, out[4:sealHeader], plaintext, sealAD(epoch, ad))
}

func (k Keys) openNote(sealed, ad []byte) ([]byte, error) {
	if len(sealed) < sealHeader+chacha20poly1305.Overhead {
		return nil, ErrSealBroken
	}
	epoch := binary.BigEndian.Uint32(sealed)
	key, ok := k.Seal[int(epoch)]
	if !ok || int(epoch) <= 0 {
		return nil, ErrNoEpoch
	}
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, ErrSealBroken
	}
	plain, err := aead.Open(nil, sealed[4:sealHeader], sealed[sealHeader:], sealAD(epoch, ad))
	if err != nil {
		return nil, ErrSealBroken
	}
	return plain, nil
}

// Epoch is the Seal epoch a note was sealed under (0 when too short).
func Epoch(sealed []byte) int {
	if len(sealed) < 4 {
		return 0
	}
	return int(binary.BigEndian.Uint32(sealed))
}

// clone copies k deeply, so a caller's rotation never changes another's.
func (k Keys) clone() Keys {
	out := Keys{Index: append([]byte(nil), k.Index...), Seal: make(map[int][]byte, len(k.Seal)), Current: k.Current}
	for e, s := range k.Seal {
		out.Seal[e] = append([]byte(nil), s...)
	}
	return out
}

// NewMemberKey makes a member's X25519 key pair: the private half goes in
// the member's Credentials, the public half on the server.
func NewMemberKey() (private, public []byte) {
	pub, priv, err := box.GenerateKey(rand.Reader)
	if err != nil {
		panic("team: no randomness for a member key")
	}
	return priv[:], pub[:]
}

// PublicKey derives the public half of a member's private key.
func PublicKey(private []byte) ([]byte, error) {
	if len(private) != keyLen {
		return nil, errors.New("team: member key of the wrong size")
	}
	return curve25519.X25519(private, curve25519.Basepoint)
}

// sealEpoch seals one Seal epoch's key to a member's public key (anonymous
// box: only that member's private key opens it).
func sealEpoch(public, key []byte) ([]byte, error) {
	if len(public) != keyLen {
		return nil, errors.New("team: member public key of the wrong size")
	}
	var pub [keyLen]byte
	copy(pub[:], public)
	return box.SealAnonymous(nil, key, &pub, rand.Reader)
}

// openEpoch opens what sealEpoch sealed, with the member's private key.
func openEpoch(private, sealed []byte) ([]byte, error) {
	pub, err := PublicKey(private)
	if err != nil {
		return nil, err
	}
	var pk, sk [keyLen]byte
	copy(pk[:], pub)
	copy(sk[:], private)
	key, ok := box.OpenAnonymous(nil, sealed, &pk, &sk)
	if !ok || len(key) != keyLen {
		return nil, ErrSealBroken
	}
	return key, nil
}
