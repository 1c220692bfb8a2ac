package activities

import (
	"context"
	"sync"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/learning"
	"github.com/handoffhq/orchestrator/store"
)

// Learned routing (learning.routing, off by default): ranking adds, after skills, a bounded term
// from how each (source, target, scenario)'s handoffs went, read from the handoff log. Ranking
// never waits on the log: the table is read again in the background when it is older than
// learning.routing.refresh, and until the first read finishes no term applies.

// handoffReader is the log's read side; *store.Store implements it.
type handoffReader interface {
	Handoffs(ctx context.Context, f store.Filter) ([]analytics.Handoff, error)
}

type learnedRouting struct {
	mu         sync.Mutex
	table      *learning.Table
	read       time.Time
	refreshing bool
}

// learnedTable is the table in force, nil when learned routing is off or nothing was read yet.
func (a *Activities) learnedTable() *learning.Table {
	lr := a.cfg.Learning.Routing
	log, ok := a.log.(handoffReader)
	if !lr.Enabled || !ok {
		return nil
	}
	l := &a.learned
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.refreshing && time.Since(l.read) >= lr.RefreshDuration() {
		l.refreshing = true
		go a.refreshLearned(log)
	}
	return l.table
}

// refreshLearned reads the window of the log and replaces the table. A failed read keeps the
// table it has and is tried again after the refresh interval, so a log that is down is not
// asked on every ranking.
func (a *Activities) refreshLearned(log handoffReader) {
	lr := a.cfg.Learning.Routing
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	hs, err := log.Handoffs(ctx, store.Filter{From: time.Now().Add(-lr.WindowDuration())})
	var t *learning.Table
	if err == nil {
		t = learning.Learn(hs, a.cfg.Analytics.Success, lr.MinSample, lr.MaxTerm)
	} else {
		a.logger.Warn("learned routing could not read the handoff log; its terms stay as they were", "error", err.Error())
	}
	l := &a.learned
	l.mu.Lock()
	defer l.mu.Unlock()
	l.refreshing, l.read = false, time.Now()
	if t != nil {
		l.table = t
	}
}

// applyLearned gives each ranked agent its learned term and explanation.
func (a *Activities) applyLearned(in RankInput, ranked []RankedAgent) {
	t := a.learnedTable()
	if t == nil || in.Source == "" {
		return
	}
	for i := range ranked {
		term, why := t.Term(in.Source, ranked[i].Agent, in.Scenario)
		if why == "" {
			continue
		}
		ranked[i].Learned = term
		if ranked[i].Note != "" {
			ranked[i].Note += "; "
		}
		ranked[i].Note += why
	}
}
