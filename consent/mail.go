package consent

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	netmail "net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // decode ISO-8859-1, Windows-1252 and friends in replies
	"github.com/emersion/go-message/mail"
	"golang.org/x/net/html"
)

// Email is an email Warmlead writes for a rep to send: plain text only. No
// HTML, no images and no links beyond those in the text, so nothing in it can
// track the reader (consent-rules.md section 3: tracking needs consent).
type Email struct {
	Lang    string `json:"lang"`
	From    string `json:"from"` // "Name <addr>" or "addr"; empty leaves it to the mail app
	To      string `json:"to"`
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

// WriteEML writes e as an RFC 5322 message (.eml) dated date: one
// text/plain part in UTF-8, quoted-printable so every line stays 7-bit and
// short, with a non-ASCII subject and names encoded per RFC 2047.
//
// An empty From is left out rather than invented: Warmlead does not know the
// rep's mailbox, and a mail app opening the file fills in the account it
// sends from. X-Unsent marks the file as a draft, so Outlook opens it ready
// to send instead of as a received message.
func WriteEML(w io.Writer, e Email, date time.Time) error {
	if date.IsZero() {
		date = time.Now()
	}
	var h mail.Header
	h.SetDate(date)
	from, err := addressList("From", e.From)
	if err != nil {
		return err
	}
	to, err := addressList("To", e.To)
	if err != nil {
		return err
	}
	h.SetAddressList("From", from)
	h.SetAddressList("To", to)
	// One line only: a newline in a subject would end the header early.
	h.SetSubject(strings.Join(strings.Fields(e.Subject), " "))
	// The host part of the Message-ID is the sender's domain, not this
	// machine's hostname, which would leak the rep's computer name.
	host := "warmlead.invalid"
	if len(from) > 0 {
		host = from[0].Address[strings.LastIndex(from[0].Address, "@")+1:]
	}
	if err := h.GenerateMessageIDWithHostname(host); err != nil {
		return err
	}
	if e.Lang != "" {
		h.Set("Content-Language", e.Lang)
	}
	h.Set("X-Unsent", "1")
	h.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
	h.Set("Content-Transfer-Encoding", "quoted-printable")

	body, err := mail.CreateSingleInlineWriter(w, h)
	if err != nil {
		return fmt.Errorf("cannot write the email: %w", err)
	}
	// The quoted-printable writer turns each \n into the CRLF RFC 5322 wants.
	text := strings.ReplaceAll(e.Body, "\r\n", "\n")
	if _, err := io.WriteString(body, text); err != nil {
		return fmt.Errorf("cannot write the email: %w", err)
	}
	if err := body.Close(); err != nil {
		return fmt.Errorf("cannot write the email: %w", err)
	}
	return nil
}

// addressList parses an optional "Name <addr>" or "addr"; an empty value
// gives no address.
func addressList(field, v string) ([]*mail.Address, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil, nil
	}
	a, err := netmail.ParseAddress(v)
	if err != nil {
		return nil, fmt.Errorf("the %s address %q is not an email address: write it as name@company.com or Name <name@company.com>", field, v)
	}
	return []*mail.Address{a}, nil
}

// Evidence is what Warmlead keeps of an email a person sent (a reply giving
// or refusing consent): sender, subject, date and the plain text.
type Evidence struct {
	From    string    `json:"from"`
	Subject string    `json:"subject"`
	Date    time.Time `json:"date"`
	Body    string    `json:"body"`
}

// MaxEMLBytes caps what ReadEML accepts. A consent reply is a few kilobytes;
// 10 MB leaves room for quoted threads and small attachments while keeping a
// wrongly chosen file (a video, a database dump) from filling memory.
const MaxEMLBytes = 10 << 20

// ErrNotEmail is wrapped by every ReadEML error about the file's content, so
// callers can tell "wrong file" from an I/O failure with errors.Is.
var ErrNotEmail = errors.New("this file is not an email message (.eml)")

func notEmail(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrNotEmail, fmt.Sprintf(format, args...))
}

// ReadEML reads a saved or dropped email as evidence. It takes the first
// text/plain part, or failing that the first text/html part reduced to its
// text, decoded from its transfer encoding and charset to UTF-8. Input that
// is not a mail message, or is larger than MaxEMLBytes, is refused with an
// error a rep understands.
func ReadEML(r io.Reader) (Evidence, error) {
	// Read it whole, one byte past the cap: a message is small, and knowing
	// the size up front gives a clear error instead of a truncated body.
	raw, err := io.ReadAll(io.LimitReader(r, MaxEMLBytes+1))
	if err != nil {
		return Evidence{}, fmt.Errorf("cannot read the email file: %w", err)
	}
	if len(raw) > MaxEMLBytes {
		return Evidence{}, fmt.Errorf("this email file is larger than %d MB: save the reply without its attachments and try again", MaxEMLBytes>>20)
	}
	if len(raw) == 0 {
		return Evidence{}, notEmail("the file is empty")
	}
	// A mail header is text; a NUL byte in it means a binary file that the
	// lenient header parser might otherwise half-accept.
	headEnd := len(raw)
	if i := bytes.Index(raw, []byte("\n\n")); i >= 0 {
		headEnd = i
	}
	if i := bytes.Index(raw, []byte("\r\n\r\n")); i >= 0 && i < headEnd {
		headEnd = i
	}
	if bytes.IndexByte(raw[:headEnd], 0) >= 0 {
		return Evidence{}, notEmail("it contains binary data")
	}

	// message.Read rather than mail.CreateReader: the latter gives up on an
	// unknown transfer encoding, where the entity is still readable.
	ent, err := message.Read(bytes.NewReader(raw))
	if ent == nil || (err != nil && !message.IsUnknownCharset(err) && !message.IsUnknownEncoding(err)) {
		// The parser's error quotes the offending line, which may be
		// personal data (a CSV row); say what is wrong without it.
		return Evidence{}, notEmail("it does not start with mail headers such as From:, Date: and Subject:")
	}
	mr := mail.NewReader(ent)
	defer mr.Close()
	// Any mail message has at least one of these; a vCard, CSV or text file
	// read as a header has none of them.
	h := mr.Header
	if !h.Has("From") && !h.Has("Date") && !h.Has("Subject") {
		return Evidence{}, notEmail("it has no From, Date or Subject header")
	}

	var ev Evidence
	ev.From = fromText(h)
	ev.Subject, _ = h.Subject() // on a bad encoded word the raw text is kept
	ev.Subject = cleanText(ev.Subject)
	if d, err := h.Date(); err == nil {
		ev.Date = d
	}
	ev.Body, err = bodyText(mr)
	if err != nil {
		return Evidence{}, notEmail("its body is damaged (%v)", err)
	}
	return ev, nil
}

// fromText renders the From header readably: the decoded display name and
// the address, not the RFC 2047 form net/mail's Address.String produces.
func fromText(h mail.Header) string {
	addrs, err := h.AddressList("From")
	if err != nil || len(addrs) == 0 {
		v, _ := h.Text("From")
		return cleanText(v)
	}
	out := make([]string, len(addrs))
	for i, a := range addrs {
		if a.Name != "" {
			out[i] = fmt.Sprintf("%s <%s>", a.Name, a.Address)
		} else {
			out[i] = a.Address
		}
	}
	return cleanText(strings.Join(out, ", "))
}

// bodyText walks the parts in order and returns the first plain text one, or
// the first HTML one stripped to text if there is no plain text. A message
// with neither (only attachments) has an empty body, which is not an error:
// its From, Date and Subject still say who answered when.
func bodyText(mr *mail.Reader) (string, error) {
	var htmlText string
	haveHTML := false
	// The part cap guards against a crafted message that yields endless
	// empty parts; a real reply has a handful.
	for range 1000 {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if p == nil && err != nil && message.IsUnknownEncoding(err) {
			continue // this part cannot be decoded; another may be readable
		}
		if p == nil || (err != nil && !message.IsUnknownCharset(err) && !message.IsUnknownEncoding(err)) {
			if err == nil {
				err = errors.New("unreadable part")
			}
			return "", err
		}
		ih, inline := p.Header.(*mail.InlineHeader)
		if !inline {
			continue // attachments are not the reply's text
		}
		t, _, _ := ih.ContentType()
		switch {
		case t == "text/plain" || t == "":
			b, err := io.ReadAll(p.Body)
			if err != nil {
				return "", err
			}
			return cleanBody(string(b)), nil
		case t == "text/html" && !haveHTML:
			b, err := io.ReadAll(p.Body)
			if err != nil {
				return "", err
			}
			htmlText, haveHTML = htmlToText(b), true
		}
	}
	return cleanBody(htmlText), nil
}

// htmlToText keeps the text of an HTML body: tags dropped, entities decoded,
// script and style skipped, block elements turned into line breaks.
func htmlToText(b []byte) string {
	z := html.NewTokenizer(bytes.NewReader(b))
	var sb strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return sb.String()
		case html.TextToken:
			if skip == 0 {
				sb.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "head", "title":
				skip++
			case "br", "p", "div", "tr", "li", "blockquote", "h1", "h2", "h3", "h4":
				sb.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "head", "title":
				if skip > 0 {
					skip--
				}
			case "p", "div", "tr", "li", "blockquote", "h1", "h2", "h3", "h4":
				sb.WriteByte('\n')
			}
		}
	}
}

// cleanText makes a header value safe to show and store: valid UTF-8, one
// line.
func cleanText(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

// cleanBody normalises line endings, repairs invalid UTF-8 left by a wrong
// charset label, and trims runs of blank lines that HTML stripping leaves.
func cleanBody(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0")
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
