package vcardin

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"slices"

	"warmlead/consent"
)

// Card is one business card, ready to become a draft prospect.
// Email and Phone are the preferred ones (work, then pref, then first),
// trimmed but not yet normalised; an email such as `"Omega" <o@x.com>` is
// reduced to the address. Emails and Phones keep file order.
type Card struct {
	Number                             int // 1-based position of the card in the file
	Name, Company, Title, Email, Phone string
	Emails, Phones                     []string
}

// Failure is a card that could not be imported, or (in Result.Warnings)
// one that lost something on the way. Code says what happened and Msg says
// it as a sentence with its values apart, for screens to translate; Reason
// is Msg in English. They name the card by number only, never by its
// content, so they can be shown and logged without repeating personal data.
type Failure struct {
	Number int
	Reason string
	Code   Code
	Msg    consent.Message
}

func failure(number int, code Code, template string, kv ...any) Failure {
	m := consent.Msg(template, append([]any{"Number", number}, kv...)...)
	return Failure{Number: number, Reason: m.String(), Code: code, Msg: m}
}

// FileError is a file Parse did not read: over the limits, or unreadable.
// Err is ErrTooLarge, ErrTooManyCards or the reader's error.
type FileError struct {
	Code Code
	Msg  consent.Message
	Err  error
}

func (e *FileError) Error() string { return e.Msg.String() }
func (e *FileError) Unwrap() error { return e.Err }

// Result is what one file gave. Cards and Failures are in file order;
// Cards+Failures together account for every card found in the file.
// Warnings are about cards that were imported but lost something on the way
// (a value cut at MaxFieldBytes, emails past MaxValuesPerCard, a missing END
// line); like Failures they carry no personal data.
type Result struct {
	Cards    []Card
	Failures []Failure
	Warnings []Failure
}

// Limits bound what one Parse call reads, so a hostile or broken file
// cannot exhaust memory or flood the prospect list.
type Limits struct {
	MaxBytes         int64 // whole input; more is an error
	MaxCards         int   // cards in the file; more is an error
	MaxFieldBytes    int   // one value (a name, an email); longer values are cut
	MaxValuesPerCard int   // emails, phones (and names, titles...) per card; the rest are dropped
}

// DefaultLimits are generous for any real address book export.
func DefaultLimits() Limits {
	return Limits{
		MaxBytes:         64 << 20,
		MaxCards:         200_000,
		MaxFieldBytes:    4 << 10,
		MaxValuesPerCard: 50,
	}
}

// withDefaults fills unset (zero or negative) limits from DefaultLimits, so
// Limits{MaxCards: 10} means "the defaults, but at most 10 cards".
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxBytes <= 0 {
		l.MaxBytes = d.MaxBytes
	}
	if l.MaxCards <= 0 {
		l.MaxCards = d.MaxCards
	}
	if l.MaxFieldBytes <= 0 {
		l.MaxFieldBytes = d.MaxFieldBytes
	}
	if l.MaxValuesPerCard <= 0 {
		l.MaxValuesPerCard = d.MaxValuesPerCard
	}
	return l
}

// ErrTooLarge and ErrTooManyCards are returned (wrapped) when the input is
// over Limits; nothing is imported then, because a partial import of a file
// the user believes complete would silently lose people.
var (
	ErrTooLarge     = errors.New("vCard file is too large")
	ErrTooManyCards = errors.New("vCard file has too many cards")
)

// Parse reads every card in r. The error is only for reading failures or
// input over limits; malformed cards are reported in Result.Failures.
func Parse(r io.Reader, limits Limits) (Result, error) {
	limits = limits.withDefaults()
	data, err := readLimited(r, limits.MaxBytes)
	if err != nil {
		return Result{}, err
	}
	data = toUTF8Stream(data)

	res, err := processCards(data, limits, runtime.GOMAXPROCS(0))
	if err != nil {
		return Result{}, err
	}
	// Nested cards close before their parent, so restore file order.
	byNumber := func(a, b Failure) int { return a.Number - b.Number }
	slices.SortStableFunc(res.Cards, func(a, b Card) int { return a.Number - b.Number })
	slices.SortStableFunc(res.Failures, byNumber)
	slices.SortStableFunc(res.Warnings, byNumber)
	return res, nil
}

// readLimited reads all of r but fails as soon as it has seen more than max
// bytes, without reading the rest.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	var buf bytes.Buffer
	// Files and in-memory readers know their size: read them in one go
	// instead of doubling a buffer up to it.
	switch s := r.(type) {
	case interface{ Len() int }:
		buf.Grow(int(min(int64(s.Len()), max)) + 1)
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := s.Stat(); err == nil && fi.Mode().IsRegular() {
			if fi.Size() > max { // refused without reading (and holding) the first max bytes
				return nil, tooLarge(max)
			}
			buf.Grow(int(fi.Size()) + 1)
		}
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, max+1)); err != nil {
		return nil, &FileError{CodeReadError, consent.Msg(tReadError, "Error", err.Error()), err}
	}
	data := buf.Bytes()
	if int64(len(data)) > max {
		return nil, tooLarge(max)
	}
	return data, nil
}

func tooLarge(max int64) error {
	return &FileError{CodeTooLarge, consent.Msg(tTooLarge, "Size", sizeString(max)), ErrTooLarge}
}

func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
