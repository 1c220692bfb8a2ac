package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// The two baselines the handoff is measured against, run by a worker process of their own on
// their own task queue. Both take the steps a bot-to-bot Handoff takes, in the same order, and
// make the same HTTP round trips to the same stand-in agents (like with like: the difference
// is orchestration, not I/O):
//
//	analyze, select           pure, trivial work
//	rank                      GET the target's health check
//	package                   pure, trivial work
//	prepare                   POST prepare_customer to the source's webhook
//	brief                     POST the briefing (with the transcript) to the target
//	confirm                   POST transferred to the source, then to the target
//	record                    pure, trivial work
//
// The floor runs them as local activities with no timer: the engine's ceiling for eight steps.
// The naive shape runs them as regular activities plus the monitoring window's timer: what a
// first Temporal version of the handoff would look like.
const (
	BaselineTaskQueue = "handoff-bench-baselines"
	FloorWorkflow     = "BenchFloor"
	NaiveWorkflow     = "BenchNaive"
	// stepPrefix names the baselines' activities (BenchAnalyze, ...), apart from the handoff's.
	stepPrefix = "Bench"
)

// BaselineInput starts a baseline run.
type BaselineInput struct {
	// Input is the same conversation a handoff gets, so payloads are the same size.
	Input     handoff.Input `json:"input"`
	Target    string        `json:"target"`
	AgentsURL string        `json:"agents_url"`
	// Window is the monitoring timer of the naive shape ("2s").
	Window string `json:"window"`
}

// BaselineResult carries the same timestamps as a handoff's State.
type BaselineResult struct {
	StartedAt  time.Time `json:"started_at"`
	BriefedAt  time.Time `json:"briefed_at"`
	AcceptedAt time.Time `json:"accepted_at"`
	EndedAt    time.Time `json:"ended_at"`
}

// baselineSteps are the activity steps, in order.
var baselineSteps = []string{"Analyze", "Select", "Rank", "Package", "Prepare", "Brief", "Confirm", "Record"}

// Floor runs the steps as local activities, no timer.
func Floor(ctx workflow.Context, in BaselineInput) (BaselineResult, error) {
	ctx = workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{
		StartToCloseTimeout: 10 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 3},
	})
	return runSteps(ctx, in, 0, func(ctx workflow.Context, name string) workflow.Future {
		return workflow.ExecuteLocalActivity(ctx, stepPrefix+name, in)
	})
}

// Naive runs the steps as regular activities, with the monitoring timer before the record.
func Naive(ctx workflow.Context, in BaselineInput) (BaselineResult, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 10 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 3},
	})
	window, err := time.ParseDuration(in.Window)
	if err != nil || window <= 0 {
		return BaselineResult{}, temporal.NewNonRetryableApplicationError("bad window "+in.Window, "InvalidInput", nil)
	}
	return runSteps(ctx, in, window, func(ctx workflow.Context, name string) workflow.Future {
		return workflow.ExecuteActivity(ctx, stepPrefix+name, in)
	})
}

func runSteps(ctx workflow.Context, in BaselineInput, window time.Duration, exec func(workflow.Context, string) workflow.Future) (BaselineResult, error) {
	r := BaselineResult{StartedAt: workflow.Now(ctx)}
	for _, step := range baselineSteps {
		if step == "Record" && window > 0 {
			if err := workflow.Sleep(ctx, window); err != nil {
				return r, err
			}
		}
		if err := exec(ctx, step).Get(ctx, nil); err != nil {
			return r, fmt.Errorf("step %s: %w", step, err)
		}
		if step == "Brief" {
			// A bot accepts on delivery, as in the handoff.
			r.BriefedAt = workflow.Now(ctx)
			r.AcceptedAt = r.BriefedAt
		}
	}
	r.EndedAt = workflow.Now(ctx)
	return r, nil
}

// Steps are the baselines' activities.
type Steps struct {
	http   *http.Client
	logger *slog.Logger
}

// NewSteps makes the steps with an HTTP client like the handoff activities' (5 s timeout).
func NewSteps(logger *slog.Logger) *Steps {
	return &Steps{http: &http.Client{Timeout: 5 * time.Second}, logger: logger}
}

// Analyze counts the customer's messages (trivial work).
func (s *Steps) Analyze(_ context.Context, in BaselineInput) (int, error) {
	n := 0
	for _, m := range in.Input.Messages {
		if m.Role == "customer" {
			n++
		}
	}
	return n, nil
}

// Select returns the target it was given.
func (s *Steps) Select(_ context.Context, in BaselineInput) (string, error) { return in.Target, nil }

// Rank checks the target's health, as ranking a bot does.
func (s *Steps) Rank(ctx context.Context, in BaselineInput) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, in.AgentsURL+"/agents/"+in.Target+"/health", nil)
	if err != nil {
		return err
	}
	return s.do(req)
}

// Package returns the conversation's length (trivial work).
func (s *Steps) Package(_ context.Context, in BaselineInput) (int, error) {
	n := 0
	for _, m := range in.Input.Messages {
		n += len(m.Text)
	}
	return n, nil
}

// Prepare tells the source to prepare the customer.
func (s *Steps) Prepare(ctx context.Context, in BaselineInput) error {
	return s.post(ctx, in, in.Input.SourceAgent, handoff.Delivery{Type: handoff.DeliveryPrepareCustomer,
		Message: "Let me connect you with a specialist who can help with this."})
}

// Brief gives the target the conversation.
func (s *Steps) Brief(ctx context.Context, in BaselineInput) error {
	var b strings.Builder
	for _, m := range in.Input.Messages {
		b.WriteString(m.Role + ": " + m.Text + "\n")
	}
	return s.post(ctx, in, in.Target, handoff.Delivery{Type: handoff.DeliveryBriefing, Brief: in.Input.SourceResult, Message: b.String()})
}

// Confirm tells the source, then the target, that the target owns the conversation.
func (s *Steps) Confirm(ctx context.Context, in BaselineInput) error {
	d := handoff.Delivery{Type: handoff.DeliveryTransferred}
	if err := s.post(ctx, in, in.Input.SourceAgent, d); err != nil {
		return err
	}
	return s.post(ctx, in, in.Target, d)
}

// Record does nothing, as RecordOutcome without an outcome URL only logs.
func (s *Steps) Record(_ context.Context, in BaselineInput) error {
	s.logger.Info("recorded", "conversation", in.Input.ConversationID)
	return nil
}

func (s *Steps) post(ctx context.Context, in BaselineInput, to string, d handoff.Delivery) error {
	d.HandoffID = activity.GetInfo(ctx).WorkflowExecution.ID
	d.ConversationID, d.From, d.To = in.Input.ConversationID, in.Input.SourceAgent, to
	body, err := json.Marshal(d)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, in.AgentsURL+"/agents/"+to, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if err := s.do(req); err != nil {
		return err
	}
	s.logger.Info("delivered", "type", string(d.Type), "agent", to)
	return nil
}

func (s *Steps) do(req *http.Request) error {
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s %s answered %s", req.Method, req.URL.Path, resp.Status)
	}
	return nil
}

// RegisterBaselines registers both baseline workflows and their steps.
func RegisterBaselines(w worker.Registry, s *Steps) {
	w.RegisterWorkflowWithOptions(Floor, workflow.RegisterOptions{Name: FloorWorkflow})
	w.RegisterWorkflowWithOptions(Naive, workflow.RegisterOptions{Name: NaiveWorkflow})
	w.RegisterActivityWithOptions(s, activity.RegisterOptions{Name: stepPrefix})
}
