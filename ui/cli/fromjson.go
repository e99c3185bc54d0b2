package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"warmlead/ui/usecase"
)

// Personal data on the command line is visible to every user of the
// machine (ps, /proc/PID/cmdline) and lands in shell history. Every
// command that takes a name, email, phone or evidence also takes
// --from-json FILE|-: the same values as one JSON object, from a file or
// standard input ("-").

const fromJSONHelp = "read the values as a JSON object from this file, or - for standard input (keeps them off the command line)"

// fromJSONFlag defines --from-json on fs; e.fromJSON reads what it names.
func fromJSONFlag(fs *flagSet) *string {
	var path string
	fs.StringVar(&path, "from-json", "", fromJSONHelp)
	return &path
}

// fromJSON fills fields (JSON key → the flag's variable) from the object
// in path. A key that is not a field, a value that is not a string or a
// number, and a field also given as a flag are usage errors.
func (e *env) fromJSON(path string, fields map[string]*string) error {
	if path == "" {
		return nil
	}
	var raw []byte
	var err error
	if path == "-" {
		raw, err = usecase.ReadAllCapped(e.stdin, usecase.MaxJSONInput)
	} else {
		raw, err = usecase.ReadInput(path, usecase.MaxJSONInput, usecase.PipesToo)
	}
	if err != nil {
		return fmt.Errorf("cannot read --from-json: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil || obj == nil {
		// The decoder's message may quote the input: it is not repeated.
		return usagef("--from-json: the input is not a JSON object (e.g. {\"name\": \"...\", \"email\": \"...\"})")
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for k, v := range obj {
		dst, ok := fields[k]
		if !ok {
			return usagef("--from-json: unknown field %q: use %s", safe(k), strings.Join(keys, ", "))
		}
		var s string
		switch v := v.(type) {
		case string:
			s = v
		case json.Number:
			s = v.String()
		case nil:
			continue
		default:
			return usagef("--from-json: %q must be a string", k)
		}
		if *dst != "" {
			return usagef("--from-json: %q is also given as --%s; give it once", k, strings.ReplaceAll(k, "_", "-"))
		}
		*dst = s
	}
	return nil
}
