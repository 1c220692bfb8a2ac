// Package service holds the handoff operations that bots, humans and operators call: start,
// accept, decline, confirm, cancel, status, events and a dry-run decision. The CLI and the
// HTTP API both go through it, so they validate, map Temporal and fail the same way.
package service

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/temporal"
)

// MemoSource is the memo key holding the source agent's ID, so the API can check that only the
// source bot cancels a handoff without needing a worker to answer a query.
const MemoSource = "source_agent"

// Service runs handoff operations against one Temporal namespace with one config's roster.
type Service struct {
	cl  client.Client
	cfg *config.Config
}

// New wraps a client (see Dial) and the config whose roster and rules the operations use.
func New(cl client.Client, cfg *config.Config) *Service { return &Service{cl: cl, cfg: cfg} }

// StartResult says which run handles the conversation and whether it was already running.
type StartResult struct {
	WorkflowID string `json:"workflow_id"`
	RunID      string `json:"run_id"`
	Existing   bool   `json:"existing"`
}

// ValidateInput checks an Input, the roster included, without touching Temporal.
func (s *Service) ValidateInput(in *handoff.Input) error {
	if err := in.Validate(); err != nil {
		return err
	}
	if _, ok := s.cfg.Agent(in.SourceAgent); !ok {
		return &handoff.FieldError{Field: "source_agent", Problem: fmt.Sprintf("unknown agent %q", in.SourceAgent)}
	}
	if ch := s.cfg.Channels(); in.Channel != "" && !slices.Contains(ch, in.Channel) {
		return &handoff.FieldError{Field: "channel", Problem: fmt.Sprintf("%s is not one of %s", handoff.Quote(in.Channel), strings.Join(ch, ", "))}
	}
	// Only the workflow starts a re-escalation: through the API it would let a bot force a
	// target past the routing rules and forge the chain the ping-pong guard counts.
	if in.Reescalation != nil {
		return &handoff.FieldError{Field: "reescalation", Problem: "is set by a handoff's monitoring rules, not by clients"}
	}
	// Likewise a handback or transfer names its target past the rules: only their routes,
	// which check that the caller owns the conversation, set these.
	switch {
	case in.Handback != nil:
		return &handoff.FieldError{Field: "handback", Problem: "is set by POST /v1/conversations/{id}/handback, not by clients"}
	case in.WarmTransfer != nil:
		return &handoff.FieldError{Field: "warm_transfer", Problem: "is set by POST /v1/conversations/{id}/transfer, not by clients"}
	case len(in.Lineage) > 0:
		return &handoff.FieldError{Field: "lineage", Problem: "is set by the handback and transfer routes, not by clients"}
	case in.FirstHandoff:
		// It turns the ping-pong guard's lookup off: only the API, which asks Temporal, says so.
		return &handoff.FieldError{Field: "first_handoff", Problem: "is set by the API from what Temporal holds, not by clients"}
	}
	return nil
}

// Start validates the input and starts the conversation's handoff, or returns the one that
// already runs for it (Existing true).
func (s *Service) Start(ctx context.Context, in handoff.Input) (StartResult, error) {
	if err := s.ValidateInput(&in); err != nil {
		return StartResult{}, err
	}
	return s.start(ctx, in)
}

// start starts a validated input's handoff, or returns the one that already runs.
func (s *Service) start(ctx context.Context, in handoff.Input) (StartResult, error) {
	id := handoff.WorkflowID(in.ConversationID)
	// The run ID already running (if any) is the fallback answer to "existing?" for clients
	// dialled without the start-report interceptor. No run at all means no earlier handoff
	// for the ping-pong guard to count.
	before, none := s.latestRun(ctx, id)
	in.FirstHandoff = none
	report := &startReport{}
	opts := client.StartWorkflowOptions{
		ID:                       id,
		TaskQueue:                handoff.TaskQueue,
		WorkflowIDReusePolicy:    enumspb.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE,
		WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
		// Agent and conversation IDs only: the summary is encrypted like every payload, but IDs are
		// all an operator needs to find the run.
		StaticSummary: fmt.Sprintf("%s handoff for conversation %s", in.SourceAgent, in.ConversationID),
		Memo:          map[string]any{MemoSource: in.SourceAgent},
		// Searchable from the first moment; the workflow adds target, scenario, phase, outcome.
		TypedSearchAttributes: temporal.NewSearchAttributes(
			temporal.NewSearchAttributeKeyKeyword(handoff.SASource).ValueSet(in.SourceAgent),
			temporal.NewSearchAttributeKeyKeyword(handoff.SAPhase).ValueSet(string(handoff.PhaseAnalyzing)),
		),
	}
	run, err := s.cl.ExecuteWorkflow(withStartReport(ctx, report), opts, handoff.WorkflowName, in)
	if err != nil {
		return StartResult{}, classify(err, "start", in.ConversationID)
	}
	res := StartResult{WorkflowID: id, RunID: run.GetRunID()}
	if report.seen {
		res.Existing = !report.started
	} else {
		res.Existing = before != "" && before == res.RunID
	}
	if res.Existing && s.cancelling(ctx, id, res.RunID) {
		// The running handoff is being cancelled: returning it would lose this start. Wait
		// for it to close (it records its outcome first), then start the new one.
		if err := s.waitClosed(ctx, id, res.RunID); err != nil {
			return StartResult{}, &Error{Kind: KindConflict, Err: err, Message: fmt.Sprintf(
				"the previous handoff of conversation %s is being cancelled and has not closed yet; start again in a moment", in.ConversationID)}
		}
		return s.start(ctx, in)
	}
	return res, nil
}

// cancelling reports whether a cancellation was requested of the run.
func (s *Service) cancelling(ctx context.Context, workflowID, runID string) bool {
	d, err := s.cl.DescribeWorkflowExecution(ctx, workflowID, runID)
	return err == nil && d.GetWorkflowExtendedInfo().GetCancelRequested() &&
		d.GetWorkflowExecutionInfo().GetStatus() == enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING
}

// cancelWait bounds how long a start waits for a cancelled run of the conversation to close.
const cancelWait = 10 * time.Second

// waitClosed waits, up to cancelWait, for the run to close, however it ends (cancelled,
// failed or terminated).
func (s *Service) waitClosed(ctx context.Context, workflowID, runID string) error {
	wctx, cancel := context.WithTimeout(ctx, cancelWait)
	defer cancel()
	err := s.cl.GetWorkflow(wctx, workflowID, runID).Get(wctx, nil)
	if wctx.Err() != nil {
		return wctx.Err()
	}
	if s.cancelling(ctx, workflowID, runID) {
		return fmt.Errorf("run %s is still open: %w", runID, err)
	}
	return nil
}

// runningRunID returns the run ID of the running workflow with this ID, or "".
func (s *Service) runningRunID(ctx context.Context, workflowID string) string {
	running, _ := s.latestRun(ctx, workflowID)
	return running
}

// latestRun reads the workflow ID's latest run: its run ID when it runs, and whether Temporal
// holds no run of it at all (none; an error reading it is not taken for none).
func (s *Service) latestRun(ctx context.Context, workflowID string) (running string, none bool) {
	d, err := s.cl.DescribeWorkflowExecution(ctx, workflowID, "")
	var notFound *serviceerror.NotFound
	if errors.As(err, &notFound) {
		return "", true
	}
	if err != nil {
		return "", false
	}
	info := d.GetWorkflowExecutionInfo()
	if info.GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
		return "", false
	}
	return info.GetExecution().GetRunId(), false
}

// Result waits for a run to finish and returns its final state. A run that ended cancelled
// without a result still answers the state query, so the caller gets the state either way.
func (s *Service) Result(ctx context.Context, convID, runID string) (handoff.State, error) {
	var st handoff.State
	err := s.cl.GetWorkflow(ctx, handoff.WorkflowID(convID), runID).Get(ctx, &st)
	if err == nil {
		return st, nil
	}
	var cancelled *temporal.CanceledError
	if errors.As(err, &cancelled) {
		if q, qerr := s.query(ctx, convID, runID); qerr == nil {
			return q, nil
		}
	}
	var app *temporal.ApplicationError
	if errors.As(err, &app) {
		return st, &Error{Kind: KindInternal, Message: fmt.Sprintf("handoff for conversation %s failed: %s", convID, app.Message()), Err: err}
	}
	return st, classify(err, "wait for the result", convID)
}

// Status returns the state of the conversation's latest handoff (running or closed).
func (s *Service) Status(ctx context.Context, convID string) (handoff.State, error) {
	if err := handoff.ValidateConversationID(convID); err != nil {
		return handoff.State{}, err
	}
	st, err := s.query(ctx, convID, "")
	return st, classify(err, "query state", convID)
}

func (s *Service) query(ctx context.Context, convID, runID string) (handoff.State, error) {
	var st handoff.State
	v, err := s.cl.QueryWorkflow(ctx, handoff.WorkflowID(convID), runID, handoff.QueryState)
	if err != nil {
		return st, err
	}
	return st, v.Get(&st)
}

// Accept answers an open offer with yes for ans.AgentID and returns the state right after.
func (s *Service) Accept(ctx context.Context, convID string, ans handoff.AnswerInput) (handoff.State, error) {
	return s.answer(ctx, convID, handoff.UpdateAccept, ans)
}

// Decline answers an open offer with no for ans.AgentID and returns the state right after.
func (s *Service) Decline(ctx context.Context, convID string, ans handoff.AnswerInput) (handoff.State, error) {
	return s.answer(ctx, convID, handoff.UpdateDecline, ans)
}

// answer sends an accept or decline so that retrying it is safe. The Update ID names the
// agent and the answer: a retry while the first is still pending (a worker restarting) joins
// it and gets its result, and the workflow takes the same answer again as a yes. A retry that
// arrives after the handoff closed gets the final state if the answer had been taken.
func (s *Service) answer(ctx context.Context, convID, update string, ans handoff.AnswerInput) (handoff.State, error) {
	if err := s.CheckAnswer(convID, ans); err != nil {
		return handoff.State{}, err
	}
	st, err := s.updateOnce(ctx, convID, update, update+"/"+ans.AgentID, ans)
	if KindOf(err) == KindNotFound {
		if last, qerr := s.query(ctx, convID, ""); qerr == nil && answeredBy(last, ans.AgentID, update) {
			return last, nil
		}
	}
	if KindOf(err) == KindTimeout {
		var e *Error
		if errors.As(err, &e) {
			e.Message = fmt.Sprintf("%s for conversation %s was not answered in time; it may still take effect once the workers catch up: "+
				"sending the same %s again is safe and returns its result", update, convID, update)
		}
	}
	return st, err
}

// answeredBy reports whether the agent's latest offer in st carries the answer.
func answeredBy(st handoff.State, agentID, update string) bool {
	want := handoff.OfferAccepted
	if update == handoff.UpdateDecline {
		want = handoff.OfferDeclined
	}
	for i := len(st.Offers) - 1; i >= 0; i-- {
		if st.Offers[i].Agent == agentID {
			return st.Offers[i].Result == want
		}
	}
	return false
}

// CheckAnswer validates an accept or decline without touching Temporal. Whether the agent has
// an open offer is the workflow validator's to say.
func (s *Service) CheckAnswer(convID string, ans handoff.AnswerInput) error {
	if err := handoff.ValidateConversationID(convID); err != nil {
		return err
	}
	if ans.AgentID == "" {
		return &handoff.FieldError{Field: "agent_id", Problem: "is required"}
	}
	if _, ok := s.cfg.Agent(ans.AgentID); !ok {
		return &handoff.FieldError{Field: "agent_id", Problem: fmt.Sprintf("unknown agent %q", ans.AgentID)}
	}
	return nil
}

// Confirm gives the yes or no a handoff waiting for confirmation needs, and returns the state
// right after.
func (s *Service) Confirm(ctx context.Context, convID string, c handoff.ConfirmInput) (handoff.State, error) {
	if err := handoff.ValidateConversationID(convID); err != nil {
		return handoff.State{}, err
	}
	return s.update(ctx, convID, handoff.UpdateConfirm, c)
}

// ContextAck sends the receiving agent's acknowledgement of the context it got: what it has
// and what it misses. The workflow re-sends missing fields and scores preservation.
func (s *Service) ContextAck(ctx context.Context, convID string, ack handoff.ContextAckInput) (handoff.State, error) {
	if err := handoff.ValidateConversationID(convID); err != nil {
		return handoff.State{}, err
	}
	if ack.AgentID == "" {
		return handoff.State{}, &handoff.FieldError{Field: "agent_id", Problem: "is required"}
	}
	return s.update(ctx, convID, handoff.UpdateContextAck, ack)
}

// update runs an Update to completion: the workflow's validator answers at once, so a refusal
// comes back here as a conflict with the workflow's reason. The Updates return the state.
func (s *Service) update(ctx context.Context, convID, name string, arg any) (handoff.State, error) {
	return s.updateOnce(ctx, convID, name, "", arg)
}

// updateOnce is update with an Update ID: requests with the same ID reach the workflow once and
// share the result. An empty ID lets the client make one up.
func (s *Service) updateOnce(ctx context.Context, convID, name, updateID string, arg any) (handoff.State, error) {
	var st handoff.State
	h, err := s.cl.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
		WorkflowID:   handoff.WorkflowID(convID),
		UpdateID:     updateID,
		UpdateName:   name,
		Args:         []any{arg},
		WaitForStage: client.WorkflowUpdateStageCompleted,
	})
	if err == nil {
		err = h.Get(ctx, &st)
	}
	return st, classify(err, name, convID)
}

// SendEvent validates a conversation event and signals it to the running handoff.
func (s *Service) SendEvent(ctx context.Context, convID string, ev handoff.Event) error {
	if err := handoff.ValidateConversationID(convID); err != nil {
		return err
	}
	if err := ev.Validate(); err != nil {
		return err
	}
	err := s.cl.SignalWorkflow(ctx, handoff.WorkflowID(convID), "", handoff.SignalEvent, ev)
	return classify(err, "send event", convID)
}

// Cancel asks the running handoff to stop; the workflow records the outcome cancelled.
func (s *Service) Cancel(ctx context.Context, convID string) error {
	if err := handoff.ValidateConversationID(convID); err != nil {
		return err
	}
	return classify(s.cl.CancelWorkflow(ctx, handoff.WorkflowID(convID), ""), "cancel", convID)
}

// SourceAgent returns the source agent of the conversation's running handoff: from the memo
// set at start, else (a run started by another client) from the state query.
func (s *Service) SourceAgent(ctx context.Context, convID string) (string, error) {
	if err := handoff.ValidateConversationID(convID); err != nil {
		return "", err
	}
	d, err := s.cl.DescribeWorkflowExecution(ctx, handoff.WorkflowID(convID), "")
	if err != nil {
		return "", classify(err, "describe", convID)
	}
	info := d.GetWorkflowExecutionInfo()
	if info.GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
		return "", noHandoff(convID, nil)
	}
	if p, ok := info.GetMemo().GetFields()[MemoSource]; ok {
		// The memo is encrypted like every payload: decode it with the clients' converter.
		dc := converter.GetDefaultDataConverter()
		if s.cfg != nil {
			if cdc, _, err := s.cfg.Converters(); err == nil && cdc != nil {
				dc = cdc
			}
		}
		var src string
		if err := dc.FromPayload(p, &src); err == nil && src != "" {
			return src, nil
		}
	}
	st, err := s.query(ctx, convID, info.GetExecution().GetRunId())
	if err != nil {
		return "", classify(err, "query state", convID)
	}
	return st.SourceAgent, nil
}

// Decide is a dry run: the decision the config's rules make for this input, with the
// deployment's settings, and nothing started.
func (s *Service) Decide(in handoff.Input) (handoff.Decision, error) {
	if err := s.ValidateInput(&in); err != nil {
		return handoff.Decision{}, err
	}
	if s.cfg.Engine == nil {
		return handoff.Decision{}, &Error{Kind: KindInternal, Message: "config has no compiled routing rules"}
	}
	d := s.cfg.Engine.Decide(&in)
	d.Settings = s.cfg.Settings()
	d.FallbackAgent = s.cfg.Handoff.FallbackAgent
	return d, nil
}

// Kind is an agent's kind in the roster, "" when it is not on it.
func (s *Service) Kind(agentID string) handoff.AgentKind {
	ag, ok := s.cfg.Agent(agentID)
	if !ok {
		return ""
	}
	return ag.Kind
}

// CheckHealth reports whether Temporal answers.
func (s *Service) CheckHealth(ctx context.Context) error {
	if _, err := s.cl.CheckHealth(ctx, &client.CheckHealthRequest{}); err != nil {
		return &Error{Kind: KindUnavailable, Message: "Temporal is not reachable: " + err.Error(), Err: err}
	}
	return nil
}
