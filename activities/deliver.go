package activities

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/sony/gobreaker/v2"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
)

// Error types the workflow's retry policies name as non-retryable: retrying cannot help.
const (
	// ErrDeliveryRejected: the receiver answered 4xx, it will not take this delivery.
	ErrDeliveryRejected = "DeliveryRejected"
	// ErrNoEndpoint: the roster gives no URL to reach the agent.
	ErrNoEndpoint = "NoEndpoint"
	// ErrUnknownAgent: the agent is not in the roster (any more).
	ErrUnknownAgent = "UnknownAgent"
	// ErrCircuitOpen: the agent's endpoint failed repeatedly and its breaker is open. Offers and
	// briefings name it non-retryable, so the workflow moves on to the next candidate at once;
	// the deliveries that must reach their agent eventually (giving the source the customer
	// back) retry it after the breaker's pause.
	ErrCircuitOpen = "CircuitOpen"
)

// DeliveryInput is one webhook call to an agent.
type DeliveryInput struct {
	Agent    string           `json:"agent"`
	Delivery handoff.Delivery `json:"delivery"`
	// Key is the delivery's Idempotency-Key when the workflow may send the same message from
	// more than one activity (a source told again once it answers); otherwise the key is
	// derived from the activity, the same on every retry of it.
	Key string `json:"key,omitempty"`
}

// PrepareCustomer asks the source agent to tell the customer a handoff is coming
// ("Let me connect you with our specialist...").
func (a *Activities) PrepareCustomer(ctx context.Context, in DeliveryInput) error {
	return a.deliver(ctx, in, false)
}

// BriefAgent delivers the context package: to a bot or specialist as a briefing, whose 2xx
// answer is its acceptance; to a person as an offer through the notification service.
func (a *Activities) BriefAgent(ctx context.Context, in DeliveryInput) error {
	return a.deliver(ctx, in, in.Delivery.Type == handoff.DeliveryOffer)
}

// ReleaseSource tells the source agent that a target takes the conversation over: it must
// stop answering the customer. It is the first half of a transfer; the target hears only after
// it, so the customer never has two owners. A source with no endpoint cannot be told, and is
// taken to have let go.
func (a *Activities) ReleaseSource(ctx context.Context, in DeliveryInput) error {
	return a.deliverOwnership(ctx, in)
}

// ConfirmTarget tells the target that it owns the conversation now, with the first response
// to give. For a bot this delivery is the takeover itself; a person also sees the
// conversation assigned to them.
func (a *Activities) ConfirmTarget(ctx context.Context, in DeliveryInput) error {
	return a.deliverOwnership(ctx, in)
}

// ReturnToSource tells the source it has the customer (back): after a target that could not
// take over, or when the source would not let go. Like NotifyFallback, with a script to say.
func (a *Activities) ReturnToSource(ctx context.Context, in DeliveryInput) error {
	return a.deliverOwnership(ctx, in)
}

// WithdrawOffer tells a target that was briefed or offered that the handoff will not reach it.
func (a *Activities) WithdrawOffer(ctx context.Context, in DeliveryInput) error {
	return a.ignoreNoEndpoint(a.deliver(ctx, in, a.isPerson(in.Agent)))
}

// NotifyFallback tells the source agent it keeps the customer, with a script to say.
func (a *Activities) NotifyFallback(ctx context.Context, in DeliveryInput) error {
	return a.ignoreNoEndpoint(a.deliver(ctx, in, a.isPerson(in.Agent)))
}

func (a *Activities) isPerson(id string) bool {
	ag, ok := a.cfg.Agent(id)
	return ok && ag.Kind.IsPerson()
}

func isNoEndpoint(err error) bool {
	var appErr *temporal.ApplicationError
	return errors.As(err, &appErr) && appErr.Type() == ErrNoEndpoint
}

func (a *Activities) ignoreNoEndpoint(err error) error {
	if isNoEndpoint(err) {
		return nil
	}
	return err
}

// deliver POSTs a Delivery to the agent's webhook (or, for people, notification URL). The
// Idempotency-Key is the same on every retry of this activity, so a receiver can drop a
// repeat when a worker dies after the call but before Temporal recorded its completion.
func (a *Activities) deliver(ctx context.Context, in DeliveryInput, notify bool) error {
	return a.send(ctx, in, notify, true)
}

// deliverOwnership delivers a message that moves ownership (let go, it is yours, you have the
// customer back) straight to the agent, past its circuit breaker: a breaker opened by earlier
// failures must not decide who owns a customer, so these always ask the endpoint itself.
func (a *Activities) deliverOwnership(ctx context.Context, in DeliveryInput) error {
	return a.ignoreNoEndpoint(a.send(ctx, in, a.isPerson(in.Agent), false))
}

// send POSTs the delivery, through the agent's breaker when guarded.
func (a *Activities) send(ctx context.Context, in DeliveryInput, notify, guarded bool) error {
	ag, ok := a.cfg.Agent(in.Agent)
	if !ok {
		return temporal.NewNonRetryableApplicationError(fmt.Sprintf("agent %q is not in the roster", in.Agent), ErrUnknownAgent, nil)
	}
	url := ag.WebhookURL
	if notify || ag.Kind.IsPerson() {
		url = ag.NotifyURL
	}
	if url == "" {
		return temporal.NewNonRetryableApplicationError(fmt.Sprintf("agent %q has no URL to deliver %s to", ag.ID, in.Delivery.Type), ErrNoEndpoint, nil)
	}
	d := in.Delivery
	d.To = ag.ID
	body, err := json.Marshal(d)
	if err != nil {
		return temporal.NewNonRetryableApplicationError("encode delivery", "EncodeFailed", err)
	}
	info := activity.GetInfo(ctx)
	// One activity may deliver to several agents (ConfirmTransfer tells source and target): the
	// key names the receiver and the delivery type too.
	key := in.Key
	if key == "" {
		key = fmt.Sprintf("%s/%s/%s/%s/%s", info.WorkflowExecution.ID, info.WorkflowExecution.RunID, info.ActivityID, ag.ID, d.Type)
	}

	post := func() (*http.Response, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Idempotency-Key", key)
		resp, err := a.http.Do(req)
		if err != nil {
			return nil, err
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		// Only 5xx counts against the breaker: a 4xx is the receiver working and saying no.
		if resp.StatusCode >= 500 {
			return resp, fmt.Errorf("%s answered %s", ag.ID, resp.Status)
		}
		return resp, nil
	}
	var resp *http.Response
	if guarded {
		resp, err = a.breaker(deliverBreaker(ag.ID)).Execute(post)
	} else {
		resp, err = post()
	}
	switch {
	case errors.Is(err, gobreaker.ErrOpenState), errors.Is(err, gobreaker.ErrTooManyRequests):
		return temporal.NewApplicationErrorWithOptions(fmt.Sprintf("%s is failing, circuit open", ag.ID), ErrCircuitOpen,
			temporal.ApplicationErrorOptions{NextRetryDelay: 5 * time.Second, Cause: err})
	case err != nil:
		return fmt.Errorf("deliver %s to %s: %w", d.Type, ag.ID, err)
	case resp.StatusCode >= 400:
		return temporal.NewNonRetryableApplicationError(fmt.Sprintf("%s refused %s: %s", ag.ID, d.Type, resp.Status), ErrDeliveryRejected, nil)
	}
	a.logger.Info("delivered", "type", string(d.Type), "agent", ag.ID, "handoff", d.HandoffID, "attempt", info.Attempt)
	return nil
}

// RemindCallback tells an agent that a planned callback of a customer is due.
func (a *Activities) RemindCallback(ctx context.Context, in DeliveryInput) error {
	return a.ignoreNoEndpoint(a.deliver(ctx, in, a.isPerson(in.Agent)))
}
