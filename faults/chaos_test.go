package faults_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/httpapi"
	"github.com/handoffhq/orchestrator/starter/service"
	"go.temporal.io/api/workflowservice/v1"
)

// Chaos on the PostgreSQL stack (`make chaos`): many handoffs through two real worker
// processes on the stack's Temporal server, in a namespace of their own, while a worker is
// killed with SIGKILL every 10 s and restarted, PostgreSQL is restarted once and the Temporal
// server once. The fleet of ledgers checks every conversation as it closes; the run ends with
// the ledger of the whole: lost handoffs, owners, held capacity, duplicates.
//
// Settings (environment; make chaos sets the first two):
//
//	HANDOFF_CHAOS_TEMPORAL    the stack's Temporal address (unset: the test is skipped)
//	HANDOFF_CHAOS_STACK       the stack's script, run as `SCRIPT restart postgres|temporal`
//	HANDOFF_CHAOS_NAMESPACE   the namespace (chaos)
//	HANDOFF_CHAOS_HANDOFFS    how many handoffs (1000); one in HANDOFF_CHAOS_HUMAN_EVERY (10)
//	                          goes to a person, the others bot to bot
//	HANDOFF_CHAOS_KILL_EVERY  how often a worker is killed (10s)
func TestChaosOnStack(t *testing.T) {
	addr := os.Getenv("HANDOFF_CHAOS_TEMPORAL")
	if addr == "" {
		t.Skip("the chaos run needs the PostgreSQL stack: make chaos")
	}
	script := os.Getenv("HANDOFF_CHAOS_STACK")
	namespace := envOr("HANDOFF_CHAOS_NAMESPACE", "chaos")
	total := envInt(t, "HANDOFF_CHAOS_HANDOFFS", 1000)
	humanEvery := envInt(t, "HANDOFF_CHAOS_HUMAN_EVERY", 10)
	killEvery, err := time.ParseDuration(envOr("HANDOFF_CHAOS_KILL_EVERY", "10s"))
	if err != nil {
		t.Fatalf("HANDOFF_CHAOS_KILL_EVERY: %v", err)
	}

	e := testenv.NewConfig(t, addr, testenv.Options{Handoff: map[string]any{
		"offer_timeout": "60s", "monitoring_window": "3s", "http_timeout": "1s",
		"pingpong": map[string]any{"max_handoffs": 0},
	}, Edit: func(doc map[string]any, _ string) {
		doc["temporal"].(map[string]any)["namespace"] = namespace
	}})
	cl, err := service.Dial(e.Cfg, slog.New(slog.DiscardHandler), false)
	if err != nil {
		t.Fatalf("dial the stack's Temporal at %s: %v", addr, err)
	}
	t.Cleanup(cl.Close)
	e.Client, e.Service = cl, service.New(cl, e.Cfg)
	e.Serve(t, e.Service, httpapi.Options{OpTimeout: 3 * time.Second})
	// The ledgers read every conversation's deliveries at the end: an agent takes a few per
	// handoff (retries and repeats included), and a list cut short would lose who let go.
	e.Agents.KeepDeliveries(20 * total)

	bin := testenv.BuildWorker(t)
	var workersMu sync.Mutex
	workers := make([]*exec.Cmd, 2)
	starts := 0
	startWorker := func(i int) {
		starts++
		workers[i] = testenv.StartWorker(t, bin, e.Cfg.File, fmt.Sprintf("worker-%d-%d", i+1, starts))
	}
	startWorker(0)
	startWorker(1)

	run := strconv.FormatInt(time.Now().Unix(), 36)
	convs := make([]string, total)
	for i := range convs {
		convs[i] = fmt.Sprintf("chaos-%s-%04d", run, i)
	}
	mine := map[string]bool{}
	for _, c := range convs {
		mine[c] = true
	}
	isHuman := func(i int) bool { return humanEvery > 0 && i%humanEvery == humanEvery-1 }
	fl := watchFleetEvery(e, nil, "", 250*time.Millisecond)
	defer fl.close()

	// The faults: a worker killed and restarted every killEvery; PostgreSQL restarted once a
	// quarter of the handoffs have closed, the Temporal server once half have (all start
	// within seconds; closing them is what takes the time).
	var closedCount atomic.Int64
	var kills, pgRestarts, temporalRestarts atomic.Int64
	stopFaults := make(chan struct{})
	faultsDone := make(chan struct{})
	restart := func(what string) {
		if script == "" {
			t.Logf("HANDOFF_CHAOS_STACK unset: %s not restarted", what)
			return
		}
		began := time.Now()
		out, err := exec.Command("bash", script, "restart", what).CombinedOutput()
		if err != nil {
			t.Errorf("restart %s: %v\n%s", what, err, out)
			return
		}
		t.Logf("%s restarted in %s", what, time.Since(began).Round(100*time.Millisecond))
	}
	restartsDone := make(chan struct{})
	go func() {
		defer close(faultsDone)
		tick := time.NewTicker(killEvery)
		defer tick.Stop()
		for n := 0; ; n++ {
			select {
			case <-stopFaults:
				return
			case <-tick.C:
			}
			workersMu.Lock()
			i := n % 2
			_ = workers[i].Process.Kill()
			_, _ = workers[i].Process.Wait()
			kills.Add(1)
			startWorker(i)
			workersMu.Unlock()
		}
	}()
	// The restarts watch the closed count on their own, so a burst of closings between two
	// kills cannot skip one; the run does not end before both are done.
	go func() {
		defer close(restartsDone)
		for _, step := range []struct {
			what  string
			after int
			count *atomic.Int64
		}{{"postgres", total / 4, &pgRestarts}, {"temporal", total / 2, &temporalRestarts}} {
			for int(closedCount.Load()) < step.after {
				select {
				case <-stopFaults:
					return
				case <-time.After(100 * time.Millisecond):
				}
			}
			restart(step.what)
			step.count.Add(1)
		}
	}()

	// The handoffs: started through the API as their source bot, a bot's retry on a timeout
	// or an unavailable service being the same request again (the start is idempotent).
	// People accept every offer they get, and release what they took once it closed.
	began := time.Now()
	stopAccepting := make(chan struct{})
	acceptDone := make(chan struct{})
	go func() {
		defer close(acceptDone)
		acceptOffers(e, stopAccepting)
	}()
	var wg sync.WaitGroup
	slots := make(chan struct{}, 16)
	startFailed := map[string]string{}
	var mu sync.Mutex
	for i, conv := range convs {
		in := lead(t, conv)
		if isHuman(i) {
			in = seller(t, conv)
		}
		slots <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			fl.add(conv, in.SourceAgent)
			if err := retry(2*time.Minute, func() error {
				status, body, err := call(e, "POST", "/v1/handoffs", in.SourceAgent, in)
				return expect(status, body, err, 200, 201)
			}); err != nil {
				mu.Lock()
				startFailed[conv] = err.Error()
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	startedIn := time.Since(began)

	// Every handoff closes with exactly one owner; each is checked as it does.
	results := map[string]handoff.State{}
	deadline := time.Now().Add(closeWithin)
	for len(results)+len(startFailed) < total && time.Now().Before(deadline) {
		// Visibility says which runs ended (a query to every running handoff would keep the
		// workers busy answering); each is queried once, for its final state.
		closed := map[string]handoff.State{}
		for _, conv := range endedSince(t, e, began) {
			if _, done := results[conv]; done || startFailed[conv] != "" || !mine[conv] {
				continue
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			st, err := e.Service.Status(ctx, conv)
			cancel()
			if err != nil || st.Phase != handoff.PhaseClosed {
				continue
			}
			results[conv], closed[conv] = st, st
		}
		closedCount.Store(int64(len(results)))
		fl.finishBatch(t, closed)
		for conv, st := range closed {
			if st.Owner == "maria" || st.Owner == "james" || st.Owner == "sam" {
				if err := retry(time.Minute, func() error {
					status, body, err := call(e, "POST", "/v1/agents/"+st.Owner+"/release", st.Owner,
						map[string]string{"conversation_id": conv})
					return expect(status, body, err, 200)
				}); err != nil {
					t.Errorf("%s releasing %s: %v", st.Owner, conv, err)
				}
			}
		}
		time.Sleep(time.Second)
	}
	if int(closedCount.Load()) >= total/2 {
		<-restartsDone
	}
	close(stopFaults)
	<-faultsDone
	<-restartsDone
	close(stopAccepting)
	<-acceptDone
	closedIn := time.Since(began)

	// The ledger.
	outcomes := map[handoff.Outcome]int{}
	ownerless := 0
	for _, st := range results {
		outcomes[st.Outcome]++
		if st.Owner == "" {
			ownerless++
		}
	}
	lost := total - len(results) - len(startFailed)
	visible, deduplicated := 0, 0
	for _, ag := range e.Cfg.Agents {
		deduplicated += e.Agents.Duplicates(ag.ID)
	}
	for _, conv := range convs {
		v, _, what := duplicates(e, conv)
		if v > 0 {
			visible += v
			t.Errorf("%s: %d message(s) the customer would see twice: %v", conv, v, what)
		}
	}
	held := 0
	for _, p := range people {
		// A release frees the slot after the wrap-up; what matters is that nothing is left.
		var ags handoff.AgentState
		if err := retry(time.Minute, func() error {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			var err error
			ags, err = e.Service.AgentState(ctx, p)
			if err == nil && ags.Active() != 0 {
				err = fmt.Errorf("holds %d", ags.Active())
			}
			return err
		}); err != nil {
			held += ags.Active()
			t.Errorf("%s still holds %+v: %v", p, ags.Reservations, err)
		}
	}
	t.Logf(`chaos ledger (namespace %s on %s):
  handoffs started          %d (%d to a person), all started in %s, all closed in %s
  closed                    %d   lost %d   start never accepted %d
  outcomes                  %v
  owner at the end          exactly one for %d, none for %d (the ledgers sampled every conversation every 250 ms)
  faults                    %d worker SIGKILLs (every %s), %d PostgreSQL restart, %d Temporal server restart
  reservations left held    %d
  duplicates                %d deliveries repeated under the same Idempotency-Key (deduplicated by the receivers), %d messages a customer would see twice`,
		namespace, addr, total, countHuman(total, humanEvery), startedIn.Round(time.Second), closedIn.Round(time.Second),
		len(results), lost, len(startFailed), outcomes, len(results)-ownerless, ownerless,
		kills.Load(), killEvery, pgRestarts.Load(), temporalRestarts.Load(), held, deduplicated, visible)
	if lost > 0 {
		t.Errorf("%d started handoffs did not close within %s", lost, closeWithin)
	}
	if len(startFailed) > 0 {
		t.Errorf("%d handoffs could not be started within 2 minutes: %v", len(startFailed), startFailed)
	}
	if ownerless > 0 {
		t.Errorf("%d handoffs closed without an owner", ownerless)
	}
	if script != "" && (pgRestarts.Load() != 1 || temporalRestarts.Load() != 1) {
		t.Errorf("PostgreSQL restarted %d times and Temporal %d times, want once each: the run was shorter than the faults", pgRestarts.Load(), temporalRestarts.Load())
	}
}

// endedSince lists the conversations whose handoff runs started since began and have ended.
func endedSince(t *testing.T, e *testenv.Env, began time.Time) []string {
	t.Helper()
	query := fmt.Sprintf("WorkflowType = '%s' AND ExecutionStatus != 'Running' AND StartTime >= '%s'",
		handoff.WorkflowName, began.Add(-time.Minute).UTC().Format(time.RFC3339))
	var out []string
	var token []byte
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		resp, err := e.Client.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: e.Cfg.Temporal.Namespace, Query: query, PageSize: 1000, NextPageToken: token,
		})
		cancel()
		if err != nil {
			t.Logf("listing ended handoffs: %v", err)
			return out
		}
		for _, ex := range resp.GetExecutions() {
			out = append(out, strings.TrimPrefix(ex.GetExecution().GetWorkflowId(), handoff.WorkflowIDPrefix))
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			return out
		}
	}
}

// closeWithin bounds the wait for every handoff of the chaos run to close.
const closeWithin = 20 * time.Minute

// finishBatch checks the ledgers of conversations that closed, on one read of the people and
// the deliveries for all of them (each ledger's own finish reads them once per conversation).
func (f *fleet) finishBatch(t *testing.T, closed map[string]handoff.State) {
	t.Helper()
	if len(closed) == 0 {
		return
	}
	// What each person holds, read with the patience of a loaded machine (a sample's half
	// second is too short while the workers replay after a kill); the assignments are in it.
	assigned := map[string][]string{}
	states := map[string]handoff.AgentState{}
	if err := retry(3*time.Minute, func() error {
		for _, p := range people {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			st, err := f.e.Service.AgentState(ctx, p)
			cancel()
			if err != nil {
				return fmt.Errorf("state of %s: %w", p, err)
			}
			states[p] = st
			assigned[p] = []string{}
			for _, r := range st.Reservations {
				if r.State == handoff.ReservationAssigned {
					assigned[p] = append(assigned[p], r.ConversationID)
				}
			}
		}
		return nil
	}); err != nil {
		t.Fatalf("final owners could not be read: %v", err)
	}
	byConv := botDeliveries(f.e)
	for conv, st := range closed {
		f.mu.Lock()
		l := f.ledgers[conv]
		delete(f.ledgers, conv)
		f.mu.Unlock()
		owners := l.ownersFrom(assigned, byConv[conv])
		l.record(owners, true)
		l.check(t, st, owners, states)
	}
}

// acceptOffers plays the people: twice a second it reads what each is offered and accepts
// it, as a client should, the same accept again on the next pass after a timeout or an
// unavailable service.
func acceptOffers(e *testenv.Env, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(500 * time.Millisecond):
		}
		for _, p := range people {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			st, err := e.Service.AgentState(ctx, p)
			cancel()
			if err != nil {
				continue
			}
			for _, r := range st.Reservations {
				if r.State == handoff.ReservationOffered {
					_, _, _ = call(e, "POST", "/v1/handoffs/"+r.ConversationID+"/accept", p, nil)
				}
			}
		}
	}
}

// call sends a request to the API as the named agent; unlike Env.Do it may run off the test's
// goroutine.
func call(e *testenv.Env, method, path, agent string, body any) (int, []byte, error) {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, e.API.URL+path, r)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+e.Secrets[agent])
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// expect turns a call's answer into an error unless its status is one of want.
func expect(status int, body []byte, err error, want ...int) error {
	if err != nil {
		return err
	}
	for _, w := range want {
		if status == w {
			return nil
		}
	}
	return fmt.Errorf("%d %s", status, bytes.TrimSpace(body))
}

// retry calls fn until it succeeds or within passes, half a second apart.
func retry(within time.Duration, fn func() error) error {
	deadline := time.Now().Add(within)
	for {
		err := fn()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func countHuman(total, every int) int {
	if every <= 0 {
		return 0
	}
	return total / every
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive whole number", name, v)
	}
	return n
}
