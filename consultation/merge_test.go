package consultation

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
)

func answered(agent, rec string, conf float64) handoff.ExpertStatus {
	return handoff.ExpertStatus{Agent: agent, Status: handoff.ExpertAnswered,
		Advice: &handoff.Advice{Expert: agent, Recommendation: rec, Confidence: conf}}
}

func TestMergeConsensusByConfidence(t *testing.T) {
	experts := []handoff.ExpertStatus{
		answered("tax", "Hold both", 0.9),
		answered("invest", "buy the fourplex only", 0.6),
		answered("finance", "Buy the fourplex only.", 0.5),
	}
	b := Merge("c1", "buy?", 2, experts, "")
	if b.Outcome != handoff.ConsultSucceeded || b.Answered != 3 {
		t.Fatalf("outcome %s answered %d, want succeeded 3", b.Outcome, b.Answered)
	}
	// Two experts at 0.6 + 0.5 outweigh one at 0.9; case and the full stop do not split them,
	// and the more confident expert's wording stands for the two.
	if b.Consensus != "buy the fourplex only" || b.Recommendations[0].Weight != 1.1 {
		t.Fatalf("consensus %q weight %v: %+v", b.Consensus, b.Recommendations[0].Weight, b.Recommendations)
	}
	if got := b.Recommendations[0].Experts; !reflect.DeepEqual(got, []string{"finance", "invest"}) {
		t.Fatalf("experts behind consensus %v", got)
	}
	if b.Agreement != 0.55 || b.MeanConfidence != 0.6667 {
		t.Fatalf("agreement %v mean %v", b.Agreement, b.MeanConfidence)
	}
}

func TestMergeIsOrderIndependent(t *testing.T) {
	experts := []handoff.ExpertStatus{
		answered("a", "x", 0.5), answered("b", "y", 0.5), answered("c", "z", 0.3),
		{Agent: "d", Status: handoff.ExpertAsked},
	}
	want := Merge("c1", "q", 2, experts, "")
	rev := []handoff.ExpertStatus{experts[3], experts[2], experts[1], experts[0]}
	if got := Merge("c1", "q", 2, rev, ""); !reflect.DeepEqual(got, want) {
		t.Fatalf("order changed the brief:\n%+v\n%+v", got, want)
	}
	// A tie in weight and count goes to the alphabetically first recommendation.
	if want.Consensus != "x" {
		t.Fatalf("tie broken to %q, want x", want.Consensus)
	}
}

func TestMergeNamesLateFailedAndQuorum(t *testing.T) {
	experts := []handoff.ExpertStatus{
		answered("invest", "buy", 0.8),
		{Agent: "tax", Status: handoff.ExpertAsked},
		{Agent: "finance", Status: handoff.ExpertFailed, Reason: "webhook refused: 410 Gone"},
		{Agent: "maria", Status: handoff.ExpertUnavailable, Reason: "offline"},
	}
	b := Merge("c1", "q", 2, experts, "")
	if b.Outcome != handoff.ConsultQuorumNotMet {
		t.Fatalf("outcome %s, want quorum_not_met", b.Outcome)
	}
	want := []handoff.Missing{
		{Agent: "finance", Status: handoff.ExpertFailed, Reason: "webhook refused: 410 Gone"},
		{Agent: "maria", Status: handoff.ExpertUnavailable, Reason: "offline"},
		{Agent: "tax", Status: handoff.ExpertLate, Reason: "no answer by the deadline"},
	}
	if !reflect.DeepEqual(b.Missing, want) {
		t.Fatalf("missing %+v", b.Missing)
	}
	for _, s := range []string{"quorum NOT met", "tax: late", "finance: failed", "invest (confidence 0.80): buy"} {
		if !strings.Contains(b.Text, s) {
			t.Errorf("brief text lacks %q:\n%s", s, b.Text)
		}
	}
}

func TestMergeEndedAndEmpty(t *testing.T) {
	b := Merge("c1", "q", 1, []handoff.ExpertStatus{answered("a", "x", 0.9)}, handoff.ConsultAbandoned)
	if b.Outcome != handoff.ConsultAbandoned {
		t.Fatalf("outcome %s, want abandoned even with the quorum met", b.Outcome)
	}
	b = Merge("c1", "q", 1, nil, "")
	if b.Outcome != handoff.ConsultQuorumNotMet || b.Consensus != "" || b.Answers == nil || b.Recommendations == nil {
		t.Fatalf("empty merge: %+v", b)
	}
	// Zero confidence everywhere: agreement falls back to the share of experts.
	b = Merge("c1", "q", 1, []handoff.ExpertStatus{answered("a", "x", 0), answered("b", "x", 0), answered("c", "y", 0)}, "")
	if b.Consensus != "x" || b.Agreement != 0.6667 {
		t.Fatalf("zero-confidence merge: consensus %q agreement %v", b.Consensus, b.Agreement)
	}
}

func BenchmarkMerge10Experts(b *testing.B) {
	experts := make([]handoff.ExpertStatus, 10)
	for i := range experts {
		experts[i] = answered(fmt.Sprintf("expert_%02d", i), fmt.Sprintf("option %d", i%3), float64(i%10)/10)
	}
	experts[9] = handoff.ExpertStatus{Agent: "expert_09", Status: handoff.ExpertAsked}
	b.ReportAllocs()
	for b.Loop() {
		_ = Merge("consultation-conv.1", "q", 6, experts, "")
	}
}
