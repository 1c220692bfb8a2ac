package faults_test

import (
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// Handbacks and warm transfers move ownership from a person: the worker is killed with
// SIGKILL while the conversation goes back to its bot and while a transfer's offer is open.
// Each conversation has one owner at every sample and the right one at the end, no message
// reaches the customer twice, and nobody holds capacity for it afterwards.
func TestCollabFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("the fault suite kills and restarts the worker; it runs in make test and make faults")
	}
	r := newRig(t)

	// The bot is slow to take the conversation back, and the kill lands while it is told.
	r.scenario("handback-kill-while-ownership-moves", func(t *testing.T, conv string) {
		in := seller(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		owner, _ := r.personOwns(t, in)
		r.e.Agents.SetSlow(in.SourceAgent, 700*time.Millisecond)
		r.handOn(t, conv, owner, "handback", `{"summary":{"promised":["a call on Friday"]}}`)
		r.e.WaitFor(t, conv, within, "the handback under way", func(s handoff.State) bool {
			return s.Kind == handoff.LinkHandback && s.Phase == handoff.PhaseConfirming
		})
		r.kill()
		r.start()
		st := r.closedKind(t, conv, handoff.LinkHandback)
		expectOutcome(t, st, handoff.OutcomeCompleted, in.SourceAgent)
		r.settle(t, l, st)
	})

	// Killed while the receiver's offer is open; they accept once a worker is back.
	r.scenario("transfer-kill-while-offered", func(t *testing.T, conv string) {
		in := seller(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		sender, receiver := r.personOwns(t, in)
		r.handOn(t, conv, sender, "transfer", `{"to":"`+receiver+`","brief":"Wants the valuation moved."}`)
		r.transferOffered(t, conv, receiver)
		r.kill()
		r.start()
		r.accept(t, conv, receiver)
		st := r.closedKind(t, conv, handoff.LinkTransfer)
		expectOutcome(t, st, handoff.OutcomeCompleted, receiver)
		r.settle(t, l, st)
	})

	// Killed while the receiver's offer is open; they decline: the sender keeps the
	// conversation and the receiver holds nothing.
	r.scenario("transfer-declined-after-kill", func(t *testing.T, conv string) {
		in := seller(t, conv)
		l := watch(r.e, conv, in.SourceAgent)
		sender, receiver := r.personOwns(t, in)
		r.handOn(t, conv, sender, "transfer", `{"to":"`+receiver+`"}`)
		r.transferOffered(t, conv, receiver)
		r.kill()
		r.start()
		r.answer(t, conv, receiver, "decline", `{"reason":"with another client"}`)
		st := r.closedKind(t, conv, handoff.LinkTransfer)
		if st.Owner != sender {
			t.Fatalf("after the declined transfer the owner is %q (%s %s), want %s", st.Owner, st.Outcome, st.OutcomeReason, sender)
		}
		r.settle(t, l, st)
	})
}

// personOwns starts the handoff, has the person it is offered to accept it and waits until it
// closed with them as the owner (the rig's monitoring window is three seconds). It returns
// that person and the other human agent.
func (r *rig) personOwns(t *testing.T, in handoff.Input) (owner, other string) {
	t.Helper()
	r.startHandoff(t, in)
	owner = r.offered(t, in.ConversationID)
	r.accept(t, in.ConversationID, owner)
	expectOutcome(t, r.closed(t, in.ConversationID), handoff.OutcomeCompleted, owner)
	if other = "james"; owner == "james" {
		other = "maria"
	}
	return owner, other
}

// handOn posts a handback or transfer (what) for the person.
func (r *rig) handOn(t *testing.T, conv, person, what, body string) {
	t.Helper()
	if status, resp := r.e.Do(t, "POST", "/v1/conversations/"+conv+"/"+what, person, body); status != 201 {
		t.Fatalf("%s by %s: %d %s", what, person, status, resp)
	}
}

func (r *rig) transferOffered(t *testing.T, conv, person string) {
	t.Helper()
	r.e.WaitFor(t, conv, within, "the transfer offered to "+person, func(s handoff.State) bool {
		return s.Kind == handoff.LinkTransfer && s.CurrentOffer != nil && s.CurrentOffer.Agent == person
	})
}

// closedKind waits until the conversation's latest handoff, of the kind, has closed.
func (r *rig) closedKind(t *testing.T, conv, kind string) handoff.State {
	t.Helper()
	return r.e.WaitFor(t, conv, within, kind+" closed", func(s handoff.State) bool {
		return s.Kind == kind && s.Phase == handoff.PhaseClosed
	})
}
