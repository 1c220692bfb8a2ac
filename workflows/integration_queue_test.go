package workflows_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/service"
)

// queueDrill is the queue integration test's setting: people of one group with a queue, a
// conversation's channel and priority made from its number.
const (
	drillPeople   = 5
	drillCapacity = 2
	drillAging    = 15 * time.Second
)

// drillConfig replaces the example's people of human_agent with p1..p5 of capacity 2, and gives
// the group a queue that keeps every handoff until someone takes it. People of other groups (the
// tax advisor a consult rule names) stay.
func drillConfig(doc map[string]any, agentsURL string) {
	var agents []any
	for _, a := range doc["agents"].([]any) {
		m := a.(map[string]any)
		groups, _ := m["groups"].([]any)
		if m["kind"] != string(handoff.KindHuman) || !slices.Contains(groups, any("human_agent")) {
			agents = append(agents, m)
		}
	}
	for i := 1; i <= drillPeople; i++ {
		id := fmt.Sprintf("p%d", i)
		agents = append(agents, map[string]any{"id": id, "kind": "human", "groups": []any{"human_agent"}, "capacity": drillCapacity,
			"skills": map[string]any{"seller": 5}, "notify_url": agentsURL + "/agents/" + id + "/notify"})
	}
	doc["agents"] = agents
	doc["queues"] = []any{map[string]any{"group": "human_agent", "max_wait": "1h", "aging_every": drillAging.String(),
		"priority": map[string]any{"vip": 50, "value_per": 100000, "value_max": 5}}}
}

// drillInput is conversation i: a chat, an email (every third) or a call (every tenth); a VIP
// every seventh; an opportunity value that adds 0 to 5 points.
func drillInput(t *testing.T, i int) handoff.Input {
	in := testenv.Sample(t, "seller-distress.json")
	in.ConversationID = fmt.Sprintf("drill-%03d", i)
	switch {
	case i%10 == 0:
		in.Channel = "voice"
	case i%3 == 0:
		in.Channel = "email"
	default:
		in.Channel = "chat"
	}
	if in.Signals == nil {
		in.Signals = map[string]any{}
	}
	in.Signals["vip_customer"] = i%7 == 0
	in.BusinessContext.OpportunityValue = float64((i * 37 % 6) * 100000)
	return in
}

// TestQueueServesThreeHundredInOrderWithinCapacity: 300 handoffs wait for 5 people of capacity 2,
// who come online, accept and release through the API. Every handoff is served (none lost),
// each was first offered in priority-then-age order among those waiting, and nobody ever held
// more than their capacity, calls taking the whole person and emails half.
func TestQueueServesThreeHundredInOrderWithinCapacity(t *testing.T) {
	if testing.Short() {
		t.Skip("300 handoffs through the dev server take a minute or two")
	}
	const total = 300
	e := testenv.Start(t, testenv.Options{Edit: drillConfig, Handoff: map[string]any{
		"offer_timeout": "60s", "monitoring_window": "1s", "pingpong": map[string]any{"max_handoffs": 0},
		"initial_presence": "offline", "reservation_lease": "10m"}})
	ctx := context.Background()
	people := make([]string, drillPeople)
	for i := range people {
		people[i] = fmt.Sprintf("p%d", i+1)
		if code, body := e.Do(t, "POST", "/v1/agents/"+people[i]+"/presence", people[i], map[string]string{"presence": "offline"}); code != 200 {
			t.Fatalf("%s offline: %d %s", people[i], code, body)
		}
	}
	began := time.Now()
	// Every handoff starts through the API, as its source bot, and waits: nobody is online.
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i := range total {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			in := drillInput(t, i)
			if code, body := e.Do(t, "POST", "/v1/handoffs", in.SourceAgent, in); code != 201 {
				t.Errorf("start %s: %d %s", in.ConversationID, code, body)
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	waitQueue(t, e, "all waiting", time.Minute, func(st handoff.QueueStats) bool { return st.Waiting == total })
	t.Logf("%d handoffs waiting after %s", total, time.Since(began).Round(time.Millisecond))

	// The people come online, take every offer, hold the conversation a moment, release it.
	stop := make(chan struct{})
	var served atomic.Int64
	var overs []string
	var mu sync.Mutex
	var pw sync.WaitGroup
	for k, p := range people {
		pw.Add(1)
		go func() {
			defer pw.Done()
			work(t, e, p, k, stop, &served)
		}()
	}
	// An observer samples every person's load meanwhile.
	pw.Add(1)
	go func() {
		defer pw.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(25 * time.Millisecond):
			}
			for _, p := range people {
				st, err := e.Service.AgentState(ctx, p)
				if err == nil && !handoff.Fits(st.Load(), 0, drillCapacity) {
					mu.Lock()
					overs = append(overs, fmt.Sprintf("%s held %g of %d: %+v", p, st.Load(), drillCapacity, st.Reservations))
					mu.Unlock()
				}
			}
		}
	}()
	final := waitQueue(t, e, "all answered", 2*time.Minute, func(st handoff.QueueStats) bool {
		return st.Answered >= total && st.Waiting == 0 && st.Offered == 0
	})
	close(stop)
	pw.Wait()

	// None lost: every handoff completed with one of the people, each was offered from the
	// queue, and nobody holds anything any more.
	states := make([]handoff.State, total)
	for i := range total {
		states[i] = e.WaitFor(t, fmt.Sprintf("drill-%03d", i), time.Minute, "closed", func(s handoff.State) bool { return s.Phase == handoff.PhaseClosed })
		s := states[i]
		if s.Outcome != handoff.OutcomeCompleted || !slices.Contains(people, s.Owner) || len(s.Queues) != 1 || s.Queues[0].FirstOffer == 0 {
			t.Errorf("%s: outcome %s owner %s queues %+v (%s)", s.ConversationID, s.Outcome, s.Owner, s.Queues, s.OutcomeReason)
		}
	}
	for _, p := range people {
		st, err := e.Service.AgentState(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if st.MaxLoad > drillCapacity || st.Active() != 0 {
			t.Errorf("%s: most ever held %g (capacity %d), still holds %+v", p, st.MaxLoad, drillCapacity, st.Reservations)
		}
	}
	for _, o := range overs {
		t.Error("over capacity: " + o)
	}
	checkOrder(t, states)

	// What the customers waited, and the queue's own figures.
	var waits []float64
	for _, s := range states {
		w := s.Queues[0]
		waits = append(waits, w.FirstOfferAt.Sub(w.EnqueuedAt).Seconds())
	}
	sort.Float64s(waits)
	pct := func(p float64) float64 { return waits[int(p*float64(len(waits)-1))] }
	sl := "-"
	if final.ServiceLevel != nil {
		sl = fmt.Sprintf("%.1f%% within %s", 100**final.ServiceLevel, final.ServiceLevelThreshold)
	}
	t.Logf("%d handoffs to %d people of capacity %d served in %s (%d releases); first offer after waiting p50 %.1fs, p90 %.1fs, max %.1fs; queue: answered %d, average answer %.1fs, service level %s",
		total, drillPeople, drillCapacity, time.Since(began).Round(time.Second), served.Load(), pct(0.5), pct(0.9), waits[len(waits)-1],
		final.Answered, final.AverageAnswerSeconds, sl)
}

// work is one person: online, then every offer in their list accepted, and every conversation
// they hold as assigned released after a moment. Releases follow what the person holds, not
// the accepts' answers: on a loaded machine an accept may answer 504 and still have happened,
// and the conversation must not be left held. A failed accept is tried again while the offer
// is still listed.
func work(t *testing.T, e *testenv.Env, p string, k int, stop <-chan struct{}, served *atomic.Int64) {
	rng := rand.New(rand.NewPCG(uint64(k), 7))
	if code, body := e.Do(t, "POST", "/v1/agents/"+p+"/presence", p, map[string]string{"presence": "online"}); code != 200 {
		t.Errorf("%s online: %d %s", p, code, body)
		return
	}
	accepted, releasing := map[string]bool{}, map[string]bool{}
	var lastSweep time.Time
	for {
		select {
		case <-stop:
			return
		case <-time.After(20 * time.Millisecond):
		}
		var offers service.Offers
		if code, body := e.Do(t, "GET", "/v1/agents/"+p+"/offers", p, nil); code == 200 && decode(body, &offers) == nil {
			for _, o := range offers.Offers {
				if accepted[o.ConversationID] {
					continue
				}
				if code, body := e.Do(t, "POST", "/v1/handoffs/"+o.ConversationID+"/accept", p, nil); code != 200 {
					t.Logf("%s accepting %s: %d %s", p, o.ConversationID, code, body)
					continue
				}
				accepted[o.ConversationID] = true
			}
		}
		if time.Since(lastSweep) < 200*time.Millisecond {
			continue
		}
		lastSweep = time.Now()
		st, err := e.Service.AgentState(context.Background(), p)
		if err != nil {
			continue
		}
		for _, r := range st.Reservations {
			if r.State != handoff.ReservationAssigned || releasing[r.ConversationID] {
				continue
			}
			releasing[r.ConversationID] = true
			go release(t, e, p, r.ConversationID, time.Duration(50+rng.IntN(250))*time.Millisecond, served)
		}
	}
}

// release lets the person hold the conversation a moment, then releases it; a 409 (not yet
// assigned: the source lets go first) or a 5xx (a loaded server) is tried again.
func release(t *testing.T, e *testenv.Env, p, conv string, hold time.Duration, served *atomic.Int64) {
	time.Sleep(hold)
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		code, body := e.Do(t, "POST", "/v1/agents/"+p+"/release", p, map[string]string{"conversation_id": conv, "disposition": "resolved"})
		switch {
		case code == 200:
			served.Add(1)
			return
		case code != 409 && code < 500:
			t.Errorf("%s releasing %s: %d %s", p, conv, code, body)
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Errorf("%s could not release %s within two minutes", p, conv)
}

// checkOrder checks that every handoff was first offered in priority-then-age order: when one
// was first offered, no handoff that had joined the line before that moment and ranked ahead of
// it (effective priority with aging, then age) was still waiting for its first offer.
func checkOrder(t *testing.T, states []handoff.State) {
	t.Helper()
	entry := func(s handoff.State) handoff.QueueEntry {
		w := s.Queues[0]
		return handoff.QueueEntry{HandoffID: s.ConversationID, Priority: w.Priority, EnqueuedAt: w.EnqueuedAt, Seq: w.Seq,
			AgingSeconds: int(drillAging / time.Second)}
	}
	violations := 0
	for _, b := range states {
		wb := b.Queues[0]
		at := wb.FirstOfferAt
		for _, a := range states {
			wa := a.Queues[0]
			if a.ConversationID == b.ConversationID || !wa.EnqueuedAt.Before(at) || wa.FirstOffer < wb.FirstOffer {
				continue
			}
			if handoff.Ahead(entry(a), entry(b), at) {
				violations++
				if violations <= 10 {
					t.Errorf("%s (priority %d, joined %s) was offered at %s while %s (priority %d, joined %s) waited: it ranked ahead",
						b.ConversationID, entry(b).Effective(at), wb.EnqueuedAt.Format("15:04:05.000"), at.Format("15:04:05.000"),
						a.ConversationID, entry(a).Effective(at), wa.EnqueuedAt.Format("15:04:05.000"))
				}
			}
		}
	}
	if violations > 0 {
		t.Errorf("%d offers out of priority-then-age order", violations)
	}
}

// waitQueue polls human_agent's statistics until ok. It fails once the queue's counts have not
// moved for stall: a loaded machine may take many minutes over 300 handoffs, but a queue that
// makes no progress at all is stuck.
func waitQueue(t *testing.T, e *testenv.Env, what string, stall time.Duration, ok func(handoff.QueueStats) bool) handoff.QueueStats {
	t.Helper()
	began := time.Now()
	deadline := began.Add(stall)
	var last handoff.QueueStats
	moved := func(st handoff.QueueStats) bool {
		return st.Waiting != last.Waiting || st.Offered != last.Offered || st.Answered != last.Answered || st.Left != last.Left
	}
	for time.Now().Before(deadline) {
		st, err := e.Service.QueueStats(context.Background(), "human_agent")
		if err == nil {
			if ok(st) {
				return st
			}
			if moved(st) {
				deadline = time.Now().Add(stall)
			}
			last = st
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("queue: not %s after %s, its counts unmoved for %s; last %+v", what, time.Since(began).Round(time.Second), stall, last)
	return last
}

func decode(body []byte, v any) error { return json.Unmarshal(body, v) }

// TestQueuedHandoffHearsItsPlaceAndGoesToTheFirstPersonOnline is the example's queue on the dev
// server: with nobody of human_agent online a seller's handoff waits; the seller bot tells the
// customer their place; maria comes online and is offered it at once; her release starts her
// wrap-up. With HANDOFF_RECORD_HISTORIES=1 it records the handoff's, the queue's and maria's
// histories for the replay test.
func TestQueuedHandoffHearsItsPlaceAndGoesToTheFirstPersonOnline(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Queues: true, Handoff: map[string]any{"offer_timeout": "30s", "monitoring_window": "1s"},
		Edit: func(doc map[string]any, _ string) {
			q := doc["queues"].([]any)[0].(map[string]any)
			q["position_every"] = "10s"
		}})
	ctx := context.Background()
	for _, p := range []string{"maria", "james", "sam"} {
		if _, err := e.Service.SetPresence(ctx, p, handoff.PresenceInput{Presence: handoff.PresenceOffline}); err != nil {
			t.Fatal(err)
		}
	}
	in := testenv.Sample(t, "seller-distress.json")
	if _, err := e.Service.Start(ctx, in); err != nil {
		t.Fatal(err)
	}
	st := e.WaitFor(t, in.ConversationID, 30*time.Second, "a position message", func(s handoff.State) bool {
		return s.Phase == handoff.PhaseQueued && len(s.Queues) == 1 && s.Queues[0].Announced >= 1
	})
	w := st.Queues[0]
	if w.Group != "human_agent" || w.Position != 1 || w.Priority != 20 || w.Seq != 1 {
		t.Fatalf("wait %+v, want the first in line with the urgent rule's 20", w)
	}
	var told []handoff.Delivery
	for _, d := range e.Agents.Deliveries(in.SourceAgent) {
		if d.Delivery.Type == handoff.DeliveryQueuePosition {
			told = append(told, d.Delivery)
		}
	}
	if len(told) == 0 || told[0].Queue == nil || told[0].Queue.Position != 1 || told[0].Message[:19] != "You're next in line" {
		t.Fatalf("position messages to the seller bot: %+v", told)
	}
	stats, err := e.Service.QueueStats(ctx, "human_agent")
	if err != nil || stats.Waiting != 1 || stats.PeopleOnline != 0 {
		t.Fatalf("stats %+v, %v", stats, err)
	}
	if _, err := e.Service.SetPresence(ctx, "maria", handoff.PresenceInput{Presence: handoff.PresenceOnline}); err != nil {
		t.Fatal(err)
	}
	st = e.WaitFor(t, in.ConversationID, 30*time.Second, "an offer to maria", func(s handoff.State) bool {
		return s.CurrentOffer != nil && s.CurrentOffer.Agent == "maria"
	})
	if _, err := e.Service.Accept(ctx, in.ConversationID, handoff.AnswerInput{AgentID: "maria"}); err != nil {
		t.Fatal(err)
	}
	st = e.WaitFor(t, in.ConversationID, 30*time.Second, "closed", closedPhase)
	if st.Outcome != handoff.OutcomeCompleted || st.Owner != "maria" || st.Queues[0].Left != "accepted" || st.Queues[0].FirstOffer != 1 {
		t.Fatalf("outcome %s owner %s wait %+v", st.Outcome, st.Owner, st.Queues[0])
	}
	ags, err := e.Service.Release(ctx, "maria", handoff.ReleaseInput{ConversationID: in.ConversationID, Disposition: "listing_signed"})
	if err != nil {
		t.Fatal(err)
	}
	if ags.Active() != 1 || ags.Reservations[0].State != handoff.ReservationWrapUp || ags.Dispositions[0].Code != "listing_signed" {
		t.Fatalf("maria after her release: %+v", ags)
	}
	// The queue hears of maria's release from her own workflow, after the release has
	// returned: the stats may still read her busy for a moment, so the wait covers her state.
	stats = waitQueue(t, e, "answered, maria in wrap-up", 30*time.Second, func(s handoff.QueueStats) bool {
		return s.Answered == 1 && len(s.People) > 0 && s.People[0].State == "wrap_up"
	})
	if stats.People[0].Agent != "maria" {
		t.Errorf("maria in the stats: %+v", stats.People[0])
	}
	recordHistory(t, e, in.ConversationID, "seller-distress-queued")
	recordWorkflowHistory(t, e, handoff.QueueWorkflowID("human_agent"), "", "queue-human-agent")
	recordWorkflowHistory(t, e, handoff.AgentWorkflowID("maria"), "", "agent-maria-wrap-up")
}
