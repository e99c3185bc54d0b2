package usecase

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// CSVColumns is the header of the CSV export. The first nine are the
// prospect's own fields, the names the CSV import maps; the rest are read
// only: what the ledger says, for a spreadsheet, ignored by an import.
var CSVColumns = []string{"name", "company", "title", "email", "phone", "source", "event", "list_vendor", "lang",
	"id", "added", "consent_state", "do_not_call", "last_contact", "call_back", "notice_owed"}

// csvConsent names the table's consent states in the CSV.
var csvConsent = map[store.RowConsent]string{store.RowConsented: "consented", store.RowNoConsent: "none",
	store.RowWithdrawn: "withdrawn", store.RowObjected: "objected"}

// ExportCSV writes the selection as CSV (RFC 4180, UTF-8, header first),
// and logs the export as one audit entry. The ledger columns come from the
// read model; they are empty when the ledgers were not read.
func (b *Bulk) ExportCSV(w io.Writer, ids []uint64) (BulkReport, error) {
	if len(ids) == 0 {
		return BulkReport{}, errBulkNone.New()
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return BulkReport{}, err
	}
	now := b.env.now()
	// The facts are read once for all (the first call after an unlock
	// reads the ledgers, as the list does).
	if err := b.st.Index().ReadFacts(); err != nil {
		return BulkReport{}, err
	}
	rep := b.each(ids, func(id uint64) error {
		p, ok := b.st.Index().Cached(id)
		if !ok {
			return store.ErrNotFound
		}
		f, known := b.st.Index().Facts(id, now)
		return cw.Write(csvRow(p, f, known))
	})
	cw.Flush()
	if err := cw.Error(); err != nil {
		return rep, err
	}
	_, err := b.st.Commit(store.Change{Audit: []store.AuditEntry{{Time: now, Rep: b.env.rep(), Action: "exported",
		Detail: fmt.Sprintf("csv of %d prospects from the list", rep.Done())}}})
	return rep, err
}

func csvRow(p consent.Prospect, f store.RowFacts, known bool) []string {
	row := []string{p.Name, p.Company, p.Title, p.Email, p.Phone, string(p.Source), p.Event, p.ListVendor, p.Lang,
		strconv.FormatUint(p.ID, 10), csvTime(p.Created)}
	if !known {
		row = append(row, "", "", "", "", "")
	} else {
		row = append(row, csvConsent[f.Consent], strconv.FormatBool(f.DoNotCall), csvTime(f.LastContact),
			csvTime(f.Callback), strconv.FormatBool(f.NoticeOwed))
	}
	for i, v := range row {
		row[i] = csvSafe(v)
	}
	return row
}

func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// csvSafe keeps a spreadsheet from running a cell as a formula: a value
// starting with = @ or a tab, or + - not followed by a digit (a phone
// number stays a number), gets a leading apostrophe.
func csvSafe(v string) string {
	if v == "" {
		return v
	}
	switch v[0] {
	case '=', '@', '\t', '\r':
		return "'" + v
	case '+', '-':
		if len(v) < 2 || !strings.ContainsRune("0123456789 (", rune(v[1])) {
			return "'" + v
		}
	}
	return v
}
