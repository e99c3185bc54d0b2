package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// uiFiles parses the GUI's Go files (not tests, not the headless CLI).
func uiFiles(t *testing.T) (*token.FileSet, []*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	for _, pattern := range []string{"../*.go", "*.go"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			if strings.HasSuffix(n, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, n, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
	}
	if len(files) < 10 {
		t.Fatalf("found only %d GUI files; is the test running in ui/i18n?", len(files))
	}
	return fset, files
}

func callName(c *ast.CallExpr) (pkg, name string) {
	switch f := c.Fun.(type) {
	case *ast.Ident:
		return "", f.Name
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok {
			return id.Name, f.Sel.Name
		}
		return "", f.Sel.Name
	case *ast.IndexExpr: // generic call
		if id, ok := f.X.(*ast.Ident); ok {
			return "", id.Name
		}
	}
	return "", ""
}

func isLangCall(c *ast.CallExpr) bool {
	pkg, name := callName(c)
	return pkg == "lang" && (name == "L" || name == "N" || name == "X" || name == "XN")
}

// Every literal key the code passes to lang has an English entry, so no
// screen shows a key or logs "Translation failure".
func TestKeysUsedInCodeExist(t *testing.T) {
	en := readCatalogue(t).english()
	fset, files := uiFiles(t)
	n := 0
	for _, f := range files {
		ast.Inspect(f, func(node ast.Node) bool {
			c, ok := node.(*ast.CallExpr)
			if !ok || !isLangCall(c) || len(c.Args) == 0 {
				return true
			}
			_, name := callName(c)
			lit, ok := c.Args[0].(*ast.BasicLit)
			if !ok {
				return true // labels from maps are checked by their own tests
			}
			key, _ := strconv.Unquote(lit.Value)
			n++
			v, ok := en[key]
			if !ok {
				t.Errorf("%s: lang.%s(%q) has no English entry", fset.Position(lit.Pos()), name, key)
				return true
			}
			if _, plural := v.(map[string]any); plural != (name == "N" || name == "XN") {
				t.Errorf("%s: lang.%s(%q): plural use and plural entry disagree", fset.Position(lit.Pos()), name, key)
			}
			return true
		})
	}
	if n < 20 {
		t.Errorf("only %d translated strings found in the GUI code", n)
	}
}

// Calls whose string arguments end up on screen. A literal with letters in
// them must come through lang.
var visible = map[string]bool{
	"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true,
	"NewCheck": true, "NewHyperlink": true, "NewCard": true, "NewAccordionItem": true, "NewFormItem": true,
	"NewTabItem": true, "NewTabItemWithIcon": true, "NewConfirm": true, "NewInformation": true,
	"ShowInformation": true, "ShowConfirm": true, "NewCustom": true, "NewCustomConfirm": true,
	"NewCustomWithoutButtons": true, "NewMenuItem": true, "NewMenu": true, "SetText": true,
	"SetPlaceHolder": true, "NewRadioGroup": true, "NewSelect": true, "NewRichTextWithText": true,
	"NewRichTextFromMarkdown": true, "SetTitle": true, "NewProgressInfinite": true,
	"heading": true, "emptyState": true, "messageScreen": true, "fieldError": true,
}

// Strings that are the same in every language.
var untranslatable = map[string]bool{"Warmlead": true}

func hasWords(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if letters >= 2 {
				return true
			}
		} else {
			letters = 0
		}
	}
	return false
}

// No visible string bypasses the translations.
func TestNoUntranslatedStrings(t *testing.T) {
	fset, files := uiFiles(t)
	for _, f := range files {
		ast.Inspect(f, func(node ast.Node) bool {
			c, ok := node.(*ast.CallExpr)
			if !ok {
				return true
			}
			if _, name := callName(c); !visible[name] {
				return true
			}
			for _, a := range c.Args {
				ast.Inspect(a, func(n ast.Node) bool {
					if inner, ok := n.(*ast.CallExpr); ok && isLangCall(inner) {
						return false
					}
					if inner, ok := n.(*ast.CallExpr); ok {
						// Formatting verbs and layouts are not text.
						if pkg, _ := callName(inner); pkg == "time" || pkg == "strings" {
							return false
						}
					}
					lit, ok := n.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						return true
					}
					s, _ := strconv.Unquote(lit.Value)
					if hasWords(s) && !untranslatable[s] {
						t.Errorf("%s: %q is shown without lang.L", fset.Position(lit.Pos()), s)
					}
					return true
				})
			}
			return true
		})
	}
}
