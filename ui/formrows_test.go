package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// formRows is the text a form renders, label then value, row by row.
func formRows(f *widget.Form) []string {
	var out []string
	content := test.WidgetRenderer(f).Objects()[0].(*fyne.Container)
	grid := content.Objects[0].(*fyne.Container)
	for _, o := range grid.Objects {
		out = append(out, textOf(o))
	}
	return out
}

// textOf is the first text under o: a label's or a canvas text's.
func textOf(o fyne.CanvasObject) string {
	switch v := o.(type) {
	case *widget.Label:
		return v.Text
	case *canvas.Text:
		return v.Text
	case *fyne.Container:
		for _, c := range v.Objects {
			if s := textOf(c); s != "" {
				return s
			}
		}
	}
	return ""
}
