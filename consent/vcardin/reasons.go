package vcardin

// Code says what happened to a card (a Failure or a warning) or to a file
// (a FileError), for callers that branch or translate.
type Code string

// The codes.
const (
	CodeEmpty        Code = "empty"          // a card with no properties
	CodeUnreadable   Code = "unreadable"     // a card whose properties cannot be parsed
	CodeGroup        Code = "group"          // a contact group, not a person
	CodeNoContact    Code = "no-contact"     // no name, email or phone
	CodeNoBegin      Code = "no-begin"       // warning: read without its BEGIN line
	CodeNoEnd        Code = "no-end"         // warning: read without its END line
	CodeDropped      Code = "dropped"        // warning: values past MaxValuesPerCard dropped
	CodeCut          Code = "cut"            // warning: a value cut at MaxFieldBytes
	CodeTooLarge     Code = "too-large"      // the file is over MaxBytes
	CodeTooManyCards Code = "too-many-cards" // the file has more than MaxCards
	CodeReadError    Code = "read-error"     // the file could not be read
)

// The sentences of failures, warnings and file errors. Number is the card's
// number; the English text of each is what the reader has always said.
const (
	tInternal     = "card {{.Number}} could not be read (internal error)"
	tEmpty        = "card {{.Number}} is empty"
	tMalformed    = "card {{.Number}} could not be read: its properties are malformed"
	tGroup        = "card {{.Number}} is a contact group, not a person"
	tNoContact    = "card {{.Number}} has no name, email or phone"
	tNoBegin      = "card {{.Number}} has no BEGIN line; it was read anyway"
	tNoEnd        = "card {{.Number}} has no END line (the file may be cut short); what was there was read"
	tDropped      = "card {{.Number}} had more than {{.Limit}} emails, phones or names; {{.Dropped}} were dropped"
	tCut          = "card {{.Number}} had a value longer than {{.Limit}} bytes; it was cut"
	tTooLarge     = "vCard file is too large: it is over the limit of {{.Size}}; split it into smaller files"
	tTooManyCards = "vCard file has too many cards: more than {{.Limit}}; split it into smaller files"
	tReadError    = "reading vCard file: {{.Error}}"
)

// Templates lists every sentence a Failure, a warning or a FileError can
// carry, for the translation check.
func Templates() []string {
	return []string{tInternal, tEmpty, tMalformed, tGroup, tNoContact, tNoBegin, tNoEnd, tDropped, tCut,
		tTooLarge, tTooManyCards, tReadError}
}
