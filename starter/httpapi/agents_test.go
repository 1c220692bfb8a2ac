package httpapi_test

import (
	"context"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// The fake's agent operations validate with the real service's checks and record the call.

func (f *fakeOps) AgentState(ctx context.Context, agentID string) (handoff.AgentState, error) {
	if err := f.CheckPerson(agentID); err != nil {
		return handoff.AgentState{}, err
	}
	f.record("agent %s", agentID)
	return handoff.AgentState{AgentID: agentID, Presence: handoff.PresenceOnline, Reservations: []handoff.Reservation{}}, nil
}

func (f *fakeOps) Offers(ctx context.Context, agentID string) (service.Offers, error) {
	if err := f.CheckPerson(agentID); err != nil {
		return service.Offers{}, err
	}
	f.record("offers %s", agentID)
	return service.Offers{AgentID: agentID, Presence: handoff.PresenceOnline, Offers: []service.OpenOffer{}}, nil
}

func (f *fakeOps) SetPresence(ctx context.Context, agentID string, in handoff.PresenceInput) (handoff.AgentState, error) {
	if err := f.CheckPresence(agentID, in); err != nil {
		return handoff.AgentState{}, err
	}
	if in.By != "" {
		f.record("presence %s %s by %s", agentID, in.Presence, in.By)
	} else {
		f.record("presence %s %s", agentID, in.Presence)
	}
	return handoff.AgentState{AgentID: agentID, Presence: in.Presence}, nil
}

func (f *fakeOps) ForceRelease(ctx context.Context, agentID string, in handoff.ReleaseInput) (handoff.AgentState, error) {
	if err := f.CheckRelease(agentID, in); err != nil {
		return handoff.AgentState{}, err
	}
	f.record("force-release %s %s (%s)", agentID, in.ConversationID, in.Reason)
	return handoff.AgentState{AgentID: agentID}, nil
}

func (f *fakeOps) Reassign(ctx context.Context, convID string, in handoff.ReassignInput) (handoff.State, error) {
	if err := f.CheckReassign(convID, in); err != nil {
		return handoff.State{}, err
	}
	f.record("reassign %s %s by %s", convID, in.AgentID, in.By)
	return handoff.State{ConversationID: convID}, nil
}

func (f *fakeOps) SetPriority(ctx context.Context, convID string, in handoff.PriorityInput) (handoff.State, error) {
	if err := f.CheckPriority(convID, in); err != nil {
		return handoff.State{}, err
	}
	f.record("priority %s %d by %s", convID, in.Priority, in.By)
	return handoff.State{ConversationID: convID}, nil
}

func (f *fakeOps) Release(ctx context.Context, agentID string, in handoff.ReleaseInput) (handoff.AgentState, error) {
	if err := f.CheckRelease(agentID, in); err != nil {
		return handoff.AgentState{}, err
	}
	f.record("release %s %s", agentID, in.ConversationID)
	return handoff.AgentState{AgentID: agentID}, nil
}

// TestAgentRoutesActOnOwnAgentOnly: a human's token reads and changes its own agent only; an
// operator (a supervisor) reads any agent, sets anyone away and force-releases; bots have no
// business here.
func TestAgentRoutesActOnOwnAgentOnly(t *testing.T) {
	e, f := newFake(t)
	cases := []struct {
		name, method, path, token string
		body                      any
		want                      int
		field, wantCall           string
	}{
		{"state needs a token", "GET", "/v1/agents/maria", "", nil, 401, "", ""},
		{"human reads own state", "GET", "/v1/agents/maria", "maria", nil, 200, "", "agent maria"},
		{"human reads another's state", "GET", "/v1/agents/james", "maria", nil, 403, "", ""},
		{"operator reads any state", "GET", "/v1/agents/james", "operator", nil, 200, "", "agent james"},
		{"bot cannot read agents", "GET", "/v1/agents/maria", "lead_bot", nil, 403, "", ""},
		{"human lists own offers", "GET", "/v1/agents/sam/offers", "sam", nil, 200, "", "offers sam"},
		{"human lists another's offers", "GET", "/v1/agents/sam/offers", "maria", nil, 403, "", ""},
		{"operator lists offers", "GET", "/v1/agents/maria/offers", "operator", nil, 200, "", "offers maria"},
		{"operator reads a bot", "GET", "/v1/agents/lead_bot", "operator", nil, 400, "agent_id", ""},
		{"operator reads nobody", "GET", "/v1/agents/ghost", "operator", nil, 400, "agent_id", ""},
		{"human goes online", "POST", "/v1/agents/maria/presence", "maria", `{"presence":"online"}`, 200, "", "presence maria online"},
		{"human sets another away", "POST", "/v1/agents/james/presence", "maria", `{"presence":"away"}`, 403, "", ""},
		{"operator sets a person away", "POST", "/v1/agents/james/presence", "operator", `{"presence":"away"}`, 200, "", "presence james away by operator"},
		{"bot cannot set presence", "POST", "/v1/agents/james/presence", "lead_bot", `{"presence":"away"}`, 403, "", ""},
		{"unknown presence", "POST", "/v1/agents/maria/presence", "maria", `{"presence":"busy"}`, 400, "presence", ""},
		{"missing presence", "POST", "/v1/agents/maria/presence", "maria", `{}`, 400, "presence", ""},
		{"unknown field", "POST", "/v1/agents/maria/presence", "maria", `{"presence":"online","status":"x"}`, 400, "status", ""},
		{"malformed body", "POST", "/v1/agents/maria/presence", "maria", `{"presence":`, 400, "body", ""},
		{"human releases own conversation", "POST", "/v1/agents/maria/release", "maria", `{"conversation_id":"c-1"}`, 200, "", "release maria c-1"},
		{"human releases another's", "POST", "/v1/agents/james/release", "maria", `{"conversation_id":"c-1"}`, 403, "", ""},
		{"operator force-releases", "POST", "/v1/agents/james/release", "operator", `{"conversation_id":"c-1"}`, 200, "", "force-release james c-1 (force-released by operator)"},
		{"release with a disposition", "POST", "/v1/agents/maria/release", "maria", `{"conversation_id":"c-1","disposition":"Sold!"}`, 400, "disposition", ""},
		{"operator reassigns", "POST", "/v1/handoffs/c-1/reassign", "operator", `{"agent_id":"james"}`, 200, "", "reassign c-1 james by operator"},
		{"a person cannot reassign", "POST", "/v1/handoffs/c-1/reassign", "maria", `{"agent_id":"maria"}`, 403, "", ""},
		{"reassign to a bot", "POST", "/v1/handoffs/c-1/reassign", "operator", `{"agent_id":"lead_bot"}`, 400, "agent_id", ""},
		{"reassign to nobody", "POST", "/v1/handoffs/c-1/reassign", "operator", `{}`, 400, "agent_id", ""},
		{"operator changes a priority", "POST", "/v1/handoffs/c-1/priority", "operator", `{"priority":80}`, 200, "", "priority c-1 80 by operator"},
		{"priority is required", "POST", "/v1/handoffs/c-1/priority", "operator", `{}`, 400, "priority", ""},
		{"priority out of bounds", "POST", "/v1/handoffs/c-1/priority", "operator", `{"priority":5000}`, 400, "priority", ""},
		{"a bot cannot change a priority", "POST", "/v1/handoffs/c-1/priority", "lead_bot", `{"priority":80}`, 403, "", ""},
		{"operator lists the queues", "GET", "/v1/queues", "operator", nil, 200, "", "queues"},
		{"a person cannot list the queues", "GET", "/v1/queues", "maria", nil, 403, "", ""},
		{"a group without a queue", "GET", "/v1/queues/nobody", "operator", nil, 400, "group", ""},
		{"release names no conversation", "POST", "/v1/agents/maria/release", "maria", `{}`, 400, "conversation_id", ""},
		{"release with a PII conversation ID", "POST", "/v1/agents/maria/release", "maria", `{"conversation_id":"dana@example.com"}`, 400, "conversation_id", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := len(f.Calls())
			status, body := e.Do(t, c.method, c.path, c.token, c.body)
			if status != c.want {
				t.Fatalf("status %d, want %d; body %s", status, c.want, body)
			}
			calls := f.Calls()[before:]
			if status >= 400 {
				checkErrorBody(t, body, c.field)
				if len(calls) != 0 {
					t.Fatalf("refused request still ran %v", calls)
				}
				return
			}
			if len(calls) != 1 || calls[0] != c.wantCall {
				t.Fatalf("calls %v, want [%s]", calls, c.wantCall)
			}
		})
	}
}

func (f *fakeOps) Queues(ctx context.Context) (service.QueuesStats, error) {
	f.record("queues")
	return service.QueuesStats{Queues: []handoff.QueueStats{}}, nil
}

func (f *fakeOps) QueueStats(ctx context.Context, group string) (handoff.QueueStats, error) {
	if err := f.CheckQueue(group); err != nil {
		return handoff.QueueStats{}, err
	}
	f.record("queue %s", group)
	return handoff.QueueStats{Group: group}, nil
}
