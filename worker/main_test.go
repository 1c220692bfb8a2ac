package main

import (
	"context"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/devserver"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/service"
)

// TestSIGKILLMidHandoffLosesNothingAndRepeatsNothing kills the real worker process with
// SIGKILL twice during one handoff (while the offer waits for a human, and during the
// monitoring window), starts a new one each time, and checks the handoff completes with every
// delivery made exactly once.
func TestSIGKILLMidHandoffLosesNothingAndRepeatsNothing(t *testing.T) {
	srv := devserver.Start(t)
	e := testenv.NewConfig(t, srv.HostPort, testenv.Options{Handoff: map[string]any{"offer_timeout": "60s", "monitoring_window": "4s"}})
	e.Client, e.Service = srv.Client, service.New(srv.Client, e.Cfg)
	bin := testenv.BuildWorker(t)

	w := testenv.StartWorker(t, bin, e.Cfg.File, "first")
	in := testenv.Sample(t, "seller-distress.json")
	ctx := context.Background()
	if _, err := e.Service.Start(ctx, in); err != nil {
		t.Fatal(err)
	}
	st := e.WaitFor(t, in.ConversationID, 20*time.Second, "an open offer", func(s handoff.State) bool {
		return s.Phase == handoff.PhaseAwaitingAcceptance
	})
	agent := st.CurrentOffer.Agent
	testenv.Kill(t, w)

	w = testenv.StartWorker(t, bin, e.Cfg.File, "second")
	// The new worker must serve the Update: the old one is gone with its cache.
	if _, err := e.Service.Accept(ctx, in.ConversationID, handoff.AnswerInput{AgentID: agent}); err != nil {
		t.Fatalf("accept after the restart: %v", err)
	}
	e.WaitFor(t, in.ConversationID, 20*time.Second, "monitoring", func(s handoff.State) bool {
		return s.Phase == handoff.PhaseMonitoring
	})
	testenv.Kill(t, w)

	testenv.StartWorker(t, bin, e.Cfg.File, "third")
	st = e.WaitFor(t, in.ConversationID, 60*time.Second, "an outcome", func(s handoff.State) bool { return s.Outcome != "" })
	if st.Outcome != handoff.OutcomeCompleted || st.Owner != agent {
		t.Fatalf("outcome %s owner %s, want completed with %s", st.Outcome, st.Owner, agent)
	}

	count := func(id string) map[handoff.DeliveryType]int {
		n := map[handoff.DeliveryType]int{}
		for _, d := range e.Agents.Deliveries(id) {
			n[d.Delivery.Type]++
		}
		return n
	}
	src, dst := count("jorge_seller_bot"), count(agent)
	if src[handoff.DeliveryPrepareCustomer] != 1 || src[handoff.DeliveryTransferred] != 1 || src[handoff.DeliveryFallback] != 0 {
		t.Errorf("source deliveries %v, want one prepare_customer and one transferred", src)
	}
	if dst[handoff.DeliveryOffer] != 1 || dst[handoff.DeliveryTransferred] != 1 {
		t.Errorf("%s deliveries %v, want one offer and one transferred", agent, dst)
	}
	if len(st.Offers) != 1 {
		t.Errorf("offers %+v, want exactly one", st.Offers)
	}
}
