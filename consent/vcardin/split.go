package vcardin

import (
	"bytes"

	"warmlead/consent"
)

// rawCard is one card as cut from the file: only the properties an importer
// needs, values still in their original encoding.
type rawCard struct {
	number    int
	props     []rawProp
	arena     []byte // the props' values, back to back
	hasEnd    bool
	anyProp   bool // saw any property line, kept or not
	version   bool // saw a VERSION line (for cards with a missing BEGIN)
	noBegin   bool
	charset   string // first non-UTF-8 CHARSET on any property, kept or not
	kept      [numKept]int
	dropped   int  // values past MaxValuesPerCard
	truncated bool // a value was longer than the raw cap
}

type rawProp struct {
	head
	kind       int
	start, end int // value in the card's arena
	capped     bool
}

func (c *rawCard) value(p *rawProp) []byte { return c.arena[p.start:p.end] }

// reset empties c for reuse, keeping its buffers: one Parse of 10,000
// cards then allocates a handful of rawCards, not 10,000.
func (c *rawCard) reset() {
	props, arena := c.props[:0], c.arena[:0]
	*c = rawCard{props: props, arena: arena}
}

// The properties kept from a card. Everything else (PHOTO, LOGO, SOUND,
// KEY, ADR, NOTE, X-...) is dropped as soon as its name is read: photos are
// never kept, and the importer does not need the rest.
const (
	kVersion = iota
	kFN
	kN
	kNickname
	kOrg
	kTitle
	kEmail
	kTel
	kKind
	kLabel // Apple's X-ABLabel, which names the type of a grouped EMAIL/TEL
	numKept
)

func keptKind(name string) int {
	switch name {
	case "VERSION":
		return kVersion
	case "FN":
		return kFN
	case "N":
		return kN
	case "NICKNAME":
		return kNickname
	case "ORG":
		return kOrg
	case "TITLE":
		return kTitle
	case "EMAIL":
		return kEmail
	case "TEL":
		return kTel
	case "KIND", "X-ADDRESSBOOKSERVER-KIND":
		return kKind
	case "X-ABLABEL":
		return kLabel
	}
	return -1
}

// splitter cuts a byte stream into cards. It does not trust BEGIN and END:
//   - a BEGIN inside an open card opens a card of its own (a card whose END
//     was lost, or a 2.1 nested card); when that one ends, lines go back to
//     the outer card, so both are read;
//   - AGENT:BEGIN:VCARD nests a card that belongs to the outer one (its
//     assistant) and is skipped, not counted;
//   - lines before any BEGIN that end in END:VCARD are a card whose BEGIN
//     was lost; at EOF every open card is read as it is.
type splitter struct {
	limits Limits
	rawCap int // bytes kept of one logical line
	emit   func(*rawCard)
	keep   bool              // emit keeps the cards it is given: do not reuse them
	refill func() []*rawCard // with keep: emptied cards handed back, or nil
	count  int

	stack      []*rawCard
	orphan     *rawCard // lines outside any card
	free       []*rawCard
	agentDepth int

	// The logical line being unfolded.
	pend       []byte
	pendActive bool
	pendCapped bool
	pendHead   head
	pendHeadOK bool
	pendQP     bool
	pendSoft   bool // last segment ended in a QP soft line break
	undoLen    int  // length before a dubious last segment, or -1
	headTries  int
}

// maxHeadTries bounds the parses of a head whose parameters are folded.
const maxHeadTries = 8

// splitCards calls emit with each card; the card is only valid during the
// call (its buffers are reused) unless refill is set, for an emit that
// hands cards on to other goroutines: refill then returns cards that are
// done with, reset, to be reused (or none).
func splitCards(data []byte, limits Limits, refill func() []*rawCard, emit func(*rawCard)) error {
	s := &splitter{limits: limits, emit: emit, keep: refill != nil, refill: refill, undoLen: -1}
	s.orphan = s.newCard()
	// Quoted-printable triples a byte and a code page can double it: 3x
	// the field limit is enough raw input to fill any field.
	s.rawCap = 3*limits.MaxFieldBytes + 256
	for len(data) > 0 {
		var ln []byte
		ln, data = nextLine(data)
		if err := s.line(ln); err != nil {
			return err
		}
	}
	return s.eof()
}

func (s *splitter) current() *rawCard {
	if n := len(s.stack); n > 0 {
		return s.stack[n-1]
	}
	return s.orphan
}

func (s *splitter) newCard() *rawCard {
	if len(s.free) == 0 && s.refill != nil {
		s.free = append(s.free, s.refill()...)
	}
	if n := len(s.free); n > 0 {
		c := s.free[n-1]
		s.free = s.free[:n-1]
		return c
	}
	return &rawCard{}
}

// done hands c on; unless emit keeps it, emit works synchronously, so c
// can be reused after.
func (s *splitter) done(c *rawCard) {
	s.emit(c)
	if s.keep {
		return
	}
	c.reset()
	s.free = append(s.free, c)
}

func (s *splitter) line(ln []byte) error {
	t := trimLine(ln)
	if s.agentDepth > 0 {
		switch beginEnd(t) {
		case 1:
			s.agentDepth++
		case 2:
			s.agentDepth--
		}
		return nil
	}
	// BEGIN and END win over any continuation rule, so a value wrongly
	// ending in "=" cannot swallow the end of its card.
	if be := beginEnd(t); be != 0 {
		if s.flush() {
			return s.line(ln) // the line is the AGENT card's first
		}
		if be == 1 {
			return s.begin()
		}
		return s.end()
	}
	if s.pendActive {
		switch {
		case s.pendSoft: // QP soft line break: the next line, as it is
			s.appendPend(ln, false)
			return nil
		case len(ln) > 0 && (ln[0] == ' ' || ln[0] == '\t'): // folded line
			s.appendPend(ln[1:], false)
			return nil
		case len(t) > 0 && t[0] != '#' && !looksLikeProperty(t):
			// A line that is no property continues the last one: 2.1
			// base64 and values broken without indentation, QP tails
			// after a blank line.
			s.appendPend(ln, true)
			return nil
		}
	}
	if s.flush() {
		return s.line(ln)
	}
	if len(t) == 0 || t[0] == '#' || !looksLikeProperty(t) {
		return nil // blank, a comment line, or junk between cards
	}
	s.pendActive = true
	s.appendPend(t, false)
	return nil
}

// appendPend adds one physical line to the logical line being unfolded.
func (s *splitter) appendPend(seg []byte, lenient bool) {
	s.undoLen = -1
	if lenient && isPrefixFold(trimLine(seg), "END:VCARD") {
		// A file cut inside "END:VCARD" leaves a stub such as "E";
		// remember where it started so eof can drop it.
		s.undoLen = len(s.pend)
	}
	soft := false
	if s.pendQP {
		// An "=" at the very end (trailing blanks ignored, RFC 2045) is a
		// soft line break: drop it, the value goes on.
		if tr := bytes.TrimRight(seg, " \t"); len(tr) > 0 && tr[len(tr)-1] == '=' {
			seg, soft = tr[:len(tr)-1], true
		}
	}
	if room := s.rawCap - len(s.pend); len(seg) > room {
		seg = seg[:max(room, 0)]
		s.pendCapped = true
	}
	s.pend = append(s.pend, seg...)
	if !s.pendHeadOK && s.headTries < maxHeadTries && bytes.IndexByte(seg, ':') >= 0 {
		// The head may only now be complete (parameters can be folded);
		// it can only complete on a segment with a ":". Few tries keep a
		// hostile run of folded lines linear.
		s.headTries++
		if h, ok := parseHead(s.pend); ok {
			s.pendHead, s.pendHeadOK, s.pendQP = h, true, h.isQP()
			if v := bytes.TrimRight(s.pend, " \t"); s.pendQP && len(v) > h.value && v[len(v)-1] == '=' {
				s.pend, soft = v[:len(v)-1], true
			}
		}
	}
	s.pendSoft = soft
}

func isPrefixFold(b []byte, s string) bool {
	return len(b) > 0 && len(b) < len(s) && bytes.EqualFold(b, []byte(s[:len(b)]))
}

// flush ends the logical line and stores it in the current card if kept.
// It reports whether the line was AGENT:BEGIN:VCARD, which starts skipping.
func (s *splitter) flush() (agent bool) {
	if !s.pendActive {
		return false
	}
	h, ok := s.pendHead, s.pendHeadOK
	value := s.pend
	capped := s.pendCapped
	s.pend, s.pendActive, s.pendCapped, s.pendHeadOK, s.pendQP, s.pendSoft, s.undoLen, s.headTries = s.pend[:0], false, false, false, false, false, -1, 0
	if !ok {
		return false
	}
	value = value[h.value:]
	c := s.current()
	c.anyProp = true
	if cs := h.get("CHARSET"); c.charset == "" && cs != "" && !isUTF8Label(cs) {
		c.charset = cs
	}
	if h.name == "AGENT" && beginEnd(trimLine(value)) == 1 {
		s.agentDepth = 1
		return true
	}
	k := keptKind(h.name)
	if k < 0 {
		return false
	}
	if k == kVersion {
		c.version = true
	}
	if c.kept[k] >= s.limits.MaxValuesPerCard {
		c.dropped++
		return false
	}
	c.kept[k]++
	c.truncated = c.truncated || capped
	start := len(c.arena)
	c.arena = append(c.arena, value...)
	c.props = append(c.props, rawProp{head: h, kind: k, start: start, end: len(c.arena), capped: capped})
	return false
}

func (s *splitter) begin() error {
	if s.orphan.version {
		// Properties with a VERSION but no BEGIN, then a new card.
		if err := s.emitOrphan(false); err != nil {
			return err
		}
	}
	s.orphan.reset()
	n, err := s.next()
	if err != nil {
		return err
	}
	c := s.newCard()
	c.number = n
	s.stack = append(s.stack, c)
	return nil
}

func (s *splitter) end() error {
	if n := len(s.stack); n > 0 {
		c := s.stack[n-1]
		s.stack = s.stack[:n-1]
		c.hasEnd = true
		s.done(c)
		return nil
	}
	if s.orphan.anyProp { // a card whose BEGIN line is missing
		return s.emitOrphan(true)
	}
	return nil // a stray END:VCARD: nothing to read
}

func (s *splitter) eof() error {
	if s.undoLen >= 0 && s.undoLen <= len(s.pend) {
		s.pend = s.pend[:s.undoLen]
	}
	s.flush()
	for i := len(s.stack) - 1; i >= 0; i-- {
		s.done(s.stack[i]) // cut at EOF: read what is there
	}
	s.stack = nil
	if s.orphan.version {
		return s.emitOrphan(false)
	}
	return nil
}

func (s *splitter) emitOrphan(hasEnd bool) error {
	n, err := s.next()
	if err != nil {
		return err
	}
	c := s.orphan
	c.number, c.hasEnd, c.noBegin = n, hasEnd, true
	s.orphan = s.newCard()
	s.done(c)
	return nil
}

func (s *splitter) next() (int, error) {
	s.count++
	if s.count > s.limits.MaxCards {
		return 0, s.tooMany()
	}
	return s.count, nil
}

func (s *splitter) tooMany() error {
	return &FileError{CodeTooManyCards, consent.Msg(tTooManyCards, "Limit", s.limits.MaxCards), ErrTooManyCards}
}
