package usecase

// Reading the files a rep names (vCards, do-not-call registers, backups,
// evidence, the passphrase file): one helper, so every command refuses
// what never ends (/dev/zero, a FIFO, a folder) and caps what it reads.

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strconv"
)

// The caps of the files Warmlead reads. A vCard file is capped by its
// reader (vcardin.DefaultLimits); these are the others.
const (
	MaxPassphraseFile = 4 << 10   // a passphrase is a line, not a file
	MaxDNCFile        = 256 << 20 // 1,000,000 numbers in CSV with a few columns is ~60 MB
	MaxBackupFile     = 16 << 30  // far beyond a million prospects; /dev/zero is not a backup
	MaxJSONInput      = 64 << 10  // --from-json: a few fields of one person
)

// The refusals: the callers put them after their own "cannot read the
// backup: " (or the file's name), so they name no file.
var (
	errInputFolder  = newTemplate(CodeFailed, "it is a folder, not a file")
	errInputSpecial = newTemplate(CodeFailed, "it is a device, pipe or socket, not a file (it may never end)")
	errInputTooBig  = newTemplate(CodeFailed, "it is larger than {{.Max}}; nothing was read")
)

// ErrInputRefused is the cause of a refusal of the file itself (a folder,
// a device, too large), as opposed to a failure to read it.
var ErrInputRefused = errors.New("usecase: the input is not a file Warmlead reads")

// InputMode says which files OpenInput accepts besides regular ones.
type InputMode int

// The modes: regular files only, or pipes as well (read up to the cap:
// evidence piped in, a passphrase from <(pass show ...)).
const (
	RegularOnly InputMode = iota
	PipesToo
)

// OpenInput opens path for reading. A folder, a device (/dev/zero,
// /dev/urandom), a socket and, unless mode allows pipes, a FIFO are
// refused before the file is opened (opening a FIFO would wait for a
// writer); a regular file over max bytes is refused before a byte is read.
// Opening errors are os.Open's; the refusals name no file.
func OpenInput(path string, max int64, mode InputMode) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		// Said as opening it says (what the commands printed before):
		// with nothing at path, opening cannot wait on a FIFO.
		if f, oerr := os.Open(path); oerr != nil {
			return nil, oerr
		} else {
			f.Close()
		}
		return nil, err
	}
	if err := checkInputMode(st, max, mode); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	// Again on the open file: the name may have been swapped meanwhile.
	if st, err = f.Stat(); err == nil {
		err = checkInputMode(st, max, mode)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func checkInputMode(st fs.FileInfo, max int64, mode InputMode) error {
	m := st.Mode()
	switch {
	case m.IsDir():
		return errInputFolder.Wrap(ErrInputRefused)
	case m.IsRegular():
		if st.Size() > max {
			return errInputTooBig.Wrap(ErrInputRefused, "Max", sizeText(max))
		}
		return nil
	case m&fs.ModeNamedPipe != 0 && mode == PipesToo:
		return nil
	}
	return errInputSpecial.Wrap(ErrInputRefused)
}

// ReadInput reads the whole of path, refusing it (nothing returned) when
// it holds more than max bytes, including a pipe that goes on past it.
func ReadInput(path string, max int64, mode InputMode) ([]byte, error) {
	f, err := OpenInput(path, max, mode)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readCapped(f, max)
}

// readCapped reads r to its end, or refuses it past max bytes.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, errInputTooBig.Wrap(ErrInputRefused, "Max", sizeText(max))
	}
	return b, nil
}

// sizeText is a cap in words: "4 KB", "256 MB", "16 GB".
func sizeText(n int64) string {
	units := []string{"bytes", "KB", "MB", "GB"}
	u := 0
	for n >= 1024 && n%1024 == 0 && u < len(units)-1 {
		n /= 1024
		u++
	}
	return strconv.FormatInt(n, 10) + " " + units[u]
}

// ReadAllCapped reads r to its end, or refuses it past max bytes (what a
// command reads from standard input).
func ReadAllCapped(r io.Reader, max int64) ([]byte, error) { return readCapped(r, max) }
