package faults_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/devagents"
	"github.com/handoffhq/orchestrator/starter/service"
)

// Queues move ownership and capacity too: handoffs wait in human_agent's queue, then drain to
// the people as they come online, while the worker is killed with SIGKILL again and again.

// fleet samples the owners of many conversations at once, reading the people's state once per
// sample for all of them (a ledger each would read it once per conversation).
type fleet struct {
	e       *testenv.Env
	mu      sync.Mutex
	ledgers map[string]*ledger
	stop    chan struct{}
	done    chan struct{}
}

func watchFleet(e *testenv.Env, convs []string, source string) *fleet {
	return watchFleetEvery(e, convs, source, 20*time.Millisecond)
}

// watchFleetEvery samples every interval; conversations can join later (add).
func watchFleetEvery(e *testenv.Env, convs []string, source string, every time.Duration) *fleet {
	f := &fleet{e: e, ledgers: map[string]*ledger{}, stop: make(chan struct{}), done: make(chan struct{})}
	for _, c := range convs {
		f.add(c, source)
	}
	go func() {
		defer close(f.done)
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-f.stop:
				return
			case <-tick.C:
			}
			assigned, ok := readAssigned(e)
			f.mu.Lock()
			var byConv map[string][]devagents.Received
			if ok && len(f.ledgers) > 0 {
				byConv = botDeliveries(e)
			}
			for _, l := range f.ledgers {
				if ok {
					l.record(l.ownersFrom(assigned, byConv[l.conv]), true)
				} else {
					l.record(nil, false)
				}
			}
			f.mu.Unlock()
		}
	}()
	return f
}

// add starts sampling one more conversation.
func (f *fleet) add(conv, source string) {
	l := newLedger(f.e, conv, source)
	close(l.done) // sampled by the fleet, not by a goroutine of its own
	f.mu.Lock()
	f.ledgers[conv] = l
	f.mu.Unlock()
}

// finish stops sampling one conversation and checks its ledger.
func (f *fleet) finish(t *testing.T, conv string, st handoff.State) {
	t.Helper()
	f.mu.Lock()
	l := f.ledgers[conv]
	delete(f.ledgers, conv)
	f.mu.Unlock()
	l.finish(t, st)
}

func (f *fleet) close() {
	close(f.stop)
	<-f.done
}

// TestQueueFaults: six handoffs wait while nobody of human_agent is online; the worker is
// killed while they wait, while the first offers are open, and while the queue drains. Each
// conversation has one owner at every sample and the right one at the end, no message reaches
// the customer twice, and once the people release what they took nobody holds anything.
func TestQueueFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("the fault suite kills and restarts the worker; it runs in make test and make faults")
	}
	r := newRigWith(t, testenv.Options{Handoff: map[string]any{
		"offer_timeout": "60s", "monitoring_window": "3s", "http_timeout": "1s", "pingpong": map[string]any{"max_handoffs": 0},
	}, Edit: func(doc map[string]any, _ string) {
		doc["queues"] = []any{map[string]any{"group": "human_agent", "max_wait": "5m", "position_every": "10s"}}
	}})
	ctx := context.Background()
	for _, p := range people {
		if code, body := r.e.Do(t, "POST", "/v1/agents/"+p+"/presence", p, map[string]string{"presence": "offline"}); code != 200 {
			t.Fatalf("%s offline: %d %s", p, code, body)
		}
	}
	var convs []string
	for i := range 6 {
		convs = append(convs, fmt.Sprintf("f-queue-%d", i))
	}
	fl := watchFleet(r.e, convs, "jorge_seller_bot")
	defer fl.close()
	for _, c := range convs {
		r.startHandoff(t, seller(t, c))
	}
	r.waitQueue(t, "all six waiting", func(st handoff.QueueStats) bool { return st.Waiting == 6 })

	// Killed while they wait: the queue and the handoffs come back with the line as it was.
	r.kill()
	r.start()
	r.waitQueue(t, "the line back after the kill", func(st handoff.QueueStats) bool { return st.Waiting == 6 })

	// maria comes online; killed while her first offers are open.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	r.online(t, "maria")
	r.waitOffer(t, "maria")
	r.kill()
	r.start()
	for _, p := range []string{"maria", "james"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.acceptEverything(t, p, stop)
		}()
	}
	r.online(t, "james")

	// Each handoff is checked as it closes, and its owner then releases it so the queue goes
	// on draining; killed once more after the third.
	closed := map[string]handoff.State{}
	killed := false
	deadline := time.Now().Add(4 * within)
	for len(closed) < len(convs) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d handoffs closed within %s", len(closed), len(convs), 4*within)
		}
		for _, c := range convs {
			if _, ok := closed[c]; ok {
				continue
			}
			qctx, cancel := context.WithTimeout(ctx, 2*time.Second)
			st, err := r.e.Service.Status(qctx, c)
			cancel()
			if err != nil || st.Phase != handoff.PhaseClosed {
				continue
			}
			closed[c] = st
			expectOutcome(t, st, handoff.OutcomeCompleted, st.Owner)
			if st.Owner != "maria" && st.Owner != "james" || len(st.Queues) != 1 || st.Queues[0].Left != "accepted" {
				t.Errorf("%s: owner %s, queues %+v", c, st.Owner, st.Queues)
			}
			fl.finish(t, c, st)
			if visible, _, what := duplicates(r.e, c); visible > 0 {
				t.Errorf("%s: %d message(s) the customer would see twice: %v", c, visible, what)
			}
			r.release(t, st.Owner, c)
		}
		if len(closed) >= 3 && !killed {
			killed = true
			r.kill()
			r.start()
		}
		time.Sleep(100 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	st := r.waitQueue(t, "drained", func(st handoff.QueueStats) bool { return st.Waiting == 0 && st.Offered == 0 && st.Answered == 6 })
	for _, p := range people {
		ags, err := r.e.Service.AgentState(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if ags.Active() != 0 || ags.MaxLoad > float64(max(ags.Capacity, 1)) {
			t.Errorf("%s holds %+v at the end (most ever %g of %d)", p, ags.Reservations, ags.MaxLoad, ags.Capacity)
		}
	}
	t.Logf("queue after the drain: answered %d, left %d, average answer %.1fs", st.Answered, st.Left, st.AverageAnswerSeconds)
}

func (r *rig) online(t *testing.T, p string) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		code, body := r.e.Do(t, "POST", "/v1/agents/"+p+"/presence", p, map[string]string{"presence": "online"})
		switch {
		case code == 200:
			return
		case (code == 503 || code == 504) && time.Now().Before(deadline):
			continue
		}
		t.Fatalf("%s online: %d %s", p, code, body)
	}
}

// waitOffer waits until the person has an open offer.
func (r *rig) waitOffer(t *testing.T, p string) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		var offers service.Offers
		if code, body := r.e.Do(t, "GET", "/v1/agents/"+p+"/offers", p, nil); code == 200 && jsonDecode(body, &offers) == nil && len(offers.Offers) > 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no offer reached %s", p)
}

// acceptEverything is a person accepting every offer in their list until stop, retrying an
// accept that meets a restarting worker (the same accept again is safe).
func (r *rig) acceptEverything(t *testing.T, p string, stop <-chan struct{}) {
	answered := map[string]bool{}
	for {
		select {
		case <-stop:
			return
		case <-time.After(50 * time.Millisecond):
		}
		var offers service.Offers
		if code, body := r.e.Do(t, "GET", "/v1/agents/"+p+"/offers", p, nil); code != 200 || jsonDecode(body, &offers) != nil {
			continue
		}
		for _, o := range offers.Offers {
			if answered[o.ConversationID] {
				continue
			}
			code, body := r.e.Do(t, "POST", "/v1/handoffs/"+o.ConversationID+"/accept", p, nil)
			switch {
			case code == 200:
				answered[o.ConversationID] = true
			case code == 503 || code == 504 || code == 409:
				// A restarting worker, or an offer withdrawn meanwhile: looked at again.
			default:
				t.Errorf("%s accepting %s: %d %s", p, o.ConversationID, code, body)
			}
		}
	}
}

// release is the owner finishing the conversation, retried while the worker restarts.
func (r *rig) release(t *testing.T, p, conv string) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		code, body := r.e.Do(t, "POST", "/v1/agents/"+p+"/release", p, map[string]string{"conversation_id": conv})
		switch {
		case code == 200:
			return
		case slices.Contains([]int{409, 503, 504}, code):
			time.Sleep(100 * time.Millisecond)
		default:
			t.Fatalf("%s releasing %s: %d %s", p, conv, code, body)
		}
	}
	t.Fatalf("%s could not release %s", p, conv)
}

func (r *rig) waitQueue(t *testing.T, what string, ok func(handoff.QueueStats) bool) handoff.QueueStats {
	t.Helper()
	deadline := time.Now().Add(within)
	var last handoff.QueueStats
	var err error
	for time.Now().Before(deadline) {
		qctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		last, err = r.e.Service.QueueStats(qctx, "human_agent")
		cancel()
		if err == nil && ok(last) {
			return last
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("queue not %s within %s: %+v (%v)", what, within, last, err)
	return last
}

func jsonDecode(body []byte, v any) error { return json.Unmarshal(body, v) }
