package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// Saved views (issue 16): what the application layer worked out from the
// records, kept in the file beside the facet snapshot so the next unlock
// need not work it out again. Today's lists are one: reading 17,000
// ledgers for them was most of the first paint at 100,000 prospects.
//
// The store knows nothing of a view's content; it keeps it exact:
//
//   - a view is sealed under meta/view.NAME with the file's stamp
//     (facetStampTx: generation, state, registers) as its transaction saw
//     it, and written only when the journal says no prospect changed
//     since the version the view is up to, and no update is between its
//     commit and its hooks (updatesInFlight). So it is the view of exactly
//     the file it is in;
//   - LoadView hands it back only while the file's stamp is still that one
//     and the state check at this unlock passed (the records are the ones
//     the state was sealed over: none removed or put back behind its back);
//   - it is written like the facet snapshot, without a write through
//     update: derived data, not covered by the state;
//   - it may hold names: an erasure deletes every view in its own
//     transaction (removeRecordTx), a rekey drops them (rekeyMeta), and
//     Verify names one that does not open (verifyViews). A view that fails
//     to open is ignored, and replaced at the next save.
//
// Saved at Lock and Close, from the providers the application registered
// (KeepView); a provider that has nothing exact to give leaves the stored
// view alone: its stamp tells the next unlock whether it still holds.
const viewPrefix = "view."

// ViewProvider gives a view to save: its bytes and the journal version
// (Index.Changes) they are up to; ok false when it has nothing exact.
type ViewProvider func() (view []byte, upTo uint64, ok bool)

type viewRegistry struct {
	mu        sync.Mutex
	providers map[string]ViewProvider
}

func viewKey(name string) []byte { return []byte(viewPrefix + name) }

func isViewKey(k []byte) bool { return bytes.HasPrefix(k, []byte(viewPrefix)) }

// KeepView registers the provider of the view name, asked at each Lock and
// Close while the key is still there; a later one replaces it.
func (db *DB) KeepView(name string, p ViewProvider) {
	db.views.mu.Lock()
	defer db.views.mu.Unlock()
	if db.views.providers == nil {
		db.views.providers = map[string]ViewProvider{}
	}
	db.views.providers[name] = p
}

// LoadView is the view saved under name when it is still the file's: the
// bytes, and the journal version to ask Index.Changes from (every write
// after it is named there). ok false: none, another file's, or not trusted.
func (db *DB) LoadView(name string) (view []byte, since uint64, ok bool) {
	db.mu.RLock()
	trusted := db.stateChecked && db.index != nil
	db.mu.RUnlock()
	if !trusted {
		return nil, 0, false
	}
	dk, err := db.key()
	if err != nil {
		return nil, 0, false
	}
	// Read before the transaction: a write it does not see comes after
	// since in the journal, one it sees moved the stamp.
	since = changeVersions.Load()
	err = db.view(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bMeta).Get(viewKey(name))
		if raw == nil {
			return errNoView
		}
		pt, err := db.openValue(bMeta, viewKey(name), raw)
		if err != nil {
			return err
		}
		now, _, err := db.facetStampTx(tx, dk)
		if err != nil {
			return err
		}
		st, rest, err := decodeViewStamp(pt)
		if err != nil || st != now {
			return errNoView
		}
		view = bytes.Clone(rest) // pt may be the file's own bytes (plaintext test files)
		releaseMappedTx(tx)      // a few megabytes of the file, read once (mapped_linux.go)
		return nil
	})
	if err != nil {
		return nil, 0, false
	}
	return view, since, true
}

var errNoView = errors.New("no saved view for this file")

// saveViews asks each provider and seals what it gives (at Lock and Close).
func (db *DB) saveViews() {
	if db.opts.forRestore {
		return
	}
	db.views.mu.Lock()
	providers := maps.Clone(db.views.providers)
	db.views.mu.Unlock()
	for _, name := range slices.Sorted(maps.Keys(providers)) {
		if db.Unlocked() {
			db.saveView(name, providers[name])
		}
	}
}

func (db *DB) saveView(name string, provide ViewProvider) {
	view, upTo, ok := provide()
	if !ok {
		return
	}
	defer clear(view) // it may hold names, in clear
	_ = db.updateUncounted(func(tx *bolt.Tx) error {
		if db.updatesInFlight.Load() != 0 || !db.unchangedSince(upTo) {
			return errSnapSkipped
		}
		dk, err := db.key()
		if err != nil {
			return err
		}
		st, _, err := db.facetStampTx(tx, dk)
		if err != nil {
			return err
		}
		pt := appendViewStamp(make([]byte, 0, facetHeaderLen+len(view)), st)
		pt = append(pt, view...)
		sealed, err := db.sealValue(bMeta, viewKey(name), pt)
		clear(pt)
		if err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(viewKey(name), sealed)
	})
}

// unchangedSince tells whether the journal names no write after version.
func (db *DB) unchangedSince(version uint64) bool {
	db.mu.RLock()
	defer db.mu.RUnlock()
	j := &db.changes
	if db.index == nil || version == 0 || version < j.floor {
		return false
	}
	return len(j.changes) == 0 || j.changes[len(j.changes)-1].version <= version
}

// deleteViewsTx removes every saved view (an erasure: they may hold the
// erased person's name).
func deleteViewsTx(tx *bolt.Tx) error {
	var keys [][]byte
	c := tx.Bucket(bMeta).Cursor()
	for k, _ := c.Seek([]byte(viewPrefix)); k != nil && isViewKey(k); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys {
		if err := tx.Bucket(bMeta).Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// verifyViews is Verify's part: a saved view that does not open is named.
func (db *DB) verifyViews(tx *bolt.Tx) error {
	c := tx.Bucket(bMeta).Cursor()
	for k, v := c.Seek([]byte(viewPrefix)); k != nil && isViewKey(k); k, v = c.Next() {
		if _, err := db.openValue(bMeta, k, v); err != nil {
			name := strings.TrimPrefix(string(k), viewPrefix)
			return &IntegrityError{Bucket: string(bMeta), Key: "the saved " + name + " view (worked out again from the records at the next close)"}
		}
	}
	return nil
}

const viewFormat = 1

func appendViewStamp(out []byte, st facetStamp) []byte {
	out = append(out, viewFormat)
	out = binary.BigEndian.AppendUint64(out, st.gen)
	return append(append(out, st.state[:]...), st.regs[:]...)
}

func decodeViewStamp(b []byte) (facetStamp, []byte, error) {
	var st facetStamp
	if len(b) < facetHeaderLen || b[0] != viewFormat {
		return st, nil, errSnapFormat
	}
	st.gen = binary.BigEndian.Uint64(b[1:])
	copy(st.state[:], b[9:41])
	copy(st.regs[:], b[41:73])
	return st, b[facetHeaderLen:], nil
}
