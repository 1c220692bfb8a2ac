package approval

import (
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
)

var twoOfThree = Round{Number: 1, Approvers: []string{"maria", "james", "sam"}, Required: 2}

func vote(who string, yes bool, round int) handoff.Vote {
	return handoff.Vote{Approver: who, Approve: yes, Round: round}
}

func TestTally(t *testing.T) {
	cases := []struct {
		name    string
		votes   []handoff.Vote
		verdict string
		waiting int
	}{
		{"none yet", nil, handoff.VerdictPending, 3},
		{"one yes", []handoff.Vote{vote("maria", true, 1)}, handoff.VerdictPending, 2},
		{"two yes", []handoff.Vote{vote("maria", true, 1), vote("sam", true, 1)}, handoff.VerdictApproved, 1},
		{"one no still possible", []handoff.Vote{vote("maria", false, 1)}, handoff.VerdictPending, 2},
		{"two no cannot reach two", []handoff.Vote{vote("maria", false, 1), vote("james", false, 1)}, handoff.VerdictRefused, 1},
		{"yes no yes", []handoff.Vote{vote("maria", true, 1), vote("james", false, 1), vote("sam", true, 1)}, handoff.VerdictApproved, 0},
		{"a stranger does not count", []handoff.Vote{vote("maria", true, 1), vote("eve", true, 1)}, handoff.VerdictPending, 2},
		{"a second vote does not count", []handoff.Vote{vote("maria", true, 1), vote("maria", true, 1)}, handoff.VerdictPending, 2},
		{"another round does not count", []handoff.Vote{vote("maria", true, 2), vote("james", true, 2)}, handoff.VerdictPending, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Tally(twoOfThree, c.votes)
			if got.Verdict != c.verdict || len(got.Waiting) != c.waiting {
				t.Fatalf("Tally = %+v, want verdict %s with %d waiting", got, c.verdict, c.waiting)
			}
		})
	}
}

func TestMayVote(t *testing.T) {
	votes := []handoff.Vote{vote("maria", true, 1)}
	if err := MayVote(twoOfThree, votes, "james"); err != nil {
		t.Fatalf("james may vote: %v", err)
	}
	if err := MayVote(twoOfThree, votes, "maria"); err == nil {
		t.Fatal("maria voted twice")
	}
	if err := MayVote(twoOfThree, votes, "eve"); err == nil {
		t.Fatal("eve is no approver but may vote")
	}
	done := append(votes, vote("sam", true, 1))
	if err := MayVote(twoOfThree, done, "james"); err == nil {
		t.Fatal("a vote after the verdict was taken")
	}
}

func TestRoundOf(t *testing.T) {
	spec := handoff.ApprovalSpec{Approvers: []string{"maria", "james"}, Required: 2, EscalateTo: []string{"sam"}}
	r, ok := RoundOf(spec, 2)
	if !ok || r.Required != 1 || r.Approvers[0] != "sam" {
		t.Fatalf("escalation round = %+v, %v", r, ok)
	}
	if _, ok := RoundOf(handoff.ApprovalSpec{Approvers: []string{"maria"}, Required: 1}, 2); ok {
		t.Fatal("a round 2 without an escalation")
	}
	// Escalation: one supervisor's no decides.
	if c := Tally(r, []handoff.Vote{vote("sam", false, 2)}); c.Verdict != handoff.VerdictRefused {
		t.Fatalf("escalation refusal = %+v", c)
	}
}

func TestCheck(t *testing.T) {
	ok := handoff.ApprovalSpec{Approvers: []string{"a", "b", "c"}, Required: 2, OnTimeout: handoff.OnTimeoutRefuse}
	if err := Check(ok); err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		field string
		spec  handoff.ApprovalSpec
	}{
		{"approvers", handoff.ApprovalSpec{Required: 1, OnTimeout: "refuse"}},
		{"required", handoff.ApprovalSpec{Approvers: []string{"a"}, Required: 2, OnTimeout: "refuse"}},
		{"required", handoff.ApprovalSpec{Approvers: []string{"a"}, Required: 0, OnTimeout: "refuse"}},
		{"on_timeout", handoff.ApprovalSpec{Approvers: []string{"a"}, Required: 1, OnTimeout: "maybe"}},
		{"approvers", handoff.ApprovalSpec{Approvers: []string{"a", "a"}, Required: 1, OnTimeout: "refuse"}},
	}
	for _, b := range bad {
		err := Check(b.spec)
		fe, isField := err.(*handoff.FieldError)
		if !isField || fe.Field != b.field {
			t.Errorf("Check(%+v) = %v, want a problem with %s", b.spec, err, b.field)
		}
	}
}
