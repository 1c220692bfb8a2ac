package workflows

import (
	"fmt"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/events"
	"github.com/handoffhq/orchestrator/handoff"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// Ownership moves in an order that leaves the customer with exactly one owner whatever step
// fails:
//
//  1. the source is told to let go (ReleaseSource): from here the customer may briefly have
//     no owner, never two;
//  2. the target takes over: a person's reservation becomes an assignment (the conversation
//     shows as theirs) and they are notified; a bot is told it owns the conversation;
//  3. if step 2 fails, the target is told to stand down and freed, the source is given the
//     customer back (a fallback delivery), and the next candidate is tried.
//
// A source that cannot be reached in step 1 is taken to be gone: the target takes over
// regardless (outcome taken_over), knowing the customer may not have been told, and a
// TellSource workflow keeps telling the source, under the same Idempotency-Key, so it hears
// once when it answers again, even long after this handoff closed. The time without an owner is
// bounded by step 2's retry budget and is recorded (Transfer.OwnerlessMs).

// takeOver moves the conversation to target, which accepted. It reports false when the target
// could not take over: then it has been unwound and the source has the customer back.
func (h *handoffRun) takeOver(ctx workflow.Context, target string) bool {
	// Once ownership starts to move it finishes moving, one way or the other: a cancellation
	// arriving now is seen by the monitoring window, with a single owner either way.
	ctx, _ = workflow.NewDisconnectedContext(ctx)
	h.setPhase(ctx, handoff.PhaseConfirming)
	if h.state.Transfer == nil {
		h.state.Transfer = &handoff.Transfer{}
	}
	tr := h.state.Transfer
	released := h.tellSource(ctx, target)
	if !released && h.keptBySource(ctx, target) {
		return false
	}
	letGo := workflow.Now(ctx)
	if released && h.sourcePerson && workflow.GetVersion(ctx, "person-lets-go-first", workflow.DefaultVersion, 1) == 1 {
		// A person's conversation shows as theirs (assigned) until released: released now, as
		// they let go, it never shows as theirs while the target is told it owns it.
		h.freeSourceCapacity(ctx)
		h.sourceFreed = true
	}
	err := h.commitTarget(ctx, target)
	if err != nil {
		i := h.offerIndex(target)
		h.failOffer(ctx, i, "taking over", err)
		h.unwind(ctx, target, "the transfer could not be completed")
		tr.Reclaimed = append(tr.Reclaimed, target)
		tr.Notes = append(tr.Notes, target+" could not take over: "+rootMessage(err))
		if released {
			if h.sourceFreed {
				h.retakeSource(ctx)
			}
			h.reclaimSource(ctx)
			tr.OwnerlessMs += workflow.Now(ctx).Sub(letGo).Milliseconds()
		}
		return false
	}
	now := workflow.Now(ctx)
	if released {
		tr.OwnerlessMs += now.Sub(letGo).Milliseconds()
	}
	tr.SourceUnreachable = !released
	tr.TargetConfirmedAt = now
	h.state.Owner = target
	h.state.Target = target
	if h.in.Handback != nil {
		h.state.StretchEnded = h.stretchMarker()
	}
	h.emit(ctx, events.TypeOwnerChanged, target, "")
	if !released {
		h.tellSourceLater(ctx, target)
	}
	return true
}

// keptBySource handles a source that did not acknowledge letting go. Whether it is gone or
// only refuses is told by giving it the customer back: if that reaches it, it is alive and
// still serving the customer, so it keeps them (a takeover now would make two owners) and the
// handoff ends failed; the target stands down. Only a source that answers nothing at all is
// taken to be gone, and then the target takes over.
func (h *handoffRun) keptBySource(ctx workflow.Context, target string) bool {
	err := workflow.ExecuteActivity(bestEffortOptions(ctx, "Tell "+h.in.SourceAgent+" it keeps the customer"), a.ReturnToSource,
		activities.DeliveryInput{Agent: h.in.SourceAgent, Delivery: h.delivery(handoff.DeliveryFallback, h.in.SourceAgent, fallbackScript)}).Get(ctx, nil)
	if err != nil {
		return false
	}
	h.fallbackSent = true
	h.sourceKept = true
	h.failOffer(ctx, h.offerIndex(target), "taking over", fmt.Errorf("%s answers but did not acknowledge letting go of the customer", h.in.SourceAgent))
	h.unwind(ctx, target, h.in.SourceAgent+" keeps the conversation")
	h.state.Transfer.Notes = append(h.state.Transfer.Notes, h.in.SourceAgent+" keeps the customer: it answers, but did not acknowledge letting go")
	return true
}

// tellSource tells the source to let go of the customer, within a bounded time. It reports
// whether the source acknowledged.
func (h *handoffRun) tellSource(ctx workflow.Context, target string) bool {
	// Regular when a person takes over, even on the fast bot path: the person's accept is
	// answered when the workflow task that took it completes, and a local step in that task
	// would hold their answer for as long as the source takes to let go.
	err := h.io(ctx, releaseOptions(ctx, "Tell "+h.in.SourceAgent+" to let go"), h.fast() && !h.isPerson(target),
		"Tell "+h.in.SourceAgent+" to let go", a.ReleaseSource, h.sourceRelease(target)).Get(ctx, nil)
	if err != nil {
		if !temporal.IsCanceledError(err) {
			h.state.Transfer.Notes = append(h.state.Transfer.Notes,
				h.in.SourceAgent+" could not be told to let go: "+rootMessage(err))
		}
		return false
	}
	h.state.Transfer.SourceReleasedAt = workflow.Now(ctx)
	return true
}

// sourceRelease is the source's "let go" delivery. Its key names the handoff and the target, so
// the same message sent again (in the background, once the source answers) is recognisably
// the same to a receiver that deduplicates.
func (h *handoffRun) sourceRelease(target string) activities.DeliveryInput {
	d := h.delivery(handoff.DeliveryTransferred, target, "")
	return activities.DeliveryInput{Agent: h.in.SourceAgent, Delivery: d,
		Key: fmt.Sprintf("%s/%s/%s>%s", h.id, handoff.DeliveryTransferred, h.in.SourceAgent, target)}
}

// commitTarget makes target the owner: a person's reservation becomes an assignment, then they
// are notified; a bot is told. A person's failed notification does not undo what they
// accepted through the API and now see assigned to them: it is noted.
func (h *handoffRun) commitTarget(ctx workflow.Context, target string) error {
	person := h.isPerson(target)
	if person {
		if err := h.agentOp(ctx, a.Assign, target, "accepted"); err != nil {
			return err
		}
	}
	d := h.delivery(handoff.DeliveryTransferred, target, h.state.Decision.Protocol.FirstResponse)
	d.SourceUnreachable = h.state.Transfer.SourceReleasedAt.IsZero()
	d.EndOfStretch = h.stretchMarker()
	err := h.io(ctx, confirmOptions(ctx), h.fast() && !person, "Confirm "+target+" owns the conversation", a.ConfirmTarget,
		activities.DeliveryInput{Agent: target, Delivery: d}).Get(ctx, nil)
	if err != nil && person && !temporal.IsCanceledError(err) {
		h.state.Transfer.Notes = append(h.state.Transfer.Notes,
			"notifying "+target+" of the transfer failed ("+rootMessage(err)+"); the conversation is assigned to them")
		return nil
	}
	return err
}

// retakeSource assigns the conversation to the person who let go of it again, when the
// target could not take over after all: it shows as theirs once more. The capacity they freed
// a moment ago may have been taken meanwhile (a queue offers freed capacity at once); then the
// customer still goes back to them, noted, without the assignment.
func (h *handoffRun) retakeSource(ctx workflow.Context) {
	h.sourceFreed = false
	var res activities.ReserveResult
	err := workflow.ExecuteActivity(agentOptions(ctx, "Reserve "+h.in.SourceAgent+" again"), a.Reserve, activities.ReserveRequest{
		Agent: h.in.SourceAgent,
		Input: handoff.ReserveInput{HandoffID: h.id, ConversationID: h.in.ConversationID, Source: h.in.SourceAgent,
			Lease: h.state.Decision.Settings.ReservationLease, Brief: "back with you: the hand-on did not complete", Channel: h.in.Channel},
	}).Get(ctx, &res)
	switch {
	case err == nil && res.Reserved:
		err = h.agentOp(ctx, a.Assign, h.in.SourceAgent, "kept the conversation")
	case err == nil:
		err = fmt.Errorf("%s", res.Reason)
	}
	if err != nil {
		h.state.Transfer.Notes = append(h.state.Transfer.Notes,
			h.in.SourceAgent+" has the customer back but could not be assigned the conversation again: "+rootMessage(err))
	}
}

// reclaimSource gives the source the customer back after a target could not take over.
func (h *handoffRun) reclaimSource(ctx workflow.Context) {
	if temporal.IsCanceledError(ctx.Err()) {
		ctx, _ = workflow.NewDisconnectedContext(ctx)
	}
	script := "I'm still here with you. One moment while I find the right person for this."
	err := workflow.ExecuteActivity(reclaimOptions(ctx, "Give "+h.in.SourceAgent+" the customer back"), a.ReturnToSource,
		activities.DeliveryInput{Agent: h.in.SourceAgent, Delivery: h.delivery(handoff.DeliveryFallback, h.in.SourceAgent, script)}).Get(ctx, nil)
	if err != nil {
		h.state.Transfer.Notes = append(h.state.Transfer.Notes,
			h.in.SourceAgent+" could not be given the customer back: "+rootMessage(err))
	}
}

// tellSourceLater starts the TellSource workflow for a source that could not be told to let
// go: it outlives this handoff, and tells the source, under the same Idempotency-Key, as soon
// as it answers again.
func (h *handoffRun) tellSourceLater(ctx workflow.Context, target string) {
	info := workflow.GetInfo(ctx)
	id := handoff.TellSourceWorkflowID(h.in.ConversationID, info.WorkflowExecution.RunID)
	child := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
		WorkflowID:        id,
		ParentClosePolicy: enumspb.PARENT_CLOSE_POLICY_ABANDON,
		StaticSummary:     fmt.Sprintf("Tell %s it let go of conversation %s", h.in.SourceAgent, h.in.ConversationID),
	})
	f := workflow.ExecuteChildWorkflow(child, handoff.TellSourceWorkflowName, h.sourceRelease(target))
	// An abandoned child must exist before this handoff may close.
	if err := f.GetChildWorkflowExecution().Get(ctx, nil); err != nil {
		h.state.Transfer.Notes = append(h.state.Transfer.Notes, "the source will not be told again: "+rootMessage(err))
		return
	}
	h.state.Transfer.TellSourceWorkflowID = id
}

// TellSource is the TellSource workflow: one activity, retried with backoff for up to a day
// until the source takes the delivery.
func TellSource(ctx workflow.Context, in activities.DeliveryInput) error {
	workflow.SetCurrentDetails(ctx, fmt.Sprintf("Telling %s that conversation %s is now served by %s", in.Agent, in.Delivery.ConversationID, in.Delivery.To))
	err := workflow.ExecuteActivity(tellSourceOptions(ctx, "Tell "+in.Agent+" to let go"), a.ReleaseSource, in).Get(ctx, nil)
	if err == nil {
		workflow.SetCurrentDetails(ctx, in.Agent+" was told")
	}
	return err
}

// offerIndex is the index of the latest offer to agent.
func (h *handoffRun) offerIndex(agent string) int {
	for i := len(h.state.Offers) - 1; i >= 0; i-- {
		if h.state.Offers[i].Agent == agent {
			return i
		}
	}
	return -1
}
