// Package assets embeds what the app ships besides code: the icon now, and
// fonts, templates and translations as features need them.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the app icon (also referenced by FyneApp.toml for `fyne package`).
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
