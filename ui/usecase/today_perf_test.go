//go:build perf100k

package usecase

// BenchmarkToday100k times the Today screen over a copy of a 100,000
// prospect demo database (issue 16), beside its floor: reading the due
// candidates' records and doing nothing with them, which a full Today
// cannot beat. Not part of the ordinary run (the file is 330 MB):
//
//	WARMLEAD_PERF_DB=/tmp/perf100k/demo.orig.db go test -tags perf100k -run '^$' \
//	  -bench Today100k -benchtime 3x ./ui/usecase/

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

func BenchmarkToday100k(b *testing.B) {
	src := os.Getenv("WARMLEAD_PERF_DB")
	if src == "" {
		b.Skip("WARMLEAD_PERF_DB names the 100,000 prospect database to copy")
	}
	dir := b.TempDir()
	path := filepath.Join(dir, "warmlead.db")
	copyFile(b, src, path)
	db, err := store.Open(path, store.Options{StateDir: b.TempDir(), AcceptOlder: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.UnlockPassphrase([]byte("perf test passphrase")); err != nil {
		b.Fatal(err)
	}
	env := Env{Rep: func() string { return "Bench Rep" }}
	st, err := db.Settings()
	if err != nil {
		b.Fatal(err)
	}
	ids, err := db.DueCandidates(time.Now(), st.RetentionMonths)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d prospects, %d due candidates", db.Index().Count(), len(ids))
	b.Run("floor-read-candidates", func(b *testing.B) {
		for range b.N {
			if _, err := db.ForEachRecordsOfBoth(ids, func(consent.Record) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("first", func(b *testing.B) { // a new App each time: a full read
		for range b.N {
			t, err := New(db, env).Deadlines.Today()
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(len(t.Due)), "items")
		}
	})
	app := New(db, env)
	if _, err := app.Deadlines.Today(); err != nil {
		b.Fatal(err)
	}
	// What a call costs besides its reads: the candidates, and how many
	// ledgers it reads again.
	rc := &readCounter{DB: db}
	counted := &Deadlines{env: env, st: rc}
	if _, err := counted.Today(); err != nil {
		b.Fatal(err)
	}
	rc.take()
	start := time.Now()
	if _, err := counted.Today(); err != nil {
		b.Fatal(err)
	}
	b.Logf("again: %d ledgers read again in %s", rc.take(), time.Since(start))
	b.Run("again-no-write", func(b *testing.B) {
		for range b.N {
			if _, err := app.Deadlines.Today(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("again-after-one-call", func(b *testing.B) {
		for i := range b.N {
			b.StopTimer()
			id := ids[(i*7919)%len(ids)]
			if _, err := app.Calls.Log(id, consent.CallLog{Outcome: consent.OutcomeCallBack, Callback: time.Now().AddDate(0, 0, 2)}); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := app.Deadlines.Today(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
