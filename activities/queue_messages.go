package activities

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
)

// What a waiting customer hears through the source agent, and the ticket a handoff leaves
// outside business hours.

// PositionInput asks for a handoff's place in its queue to be told to the customer. Delivery
// is the queue_position delivery to the source, its message filled in here.
type PositionInput struct {
	Group           string           `json:"group"`
	HandoffID       string           `json:"handoff_id"`
	Delivery        handoff.Delivery `json:"delivery"`
	CallbackOffered bool             `json:"callback_offered,omitempty"`
}

// PositionResult is the place the customer was told, and the message; Told is false when
// there was nothing to say (the handoff is being offered right now).
type PositionResult struct {
	Position handoff.QueuePosition `json:"position"`
	Message  string                `json:"message,omitempty"`
	Told     bool                  `json:"told"`
}

// AnnouncePosition reads the handoff's place from its queue and has the source tell the
// customer ("You are number 3 in line, about 2 minutes."). With nobody of the group online,
// the estimate is when the first of them is next free (their hours and calendars).
func (a *Activities) AnnouncePosition(ctx context.Context, in PositionInput) (PositionResult, error) {
	now := time.Now()
	pos, err := NewQueueClient(a.temporal, a.cfg).Position(ctx, in.Group, in.HandoffID, now)
	if err != nil {
		return PositionResult{}, err
	}
	if pos.Position == 0 {
		return PositionResult{Position: pos}, nil
	}
	var back time.Time
	if pos.PeopleOnline == 0 {
		// Nobody is online. If their hours and calendars say when the first of them is next
		// free, that is when the customer can expect someone; someone free now by their
		// schedule who is simply not online tells nothing, and no time is promised.
		var ids []string
		for _, m := range a.cfg.QueueMembers(in.Group) {
			ids = append(ids, m.Agent)
		}
		if slot, err := a.NextFreeSlot(ctx, SlotInput{Agents: ids, After: now}); err == nil && slot.At.Sub(now) > backAfter {
			back = slot.At
			pos.EstimateSeconds = int(slot.At.Sub(now) / time.Second)
		}
	}
	d := in.Delivery
	d.Type = handoff.DeliveryQueuePosition
	d.Message = PositionMessage(pos, in.CallbackOffered, back)
	d.Queue = &handoff.QueueNotice{Group: in.Group, Position: pos.Position, EstimateSeconds: pos.EstimateSeconds, CallbackOffered: in.CallbackOffered}
	if err := a.deliver(ctx, DeliveryInput{Agent: d.From, Delivery: d}, false); err != nil {
		return PositionResult{}, err
	}
	return PositionResult{Position: pos, Message: d.Message, Told: true}, nil
}

// backAfter is how far off the next free slot must be to be told as "our team is back at".
const backAfter = 5 * time.Minute

// PositionMessage words a place in line for the customer.
func PositionMessage(pos handoff.QueuePosition, callback bool, back time.Time) string {
	msg := fmt.Sprintf("You are number %d in line", pos.Position)
	if pos.Position == 1 {
		msg = "You're next in line"
	}
	switch {
	case !back.IsZero():
		msg += fmt.Sprintf("; our team is back %s.", back.UTC().Format("Mon 2 Jan 15:04 MST"))
	case pos.EstimateSeconds >= 0:
		msg += ", " + aboutDuration(time.Duration(pos.EstimateSeconds)*time.Second) + "."
	default:
		msg += "."
	}
	if callback {
		msg += " If you'd rather not wait, we can call you back instead."
	}
	return msg
}

// aboutDuration words a wait the way people say it: under a minute, about 2 minutes, about 3
// hours.
func aboutDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "under a minute"
	case d < 90*time.Minute:
		m := int((d + time.Minute - 1) / time.Minute)
		if m == 1 {
			return "about 1 minute"
		}
		return fmt.Sprintf("about %d minutes", m)
	}
	return fmt.Sprintf("about %d hours", int((d+30*time.Minute)/time.Hour))
}

// TicketInput is a handoff going to the asynchronous channel: the delivery, with the context
// package, posted to the queue's ticket webhook.
type TicketInput struct {
	Group    string           `json:"group"`
	Delivery handoff.Delivery `json:"delivery"`
}

// OpenTicket posts the handoff to its queue's ticket webhook (queues[].ticket_url), with an
// Idempotency-Key that is the same on every retry. A 4xx is a refusal no retry changes.
func (a *Activities) OpenTicket(ctx context.Context, in TicketInput) error {
	q, ok := a.cfg.QueueOf(in.Group)
	if !ok || q.TicketURL == "" {
		return temporal.NewNonRetryableApplicationError(fmt.Sprintf("queue %s has no ticket_url", in.Group), ErrNoEndpoint, nil)
	}
	d := in.Delivery
	d.Type = handoff.DeliveryTicket
	body, err := json.Marshal(d)
	if err != nil {
		return temporal.NewNonRetryableApplicationError("encode ticket", "EncodeFailed", err)
	}
	info := activity.GetInfo(ctx)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, q.TicketURL, bytes.NewReader(body))
	if err != nil {
		return temporal.NewNonRetryableApplicationError(err.Error(), ErrNoEndpoint, nil)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", fmt.Sprintf("%s/%s/%s/ticket", info.WorkflowExecution.ID, info.WorkflowExecution.RunID, info.ActivityID))
	resp, err := a.http.Do(req)
	if err != nil {
		return fmt.Errorf("open a ticket for %s: %w", in.Group, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch {
	case resp.StatusCode >= 500:
		return fmt.Errorf("the ticket webhook of %s answered %s", in.Group, resp.Status)
	case resp.StatusCode >= 400:
		return temporal.NewNonRetryableApplicationError(fmt.Sprintf("the ticket webhook of %s refused the ticket: %s", in.Group, resp.Status), ErrDeliveryRejected, nil)
	}
	a.logger.Info("ticket opened", "queue", in.Group, "handoff", d.HandoffID)
	return nil
}
