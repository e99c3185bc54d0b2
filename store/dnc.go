package store

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// Register is an imported national do-not-call register (NL Bel-me-niet,
// NO Reservasjonsregisteret, SE NIX). Its numbers are kept only as blind
// hashes in the dnc bucket; this is what is known about the import.
type Register struct {
	Name     string    `json:"name"`
	Numbers  int       `json:"numbers"` // distinct numbers imported
	Imported time.Time `json:"imported"`
}

// A dnc bucket key: blind("dnc", number) followed by the register's hash.
// Numbers come first so a lookup is one prefix seek; the register suffix
// lets one number be on several registers. Fixed-size arrays keep a million
// keys in one allocation and sort without pointer chasing.
const (
	dncHashLen = 16
	regHashLen = 8
)

type dncKey [dncHashLen + regHashLen]byte

// registerKey is the fixed-length key of a register, derived from its name
// folded to lower case and single spaces, so "NL Bel-me-niet" and
// "nl  bel-me-niet" are one register and a re-import replaces it. A keyed
// hash, not the name: register names say which country a rep calls.
func registerKey(b *blinder, name string) []byte {
	return slices.Clone(b.blind("register", strings.ToLower(name))[:regHashLen])
}

// ImportDNC replaces the register called name with the numbers in e164 (E.164
// form, as consent.NormalizePhone writes them; duplicates count once), in
// one transaction: a failed import leaves the previous list in force. The
// numbers are stored only as blind hashes, never in clear.
func (db *DB) ImportDNC(name string, e164 []string, now time.Time) (Register, error) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return Register{}, errors.New("a do-not-call register needs a name, e.g. \"NL Bel-me-niet\"")
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), len(e164)/10000))
	bl, err := db.blinders(workers, false)
	if err != nil {
		return Register{}, err
	}
	reg := registerKey(bl[0], name)
	keys, err := dncKeys(bl, reg, e164)
	if err != nil {
		return Register{}, fmt.Errorf("register %q: %w; nothing was imported", name, err)
	}
	r := Register{Name: name, Numbers: len(keys), Imported: now.UTC().Truncate(time.Second)}
	err = db.update(func(tx *bolt.Tx) error {
		tx.OnCommit(db.changedEveryone) // hook (changes.go)
		fresh, err := db.clearRegister(tx, reg)
		if err != nil {
			return err
		}
		b := tx.Bucket(bDNC)
		// Keys arrive sorted, so bbolt appends to the last page: full pages
		// halve the file size and the commit's work. Into a bucket shared
		// with other registers they land in between, where a little room
		// saves splitting a page for every later insert.
		b.FillPercent = 0.9
		if fresh {
			b.FillPercent = 1.0
		}
		added := make([][]byte, len(keys))
		for i := range keys {
			if err := b.Put(keys[i][:], nil); err != nil {
				return err
			}
			added[i] = keys[i][:]
		}
		// New keys all (deduplicated, the register's old ones cleared):
		// the state's digest of them is computed in parallel (state.go).
		if err := db.addNewTracked(tx, bDNC, added); err != nil {
			return err
		}
		// bbolt copied the keys; drop ours before the commit allocates its
		// pages, to lower the peak.
		keys = nil
		return db.put(tx, bRegisters, reg, r)
	})
	if err != nil {
		return Register{}, fmt.Errorf("cannot import the register %q: %w", name, err)
	}
	return r, nil
}

// dncKeys hashes, sorts and deduplicates the numbers, spreading the hashing
// over the blinders (one per core: HMAC is most of the work).
func dncKeys(bl []*blinder, reg []byte, e164 []string) ([]dncKey, error) {
	keys := make([]dncKey, len(e164))
	bad := make([]int, len(bl))
	var wg sync.WaitGroup
	chunk := (len(e164) + len(bl) - 1) / len(bl)
	for w := range bl {
		lo, hi := w*chunk, min((w+1)*chunk, len(e164))
		bad[w] = -1
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				if !isE164(e164[i]) {
					bad[w] = i
					return
				}
				copy(keys[i][:], bl[w].blind("dnc", e164[i]))
				copy(keys[i][dncHashLen:], reg)
			}
		})
	}
	wg.Wait()
	for _, i := range bad {
		if i >= 0 {
			return nil, fmt.Errorf("number %d, %q, is not in E.164 form (+31205550100)", i+1, e164[i])
		}
	}
	slices.SortFunc(keys, func(a, b dncKey) int { return bytes.Compare(a[:], b[:]) })
	return slices.Compact(keys), nil
}

// isE164 accepts "+" and 7 to 15 digits, the first not 0. Anything else
// could never equal a normalised prospect phone and would be silently
// useless on the register.
func isE164(s string) bool {
	if len(s) < 8 || len(s) > 16 || s[0] != '+' || s[1] == '0' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// clearRegister removes a register's numbers and reports whether the dnc
// bucket is now empty. When no other register is imported the whole bucket
// is dropped and recreated: a million single deletes would cost more than
// the import itself.
func (db *DB) clearRegister(tx *bolt.Tx, reg []byte) (fresh bool, err error) {
	others := false
	tx.Bucket(bRegisters).ForEach(func(k, _ []byte) error {
		others = others || !bytes.Equal(k, reg)
		return nil
	})
	if !others {
		if tx.Bucket(bDNC) != nil {
			if err := tx.DeleteBucket(bDNC); err != nil {
				return false, err
			}
		}
		if _, err := tx.CreateBucket(bDNC); err != nil {
			return false, err
		}
		return true, db.resetTracked(tx, bDNC)
	}
	// Collect first, then delete: deleting under a moving cursor can skip
	// the key after each deleted one.
	var old []dncKey
	c := tx.Bucket(bDNC).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if len(k) == len(dncKey{}) && bytes.Equal(k[dncHashLen:], reg) {
			old = append(old, dncKey(k))
		}
	}
	for i := range old {
		if err := db.delTracked(tx, bDNC, old[i][:]); err != nil {
			return false, err
		}
	}
	return false, nil
}

// Registers lists the imported do-not-call registers by name.
func (db *DB) Registers() ([]Register, error) {
	if _, err := db.key(); err != nil {
		return nil, err
	}
	var out []Register
	err := db.view(func(tx *bolt.Tx) error {
		regs, err := db.readRegisters(tx)
		for _, r := range regs {
			out = append(out, r)
		}
		return err
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// readRegisters opens every register's info, keyed by its register key. A
// damaged one is left out and reported; its numbers still block (see
// dncLookup).
func (db *DB) readRegisters(tx *bolt.Tx) (map[[regHashLen]byte]Register, error) {
	out := map[[regHashLen]byte]Register{}
	var first error
	err := tx.Bucket(bRegisters).ForEach(func(k, v []byte) error {
		var r Register
		if err := db.decode(bRegisters, k, v, &r, fmt.Sprintf("register %x", k)); err != nil {
			if !errIntegrity(err) {
				return err
			}
			if first == nil {
				first = err
			}
			return nil
		}
		if len(k) == regHashLen {
			out[[regHashLen]byte(k)] = r
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	return out, first
}

// DNCLookup tells whether an E.164 number is on an imported register; on
// several, it names the most recently imported one. nil: not listed, an
// empty number, or a locked database (nothing can be contacted through a
// locked database anyway).
func (db *DB) DNCLookup(e164 string) *consent.DNCHit {
	if e164 == "" {
		return nil
	}
	bl, err := db.blinders(1, false)
	if err != nil {
		return nil
	}
	var hit *consent.DNCHit
	db.view(func(tx *bolt.Tx) error {
		hit = db.dncLookup(tx, nil, bl[0].blind("dnc", e164))
		return nil
	})
	return hit
}

// dncLookup finds the registers listing the number with this blind hash.
// regs caches the registers for bulk lookups; nil reads them as needed. A
// number whose register info cannot be read still counts as listed, with
// an empty register name: failing closed is the safe side of a call ban.
func (db *DB) dncLookup(tx *bolt.Tx, regs map[[regHashLen]byte]Register, hash []byte) *consent.DNCHit {
	var hit *consent.DNCHit
	c := tx.Bucket(bDNC).Cursor()
	for k, _ := c.Seek(hash); k != nil && bytes.HasPrefix(k, hash); k, _ = c.Next() {
		if len(k) != len(dncKey{}) {
			continue
		}
		suffix := k[dncHashLen:]
		var r Register
		var ok bool
		if regs != nil {
			r, ok = regs[[regHashLen]byte(suffix)]
		} else {
			ok = db.get(tx, bRegisters, suffix, &r, fmt.Sprintf("register %x", suffix)) == nil
		}
		if !ok {
			r = Register{}
		}
		if hit == nil || r.Imported.After(hit.Imported) {
			hit = &consent.DNCHit{Register: r.Name, Imported: r.Imported}
		}
	}
	return hit
}

// blinders returns n independent blinders over the blind-index key, or the
// suppression key when suppression is set. They are made under db.mu so a
// concurrent Lock cannot zero the key halfway; they hold their own copy.
func (db *DB) blinders(n int, suppression bool) ([]*blinder, error) {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.dataKey == nil {
		return nil, ErrNotUnlocked
	}
	key := db.idxKey
	if suppression {
		key = db.supKey
	}
	out := make([]*blinder, n)
	for i := range out {
		out[i] = newBlinder(key)
	}
	return out, nil
}
