package handoff

import (
	"slices"
	"strings"
	"time"
)

// What changes a queue's state besides its own decisions: handoffs answered or left, people's
// snapshots, handoffs' reports.

// Answered records an answered handoff; LeftUnanswered one that left. Both keep the last hour.
func (q *QueueState) Answered(e QueueEntry, now time.Time) {
	q.Answers = keepRecent(append(q.Answers, QueueAnswer{At: now, WaitMs: now.Sub(e.EnqueuedAt).Milliseconds()}), now)
}

func (q *QueueState) LeftUnanswered(e QueueEntry, now time.Time) {
	q.Lefts = keepRecent(append(q.Lefts, QueueAnswer{At: now, WaitMs: now.Sub(e.EnqueuedAt).Milliseconds()}), now)
}

func keepRecent(list []QueueAnswer, now time.Time) []QueueAnswer {
	drop := 0
	for drop < len(list) && (now.Sub(list[drop].At) > queueStatsWindow || len(list)-drop > queueRecentMax) {
		drop++
	}
	return slices.Clip(list[drop:])
}

// Apply takes a person's snapshot when it is newer than what the queue has. A newer snapshot
// ends a "full" mark: the reservation that was refused was refused against an older state.
func (q *QueueState) Apply(s AgentSnapshot) bool {
	p := q.person(s.Agent)
	if p == nil {
		q.People = append(q.People, QueuePerson{AgentSnapshot: s})
		slices.SortFunc(q.People, func(a, b QueuePerson) int { return strings.Compare(a.Agent, b.Agent) })
		return true
	}
	if s.Version <= p.Version && p.Version != 0 {
		return false
	}
	p.AgentSnapshot = s
	return true
}

// Report applies a handoff's report. It returns false when the report names a handoff the
// queue does not hold (it left already).
func (q *QueueState) Report(r QueueReport, now time.Time) bool {
	i := q.Index(r.HandoffID)
	if i < 0 {
		return false
	}
	e := &q.Entries[i]
	switch r.Kind {
	case ReportAccepted:
		q.Answered(*e, now)
		q.remove(i)
	case ReportLeft:
		q.LeftUnanswered(*e, now)
		q.remove(i)
	case ReportReturned:
		if r.Agent != "" && r.Agent != e.Offered {
			return true // a report of an older offer: the entry has moved on
		}
		e.Offered, e.OfferedAt, e.Forced = "", time.Time{}, false
		if r.Exclude && r.Agent != "" && !slices.Contains(e.Exclude, r.Agent) {
			e.Exclude = append(e.Exclude, r.Agent)
		}
		if p := q.person(r.Agent); p != nil {
			switch {
			case r.Full:
				p.Full, p.FullAt = true, p.Version
			case r.Blocked:
				p.BlockedUntil, p.Blocked = r.Until, r.Reason
				if !r.Until.After(now) {
					p.BlockedUntil = now.Add(blockedFor)
				}
			}
		}
	case ReportPriority:
		if r.Priority != nil {
			p := *r.Priority
			e.Override = &p
		}
	case ReportHeld:
		q.Offers++
		e.Offered, e.OfferedAt, e.Forced = r.Agent, now, true
	}
	return true
}

// Drop removes a handoff that can no longer be reached (its workflow closed), counting it as
// left.
func (q *QueueState) Drop(handoffID string, now time.Time) {
	if i := q.Index(handoffID); i >= 0 {
		q.LeftUnanswered(q.Entries[i], now)
		q.remove(i)
	}
}

func (q *QueueState) remove(i int) {
	q.Entries = slices.Delete(q.Entries, i, i+1)
}
