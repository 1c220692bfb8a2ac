package faults_test

import (
	"context"
	"fmt"
	"os/exec"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/devserver"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/httpapi"
	"github.com/handoffhq/orchestrator/starter/service"
)

// within bounds every wait of a scenario: the slowest path (a source that never answers, so
// the release's 20 s budget runs out) fits well inside it.
const within = 60 * time.Second

// rig is one dev server, one config, the HTTP API in process, and the real worker binary
// run as a child process that scenarios kill and restart.
type rig struct {
	t      *testing.T
	e      *testenv.Env
	bin    string
	worker *exec.Cmd
	starts int
}

func newRig(t *testing.T) *rig {
	return newRigWith(t, testenv.Options{Handoff: map[string]any{
		"offer_timeout": "60s", "monitoring_window": "3s", "http_timeout": "1s",
		// Scenarios reuse no conversation, and the guard's visibility reads add nothing here.
		"pingpong": map[string]any{"max_handoffs": 0},
	}})
}

func newRigWith(t *testing.T, opts testenv.Options) *rig {
	srv := devserver.Start(t)
	e := testenv.NewConfig(t, srv.HostPort, opts)
	e.Client, e.Service = srv.Client, service.New(srv.Client, e.Cfg)
	// A short operation timeout, so an accept sent while no worker runs times out quickly.
	e.Serve(t, e.Service, httpapi.Options{OpTimeout: 3 * time.Second})
	r := &rig{t: t, e: e, bin: testenv.BuildWorker(t)}
	r.start()
	return r
}

func (r *rig) start() {
	r.starts++
	r.worker = testenv.StartWorker(r.t, r.bin, r.e.Cfg.File, fmt.Sprintf("worker-%d", r.starts))
}

func (r *rig) kill() { testenv.Kill(r.t, r.worker) }

// scenario runs one case on the rig with its own conversation, then resets the stand-ins'
// failures and starts a fresh worker: circuit breakers live in the worker process, and one
// opened by a scenario's failing agent must not decide the next scenario.
func (r *rig) scenario(name string, fn func(t *testing.T, conv string)) {
	r.t.Run(name, func(t *testing.T) {
		t.Cleanup(func() {
			for _, ag := range r.e.Cfg.Agents {
				r.e.Agents.SetFail(ag.ID, false)
				r.e.Agents.SetFailTypes(ag.ID)
				r.e.Agents.SetSlow(ag.ID, 0)
			}
			r.kill()
			r.start()
		})
		fn(t, "f-"+name)
	})
}

// seller routes jorge_seller_bot to the people of human_agent (maria, then james).
func seller(t *testing.T, conv string) handoff.Input {
	in := testenv.Sample(t, "seller-distress.json")
	in.ConversationID = conv
	return in
}

// lead routes lead_bot to the bot jorge_buyer_bot.
func lead(t *testing.T, conv string) handoff.Input {
	in := testenv.Sample(t, "lead-qualified.json")
	in.ConversationID = conv
	return in
}

func (r *rig) startHandoff(t *testing.T, in handoff.Input) {
	t.Helper()
	if status, body := r.e.Do(t, "POST", "/v1/handoffs", in.SourceAgent, in); status != 201 {
		t.Fatalf("start %s: %d %s", in.ConversationID, status, body)
	}
}

func (r *rig) offered(t *testing.T, conv string) string {
	t.Helper()
	st := r.e.WaitFor(t, conv, within, "an open offer", func(s handoff.State) bool {
		return s.Phase == handoff.PhaseAwaitingAcceptance && s.CurrentOffer != nil
	})
	return st.CurrentOffer.Agent
}

// accept answers an offer as a client should: a timeout or an unavailable service (a worker
// just restarted) is retried, since the same accept again is safe.
func (r *rig) accept(t *testing.T, conv, agent string) {
	t.Helper()
	r.answer(t, conv, agent, "accept", nil)
}

// answer posts the agent's accept or decline (what), again while the API answers 503 or 504
// (no worker yet to take it).
func (r *rig) answer(t *testing.T, conv, agent, what string, body any) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		status, resp := r.e.Do(t, "POST", "/v1/handoffs/"+conv+"/"+what, agent, body)
		switch {
		case status == 200:
			return
		case (status == 504 || status == 503) && time.Now().Before(deadline):
			continue
		default:
			t.Fatalf("%s by %s: %d %s", what, agent, status, resp)
		}
	}
}

func (r *rig) closed(t *testing.T, conv string) handoff.State {
	t.Helper()
	return r.e.WaitFor(t, conv, within, "closed", func(s handoff.State) bool { return s.Phase == handoff.PhaseClosed })
}

// settle checks what every scenario promises once its handoff closed: the ledger's ownership
// checks, no message the customer would see twice, and, after the owner (a person) releases
// the conversation, nothing held by anyone.
func (r *rig) settle(t *testing.T, l *ledger, st handoff.State) {
	t.Helper()
	l.finish(t, st)
	visible, deduplicated, what := duplicates(r.e, st.ConversationID)
	t.Logf("deliveries repeated under the same key (deduplicated by the receiver) so far: %d", deduplicated)
	if visible > 0 {
		t.Errorf("%d message(s) the customer would see twice: %v", visible, what)
	}
	if st.Owner == "maria" || st.Owner == "james" || st.Owner == "sam" {
		if status, body := r.e.Do(t, "POST", "/v1/agents/"+st.Owner+"/release", st.Owner,
			map[string]string{"conversation_id": st.ConversationID}); status != 200 {
			t.Fatalf("%s releasing: %d %s", st.Owner, status, body)
		}
	}
	for _, p := range people {
		ags := agentStateSoon(t, r, p)
		for _, res := range ags.Reservations {
			if res.ConversationID == st.ConversationID {
				t.Errorf("%s still holds %+v", p, res)
			}
		}
	}
}

// waitDelivery waits until the stand-in agent has taken a delivery of the type for conv.
func waitDelivery(t *testing.T, r *rig, agent, conv string, typ handoff.DeliveryType) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		for _, d := range r.e.Agents.Deliveries(agent) {
			if d.Delivery.ConversationID == conv && d.Delivery.Type == typ {
				return
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%s took no %s delivery for %s within %s", agent, typ, conv, within)
}

// agentStateSoon reads a person's state, asking again while it goes unanswered: just after a
// worker kill the query can wait on a worker that is still coming up, or on a dev server busy
// moving shards on a loaded machine, and one unbounded query then held the whole suite.
func agentStateSoon(t *testing.T, r *rig, person string) handoff.AgentState {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		st, err := r.e.Service.AgentState(ctx, person)
		cancel()
		if err == nil {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s's state went unread for 90 s: %v", person, err)
		}
		t.Logf("%s's state unread yet (%v); asking again", person, err)
		time.Sleep(250 * time.Millisecond) // a poll's interval: an error can come back at once
	}
}

func expectOutcome(t *testing.T, st handoff.State, outcome handoff.Outcome, owner string) {
	t.Helper()
	if st.Outcome != outcome || st.Owner != owner {
		t.Fatalf("outcome %s owner %s (%s), want %s with %s", st.Outcome, st.Owner, st.OutcomeReason, outcome, owner)
	}
}

// TestFaults runs every scenario on one dev server and one config, one after the other.
func TestFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("the fault suite kills and restarts the worker; it runs in make test and make faults")
	}
	r := newRig(t)

	r.scenario("kill-while-offered", func(t *testing.T, conv string) {
		in := seller(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		r.startHandoff(t, in)
		agent := r.offered(t, conv)
		r.kill()
		r.start()
		r.accept(t, conv, agent)
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeCompleted, agent)
		r.settle(t, l, st)
	})

	// The person accepts while no worker runs: their accept times out (504), takes effect when
	// a worker is back, and their retry gets the same yes instead of "no open offer".
	r.scenario("accept-while-no-worker", func(t *testing.T, conv string) {
		in := seller(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		r.startHandoff(t, in)
		agent := r.offered(t, conv)
		r.kill()
		if status, body := r.e.Do(t, "POST", "/v1/handoffs/"+conv+"/accept", agent, nil); status != 504 {
			t.Fatalf("accept with no worker: %d %s, want 504", status, body)
		}
		r.start()
		r.accept(t, conv, agent)
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeCompleted, agent)
		r.settle(t, l, st)
	})

	// The worker dies while ownership moves: the source is slow to let go, and the kill lands
	// in the middle of telling it.
	r.scenario("kill-while-ownership-moves", func(t *testing.T, conv string) {
		in := seller(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		r.startHandoff(t, in)
		agent := r.offered(t, conv)
		r.e.Agents.SetSlow(in.SourceAgent, 700*time.Millisecond)
		r.accept(t, conv, agent)
		r.e.WaitFor(t, conv, within, "the transfer under way", func(s handoff.State) bool { return s.Phase == handoff.PhaseConfirming })
		r.kill()
		r.start()
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeCompleted, agent)
		r.settle(t, l, st)
	})

	r.scenario("kill-while-monitoring", func(t *testing.T, conv string) {
		in := lead(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		r.startHandoff(t, in)
		r.e.WaitFor(t, conv, within, "monitoring", func(s handoff.State) bool { return s.Phase == handoff.PhaseMonitoring })
		r.kill()
		r.start()
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeCompleted, "jorge_buyer_bot")
		r.settle(t, l, st)
	})

	// On the fast bot path (the default) a bot's steps are local activities: a worker killed
	// after the target took the briefing but before the workflow task recorded it runs the
	// steps again from the last recorded task, under the same keys. The receivers act on each
	// key once, so the customer sees nothing twice.
	r.scenario("kill-after-local-briefing", func(t *testing.T, conv string) {
		in := lead(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		target := "jorge_buyer_bot"
		before := r.e.Agents.Duplicates(target)
		// The source answers slowly, so the task is still telling it to let go when the
		// target has its briefing.
		r.e.Agents.SetSlow(in.SourceAgent, 700*time.Millisecond)
		r.startHandoff(t, in)
		waitDelivery(t, r, target, conv, handoff.DeliveryBriefing)
		r.kill()
		r.start()
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeCompleted, target)
		r.settle(t, l, st)
		if got := r.e.Agents.Duplicates(target) - before; got < 1 {
			t.Errorf("%s took %d repeated deliveries: want the briefing again, under its key, after the kill", target, got)
		}
	})

	// The same for the moment ownership moves on the fast bot path: the source has let go and
	// the worker dies while it tells the target, a local step. The steps run again under the
	// same keys; the source is told again what it already did, and nobody sees a message twice.
	r.scenario("kill-while-local-takeover", func(t *testing.T, conv string) {
		in := lead(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		target := "jorge_buyer_bot"
		before := r.e.Agents.Duplicates(in.SourceAgent)
		// The target answers slowly, so the task is still telling it when the source has let go.
		r.e.Agents.SetSlow(target, 700*time.Millisecond)
		r.startHandoff(t, in)
		waitDelivery(t, r, in.SourceAgent, conv, handoff.DeliveryTransferred)
		r.kill()
		r.start()
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeCompleted, target)
		r.settle(t, l, st)
		if got := r.e.Agents.Duplicates(in.SourceAgent) - before; got < 1 {
			t.Errorf("%s took %d repeated deliveries: want its steps again, under their keys, after the kill", in.SourceAgent, got)
		}
	})

	// Handoffs started while no worker runs reach people once one starts: reading people's
	// state as the worker comes up must not make them look busy (no_capacity).
	r.scenario("burst-after-worker-start", func(t *testing.T, conv string) {
		r.kill()
		var convs []string
		for i := range 5 {
			c := fmt.Sprintf("%s-%d", conv, i)
			convs = append(convs, c)
			r.startHandoff(t, seller(t, c))
		}
		r.start()
		for _, c := range convs {
			st := r.e.WaitFor(t, c, within, "an offer or an outcome", func(s handoff.State) bool {
				return s.Phase == handoff.PhaseAwaitingAcceptance || s.Outcome != ""
			})
			if st.Outcome == handoff.OutcomeNoCapacity || st.Outcome == handoff.OutcomeFailed {
				t.Errorf("%s ended %s (%s) right after the worker started", c, st.Outcome, st.OutcomeReason)
			}
			if status, body := r.e.Do(t, "POST", "/v1/handoffs/"+c+"/cancel", "jorge_seller_bot", nil); status != 202 && status != 404 {
				t.Errorf("cancel %s: %d %s", c, status, body)
			}
		}
		for _, c := range convs {
			r.closed(t, c)
		}
	})

	// The source bot is down from the start: nobody can tell the customer or tell the source to
	// let go. The person takes over, knowing it.
	r.scenario("source-down", func(t *testing.T, conv string) {
		in := seller(t, conv)
		r.e.Agents.SetFail(in.SourceAgent, true)
		l := watch(r.e, conv, in.SourceAgent, in.SourceAgent)
		r.startHandoff(t, in)
		agent := r.offered(t, conv)
		r.accept(t, conv, agent)
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeTakenOver, agent)
		if st.Transfer == nil || !st.Transfer.SourceUnreachable {
			t.Errorf("transfer %+v, want the source unreachable", st.Transfer)
		}
		r.settle(t, l, st)
	})

	// The source answers, but will not acknowledge letting go: it is alive and serving the
	// customer, so it keeps them, and the person who accepted stands down.
	r.scenario("source-will-not-let-go", func(t *testing.T, conv string) {
		in := seller(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		r.startHandoff(t, in)
		agent := r.offered(t, conv)
		r.e.Agents.SetFailTypes(in.SourceAgent, handoff.DeliveryTransferred)
		r.accept(t, conv, agent)
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeFailed, in.SourceAgent)
		r.settle(t, l, st)
	})

	// The source goes down after the customer was prepared and comes back later: the person
	// takes over, and the TellSource workflow the handoff left behind tells the source, once,
	// that it let go.
	r.scenario("source-down-then-back", func(t *testing.T, conv string) {
		in := seller(t, conv)
		l := watch(r.e, conv, in.SourceAgent, in.SourceAgent)
		r.startHandoff(t, in)
		agent := r.offered(t, conv)
		r.e.Agents.SetFail(in.SourceAgent, true)
		r.accept(t, conv, agent)
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeTakenOver, agent)
		if st.Transfer == nil || st.Transfer.TellSourceWorkflowID == "" {
			t.Fatalf("transfer %+v, want a TellSource workflow", st.Transfer)
		}
		// Back up, it is out of date until told: it counts as a party again once it heard.
		r.e.Agents.SetFail(in.SourceAgent, false)
		if err := r.e.Client.GetWorkflow(t.Context(), st.Transfer.TellSourceWorkflowID, "").Get(t.Context(), nil); err != nil {
			t.Fatalf("TellSource: %v", err)
		}
		l.revive(in.SourceAgent)
		r.settle(t, l, st)
	})

	r.scenario("source-slower-than-its-timeout", func(t *testing.T, conv string) {
		in := lead(t, conv)
		l := watch(r.e, conv, in.SourceAgent, in.SourceAgent)
		// Three times http_timeout (1s): a worker starved of CPU on a loaded machine notices its
		// timeout late, and a margin of half a second let an answer through.
		r.e.Agents.SetSlow(in.SourceAgent, 3*time.Second)
		r.startHandoff(t, in)
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeTakenOver, "jorge_buyer_bot")
		r.settle(t, l, st)
	})

	r.scenario("target-bot-fails-briefing", func(t *testing.T, conv string) {
		in := lead(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		r.e.Agents.SetFailTypes("jorge_buyer_bot", handoff.DeliveryBriefing)
		r.startHandoff(t, in)
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeFailed, in.SourceAgent)
		r.settle(t, l, st)
	})

	// The target bot took the briefing but cannot be told it owns the conversation: the
	// source, which had let go, is given the customer back.
	r.scenario("target-bot-fails-takeover", func(t *testing.T, conv string) {
		in := lead(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		r.e.Agents.SetFailTypes("jorge_buyer_bot", handoff.DeliveryTransferred)
		r.startHandoff(t, in)
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeFailed, in.SourceAgent)
		if st.Transfer == nil || len(st.Transfer.Reclaimed) != 1 {
			t.Errorf("transfer %+v, want jorge_buyer_bot reclaimed", st.Transfer)
		}
		r.settle(t, l, st)
	})

	r.scenario("person-notification-fails-at-offer", func(t *testing.T, conv string) {
		in := seller(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		r.e.Agents.SetFailTypes("maria", handoff.DeliveryOffer)
		r.startHandoff(t, in)
		agent := r.offered(t, conv)
		if agent == "maria" {
			t.Fatalf("an offer whose notification failed is still open to maria")
		}
		r.accept(t, conv, agent)
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeCompleted, agent)
		r.settle(t, l, st)
	})

	r.scenario("person-notification-fails-at-takeover", func(t *testing.T, conv string) {
		in := seller(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		r.startHandoff(t, in)
		agent := r.offered(t, conv)
		r.e.Agents.SetFailTypes(agent, handoff.DeliveryTransferred)
		r.accept(t, conv, agent)
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeCompleted, agent)
		r.settle(t, l, st)
	})

	r.scenario("source-fails-fallback-after-decline", func(t *testing.T, conv string) {
		in := seller(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		r.startHandoff(t, in)
		r.e.Agents.SetFailTypes(in.SourceAgent, handoff.DeliveryFallback)
		for range 3 { // maria, james, then their supervisor sam
			agent := r.offered(t, conv)
			if status, body := r.e.Do(t, "POST", "/v1/handoffs/"+conv+"/decline", agent, nil); status != 200 {
				t.Fatalf("decline by %s: %d %s", agent, status, body)
			}
			st := r.e.WaitFor(t, conv, within, "the next offer or the end", func(s handoff.State) bool {
				return s.Phase == handoff.PhaseClosed || (s.CurrentOffer != nil && s.CurrentOffer.Agent != agent)
			})
			if st.Phase == handoff.PhaseClosed {
				break
			}
		}
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeDeclined, in.SourceAgent)
		r.settle(t, l, st)
	})

	// The worker dies as the monitoring window re-escalates: the customer turned angry with
	// the buyer bot (the example's angry_with_bot rule), and the kill lands while the run
	// records its move and continues as a new run from the buyer bot to a person.
	r.scenario("kill-while-monitoring-reescalates", func(t *testing.T, conv string) {
		in := lead(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		r.startHandoff(t, in)
		r.e.WaitFor(t, conv, within, "monitoring with the buyer bot", func(s handoff.State) bool {
			return s.Phase == handoff.PhaseMonitoring && s.Owner == "jorge_buyer_bot"
		})
		if status, body := r.e.Do(t, "POST", "/v1/handoffs/"+conv+"/events", in.SourceAgent,
			handoff.Event{Type: handoff.EventSentiment, Sentiment: -0.8}); status != 202 && status != 200 {
			t.Fatalf("sentiment event: %d %s", status, body)
		}
		r.kill()
		r.start()
		agent := r.offered(t, conv)
		r.accept(t, conv, agent)
		st := r.closed(t, conv)
		expectOutcome(t, st, handoff.OutcomeCompleted, agent)
		if len(st.Chain) != 1 || st.Chain[0].To != "jorge_buyer_bot" || st.Chain[0].Outcome != handoff.OutcomeReescalated {
			t.Fatalf("chain %+v, want the buyer bot's handoff re-escalated", st.Chain)
		}
		r.settle(t, l, st)
	})
}
