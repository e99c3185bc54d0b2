package consent

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"mime"
	"net/mail"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var mailDate = time.Date(2026, 3, 2, 9, 30, 0, 0, time.FixedZone("CET", 3600))

func nordicEmail() Email {
	return Email{
		Lang:    "nb",
		From:    "Kari Sælger <kari@acme.example>",
		To:      "jorgen@kunde.example",
		Subject: "Hei Jørgen Ångström – oppfølging",
		Body:    "Hei Jørgen Ångström,\n\ntakk for samtalen. Æ, ø og å skal komme fram.\nEn veldig lang linje " + strings.Repeat("blåbærsyltetøy ", 12) + "slutt.\n\nHilsen Kari",
	}
}

// emlOf is e written as an .eml dated mailDate.
func emlOf(tb testing.TB, e Email) *bytes.Buffer {
	tb.Helper()
	var buf bytes.Buffer
	if err := WriteEML(&buf, e, mailDate); err != nil {
		tb.Fatal(err)
	}
	return &buf
}

func TestWriteReadEMLRoundTrip(t *testing.T) {
	e := nordicEmail()
	buf := emlOf(t, e)
	ev, err := ReadEML(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("ReadEML: %v\n%s", err, buf.String())
	}
	if ev.Subject != e.Subject {
		t.Errorf("subject = %q, want %q", ev.Subject, e.Subject)
	}
	if ev.Body != e.Body {
		t.Errorf("body = %q, want %q", ev.Body, e.Body)
	}
	if ev.From != "Kari Sælger <kari@acme.example>" {
		t.Errorf("from = %q", ev.From)
	}
	if !ev.Date.Equal(mailDate) {
		t.Errorf("date = %v, want %v", ev.Date, mailDate)
	}
}

func TestWriteEMLHeaders(t *testing.T) {
	raw := emlOf(t, nordicEmail()).String()
	// Every line 7-bit; body lines within quoted-printable's 76 characters,
	// header lines within RFC 5322's hard 998. (go-message's encoded words
	// are at most 75 characters but cannot fold, so "Subject: " plus one
	// may pass the soft limit of 78.)
	headerEnd := strings.Index(raw, "\r\n\r\n")
	for i, l := range strings.Split(raw, "\r\n") {
		max := 76
		if strings.Index(raw, l) < headerEnd {
			max = 998
		}
		if len(l) > max {
			t.Errorf("line %d is %d characters long: %q", i+1, len(l), l)
		}
		for _, c := range []byte(l) {
			if c >= 0x80 {
				t.Fatalf("line %d is not 7-bit: %q", i+1, l)
			}
		}
	}
	if strings.Contains(strings.ReplaceAll(raw, "\r\n", ""), "\n") {
		t.Error("bare LF line ending; RFC 5322 wants CRLF")
	}
	m, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("net/mail cannot parse it: %v\n%s", err, raw)
	}
	h := m.Header
	for k, want := range map[string]string{
		"Mime-Version":              "1.0",
		"Content-Type":              "text/plain; charset=utf-8",
		"Content-Transfer-Encoding": "quoted-printable",
		"Content-Language":          "nb",
	} {
		if got := h.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if id := h.Get("Message-Id"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@acme.example>") {
		t.Errorf("Message-ID = %q, want <...@acme.example>", id)
	}
	if d, err := h.Date(); err != nil || !d.Equal(mailDate) {
		t.Errorf("Date = %v, %v", d, err)
	}
	if from, err := h.AddressList("From"); err != nil || len(from) != 1 || from[0].Address != "kari@acme.example" || from[0].Name != "Kari Sælger" {
		t.Errorf("From = %v, %v", from, err)
	}
	if to, err := h.AddressList("To"); err != nil || len(to) != 1 || to[0].Address != "jorgen@kunde.example" {
		t.Errorf("To = %v, %v", to, err)
	}
	rawSubject := h.Get("Subject")
	if !strings.Contains(rawSubject, "=?utf-8?") {
		t.Errorf("non-ASCII subject is not RFC 2047 encoded: %q", rawSubject)
	}
	if s, err := new(mime.WordDecoder).DecodeHeader(rawSubject); err != nil || s != nordicEmail().Subject {
		t.Errorf("decoded subject = %q, %v", s, err)
	}
	body, _ := io.ReadAll(m.Body)
	if !bytes.Contains(body, []byte("=C3=86")) { // Æ in quoted-printable
		t.Errorf("body is not quoted-printable UTF-8:\n%s", body)
	}
}

func TestWriteEMLOptionalFrom(t *testing.T) {
	e := nordicEmail()
	e.From = ""
	buf := emlOf(t, e)
	if strings.Contains(buf.String(), "\r\nFrom:") || strings.HasPrefix(buf.String(), "From:") {
		t.Error("an empty From must be left out")
	}
	if !strings.Contains(buf.String(), "@warmlead.invalid>") {
		t.Error("Message-ID should fall back to warmlead.invalid")
	}
	e.To = "not an address"
	if err := WriteEML(io.Discard, e, mailDate); err == nil {
		t.Error("a bad To address must be an error")
	}
}

func TestWriteEMLSubjectInjection(t *testing.T) {
	e := nordicEmail()
	e.Subject = "Hello\r\nBcc: victim@example.com"
	m, err := mail.ReadMessage(emlOf(t, e))
	if err != nil {
		t.Fatal(err)
	}
	if m.Header.Get("Bcc") != "" {
		t.Error("a newline in the subject must not start a new header")
	}
}

const latin1Reply = "From: =?ISO-8859-1?Q?J=F8rgen_=C5ngstr=F6m?= <jorgen@kunde.example>\r\n" +
	"To: kari@acme.example\r\n" +
	"Subject: =?ISO-8859-1?Q?Re:_J=E6_takk?=\r\n" +
	"Date: Mon, 02 Mar 2026 10:15:00 +0100\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: text/plain; charset=ISO-8859-1\r\n" +
	"Content-Transfer-Encoding: quoted-printable\r\n" +
	"\r\n" +
	"Ja, det er greit at dere sender meg nyhetsbrev. Hilsen J=F8rgen\r\n"

const multipartReply = "From: jorgen@kunde.example\r\n" +
	"Subject: Re: introduction\r\n" +
	"Date: Tue, 03 Mar 2026 08:00:00 +0000\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: multipart/mixed; boundary=outer\r\n" +
	"\r\n" +
	"--outer\r\n" +
	"Content-Type: multipart/alternative; boundary=inner\r\n" +
	"\r\n" +
	"--inner\r\n" +
	"Content-Type: text/html; charset=utf-8\r\n" +
	"\r\n" +
	"<html><head><style>p{}</style></head><body><p>Yes, you may pass on my details &amp; call me.</p><img src=\"https://t.example/p.gif\"></body></html>\r\n" +
	"--inner--\r\n" +
	"--outer\r\n" +
	"Content-Type: application/pdf\r\n" +
	"Content-Disposition: attachment; filename=a.pdf\r\n" +
	"Content-Transfer-Encoding: base64\r\n" +
	"\r\n" +
	"JVBERi0xLjQK\r\n" +
	"--outer--\r\n"

func TestReadEMLCharsetsAndParts(t *testing.T) {
	ev, err := ReadEML(strings.NewReader(latin1Reply))
	if err != nil {
		t.Fatal(err)
	}
	if ev.From != "Jørgen Ångström <jorgen@kunde.example>" || ev.Subject != "Re: Jæ takk" || !strings.HasSuffix(ev.Body, "Hilsen Jørgen") {
		t.Errorf("latin-1 reply read as %+v", ev)
	}
	ev, err = ReadEML(strings.NewReader(multipartReply))
	if err != nil {
		t.Fatal(err)
	}
	if ev.Body != "Yes, you may pass on my details & call me." {
		t.Errorf("HTML fallback body = %q", ev.Body)
	}
	if ev.Date.IsZero() || ev.From != "jorgen@kunde.example" {
		t.Errorf("multipart reply read as %+v", ev)
	}
}

func TestReadEMLRefusesOtherFiles(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(rnd.UintN(256))
	}
	vcard := "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jørgen Ångström\r\nEMAIL;TYPE=work:jorgen@kunde.example\r\nEND:VCARD\r\n"
	for name, in := range map[string][]byte{
		"binary":   bin,
		"png":      append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bin[:64]...),
		"vcard":    []byte(vcard),
		"csv":      []byte("name;phone\nJan;+31205550100\n"),
		"empty":    nil,
		"prose":    []byte("Dear Kari,\n\nyes please.\n"),
		"bad head": []byte(": no key\r\n\r\nbody"),
	} {
		_, err := ReadEML(bytes.NewReader(in))
		if err == nil {
			t.Errorf("%s: accepted as an email", name)
			continue
		}
		if !errors.Is(err, ErrNotEmail) || !strings.HasPrefix(err.Error(), "this file is not an email message (.eml): ") {
			t.Errorf("%s: error %q does not say it is not an email", name, err)
		}
	}
}

func TestReadEMLSizeCap(t *testing.T) {
	big := io.MultiReader(strings.NewReader(latin1Reply), bytes.NewReader(make([]byte, MaxEMLBytes)))
	_, err := ReadEML(big)
	if err == nil || !strings.Contains(err.Error(), "larger than 10 MB") {
		t.Errorf("oversized input: err = %v", err)
	}
}

func FuzzReadEML(f *testing.F) {
	f.Add(emlOf(f, nordicEmail()).Bytes())
	f.Add([]byte(latin1Reply))
	f.Add([]byte(multipartReply))
	f.Add([]byte("From: a@b.c\n\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		ev, err := ReadEML(bytes.NewReader(in))
		if err != nil {
			return
		}
		// Whatever the charset labels claimed, what is stored is UTF-8,
		// and the header values are one line each.
		for _, s := range []string{ev.From, ev.Subject, ev.Body} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
		if strings.ContainsAny(ev.From+ev.Subject, "\r\n") {
			t.Fatalf("multi-line header value: %q / %q", ev.From, ev.Subject)
		}
	})
}
