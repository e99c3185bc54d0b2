package vcardin

import (
	"bytes"
	"strings"
)

// param is one property parameter. 2.1's bare parameters ("TEL;WORK;PREF:")
// are stored the 3.0 way, as TYPE=work and TYPE=pref, and the bare encodings
// ("NOTE;QUOTED-PRINTABLE:") as ENCODING=..., so later code sees one form.
type param struct {
	name  string // upper case
	value string
}

// head is the part of a content line before the value:
// [group "."] name *(";" param) ":".
type head struct {
	group  string
	name   string // upper case
	params []param
	value  int // offset of the value in the line
}

func isNameByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// nameEnd returns where the property name (with its optional group) ends:
// the offset of the ";" or ":" after it, or -1 if line does not start like a
// property. This is what tells a new property from an unfolded continuation
// line (base64, a 2.1 value broken without indentation, a QP tail).
func nameEnd(line []byte) (groupEnd, end int) {
	groupEnd = -1
	for i, c := range line {
		switch {
		case isNameByte(c):
		case c == '.' && groupEnd < 0:
			groupEnd = i // ".BEGIN" (empty group) is allowed: seen in the wild
		case (c == ';' || c == ':') && i > groupEnd+1:
			return groupEnd, i
		default:
			return groupEnd, -1
		}
	}
	return groupEnd, -1
}

func looksLikeProperty(line []byte) bool {
	_, end := nameEnd(line)
	return end > 0
}

// parseHead parses the name and parameters of a content line. ok is false
// when the line has no ":" outside quotes yet (its parameters may be folded
// onto the next line) or does not start like a property.
func parseHead(line []byte) (h head, ok bool) {
	groupEnd, end := nameEnd(line)
	if end < 0 {
		return h, false
	}
	if groupEnd >= 0 {
		h.group = string(line[:groupEnd])
	}
	h.name = upperName(line[groupEnd+1 : end])
	i := end
	for i < len(line) && line[i] == ';' {
		h.params, i = parseParam(h.params, line, i+1)
	}
	if i >= len(line) || line[i] != ':' {
		return h, false
	}
	h.value = i + 1
	return h, true
}

// parseParam reads one parameter starting at i and returns the offset of the
// ";" or ":" that ends it. It is lenient: empty parameters ("TEL;;WORK:"),
// trailing commas ("TYPE=WORK,") and quoted values holding ":" or "," are
// all seen in real files.
func parseParam(dst []param, line []byte, i int) ([]param, int) {
	start := i
	for i < len(line) && line[i] != '=' && line[i] != ';' && line[i] != ':' {
		i++
	}
	name := upperName(bytes.TrimSpace(line[start:i]))
	if i >= len(line) || line[i] != '=' {
		return bareParam(dst, name), i
	}
	i++
	for {
		var v []byte
		if i < len(line) && line[i] == '"' {
			j := bytes.IndexByte(line[i+1:], '"')
			if j < 0 { // unterminated quote: the rest is not a head
				return dst, len(line)
			}
			v = line[i+1 : i+1+j]
			i += j + 2
			// Anything between the closing quote and the next separator
			// is junk; skip it.
			for i < len(line) && line[i] != ',' && line[i] != ';' && line[i] != ':' {
				i++
			}
		} else {
			s := i
			for i < len(line) && line[i] != ',' && line[i] != ';' && line[i] != ':' {
				i++
			}
			v = line[s:i]
		}
		if v = bytes.TrimSpace(v); len(v) > 0 {
			dst = append(dst, param{name, string(v)})
		}
		if i < len(line) && line[i] == ',' {
			i++
			continue
		}
		return dst, i
	}
}

// knownNames are returned without allocating a string per line.
var knownNames = []string{"FN", "N", "EMAIL", "TEL", "ORG", "TITLE", "VERSION", "NICKNAME", "ADR", "LABEL", "NOTE",
	"PHOTO", "LOGO", "URL", "UID", "REV", "BDAY", "KIND", "X-ABLABEL", "TYPE", "ENCODING", "CHARSET", "PREF", "VALUE"}

// upperName returns b upper-cased as a string.
func upperName(b []byte) string {
	for _, n := range knownNames {
		if len(n) == len(b) && bytes.EqualFold(b, []byte(n)) {
			return n
		}
	}
	return strings.ToUpper(string(b))
}

// bareParam maps a 2.1 parameter without "=" to its 3.0 form.
func bareParam(dst []param, name string) []param {
	switch name {
	case "":
		return dst
	case "QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT":
		return append(dst, param{"ENCODING", name})
	}
	return append(dst, param{"TYPE", name})
}

// get returns the first value of parameter name.
func (h *head) get(name string) string {
	for _, p := range h.params {
		if p.name == name {
			return p.value
		}
	}
	return ""
}

// isQP reports whether the value is quoted-printable, whose soft line
// breaks ("=" at the end of a line) continue the value on the next line.
func (h *head) isQP() bool {
	return strings.EqualFold(h.get("ENCODING"), "QUOTED-PRINTABLE")
}

// beginEnd tells BEGIN:VCARD (1) and END:VCARD (2) lines from others (0).
// Case, whitespace around the colon and a group prefix ("TEST.BEGIN:VCARD")
// are ignored; "BEGIN:VCARDinvalid" is not a BEGIN.
func beginEnd(t []byte) int {
	groupEnd, end := nameEnd(t)
	if end < 0 || t[end] != ':' {
		return 0
	}
	if !bytes.EqualFold(bytes.TrimSpace(t[end+1:]), []byte("VCARD")) {
		return 0
	}
	switch name := t[groupEnd+1 : end]; {
	case bytes.EqualFold(name, []byte("BEGIN")):
		return 1
	case bytes.EqualFold(name, []byte("END")):
		return 2
	}
	return 0
}

// trimLine drops surrounding blanks and a byte-order mark, which appears
// mid-stream when several exported files were concatenated.
func trimLine(b []byte) []byte {
	b = bytes.TrimSpace(b)
	for bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
		b = bytes.TrimSpace(b[3:])
	}
	return b
}
