// Package cli runs Warmlead's headless commands (../shared/design/cli.md):
// the same use cases the GUI offers (ui/usecase), for scripts, tests and
// support. A command parses its flags, calls one use case and prints the
// result; the names, flags, outputs and exit codes are a contract.
package cli

import (
	"errors"
	"fmt"

	"warmlead/store"
	"warmlead/ui/usecase"
)

// Exit codes of the contract.
const (
	ExitOK      = 0
	ExitError   = 1
	ExitUsage   = 2
	ExitBlocked = 3
	ExitLocked  = 4
	ExitKey     = 5
)

// ExitCode maps an error to the contract's exit code.
func ExitCode(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errBlocked):
		return ExitBlocked
	case isUsage(err):
		return ExitUsage
	case usecase.CodeOf(err) == usecase.CodeBlocked:
		return ExitBlocked
	case errors.Is(err, store.ErrLocked):
		return ExitLocked
	case errors.Is(err, store.ErrWrongPassphrase), errors.Is(err, store.ErrKeyringMismatch), errors.Is(err, store.ErrNoKeyringKey):
		return ExitKey
	}
	return ExitError
}

// isUsage: the command line was wrong (a flag, an id, a date), or a use
// case refused its input as invalid; both exit 2 with the hint to help.
func isUsage(err error) bool {
	return errors.As(err, new(usageError)) || usecase.CodeOf(err) == usecase.CodeInvalid
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }
