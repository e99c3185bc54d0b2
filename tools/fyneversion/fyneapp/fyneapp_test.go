package fyneapp

import (
	"os"
	"testing"
)

func TestParseRepositoryFile(t *testing.T) {
	b, err := os.ReadFile("../../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(b); err != nil {
		t.Fatal(err)
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in    string
		want  Details
		fails bool
	}{
		{"[Details]\n  Version = \"1.2.3\"\n  Build = 7\n", Details{"1.2.3", 7}, false},
		{"Version = \"9.9.9\"\n[Details]\nVersion = \"1.0.0\" # comment\nBuild = 2\n[Other]\nVersion = \"5.5.5\"\n", Details{"1.0.0", 2}, false},
		{"[Details]\nVersion = \"1.0\"\nBuild = 1\n", Details{}, true},
		{"[Details]\nVersion = \"1.0.0\"\n", Details{}, true},
		{"[Details]\nVersion = 1\nBuild = 1\n", Details{}, true},
	} {
		got, err := Parse([]byte(c.in))
		if c.fails {
			if err == nil {
				t.Errorf("%q: no error, got %+v", c.in, got)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%q: got %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
}
