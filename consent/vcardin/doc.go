// Package vcardin reads the vCard files that phones, mail clients and
// business-card scanners export (vCard 2.1, 3.0 and 4.0) and turns each card
// into a draft prospect.
//
// Real exports are rarely clean: 2.1 quoted-printable with soft line breaks,
// undeclared Windows code pages, UTF-16, missing BEGIN or END lines, AGENT
// cards nested inside cards. github.com/emersion/go-vcard parses clean
// 3.0/4.0 text well but gives up on most of that, and one bad card stops it
// reading the rest of the file. So Parse works in stages:
//
//  1. stream.go turns UTF-16 into UTF-8 and splits lines on CR LF, LF, CR
//     or CR CR LF;
//  2. split.go cuts the stream into cards itself (on BEGIN:VCARD and
//     END:VCARD lines, tolerating missing ones), unfolds lines (folding,
//     QP soft breaks, 2.1 continuation lines without indentation) and keeps
//     only the properties an importer needs;
//  3. decode.go and clean.go decode each value (quoted-printable, base64,
//     CHARSET or a guessed code page, 2.1 or 3.0 escaping) and write the
//     card as clean UTF-8 vCard 3.0, which go-vcard parses;
//  4. card.go picks name, company, title, emails and phones from that.
//
// A card that cannot be read fails alone, with its 1-based number in the
// file and a reason; the other cards still import.
//
// # Decisions
//
// Card numbers count every card block a person sees in the file: cards
// with a missing BEGIN or END count, an AGENT card nested inside another
// (its assistant, in 2.1) does not and is skipped. A BEGIN inside an open
// card starts a card of its own, since that is how a lost END looks; when
// that card ends, lines go back to the outer one (so 2.1 files with nested
// cards give the outer and the nested cards).
//
// The name is the first non-empty FN; else the first N as "given family"
// ("family given" for Chinese, Japanese and Korean names); else NICKNAME;
// else the company (a company's own card); else the local part of the
// preferred email, because a card handed over with only an address is
// still a lead and the rep can correct the name in the review. A card with
// only a phone keeps an empty name: the prospect form asks for one. A card
// with no name, email or phone fails: "card N has no name, email or phone".
// A contact group (KIND:group) fails: it is not a person. A card with no
// properties at all fails as "card N is empty".
//
// The preferred email or phone is the first work one marked preferred,
// else the first work one, else the first preferred one, else the first.
// "Work" is TYPE=WORK or an Apple X-ABLabel containing "work" in the same
// group; "preferred" is PREF=n or TYPE=PREF. Fax, pager and modem numbers
// are chosen only when there is no other number. Emails without "@" and
// phones without a digit are dropped; duplicates are merged.
//
// Text is decoded per value: valid UTF-8 is taken as UTF-8 whatever
// CHARSET claims; otherwise a known CHARSET is used; otherwise a CHARSET
// declared on another property of the same card; otherwise Windows-1252,
// unless that turns words into accented-Latin soup, in which case the bytes
// are read as Windows-1251 (Cyrillic) or Windows-1255 (Hebrew).
//
// Limits: over MaxBytes or MaxCards, Parse returns an error and nothing,
// because a partial import of a file the user believes complete would lose
// people silently. Values over MaxFieldBytes are cut on a character
// boundary, and values past MaxValuesPerCard of one kind are dropped; both
// are reported in Result.Warnings. Photos, logos, sounds, keys, addresses
// and notes are dropped as soon as their name is read and never kept.
//
// Failure and warning reasons name the card by number only, never by its
// content, so they can be shown and logged without repeating personal data.
package vcardin
