package csvin

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"warmlead/consent"
)

// Table is a CSV file read whole: its header, its rows as records, and the
// rows that could not be read. Row numbers are a spreadsheet's: the header
// is row 1, so the first person is row 2, as the rep sees it in Excel.
type Table struct {
	Header     []string
	HeaderLine string // the header as it stands in the file
	Rows       []Record
	Failures   []Problem // rows that are not records (a stray quote, a wrong field count)
	Sep        rune      // ',', ';' or '\t'
	Encoding   string    // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE" or "Windows-1252"
}

// Record is one row: its number, its fields (as many as the header has)
// and its text as it stands in the file, which a web form's consent keeps
// as evidence.
type Record struct {
	Number int
	Fields []string
	Line   string
}

// Limits bound what Read takes, so a hostile or broken file cannot
// exhaust memory.
type Limits struct {
	MaxBytes      int64 // the whole file; more is a FileError
	MaxRows       int   // data rows; more is a FileError
	MaxFieldBytes int   // one value; longer ones are cut (a warning)
}

// DefaultLimits are generous for any CRM or form-tool export.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 64 << 20, MaxRows: 200_000, MaxFieldBytes: 4 << 10}
}

// ErrTooLarge and ErrTooManyRows are a file over Limits (wrapped in a
// FileError): nothing is imported, as a partial import of a file the rep
// believes complete would lose people silently.
var (
	ErrTooLarge    = errors.New("CSV file is too large")
	ErrTooManyRows = errors.New("CSV file has too many rows")
	ErrNoHeader    = errors.New("CSV file has no header row")
)

// FileError is a file Read did not take: its problem (row number 0, the
// whole file) and the cause.
type FileError struct {
	Problem
	Err error
}

func (e *FileError) Error() string { return e.Msg.String() }
func (e *FileError) Unwrap() error { return e.Err }

func fileError(err error, code Code, template string, kv ...any) *FileError {
	return &FileError{Problem{Code: code, Msg: consent.Msg(template, kv...)}, err}
}

// Read decodes a CSV file (UTF-8 with or without BOM, UTF-16 with BOM,
// else Windows-1252), finds its separator and reads its records. A row
// that is not a record fails alone, in Failures.
func Read(r io.Reader, limits Limits) (*Table, error) {
	d := DefaultLimits() // unset (zero or negative) limits are the defaults
	limits.MaxBytes, limits.MaxRows, limits.MaxFieldBytes = orDefault(limits.MaxBytes, d.MaxBytes),
		orDefault(limits.MaxRows, d.MaxRows), orDefault(limits.MaxFieldBytes, d.MaxFieldBytes)
	raw, err := io.ReadAll(io.LimitReader(r, limits.MaxBytes+1))
	if err != nil {
		return nil, fileError(err, CodeReadError, tReadError, "Error", err.Error())
	}
	if int64(len(raw)) > limits.MaxBytes {
		return nil, fileError(ErrTooLarge, CodeTooLarge, tTooLarge, "MB", limits.MaxBytes>>20)
	}
	text, enc := decode(raw)
	t := &Table{Encoding: enc}
	text, t.Sep = separator(text)
	if err := t.parse(text, limits); err != nil {
		return nil, err
	}
	return t, nil
}

func orDefault[T int | int64](v, d T) T {
	if v <= 0 {
		return d
	}
	return v
}

// decode turns the file into UTF-8 text and names the encoding it was in.
// Bytes that are not UTF-8 without a BOM are Windows-1252: what Excel
// writes on Western European Windows ("CSV" rather than "CSV UTF-8").
func decode(raw []byte) (string, string) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return string(bytes.ToValidUTF8(raw[3:], []byte("\uFFFD"))), "UTF-8 (BOM)"
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return utf16(raw, unicode.LittleEndian), "UTF-16LE"
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return utf16(raw, unicode.BigEndian), "UTF-16BE"
	case utf8.Valid(raw):
		return string(raw), "UTF-8"
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil { // Windows-1252 maps every byte; kept for safety
		return string(bytes.ToValidUTF8(raw, []byte("\uFFFD"))), "UTF-8"
	}
	return string(out), "Windows-1252"
}

func utf16(raw []byte, e unicode.Endianness) string {
	out, err := unicode.UTF16(e, unicode.ExpectBOM).NewDecoder().Bytes(raw)
	if err != nil {
		return string(bytes.ToValidUTF8(raw, []byte("\uFFFD")))
	}
	return string(out)
}

// separator finds the separator: Excel's "sep=;" first line when there is
// one (it is dropped), else whichever of comma, semicolon and tab splits
// the header into the most fields, quotes honoured (a tie is a comma).
func separator(text string) (string, rune) {
	if len(text) >= 5 && (text[:4] == "sep=" || text[:4] == "SEP=") {
		if r, size := utf8.DecodeRuneInString(text[4:]); r == ',' || r == ';' || r == '\t' || r == '|' {
			rest := text[4+size:]
			rest = trimNewline(rest)
			return rest, r
		}
	}
	best, most := ',', 0
	for _, sep := range []rune{',', ';', '\t'} {
		cr := csv.NewReader(strings.NewReader(firstRecordText(text)))
		cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = sep, -1, true
		rec, err := cr.Read()
		if err == nil && len(rec) > most {
			best, most = sep, len(rec)
		}
	}
	return text, best
}

func trimNewline(s string) string {
	if len(s) > 0 && s[0] == '\r' {
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '\n' {
		s = s[1:]
	}
	return s
}

// firstRecordText is the first line of text, or more when a quote opened on
// it is closed later (a header with a line break in a quoted name).
func firstRecordText(text string) string {
	quoted := false
	for i := 0; i < len(text) && i < 1<<16; i++ {
		switch text[i] {
		case '"':
			quoted = !quoted
		case '\n':
			if !quoted {
				return text[:i]
			}
		}
	}
	return text[:min(len(text), 1<<16)]
}

// parse reads the header and every record. encoding/csv stops at a broken
// record (and an unclosed quote swallows the rest of the file), so after a
// failure reading starts again on the line after the one the bad record
// began on: the bad row fails alone and the next rows still import.
func (t *Table) parse(text string, limits Limits) error {
	if !strings.Contains(text, "\n") && strings.Contains(text, "\r") {
		text = strings.ReplaceAll(text, "\r", "\n") // classic Mac line ends
	}
	number, offset := 0, 0
	for offset < len(text) {
		cr := csv.NewReader(strings.NewReader(text[offset:]))
		cr.Comma, cr.FieldsPerRecord, cr.ReuseRecord = t.Sep, -1, false
		start := offset
		for {
			before := int(cr.InputOffset())
			rec, err := cr.Read()
			if err == io.EOF {
				offset = len(text)
				break
			}
			line := trimLineEnd(text[start+before : start+int(cr.InputOffset())])
			number++
			if err != nil {
				if t.Header == nil {
					return fileError(ErrNoHeader, CodeNoHeader, tBadHeader)
				}
				t.Failures = append(t.Failures, problem(number, CodeMalformed, tMalformed))
				offset = nextLine(text, start+before)
				break
			}
			if t.Header == nil {
				t.Header, t.HeaderLine = cleanHeader(rec), line
				continue
			}
			if len(t.Rows)+len(t.Failures) >= limits.MaxRows {
				return fileError(ErrTooManyRows, CodeTooManyRows, tTooManyRows, "Limit", limits.MaxRows)
			}
			if len(rec) != len(t.Header) {
				if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
					number-- // a line of white space is no row
					continue
				}
				t.Failures = append(t.Failures, problem(number, CodeFieldCount, tFieldCount, "Fields", len(rec), "Columns", len(t.Header)))
				continue
			}
			t.Rows = append(t.Rows, Record{Number: number, Fields: rec, Line: line})
		}
	}
	if t.Header == nil {
		return fileError(ErrNoHeader, CodeNoHeader, tNoHeader)
	}
	return nil
}

// nextLine is the offset just after the line break that ends the line
// holding offset i (or the end of text).
func nextLine(text string, i int) int {
	if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(text)
}

func trimLineEnd(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

// cleanHeader trims the header's names and names empty ones by position,
// so every column can be shown and mapped.
func cleanHeader(rec []string) []string {
	out := make([]string, len(rec))
	for i, h := range rec {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
		if h == "" {
			h = fmt.Sprintf("#%d", i+1)
		}
		out[i] = h
	}
	return out
}

// Looks reports whether the start of a file (its first few kilobytes) is
// a CSV table rather than a vCard file: no BEGIN:VCARD in it, and a first
// line that a comma, semicolon or tab splits into two fields or more.
func Looks(head []byte) bool {
	text, _ := decode(head)
	if strings.Contains(strings.ToUpper(text), "BEGIN:VCARD") {
		return false
	}
	text, _ = separator(text)
	for _, sep := range []rune{',', ';', '\t'} {
		cr := csv.NewReader(strings.NewReader(firstRecordText(text)))
		cr.Comma, cr.FieldsPerRecord = sep, -1
		if rec, err := cr.Read(); err == nil && len(rec) >= 2 {
			return true
		}
	}
	return false
}
