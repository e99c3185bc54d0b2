package usecase

import (
	"testing"

	"warmlead/consent"
)

// Every field a merge offers reaches its own field of the prospect, and
// no other name reaches one.
func TestMergeFieldReachesEachField(t *testing.T) {
	var p consent.Prospect
	seen := map[*string]string{}
	for _, name := range MergeFields {
		f := MergeField(&p, name)
		if f == nil {
			t.Fatalf("%s reaches nothing", name)
		}
		if other, dup := seen[f]; dup {
			t.Errorf("%s and %s reach the same field", name, other)
		}
		seen[f] = name
		*f = name
	}
	if p.Name != "name" || p.ListVendor != "list_vendor" || p.Source != "source" || p.Lang != "lang" {
		t.Errorf("the fields written: %+v", p)
	}
	if len(mergeFieldOf) != len(MergeFields) || MergeField(&p, "notes") != nil {
		t.Error("a name outside MergeFields reaches a field")
	}
}
