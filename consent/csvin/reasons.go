package csvin

import "warmlead/consent"

// Code says what happened to a row (a failure or a warning) or a file.
type Code string

// The codes.
const (
	CodeMalformed    Code = "malformed"     // a row encoding/csv cannot read (a stray quote)
	CodeFieldCount   Code = "field-count"   // a row with more or fewer fields than the header
	CodeNoName       Code = "no-name"       // a row without a name (nor an email to make one of)
	CodeNoSource     Code = "no-source"     // a row whose source column is empty or unknown
	CodePhoneDropped Code = "phone-dropped" // warning: the phone did not read, the row imported without it
	CodeLangDropped  Code = "lang-dropped"  // warning: an unknown language, the row imported without it
	CodeCut          Code = "cut"           // warning: a value cut at MaxFieldBytes
	CodeNoConsent    Code = "no-consent"    // warning: a ticked purpose that is not a consent (no time, not confirmed)
	CodeNotConfirmed Code = "not-confirmed" // warning: a ticked purpose whose double opt-in was not confirmed
	CodeNotATick     Code = "not-a-tick"    // warning: a consent cell that is neither ticked nor unticked
	CodeTooLarge     Code = "too-large"     // the file is over MaxBytes
	CodeTooManyRows  Code = "too-many-rows" // the file is over MaxRows
	CodeNoHeader     Code = "no-header"     // the file has no header row
	CodeReadError    Code = "read-error"    // the file could not be read
)

// The sentences of failures, warnings and file errors. Number is the row's
// number; none quotes a value of the row, so they can be shown and logged
// without repeating personal data.
const (
	tMalformed    = "row {{.Number}} could not be read: a quote in it is not closed or stands inside a value"
	tFieldCount   = "row {{.Number}} has {{.Fields}} fields where the header has {{.Columns}}: a separator or line break inside a value that is not quoted?"
	tNoName       = "row {{.Number}} has no name or email: map the name column (or first and last name) or the email column"
	tNoSource     = "row {{.Number}} has no source Warmlead knows in its source column: say where the rows come from"
	tPhoneDropped = "row {{.Number}} was imported without its phone number, which is not valid: include the country code, e.g. +31 20 555 0100"
	tLangDropped  = "row {{.Number}} was imported without its language, which is not one Warmlead speaks (en, nl, nb, sv, de)"
	tCut          = "row {{.Number}} had a value longer than {{.Limit}} bytes; it was cut"
	tNoTime       = "row {{.Number}} ticks {{.Purpose}}, but the time consent was given is empty or not a date: no consent recorded"
	tNotConfirmed = "row {{.Number}} ticks {{.Purpose}}, but its double opt-in was not confirmed: no consent recorded"
	tNotATick     = "row {{.Number}} says neither yes nor no in its {{.Purpose}} column: no consent recorded"
	tTooLarge     = "CSV file is too large: it is over the limit of {{.MB}} MB; split it into smaller files"
	tTooManyRows  = "CSV file has too many rows: more than {{.Limit}}; split it into smaller files"
	tNoHeader     = "the file is empty: a CSV import needs a header row naming the columns"
	tBadHeader    = "the header row could not be read: a quote in it is not closed"
	tReadError    = "reading CSV file: {{.Error}}"
)

// Templates lists every sentence a failure, warning or FileError carries,
// for the translation check.
func Templates() []string {
	return []string{tMalformed, tFieldCount, tNoName, tNoSource, tPhoneDropped, tLangDropped, tCut, tNoTime,
		tNotConfirmed, tNotATick, tTooLarge, tTooManyRows, tNoHeader, tBadHeader, tReadError}
}

// Problem is a row that failed, or (among warnings) one imported with
// something left out. It names the row by number only.
type Problem struct {
	Number int
	Code   Code
	Msg    consent.Message
}

func problem(number int, code Code, template string, kv ...any) Problem {
	return Problem{Number: number, Code: code, Msg: consent.Msg(template, append([]any{"Number", number}, kv...)...)}
}
