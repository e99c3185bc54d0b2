package ui

import (
	"bytes"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"

	"warmlead/ui/usecase"
)

// Fyne's save dialog hands its callback a writer it has already opened
// with os.Create: choosing the database (or a backup) in the dialog
// truncated it before any of Warmlead's code ran, and a half-written file
// stayed when a write failed. guardSaves replaces the "file" repository's
// Writer with one that touches nothing until Close, and then writes as
// every output is written (usecase.WriteOutFile: refused over the
// database, its passphrase file or a backup; 0600; whole or not at all).
// A handler that only wanted the chosen path closes the writer unwritten,
// which leaves the file as it was.

// fileRepo is everything Fyne's file repository offers (the dialog asks
// for listing, parents and children through the same registration).
type fileRepo interface {
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.CopyableRepository
	repository.MovableRepository
	repository.DeleteAllRepository
}

type guardedFiles struct {
	fileRepo
	keep func() []string
}

// guardSaves installs the guarded writer over the driver's file
// repository; keep names the files outputs must not overwrite.
func guardSaves(keep func() []string) {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if g, ok := r.(*guardedFiles); ok {
		r = g.fileRepo // a second window: wrap the driver's once
	}
	full, ok := r.(fileRepo)
	if !ok {
		return
	}
	repository.Register("file", &guardedFiles{fileRepo: full, keep: keep})
}

func (g *guardedFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &deferredWriter{uri: u, keep: g.keep}, nil
}

// deferredWriter collects what is written and writes it at Close.
type deferredWriter struct {
	uri     fyne.URI
	keep    func() []string
	buf     bytes.Buffer
	written bool
}

func (w *deferredWriter) URI() fyne.URI { return w.uri }

func (w *deferredWriter) Write(p []byte) (int, error) {
	w.written = true
	return w.buf.Write(p)
}

func (w *deferredWriter) Close() error {
	if !w.written {
		return nil
	}
	w.written = false
	return usecase.WriteOutFile(w.uri.Path(), w.buf.Bytes(), w.keep()...)
}
