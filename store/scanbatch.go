package store

import (
	"time"

	bolt "go.etcd.io/bbolt"
)

// kScanBatch holds the batch of card photos the rep is reviewing, sealed in
// the settings bucket beside the settings: which photos (by a digest of
// their bytes, and their file names) were saved or skipped, so a batch left
// half-way resumes where it stopped. The photos themselves are never
// stored; the file names are sealed like every other value.
var kScanBatch = []byte("scan.batch")

// ScanBatch is the batch of card photos under review.
type ScanBatch struct {
	Started time.Time  `json:"started"`
	Photos  []ScanMark `json:"photos"`
}

// ScanMark is one photo of a batch and what the rep did with it.
type ScanMark struct {
	Sum      string `json:"sum"`  // hex SHA-256 of the photo's bytes
	Name     string `json:"name"` // the file's base name, for the resume prompt
	State    string `json:"state,omitempty"`
	Prospect uint64 `json:"prospect,omitempty"` // the prospect a saved photo became
}

// ScanBatch reads the batch under review; none is a zero ScanBatch.
func (db *DB) ScanBatch() (ScanBatch, error) {
	var b ScanBatch
	err := db.getIfThere(bSettings, kScanBatch, &b, "the scan batch") // before b is returned
	return b, err
}

// getIfThere opens the value at bucket/key into v, leaving v as it is when
// there is none.
func (db *DB) getIfThere(bucket, key []byte, v any, what string) error {
	return db.view(func(tx *bolt.Tx) error {
		err := db.get(tx, bucket, key, v, what)
		if err == ErrNotFound {
			return nil
		}
		return err
	})
}

// SaveScanBatch stores the batch under review; a batch without photos is
// deleted (the batch is finished or given up).
func (db *DB) SaveScanBatch(b ScanBatch) error {
	if _, err := db.key(); err != nil {
		return err
	}
	return db.update(func(tx *bolt.Tx) error {
		if len(b.Photos) == 0 {
			return db.delTracked(tx, bSettings, kScanBatch)
		}
		return db.put(tx, bSettings, kScanBatch, b)
	})
}
