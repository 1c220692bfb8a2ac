package main

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/service"
)

func TestCLIAgentMistakes(t *testing.T) {
	e := testenv.NewConfig(t, "", testenv.Options{})
	c := "--config=" + e.Cfg.File
	// All refused before any network call: no Temporal runs here.
	cli("", c, "presence", "--agent", "maria").check(t, 2, "give exactly one presence")
	cli("", c, "presence", "--agent", "maria", "busy").check(t, 2, `presence: "busy" is not one of online, away, offline`)
	cli("", c, "presence", "online").check(t, 2, "agent_id: is required")
	cli("", c, "presence", "--agent", "lead_bot", "online").check(t, 2, `agent_id: agent "lead_bot" is a bot`)
	cli("", c, "agent", "--agent", "ghost").check(t, 2, `agent_id: agent "ghost" is not in the roster`)
	cli("", c, "offers").check(t, 2, "agent_id: is required")
	cli("", c, "offers", "--agent", "maria", "extra").check(t, 2, "unexpected arguments")
	cli("", c, "release", "--agent", "maria").check(t, 2, "conversation_id: is required")
	cli("", c, "release", "--agent", "maria", "--conversation", "a@b.com").check(t, 2, "conversation_id: must be an opaque ID")
	cli("", c, "release", "--agent", "maria", "--conversation", "c-1", "--disposition", "Sold it!").check(t, 2, "disposition: \"Sold it!\" must be a code")
	cli("", c, "reassign", "--conversation", "c-1").check(t, 2, "agent_id: is required")
	cli("", c, "reassign", "--conversation", "c-1", "--agent", "lead_bot").check(t, 2, `agent_id: agent "lead_bot" is a bot`)
	cli("", c, "reassign", "--agent", "maria").check(t, 2, "conversation_id: is required")
	cli("", c, "priority", "--conversation", "c-1").check(t, 2, "--priority is required")
	cli("", c, "priority", "--conversation", "c-1", "--priority", "5000").check(t, 2, "priority: 5000 is not between -1000 and 1000")
	cli("", c, "queues", "--group", "nobody").check(t, 2, `group: "nobody" has no queue`)

	// With handoff.dispositions set, a code outside them is refused; a start input's channel
	// must be one the config weighs.
	e = testenv.NewConfig(t, "", testenv.Options{Handoff: map[string]any{"dispositions": []string{"resolved", "sale"}}})
	c = "--config=" + e.Cfg.File
	cli("", c, "release", "--agent", "maria", "--conversation", "c-1", "--disposition", "lost").check(t, 2, `disposition: "lost" is not one of resolved, sale`)
	cli(`{"conversation_id": "c-1", "source_agent": "lead_bot", "channel": "fax"}`, c, "start", "-").check(t, 2, `channel: "fax" is not one of chat, email, voice`)
}

// TestCLIHumanAgentDay is the README's walk-through on the real dev server: set presence,
// see the offer with its brief, accept it, release the conversation at its end.
func TestCLIHumanAgentDay(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s"}})
	c := "--config=" + e.Cfg.File
	agentState := func(args ...string) handoff.AgentState {
		t.Helper()
		r := cli("", append([]string{c}, args...)...)
		r.check(t, 0, "")
		var st handoff.AgentState
		if err := json.Unmarshal([]byte(r.stdout), &st); err != nil {
			t.Fatalf("%v: %s", err, r.stdout)
		}
		return st
	}
	if st := agentState("presence", "--agent", "maria", "away", "--reason", "lunch"); st.Presence != handoff.PresenceAway {
		t.Fatalf("after away: %+v", st)
	}
	agentState("presence", "--agent", "james", "offline")
	if st := agentState("presence", "--agent", "maria", "online"); st.Presence != handoff.PresenceOnline || st.Capacity != 2 {
		t.Fatalf("after online: %+v", st)
	}

	in := handoff.Input{
		ConversationID: "c-day", SourceAgent: "jorge_seller_bot",
		Messages: []handoff.Message{{Role: "customer", Text: "My divorce is final next month and I need to sell"}},
		Signals:  map[string]any{"emotional_distress": true},
	}
	if _, err := e.Service.Start(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	var offers service.Offers
	deadline := time.Now().Add(15 * time.Second)
	for len(offers.Offers) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no offer reached maria")
		}
		time.Sleep(100 * time.Millisecond)
		r := cli("", c, "offers", "--agent", "maria")
		r.check(t, 0, "")
		if err := json.Unmarshal([]byte(r.stdout), &offers); err != nil {
			t.Fatal(err)
		}
	}
	o := offers.Offers[0]
	if o.ConversationID != "c-day" || o.Source != "jorge_seller_bot" || o.Scenario != "seller_to_human" || o.AcceptPath != "/v1/handoffs/c-day/accept" {
		t.Fatalf("offer %+v", o)
	}
	cli("", c, "accept", "--conversation", "c-day", "--agent", "maria").check(t, 0, "")
	e.WaitFor(t, "c-day", 15*time.Second, "completed", func(st handoff.State) bool { return st.Outcome == handoff.OutcomeCompleted })
	if st := agentState("agent", "--agent", "maria"); st.Active() != 1 || st.Reservations[0].State != handoff.ReservationAssigned {
		t.Fatalf("after accepting: %+v", st)
	}
	if st := agentState("release", "--agent", "maria", "--conversation", "c-day", "--reason", "resolved"); st.Active() != 0 || st.MaxHeld != 1 {
		t.Fatalf("after release: %+v", st)
	}
	// Releasing again changes nothing.
	if st := agentState("release", "--agent", "maria", "--conversation", "c-day"); st.Active() != 0 {
		t.Fatalf("second release: %+v", st)
	}
}
