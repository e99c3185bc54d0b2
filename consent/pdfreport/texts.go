package pdfreport

// Every word the documents print, keyed by id, one map per language in
// texts_<lang>.go. Vocabulary words are keyed "kind:value" (e.g.
// "status:granted", "purpose:newsletter"); a value with no entry prints as
// stored, which is how a user's own purposes appear.
//
// Every language has exactly the ids English has, with the same format
// verbs (TestTextsComplete): a missing text is a test failure, never a
// silent fall back to English. Verbs that take counts are %s, filled with
// the language's number format (doc.num); %d is for identifiers, page
// numbers and small numbers of months. A translation may reorder its verbs
// with explicit indexes (%[2]s).

// texts are the translations by language code (see Languages).
var texts = map[string]map[string]string{
	"en": textsEN,
	"nl": textsNL,
	"nb": textsNB,
	"sv": textsSV,
	"de": textsDE,
}
