package usecase

import (
	"errors"
	"fmt"
	"testing"

	"warmlead/consent"
	"warmlead/store"
)

func TestCodeOf(t *testing.T) {
	tpl := Template{Code: CodePrecondition, Text: "no call reached {{.ID}}"}
	cases := []struct {
		err  error
		want Code
	}{
		{nil, ""},
		{tpl.New("ID", 3), CodePrecondition},
		{fmt.Errorf("wrapped: %w", tpl.New("ID", 3)), CodePrecondition},
		{fmt.Errorf("wrapped: %w", store.ErrNotFound), CodeNotFound},
		{&store.DuplicateError{ID: 2, Field: "email"}, CodeDuplicate},
		{&store.SuppressedError{Field: "phone"}, CodeSuppressed},
		{errors.New("disk full"), CodeFailed},
	}
	for _, c := range cases {
		if got := CodeOf(c.err); got != c.want {
			t.Errorf("CodeOf(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}

// An Error prints its English sentence (the CLI's output) and unwraps to
// its cause.
func TestErrorTextAndCause(t *testing.T) {
	tpl := Template{Code: CodeFailed, Text: "cannot write {{.What}}"}
	e := tpl.Wrap(store.ErrNotUnlocked, "What", "the file")
	if e.Error() != "cannot write the file" {
		t.Errorf("Error() = %q", e.Error())
	}
	if !errors.Is(e, store.ErrNotUnlocked) {
		t.Error("the cause is lost")
	}
	if e.Msg.Data["What"] != "the file" {
		t.Errorf("values: %v", e.Msg.Data)
	}
}

// Commit writes the events and the audit entry together; a prospect that
// does not exist writes neither and says not found.
func TestCommitIsOneTransaction(t *testing.T) {
	_, db := newTestApp(t)
	p, err := db.AddProspect(consent.Prospect{Name: "Anna Berg", Company: "Berg AB", Email: "anna@berg.example", Source: consent.SourceCard},
		store.AddOptions{Rep: "Rita Rep", Region: "SE"})
	if err != nil {
		t.Fatal(err)
	}
	audit := []store.AuditEntry{{Rep: "Rita Rep", Action: "exported", Prospect: p.ID, Detail: "json"}}
	if _, err := db.Commit(store.Change{Prospect: p.ID + 99, Events: []consent.Event{{Kind: consent.KindExported}}, Audit: audit}); CodeOf(err) != CodeNotFound {
		t.Fatalf("commit to a missing prospect: %v", err)
	}
	log, _ := db.AuditLog()
	if len(log) != 0 {
		t.Fatalf("audit entry written without its event: %+v", log)
	}
	evs, err := db.Commit(store.Change{Prospect: p.ID, Events: []consent.Event{{Kind: consent.KindExported}}, Audit: audit})
	if err != nil || len(evs) != 1 || evs[0].Seq != 2 {
		t.Fatalf("commit: %v %+v", err, evs)
	}
	if log, _ = db.AuditLog(); len(log) != 1 || log[0].Action != "exported" {
		t.Fatalf("audit log: %+v", log)
	}
}
