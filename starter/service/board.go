package service

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/converter"
	"google.golang.org/protobuf/types/known/timestamppb"
)

// What a supervisor watches: every person of the roster with their presence and load, and the
// handoffs running (or recently closed) with the phase each is in. Both read Temporal only:
// the people's entity workflows and the handoffs' search attributes, never a payload.

// Person is one human or supervisor of the roster with what their entity workflow holds.
type Person struct {
	handoff.AgentState
	Kind   handoff.AgentKind `json:"kind"`
	Groups []string          `json:"groups,omitempty"`
	// Offered and Assigned count the reservations in each state (Active is their sum).
	Offered  int `json:"offered"`
	Assigned int `json:"assigned"`
	// Error says why the state could not be read now; the rest is the roster's.
	Error string `json:"error,omitempty"`
}

// People is the roster's people with their state.
type People struct {
	People []Person `json:"people"`
}

// peopleReads bounds the state queries in flight at once: a big roster must not open a query
// per person against Temporal all at the same moment.
const peopleReads = 8

// People reads the presence and load of every human and supervisor of the roster. A person
// whose state cannot be read is listed with the reason, so one stuck query does not hide the
// rest of the team.
func (s *Service) People(ctx context.Context) (People, error) {
	var roster []handoff.Agent
	for _, a := range s.cfg.Agents {
		if a.Kind.IsPerson() {
			roster = append(roster, a)
		}
	}
	out := People{People: make([]Person, len(roster))}
	sem := make(chan struct{}, peopleReads)
	var wg sync.WaitGroup
	for i, a := range roster {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			p := Person{Kind: a.Kind, Groups: a.Groups}
			st, err := s.AgentState(ctx, a.ID)
			if err != nil {
				st = s.agents().Initial(a)
				st.Presence = ""
				p.Error = err.Error()
			}
			p.AgentState = st
			for _, r := range st.Reservations {
				switch r.State {
				case handoff.ReservationOffered:
					p.Offered++
				case handoff.ReservationAssigned:
					p.Assigned++
				}
			}
			out.People[i] = p
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return People{}, classify(err, "read the people's state", "(all)")
	}
	return out, nil
}

// HandoffSummary is one handoff run as Temporal's visibility lists it: IDs, agents, phase and
// outcome, from the search attributes (set at milestones, so the phase may trail the live one
// by a step; the event stream has the live one).
type HandoffSummary struct {
	WorkflowID     string          `json:"workflow_id"`
	RunID          string          `json:"run_id"`
	ConversationID string          `json:"conversation_id"`
	Source         string          `json:"source,omitempty"`
	Target         string          `json:"target,omitempty"`
	Scenario       string          `json:"scenario,omitempty"`
	Phase          handoff.Phase   `json:"phase,omitempty"`
	Outcome        handoff.Outcome `json:"outcome,omitempty"`
	// Status is the run's status in Temporal: running, completed, failed, terminated, ...
	Status    string    `json:"status"`
	StartedAt time.Time `json:"started_at"`
	ClosedAt  time.Time `json:"closed_at,omitzero"`
}

// HandoffList answers GET /v1/handoffs.
type HandoffList struct {
	Status   string           `json:"status"`
	Handoffs []HandoffSummary `json:"handoffs"`
}

// Handoff list bounds: a board shows the latest runs, not the whole history.
const (
	DefaultHandoffList = 100
	MaxHandoffList     = 500
)

// ListStatuses are the values of GET /v1/handoffs?status=.
var ListStatuses = []string{"running", "closed"}

// Handoffs lists the latest handoff runs, running or closed, newest first, at most limit.
func (s *Service) Handoffs(ctx context.Context, status string, limit int) (HandoffList, error) {
	query := "WorkflowType = '" + handoff.WorkflowName + "' AND ExecutionStatus "
	switch status {
	case "running":
		query += "= 'Running'"
	case "closed":
		query += "!= 'Running'"
	default:
		return HandoffList{}, &handoff.FieldError{Field: "status", Problem: fmt.Sprintf("%s is not running or closed", handoff.Quote(status))}
	}
	if limit < 1 || limit > MaxHandoffList {
		return HandoffList{}, &handoff.FieldError{Field: "limit", Problem: fmt.Sprintf("must be 1 to %d", MaxHandoffList)}
	}
	out := HandoffList{Status: status, Handoffs: []HandoffSummary{}}
	var token []byte
	for len(out.Handoffs) < limit {
		resp, err := s.cl.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Query: query, PageSize: int32(limit - len(out.Handoffs)), NextPageToken: token,
		})
		if err != nil {
			return HandoffList{}, classify(err, "list handoffs", "(all)")
		}
		for _, ex := range resp.GetExecutions() {
			out.Handoffs = append(out.Handoffs, summary(ex.GetExecution(), ex.GetStatus(), ex.GetSearchAttributes(),
				ex.GetStartTime().AsTime(), ex.GetCloseTime()))
			if len(out.Handoffs) == limit {
				break
			}
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			break
		}
	}
	return out, nil
}

func summary(ex *commonpb.WorkflowExecution, st enumspb.WorkflowExecutionStatus, sa *commonpb.SearchAttributes, started time.Time, closed *timestamppb.Timestamp) HandoffSummary {
	h := HandoffSummary{WorkflowID: ex.GetWorkflowId(), RunID: ex.GetRunId(), Status: statusName(st), StartedAt: started}
	h.ConversationID, _ = handoff.ConversationIDFromWorkflowID(h.WorkflowID)
	if closed.IsValid() && st != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
		h.ClosedAt = closed.AsTime()
	}
	keyword := func(name string) string {
		var v string
		if p := sa.GetIndexedFields()[name]; p != nil {
			// Search attributes are stored in clear with the default converter (never the codec).
			_ = converter.GetDefaultDataConverter().FromPayload(p, &v)
		}
		return v
	}
	h.Source, h.Target, h.Scenario = keyword(handoff.SASource), keyword(handoff.SATarget), keyword(handoff.SAScenario)
	h.Phase, h.Outcome = handoff.Phase(keyword(handoff.SAPhase)), handoff.Outcome(keyword(handoff.SAOutcome))
	return h
}

// statusName is a run status in lower case: WORKFLOW_EXECUTION_STATUS_TIMED_OUT -> timed_out.
func statusName(st enumspb.WorkflowExecutionStatus) string {
	switch st {
	case enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING:
		return "running"
	case enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED:
		return "completed"
	case enumspb.WORKFLOW_EXECUTION_STATUS_FAILED:
		return "failed"
	case enumspb.WORKFLOW_EXECUTION_STATUS_CANCELED:
		return "cancelled"
	case enumspb.WORKFLOW_EXECUTION_STATUS_TERMINATED:
		return "terminated"
	case enumspb.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW:
		return "continued_as_new"
	case enumspb.WORKFLOW_EXECUTION_STATUS_TIMED_OUT:
		return "timed_out"
	}
	return "unknown"
}
