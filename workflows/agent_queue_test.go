package workflows

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/stretchr/testify/mock"
)

// What people's capacity counts (channel weights, wrap-ups) and what their queues hear.

// toldQueues records the snapshots the person's workflow signals to queues.
type toldQueues struct {
	mu    sync.Mutex
	snaps map[string][]handoff.AgentSnapshot
	fail  bool
}

func (h *agentHarness) recordQueues() *toldQueues {
	told := &toldQueues{snaps: map[string][]handoff.AgentSnapshot{}}
	h.env.OnSignalExternalWorkflow(mock.Anything, mock.Anything, "", handoff.SignalAgentChanged, mock.Anything).Return(
		func(_, workflowID, _, _ string, arg any) error {
			told.mu.Lock()
			defer told.mu.Unlock()
			told.snaps[workflowID] = append(told.snaps[workflowID], arg.(handoff.AgentSnapshot))
			if told.fail {
				return errors.New("workflow not found")
			}
			return nil
		})
	return told
}

func (q *toldQueues) last(workflowID string) (handoff.AgentSnapshot, int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	s := q.snaps[workflowID]
	if len(s) == 0 {
		return handoff.AgentSnapshot{}, 0
	}
	return s[len(s)-1], len(s)
}

func TestAgentCountsCapacityByChannelWeight(t *testing.T) {
	h := newAgentHarness(t)
	withWeight := func(id, channel string, w float64) handoff.ReserveInput {
		in := reserve(id)
		in.Channel, in.Weight = channel, w
		return in
	}
	var email1, email2, chat, voice, voiceAlone *answer
	h.at(time.Second, func() {
		email1 = h.update(handoff.UpdateReserve, withWeight("e-1", "email", 0.5))
		email2 = h.update(handoff.UpdateReserve, withWeight("e-2", "email", 0.5))
		chat = h.update(handoff.UpdateReserve, withWeight("c-1", "chat", 1))
		voice = h.update(handoff.UpdateReserve, withWeight("v-1", "voice", 2))
	})
	h.at(2*time.Second, func() {
		mustAccept(t, "an email", email1)
		mustAccept(t, "a second email", email2)
		mustAccept(t, "a chat beside two emails", chat)
		mustRefuse(t, "a call needs the whole person", voice, "maria is at capacity (2 of 2 held; a voice conversation takes 2)")
		st := h.state()
		if st.Load() != 2 || st.Active() != 3 || st.MaxLoad != 2 {
			t.Fatalf("load %g of %d reservations, max load %g", st.Load(), st.Active(), st.MaxLoad)
		}
		for _, id := range []string{"e-1", "e-2", "c-1"} {
			h.update(handoff.UpdateRelease, handoff.ReleaseInput{HandoffID: "handoff-" + id})
		}
		voiceAlone = h.update(handoff.UpdateReserve, withWeight("v-1", "voice", 2))
	})
	h.at(3*time.Second, func() {
		mustAccept(t, "a call once she is free", voiceAlone)
		if st := h.state(); st.Load() != 2 || st.Reservations[0].Channel != "voice" {
			t.Fatalf("after the call: %+v", st)
		}
	})
	h.run(online("maria"), time.Minute)
}

// A release with a wrap-up keeps the capacity until the wrap-up ends; the disposition code is
// recorded, and the queues hear when the capacity frees.
func TestWrapUpHoldsCapacityUntilItEnds(t *testing.T) {
	h := newAgentHarness(t)
	told := h.recordQueues()
	var release, again, during, after, badCode *answer
	h.at(time.Second, func() {
		in := reserve("c-1")
		in.Queues = []string{"human_agent"}
		h.update(handoff.UpdateReserve, in)
		h.update(handoff.UpdateReserve, reserve("c-2"))
		h.update(handoff.UpdateAssign, handoff.AssignInput{HandoffID: "handoff-c-1"})
	})
	h.at(10*time.Second, func() {
		badCode = h.update(handoff.UpdateRelease, handoff.ReleaseInput{ConversationID: "c-1", AssignedOnly: true, WrapUp: "45s", Disposition: "Sold it!"})
		release = h.update(handoff.UpdateRelease, handoff.ReleaseInput{ConversationID: "c-1", AssignedOnly: true, WrapUp: "45s", Disposition: "sale"})
	})
	h.at(20*time.Second, func() {
		mustRefuse(t, "a sentence as a code", badCode, "disposition")
		mustAccept(t, "release into wrap-up", release)
		st := h.state()
		if st.Active() != 2 || st.Reservations[0].State != handoff.ReservationWrapUp || !st.Reservations[0].WrapUpUntil.Equal(st.Reservations[0].Since.Add(45*time.Second)) {
			t.Fatalf("after the release: %+v", st.Reservations)
		}
		if len(st.Dispositions) != 1 || st.Dispositions[0].Code != "sale" || st.Dispositions[0].ConversationID != "c-1" {
			t.Fatalf("dispositions %+v", st.Dispositions)
		}
		// Releasing again does not restart the wrap-up; the capacity is still held.
		again = h.update(handoff.UpdateRelease, handoff.ReleaseInput{ConversationID: "c-1", AssignedOnly: true, WrapUp: "45s"})
		during = h.update(handoff.UpdateReserve, reserve("c-3"))
	})
	h.at(54*time.Second, func() {
		mustAccept(t, "release again", again)
		mustRefuse(t, "a reservation during the wrap-up", during, "at capacity (2 of 2)")
		snap, _ := told.last("queue-human_agent")
		if snap.WrapUps != 1 || snap.Load != 2 {
			t.Fatalf("the queue was told %+v during the wrap-up", snap)
		}
	})
	h.at(56*time.Second, func() {
		st := h.state()
		if st.Active() != 1 || st.Reservations[0].ConversationID != "c-2" {
			t.Fatalf("after the wrap-up: %+v", st.Reservations)
		}
		snap, _ := told.last("queue-human_agent")
		if snap.WrapUps != 0 || snap.Load != 1 || len(snap.Held) != 1 || snap.Held[0] != "handoff-c-2" {
			t.Fatalf("the queue was told %+v once the wrap-up ended", snap)
		}
		after = h.update(handoff.UpdateReserve, reserve("c-3"))
	})
	h.at(57*time.Second, func() { mustAccept(t, "a reservation after the wrap-up", after) })
	h.run(online("maria"), time.Minute)
}

// An operator's forced release frees offers and wrap-ups at once.
func TestForcedReleaseFreesEverythingNamed(t *testing.T) {
	h := newAgentHarness(t)
	var forced *answer
	h.at(time.Second, func() {
		h.update(handoff.UpdateReserve, reserve("c-1"))
		h.update(handoff.UpdateAssign, handoff.AssignInput{HandoffID: "handoff-c-1"})
		h.update(handoff.UpdateRelease, handoff.ReleaseInput{ConversationID: "c-1", WrapUp: "10m"})
		h.update(handoff.UpdateReserve, reserve("c-2"))
	})
	h.at(2*time.Second, func() {
		if st := h.state(); st.Active() != 2 {
			t.Fatalf("before: %+v", st.Reservations)
		}
		forced = h.update(handoff.UpdateRelease, handoff.ReleaseInput{ConversationID: "c-1", Force: true, Reason: "supervisor"})
		h.update(handoff.UpdateRelease, handoff.ReleaseInput{ConversationID: "c-2", Force: true})
	})
	h.at(3*time.Second, func() {
		mustAccept(t, "forced", forced)
		if st := h.state(); st.Active() != 0 {
			t.Fatalf("after: %+v", st.Reservations)
		}
	})
	h.run(online("maria"), time.Minute)
}

// Every change a queue needs (presence, load) is told to the person's queues with a growing
// version; an assignment, which changes neither, is not. A queue that is not running fails the
// signal, and nothing else happens.
func TestAgentTellsItsQueuesOfEveryChange(t *testing.T) {
	h := newAgentHarness(t)
	told := h.recordQueues()
	told.fail = true
	var versions []int64
	var n0, n1, n2 int
	h.at(time.Second, func() {
		h.update(handoff.UpdatePresence, handoff.PresenceInput{Presence: handoff.PresenceOnline, Queues: []string{"human_agent", "vip"}})
	})
	h.at(2*time.Second, func() {
		s, n := told.last("queue-vip")
		n0, versions = n, append(versions, s.Version)
		h.update(handoff.UpdateReserve, reserve("c-1"))
	})
	h.at(3*time.Second, func() {
		s, n := told.last("queue-human_agent")
		n1, versions = n, append(versions, s.Version)
		if s.Load != 1 || len(s.Held) != 1 {
			t.Errorf("after the reservation: %+v", s)
		}
		h.update(handoff.UpdateAssign, handoff.AssignInput{HandoffID: "handoff-c-1"})
	})
	h.at(4*time.Second, func() {
		_, n2 = told.last("queue-human_agent")
		h.update(handoff.UpdatePresence, handoff.PresenceInput{Presence: handoff.PresenceAway})
	})
	h.at(5*time.Second, func() {
		s, n := told.last("queue-human_agent")
		if n0 != 1 || n1 != 2 || n2 != 2 || n != 3 || s.Presence != handoff.PresenceAway {
			t.Errorf("signals %d %d %d %d, last %+v", n0, n1, n2, n, s)
		}
		if versions[1] <= versions[0] || s.Version <= versions[1] {
			t.Errorf("versions %v then %d do not grow", versions, s.Version)
		}
		if st := h.state(); len(st.Queues) != 2 {
			t.Errorf("queues %v", st.Queues)
		}
	})
	h.run(handoff.AgentState{AgentID: "maria", Presence: handoff.PresenceOffline, Capacity: 2}, time.Minute)
}
