package faults_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/devagents"
)

// people are the example roster's persons who take handoffs (the tax advisor only advises in
// consultations); everyone else in it is a bot or specialist.
var people = []string{"maria", "james", "sam"}

// ledger watches who owns one conversation while a scenario runs. A bot owns what it was told
// it owns: the source from the start until it is told to let go, and again when given the
// customer back; a target from its transfer until told to stand down. A person owns what is
// assigned to them in their entity workflow (what their console and `starter agent` show).
// Agents whose endpoints are down for the scenario serve nobody and are not counted.
type ledger struct {
	e      *testenv.Env
	conv   string
	source string
	dead   map[string]bool

	stop chan struct{}
	done chan struct{}

	mu               sync.Mutex
	samples          int
	unobservable     int
	maxOwners        int
	overlaps         []string
	ownerlessSince   time.Time
	longestOwnerless time.Duration
}

func newLedger(e *testenv.Env, conv, source string, dead ...string) *ledger {
	l := &ledger{e: e, conv: conv, source: source, dead: map[string]bool{}, stop: make(chan struct{}), done: make(chan struct{})}
	for _, a := range dead {
		l.dead[a] = true
	}
	return l
}

// watch starts sampling the conversation's owners every 20 ms until finish.
func watch(e *testenv.Env, conv, source string, dead ...string) *ledger {
	l := newLedger(e, conv, source, dead...)
	go func() {
		defer close(l.done)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-l.stop:
				return
			case <-tick.C:
				l.sample()
			}
		}
	}()
	return l
}

// revive counts an agent that was down as a party again.
func (l *ledger) revive(agent string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.dead, agent)
}

func (l *ledger) sample() {
	owners, ok := l.owners()
	l.record(owners, ok)
}

// record counts one sample of the owners.
func (l *ledger) record(owners []string, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !ok {
		// A person's entity workflow cannot be read while no worker runs: this moment cannot
		// be observed, and it is not counted either way.
		l.unobservable++
		return
	}
	l.samples++
	now := time.Now()
	if len(owners) > l.maxOwners {
		l.maxOwners = len(owners)
	}
	if len(owners) > 1 && len(l.overlaps) < 5 {
		l.overlaps = append(l.overlaps, fmt.Sprintf("%s: %v", now.Format("15:04:05.000"), owners))
	}
	if len(owners) == 0 {
		if l.ownerlessSince.IsZero() {
			l.ownerlessSince = now
		}
		l.longestOwnerless = max(l.longestOwnerless, now.Sub(l.ownerlessSince))
	} else {
		l.ownerlessSince = time.Time{}
	}
}

// owners is who owns the conversation now; ok is false when a person's state could not be read.
func (l *ledger) owners() ([]string, bool) {
	// People are read first, bots after: a person is assigned only after the source let go,
	// so whatever assignment this reads, the release before it is in the deliveries read next.
	// (The reverse order could see an assignment made after the deliveries were read, and
	// report an overlap that never was.)
	assigned, ok := readAssigned(l.e)
	if !ok {
		return nil, false
	}
	return l.ownersGiven(assigned), true
}

// readAssigned reads, for each person, the conversations assigned to them.
func readAssigned(e *testenv.Env) (map[string][]string, bool) {
	out := map[string][]string{}
	for _, p := range people {
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		st, err := e.Service.AgentState(ctx, p)
		cancel()
		if err != nil {
			return nil, false
		}
		out[p] = []string{}
		for _, r := range st.Reservations {
			if r.State == handoff.ReservationAssigned {
				out[p] = append(out[p], r.ConversationID)
			}
		}
	}
	return out, true
}

// ownersGiven is who owns the conversation, given what people were read to hold.
func (l *ledger) ownersGiven(assigned map[string][]string) []string {
	return l.ownersFrom(assigned, l.deliveries())
}

// ownersFrom is ownersGiven with the conversation's deliveries to bots already read, in the
// order they arrived (a fleet reads everyone's once per sample).
func (l *ledger) ownersFrom(assigned map[string][]string, deliveries []devagents.Received) []string {
	held := map[string]bool{}
	for p, convs := range assigned {
		held[p] = slices.Contains(convs, l.conv)
	}
	held[l.source] = true
	for _, d := range deliveries {
		switch d.Delivery.Type {
		case handoff.DeliveryTransferred:
			// Sent to the source it means "let go"; sent to the target, "it is yours".
			held[d.Agent] = d.Agent != d.Delivery.From
		case handoff.DeliveryFallback:
			held[d.Agent] = true
		case handoff.DeliveryStandDown:
			held[d.Agent] = false
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for a, yes := range held {
		if yes && !l.dead[a] {
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// deliveries are the conversation's deliveries to bots, in the order they arrived. People's
// notifications are left out: what a person owns is what is assigned to them.
func (l *ledger) deliveries() []devagents.Received {
	return botDeliveries(l.e)[l.conv]
}

// botDeliveries are the deliveries to bots by conversation, each in the order they arrived.
func botDeliveries(e *testenv.Env) map[string][]devagents.Received {
	out := map[string][]devagents.Received{}
	for _, ag := range e.Cfg.Agents {
		if ag.Kind.IsPerson() {
			continue
		}
		for _, d := range e.Agents.Deliveries(ag.ID) {
			out[d.Delivery.ConversationID] = append(out[d.Delivery.ConversationID], d)
		}
	}
	for _, all := range out {
		sort.SliceStable(all, func(i, j int) bool { return all[i].At.Before(all[j].At) })
	}
	return out
}

// finish stops sampling and checks the promise against the handoff's final state: never two
// owners, the state's owner alone at the end, and nothing of the conversation held by anyone
// but a person who owns it.
func (l *ledger) finish(t *testing.T, st handoff.State) {
	t.Helper()
	close(l.stop)
	<-l.done
	l.sample()
	// Under load a person's state may take longer than a sample's half second to read.
	owners, ok := l.owners()
	for deadline := time.Now().Add(15 * time.Second); !ok && time.Now().Before(deadline); {
		time.Sleep(200 * time.Millisecond)
		owners, ok = l.owners()
	}
	if !ok {
		t.Fatal("final owners could not be read")
	}
	// The final read is an observation too: a short scenario whose every sample fell while a
	// restarted worker was still replaying the people's workflows is judged on it.
	l.record(owners, true)
	states := map[string]handoff.AgentState{}
	for _, p := range people {
		ags, err := l.e.Service.AgentState(context.Background(), p)
		if err != nil {
			t.Fatalf("state of %s: %v", p, err)
		}
		states[p] = ags
	}
	l.check(t, st, owners, states)
}

// check is finish's verdict, given the owners at the end and the people's states.
func (l *ledger) check(t *testing.T, st handoff.State, owners []string, states map[string]handoff.AgentState) {
	t.Helper()
	l.mu.Lock()
	samples, unobservable, maxOwners, longest, overlaps := l.samples, l.unobservable, l.maxOwners, l.longestOwnerless, l.overlaps
	l.mu.Unlock()
	t.Logf("ownership: %d samples (%d unobservable while no worker ran), at most %d owner(s) at once, longest without an owner %s",
		samples, unobservable, maxOwners, longest.Round(10*time.Millisecond))
	if samples == 0 {
		t.Fatal("the ledger observed nothing")
	}
	if maxOwners > 1 {
		t.Errorf("two owners at once: %v", overlaps)
	}
	want := st.Owner
	l.mu.Lock()
	if l.dead[want] {
		want = ""
	}
	l.mu.Unlock()
	if strings.Join(owners, ",") != want {
		t.Errorf("owners at the end %v, want %q (outcome %s: %s)", owners, want, st.Outcome, st.OutcomeReason)
	}
	for _, p := range people {
		for _, r := range states[p].Reservations {
			if r.ConversationID == l.conv && (p != st.Owner || r.State != handoff.ReservationAssigned) {
				t.Errorf("%s still holds %s of %s (owner %s)", p, r.State, l.conv, st.Owner)
			}
		}
	}
}

// duplicates counts the messages of the conversation that reached an agent more than once
// under different keys: with receivers acting on a key once, those are the ones the customer
// would see twice. Deliveries repeated under the same key are deduplicated by the stand-ins
// and only reported.
func duplicates(e *testenv.Env, conv string) (visible int, deduplicated int, what []string) {
	seen := map[string]map[string]bool{}
	for _, ag := range e.Cfg.Agents {
		deduplicated += e.Agents.Duplicates(ag.ID)
		for _, d := range e.Agents.Deliveries(ag.ID) {
			// A place in line is said again at every interval, in the same words while it
			// holds, by design: each under its own key, never one message twice.
			if d.Delivery.ConversationID != conv || d.Delivery.Message == "" || d.Delivery.Type == handoff.DeliveryQueuePosition {
				continue
			}
			k := d.Agent + " " + string(d.Delivery.Type) + " " + d.Delivery.Message
			if seen[k] == nil {
				seen[k] = map[string]bool{}
			}
			seen[k][d.Key] = true
		}
	}
	for k, keys := range seen {
		if len(keys) > 1 {
			visible += len(keys) - 1
			what = append(what, k)
		}
	}
	return visible, deduplicated, what
}
