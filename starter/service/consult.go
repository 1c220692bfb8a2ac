package service

import (
	"context"
	"fmt"

	"github.com/handoffhq/orchestrator/handoff"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
)

// ConsultationStarted says which consultation an advisory request runs as.
type ConsultationStarted struct {
	ConsultationID string `json:"consultation_id"`
	RunID          string `json:"run_id"`
	Existing       bool   `json:"existing"`
}

// CheckAdvisory validates an advisory request against the roster without touching Temporal.
// The conversation's source agent is the primary agent: it keeps the customer.
func (s *Service) CheckAdvisory(req *handoff.AdvisoryRequest) error {
	if err := handoff.ValidateRequestID(req.RequestID); err != nil {
		return err
	}
	in := &req.Conversation
	if err := in.Validate(); err != nil {
		if fe, ok := handoff.AsFieldError(err); ok {
			return &handoff.FieldError{Field: "conversation." + fe.Field, Problem: fe.Problem}
		}
		return err
	}
	spec := &req.Consult
	if spec.PrimaryAgent == "" {
		spec.PrimaryAgent = in.SourceAgent
	}
	if spec.PrimaryAgent != in.SourceAgent {
		return &handoff.FieldError{Field: "consult.primary_agent", Problem: fmt.Sprintf(
			"%s is not the conversation's source agent %s: the primary agent is the one that keeps the customer", handoff.Quote(spec.PrimaryAgent), in.SourceAgent)}
	}
	if spec.Deadline == "" {
		spec.Deadline = handoff.DefaultConsultDeadline
	}
	if err := spec.Check("consult."); err != nil {
		return err
	}
	return s.cfg.CheckConsultation(in.SourceAgent, *spec)
}

// StartConsultation starts an advisory request's consultation, or finds the one already
// started with the same request ID for the conversation.
func (s *Service) StartConsultation(ctx context.Context, req handoff.AdvisoryRequest) (ConsultationStarted, error) {
	if err := s.CheckAdvisory(&req); err != nil {
		return ConsultationStarted{}, err
	}
	in := s.cfg.ConsultationInput(req.Conversation, req.Consult)
	id := handoff.ConsultationID(req.Conversation.ConversationID, req.RequestID)
	before := s.runningRunID(ctx, id)
	run, err := s.cl.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID:        id,
		TaskQueue: handoff.TaskQueue,
		// The request ID names one consultation: a retry finds it, running or closed.
		WorkflowIDReusePolicy:    enumspb.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
		WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
		StaticSummary:            fmt.Sprintf("Consultation of %d experts for %s", len(in.Spec.Experts), in.Spec.PrimaryAgent),
	}, handoff.ConsultationWorkflowName, in)
	if err != nil {
		if d, derr := s.cl.DescribeWorkflowExecution(ctx, id, ""); derr == nil {
			return ConsultationStarted{ConsultationID: id, RunID: d.GetWorkflowExecutionInfo().GetExecution().GetRunId(), Existing: true}, nil
		}
		return ConsultationStarted{}, consultErr(err, "start consultation", id)
	}
	return ConsultationStarted{ConsultationID: id, RunID: run.GetRunID(), Existing: before != "" && before == run.GetRunID()}, nil
}

// Consultation returns a consultation's state, running or closed.
func (s *Service) Consultation(ctx context.Context, id string) (handoff.ConsultationState, error) {
	var st handoff.ConsultationState
	if err := handoff.ValidateConsultationID(id); err != nil {
		return st, err
	}
	v, err := s.cl.QueryWorkflow(ctx, id, "", handoff.QueryConsultation)
	if err == nil {
		err = v.Get(&st)
	}
	return st, consultErr(err, "query consultation", id)
}

// AnswerConsultation gives an expert's advice to the consultation. The Update ID names the
// expert, so a retried answer reaches the workflow once and gets the same result.
func (s *Service) AnswerConsultation(ctx context.Context, id string, in handoff.AdviceInput) (handoff.ConsultationState, error) {
	var st handoff.ConsultationState
	if err := handoff.ValidateConsultationID(id); err != nil {
		return st, err
	}
	if err := in.Validate(); err != nil {
		return st, err
	}
	h, err := s.cl.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
		WorkflowID:   id,
		UpdateID:     handoff.UpdateConsultAnswer + "/" + in.Expert,
		UpdateName:   handoff.UpdateConsultAnswer,
		Args:         []any{in},
		WaitForStage: client.WorkflowUpdateStageCompleted,
	})
	if err == nil {
		err = h.Get(ctx, &st)
	}
	err = consultErr(err, "answer consultation", id)
	if KindOf(err) == KindNotFound {
		// An Update cannot reach a closed workflow; the caller is late, not lost.
		if last, qerr := s.Consultation(ctx, id); qerr == nil && !last.EndedAt.IsZero() {
			return last, &Error{Kind: KindConflict, Err: err, Message: fmt.Sprintf(
				"consultation %s is closed (%s at %s): answers after the deadline are not merged", id, last.Outcome, last.EndedAt.UTC().Format("15:04:05"))}
		}
	}
	return st, err
}

// ConsultationEvent passes a conversation event (customer_left) to a running consultation.
func (s *Service) ConsultationEvent(ctx context.Context, id string, ev handoff.Event) error {
	if err := handoff.ValidateConsultationID(id); err != nil {
		return err
	}
	if err := ev.Validate(); err != nil {
		return err
	}
	if ev.Type != handoff.EventCustomerLeft {
		return &handoff.FieldError{Field: "type", Problem: fmt.Sprintf("a consultation takes %s events only", handoff.EventCustomerLeft)}
	}
	return consultErr(s.cl.SignalWorkflow(ctx, id, "", handoff.SignalEvent, ev), "send event", id)
}

// consultErr classifies a Temporal error about a consultation, with a not-found message that
// names the consultation rather than a handoff.
func consultErr(err error, what, id string) error {
	err = classify(err, what, id)
	if e, ok := err.(*Error); ok && e.Kind == KindNotFound {
		e.Message = "no consultation " + id
	}
	return err
}
