package handoff

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func testQueue(people ...QueueMember) *QueueState {
	q := &QueueState{Group: "human_agent"}
	q.SetMembers(people, "v1")
	for i, m := range people {
		q.Apply(AgentSnapshot{Agent: m.Agent, Presence: PresenceOnline, Version: 1, IdleSince: t0.Add(time.Duration(i) * time.Second)})
	}
	return q
}

func member(id string, capacity float64, skill int) QueueMember {
	return QueueMember{Agent: id, Capacity: capacity, Skills: map[string]int{"seller": skill}, Weights: map[string]float64{"email": 0.5, "voice": capacity}}
}

func enqueue(q *QueueState, id string, prio int, at time.Time, mod ...func(*EnqueueInput)) {
	in := EnqueueInput{Entry: QueueEntry{HandoffID: "h-" + id, ConversationID: id, Priority: prio}}
	for _, m := range mod {
		m(&in)
	}
	if err := q.ValidateEnqueue(in); err != nil {
		panic(err)
	}
	q.Enqueue(in, at)
}

func offered(ds []Dispatch) string {
	var parts []string
	for _, d := range ds {
		parts = append(parts, strings.TrimPrefix(d.HandoffID, "h-")+">"+d.Agent)
	}
	return strings.Join(parts, ",")
}

func busy(q *QueueState, agent string, load float64, version int64) {
	p := q.person(agent)
	q.Apply(AgentSnapshot{Agent: agent, Presence: p.Presence, Load: load, Version: version, IdleSince: p.IdleSince})
}

func check(t *testing.T, what string, got, want any) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func TestQueueOffersByPriorityThenAge(t *testing.T) {
	q := testQueue(member("maria", 1, 5))
	busy(q, "maria", 1, 2)
	enqueue(q, "old-low", 1, t0)
	enqueue(q, "new-high", 5, t0.Add(time.Second))
	enqueue(q, "old-high", 5, t0.Add(500*time.Millisecond))
	enqueue(q, "same-time", 5, t0.Add(time.Second)) // ties with new-high on time: arrival decides
	check(t, "nobody free", offered(q.Dispatch(t0.Add(2*time.Second))), "")
	var order []string
	for _, i := range q.Order(t0.Add(2 * time.Second)) {
		order = append(order, q.Entries[i].ConversationID)
	}
	check(t, "order", strings.Join(order, ","), "old-high,new-high,same-time,old-low")
	check(t, "position of new-high", q.Position("h-new-high", t0.Add(2*time.Second)).Position, 2)
	// maria frees one unit: the first in order is offered to her, the rest keep waiting.
	busy(q, "maria", 0, 3)
	check(t, "freed", offered(q.Dispatch(t0.Add(3*time.Second))), "old-high>maria")
	check(t, "while she holds it", offered(q.Dispatch(t0.Add(4*time.Second))), "")
	check(t, "position once offered", q.Position("h-old-high", t0.Add(4*time.Second)).Position, 0)
	check(t, "new-high moved up", q.Position("h-new-high", t0.Add(4*time.Second)).Position, 1)
}

func TestAgingOvertakesAYoungerHigherPriority(t *testing.T) {
	q := testQueue(member("maria", 1, 5))
	busy(q, "maria", 1, 2)
	aging := func(in *EnqueueInput) { in.AgingEvery = "30s" }
	enqueue(q, "patient", 1, t0, aging)
	enqueue(q, "urgent", 3, t0.Add(59*time.Second), aging)
	// At 61 s patient has aged twice (3) and is older: it goes first.
	check(t, "priority of patient", q.Entries[0].Effective(t0.Add(61*time.Second)), 3)
	busy(q, "maria", 0, 3)
	check(t, "at 61s", offered(q.Dispatch(t0.Add(61*time.Second))), "patient>maria")

	q = testQueue(member("maria", 1, 5))
	busy(q, "maria", 1, 2)
	enqueue(q, "patient", 1, t0, aging)
	enqueue(q, "urgent", 3, t0.Add(59*time.Second), aging)
	busy(q, "maria", 0, 3)
	check(t, "at 59s (aged once, 2 < 3)", offered(q.Dispatch(t0.Add(59*time.Second))), "urgent>maria")
}

func TestTimedTargetStepsWidenOverTime(t *testing.T) {
	q := testQueue(member("expert", 1, 5), member("junior", 1, 2), member("novice", 1, 0))
	busy(q, "expert", 1, 2)
	steps := func(in *EnqueueInput) {
		in.Entry.Skills = []string{"seller"}
		in.Steps = []TargetStep{{MinLevel: 4, Timeout: "30s"}, {MinLevel: 2, Timeout: "30s"}, {}}
	}
	enqueue(q, "c1", 0, t0, steps)
	check(t, "first 30s: only level 4+", offered(q.Dispatch(t0.Add(10*time.Second))), "")
	check(t, "the step ends at 30s", q.NextChange(t0.Add(10*time.Second)), t0.Add(30*time.Second))
	check(t, "at 30s: level 2+", offered(q.Dispatch(t0.Add(30*time.Second))), "c1>junior")

	q = testQueue(member("expert", 1, 5), member("junior", 1, 2), member("novice", 1, 0))
	busy(q, "expert", 1, 2)
	busy(q, "junior", 1, 2)
	enqueue(q, "c1", 0, t0, steps)
	check(t, "at 45s nobody of level 2+ is free", offered(q.Dispatch(t0.Add(45*time.Second))), "")
	check(t, "at 60s anyone", offered(q.Dispatch(t0.Add(60*time.Second))), "c1>novice")
}

func TestKnownAgentIsAloneOfferedDuringThePreferredWait(t *testing.T) {
	q := testQueue(member("maria", 1, 5), member("james", 1, 5))
	busy(q, "maria", 1, 2)
	known := func(in *EnqueueInput) { in.Entry.KnownAgent, in.KnownAgentWait = "maria", "20s" }
	enqueue(q, "c1", 0, t0, known)
	check(t, "james is free but maria is preferred", offered(q.Dispatch(t0.Add(5*time.Second))), "")
	busy(q, "maria", 0, 3)
	check(t, "maria frees", offered(q.Dispatch(t0.Add(6*time.Second))), "c1>maria")

	q = testQueue(member("maria", 1, 5), member("james", 1, 5))
	busy(q, "maria", 1, 2)
	enqueue(q, "c1", 0, t0, known)
	check(t, "next change", q.NextChange(t0.Add(time.Second)), t0.Add(20*time.Second))
	check(t, "after the preferred wait", offered(q.Dispatch(t0.Add(20*time.Second))), "c1>james")

	// A known agent who is not of the group holds nothing back.
	q = testQueue(member("maria", 1, 5), member("james", 1, 5))
	busy(q, "maria", 1, 2)
	enqueue(q, "c1", 0, t0, func(in *EnqueueInput) { in.Entry.KnownAgent, in.KnownAgentWait = "olga", "20s" })
	check(t, "a stranger known", offered(q.Dispatch(t0.Add(time.Second))), "c1>james")
}

// A voice call waits for a whole person; the chats behind it do not take the people it waits
// for, or it would starve.
func TestWeightsAndNoOvertakingOnThePeopleAHandoffWaitsFor(t *testing.T) {
	q := testQueue(member("maria", 2, 5), member("james", 2, 5))
	busy(q, "maria", 1, 2)
	busy(q, "james", 2, 2)
	enqueue(q, "voice", 5, t0, func(in *EnqueueInput) { in.Entry.Channel = "voice" })
	enqueue(q, "chat", 1, t0.Add(time.Second))
	check(t, "maria has 1 free but the call needs 2", offered(q.Dispatch(t0.Add(2*time.Second))), "")
	busy(q, "maria", 0, 3)
	check(t, "maria whole", offered(q.Dispatch(t0.Add(3*time.Second))), "voice>maria")
	// The call is in flight to maria (her snapshot does not show it yet): she counts as full.
	busy(q, "james", 1.5, 3)
	enqueue(q, "email", 0, t0.Add(4*time.Second), func(in *EnqueueInput) { in.Entry.Channel = "email" })
	check(t, "chat first, then the email fits james's half", offered(q.Dispatch(t0.Add(5*time.Second))), "")
	busy(q, "james", 1, 4)
	check(t, "james has 1", offered(q.Dispatch(t0.Add(6*time.Second))), "chat>james")
}

func TestSnapshotsAndReports(t *testing.T) {
	q := testQueue(member("maria", 2, 5))
	if q.Apply(AgentSnapshot{Agent: "maria", Presence: PresenceAway, Version: 1}) {
		t.Fatal("an older or equal version replaced the view")
	}
	enqueue(q, "c1", 0, t0)
	enqueue(q, "c2", 0, t0.Add(time.Second))
	check(t, "both to maria", offered(q.Dispatch(t0.Add(2*time.Second))), "c1>maria,c2>maria")
	// c1's reservation was refused (maria is busier than the queue knew): she is full until her
	// next snapshot, and c1 waits again with its age.
	q.Report(QueueReport{HandoffID: "h-c1", Kind: ReportReturned, Agent: "maria", Full: true}, t0.Add(3*time.Second))
	check(t, "full", offered(q.Dispatch(t0.Add(3*time.Second))), "")
	q.Apply(AgentSnapshot{Agent: "maria", Presence: PresenceOnline, Load: 1, Held: []string{"h-c2"}, Version: 2})
	check(t, "a newer snapshot ends it", offered(q.Dispatch(t0.Add(4*time.Second))), "c1>maria")
	// A decline excludes maria for c1 only.
	q.Report(QueueReport{HandoffID: "h-c1", Kind: ReportReturned, Agent: "maria", Exclude: true}, t0.Add(5*time.Second))
	busy(q, "maria", 0, 3)
	q.Report(QueueReport{HandoffID: "h-c2", Kind: ReportAccepted, Agent: "maria"}, t0.Add(6*time.Second))
	enqueue(q, "c3", 0, t0.Add(6*time.Second))
	check(t, "c1 skips maria", offered(q.Dispatch(t0.Add(7*time.Second))), "c3>maria")
	// A block with a time keeps her from offers until then.
	q.Report(QueueReport{HandoffID: "h-c3", Kind: ReportReturned, Agent: "maria", Blocked: true, Until: t0.Add(time.Hour), Reason: "in a calendar event"}, t0.Add(8*time.Second))
	check(t, "blocked", offered(q.Dispatch(t0.Add(9*time.Second))), "")
	check(t, "the block's end is the next change", q.NextChange(t0.Add(9*time.Second)), t0.Add(time.Hour))
	check(t, "stats say so", q.Stats(t0.Add(9 * time.Second)).People[0].State, "blocked")
	check(t, "after it", offered(q.Dispatch(t0.Add(time.Hour))), "c3>maria")
	if q.Report(QueueReport{HandoffID: "h-gone", Kind: ReportLeft}, t0) {
		t.Fatal("a report of an unknown handoff was applied")
	}
	prio := 99
	q.Report(QueueReport{HandoffID: "h-c1", Kind: ReportPriority, Priority: &prio}, t0.Add(time.Hour))
	check(t, "override", q.Position("h-c1", t0.Add(time.Hour)).Priority, 99)
	q.Report(QueueReport{HandoffID: "h-c1", Kind: ReportHeld, Agent: "maria"}, t0.Add(time.Hour))
	if e := q.Entries[q.Index("h-c1")]; e.Offered != "maria" || !e.Forced {
		t.Fatalf("held entry %+v", e)
	}
}

func TestEstimateAndStatistics(t *testing.T) {
	q := testQueue(member("maria", 2, 5), member("james", 2, 5))
	q.HandleTime = "4m"
	busy(q, "maria", 2, 2)
	busy(q, "james", 2, 2)
	for i := range 5 {
		enqueue(q, fmt.Sprint("c", i), 0, t0.Add(time.Duration(i)*time.Second))
	}
	// No pace yet: 4 minutes over 4 units of capacity online is 60 s a place.
	check(t, "estimate of the third", q.Position("h-c2", t0.Add(10*time.Second)).EstimateSeconds, 180)
	// Answers every 40 s: the third waits about 2 minutes.
	for i := range 3 {
		q.Answered(QueueEntry{EnqueuedAt: t0}, t0.Add(time.Duration(40*i)*time.Second))
	}
	check(t, "estimate from the pace", q.Position("h-c2", t0.Add(80*time.Second)).EstimateSeconds, 120)
	q.Apply(AgentSnapshot{Agent: "maria", Presence: PresenceOffline, Version: 3})
	q.Apply(AgentSnapshot{Agent: "james", Presence: PresenceAway, Version: 3})
	check(t, "nobody online", q.Position("h-c2", t0.Add(80*time.Second)).EstimateSeconds, -1)

	q = testQueue(member("maria", 2, 5), member("james", 2, 5))
	q.ServiceLevel = "20s"
	busy(q, "james", 1, 2)
	q.Answered(QueueEntry{EnqueuedAt: t0}, t0.Add(10*time.Second))                      // in time
	q.Answered(QueueEntry{EnqueuedAt: t0}, t0.Add(30*time.Second))                      // late
	q.LeftUnanswered(QueueEntry{EnqueuedAt: t0}, t0.Add(5*time.Second))                 // left early: not counted
	q.LeftUnanswered(QueueEntry{EnqueuedAt: t0}, t0.Add(50*time.Second))                // left late: missed
	q.Answered(QueueEntry{EnqueuedAt: t0.Add(-2 * time.Hour)}, t0.Add(-90*time.Minute)) // too old
	enqueue(q, "w1", 0, t0.Add(40*time.Second))
	enqueue(q, "w2", 0, t0.Add(50*time.Second))
	busy(q, "maria", 2, 2)
	st := q.Stats(t0.Add(60 * time.Second))
	if st.Waiting != 2 || st.LongestWaitSeconds != 20 || st.AverageWaitSeconds != 15 || st.Answered != 2 || st.Left != 2 ||
		st.AverageAnswerSeconds != 20 || st.ServiceLevel == nil || *st.ServiceLevel != 0.333 || st.PeopleOnline != 2 ||
		st.PeopleAvailable != 1 || st.Occupancy == nil || *st.Occupancy != 0.75 || len(st.Next) != 2 || st.Next[0].ConversationID != "w1" {
		t.Fatalf("stats %+v", st)
	}
	check(t, "maria full", st.People[0].State, "full")
	check(t, "james busy", st.People[1].State, "busy")
}

func TestEnqueueValidationAndIdempotence(t *testing.T) {
	q := testQueue(member("maria", 1, 5))
	for _, c := range []struct {
		in   EnqueueInput
		want string
	}{
		{EnqueueInput{}, "entry.handoff_id: is required"},
		{EnqueueInput{Entry: QueueEntry{HandoffID: "h"}}, "entry.conversation_id: is required"},
		{EnqueueInput{Entry: QueueEntry{HandoffID: "h", ConversationID: "c"}, Steps: []TargetStep{{MinLevel: 9}}}, "steps[0].min_level"},
		{EnqueueInput{Entry: QueueEntry{HandoffID: "h", ConversationID: "c"}, Steps: []TargetStep{{Timeout: "soon"}}}, "steps[0].timeout"},
		{EnqueueInput{Entry: QueueEntry{HandoffID: "h", ConversationID: "c"}, AgingEvery: "x"}, "aging_every"},
	} {
		if err := q.ValidateEnqueue(c.in); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.in, err, c.want)
		}
	}
	busy(q, "maria", 1, 2)
	enqueue(q, "c1", 0, t0)
	first := q.Entries[0]
	q.Enqueue(EnqueueInput{Entry: QueueEntry{HandoffID: "h-c1", ConversationID: "c1", Priority: 50}}, t0.Add(time.Minute))
	if len(q.Entries) != 1 || q.Entries[0].EnqueuedAt != first.EnqueuedAt || q.Entries[0].Priority != 0 {
		t.Fatalf("a second enqueue of the same handoff changed it: %+v", q.Entries)
	}
	q.MaxWaiting = 2
	enqueue(q, "c2", 0, t0)
	if err := q.ValidateEnqueue(EnqueueInput{Entry: QueueEntry{HandoffID: "h-c3", ConversationID: "c3"}, MaxWaiting: 2}); err == nil || !strings.Contains(err.Error(), "is full: 2 handoffs wait (at most 2)") {
		t.Fatalf("full queue: %v", err)
	}
}

func TestQueuePriorityFromRuleAndConversation(t *testing.T) {
	in := &Input{BusinessContext: BusinessContext{OpportunityValue: 450000}}
	d := &Decision{Rule: "vip_rule", Urgent: true, Protocol: Protocol{Priority: 10}, Signals: map[string]any{"vip_customer": true}}
	p, why := QueuePriority(in, d, PriorityWeights{VIP: 50, Urgent: 20, ValuePer: 100000, ValueMax: 3})
	check(t, "priority", p, 83)
	check(t, "why", strings.Join(why, "; "), "rule vip_rule +10; VIP +50; urgent +20; opportunity value 450000 +3")
	in = &Input{Signals: map[string]any{"property_value": 250000.0}}
	p, _ = QueuePriority(in, &Decision{}, PriorityWeights{VIP: 50, ValuePer: 100000})
	check(t, "from the property value signal, not VIP", p, 2)
}

func BenchmarkQueue1000(b *testing.B) {
	people := make([]QueueMember, 20)
	for i := range people {
		people[i] = member(fmt.Sprint("p", i), 2, i%6)
	}
	fill := func() *QueueState {
		q := testQueue(people...)
		for i, m := range people {
			busy(q, m.Agent, 2, int64(2+i))
		}
		for i := range MaxQueueWaiting {
			enqueue(q, fmt.Sprint("c", i), i%7, t0.Add(time.Duration(i)*time.Millisecond), func(in *EnqueueInput) {
				in.AgingEvery, in.Entry.Skills = "30s", []string{"seller"}
				in.Steps = []TargetStep{{MinLevel: 4, Timeout: "30s"}, {}}
			})
		}
		return q
	}
	b.Run("dispatch_all_busy", func(b *testing.B) {
		q := fill()
		for b.Loop() {
			q.Dispatch(t0.Add(time.Minute))
		}
	})
	b.Run("dispatch_one_freed", func(b *testing.B) {
		q := fill()
		v := int64(100)
		for b.Loop() {
			v++
			busy(q, "p5", 1, v)
			ds := q.Dispatch(t0.Add(time.Minute))
			if len(ds) != 1 {
				b.Fatalf("dispatched %d", len(ds))
			}
			q.Report(QueueReport{HandoffID: ds[0].HandoffID, Kind: ReportReturned, Agent: "p5"}, t0.Add(time.Minute))
			v++
			busy(q, "p5", 2, v)
		}
	})
	b.Run("position", func(b *testing.B) {
		q := fill()
		for b.Loop() {
			q.Position("h-c999", t0.Add(time.Minute))
		}
	})
	b.Run("stats", func(b *testing.B) {
		q := fill()
		for b.Loop() {
			q.Stats(t0.Add(time.Minute))
		}
	})
}

// A person whose workflow never started reads as version 0 and is open for offers: only a
// refused reservation marks someone full, and only until their next snapshot.
func TestAPersonAtVersionZeroIsNotFull(t *testing.T) {
	q := &QueueState{Group: "human_agent"}
	q.SetMembers([]QueueMember{member("maria", 1, 5)}, "v1")
	q.Apply(AgentSnapshot{Agent: "maria", Presence: PresenceOnline})
	enqueue(q, "c1", 0, t0)
	check(t, "available in the stats", q.Stats(t0).People[0].State, "available")
	check(t, "offered", offered(q.Dispatch(t0.Add(time.Second))), "c1>maria")
	q.Report(QueueReport{HandoffID: "h-c1", Kind: ReportReturned, Agent: "maria", Full: true}, t0.Add(2*time.Second))
	check(t, "full after a refusal at version 0", offered(q.Dispatch(t0.Add(3*time.Second))), "")
	check(t, "until a snapshot", q.Apply(AgentSnapshot{Agent: "maria", Presence: PresenceOnline, Version: 1}), true)
	check(t, "then offered again", offered(q.Dispatch(t0.Add(4*time.Second))), "c1>maria")
}
