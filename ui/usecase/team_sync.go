package usecase

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"time"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/team"
)

// pullChunk is how many pulled blocks go into one local transaction: a
// first pull of 100,000 blocks keeps its progress if cut off.
const pullChunk = 25_000

// mirrorChunk is how many mirror changes go into one transaction.
const mirrorChunk = 1000

// Sync pushes what is pending, pulls the team's blocks (erasing local
// copies the team erased), checks the ledger anchors and, for the manager,
// updates the team mirror. A revoked member's sync removes the team data
// from this database and answers the revoked error.
//
// The order matters: blocks are pulled (and erasures applied) before
// anything is pushed, so a person another rep erased meanwhile is never
// sent back to the server; anchors are read before the push, which would
// otherwise overwrite the server's head with a rolled-back one.
func (t *Team) Sync(ctx context.Context) (SyncResult, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	res := SyncResult{When: t.env.now()}
	err := t.online(ctx, false, func(c *team.Client, l link) error {
		var err error
		if res.Pulled, res.Erased, err = t.pullBlocks(ctx, c, l); err != nil {
			return err
		}
		heads, err := c.Heads(ctx)
		if err != nil {
			return t.serverError(err, l.inv.Credentials.URL)
		}
		p, err := t.buildPush(l, heads)
		if err != nil {
			return err
		}
		res.Anchors = p.anchors
		if n := len(p.batch.Blocks) + len(p.batch.Records) + len(p.batch.Events) + len(p.batch.Removed); n > 0 {
			if err := c.Push(ctx, p.batch); err != nil {
				return t.serverError(err, l.inv.Credentials.URL)
			}
			res.Pushed = n
		}
		if err := t.st.TeamPushed(p.sent, p.marks); err != nil {
			return err
		}
		if l.inv.Credentials.Manager {
			if res.Mirrored, err = t.pullMirror(ctx, c, l); err != nil {
				return err
			}
		}
		if err := c.Synced(ctx); err != nil {
			return t.serverError(err, l.inv.Credentials.URL)
		}
		return t.st.SetTeamCursors(map[string]int64{store.CursorLastSync: res.When.Unix()})
	})
	return res, err
}

// push is one sync's batch with what to record once the server took it.
type push struct {
	batch   team.Batch
	sent    []uint64 // outbox entries in the batch
	marks   map[uint64]store.TeamMark
	anchors []AnchorProblem
}

// buildPush gathers the outbox, every prospect changed since its mark
// (record, new events, and the blocks its new events make: objections,
// "do not call me", withdrawals), and checks each ledger against the
// server's head; a ledger that fails is reported and not pushed.
func (t *Team) buildPush(l link, heads map[uint64]team.Record) (push, error) {
	p := push{marks: map[uint64]store.TeamMark{}}
	k, member := l.inv.Keys, l.inv.Credentials.Member
	out, err := t.st.TeamOutbox()
	if err != nil {
		return p, err
	}
	for _, e := range out {
		p.sent = append(p.sent, e.Seq)
		if e.Removed != 0 {
			p.batch.Removed = append(p.batch.Removed, e.Removed)
			delete(heads, e.Removed)
			continue
		}
		e.Block.Rep = member
		p.batch.Blocks = append(p.batch.Blocks, sealBlock(k, e.Key, e.Hashes, e.Block))
	}
	marks, err := t.st.TeamMarks()
	if err != nil {
		return p, err
	}
	_, err = t.st.ForEachRecord(func(r consent.Record) error {
		id := r.Prospect.ID
		h, onServer := heads[id]
		delete(heads, id)
		if a, bad := anchorProblem(r, h, onServer); bad {
			p.anchors = append(p.anchors, a)
			return nil
		}
		snap, mark := snapshotOf(r)
		grants := grantsIn(r.Events)
		// Unchanged since its mark, and the server's count agrees (records
		// pushed before the count existed say 0 there: sent once more).
		if old, ok := marks[id]; ok && old.Seq == mark.Seq && bytes.Equal(old.Snap, mark.Snap) && (!onServer || h.Consents == grants) {
			return nil
		}
		from := marks[id].Seq
		rec := team.Record{Prospect: id, Hashes: store.TeamHashes(k, r.Prospect), Since: consent.Collected(r),
			Snapshot: k.SealNote(snap, recordAD(id)), Head: mark.Head, Seq: mark.Seq, Consents: grants}
		p.batch.Records = append(p.batch.Records, rec)
		for _, ev := range r.Events {
			if ev.Seq <= from {
				continue
			}
			pt, err := consent.MarshalEvent(ev)
			if err != nil {
				return err
			}
			p.batch.Events = append(p.batch.Events, team.Event{Prospect: id, Seq: ev.Seq, Hash: []byte(ev.Hash), Sealed: k.SealNote(pt, eventAD(id, ev.Seq))})
			if b, ok := blockOf(ev, member); ok {
				key := fmt.Sprintf("%s/%d/%d", b.Kind, id, ev.Seq)
				p.batch.Blocks = append(p.batch.Blocks, sealBlock(k, key, rec.Hashes, b))
			}
		}
		p.marks[id] = mark
		return nil
	})
	if err != nil {
		return p, err
	}
	// What the server still has that is gone here: erased or merged while
	// the removal was not queued (removed again), or gone without a trace.
	for id := range heads {
		if _, err := t.st.Tombstone(id); err == nil {
			p.batch.Removed = append(p.batch.Removed, id)
			continue
		}
		p.anchors = append(p.anchors, AnchorProblem{Prospect: id, Kind: "removed", Message: consent.Msg(tAnchorRemoved.Text, "ID", id)})
	}
	return p, nil
}

// grantsIn counts the consent-granted events of a ledger: the server
// cannot open the sealed events, so the record carries the count the
// members' stats (team status, the Team screen) add up.
func grantsIn(evs []consent.Event) int {
	n := 0
	for _, ev := range evs {
		if ev.Kind == consent.KindConsentGranted {
			n++
		}
	}
	return n
}

// anchorProblem checks the server's head h of r's ledger: it must be in
// the local ledger (seq at most the local length, same hash at that seq).
func anchorProblem(r consent.Record, h team.Record, onServer bool) (AnchorProblem, bool) {
	if !onServer || h.Seq == 0 {
		return AnchorProblem{}, false
	}
	id := r.Prospect.ID
	n := uint64(len(r.Events))
	if n > 0 {
		n = r.Events[len(r.Events)-1].Seq
	}
	if h.Seq > n {
		return AnchorProblem{Prospect: id, Kind: "truncated", Message: consent.Msg(tAnchorTruncated.Text, "ID", id, "Local", int(n), "Server", int(h.Seq))}, true
	}
	for _, ev := range r.Events {
		if ev.Seq == h.Seq && !bytes.Equal([]byte(ev.Hash), h.Head) {
			return AnchorProblem{Prospect: id, Kind: "rolled-back", Message: consent.Msg(tAnchorRolledBack.Text, "ID", id, "Seq", int(h.Seq))}, true
		}
	}
	return AnchorProblem{}, false
}

// snapshotOf is r's prospect as pushed and the mark it leaves.
func snapshotOf(r consent.Record) ([]byte, store.TeamMark) {
	snap, _ := json.Marshal(r.Prospect)
	sum := sha256.Sum256(snap)
	m := store.TeamMark{Snap: sum[:]}
	if n := len(r.Events); n > 0 {
		m.Seq, m.Head = r.Events[n-1].Seq, []byte(r.Events[n-1].Hash)
	}
	return snap, m
}

func recordAD(id uint64) []byte            { return fmt.Appendf(nil, "record/%d", id) }
func eventAD(id uint64, seq uint64) []byte { return fmt.Appendf(nil, "event/%d/%d", id, seq) }

// blockOf is the company-wide block an event makes, if any.
func blockOf(ev consent.Event, member string) (consent.TeamBlock, bool) {
	b := consent.TeamBlock{Rep: member, Time: ev.Time}
	switch {
	case ev.Kind == consent.KindObjection:
		b.Kind = consent.TeamObjection
	case ev.Kind == consent.KindCallLogged && ev.Outcome == consent.OutcomeDoNotCall:
		b.Kind = consent.TeamDoNotCall
	case ev.Kind == consent.KindConsentWithdrawn:
		b.Kind, b.Channel, b.Purpose = consent.TeamWithdrawal, ev.Channel, ev.Purpose
	default:
		return b, false
	}
	return b, true
}

// sealBlock is a block as pushed: its note sealed and bound to its key.
func sealBlock(k team.Keys, key string, hashes [][]byte, b consent.TeamBlock) team.Block {
	note, _ := json.Marshal(b)
	return team.Block{Key: key, Kind: team.BlockKind(b.Kind), Hashes: hashes, Note: k.SealNote(note, []byte(key)), Time: b.Time}
}

// openBlock is a pulled block for the store. A note this member cannot
// open (sealed under an epoch it does not hold) still blocks: its kind
// and hashes are in clear, only its origin is then the member's name.
func openBlock(k team.Keys, b team.Block) store.TeamBlockIn {
	var tb consent.TeamBlock
	if pt, err := k.OpenNote(b.Note, []byte(b.Key)); err == nil {
		_ = json.Unmarshal(pt, &tb)
	}
	tb.Kind = string(b.Kind)
	if tb.Rep == "" {
		tb.Rep = b.Member
	}
	if tb.Time.IsZero() {
		tb.Time = b.Time
	}
	return store.TeamBlockIn{Key: b.Key, Member: b.Member, Hashes: b.Hashes, Block: tb}
}

// pullBlocks pulls the blocks after the cursor in chunks, then erases every
// local prospect a held erasure block names (after a backup restore too:
// the blocks are still here, or come back from the server).
func (t *Team) pullBlocks(ctx context.Context, c *team.Client, l link) (pulled, erased int, err error) {
	cursor := t.st.TeamCursor(store.CursorBlocks)
	var chunk []store.TeamBlockIn
	var seq int64
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		_, err := t.st.ApplyTeamBlocks(chunk, seq)
		pulled += len(chunk)
		chunk = chunk[:0]
		return err
	}
	_, err = c.PullBlocks(ctx, cursor, func(b team.Block) error {
		chunk, seq = append(chunk, openBlock(l.inv.Keys, b)), b.Seq
		if len(chunk) >= pullChunk {
			return flush()
		}
		return nil
	})
	if ferr := flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return pulled, 0, t.serverError(err, l.inv.Credentials.URL)
	}
	matches, err := t.st.TeamMatchesErased()
	if err != nil {
		return pulled, 0, err
	}
	for _, m := range matches {
		reason := teamErasedReason + m.Block.Time.In(time.Local).Format("2006-01-02")
		if err := t.st.EraseFromTeam(m.ID, reason, t.env.rep(), t.env.now()); err != nil {
			return pulled, erased, err
		}
		erased++
	}
	return pulled, erased, nil
}

// pullMirror applies every member's changes after the mirror cursor to the
// manager's mirror; a change applied twice changes nothing.
func (t *Team) pullMirror(ctx context.Context, c *team.Client, l link) (int, error) {
	m, err := t.mirrorDB()
	if err != nil {
		return 0, err
	}
	n := 0
	k := l.inv.Keys
	var batch []store.MirrorChange
	flush := func() error {
		err := m.ApplyMirror(batch)
		n += len(batch)
		batch = batch[:0]
		return err
	}
	last, err := c.PullMirror(ctx, t.st.TeamCursor(store.CursorMirror), func(ch team.MirrorChange) error {
		if ch.Record == nil {
			return nil
		}
		r := ch.Record
		mc := store.MirrorChange{Member: r.Member, ID: r.Prospect, Removed: ch.Removed}
		if !ch.Removed {
			pt, err := k.OpenNote(r.Snapshot, recordAD(r.Prospect))
			if err != nil || json.Unmarshal(pt, &mc.Prospect) != nil {
				return nil // sealed under an epoch not held: skipped, never guessed
			}
			for _, e := range ch.Events {
				var ev consent.Event
				if pt, err := k.OpenNote(e.Sealed, eventAD(e.Prospect, e.Seq)); err == nil && consent.UnmarshalEvent(pt, &ev) == nil {
					ev.Seq = e.Seq
					mc.Events = append(mc.Events, ev)
				}
			}
		}
		if batch = append(batch, mc); len(batch) >= mirrorChunk {
			return flush()
		}
		return nil
	})
	if ferr := flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return n, t.serverError(err, l.inv.Credentials.URL)
	}
	return n, t.st.SetTeamCursors(map[string]int64{store.CursorMirror: last})
}

// pending counts what the next sync would push: outbox entries and
// prospects changed since their mark.
func (t *Team) pending() (int, error) {
	out, err := t.st.TeamOutbox()
	if err != nil {
		return 0, err
	}
	marks, err := t.st.TeamMarks()
	if err != nil {
		return 0, err
	}
	n := len(out)
	_, err = t.st.ForEachRecord(func(r consent.Record) error {
		_, mark := snapshotOf(r)
		if old, ok := marks[r.Prospect.ID]; !ok || old.Seq != mark.Seq || !bytes.Equal(old.Snap, mark.Snap) {
			n++
		}
		return nil
	})
	return n, err
}

func unixTime(s int64) time.Time { return time.Unix(s, 0).UTC() }
