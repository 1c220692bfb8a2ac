package handoff

import (
	"fmt"
	"slices"
	"time"
)

// ValidateEnqueue explains what is wrong with an enqueue, or returns nil. A handoff already in
// the queue passes (an activity retried after a lost answer gets the same place).
func (q *QueueState) ValidateEnqueue(in EnqueueInput) error {
	e := in.Entry
	if e.HandoffID == "" {
		return &FieldError{"entry.handoff_id", "is required"}
	}
	if q.Index(e.HandoffID) >= 0 {
		return nil
	}
	if err := ValidateConversationID(e.ConversationID); err != nil {
		return &FieldError{"entry." + err.(*FieldError).Field, err.(*FieldError).Problem}
	}
	for i, s := range in.Steps {
		if s.MinLevel < 0 || s.MinLevel > MaxSkillLevel {
			return &FieldError{fmt.Sprintf("steps[%d].min_level", i), fmt.Sprintf("%d is not a level from 0 to %d", s.MinLevel, MaxSkillLevel)}
		}
		if s.Timeout == "" {
			continue
		}
		if d, err := time.ParseDuration(s.Timeout); err != nil || d <= 0 {
			return &FieldError{fmt.Sprintf("steps[%d].timeout", i), fmt.Sprintf("%s is not a positive duration", Quote(s.Timeout))}
		}
	}
	for _, f := range []struct{ field, v string }{{"known_agent_wait", in.KnownAgentWait}, {"aging_every", in.AgingEvery}} {
		if f.v == "" {
			continue
		}
		if d, err := time.ParseDuration(f.v); err != nil || d < 0 {
			return &FieldError{f.field, fmt.Sprintf("%s is not a duration", Quote(f.v))}
		}
	}
	limit := MaxQueueWaiting
	if in.MaxWaiting > 0 && in.MaxWaiting < limit {
		limit = in.MaxWaiting
	}
	if len(q.Entries) >= limit {
		return fmt.Errorf("queue %s is full: %d handoffs wait (at most %d)", q.Group, len(q.Entries), limit)
	}
	return nil
}

// Enqueue adds a handoff at now, turning its relative steps into times on the queue's clock,
// and returns its place. Enqueuing a handoff already held returns its place unchanged.
func (q *QueueState) Enqueue(in EnqueueInput, now time.Time) QueuePosition {
	if q.Index(in.Entry.HandoffID) < 0 {
		e := in.Entry
		q.Arrivals++
		e.EnqueuedAt, e.Seq = now, q.Arrivals
		e.Offered, e.OfferedAt, e.Forced, e.FirstOffer = "", time.Time{}, false, 0
		e.Steps = nil
		at := now
		for _, s := range in.Steps {
			step := StepUntil{MinLevel: s.MinLevel}
			if d, err := time.ParseDuration(s.Timeout); err == nil && d > 0 {
				at = at.Add(d)
				step.Until = at
			}
			e.Steps = append(e.Steps, step)
			if step.Until.IsZero() {
				break // the last step lasts until the max wait
			}
		}
		e.KnownUntil = time.Time{}
		if d, err := time.ParseDuration(in.KnownAgentWait); err == nil && d > 0 && e.KnownAgent != "" {
			e.KnownUntil = now.Add(d)
		}
		e.AgingSeconds = 0
		if d, err := time.ParseDuration(in.AgingEvery); err == nil && d >= time.Second {
			e.AgingSeconds = int(d / time.Second)
		}
		q.Entries = append(q.Entries, e)
		if in.ServiceLevel != "" {
			q.ServiceLevel = in.ServiceLevel
		}
		if in.HandleTime != "" {
			q.HandleTime = in.HandleTime
		}
		if in.MaxWaiting > 0 {
			q.MaxWaiting = in.MaxWaiting
		}
	}
	return q.Position(in.Entry.HandoffID, now)
}

// statsNext is how many of the first waiting handoffs the statistics list.
const statsNext = 20

// Stats are the queue's statistics at now.
func (q *QueueState) Stats(now time.Time) QueueStats {
	threshold := parseOr(q.ServiceLevel, defaultServiceLevel)
	st := QueueStats{Group: q.Group, Running: true, ServiceLevelThreshold: FormatDuration(threshold), People: []PersonStats{}}
	var total time.Duration
	for _, e := range q.Entries {
		if !e.Waiting() {
			st.Offered++
			continue
		}
		st.Waiting++
		wait := now.Sub(e.EnqueuedAt)
		total += wait
		st.LongestWaitSeconds = max(st.LongestWaitSeconds, wait.Seconds())
	}
	if st.Waiting > 0 {
		st.AverageWaitSeconds = round1((total / time.Duration(st.Waiting)).Seconds())
	}
	st.LongestWaitSeconds = round1(st.LongestWaitSeconds)
	within, missed := 0, 0
	var answered time.Duration
	for _, a := range q.Answers {
		if now.Sub(a.At) > queueStatsWindow {
			continue
		}
		st.Answered++
		wait := time.Duration(a.WaitMs) * time.Millisecond
		answered += wait
		if wait <= threshold {
			within++
		}
	}
	for _, l := range q.Lefts {
		if now.Sub(l.At) > queueStatsWindow {
			continue
		}
		st.Left++
		// One that left before the threshold was neither answered late nor kept waiting long.
		if time.Duration(l.WaitMs)*time.Millisecond > threshold {
			missed++
		}
	}
	if st.Answered > 0 {
		st.AverageAnswerSeconds = round1((answered / time.Duration(st.Answered)).Seconds())
	}
	if n := st.Answered + missed; n > 0 {
		sl := round3(float64(within) / float64(n))
		st.ServiceLevel = &sl
	}
	load := q.loads()
	var capOnline, loadOnline float64
	for _, m := range q.Members {
		p := q.person(m.Agent)
		ps := PersonStats{Agent: m.Agent, Presence: PresenceOffline, Capacity: m.Capacity}
		if p != nil {
			ps.Presence, ps.Load, ps.WrapUps = p.Presence, round3(float64(load[m.Agent])/1000), p.WrapUps
		}
		ps.State = personState(p, m, load[m.Agent], now)
		if ps.State == "blocked" {
			ps.Blocked = p.Blocked
		}
		if ps.Presence == PresenceOnline {
			st.PeopleOnline++
			capOnline += m.Capacity
			loadOnline += ps.Load
			if p.open(now) && load[m.Agent] < units(m.Capacity) {
				st.PeopleAvailable++
			}
		}
		st.People = append(st.People, ps)
	}
	if capOnline > 0 {
		occ := round3(min(loadOnline/capOnline, 1))
		st.Occupancy = &occ
	}
	for k, i := range q.Order(now) {
		if k == statsNext {
			break
		}
		e := q.Entries[i]
		st.Next = append(st.Next, QueuedHandoff{Position: k + 1, ConversationID: e.ConversationID,
			Priority: e.Effective(now), WaitSeconds: round1(now.Sub(e.EnqueuedAt).Seconds())})
	}
	return st
}

// personState names what a member is doing, for the statistics: wrap_up when wrap-ups are all
// they hold.
func personState(p *QueuePerson, m QueueMember, load int64, now time.Time) string {
	switch {
	case p == nil || p.Presence == PresenceOffline:
		return "offline"
	case p.Presence == PresenceAway:
		return "away"
	case now.Before(p.BlockedUntil):
		return "blocked"
	case p.WrapUps > 0 && p.WrapUps == len(p.Held):
		// Only after-conversation work holds them (they may have room for more).
		return "wrap_up"
	case load >= units(m.Capacity) || p.fullNow():
		return "full"
	case load > 0:
		return "busy"
	}
	return "available"
}

func round1(v float64) float64 { return float64(int64(v*10+0.5)) / 10 }
func round3(v float64) float64 { return float64(int64(v*1000+0.5)) / 1000 }

// SetMembers installs the group's roster, in the roster's order (the last tie-break between
// two people equally placed), keeping the view of the people.
func (q *QueueState) SetMembers(members []QueueMember, version string) {
	q.Members = slices.Clone(members)
	q.RosterVersion = version
}

// QueuePriority is a handoff's base priority in a queue, from the rule and the conversation,
// with what it is made of: the rule's protocol.priority, VIP when the signals say
// vip_customer, Urgent for an urgent decision, and a point per ValuePer of the opportunity
// value (business_context.opportunity_value, else the property_value signal), at most ValueMax.
func QueuePriority(in *Input, d *Decision, w PriorityWeights) (int, []string) {
	var why []string
	p := d.Protocol.Priority
	if p != 0 {
		why = append(why, fmt.Sprintf("rule %s %+d", d.Rule, p))
	}
	if w.VIP != 0 && signalTrue(d, in, "vip_customer") {
		p += w.VIP
		why = append(why, fmt.Sprintf("VIP %+d", w.VIP))
	}
	if w.Urgent != 0 && d.Urgent {
		p += w.Urgent
		why = append(why, fmt.Sprintf("urgent %+d", w.Urgent))
	}
	if w.ValuePer > 0 {
		v := in.BusinessContext.OpportunityValue
		if v <= 0 {
			v = signalNumber(d, in, "property_value")
		}
		points := int(v / w.ValuePer)
		if w.ValueMax > 0 {
			points = min(points, w.ValueMax)
		}
		if points > 0 {
			p += points
			why = append(why, fmt.Sprintf("opportunity value %.0f %+d", v, points))
		}
	}
	return p, why
}

// signal reads a signal from the decision (the bot's and the analyzer's), else the input.
func signal(d *Decision, in *Input, name string) any {
	if v, ok := d.Signals[name]; ok {
		return v
	}
	return in.Signals[name]
}

func signalTrue(d *Decision, in *Input, name string) bool {
	switch v := signal(d, in, name).(type) {
	case bool:
		return v
	case string:
		return v == "true" || v == "yes"
	}
	return false
}

func signalNumber(d *Decision, in *Input, name string) float64 {
	switch v := signal(d, in, name).(type) {
	case float64:
		return v
	case float32:
		return float64(v)
	case int:
		return float64(v)
	case int64:
		return float64(v)
	case int32:
		return float64(v)
	}
	return 0
}
