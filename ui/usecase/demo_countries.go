package usecase

// The demo generator's countries: names, companies, titles, fairs and
// phone numbers as they are written there. They are data, kept in
// demo_countries.json beside this file.

import (
	"bytes"
	_ "embed"
	"encoding/json"
)

// demoCountry is what makes a generated person Dutch, Norwegian, etc.
type demoCountry struct {
	Code     string   `json:"code"`
	Lang     string   `json:"lang"`
	Weight   int      `json:"weight"` // how many in a hundred people come from here
	First    []string `json:"first"`  // "F:" marks a female name where the surname agrees (Polish)
	Last     []string `json:"last"`
	CoPrefix []string `json:"co_prefix"` // a company is prefix, sector and legal form
	CoSector []string `json:"co_sector"`
	CoForm   []string `json:"co_form"`
	Titles   []string `json:"titles"`
	Fairs    []string `json:"fairs"`
	// phone: country code and national prefixes; seven digits follow
	// each prefix.
	CC     string   `json:"cc"`
	Mobile []string `json:"mobile"`
	Fixed  []string `json:"fixed"`
}

//go:embed demo_countries.json
var demoCountriesJSON []byte

// demoCountries are the countries a demo person comes from. The file is
// part of the binary, so it cannot fail at run time; a test reads it.
var demoCountries = func() []demoCountry {
	var cs []demoCountry
	dec := json.NewDecoder(bytes.NewReader(demoCountriesJSON))
	dec.DisallowUnknownFields() // a misspelt key would leave a list empty
	if err := dec.Decode(&cs); err != nil {
		panic("demo_countries.json: " + err.Error())
	}
	return cs
}()
