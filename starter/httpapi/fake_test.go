package httpapi_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// fakeOps records the Temporal operations the API asks for, for the auth and input tests that
// need no server. Validation is the real service's (it touches no client), so the API is
// tested with the same checks it runs in production.
type fakeOps struct {
	*service.Service
	source string // source agent of every "running" handoff
	// idle are conversations with no running handoff (SourceAgent answers not found).
	idle []string
	// acceptErr, when set, is what Accept fails with; healthErr what CheckHealth answers.
	acceptErr, healthErr error

	mu    sync.Mutex
	calls []string
}

func (f *fakeOps) record(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, fmt.Sprintf(format, args...))
}

func (f *fakeOps) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func (f *fakeOps) Start(ctx context.Context, in handoff.Input) (service.StartResult, error) {
	if err := f.ValidateInput(&in); err != nil {
		return service.StartResult{}, err
	}
	f.record("start %s", in.ConversationID)
	return service.StartResult{WorkflowID: handoff.WorkflowID(in.ConversationID), RunID: "run-1"}, nil
}

func (f *fakeOps) Result(ctx context.Context, convID, runID string) (handoff.State, error) {
	f.record("result %s", convID)
	return handoff.State{ConversationID: convID, Phase: handoff.PhaseClosed, Outcome: handoff.OutcomeCompleted}, nil
}

func (f *fakeOps) Status(ctx context.Context, convID string) (handoff.State, error) {
	if err := handoff.ValidateConversationID(convID); err != nil {
		return handoff.State{}, err
	}
	if strings.HasPrefix(convID, "panic") {
		panic("boom")
	}
	f.record("status %s", convID)
	// A handoff in monitoring: maria accepted and owns it, sam was offered it and declined,
	// james is not a party (ranking passed him over: he was offline, and never saw it).
	return handoff.State{ConversationID: convID, SourceAgent: f.source, Phase: handoff.PhaseMonitoring, Owner: "maria",
		Offers: []handoff.Offer{{Agent: "james", Result: handoff.OfferUnavailable, Reason: "offline"},
			{Agent: "sam", Result: handoff.OfferDeclined}, {Agent: "maria", Result: handoff.OfferAccepted}}}, nil
}

func (f *fakeOps) Accept(ctx context.Context, convID string, ans handoff.AnswerInput) (handoff.State, error) {
	if err := f.CheckAnswer(convID, ans); err != nil {
		return handoff.State{}, err
	}
	f.record("accept %s %s", convID, ans.AgentID)
	if f.acceptErr != nil {
		return handoff.State{}, f.acceptErr
	}
	return handoff.State{ConversationID: convID, Phase: handoff.PhaseConfirming}, nil
}

func (f *fakeOps) ContextAck(ctx context.Context, convID string, ack handoff.ContextAckInput) (handoff.State, error) {
	f.record("context_ack %s %s %v", convID, ack.AgentID, ack.Missing)
	return handoff.State{ConversationID: convID, Phase: handoff.PhaseMonitoring}, nil
}

func (f *fakeOps) Decline(ctx context.Context, convID string, ans handoff.AnswerInput) (handoff.State, error) {
	if err := f.CheckAnswer(convID, ans); err != nil {
		return handoff.State{}, err
	}
	f.record("decline %s %s %s", convID, ans.AgentID, ans.Reason)
	return handoff.State{ConversationID: convID, Phase: handoff.PhaseCheckingAvailability}, nil
}

func (f *fakeOps) Confirm(ctx context.Context, convID string, c handoff.ConfirmInput) (handoff.State, error) {
	f.record("confirm %s %t %s", convID, c.Yes, c.By)
	return handoff.State{ConversationID: convID, Phase: handoff.PhaseCheckingAvailability}, nil
}

func (f *fakeOps) SendEvent(ctx context.Context, convID string, ev handoff.Event) error {
	if err := ev.Validate(); err != nil {
		return err
	}
	f.record("event %s %s", convID, ev.Type)
	return nil
}

func (f *fakeOps) Cancel(ctx context.Context, convID string) error {
	f.record("cancel %s", convID)
	return nil
}

func (f *fakeOps) SourceAgent(ctx context.Context, convID string) (string, error) {
	if slices.Contains(f.idle, convID) {
		return "", &service.Error{Kind: service.KindNotFound, Message: "no running handoff for conversation " + convID}
	}
	return f.source, nil
}

func (f *fakeOps) CheckHealth(ctx context.Context) error { return f.healthErr }

func (f *fakeOps) People(ctx context.Context) (service.People, error) {
	f.record("people")
	return service.People{People: []service.Person{{AgentState: handoff.AgentState{AgentID: "maria", Presence: handoff.PresenceOnline, Capacity: 2}, Kind: handoff.KindHuman}}}, nil
}

func (f *fakeOps) Handoffs(ctx context.Context, status string, limit int) (service.HandoffList, error) {
	f.record("handoffs %s %d", status, limit)
	return service.HandoffList{Status: status, Handoffs: []service.HandoffSummary{}}, nil
}
