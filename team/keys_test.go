package team

import (
	"bytes"
	"errors"
	"testing"
)

func TestBlindIsKeyedAndKindBound(t *testing.T) {
	a, b := NewKeys(), NewKeys()
	x := a.Blind("email", "anna@example.com")
	if len(x) != 32 {
		t.Fatalf("blind index of %d bytes, want 32", len(x))
	}
	cases := []struct {
		name string
		got  []byte
		same bool
	}{
		{"same key, kind and value", a.Blind("email", "anna@example.com"), true},
		{"other value", a.Blind("email", "anne@example.com"), false},
		{"other kind", a.Blind("phone", "anna@example.com"), false},
		{"kind and value not merely joined", a.Blind("emai", "lanna@example.com"), false},
		{"other team's key", b.Blind("email", "anna@example.com"), false},
	}
	for _, c := range cases {
		if bytes.Equal(x, c.got) != c.same {
			t.Errorf("%s: equal = %v, want %v", c.name, !c.same, c.same)
		}
	}
}

func TestSealNoteOpensOnlyWithItsEpochAndRow(t *testing.T) {
	k := NewKeys()
	sealed := k.SealNote([]byte("objected on 3 Mar"), []byte("block-1"))
	if bytes.Contains(sealed, []byte("objected")) {
		t.Fatal("the note is in clear")
	}
	if Epoch(sealed) != 1 {
		t.Fatalf("epoch %d in the note, want 1", Epoch(sealed))
	}
	rotated := k.clone()
	rotated.Seal[2] = randomKey()
	rotated.Current = 2
	newer := rotated.SealNote([]byte("after revocation"), []byte("block-2"))

	flipped := append([]byte(nil), sealed...)
	flipped[len(flipped)-1] ^= 1
	swapped := append([]byte(nil), newer...)
	copy(swapped, sealed[:4]) // claims epoch 1

	cases := []struct {
		name   string
		keys   Keys
		sealed []byte
		ad     string
		want   string
		err    error
	}{
		{"own epoch", k, sealed, "block-1", "objected on 3 Mar", nil},
		{"older epoch after rotation", rotated, sealed, "block-1", "objected on 3 Mar", nil},
		{"newer epoch with the rotated keys", rotated, newer, "block-2", "after revocation", nil},
		{"newer epoch with the old keys", k, newer, "block-2", "", ErrNoEpoch},
		{"other row", k, sealed, "block-2", "", ErrSealBroken},
		{"altered", k, flipped, "block-1", "", ErrSealBroken},
		{"epoch swapped in the header", rotated, swapped, "block-2", "", ErrSealBroken},
		{"cut", k, sealed[:10], "block-1", "", ErrSealBroken},
		{"empty", k, nil, "block-1", "", ErrSealBroken},
	}
	for _, c := range cases {
		got, err := c.keys.OpenNote(c.sealed, []byte(c.ad))
		if !errors.Is(err, c.err) || string(got) != c.want {
			t.Errorf("%s: got %q, %v; want %q, %v", c.name, got, err, c.want, c.err)
		}
	}
}

func TestEpochSealedToOneMember(t *testing.T) {
	privA, pubA := NewMemberKey()
	privB, _ := NewMemberKey()
	if pub, err := PublicKey(privA); err != nil || !bytes.Equal(pub, pubA) {
		t.Fatalf("PublicKey does not give the pair's public half: %v", err)
	}
	key := randomKey()
	sealed, err := sealEpoch(pubA, key)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := openEpoch(privA, sealed); err != nil || !bytes.Equal(got, key) {
		t.Fatalf("member A cannot open its epoch: %v", err)
	}
	if _, err := openEpoch(privB, sealed); !errors.Is(err, ErrSealBroken) {
		t.Fatalf("member B opened A's epoch: %v", err)
	}
}
