package approval

import (
	"fmt"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
)

// BenchmarkTally counts a large panel (25 approvers, 13 required) with every vote in, the
// workflow's work after each vote.
func BenchmarkTally(b *testing.B) {
	r := Round{Number: 1, Required: 13}
	var votes []handoff.Vote
	for i := range 25 {
		id := fmt.Sprintf("agent%d", i)
		r.Approvers = append(r.Approvers, id)
		votes = append(votes, handoff.Vote{Approver: id, Approve: i%2 == 0, Round: 1})
	}
	b.ReportAllocs()
	for b.Loop() {
		if c := Tally(r, votes); c.Verdict != handoff.VerdictApproved {
			b.Fatal(c.Verdict)
		}
	}
}
