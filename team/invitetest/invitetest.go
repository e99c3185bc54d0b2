// Package invitetest alters invitation files for the tests of the team's
// users (the use cases, the commands): package team's own tests cannot
// import it, it imports team.
package invitetest

import (
	"os"
	"testing"

	"warmlead/team"
)

// WrongPassword rewrites the invitation in file (opened with code) so that
// its login's password is wrong, as a mistyped or stale credential would
// be, and returns the new file's code.
func WrongPassword(t testing.TB, file, code string) string {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	inv, err := team.ReadInvitation(raw, code)
	if err != nil {
		t.Fatal(err)
	}
	inv.Credentials.Password = "not-the-password"
	raw, code, err = team.WriteInvitation(inv)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return code
}
