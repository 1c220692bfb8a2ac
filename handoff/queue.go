package handoff

import (
	"math"
	"slices"
	"time"
)

// The queue's decisions, pure and deterministic so the Queue workflow can make them in its
// workflow code: the order of waiting handoffs, who may be offered which, the place in line,
// the wait estimate and the statistics. No Temporal import: tested and benchmarked alone.

// QueueState is what a Queue workflow holds, and carries across continue-as-new.
type QueueState struct {
	Group string `json:"group"`
	// Entries are the waiting handoffs and those offered from the queue right now.
	Entries []QueueEntry `json:"entries"`
	// Members are the group's people from the roster (read when a run starts, or when an
	// enqueue brings another RosterVersion); People is the queue's view of them.
	Members       []QueueMember `json:"members"`
	RosterVersion string        `json:"roster_version,omitempty"`
	People        []QueuePerson `json:"people"`
	// Answers and Lefts are the last hour's handoffs answered and those that left unanswered,
	// with how long each had waited: the statistics and the estimate read them.
	Answers []QueueAnswer `json:"answers,omitempty"`
	Lefts   []QueueAnswer `json:"lefts,omitempty"`
	// Arrivals and Offers number the enqueues and the offers made.
	Arrivals int64 `json:"arrivals"`
	Offers   int64 `json:"offers"`
	// Settings brought by the latest enqueue.
	ServiceLevel string `json:"service_level,omitempty"`
	HandleTime   string `json:"handle_time,omitempty"`
	MaxWaiting   int    `json:"max_waiting,omitempty"`
}

// QueueAnswer is one handoff answered (or left) at At after waiting WaitMs.
type QueueAnswer struct {
	At     time.Time `json:"at"`
	WaitMs int64     `json:"wait_ms"`
}

// Dispatch is one offer the queue decided: the entry's handoff goes to Agent.
type Dispatch struct {
	HandoffID string
	Agent     string
	Offer     QueueOffer
}

// Statistics keep the last hour; the estimate reads the last quarter of an hour's pace.
const (
	queueStatsWindow    = time.Hour
	queueRecentMax      = 500
	estimateWindow      = 15 * time.Minute
	estimateAnswers     = 20
	defaultHandleTime   = 5 * time.Minute
	defaultServiceLevel = 20 * time.Second
	// blockedFor is how long a person ranking found unavailable without saying until when (no
	// notification URL, a failing notification service) is skipped.
	blockedFor = time.Minute
	// MaxSkillLevel is the highest skill level; a handoff that names no skill takes everyone
	// of the group as qualified at every step.
	MaxSkillLevel = 5
)

// units turns capacity into thousandths, so sums of channel weights (0.5 + 0.25 ...) compare
// exactly.
func units(v float64) int64 { return int64(math.Round(v * 1000)) }

// Effective is the entry's priority at now: the supervisor's override or its own, plus one for
// every aging stretch it has waited.
func (e QueueEntry) Effective(now time.Time) int {
	p := e.Priority
	if e.Override != nil {
		p = *e.Override
	}
	if e.AgingSeconds > 0 && now.After(e.EnqueuedAt) {
		p += int(now.Sub(e.EnqueuedAt) / (time.Duration(e.AgingSeconds) * time.Second))
	}
	return p
}

// Ahead reports whether a is offered before b at now: higher effective priority, then older,
// then earlier arrival.
func Ahead(a, b QueueEntry, now time.Time) bool {
	pa, pb := a.Effective(now), b.Effective(now)
	if pa != pb {
		return pa > pb
	}
	if !a.EnqueuedAt.Equal(b.EnqueuedAt) {
		return a.EnqueuedAt.Before(b.EnqueuedAt)
	}
	return a.Seq < b.Seq
}

// MinLevel is the level the entry's current target step asks for at now (0: anyone).
func (e QueueEntry) MinLevel(now time.Time) int {
	for _, s := range e.Steps {
		if s.Until.IsZero() || now.Before(s.Until) {
			return s.MinLevel
		}
	}
	return 0
}

// Level is the member's level in the skills: the lowest of them (a skill they lack is 0), or
// MaxSkillLevel when no skill is asked for.
func (m QueueMember) Level(skills []string) int {
	if len(skills) == 0 {
		return MaxSkillLevel
	}
	level := MaxSkillLevel
	for _, s := range skills {
		level = min(level, m.Skills[s])
	}
	return level
}

// eligible reports whether the member may be offered the entry at now: not excluded, the known
// person alone during the known-agent wait (when they are of the group: a known agent the
// queue does not serve does not hold the handoff back), and qualified for the current step.
func (q *QueueState) eligible(e *QueueEntry, m QueueMember, now time.Time) bool {
	if slices.Contains(e.Exclude, m.Agent) {
		return false
	}
	if e.KnownAgent != "" && now.Before(e.KnownUntil) {
		if _, member := q.member(e.KnownAgent); member {
			return m.Agent == e.KnownAgent
		}
	}
	return m.Level(e.Skills) >= e.MinLevel(now)
}

// Waiting reports whether the entry waits (is not offered right now).
func (e QueueEntry) Waiting() bool { return e.Offered == "" }

// Order returns the indexes of the waiting entries, in the order they are offered at now.
func (q *QueueState) Order(now time.Time) []int {
	idx := make([]int, 0, len(q.Entries))
	for i := range q.Entries {
		if q.Entries[i].Offered == "" {
			idx = append(idx, i)
		}
	}
	// Each entry's priority is computed once: aging makes it a function of now.
	prio := make([]int, len(q.Entries))
	for _, i := range idx {
		prio[i] = q.Entries[i].Effective(now)
	}
	slices.SortFunc(idx, func(x, y int) int {
		a, b := &q.Entries[x], &q.Entries[y]
		switch {
		case prio[x] != prio[y]:
			return prio[y] - prio[x]
		case !a.EnqueuedAt.Equal(b.EnqueuedAt):
			return a.EnqueuedAt.Compare(b.EnqueuedAt)
		}
		return int(a.Seq - b.Seq)
	})
	return idx
}

// person returns the view of an agent, or nil.
func (q *QueueState) person(agent string) *QueuePerson {
	for i := range q.People {
		if q.People[i].Agent == agent {
			return &q.People[i]
		}
	}
	return nil
}

// member returns the roster entry of an agent of the group.
func (q *QueueState) member(agent string) (QueueMember, bool) {
	for _, m := range q.Members {
		if m.Agent == agent {
			return m, true
		}
	}
	return QueueMember{}, false
}

// loads is each person's load as the queue must count it: what their snapshot says, plus the
// queue's own offers their snapshot does not show yet (in flight to them).
func (q *QueueState) loads() map[string]int64 {
	out := make(map[string]int64, len(q.People))
	for _, p := range q.People {
		out[p.Agent] = units(p.Load)
	}
	for i := range q.Entries {
		e := &q.Entries[i]
		if e.Offered == "" {
			continue
		}
		p := q.person(e.Offered)
		if p != nil && slices.Contains(p.Held, e.HandoffID) {
			continue
		}
		m, _ := q.member(e.Offered)
		out[e.Offered] += units(m.Weight(e.Channel))
	}
	return out
}

// open reports whether the person can be offered anything at now (room aside): online, not
// known to be full, not blocked.
func (p *QueuePerson) open(now time.Time) bool {
	return p != nil && p.Presence == PresenceOnline && !p.fullNow() && !now.Before(p.BlockedUntil)
}

// fullNow reports whether a refused reservation marks the person full: no newer snapshot came.
func (p *QueuePerson) fullNow() bool { return p.Full && p.FullAt == p.Version }

// Dispatch decides the offers to make at now: waiting handoffs in order, each to the best
// person free for it (the highest level, then the least loaded, then idle the longest). A
// handoff that finds nobody with room keeps the people it waits for: nobody behind it is
// offered them, so a voice call waiting for a whole person is not starved by chats, and the
// order holds among handoffs that compete for the same people. It marks the entries offered.
func (q *QueueState) Dispatch(now time.Time) []Dispatch {
	load := q.loads()
	room := func(m QueueMember, w int64) bool { return load[m.Agent]+w <= units(m.Capacity) }
	free := 0
	for _, m := range q.Members {
		if q.person(m.Agent).open(now) && room(m, 1) {
			free++
		}
	}
	if free == 0 {
		return nil
	}
	kept := map[string]bool{}
	var out []Dispatch
	for _, i := range q.Order(now) {
		e := &q.Entries[i]
		best := -1
		var wanted []string
		for k, m := range q.Members {
			p := q.person(m.Agent)
			if kept[m.Agent] || !p.open(now) || !q.eligible(e, m, now) {
				continue
			}
			if !room(m, units(m.Weight(e.Channel))) {
				wanted = append(wanted, m.Agent)
				continue
			}
			if best < 0 || q.better(m, q.Members[best], e.Skills, load) {
				best = k
			}
		}
		if best < 0 {
			for _, a := range wanted {
				kept[a] = true
			}
			continue
		}
		m := q.Members[best]
		load[m.Agent] += units(m.Weight(e.Channel))
		q.Offers++
		e.Offered, e.OfferedAt, e.Forced = m.Agent, now, false
		if e.FirstOffer == 0 {
			e.FirstOffer = q.Offers
		}
		out = append(out, Dispatch{HandoffID: e.HandoffID, Agent: m.Agent,
			Offer: QueueOffer{Group: q.Group, Agent: m.Agent, Seq: q.Offers, At: now, EnqueuedAt: e.EnqueuedAt, EntrySeq: e.Seq}})
		if !room(m, 1) {
			free--
		}
		if free <= 0 {
			break
		}
	}
	return out
}

// better orders two people free for a handoff like ranking does: the higher level in its
// skills, then the lower load, then idle the longest, then the roster's order.
func (q *QueueState) better(x, y QueueMember, skills []string, load map[string]int64) bool {
	if lx, ly := x.Level(skills), y.Level(skills); lx != ly {
		return lx > ly
	}
	if load[x.Agent] != load[y.Agent] {
		return load[x.Agent] < load[y.Agent]
	}
	ix, iy := q.person(x.Agent).IdleSince, q.person(y.Agent).IdleSince
	if !ix.Equal(iy) {
		return ix.Before(iy)
	}
	return false
}

// NextChange is the earliest moment after now at which a dispatch could decide differently
// without any signal: a blocked person's block ends, or, while someone has room, a waiting
// handoff's target widens (a step ends, the known-agent wait ends). Zero when nothing is due.
func (q *QueueState) NextChange(now time.Time) time.Time {
	var next time.Time
	consider := func(t time.Time) {
		if t.After(now) && (next.IsZero() || t.Before(next)) {
			next = t
		}
	}
	load := q.loads()
	anyRoom := false
	for _, m := range q.Members {
		p := q.person(m.Agent)
		if p == nil || p.Presence != PresenceOnline {
			continue
		}
		consider(p.BlockedUntil)
		if p.open(now) && load[m.Agent]+1 <= units(m.Capacity) {
			anyRoom = true
		}
	}
	if !anyRoom {
		return next
	}
	for _, e := range q.Entries {
		if !e.Waiting() {
			continue
		}
		if e.KnownAgent != "" {
			consider(e.KnownUntil)
		}
		for _, s := range e.Steps {
			consider(s.Until)
		}
	}
	return next
}

// Index is the entry of a handoff, or -1.
func (q *QueueState) Index(handoffID string) int {
	for i, e := range q.Entries {
		if e.HandoffID == handoffID {
			return i
		}
	}
	return -1
}

// Waiting counts the entries that wait (not offered right now).
func (q *QueueState) Waiting() int {
	n := 0
	for _, e := range q.Entries {
		if e.Waiting() {
			n++
		}
	}
	return n
}

// Online counts the members online and their capacity.
func (q *QueueState) online() (people int, capacity, load float64) {
	for _, m := range q.Members {
		if p := q.person(m.Agent); p != nil && p.Presence == PresenceOnline {
			people++
			capacity += m.Capacity
			load += p.Load
		}
	}
	return people, capacity, load
}

// Position is the handoff's place in line at now, with the estimate of its wait.
func (q *QueueState) Position(handoffID string, now time.Time) QueuePosition {
	people, capacity, _ := q.online()
	pos := QueuePosition{Group: q.Group, Waiting: q.Waiting(), PeopleOnline: people, EstimateSeconds: -1}
	i := q.Index(handoffID)
	if i < 0 {
		return pos
	}
	e := q.Entries[i]
	pos.Priority, pos.EnqueuedAt, pos.Seq, pos.Offered = e.Effective(now), e.EnqueuedAt, e.Seq, e.Offered
	if !e.Waiting() {
		return pos
	}
	for k, j := range q.Order(now) {
		if j == i {
			pos.Position = k + 1
			break
		}
	}
	pos.EstimateSeconds = q.estimate(pos.Position, now, capacity)
	return pos
}

// estimate is the expected wait of the handoff at a position, in seconds: the queue's recent
// pace (the mean time between its latest answers, within the last quarter of an hour) times
// the position; before it has that, the assumed handle time spread over the capacity online.
// -1 when nobody of the group is online.
func (q *QueueState) estimate(position int, now time.Time, capacity float64) int {
	if capacity <= 0 {
		return -1
	}
	var recent []time.Time
	for _, a := range q.Answers {
		if now.Sub(a.At) <= estimateWindow {
			recent = append(recent, a.At)
		}
	}
	if len(recent) > estimateAnswers {
		recent = recent[len(recent)-estimateAnswers:]
	}
	if n := len(recent); n >= 2 && recent[n-1].After(recent[0]) {
		pace := recent[n-1].Sub(recent[0]) / time.Duration(n-1)
		return int((time.Duration(position) * pace).Round(time.Second) / time.Second)
	}
	handle := parseOr(q.HandleTime, defaultHandleTime)
	return int(math.Round(float64(position) * handle.Seconds() / capacity))
}

func parseOr(s string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return d
	}
	return def
}
