package store

// Index is the read model: the decrypted search index and the list's facets
// (last contact, consent state), built in memory at unlock and kept up to
// date by every write. It answers the screens' searches, sorts and filters
// without touching the file; what is persisted (records, ledgers, audit)
// stays on DB. Locking wipes it.
type Index struct{ db *DB }

// Index is the database's read model.
func (db *DB) Index() Index { return Index{db} }
