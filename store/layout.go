package store

import "encoding/binary"

// Bucket names. Keys in every bucket are ids or keyed hashes; values that
// hold personal data are sealed with the bucket and key as associated data.
var (
	bMeta       = []byte("meta")       // clear: schema, db id, kdf, wrapped keys
	bSettings   = []byte("settings")   // sealed settings
	bProspects  = []byte("prospects")  // id -> sealed Prospect
	bEvents     = []byte("events")     // id|seq -> sealed Event
	bIdxEmail   = []byte("idx_email")  // blind(email)|id -> empty
	bIdxPhone   = []byte("idx_phone")  // blind(phone)|id -> empty
	bSuppress   = []byte("suppress")   // blind(email or phone) -> sealed time
	bTombstones = []byte("tombstones") // id -> sealed Tombstone
	bAudit      = []byte("audit")      // seq -> sealed AuditEntry
	bDNC        = []byte("dnc")        // blind(phone)|register -> empty
	bRegisters  = []byte("registers")  // register name hash -> sealed register info

	allBuckets = [][]byte{bMeta, bSettings, bProspects, bEvents, bIdxEmail, bIdxPhone, bSuppress, bTombstones, bAudit, bDNC, bRegisters, bIdxHistory, bHeads, bTeam, bTeamBlocks, bTeamIndex, bTeamOutbox, bTeamMarks}
)

// Keys in the meta bucket.
var (
	mSchema     = []byte("schema")
	mDBID       = []byte("dbid")
	mKDF        = []byte("kdf")
	mWrapPass   = []byte("wrap.pass")
	mWrapKeying = []byte("wrap.keyring")
	mPlaintext  = []byte("plaintext")
	mUpgrade    = []byte("upgrade") // an upgrade under way: where it goes on (migrations.go)
	kSettings   = []byte("settings")
)

// schemaVersion is the layout this code writes; see migrations.go.
const schemaVersion = 3

// u64 encodes ids big-endian so keys sort numerically ("9" before "10").
func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func getU64(b []byte) uint64 {
	if len(b) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

func join(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// adFor binds a sealed value to where it is stored, so a ciphertext copied
// to another key or bucket fails to open.
func adFor(bucket, key []byte) []byte {
	return join(bucket, []byte{0}, key)
}
