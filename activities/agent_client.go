package activities

import (
	"context"
	"errors"
	"fmt"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
)

// AgentClient reaches people's entity workflows (workflow type Agent, ID agent-<id>). Every
// change is an Update-With-Start, so the first reservation or presence change of a person
// starts their workflow and no caller needs to know whether it runs yet. The activities and
// the starter's service share it, so the workflow is started the same way from both.
type AgentClient struct {
	cl  client.Client
	cfg *config.Config
}

// NewAgentClient wraps a Temporal client and the config whose roster names the people.
func NewAgentClient(cl client.Client, cfg *config.Config) *AgentClient {
	return &AgentClient{cl: cl, cfg: cfg}
}

// RefusalType is the error type of an entity workflow's validator refusal.
const RefusalType = "Refused"

// Refusal returns the entity workflow's reason when err is a validator's refusal ("maria is at
// capacity (2 of 2)"), as opposed to a failure to reach it.
func Refusal(err error) (string, bool) {
	var app *temporal.ApplicationError
	if errors.As(err, &app) && app.Type() == RefusalType {
		return app.Message(), true
	}
	return "", false
}

// NotAPersonError is returned for an agent that is not a human or supervisor of the roster:
// only people have presence and capacity.
type NotAPersonError struct{ Problem string }

func (e *NotAPersonError) Error() string { return e.Problem }

// errNoClient is a wiring mistake (activities built without a Temporal client), reported
// rather than a nil-pointer panic.
var errNoClient = errors.New("no Temporal client to reach the agents' workflows")

// Person returns the roster entry of a human or supervisor.
func (c *AgentClient) Person(agentID string) (handoff.Agent, error) {
	ag, ok := c.cfg.Agent(agentID)
	if !ok {
		return handoff.Agent{}, &NotAPersonError{fmt.Sprintf("agent %q is not in the roster", agentID)}
	}
	if !ag.Kind.IsPerson() {
		return handoff.Agent{}, &NotAPersonError{fmt.Sprintf("agent %q is a %s; only humans and supervisors have presence and capacity", agentID, ag.Kind)}
	}
	return ag, nil
}

// Capacity is the roster's capacity of a person, at least 1: someone on the roster takes
// conversations, and an unset capacity must not silently mean none.
func Capacity(ag handoff.Agent) int { return max(ag.Capacity, 1) }

// Initial is the state of a person whose entity workflow has not started: the configured
// initial presence and no load.
func (c *AgentClient) Initial(ag handoff.Agent) handoff.AgentState {
	return handoff.AgentState{
		AgentID:      ag.ID,
		Presence:     c.cfg.InitialPresence(),
		Capacity:     Capacity(ag),
		Reservations: []handoff.Reservation{},
		Queues:       c.cfg.QueuesOf(ag.ID),
	}
}

// Update runs one Update on the person's entity workflow, starting it first if needed, and
// returns the state right after. A validator's refusal comes back as an error (see Refusal).
func (c *AgentClient) Update(ctx context.Context, agentID, update string, arg any) (handoff.AgentState, error) {
	ag, err := c.Person(agentID)
	if err != nil {
		return handoff.AgentState{}, err
	}
	if c.cl == nil {
		return handoff.AgentState{}, errNoClient
	}
	arg = c.withQueues(ag.ID, arg)
	start := c.cl.NewWithStartWorkflowOperation(client.StartWorkflowOptions{
		ID:                       handoff.AgentWorkflowID(ag.ID),
		TaskQueue:                handoff.TaskQueue,
		WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
		// Agent IDs and kinds only: the summary and search attributes are stored unencrypted.
		StaticSummary: fmt.Sprintf("Presence and load of %s %s", ag.Kind, ag.ID),
		// HandoffTarget finds a person's entity in the Web UI next to the handoffs they took:
		// HandoffTarget = "maria" lists both.
		TypedSearchAttributes: temporal.NewSearchAttributes(
			temporal.NewSearchAttributeKeyKeyword(handoff.SATarget).ValueSet(ag.ID),
		),
	}, handoff.AgentWorkflowName, c.Initial(ag))
	h, err := c.cl.UpdateWithStartWorkflow(ctx, client.UpdateWithStartWorkflowOptions{
		StartWorkflowOperation: start,
		UpdateOptions: client.UpdateWorkflowOptions{
			UpdateName:   update,
			Args:         []any{arg},
			WaitForStage: client.WorkflowUpdateStageCompleted,
		},
	})
	var st handoff.AgentState
	if err == nil {
		err = h.Get(ctx, &st)
	}
	return st, err
}

// withQueues tells the person's workflow which queues they serve, from the roster, with every
// change that can free or take capacity: it signals them after each.
func (c *AgentClient) withQueues(agentID string, arg any) any {
	queues := c.cfg.QueuesOf(agentID)
	if len(queues) == 0 {
		return arg
	}
	switch in := arg.(type) {
	case handoff.ReserveInput:
		in.Queues = queues
		return in
	case handoff.ReleaseInput:
		in.Queues = queues
		return in
	case handoff.PresenceInput:
		in.Queues = queues
		return in
	}
	return arg
}

// State returns the person's state from their entity workflow's query; a person whose
// workflow never started (or was terminated: the next Update starts a fresh one) has the
// initial state.
func (c *AgentClient) State(ctx context.Context, agentID string) (handoff.AgentState, error) {
	ag, err := c.Person(agentID)
	if err != nil {
		return handoff.AgentState{}, err
	}
	if c.cl == nil {
		return handoff.AgentState{}, errNoClient
	}
	resp, err := c.cl.QueryWorkflowWithOptions(ctx, &client.QueryWorkflowWithOptionsRequest{
		WorkflowID:           handoff.AgentWorkflowID(ag.ID),
		QueryType:            handoff.QueryAgentState,
		QueryRejectCondition: enumspb.QUERY_REJECT_CONDITION_NOT_OPEN,
	})
	var notFound *serviceerror.NotFound
	switch {
	case errors.As(err, &notFound):
		return c.Initial(ag), nil
	case err != nil:
		return handoff.AgentState{}, err
	case resp.QueryRejected != nil:
		return c.Initial(ag), nil
	}
	var st handoff.AgentState
	if err := resp.QueryResult.Get(&st); err != nil {
		return handoff.AgentState{}, err
	}
	return st, nil
}
