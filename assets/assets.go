// Package assets embeds what the app ships besides code: the icon now, and
// fonts, templates and translations as features need them.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the app icon (also referenced by FyneApp.toml for `fyne package`).
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// Translations holds the screens' strings, one <group>.<language>.json file
// per screen area and language (loaded by ui/i18n through Fyne's lang).
//
//go:embed translations
var Translations embed.FS
