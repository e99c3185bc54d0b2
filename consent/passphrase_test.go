package consent

import "testing"

func TestWeakPassphrase(t *testing.T) {
	for _, c := range []struct {
		p    string
		want string // "" for accepted
	}{
		{"", tPassTooShort},
		{"short", tPassTooShort},
		{"123456789", tPassTooShort},
		{"          ", tPassBlank},
		{" \t \n   \t  ", tPassBlank},
		{"aaaaaaaaaaaa", tPassRepeated},
		{"111111111111111", tPassRepeated},
		{"ééééééééééé", tPassRepeated},
		{"1234567890", tPassSimpleRun},
		{"12345678901234", tPassSimpleRun},
		{"abcdefghijk", tPassSimpleRun},
		{"ABCDEFGHIJ", tPassSimpleRun},
		{"9876543210", tPassSimpleRun},
		{"kjihgfedcba", tPassSimpleRun},
		{"qwertyuiop", tPassSimpleRun},
		{"poiuytrewq", tPassSimpleRun},
		{"asdfghjkl;", ""}, // not a run any more: the meter rates it
		{"tulip windmill canal", ""},
		{"correct horse battery", ""},
		{"abcdefghij1", ""},
		{"  spaced words  ", ""},
	} {
		msg, weak := WeakPassphrase(c.p)
		if weak != (c.want != "") || msg.Template != c.want {
			t.Errorf("%q: weak %v, %q; want %q", c.p, weak, msg.Template, c.want)
		}
	}
	if msg, _ := WeakPassphrase("short"); msg.String() != "Too short: at least 10 characters" {
		t.Errorf("the reason reads %q", msg.String())
	}
}
