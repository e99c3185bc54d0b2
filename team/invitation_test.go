package team

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"regexp"
	"strings"
	"testing"
)

func sampleInvitation() Invitation {
	priv, _ := NewMemberKey()
	return Invitation{
		Credentials: Credentials{URL: "postgres://db.example.com:5432/sales?sslmode=verify-full", Team: "Sales North",
			Member: "Rita Jansen", Login: "wl_sales_north_rita_jansen_x7", Password: "s3cret-pass", MemberKey: priv},
		Keys: NewKeys(),
	}
}

func TestInvitationRoundTrip(t *testing.T) {
	inv := sampleInvitation()
	file, code, err := WriteInvitation(inv)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$`).MatchString(code) {
		t.Fatalf("code %q is not 20 Crockford base32 characters in groups of four", code)
	}
	for _, secret := range []string{inv.Credentials.Password, inv.Credentials.Login, "Rita", "db.example.com"} {
		if bytes.Contains(file, []byte(secret)) {
			t.Errorf("the invitation file holds %q in clear", secret)
		}
	}
	// As a person types it: lower case, spaces for dashes, O for 0.
	typed := strings.ReplaceAll(strings.ToLower(code), "-", " ")
	typed = strings.ReplaceAll(typed, "0", "o")
	got, err := ReadInvitation(file, typed)
	if err != nil {
		t.Fatal(err)
	}
	if got.Credentials.Password != inv.Credentials.Password || !bytes.Equal(got.Keys.Index, inv.Keys.Index) ||
		!bytes.Equal(got.Keys.Seal[1], inv.Keys.Seal[1]) || !bytes.Equal(got.Credentials.MemberKey, inv.Credentials.MemberKey) {
		t.Fatal("the invitation read back differs from the one written")
	}
	_, code2, _ := WriteInvitation(inv)
	if code2 == code {
		t.Fatal("two invitations got the same code")
	}
}

func TestInvitationRefusals(t *testing.T) {
	file, code, err := WriteInvitation(sampleInvitation())
	if err != nil {
		t.Fatal(err)
	}
	other := []byte(code)
	if other[0] == '0' {
		other[0] = '1'
	} else {
		other[0] = '0'
	}
	cases := []struct {
		name string
		file []byte
		code string
		err  error
	}{
		{"wrong code", file, string(other), ErrBadCode},
		{"code too short", file, code[:10], ErrBadCode},
		{"code with a U", file, "U" + code[1:], ErrBadCode},
		{"not JSON", []byte("hello"), code, ErrBadInvitation},
		{"other version", bytes.Replace(file, []byte(`"v": 1`), []byte(`"v": 2`), 1), code, ErrBadInvitation},
		{"empty", nil, code, ErrBadInvitation},
	}
	for _, c := range cases {
		if _, err := ReadInvitation(c.file, c.code); !errors.Is(err, c.err) {
			t.Errorf("%s: %v, want %v", c.name, err, c.err)
		}
	}
}

func FuzzReadInvitation(f *testing.F) {
	argon := codeKey
	codeKey = func(code string, salt []byte) []byte {
		k := sha256.Sum256(append([]byte(code), salt...))
		return k[:]
	}
	f.Cleanup(func() { codeKey = argon })
	file, code, err := WriteInvitation(sampleInvitation())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(file, code)
	f.Add([]byte(`{"v":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA==","sealed":"AAAA"}`), code)
	f.Add([]byte(`{"v":1}`), "")
	f.Fuzz(func(t *testing.T, file []byte, code string) {
		inv, err := ReadInvitation(file, code)
		if err != nil {
			if !errors.Is(err, ErrBadCode) && !errors.Is(err, ErrBadInvitation) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if err := inv.Keys.check(); err != nil {
			t.Fatalf("opened an invitation with unusable keys: %v", err)
		}
	})
}
