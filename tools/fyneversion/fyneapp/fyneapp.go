// Package fyneapp reads the [Details] Version and Build of a FyneApp.toml,
// the one place the app's version is written.
package fyneapp

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Details is what the version command and the packages need.
type Details struct {
	Version string // x.y.z
	Build   int
}

var (
	section = regexp.MustCompile(`^\s*\[([^\]]*)\]\s*$`)
	keyVal  = regexp.MustCompile(`^\s*([A-Za-z]+)\s*=\s*(.*?)\s*$`)
	semver  = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)
)

// Parse reads the keys of the [Details] table. FyneApp.toml is flat (no
// inline tables, no multi-line strings), so a line reader is enough and
// keeps the module free of a direct TOML dependency.
func Parse(b []byte) (Details, error) {
	var d Details
	in := ""
	for _, line := range strings.Split(string(b), "\n") {
		line = stripComment(line)
		if m := section.FindStringSubmatch(line); m != nil {
			in = strings.TrimSpace(m[1])
			continue
		}
		m := keyVal.FindStringSubmatch(line)
		if m == nil || in != "Details" {
			continue
		}
		switch m[1] {
		case "Version":
			v, err := strconv.Unquote(m[2])
			if err != nil {
				return d, fmt.Errorf("Details.Version %s is not a string", m[2])
			}
			d.Version = v
		case "Build":
			n, err := strconv.Atoi(m[2])
			if err != nil {
				return d, fmt.Errorf("Details.Build %s is not a number", m[2])
			}
			d.Build = n
		}
	}
	if !semver.MatchString(d.Version) {
		return d, fmt.Errorf("Details.Version %q is not x.y.z", d.Version)
	}
	if d.Build < 1 {
		return d, fmt.Errorf("Details.Build %d is not a positive number", d.Build)
	}
	return d, nil
}

// stripComment cuts a # comment that stands outside a quoted string.
func stripComment(line string) string {
	quoted := false
	for i, r := range line {
		switch {
		case r == '"' && (i == 0 || line[i-1] != '\\'):
			quoted = !quoted
		case r == '#' && !quoted:
			return line[:i]
		}
	}
	return line
}
