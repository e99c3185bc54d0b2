package usecase

// Writing the files a rep asks for (exports, PDFs, emails, backups):
// never over the database, its passphrase file or a backup, and never
// half-written.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// The refusals, one sentence each (so each is translated whole). CodeFailed:
// the command line was right, the file is not one to write (exit 1).
var (
	errOutIsDatabase   = newTemplate(CodeFailed, "refusing to write to {{.Path}}: it is the Warmlead database; choose another file (nothing was written)")
	errOutIsPassphrase = newTemplate(CodeFailed, "refusing to write to {{.Path}}: it is the passphrase file; choose another file (nothing was written)")
	errOutIsBackup     = newTemplate(CodeFailed, "refusing to write to {{.Path}}: it is a Warmlead database or backup; choose another file (nothing was written)")
	errOutIsFolder     = newTemplate(CodeFailed, "refusing to write to {{.Path}}: it is a folder; choose a file name (nothing was written)")
	errOutIsSpecial    = newTemplate(CodeFailed, "refusing to write to {{.Path}}: it is a device or pipe, not a file; choose a file name (nothing was written)")
)

// ErrProtectedOut is the cause of every refusal by CheckOutPath.
var ErrProtectedOut = errors.New("usecase: the output file is one Warmlead must not overwrite")

// CheckOutPath refuses path as an output file when it is (through any
// name, symlink or hard link: compared by device and inode) one of keep,
// the database's companion files beside it, or an existing Warmlead
// database or backup anywhere (known by bbolt's magic number, so a backup
// renamed to report.pdf is still safe). keep[0] is taken as the database,
// the others as passphrase files. A path that does not exist yet is fine.
func CheckOutPath(path string, keep ...string) error {
	target, err := os.Stat(path) // follows a symlink: what would its target be?
	if err != nil {
		return nil // nothing there (or unreadable: the write will say)
	}
	refuse := func(t Template) error { return t.Wrap(ErrProtectedOut, "Path", path) }
	if target.IsDir() {
		return refuse(errOutIsFolder)
	}
	for i, k := range keep {
		if k == "" {
			continue
		}
		if st, err := os.Stat(k); err == nil && os.SameFile(st, target) {
			if i == 0 {
				return refuse(errOutIsDatabase)
			}
			return refuse(errOutIsPassphrase)
		}
	}
	if len(keep) > 0 && keep[0] != "" && isCompanion(keep[0], target) {
		return refuse(errOutIsDatabase)
	}
	if target.Mode().IsRegular() && looksLikeDatabase(path) { // opening a FIFO would wait
		return refuse(errOutIsBackup)
	}
	return nil
}

// CheckFileOutPath is CheckOutPath for outputs that must be a file (a
// backup): a device or pipe at path is refused too, since the store
// renames its copy over path, which would replace the device node.
func CheckFileOutPath(path string, keep ...string) error {
	if err := CheckOutPath(path, keep...); err != nil {
		return err
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return errOutIsSpecial.Wrap(ErrProtectedOut, "Path", path)
	}
	return nil
}

// isCompanion: target is one of the files the store keeps beside the
// database (erasure markers, temporary copies: ".warmlead-*"), whatever
// name the output was given. (Copies of the database itself, sealed or
// not, are bbolt files: looksLikeDatabase knows them anywhere.)
func isCompanion(db string, target os.FileInfo) bool {
	dir := filepath.Dir(db)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, ".warmlead-") {
			continue
		}
		if st, err := os.Stat(filepath.Join(dir, n)); err == nil && os.SameFile(st, target) {
			return true
		}
	}
	return false
}

// boltMagic is bbolt's meta page magic, after the 16-byte page header.
const boltMagic = 0xED0CDAED

// looksLikeDatabase: the file starts with a bbolt meta page (a Warmlead
// database, a backup, or a copy of either).
func looksLikeDatabase(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [20]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return false
	}
	m := head[16:20]
	return binary.LittleEndian.Uint32(m) == boltMagic || binary.BigEndian.Uint32(m) == boltMagic
}

// WriteOutFile writes data to path as a new file private to the rep (0600,
// also when path existed with another mode): into a temporary file in the
// same folder, synced, then renamed over path, so path holds the old
// content or the new, never a part. A symlink at path is replaced by the
// file, not followed (the file it pointed to keeps its content); a path
// CheckOutPath refuses is not touched. A device or pipe at path
// (/dev/stdout, /dev/null, a FIFO a script reads) is written to as it is:
// renaming over it would replace the device node, and it keeps no data a
// partial write could spoil.
func WriteOutFile(path string, data []byte, keep ...string) error {
	return WriteOutStream(path, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	}, keep...)
}

// WriteOutStream is WriteOutFile for a file fill writes as it is made (a
// team report of 2,000 pages need not be whole in memory). The file is
// created at fill's first write, so the seconds fill spends before it
// (reading 100,000 ledgers) leave no partial file behind a crash; an error
// from fill leaves path as it was.
func WriteOutStream(path string, fill func(io.Writer) error, keep ...string) error {
	if err := CheckOutPath(path, keep...); err != nil {
		return err
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		out := &lazyFile{open: func() (*os.File, error) { return os.OpenFile(path, os.O_WRONLY, 0) }}
		err := fill(out)
		if cerr := out.close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", path, err)
		}
		return nil
	}
	return writeAtomic(path, fill)
}

// lazyFile opens its file at the first write (or at close, for a fill
// that wrote nothing).
type lazyFile struct {
	open func() (*os.File, error)
	f    *os.File
}

func (l *lazyFile) Write(p []byte) (int, error) {
	if l.f == nil {
		f, err := l.open()
		if err != nil {
			return 0, err
		}
		l.f = f
	}
	return l.f.Write(p)
}

func (l *lazyFile) file() (*os.File, error) {
	if l.f == nil {
		if _, err := l.Write(nil); err != nil {
			return nil, err
		}
	}
	return l.f, nil
}

func (l *lazyFile) close() error {
	if l.f == nil {
		return nil
	}
	return l.f.Close()
}

func writeAtomic(path string, fill func(io.Writer) error) (err error) {
	out := &lazyFile{open: func() (*os.File, error) { return os.CreateTemp(filepath.Dir(path), ".warmlead-out-*") }}
	defer func() {
		if err != nil {
			if out.f != nil {
				out.f.Close()
				os.Remove(out.f.Name())
			}
			err = fmt.Errorf("cannot write %s: %w", path, err)
		}
	}()
	// CreateTemp makes the file 0600, and the rename keeps that mode: a
	// target that existed with 0644 does not pass its mode on.
	if err = fill(out); err != nil {
		return err
	}
	tmp, err := out.file()
	if err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
