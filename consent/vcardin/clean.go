package vcardin

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"
	"golang.org/x/text/encoding"
)

// cardProcessor turns raw cards into Cards or Failures. It writes each
// card as clean UTF-8 vCard 3.0 text (only the properties kept, decoded,
// escaped the way go-vcard reads them) and lets go-vcard parse that.
type cardProcessor struct {
	limits Limits
	cs     charsets
	buf    bytes.Buffer
	rd     cardReader
	dec    *vcard.Decoder

	decoded  [][]byte // per property of the current card, reused
	declared []encoding.Encoding
}

func newCardProcessor(l Limits) *cardProcessor {
	return &cardProcessor{limits: l, cs: charsets{}}
}

// cardReader feeds one clean card at a time to a single go-vcard Decoder,
// so a file of 10,000 cards does not allocate 10,000 bufio buffers. After a
// whole card the Decoder has consumed everything, so the next card starts
// clean; after an error the Decoder is thrown away.
type cardReader struct{ b []byte }

func (r *cardReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

func (p *cardProcessor) process(rc *rawCard, res *Result) {
	defer func() {
		// A card must fail alone: even a bug in this package only costs
		// the card that triggered it.
		if r := recover(); r != nil {
			p.dec = nil
			res.Failures = append(res.Failures, failure(rc.number, CodeUnreadable, tInternal))
		}
	}()
	if !rc.anyProp {
		res.Failures = append(res.Failures, failure(rc.number, CodeEmpty, tEmpty))
		return
	}
	cut := p.writeClean(rc)
	p.rd.b = p.buf.Bytes()
	if p.dec == nil {
		p.dec = vcard.NewDecoder(&p.rd)
	}
	vc, err := p.dec.Decode()
	if err != nil {
		p.dec = nil
		res.Failures = append(res.Failures, failure(rc.number, CodeUnreadable, tMalformed))
		return
	}
	card, fl, ok := extract(vc, rc.number, p.limits)
	if !ok {
		res.Failures = append(res.Failures, fl)
		return
	}
	res.Cards = append(res.Cards, card)
	warn := func(code Code, template string, kv ...any) {
		res.Warnings = append(res.Warnings, failure(rc.number, code, template, kv...))
	}
	if rc.noBegin {
		warn(CodeNoBegin, tNoBegin)
	}
	if !rc.hasEnd {
		warn(CodeNoEnd, tNoEnd)
	}
	if rc.dropped > 0 {
		warn(CodeDropped, tDropped, "Limit", p.limits.MaxValuesPerCard, "Dropped", rc.dropped)
	}
	if cut || rc.truncated {
		warn(CodeCut, tCut, "Limit", p.limits.MaxFieldBytes)
	}
}

// isV21 tells 2.1 cards, whose values have no backslash escapes, from
// 3.0/4.0 ones. Without a VERSION line, quoted-printable gives 2.1 away.
func isV21(rc *rawCard) bool {
	for i := range rc.props {
		if rc.props[i].kind == kVersion {
			v := strings.TrimSpace(string(rc.value(&rc.props[i])))
			return strings.HasPrefix(v, "2") || strings.HasPrefix(v, "1")
		}
	}
	for i := range rc.props {
		if rc.props[i].isQP() {
			return true
		}
	}
	return false
}

// writeClean writes rc into p.buf as clean vCard 3.0 and reports whether a
// value was cut at MaxFieldBytes.
func (p *cardProcessor) writeClean(rc *rawCard) (cut bool) {
	v21 := isV21(rc)
	max := p.limits.MaxFieldBytes

	// Pass 1: undo QP/base64 and collect the bytes no CHARSET explains,
	// to guess the card's code page from all of them at once.
	decoded, declared := p.decoded[:0], p.declared[:0]
	var sample []byte
	for i := range rc.props {
		pr := &rc.props[i]
		decoded = append(decoded, transferDecode(&pr.head, rc.value(pr)))
		declared = append(declared, p.cs.lookup(pr.get("CHARSET")))
		if declared[i] == nil && !utf8.Valid(decoded[i]) {
			sample = append(append(sample, decoded[i]...), ' ')
		}
	}
	var fallback encoding.Encoding
	if sample != nil {
		fallback = cardCodePage(p.cs.lookup(rc.charset), sample)
	}

	// Apple puts the type of a grouped value in a separate X-ABLabel
	// ("item1.EMAIL" + "item1.X-ABLabel:_$!<Work>!$").
	var work map[string]bool
	for i := range rc.props {
		if pr := &rc.props[i]; pr.kind == kLabel && pr.group != "" {
			if work == nil {
				work = map[string]bool{}
			}
			label := strings.ToLower(decodeText(decoded[i], declared[i], fallback))
			if strings.Contains(label, "work") {
				work[strings.ToLower(pr.group)] = true
			}
		}
	}

	b := &p.buf
	b.Reset()
	b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\n")
	for i := range rc.props {
		pr := &rc.props[i]
		if pr.kind == kVersion || pr.kind == kLabel {
			continue
		}
		text := decodeText(decoded[i], declared[i], fallback)
		var value string
		if pr.kind == kN || pr.kind == kOrg {
			parts := splitComponents(text, v21)
			for j := range parts {
				var c bool
				parts[j], c = oneLine(parts[j], max)
				cut = cut || c
				parts[j] = escapeComponent(parts[j])
			}
			value = strings.Join(parts, ";")
		} else {
			var c bool
			value, c = oneLine(unescapeText(text, v21), max)
			cut = cut || c
		}
		writeHead(b, pr, work[strings.ToLower(pr.group)])
		// go-vcard turns "\\" into "\" and leaves everything else, so
		// doubling backslashes hands it exactly our value.
		b.WriteString(strings.ReplaceAll(value, `\`, `\\`))
		b.WriteString("\r\n")
	}
	b.WriteString("END:VCARD\r\n")
	clear(decoded)
	p.decoded, p.declared = decoded[:0], declared[:0]
	return cut
}

// escapeComponent escapes one N or ORG component the 3.0 way, so that
// splitComponents can split the value again after go-vcard.
var escapeComponent = strings.NewReplacer(`\`, `\\`, `;`, `\;`, `,`, `\,`).Replace

var keptNames = [numKept]string{kVersion: "VERSION", kFN: "FN", kN: "N", kNickname: "NICKNAME", kOrg: "ORG", kTitle: "TITLE", kEmail: "EMAIL", kTel: "TEL", kKind: "KIND", kLabel: "X-ABLABEL"}

// writeHead writes "group.NAME;TYPE=a,b;PREF=1:". Types and groups are cut
// down to letters, digits and "-", which is all the importer looks at, so
// nothing from the input can break the line go-vcard parses.
func writeHead(b *bytes.Buffer, pr *rawProp, work bool) {
	if g := token(pr.group); g != "" {
		b.WriteString(g)
		b.WriteByte('.')
	}
	b.WriteString(keptNames[pr.kind])
	var types []string
	pref := false
	for _, pa := range pr.params {
		switch pa.name {
		case "TYPE":
			if t := token(strings.ToLower(pa.value)); t != "" {
				types = append(types, t)
			}
		case "PREF":
			pref = true
		}
	}
	if work {
		types = append(types, "work")
	}
	if len(types) > 0 {
		b.WriteString(";TYPE=")
		b.WriteString(strings.Join(types, ","))
	}
	if pref {
		b.WriteString(";PREF=1")
	}
	b.WriteByte(':')
}

func token(s string) string {
	ok := true
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && s[i] != '-' {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && (isAlnum(byte(r)) || r == '-') {
			return r
		}
		return -1
	}, s)
}
