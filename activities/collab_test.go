package activities

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

// A handback or warm transfer goes to the person's named target alone, past the rules: no team
// decision, no escalation, no fallback, so the person keeps the customer if it cannot take them.
func TestSelectTargetForHandbackAndTransfer(t *testing.T) {
	cfg, err := config.LoadFile("../config/examples/real-estate.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	a := New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	in := handoff.Input{ConversationID: "c-1", SourceAgent: "maria",
		Messages: []handoff.Message{{Role: "customer", Text: "We want to list at 2.6M"}},
		// Signals that alone would route to the human agents with a team decision.
		Signals:  map[string]any{"property_value": "2.6M"},
		Handback: &handoff.Handback{To: "jorge_seller_bot", Summary: handoff.HandbackSummary{Promised: []string{"a call on Monday"}}}}
	sel, err := a.SelectTarget(context.Background(), SelectInput{Input: in})
	if err != nil {
		t.Fatal(err)
	}
	d := sel.Decision
	if !d.Handoff || d.Target != "jorge_seller_bot" || d.Rule != "handback" || d.Approval != nil || d.FallbackAgent != "" {
		t.Fatalf("handback decision %+v", d)
	}
	if len(sel.Plan) != 1 || len(sel.Plan[0].Agents) != 1 || sel.Plan[0].Agents[0] != "jorge_seller_bot" || !sel.SourceIsPerson {
		t.Fatalf("handback plan %+v (source is person: %v)", sel.Plan, sel.SourceIsPerson)
	}
	if len(d.Reasons) == 0 || d.Reasons[0].Text != "promised: a call on Monday" {
		t.Fatalf("the summary is not in the reasons the brief reads: %+v", d.Reasons)
	}

	in.Handback, in.WarmTransfer = nil, &handoff.WarmTransfer{To: "james", Brief: "financing question"}
	sel, err = a.SelectTarget(context.Background(), SelectInput{Input: in})
	if err != nil {
		t.Fatal(err)
	}
	if sel.Decision.Target != "james" || len(sel.Plan) != 1 || !sel.Plan[0].People || sel.Plan[0].Queue != nil {
		t.Fatalf("transfer: %+v plan %+v", sel.Decision, sel.Plan)
	}
}
