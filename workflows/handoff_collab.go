package workflows

import (
	"fmt"

	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/workflow"
)

// Handback and warm transfer are handoffs started by the person who owns the conversation
// (Input.Handback, Input.WarmTransfer): the target is theirs to name, and the usual two-phase
// transfer keeps exactly one owner. The person keeps the customer until the target took over:
// a bot that fails its briefing, or a person who declines or lets the offer lapse, leaves the
// conversation (and its capacity) with them.

// stretchMarker is the end-of-stretch marker a handback's deliveries to the bot carry: the
// person's summary, the messages of their stretch, and, once they acknowledged letting go,
// when that was. The bot answers the customer only after a marker with ReleasedAt; the
// person's later messages are refused.
func (h *handoffRun) stretchMarker() *handoff.EndOfStretch {
	hb := h.in.Handback
	if hb == nil {
		return nil
	}
	m := &handoff.EndOfStretch{HandoffID: h.state.Predecessor, Person: h.in.SourceAgent, Summary: hb.Summary, Since: hb.Since}
	if tr := h.state.Transfer; tr != nil {
		m.ReleasedAt = tr.SourceReleasedAt
	}
	return m
}

// lateFromPerson drops an event the person sends after their stretch ended: the bot owns the
// conversation, and a message from them now would be a second voice. The API refuses it
// before it gets here; this covers senders that signal through Temporal directly.
func (h *handoffRun) lateFromPerson(e handoff.Event) bool {
	if h.state.StretchEnded == nil || e.From != h.in.SourceAgent {
		return false
	}
	h.logger.Warn("ignored an event from a person whose stretch ended", "type", string(e.Type))
	return true
}

// validateNote takes a note of a warm transfer from its sender or its receiver, until the
// handoff closes.
func (h *handoffRun) validateNote(in handoff.NoteInput) error {
	if err := in.Validate(); err != nil {
		return err
	}
	wt := h.in.WarmTransfer
	switch {
	case wt == nil:
		return fmt.Errorf("conversation %s's handoff is not a warm transfer: notes go between a transfer's sender and receiver", h.in.ConversationID)
	case in.From != h.in.SourceAgent && in.From != wt.To:
		return fmt.Errorf("%s is neither the sender (%s) nor the receiver (%s) of this transfer", in.From, h.in.SourceAgent, wt.To)
	case h.state.Phase == handoff.PhaseRecording || h.state.Phase == handoff.PhaseClosed:
		return fmt.Errorf("the transfer of conversation %s has ended (%s)", h.in.ConversationID, h.state.Outcome)
	case len(h.state.Notes) >= handoff.MaxNotes:
		return fmt.Errorf("the transfer holds %d notes already, the most it keeps", handoff.MaxNotes)
	}
	return nil
}

func (h *handoffRun) note(ctx workflow.Context, in handoff.NoteInput) {
	h.state.Notes = append(h.state.Notes, handoff.Note{From: in.From, Text: in.Text, At: workflow.Now(ctx)})
}
