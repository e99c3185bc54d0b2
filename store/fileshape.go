package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"runtime/debug"
)

// ErrDamaged: the file is cut short or overwritten where bbolt keeps its
// own bookkeeping, so it cannot be opened safely.
var ErrDamaged = errors.New("the database file is damaged (cut short or overwritten): restore a backup")

// bbolt's file format: each of the first two pages holds a meta record
// after a 16-byte page header, in the machine's byte order, ending in an
// FNV-64a checksum of the fields before it.
const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	boltPageHeader   = 16
	boltMetaLen      = 64
	boltMetaSumAt    = 56
	boltNoFreelist   = ^uint64(0)
	boltMinPageBytes = 1024
)

type boltMeta struct {
	valid                      bool
	pageSize                   uint32
	root, freelist, pgid, txid uint64
}

func readBoltMeta(f *os.File, off int64) boltMeta {
	var b [boltPageHeader + boltMetaLen]byte
	if _, err := f.ReadAt(b[:], off); err != nil {
		return boltMeta{}
	}
	m, ne := b[boltPageHeader:], binary.NativeEndian
	h := fnv.New64a()
	h.Write(m[:boltMetaSumAt])
	return boltMeta{
		valid:    ne.Uint32(m[0:]) == boltMagic && ne.Uint32(m[4:]) == boltVersion && h.Sum64() == ne.Uint64(m[boltMetaSumAt:]),
		pageSize: ne.Uint32(m[8:]),
		root:     ne.Uint64(m[16:]),
		freelist: ne.Uint64(m[32:]),
		pgid:     ne.Uint64(m[40:]),
		txid:     ne.Uint64(m[48:]),
	}
}

// currentMeta reads the meta record bbolt would use: the newer of the two,
// if its checksum holds, else the other. ok is false when neither holds.
func currentMeta(f *os.File) (boltMeta, bool) {
	m0 := readBoltMeta(f, 0)
	ps := int64(os.Getpagesize())
	if m0.valid && m0.pageSize >= boltMinPageBytes {
		ps = int64(m0.pageSize)
	}
	m1 := readBoltMeta(f, ps)
	cur, other := m0, m1
	if m1.txid > m0.txid {
		cur, other = m1, m0
	}
	if !cur.valid {
		cur = other
	}
	return cur, cur.valid && cur.pageSize >= boltMinPageBytes
}

// checkFileShape refuses a file whose current meta record points past the
// end of the file (a file cut short: a partial copy, a backup written to a
// full disk), or whose free list does not fit its page. bbolt maps the
// file into memory and would follow those references past its end while
// opening it, which kills the program (SIGBUS) instead of returning an
// error. A file whose meta records are both unreadable is left to bbolt,
// which refuses it cleanly. It reads two pages and the free list, so Open
// runs it.
//
// The meta records and the size are read through one descriptor, so they
// are of the same file even if it is replaced meanwhile; a file that a
// running Warmlead is writing only grows, and bbolt writes a meta record
// only after the pages it points to.
func checkFileShape(path string) error { return checkFile(path, false) }

// checkPages walks the file's page tree the way bbolt's Check does, but
// reading with ReadAt instead of through the memory map. Check runs in a
// goroutine of its own, where following a damaged reference out of the
// mapped file is a fault that kills the program (a damaged backup would
// crash the restore meant to refuse it). So before Check runs, every page,
// key and value reference is confirmed to lie inside the file and inside
// its page, every page to be reached once, and the free list to fit its
// page. It reads every page's header, so Verify, CheckFile and restores
// run it, Open not.
func checkPages(path string) error { return checkFile(path, true) }

func checkFile(path string, tree bool) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // bbolt reports it
	}
	defer f.Close()
	m, ok := currentMeta(f)
	if !ok {
		return nil
	}
	st, err := f.Stat()
	if err != nil {
		return nil
	}
	if m.pgid > uint64(st.Size())/uint64(m.pageSize) || m.pgid < 2 || m.root >= m.pgid || (m.freelist != boltNoFreelist && m.freelist >= m.pgid) {
		return ErrDamaged
	}
	c := &pageChecker{f: f, ps: uint64(m.pageSize), hwm: m.pgid, seen: map[uint64]bool{}}
	if m.freelist != boltNoFreelist {
		if err := c.freelist(m.freelist); err != nil {
			return err
		}
	}
	if !tree {
		// The root page alone: the list of buckets that Open reads (a
		// damaged bucket header there would be followed through the memory
		// map); the pages below it are checked by checkPages.
		c.shallow = true
	}
	return c.page(m.root, 0)
}

// guardDamage runs fn, turning a bbolt panic on a damaged page (its
// assertions panic), or a fault reading outside the mapped file, into
// ErrDamaged instead of stopping the program. Faults are caught only in
// this goroutine; bbolt's Check runs in its own, so checkPages goes first.
func guardDamage(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer recoverDamage(&err)
	return fn()
}

// recoverDamage, deferred, turns a panic into ErrDamaged in *err.
func recoverDamage(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w (%v)", ErrDamaged, r)
	}
}

// CheckFile reads the whole file's page structure (see checkPages). Call it
// before unlocking a file that may be damaged, as `warmlead verify` does:
// unlocking reads every prospect through the memory map, where a damaged
// page reference would stop the program instead of giving an error.
func (db *DB) CheckFile() error { return checkPages(db.path) }

const (
	boltBranchPage   = 0x01
	boltLeafPage     = 0x02
	boltFreelistPage = 0x10
	boltBucketLeaf   = 0x01
	boltElementLen   = 16
	boltMaxDepth     = 64
)

type pageChecker struct {
	f    *os.File
	ps   uint64
	hwm  uint64
	seen map[uint64]bool
	// shallow: check the page references of the root page, not the pages
	// they lead to (Open's check, which must stay cheap at any file size).
	shallow bool
}

// child checks the page a reference leads to: whole, or only that it lies
// in the file when the check is shallow.
func (c *pageChecker) child(id uint64, depth int) error {
	if c.shallow {
		if id < 2 || id >= c.hwm {
			return c.bad(id, "a reference outside the file")
		}
		return nil
	}
	return c.page(id, depth)
}

func (c *pageChecker) bad(id uint64, what string) error {
	return fmt.Errorf("%w (page %d: %s)", ErrDamaged, id, what)
}

// pageBytes is a page of the file (read on demand: only headers, element
// arrays and bucket headers are needed, not the keys and values) or a
// bucket's inline page, held in memory.
type pageBytes struct {
	c    *pageChecker
	id   uint64
	off  int64  // the page's place in the file
	mem  []byte // an inline page; nil for a page of the file
	size uint64
}

func (p pageBytes) get(at, n uint64) ([]byte, error) {
	if at+n > p.size {
		return nil, p.c.bad(p.id, "a reference outside its page")
	}
	if p.mem != nil {
		return p.mem[at : at+n], nil
	}
	b := make([]byte, n)
	if _, err := p.c.f.ReadAt(b, p.off+int64(at)); err != nil {
		return nil, p.c.bad(p.id, err.Error())
	}
	return b, nil
}

// open returns page id of the file with its header, marking it and its
// overflow pages seen.
func (c *pageChecker) open(id uint64) (pageBytes, []byte, error) {
	if id < 2 || id >= c.hwm {
		return pageBytes{}, nil, c.bad(id, "a reference outside the file")
	}
	var h [boltPageHeader]byte
	if _, err := c.f.ReadAt(h[:], int64(id*c.ps)); err != nil {
		return pageBytes{}, nil, c.bad(id, err.Error())
	}
	overflow := uint64(binary.NativeEndian.Uint32(h[12:]))
	if overflow >= c.hwm-id {
		return pageBytes{}, nil, c.bad(id, "runs past the end of the file")
	}
	for i := id; i <= id+overflow; i++ {
		if c.seen[i] {
			return pageBytes{}, nil, c.bad(i, "referenced twice")
		}
		c.seen[i] = true
	}
	return pageBytes{c: c, id: id, off: int64(id * c.ps), size: (overflow + 1) * c.ps}, h[:], nil
}

func (c *pageChecker) freelist(id uint64) error {
	p, h, err := c.open(id)
	if err != nil {
		return err
	}
	ne := binary.NativeEndian
	if ne.Uint16(h[8:]) != boltFreelistPage {
		return c.bad(id, "not the free list")
	}
	start, count := uint64(0), uint64(ne.Uint16(h[10:]))
	if count == 0xFFFF {
		first, err := p.get(boltPageHeader, 8)
		if err != nil {
			return err
		}
		start, count = 1, ne.Uint64(first)
	}
	if count > (p.size-boltPageHeader)/8-start {
		return c.bad(id, "a free list longer than its page")
	}
	ids, err := p.get(boltPageHeader+start*8, count*8)
	if err != nil {
		return err
	}
	for i := range count {
		if free := ne.Uint64(ids[i*8:]); free < 2 || free >= c.hwm {
			return c.bad(id, "a free page outside the file")
		}
	}
	return nil
}

func (c *pageChecker) page(id uint64, depth int) error {
	if depth > boltMaxDepth {
		return c.bad(id, "nested too deep")
	}
	p, h, err := c.open(id)
	if err != nil {
		return err
	}
	return c.elements(p, h, depth)
}

// elements checks a branch or leaf page and what it refers to.
func (c *pageChecker) elements(p pageBytes, h []byte, depth int) error {
	ne := binary.NativeEndian
	flags, count := ne.Uint16(h[8:]), uint64(ne.Uint16(h[10:]))
	if flags != boltBranchPage && flags != boltLeafPage {
		return c.bad(p.id, "neither a branch nor a leaf")
	}
	if count > (p.size-boltPageHeader)/boltElementLen {
		return c.bad(p.id, "more elements than fit")
	}
	elems, err := p.get(boltPageHeader, count*boltElementLen)
	if err != nil {
		return err
	}
	for i := range count {
		e := elems[i*boltElementLen:]
		at := boltPageHeader + i*boltElementLen // the element's place in the page
		if flags == boltBranchPage {
			pos, ksize, child := uint64(ne.Uint32(e)), uint64(ne.Uint32(e[4:])), ne.Uint64(e[8:])
			if at+pos+ksize > p.size {
				return c.bad(p.id, "a key outside its page")
			}
			if err := c.child(child, depth+1); err != nil {
				return err
			}
			continue
		}
		fl, pos, ksize, vsize := ne.Uint32(e), uint64(ne.Uint32(e[4:])), uint64(ne.Uint32(e[8:])), uint64(ne.Uint32(e[12:]))
		if at+pos+ksize+vsize > p.size {
			return c.bad(p.id, "a key or value outside its page")
		}
		if fl&boltBucketLeaf == 0 {
			continue
		}
		if vsize < 16 {
			return c.bad(p.id, "a damaged bucket header")
		}
		v, err := p.get(at+pos+ksize, vsize)
		if err != nil {
			return err
		}
		if root := ne.Uint64(v); root != 0 {
			if err := c.child(root, depth+1); err != nil {
				return err
			}
			continue
		}
		// A small bucket's only page, inside the value.
		inline := pageBytes{c: c, id: p.id, mem: v[16:], size: vsize - 16}
		if inline.size < boltPageHeader || ne.Uint16(inline.mem[8:]) != boltLeafPage || depth >= boltMaxDepth {
			return c.bad(p.id, "a damaged inline bucket")
		}
		if err := c.elements(inline, inline.mem[:boltPageHeader], depth+1); err != nil {
			return err
		}
	}
	return nil
}
