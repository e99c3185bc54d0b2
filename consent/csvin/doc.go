// Package csvin reads the CSV files that CRMs, address books, lead-list
// vendors and web-form tools export, and turns each row into a draft
// prospect, with the purposes a person ticked on a web form as consents.
//
// It works in three steps, each usable alone (a mapping screen shows the
// first and lets the rep change the second):
//
//  1. Read decodes the file (UTF-8 with or without BOM, UTF-16 with BOM,
//     else Windows-1252), finds the separator (Excel's "sep=" line, else
//     whichever of comma, semicolon and tab splits the header most) and
//     reads the records with encoding/csv. A row that is not a record (a
//     stray quote, more or fewer fields than the header) fails alone:
//     reading starts again on the next line.
//  2. AutoMap guesses each column's field from its header, case and
//     accents aside, in the five languages and as common exports write
//     them ("E-mail Address", "Business Phone", "Bedrijf", "Företag",
//     "First Name" + "Last Name"); Mapping.Override applies `--map`.
//  3. Apply reads every record through the mapping.
//
// # Decisions
//
// Row numbers are a spreadsheet's: the header is row 1. Problems name the
// row by number only, never by its content.
//
// The name is the name column, else first, middle and last name joined,
// else the local part of the email (a newsletter sign-up asks nothing
// more; vCards do the same). Several columns on one field (Outlook's three
// emails, a business and a mobile phone): the first filled one, left to
// right, preferring one that is valid. An invalid email fails the row (it
// is how a person is recognised); an invalid phone or language is left
// out with a warning and the row imports.
//
// Consent columns (a column per purpose, a channel other than email when
// the header names one) count only what the person did: a cell reading
// yes/ja/x/true/1/checked (and their kin) is ticked; empty, no/nee/nein/0
// and anything unknown is no consent, never a default. A ticked purpose
// needs the time consent was given (the submission time column) and, when
// the export has a double opt-in column, its confirmation; without them it
// is no consent, with a warning. The consent's time is the confirmation,
// else the submission; its evidence is the row under its header, as they
// stand in the file.
package csvin
