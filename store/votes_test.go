package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/store"
)

// A team decision's votes are recorded once each, however often the handoff is recorded, and
// go with the handoff when it is purged.
func TestRecordKeepsVotesOnceAndPurgesThem(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		h := sample("handoff-c9/run1", "c9", t0, "completed")
		h.Votes = []store.Vote{
			{Round: 1, Approver: "maria", Approve: true, At: t0.Add(time.Minute)},
			{Round: 1, Approver: "james", Approve: false, At: t0.Add(2 * time.Minute)},
		}
		for range 2 {
			if err := s.Record(ctx, h); err != nil {
				t.Fatal(err)
			}
		}
		count := func() int {
			var n int
			if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM handoff_votes WHERE approve = 0 OR approve = 1`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := count(); n != 2 {
			t.Fatalf("%d votes after two writes, want 2", n)
		}
		if _, err := s.Purge(ctx, t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if n := count(); n != 0 {
			t.Fatalf("%d votes left after the purge", n)
		}
	})
}
