package vcardin

import "sync"

// cardBatch is how many raw cards go to a worker at a time: enough to make
// the hand-over cheap next to decoding them, few enough that both cores
// get work on a small file.
const cardBatch = 128

// processCards splits data into cards and decodes them. Splitting is
// sequential (it numbers the cards and tracks nesting), and it is the cheap
// part; decoding, cleaning and go-vcard's parse of each card are
// independent, so with workers > 1 batches of cards are decoded on other
// goroutines while the split goes on. Each batch fills its own Result and
// the batches are joined in file order, so the outcome is exactly that of
// one processor taking the cards one by one.
func processCards(data []byte, limits Limits, workers int) (Result, error) {
	if workers <= 1 {
		var res Result
		p := newCardProcessor(limits)
		err := splitCards(data, limits, nil, func(rc *rawCard) { p.process(rc, &res) })
		return res, err
	}
	type batch struct {
		cards []*rawCard
		res   *Result
	}
	work := make(chan batch, 2*workers)
	// Decoded batches come back emptied, so a large file reuses a few
	// batches' worth of card buffers instead of allocating one per card.
	done := make(chan []*rawCard, 4*workers)
	refill := func() []*rawCard {
		select {
		case cards := <-done:
			return cards
		default:
			return nil
		}
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := newCardProcessor(limits) // its charset cache and buffers are its own
			for b := range work {
				for _, rc := range b.cards {
					p.process(rc, b.res)
					rc.reset()
				}
				select {
				case done <- b.cards:
				default: // enough are waiting to be reused
				}
			}
		}()
	}
	var parts []*Result // in file order; written only by the worker given each
	cur := make([]*rawCard, 0, cardBatch)
	send := func() {
		if len(cur) == 0 {
			return
		}
		r := &Result{}
		parts = append(parts, r)
		work <- batch{cur, r}
		cur = make([]*rawCard, 0, cardBatch)
	}
	err := splitCards(data, limits, refill, func(rc *rawCard) {
		cur = append(cur, rc)
		if len(cur) == cardBatch {
			send()
		}
	})
	if err == nil {
		send()
	}
	close(work)
	wg.Wait()
	if err != nil {
		return Result{}, err
	}
	var res Result
	for _, r := range parts {
		res.Cards = append(res.Cards, r.Cards...)
		res.Failures = append(res.Failures, r.Failures...)
		res.Warnings = append(res.Warnings, r.Warnings...)
	}
	return res, nil
}
