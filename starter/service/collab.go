package service

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// The collaboration operations: an approver's vote, a note between the two people of a warm
// transfer, and the handback and warm transfer themselves, which start the conversation's
// next handoff from the person who owns it.

// Vote sends an approver's vote to the handoff awaiting its team decision.
func (s *Service) Vote(ctx context.Context, convID string, v handoff.VoteInput) (handoff.State, error) {
	if err := handoff.ValidateConversationID(convID); err != nil {
		return handoff.State{}, err
	}
	if err := v.Validate(); err != nil {
		return handoff.State{}, err
	}
	return s.update(ctx, convID, handoff.UpdateVote, v)
}

// Note sends a note between the sender and the receiver of a warm transfer.
func (s *Service) Note(ctx context.Context, convID string, n handoff.NoteInput) (handoff.State, error) {
	if err := handoff.ValidateConversationID(convID); err != nil {
		return handoff.State{}, err
	}
	if err := n.Validate(); err != nil {
		return handoff.State{}, err
	}
	return s.update(ctx, convID, handoff.UpdateNote, n)
}

// Handback starts the handoff that gives the conversation back from the person who owns it
// to a bot: the one it came from unless the request names another.
func (s *Service) Handback(ctx context.Context, convID, person string, req handoff.HandbackRequest) (StartResult, error) {
	if err := req.Validate(); err != nil {
		return StartResult{}, err
	}
	prev, in, err := s.ownedBy(ctx, convID, person, "handed_back")
	if err != nil {
		return StartResult{}, err
	}
	to := req.To
	if to == "" {
		if to = cameFrom(prev, s.Kind); to == "" {
			return StartResult{}, &handoff.FieldError{Field: "to", Problem: "is required: the conversation came from no bot to hand it back to"}
		}
	}
	if k := s.Kind(to); k == "" || k.IsPerson() {
		return StartResult{}, &handoff.FieldError{Field: "to", Problem: fmt.Sprintf("%s is not a bot or specialist of the roster: hand back to one (a person is a warm transfer)", handoff.Quote(to))}
	}
	in.Messages = append(in.Messages, req.Messages...)
	in.Handback = &handoff.Handback{To: to, Summary: req.Summary, Since: req.Messages}
	return s.startNext(ctx, prev, in)
}

// Transfer starts a warm transfer from the person who owns the conversation to another person.
func (s *Service) Transfer(ctx context.Context, convID, person string, req handoff.TransferRequest) (StartResult, error) {
	if err := req.Validate(); err != nil {
		return StartResult{}, err
	}
	if !s.Kind(req.To).IsPerson() {
		return StartResult{}, &handoff.FieldError{Field: "to", Problem: fmt.Sprintf("%s is not a person of the roster (a human agent or supervisor)", handoff.Quote(req.To))}
	}
	if req.To == person {
		return StartResult{}, &handoff.FieldError{Field: "to", Problem: "names the sender: transfer to someone else"}
	}
	prev, in, err := s.ownedBy(ctx, convID, person, "transferred")
	if err != nil {
		return StartResult{}, err
	}
	in.WarmTransfer = &handoff.WarmTransfer{To: req.To, Brief: req.Brief}
	return s.startNext(ctx, prev, in)
}

// ownedBy reads the conversation's latest handoff and its input, and checks that it closed
// with the person as its owner: only the owner hands the conversation on, and only once the
// handoff that gave it to them is over. A person who is done while its monitoring window is
// still open closes the window with an outcome report (outcome, e.g. handed_back), as a
// receiver's report always could, and the hand-on waits for that run to close.
func (s *Service) ownedBy(ctx context.Context, convID, person, outcome string) (handoff.State, handoff.Input, error) {
	var in handoff.Input
	prev, err := s.Status(ctx, convID)
	if err != nil {
		return prev, in, err
	}
	if prev.Owner != person {
		return prev, in, &Error{Kind: KindConflict, Message: fmt.Sprintf("conversation %s is owned by %s, not %s: only its owner hands it on", convID, prev.Owner, person)}
	}
	if prev.Phase == handoff.PhaseMonitoring {
		if prev, err = s.closeWindow(ctx, convID, person, outcome); err != nil {
			return prev, in, err
		}
	}
	if prev.Phase != handoff.PhaseClosed {
		return prev, in, &Error{Kind: KindConflict, Message: fmt.Sprintf(
			"the handoff that gave conversation %s to %s is still %s; hand it on once it closed (its monitoring window ends it)", convID, person, prev.Phase)}
	}
	v, err := s.cl.QueryWorkflow(ctx, handoff.WorkflowID(convID), "", handoff.QueryInput)
	if err == nil {
		err = v.Get(&in)
	}
	if err != nil {
		return prev, in, classify(err, "read the handoff's input", convID)
	}
	return prev, in, nil
}

// closeWindowWithin bounds the wait for a monitoring run to close after its owner's report:
// recording the outcome takes moments, so longer means the workers are down or overloaded.
const closeWindowWithin = 30 * time.Second

// closeWindow ends the monitoring window of the conversation's handoff with the owner's
// outcome report and returns its state once the run has closed.
func (s *Service) closeWindow(ctx context.Context, convID, person, outcome string) (handoff.State, error) {
	ev := handoff.Event{Type: handoff.EventOutcome, Outcome: outcome, From: person}
	if err := s.SendEvent(ctx, convID, ev); err != nil {
		return handoff.State{}, err
	}
	wctx, cancel := context.WithTimeout(ctx, closeWindowWithin)
	defer cancel()
	if err := s.cl.GetWorkflow(wctx, handoff.WorkflowID(convID), "").Get(wctx, nil); err != nil && wctx.Err() != nil {
		return handoff.State{}, &Error{Kind: KindTimeout, Err: err, Message: fmt.Sprintf(
			"conversation %s: its monitoring window was told to close, but the handoff has not finished yet (the workers are down or busy); try again in a moment", convID)}
	}
	return s.Status(ctx, convID)
}

// startNext starts the next handoff of the conversation from its owner, linked to the one
// before. A start that finds a handoff already running (two requests at once) is refused: the
// other one is under way.
func (s *Service) startNext(ctx context.Context, prev handoff.State, in handoff.Input) (StartResult, error) {
	link := handoff.Link{HandoffID: prev.HandoffID, Kind: prev.Kind, From: prev.SourceAgent, To: prev.Target, Owner: prev.Owner,
		Outcome: prev.Outcome, At: prev.StartedAt, Predecessor: prev.Predecessor}
	if link.Kind == "" {
		link.Kind = handoff.LinkHandoff
	}
	in.Lineage = append(slices.Clone(prev.Lineage), link)
	if n := len(in.Lineage); n > handoff.MaxLineage {
		in.Lineage = in.Lineage[n-handoff.MaxLineage:]
	}
	in.SourceAgent = prev.Owner
	in.Reescalation = nil
	if err := in.Validate(); err != nil {
		return StartResult{}, err
	}
	res, err := s.start(ctx, in)
	if err != nil {
		return res, err
	}
	if res.Existing {
		return res, &Error{Kind: KindConflict, Message: fmt.Sprintf("conversation %s is already being handed on (run %s)", in.ConversationID, res.RunID)}
	}
	return res, nil
}

// cameFrom is the bot the person got the conversation from: the latest bot source of the
// chain, this handoff's first.
func cameFrom(prev handoff.State, kind func(string) handoff.AgentKind) string {
	if k := kind(prev.SourceAgent); k != "" && !k.IsPerson() {
		return prev.SourceAgent
	}
	for i := len(prev.Lineage) - 1; i >= 0; i-- {
		if k := kind(prev.Lineage[i].From); k != "" && !k.IsPerson() {
			return prev.Lineage[i].From
		}
	}
	return ""
}
