package workflows

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// setup registers the query, Update and Signal handlers before the workflow first blocks, so
// nothing sent early is lost.
func (h *handoffRun) setup(ctx workflow.Context) error {
	if err := workflow.SetQueryHandler(ctx, handoff.QueryState, func() (handoff.State, error) {
		return h.snapshot(), nil
	}); err != nil {
		return err
	}
	if err := workflow.SetQueryHandler(ctx, handoff.QueryInput, func() (handoff.Input, error) {
		return h.in, nil
	}); err != nil {
		return err
	}
	// A slice, not a map: handlers must be registered in the same order on every replay.
	answers := []struct{ name, result string }{
		{handoff.UpdateAccept, handoff.OfferAccepted},
		{handoff.UpdateDecline, handoff.OfferDeclined},
	}
	for _, ans := range answers {
		name, result := ans.name, ans.result
		err := workflow.SetUpdateHandlerWithOptions(ctx, name,
			func(ctx workflow.Context, in handoff.AnswerInput) (handoff.State, error) {
				if err := h.awaitReservation(ctx, in.AgentID); err != nil {
					return h.snapshot(), err
				}
				h.answer(ctx, in, result)
				return h.snapshot(), nil
			},
			workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, in handoff.AnswerInput) error {
				return h.validateAnswer(in, result)
			}})
		if err != nil {
			return err
		}
		onSignalCtx(ctx, name, func(ctx workflow.Context, in handoff.AnswerInput) {
			err := h.validateAnswer(in, result)
			if err == nil {
				err = h.awaitReservation(ctx, in.AgentID)
			}
			if err != nil {
				h.logger.Warn("ignored signal", "signal", name, "reason", err.Error())
				return
			}
			h.answer(ctx, in, result)
		})
	}
	err := workflow.SetUpdateHandlerWithOptions(ctx, handoff.UpdateConfirm,
		func(ctx workflow.Context, in handoff.ConfirmInput) (handoff.State, error) {
			h.confirmation = &in
			return h.snapshot(), nil
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, in handoff.ConfirmInput) error {
			return h.validateConfirm()
		}})
	if err != nil {
		return err
	}
	onSignal(ctx, handoff.UpdateConfirm, func(in handoff.ConfirmInput) {
		if err := h.validateConfirm(); err != nil {
			h.logger.Warn("ignored signal", "signal", handoff.UpdateConfirm, "reason", err.Error())
			return
		}
		h.confirmation = &in
	})
	err = workflow.SetUpdateHandlerWithOptions(ctx, handoff.UpdateContextAck,
		func(ctx workflow.Context, in handoff.ContextAckInput) (handoff.State, error) {
			h.ack(in)
			return h.snapshot(), nil
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, in handoff.ContextAckInput) error {
			return h.validateAck(in)
		}})
	if err != nil {
		return err
	}
	onSignal(ctx, handoff.UpdateContextAck, func(in handoff.ContextAckInput) {
		if err := h.validateAck(in); err != nil {
			h.logger.Warn("ignored signal", "signal", handoff.UpdateContextAck, "reason", err.Error())
			return
		}
		h.ack(in)
	})
	onSignal(ctx, handoff.SignalEvent, func(e handoff.Event) { h.event(ctx, e) })
	onSignalCtx(ctx, handoff.SignalQueueOffer, h.queueOffered)
	if err := h.setupCollab(ctx); err != nil {
		return err
	}
	return h.setupSupervision(ctx)
}

// onSignal runs fn for every signal of a name, in a goroutine of its own. It reads on a
// disconnected context so events keep arriving while a cancelled handoff closes.
func onSignal[T any](ctx workflow.Context, name string, fn func(T)) {
	onSignalCtx(ctx, name, func(_ workflow.Context, v T) { fn(v) })
}

// onSignalCtx is onSignal for a handler that may block (send a signal and wait for it): it
// gets its goroutine's context, the one a blocking call must use there.
func onSignalCtx[T any](ctx workflow.Context, name string, fn func(workflow.Context, T)) {
	ch := workflow.GetSignalChannel(ctx, name)
	dctx, _ := workflow.NewDisconnectedContext(ctx)
	workflow.Go(dctx, func(ctx workflow.Context) {
		for {
			var v T
			ch.Receive(ctx, &v)
			fn(ctx, v)
		}
	})
}

// awaitWithTimeout is workflow.AwaitWithTimeout for a condition that signals fulfil. Signals
// are handled in goroutines (onSignal); a worker that was away gets a signal and the timer that
// came after it in one workflow task, and the timer wakes the waiting coroutine before the
// handler has run. So on a timeout it yields once to the coroutines made before it (the
// handlers among them, which run in the order they were made) and asks again. Yielding adds no
// command: a history without such a task replays as before.
func awaitWithTimeout(ctx workflow.Context, d time.Duration, cond func() bool) (bool, error) {
	ok, err := workflow.AwaitWithTimeout(ctx, d, cond)
	if ok || err != nil {
		return ok, err
	}
	yielded := false
	workflow.Go(ctx, func(workflow.Context) { yielded = true })
	if err := workflow.Await(ctx, func() bool { return yielded }); err != nil {
		return false, err
	}
	return cond(), nil
}

// validateAnswer refuses an accept or decline from anyone but an agent whose offer is open,
// any answer while no offer is open (a late accept after the timeout included), and an accept
// once another agent of a parallel offer accepted first. The same answer again is taken, and
// changes nothing: a person whose accept timed out on their side (the worker was restarting)
// retries and gets the same yes, rather than a refusal for an offer they already hold.
func (h *handoffRun) validateAnswer(in handoff.AnswerInput, result string) error {
	if in.AgentID == "" {
		return fmt.Errorf("agent_id is required")
	}
	if h.answered(in.AgentID, result) {
		return nil
	}
	for _, o := range h.state.Offers {
		if o.Result == handoff.OfferAccepted && o.Agent != in.AgentID {
			return fmt.Errorf("agent %s has no open offer for conversation %s (%s accepted first)", in.AgentID, h.in.ConversationID, o.Agent)
		}
	}
	if h.openOfferOf(in.AgentID) >= 0 || h.reservingFor(in.AgentID) {
		return nil
	}
	if i := h.offerIndex(in.AgentID); i >= 0 {
		o := h.state.Offers[i]
		return fmt.Errorf("agent %s has no open offer for conversation %s (their offer ended %s: %s)", in.AgentID, h.in.ConversationID, o.Result, o.Reason)
	}
	if len(h.open) == 0 {
		return fmt.Errorf("agent %s has no open offer for conversation %s (the handoff is %s)", in.AgentID, h.in.ConversationID, h.state.Phase)
	}
	return fmt.Errorf("agent %s has no open offer for conversation %s (it is offered to another agent)", in.AgentID, h.in.ConversationID)
}

// reservingFor reports whether the agent's offer is being reserved: the reservation puts it in
// their list before the workflow hears back, so they may answer it from then on.
func (h *handoffRun) reservingFor(agent string) bool {
	return h.reserving >= 0 && h.state.Offers[h.reserving].Agent == agent && h.state.Offers[h.reserving].Result == handoff.OfferPending
}

// awaitReservation holds an answer to an offer still being reserved until the reservation's
// result is in: the offer is then open and the answer is taken, or it ended (the person had no
// room after all) and the answer is refused with the reason.
func (h *handoffRun) awaitReservation(ctx workflow.Context, agent string) error {
	if !h.reservingFor(agent) {
		return nil
	}
	i := h.reserving
	if err := workflow.Await(ctx, func() bool { return h.reserving != i }); err != nil {
		return err
	}
	if h.openOfferOf(agent) >= 0 {
		return nil
	}
	o := h.state.Offers[i]
	return temporal.NewNonRetryableApplicationError(fmt.Sprintf("agent %s has no open offer for conversation %s (their offer ended %s: %s)",
		agent, h.in.ConversationID, o.Result, o.Reason), "NoOpenOffer", nil)
}

// answered reports whether the agent's latest offer already carries this answer.
func (h *handoffRun) answered(agent, result string) bool {
	i := h.offerIndex(agent)
	return i >= 0 && h.state.Offers[i].Result == result
}

// openOfferOf is the index of the agent's pending open offer, or -1.
func (h *handoffRun) openOfferOf(agent string) int {
	for _, i := range h.open {
		if o := h.state.Offers[i]; o.Agent == agent && o.Result == handoff.OfferPending {
			return i
		}
	}
	return -1
}

// answer records a person's answer and when it came (the log's time to answer).
func (h *handoffRun) answer(ctx workflow.Context, in handoff.AnswerInput, result string) {
	i := h.openOfferOf(in.AgentID)
	if i < 0 {
		return // the same answer again: nothing changes
	}
	o := &h.state.Offers[i]
	was := o.Result
	o.Result, o.EndedAt = result, workflow.Now(ctx)
	if in.Reason != "" {
		o.Reason = in.Reason
	} else {
		o.Reason = result + " by " + in.AgentID
	}
	h.offerEnded(ctx, i, was)
}

func (h *handoffRun) validateConfirm() error {
	if !h.awaitingYesNo || h.confirmation != nil {
		return fmt.Errorf("conversation %s has no handoff awaiting confirmation (the handoff is %s)", h.in.ConversationID, h.state.Phase)
	}
	return nil
}

// event takes a conversation event in any phase. Before monitoring it still counts: a customer
// message delays a non-urgent handoff until a breakpoint.
func (h *handoffRun) event(ctx workflow.Context, e handoff.Event) {
	if err := e.ValidateKind(); err != nil {
		h.logger.Warn("ignored invalid event", "reason", err.Error())
		return
	}
	if e.At.IsZero() {
		e.At = workflow.Now(ctx)
	}
	if h.lateFromPerson(e) {
		return
	}
	h.keep(e)
	m := h.state.Monitoring
	if m != nil {
		defer h.observe(ctx, e)
	}
	switch e.Type {
	case handoff.EventCustomerMessage:
		h.lastCustomerAt = e.At
		if m != nil {
			m.CustomerMessages++
		}
	case handoff.EventTurnComplete:
		h.turnComplete = true
	case handoff.EventSentiment:
		if m != nil {
			m.Sentiments = append(m.Sentiments, e.Sentiment)
		}
	case handoff.EventOutcome:
		if m != nil {
			m.ReportedOutcome = e.Outcome
		}
	case handoff.EventCustomerRepeated:
		h.repeated()
	case handoff.EventCSAT:
		h.csat(ctx, e)
	case handoff.EventCallbackRequested:
		// Taken while the handoff waits in a queue; otherwise it is only kept.
		if h.queue != nil {
			h.callbackRequested = true
		}
	case handoff.EventCustomerLeft:
		if m != nil {
			// After the transfer the customer was served; the window just closes early.
			m.ReportedOutcome = string(handoff.EventCustomerLeft)
		} else {
			h.customerLeft = true
		}
	}
}

// keep adds an event to the state within the bounds of MaxKeptEvents and MaxKeptEventBytes,
// letting the oldest go: the counters (customer messages, sentiments) still see every event.
func (h *handoffRun) keep(e handoff.Event) {
	e.Text = cut(e.Text, handoff.MaxKeptEventText)
	e.Outcome = cut(e.Outcome, 64)
	h.state.Events = append(h.state.Events, e)
	size := 0
	for _, k := range h.state.Events {
		size += len(k.Text) + len(k.Outcome)
	}
	for len(h.state.Events) > handoff.MaxKeptEvents || size > handoff.MaxKeptEventBytes {
		size -= len(h.state.Events[0].Text) + len(h.state.Events[0].Outcome)
		h.state.Events = h.state.Events[1:]
		h.state.EventsDropped++
	}
}

// cut shortens s to at most n bytes on a rune boundary, marking the cut.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	end := n - len("…")
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end] + "…"
}

// snapshot is a copy of the state for the query and Update results.
func (h *handoffRun) snapshot() handoff.State {
	s := h.state
	s.Offers = append([]handoff.Offer(nil), h.state.Offers...)
	for _, i := range h.open {
		if o := h.state.Offers[i]; o.Result == handoff.OfferPending {
			s.OpenOffers = append(s.OpenOffers, o)
		}
	}
	if len(s.OpenOffers) > 0 {
		s.CurrentOffer = &s.OpenOffers[0]
	}
	return s
}
