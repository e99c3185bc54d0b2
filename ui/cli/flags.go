package cli

import (
	"flag"
	"io"
	"strconv"
	"strings"
	"time"

	"warmlead/ui/usecase"
)

// command is one sub-command: its flags are registered on fs by setup, and
// run gets the positional arguments.
type command struct {
	name    string
	summary string
	setup   func(fs *flag.FlagSet, e *env) func(args []string) error
}

// newFlagSet makes a flag set that also accepts the global flags, so they
// may stand before or after the sub-command.
func newFlagSet(name string, c *usecase.Config) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addGlobalFlags(fs, c)
	return fs
}

func addGlobalFlags(fs *flag.FlagSet, c *usecase.Config) {
	fs.StringVar(&c.DB, "db", c.DB, "database file")
	fs.StringVar(&c.PasswordFile, "password-file", c.PasswordFile, "read the recovery passphrase from this file")
	fs.BoolVar(&c.NoKeyring, "no-keyring", c.NoKeyring, "never use the OS keyring")
	fs.StringVar(&c.Rep, "rep", c.Rep, "who is acting")
	fs.BoolVar(&c.AcceptOlder, "accept-older", c.AcceptOlder, "open the database although it is older than the one last opened here")
}

// parseInterspersed parses flags that may come before or after positional
// arguments ("show 12 --json") and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func parseID(s string) (uint64, error) {
	id, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	if err != nil || id == 0 {
		return 0, usagef("%q is not a prospect id: use the number 'warmlead list' shows", s)
	}
	return id, nil
}

// ParseDate reads a YYYY-MM-DD date as midnight UTC; a bad one is a usage
// error (usecase.ParseDate, which the screens use too).
func ParseDate(s string) (time.Time, error) { return usecase.ParseDate(s) }
