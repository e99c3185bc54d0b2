package usecase

import (
	"context"
	"encoding/hex"
	"fmt"
	"time"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/team"
)

// Live keeps an online window in step: a sync at once, then LISTEN and a
// sync at each notification (a change reaches an online rep in under 2 s),
// reconnecting with a back-off while offline. done is called after each
// sync attempt (from Live's goroutine: the window hops to its UI bridge).
// It returns when ctx ends, or when the member was revoked or left.
func (t *Team) Live(ctx context.Context, done func(SyncResult, error)) {
	backoff := time.Second
	wait := func() bool {
		select {
		case <-ctx.Done():
			return false
		case <-time.After(backoff):
			backoff = min(2*backoff, time.Minute)
			return true
		}
	}
	for ctx.Err() == nil {
		res, err := t.Sync(ctx)
		if ctx.Err() != nil {
			return
		}
		done(res, err)
		if _, linked := t.Info(); !linked || IsRevoked(err) {
			return
		}
		if err != nil {
			if !wait() {
				return
			}
			continue
		}
		backoff = time.Second
		if err := t.listen(ctx, done); err != nil && !wait() {
			return
		}
	}
}

// listen holds one LISTEN connection and syncs at each notification,
// until ctx ends or the connection breaks.
func (t *Team) listen(ctx context.Context, done func(SyncResult, error)) error {
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	poke := make(chan struct{}, 1)
	lost := make(chan error, 1)
	err := t.online(lctx, false, func(c *team.Client, _ link) error {
		go func() {
			lost <- c.Listen(lctx, func() {
				select {
				case poke <- struct{}{}:
				default: // a sync is already due: it will see this change too
				}
			})
		}()
		for {
			select {
			case <-ctx.Done():
				return nil
			case err := <-lost:
				return err
			case <-poke:
				res, err := t.Sync(ctx)
				if ctx.Err() != nil {
					return nil
				}
				done(res, err)
				if err != nil {
					return err
				}
			}
		}
	})
	return err
}

// MirrorApp is the manager's team scope: the use cases over the team
// mirror (a second encrypted database beside this one), for the team's
// list, report, register and insight. Only reads are meant through it.
func (t *Team) MirrorApp() (*App, error) {
	l, err := t.link()
	if err != nil {
		return nil, err
	}
	if !l.inv.Credentials.Manager {
		return nil, errTeamNotManager.New()
	}
	m, err := t.mirrorDB()
	if err != nil {
		return nil, err
	}
	t.mirrorMu.Lock()
	defer t.mirrorMu.Unlock()
	if t.mapp == nil {
		t.mapp = New(m, Env{Rep: t.env.Rep, Now: t.env.Now, Keep: append([]string{t.env.db}, t.env.Keep...)})
		t.mapp.Documents.teamScopeAudit(t.st) // the team's exports in the manager's audit log
	}
	return t.mapp, nil
}

// mirrorDB opens the mirror once.
func (t *Team) mirrorDB() (*store.DB, error) {
	t.mirrorMu.Lock()
	defer t.mirrorMu.Unlock()
	if t.mirror != nil {
		return t.mirror, nil
	}
	m, err := t.st.OpenMirror()
	if err != nil {
		return nil, errTeamMirrorFailed.Wrap(err, "Error", err.Error())
	}
	t.mirror = m
	return m, nil
}

// Close closes the team mirror, if open (the app at lock and exit).
func (t *Team) Close() { t.closeMirror() }

func (t *Team) closeMirror() {
	t.mirrorMu.Lock()
	defer t.mirrorMu.Unlock()
	if t.mirror != nil {
		t.mirror.Close()
		t.mirror, t.mapp = nil, nil
	}
}

// Rows is the team scope's list: the mirror's prospects matching query
// (empty: all) with their rep, rep "" meaning every member.
func (t *Team) Rows(query, rep string) ([]TeamRow, error) {
	if _, err := t.MirrorApp(); err != nil {
		return nil, err
	}
	m, err := t.mirrorDB()
	if err != nil {
		return nil, err
	}
	reps, err := m.MirrorReps()
	if err != nil {
		return nil, err
	}
	var out []TeamRow
	for _, p := range m.Index().Search(query) {
		who := reps[p.ID]
		if rep != "" && who != rep {
			continue
		}
		out = append(out, TeamRow{Prospect: p, Rep: who})
	}
	return out, nil
}

// Count is how many prospects the team mirror holds (the team scope's
// total), from its read model: no row is built for it.
func (t *Team) Count() (int, error) {
	if _, err := t.MirrorApp(); err != nil {
		return 0, err
	}
	m, err := t.mirrorDB()
	if err != nil {
		return 0, err
	}
	return m.Index().Count(), nil
}

// registerChunk is how many numbers one published register block holds.
const registerChunk = 5000

// publishRegister queues a register the manager imported for the whole
// team: blocks of the numbers' team hashes, the note naming the register.
// A rep's database, or one outside a team, publishes nothing.
func (t *Team) publishRegister(name string, e164 []string) error {
	l, err := t.link()
	if err != nil || !l.inv.Credentials.Manager {
		return nil
	}
	now := t.env.now().UTC()
	b := consent.TeamBlock{Kind: consent.TeamRegister, Rep: l.inv.Credentials.Member, Time: now, Register: name}
	stamp := hex.EncodeToString(fmt.Appendf(nil, "%s/%d", name, now.UnixNano()))
	var es []store.TeamOutboxEntry
	for i := 0; i < len(e164); i += registerChunk {
		part := e164[i:min(i+registerChunk, len(e164))]
		hashes := make([][]byte, len(part))
		for j, n := range part {
			hashes[j] = l.inv.Keys.Blind("phone", n)
		}
		es = append(es, store.TeamOutboxEntry{Key: fmt.Sprintf("register/%s/%d", stamp, i/registerChunk), Hashes: hashes, Block: b})
	}
	return t.st.QueueTeamBlocks(es)
}
