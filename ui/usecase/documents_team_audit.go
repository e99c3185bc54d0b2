package usecase

import (
	"fmt"

	"warmlead/consent"
	"warmlead/store"
)

// auditSink is where a document's audit entry goes: the database the
// documents are read from, or, in the manager's team scope, the manager's
// own database (the mirror is a rebuildable copy nobody audits; the
// manager's log must say who exported what of the team).
type auditSink interface {
	Commit(c store.Change) ([]consent.Event, error)
}

// teamScopeAudit makes d (the mirror's Documents) audit into the
// manager's database.
func (d *Documents) teamScopeAudit(manager auditSink) { d.teamAudit = manager }

// commitAudit stores the entry of a finished document. In the team scope
// it names the scope, and a mirror prospect's id (the mirror's own, which
// would name another person in the manager's database) moves from the
// entry's prospect into its detail.
func (d *Documents) commitAudit(e store.AuditEntry) error {
	if d.teamAudit == nil {
		_, err := d.st.Commit(store.Change{Audit: []store.AuditEntry{e}})
		return err
	}
	scope := "team scope"
	if e.Prospect != 0 {
		scope = fmt.Sprintf("team scope, team prospect %d", e.Prospect)
		e.Prospect = 0
	}
	e.Detail = scope + ": " + e.Detail
	_, err := d.teamAudit.Commit(store.Change{Audit: []store.AuditEntry{e}})
	return err
}
