package activities

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
)

// QueueClient reaches the groups' Queue workflows (ID queue-<group>): an enqueue is an
// Update-With-Start, so the first handoff to wait in a group's queue starts it; statistics and
// positions are queries. The activities and the starter's service share it.
type QueueClient struct {
	cl  client.Client
	cfg *config.Config
}

// NewQueueClient wraps a Temporal client and the config whose queues[] names the queues.
func NewQueueClient(cl client.Client, cfg *config.Config) *QueueClient {
	return &QueueClient{cl: cl, cfg: cfg}
}

// RosterVersion is a digest of a group's people as a queue sees them: a queue that holds
// another reads its people again.
func RosterVersion(members []handoff.QueueMember) string {
	b, _ := json.Marshal(members)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6])
}

// Enqueue adds a handoff to its group's queue, starting the queue if it is not running. The
// queue answers the handoff itself (its offers, or a refusal) by signal.
func (c *QueueClient) Enqueue(ctx context.Context, group string, in handoff.EnqueueInput) error {
	if c.cl == nil {
		return errNoClient
	}
	_, err := c.cl.SignalWithStartWorkflow(ctx, handoff.QueueWorkflowID(group), handoff.SignalEnqueue, in, client.StartWorkflowOptions{
		ID:                       handoff.QueueWorkflowID(group),
		TaskQueue:                handoff.TaskQueue,
		WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
		// Group names only: the summary and search attributes are stored unencrypted.
		StaticSummary: "Queue of " + group,
		TypedSearchAttributes: temporal.NewSearchAttributes(
			temporal.NewSearchAttributeKeyKeyword(handoff.SATarget).ValueSet(group),
		),
	}, handoff.QueueWorkflowName, handoff.QueueState{Group: group})
	return err
}

// query runs a query on a group's queue; found is false when the queue never ran or is closed.
func (c *QueueClient) query(ctx context.Context, group, name string, out any, args ...any) (found bool, err error) {
	if c.cl == nil {
		return false, errNoClient
	}
	resp, err := c.cl.QueryWorkflowWithOptions(ctx, &client.QueryWorkflowWithOptionsRequest{
		WorkflowID:           handoff.QueueWorkflowID(group),
		QueryType:            name,
		Args:                 args,
		QueryRejectCondition: enumspb.QUERY_REJECT_CONDITION_NOT_OPEN,
	})
	var notFound *serviceerror.NotFound
	switch {
	case errors.As(err, &notFound):
		return false, nil
	case err != nil:
		return false, err
	case resp.QueryRejected != nil:
		return false, nil
	}
	return true, resp.QueryResult.Get(out)
}

// Position returns a handoff's place in its group's queue at now.
func (c *QueueClient) Position(ctx context.Context, group, handoffID string, now time.Time) (handoff.QueuePosition, error) {
	var pos handoff.QueuePosition
	found, err := c.query(ctx, group, handoff.QueryQueuePosition, &pos, handoffID, now)
	if err == nil && !found {
		pos = handoff.QueuePosition{Group: group, EstimateSeconds: -1}
	}
	return pos, err
}

// Stats returns a queue's statistics at now. A queue that is not running has nobody waiting:
// its people are read from their own workflows.
func (c *QueueClient) Stats(ctx context.Context, group string, now time.Time) (handoff.QueueStats, error) {
	if _, ok := c.cfg.QueueOf(group); !ok {
		return handoff.QueueStats{}, fmt.Errorf("group %q has no queue (queues[] in the config)", group)
	}
	var st handoff.QueueStats
	found, err := c.query(ctx, group, handoff.QueryQueueStats, &st, now)
	if err != nil || found {
		return st, err
	}
	members, people, err := c.members(ctx, group)
	if err != nil {
		return handoff.QueueStats{}, err
	}
	q := handoff.QueueState{Group: group}
	spec, _ := c.cfg.QueueSpec(group)
	q.ServiceLevel = spec.ServiceLevel
	q.SetMembers(members, "")
	for _, p := range people {
		q.Apply(p)
	}
	st = q.Stats(now)
	st.Running = false
	return st, nil
}

// members reads a group's people: the roster's, and each one's state from their workflow.
func (c *QueueClient) members(ctx context.Context, group string) ([]handoff.QueueMember, []handoff.AgentSnapshot, error) {
	members := c.cfg.QueueMembers(group)
	agents := NewAgentClient(c.cl, c.cfg)
	people := make([]handoff.AgentSnapshot, 0, len(members))
	for _, m := range members {
		st, err := agents.State(ctx, m.Agent)
		if err != nil {
			return nil, nil, fmt.Errorf("read the state of %s: %w", m.Agent, err)
		}
		people = append(people, st.Snapshot())
	}
	return members, people, nil
}

// QueueMembersInput names the group whose people a queue reads.
type QueueMembersInput struct {
	Group string `json:"group"`
}

// QueueMembersResult is a group's people from the roster and their state now.
type QueueMembersResult struct {
	Members       []handoff.QueueMember   `json:"members"`
	RosterVersion string                  `json:"roster_version"`
	People        []handoff.AgentSnapshot `json:"people"`
}

// QueueMembers reads a queue's people: who is in the group (skills, capacity, channel weights)
// and each one's presence and load from their workflow. A queue runs it when it starts and
// when an enqueue brings a roster it does not have; between, the people's workflows tell it
// of every change.
func (a *Activities) QueueMembers(ctx context.Context, in QueueMembersInput) (QueueMembersResult, error) {
	members, people, err := NewQueueClient(a.temporal, a.cfg).members(ctx, in.Group)
	if err != nil {
		return QueueMembersResult{}, err
	}
	return QueueMembersResult{Members: members, RosterVersion: RosterVersion(members), People: people}, nil
}

// EnqueueRequest is what a handoff sends to wait in a queue: the queue's settings as the
// handoff captured them, and its entry.
type EnqueueRequest struct {
	Spec  handoff.QueueSpec  `json:"spec"`
	Entry handoff.QueueEntry `json:"entry"`
}

// EnqueueResult says whether the handoff joined the line, or why not: the queue is closed
// (outside its business hours, until OpensAt). A queue that refuses it (full) says so by
// signal.
type EnqueueResult struct {
	Closed  bool      `json:"closed,omitempty"`
	OpensAt time.Time `json:"opens_at,omitzero"`
	Refused string    `json:"refused,omitempty"`
}

// Enqueue puts a handoff in its group's queue, unless the queue is outside its business hours.
func (a *Activities) Enqueue(ctx context.Context, in EnqueueRequest) (EnqueueResult, error) {
	spec := in.Spec
	if open, why, opens := hoursOpen(spec.BusinessHours, spec.TimeZone, time.Now()); !open {
		return EnqueueResult{Closed: true, OpensAt: opens, Refused: why}, nil
	}
	req := handoff.EnqueueInput{
		Entry: in.Entry, Steps: spec.Steps, KnownAgentWait: spec.KnownAgentWait, AgingEvery: spec.AgingEvery,
		ServiceLevel: spec.ServiceLevel, HandleTime: spec.HandleTime, MaxWaiting: spec.MaxWaiting,
		RosterVersion: RosterVersion(a.cfg.QueueMembers(spec.Group)),
	}
	if err := NewQueueClient(a.temporal, a.cfg).Enqueue(ctx, spec.Group, req); err != nil {
		return EnqueueResult{}, err
	}
	return EnqueueResult{}, nil
}
