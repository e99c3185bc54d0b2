package store

import (
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	"warmlead/consent"
)

// teamApplyChunk is the use cases' pullChunk.
const teamApplyChunk = 25_000

// BenchmarkTeamApplyBlocks is the local half of a new rep's first pull:
// 100,000 pulled blocks (three hashes each) applied in the chunks the
// sync uses, then one lookup per record assembly.
func BenchmarkTeamApplyBlocks(b *testing.B) { benchTeamApply(b, consent.TeamObjection) }

// BenchmarkTeamApplyErasures is the same pull of erasure blocks, whose
// hashes also go to the erasure index (unsorted puts made it 7.6 s).
func BenchmarkTeamApplyErasures(b *testing.B) { benchTeamApply(b, consent.TeamErasure) }

func benchTeamApply(b *testing.B, kind string) {
	for range b.N {
		b.StopTimer()
		db, _ := newTestDB(&testing.T{}, Options{})
		if err := db.SetTeamLink(TeamLink{Index: teamTestKeys.Index}, AuditEntry{}); err != nil {
			b.Fatal(err)
		}
		blocks := make([]TeamBlockIn, 100_000)
		for i := range blocks {
			h := func(k string) []byte { s := sha256.Sum256(fmt.Appendf(nil, "%s%d", k, i)); return s[:] }
			blocks[i] = TeamBlockIn{Key: fmt.Sprint(i), Member: "Ann", Hashes: [][]byte{h("e"), h("p"), h("n")},
				Block: consent.TeamBlock{Kind: kind, Rep: "Ann", Time: time.Now()}}
		}
		b.StartTimer()
		for i := 0; i < len(blocks); i += teamApplyChunk {
			if _, err := db.ApplyTeamBlocks(blocks[i:i+teamApplyChunk], int64(i+teamApplyChunk)); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		if n := db.TeamBlockCount(); n != len(blocks) {
			b.Fatalf("%d blocks held", n)
		}
		db.Close()
	}
}
