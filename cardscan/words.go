package cardscan

import (
	"image"
	"sort"
	"strings"
)

// Word is one word the OCR read, with its box on the cleaned card image
// and Tesseract's confidence scaled to 0..1.
type Word struct {
	Text string
	Box  image.Rectangle
	Conf float64
}

// line is words that sit side by side on the card, left to right.
type line struct {
	Words  []Word
	Text   string
	Box    image.Rectangle
	Height int // the tallest word's box: the type size, roughly
	Conf   float64
	used   bool // taken by a field
}

// groupLines puts words into lines: a word joins a line when their boxes
// overlap vertically by half the smaller height and the horizontal gap is
// under three heights (so two columns at the same height stay apart).
func groupLines(words []Word) []*line {
	ws := make([]Word, 0, len(words))
	for _, w := range words {
		if w.Text = strings.TrimSpace(w.Text); w.Text != "" && !w.Box.Empty() {
			ws = append(ws, w)
		}
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Box.Min.X < ws[j].Box.Min.X })
	var lines []*line
	for _, w := range ws {
		var best *line
		for _, l := range lines {
			last := l.Words[len(l.Words)-1].Box
			ov := min(last.Max.Y, w.Box.Max.Y) - max(last.Min.Y, w.Box.Min.Y)
			h := min(last.Dy(), w.Box.Dy())
			gap := w.Box.Min.X - last.Max.X
			if ov*2 >= h && gap < 3*max(last.Dy(), w.Box.Dy()) && gap > -h {
				best = l
				break
			}
		}
		if best == nil {
			best = &line{}
			lines = append(lines, best)
		}
		best.Words = append(best.Words, w)
	}
	for _, l := range lines {
		var texts []string
		l.Box = l.Words[0].Box
		var conf float64
		for _, w := range l.Words {
			texts = append(texts, w.Text)
			l.Box = l.Box.Union(w.Box)
			l.Height = max(l.Height, w.Box.Dy())
			conf += w.Conf
		}
		l.Text = strings.Join(texts, " ")
		l.Conf = conf / float64(len(l.Words))
	}
	sort.SliceStable(lines, func(i, j int) bool {
		if lines[i].Box.Min.Y != lines[j].Box.Min.Y {
			return lines[i].Box.Min.Y < lines[j].Box.Min.Y
		}
		return lines[i].Box.Min.X < lines[j].Box.Min.X
	})
	return lines
}
