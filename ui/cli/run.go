package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/usecase"
)

// env is what a running command has: config, streams and, once opened, the
// unlocked database.
type env struct {
	cfg    usecase.Config
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	db     *store.DB
	uc     *usecase.App
}

// open unlocks the database once per command.
func (e *env) open() (*store.DB, error) {
	if e.db != nil {
		return e.db, nil
	}
	db, err := e.cfg.OpenUnlocked()
	if err != nil {
		return nil, err
	}
	e.db = db
	return db, nil
}

// app is the use cases over the database, opened on first use.
func (e *env) app() (*usecase.App, error) {
	if e.uc != nil {
		return e.uc, nil
	}
	db, err := e.open()
	if err != nil {
		return nil, err
	}
	e.uc = usecase.New(db, usecase.Env{Rep: e.rep, Keep: []string{e.cfg.PasswordFile}})
	return e.uc, nil
}

// appFor reads the prospect id a command is about and opens the use
// cases. A bad id, or a failed check of the other arguments (pre), is a
// usage error before the database is touched.
func (e *env) appFor(arg string, pre ...error) (*usecase.App, uint64, error) {
	id, err := parseID(arg)
	if err != nil {
		return nil, 0, err
	}
	for _, err := range pre {
		if err != nil {
			return nil, 0, err
		}
	}
	uc, err := e.app()
	return uc, id, err
}

// langFlag checks a --lang flag: empty (the default) or a language code.
func langFlag(lang string) error {
	if lang == "" {
		return nil
	}
	if _, err := consent.ParseLanguage(lang); err != nil {
		return usagef("%v", err)
	}
	return nil
}

// rep is who is acting: the flag or environment, else the settings' rep.
func (e *env) rep() string {
	if e.cfg.Rep != "" {
		return e.cfg.Rep
	}
	if e.db != nil {
		if s, err := e.db.Settings(); err == nil {
			return s.Rep
		}
	}
	return ""
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// IsCommand tells main whether args name a sub-command (else: the GUI).
// Global flags with values may stand first ("--db F list").
func IsCommand(args []string) bool {
	var c usecase.Config
	fs := newFlagSet("warmlead", &c)
	if err := fs.Parse(args); err != nil {
		return true // let Run print the usage error
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return false
	}
	_, ok := commands[rest[0]]
	return ok || rest[0] == "help"
}

// GUIConfig reads the global flags and environment for the window.
func GUIConfig(args []string) (usecase.Config, error) {
	c := usecase.ConfigFromEnv()
	fs := newFlagSet("warmlead", &c)
	if err := fs.Parse(args); err != nil {
		return c, usagef("%v", err)
	}
	if fs.NArg() > 0 {
		return c, usagef("unknown command %q", fs.Arg(0))
	}
	return c, nil
}

// Run executes a sub-command and returns the process exit code. Errors are
// printed as one line on stderr.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{cfg: usecase.ConfigFromEnv(), stdin: stdin, stdout: stdout, stderr: stderr}
	err := run(e, args)
	if e.uc != nil {
		e.uc.Team.Close() // the manager's mirror, if a command opened it
	}
	if e.db != nil {
		if cerr := e.db.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}
	if err != nil && !errors.Is(err, errBlocked) { // a blocked answer is output, not an error
		fmt.Fprintln(stderr, "warmlead: "+safe(oneLine(err.Error())))
		if isUsage(err) {
			fmt.Fprintln(stderr, "run 'warmlead help' for the commands")
		}
	}
	return ExitCode(err)
}

func run(e *env, args []string) error {
	// Global flags may stand before the sub-command.
	gfs := newFlagSet("warmlead", &e.cfg)
	if err := gfs.Parse(args); err != nil {
		return usagef("%v", err)
	}
	rest := gfs.Args()
	if len(rest) == 0 || rest[0] == "help" {
		printHelp(e.stdout)
		return nil
	}
	c, ok := commands[rest[0]]
	if !ok {
		return usagef("unknown command %q", rest[0])
	}
	fs := newFlagSet(c.name, &e.cfg)
	runFn := c.setup(fs, e)
	pos, err := parseInterspersed(fs, rest[1:])
	if err != nil {
		return err
	}
	return runFn(pos)
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "Warmlead: GDPR-proof prospecting. Without a command the app window opens.")
	fmt.Fprintln(w, "\nGlobal flags: --db PATH  --password-file F  --no-keyring  --rep NAME")
	fmt.Fprintln(w, "\nKeep personal data off the command line (ps shows it to every user):")
	fmt.Fprintln(w, "  add|edit|refer|referral --from-json FILE|-   the values as one JSON object, from a file or standard input")
	fmt.Fprintln(w, "  consent|object|referral --evidence-file F|-  the proof from a file, a pipe or standard input")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	width := 0 // the longest name, so every summary starts in one column
	for n := range commands {
		names = append(names, n)
		width = max(width, len(n))
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-*s %s\n", width, n, commands[n].summary)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// need checks the count of positional arguments.
func need(pos []string, n int, usage string) error {
	if len(pos) != n {
		return usagef("usage: warmlead %s", usage)
	}
	return nil
}

// flagSet is a small alias to keep command files short.
type flagSet = flag.FlagSet

// Main is the entry for main.go.
func Main(args []string) int { return Run(args, os.Stdin, os.Stdout, os.Stderr) }
