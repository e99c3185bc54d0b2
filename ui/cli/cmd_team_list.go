package cli

import (
	"fmt"
	"io"

	"warmlead/consent"
)

// teamRowJSON is a row of `list --team --json`: the prospect's fields as
// `list --json` gives them, and the rep who holds it.
type teamRowJSON struct {
	consent.Prospect
	Rep string `json:"rep"`
}

// listTeam is `list --team`: the mirror's prospects with their rep (ids
// are the mirror's own: each rep numbers their prospects apart).
func (e *env) listTeam(q, rep string, asJSON bool) error {
	uc, err := e.app()
	if err != nil {
		return err
	}
	rows, err := uc.Team.Rows(q, rep)
	if err != nil {
		return err
	}
	out := make([]teamRowJSON, len(rows))
	for i, r := range rows {
		out[i] = teamRowJSON{r.Prospect, r.Rep}
	}
	return printRows(e.stdout, asJSON, out, "ID\tNAME\tCOMPANY\tEMAIL\tPHONE\tSOURCE\tREP", func(tw io.Writer, r teamRowJSON) {
		p := r.Prospect
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", p.ID, safe(p.Name), safe(p.Company), safe(p.Email), safe(p.Phone), safe(string(p.Source)), safe(r.Rep))
	})
}
