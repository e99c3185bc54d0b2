package team

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

func TestRevoke(t *testing.T) {
	f := newFixture(t)
	ctx := testCtx(t)
	bertOld := f.inv["Bert Rep"]
	if _, err := f.ann.Revoke(ctx, "Bert Rep"); !errors.Is(err, ErrNotManager) {
		t.Fatalf("a rep revoking: %v, want ErrNotManager", err)
	}
	if _, err := f.manager.Revoke(ctx, "Nobody"); !errors.Is(err, ErrNoMember) {
		t.Fatalf("revoking an unknown member: %v, want ErrNoMember", err)
	}
	if _, err := f.manager.Revoke(ctx, "Maria Manager"); err == nil {
		t.Fatal("the manager revoked themselves")
	}
	keys, err := f.manager.Revoke(ctx, "Bert Rep")
	if err != nil {
		t.Fatal(err)
	}
	if keys.Current != 2 || len(keys.Seal[2]) != keyLen || bytes.Equal(keys.Seal[1], keys.Seal[2]) {
		t.Fatalf("rotated keys: epoch %d", keys.Current)
	}
	if !bytes.Equal(keys.Index, bertOld.Keys.Index) {
		t.Fatal("the Index key rotated: the server's blind indexes would no longer meet")
	}
	if _, err := f.manager.Revoke(ctx, "Bert Rep"); !errors.Is(err, ErrNoMember) {
		t.Fatalf("revoking twice: %v, want ErrNoMember", err)
	}

	// The login fails, however Bert tries.
	start := time.Now()
	if _, err := Connect(ctx, bertOld.Credentials, bertOld.Keys); !errors.Is(err, ErrRevoked) {
		t.Fatalf("Bert connecting after revocation: %v, want ErrRevoked", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("the refusal took %v", d)
	}
	// Bert's session open at the revocation is ended, and says why.
	err = f.bert.Push(ctx, newPerson(bertOld.Keys, 3, "late@example.com", 1).batch())
	t.Logf("Bert's open session pushing after revocation: %v", err)
	if !errors.Is(err, ErrRevoked) {
		t.Fatalf("Bert's open session pushing after revocation: %v", err)
	}
	if n := count(t, f, "records", "prospect = 3"); n != 0 {
		t.Fatal("a revoked member's push landed")
	}

	// Ann, who held only epoch 1, gets epoch 2 at her next connect.
	ann := f.connect(t, f.inv["Ann Rep"])
	ak := ann.Keys()
	if ak.Current != 2 || !bytes.Equal(ak.Seal[2], keys.Seal[2]) || !bytes.Equal(ak.Seal[1], keys.Seal[1]) {
		t.Fatalf("Ann's keys after the rotation: epoch %d", ak.Current)
	}
	note := ak.SealNote([]byte("objected after Bert left"), []byte("k"))
	if Epoch(note) != 2 {
		t.Fatalf("new notes sealed under epoch %d, want 2", Epoch(note))
	}
	if _, err := bertOld.Keys.OpenNote(note, []byte("k")); !errors.Is(err, ErrNoEpoch) {
		t.Fatalf("Bert's old keys on a new-epoch note: %v, want ErrNoEpoch", err)
	}
	// Nor can Bert's member key open the new epoch's sealed key.
	conn := f.rawAdmin(t)
	var sealedForAnn []byte
	if err := conn.QueryRow(ctx, "SELECT sealed_key FROM wl_sales_north.team_keys WHERE epoch = 2 AND login = $1",
		f.inv["Ann Rep"].Credentials.Login).Scan(&sealedForAnn); err != nil {
		t.Fatal(err)
	}
	if _, err := openEpoch(bertOld.Credentials.MemberKey, sealedForAnn); err == nil {
		t.Fatal("Bert's member key opened the epoch sealed to Ann")
	}
	var forBert int
	conn.QueryRow(ctx, "SELECT count(*) FROM wl_sales_north.team_keys WHERE epoch = 2 AND login = $1",
		bertOld.Credentials.Login).Scan(&forBert)
	if forBert != 0 {
		t.Fatal("the new epoch was sealed to the revoked member")
	}

	// A member invited after the revocation reads old and new notes.
	carl := f.join(t, "Carl Rep")
	if ck := carl.Keys(); ck.Current != 2 || len(ck.Seal) != 2 {
		t.Fatalf("Carl's keys: epoch %d, %d epochs", ck.Current, len(ck.Seal))
	}
	members, err := f.manager.Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		if (m.Name == "Bert Rep") == m.Revoked.IsZero() {
			t.Errorf("%s: revoked %v", m.Name, m.Revoked)
		}
	}
	// A revoked member's name stays taken: who recorded which block stays unambiguous.
	if _, err := f.manager.Invite(ctx, "Bert Rep", false); !errors.Is(err, ErrMemberExists) {
		t.Fatalf("inviting a revoked name again: %v, want ErrMemberExists", err)
	}
}

func TestLoginRefusedIsNotRevoked(t *testing.T) {
	f := newFixture(t)
	wrong := f.inv["Ann Rep"].Credentials
	wrong.Password = "not-the-password"
	_, err := Connect(testCtx(t), wrong, f.inv["Ann Rep"].Keys)
	if !errors.Is(err, ErrLoginRefused) || errors.Is(err, ErrRevoked) {
		t.Fatalf("a wrong password: %v, want ErrLoginRefused (never ErrRevoked: the laptop would drop its team data)", err)
	}
}
