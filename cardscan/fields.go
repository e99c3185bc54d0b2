package cardscan

import (
	"image"
	"strings"
)

// ExtractFields reads a card's fields from the words an OCR found on it,
// with their boxes: email, web and phones by pattern, then the name, title,
// company and address by shape, size and place. country reads national
// phone numbers. No OCR is needed: tests give it word lists.
func ExtractFields(words []Word, country string) Card {
	c, _ := extract(words, country)
	mendEmail(&c)
	return c
}

// textBoxes are where the name, title and company were read, for a second
// look in the card's own language; empty when not found.
type textBoxes struct {
	Name, Title, Company          image.Rectangle
	NameConf, TitleConf, CompConf float64 // the OCR's mean word confidence there
}

func extract(words []Word, country string) (Card, textBoxes) {
	lines := groupLines(words)
	var c Card
	var local, domain string
	for _, l := range lines {
		if e, joined := findEmail(l.Text); e != "" && c.Email.Value == "" {
			c.Email = Field{e, clamp(l.Conf)}
			if joined {
				c.Email.Confidence *= 0.6
			}
			local, _, _ = strings.Cut(e, "@")
			domain = emailDomain(e)
			l.used = true
			continue
		}
		if w := findWeb(l.Text); w != "" {
			if c.Web.Value == "" {
				c.Web = Field{w, clamp(l.Conf)}
			}
			l.used = true
			continue
		}
		if hits := findPhones(l.Text, country); len(hits) > 0 {
			for _, h := range hits {
				conf := clamp(l.Conf)
				if !h.Valid {
					conf *= 0.5
				}
				f := Field{h.Value, conf}
				switch h.Kind {
				case kindFax:
					setField(&c.Fax, f)
				case kindMobile:
					setField(&c.Mobile, f)
				default:
					setField(&c.Phone, f)
				}
			}
			l.used = true
		}
	}
	if c.Phone.Value == "" && c.Mobile.Value != "" {
		c.Phone = c.Mobile
	}
	var boxes textBoxes
	boxes.Company, boxes.CompConf = pickCompany(&c, lines, domain)
	if c.Email.Value == "" {
		c.Email = findLostAt(lines, domainLabels(c))
		local, _, _ = strings.Cut(c.Email.Value, "@")
	}
	boxes.Name, boxes.Title, boxes.NameConf, boxes.TitleConf = pickNameTitle(&c, lines, local)
	pickAddress(&c, lines)
	return c, boxes
}

func setField(dst *Field, f Field) {
	if dst.Value == "" {
		*dst = f
	}
}

func clamp(v float64) float64 { return min(1, max(0, v)) }

func pickCompany(c *Card, lines []*line, domain string) (image.Rectangle, float64) {
	var best *line
	bestScore := 0.0
	for _, l := range lines {
		if l.used {
			continue
		}
		s := companyScore(l.Text, domain)
		if s > bestScore || s == bestScore && s > 0 && best != nil && l.Height > best.Height {
			best, bestScore = l, s
		}
	}
	if best == nil {
		return image.Rectangle{}, 0
	}
	best.used = true
	c.Company = Field{legalForm(cleanText(best.Text)), clamp(min(1, bestScore) * (0.4 + 0.6*best.Conf))}
	return best.Box, best.Conf
}

// pickNameTitle takes the name (name-shaped, large type, matching the
// email, next to a title) and the title (a line with a job word, nearest
// the name).
func pickNameTitle(c *Card, lines []*line, local string) (nameBox, titleBox image.Rectangle, nameConf, titleConf float64) {
	maxH := 1
	for _, l := range lines {
		if !l.used {
			maxH = max(maxH, l.Height)
		}
	}
	var name *line
	bestScore := 0.0
	for i, l := range lines {
		if l.used || isTitle(l.Text) || isAddress(l.Text) {
			continue
		}
		shape := nameShape(cleanText(l.Text))
		if shape == 0 {
			continue
		}
		s := 0.4*float64(l.Height)/float64(maxH) + 0.5*emailMatch(l.Text, local)
		if nextTitle(lines, i) != nil {
			s += 0.3
		}
		if s > bestScore {
			name, bestScore = l, s
		}
	}
	if name != nil {
		name.used = true
		nameBox, nameConf = name.Box, name.Conf
		c.Name = Field{cleanText(name.Text), clamp(min(1, bestScore) * (0.4 + 0.6*name.Conf))}
	}
	var title *line
	if name != nil {
		for i, l := range lines {
			if l == name {
				title = nextTitle(lines, i)
			}
		}
	}
	if title == nil {
		for _, l := range lines {
			if !l.used && isTitle(l.Text) && !isAddress(l.Text) {
				title = l
				break
			}
		}
	}
	if title != nil {
		title.used = true
		titleBox, titleConf = title.Box, title.Conf
		c.Title = Field{cleanText(title.Text), clamp(0.9 * (0.4 + 0.6*title.Conf))}
	}
	return nameBox, titleBox, nameConf, titleConf
}

// nextTitle is the unused title line just under or just over line i,
// within two of its heights.
func nextTitle(lines []*line, i int) *line {
	l := lines[i]
	for _, j := range []int{i + 1, i - 1, i + 2} {
		if j < 0 || j >= len(lines) || lines[j].used || !isTitle(lines[j].Text) {
			continue
		}
		o := lines[j]
		gap := max(o.Box.Min.Y-l.Box.Max.Y, l.Box.Min.Y-o.Box.Max.Y)
		if gap < 2*l.Height && o.Box.Min.X < l.Box.Max.X && o.Box.Max.X > l.Box.Min.X {
			return o
		}
	}
	return nil
}

func pickAddress(c *Card, lines []*line) {
	var parts []string
	conf := 0.0
	for _, l := range lines {
		if l.used || !isAddress(l.Text) {
			continue
		}
		l.used = true
		parts = append(parts, cleanText(l.Text))
		conf += l.Conf
	}
	if len(parts) > 0 {
		c.Address = Field{strings.Join(parts, ", "), clamp(0.8 * conf / float64(len(parts)))}
	}
}

// legalForm writes a legal form that lost its last dot in full ("B.V"
// is "B.V.").
func legalForm(s string) string {
	for _, f := range []string{"B.V", "N.V", "S.A", "V.O.F"} {
		if strings.HasSuffix(s, " "+f) {
			return s + "."
		}
	}
	return s
}

// cleanText drops the stray marks an OCR reads at a line's ends (a bullet,
// a bar from a frame) and collapses spaces.
func cleanText(s string) string {
	return strings.Trim(strings.Join(strings.Fields(s), " "), " |•·—–-_,;:")
}
