package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/internal/pgtest"
	"github.com/handoffhq/orchestrator/store"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}

// backends opens a fresh, migrated store on each backend: a SQLite file and a database of
// the throwaway PostgreSQL cluster. The same suite runs on both.
var backends = map[string]func(t *testing.T) string{
	"sqlite":   func(t *testing.T) string { return "sqlite://" + filepath.Join(t.TempDir(), "handoffs.db") },
	"postgres": func(t *testing.T) string { return pgtest.URL(t) },
}

func forEachBackend(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) {
			s, err := store.OpenMigrated(context.Background(), backends[name](t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			if s.Backend() != name {
				t.Fatalf("backend %s, want %s", s.Backend(), name)
			}
			fn(t, s)
		})
	}
}

func ptr[T any](v T) *T { return &v }

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func sample(id, conv string, at time.Time, outcome string) store.Handoff {
	return store.Handoff{
		HandoffID: id, ConversationID: conv, Source: "jorge_seller_bot", Target: "maria", TargetKind: "human",
		Rule: "seller_to_human", RulesVersion: "abc123", Scenario: "seller_to_human", Template: "human",
		Outcome: outcome, ReasonCode: "monitoring_window_ended", StartedAt: at,
		DecidedMs: ptr(int64(12)), BriefedMs: ptr(int64(300)), AcceptedMs: ptr(int64(4200)), ConfirmedMs: ptr(int64(4500)),
		ClosedMs: 305000, OffersMade: 2, Completeness: ptr(1.0), Preservation: ptr(0.9), CustomerRepeated: 1,
		SentimentCount: 2, SentimentMean: ptr(0.4), SentimentMin: ptr(0.1), OwnerlessMs: 40,
		Offers: []store.Offer{
			{Index: 0, Agent: "james", Kind: "human", Result: "declined", DeclineCode: "busy", StartedAt: at.Add(time.Second), AnswerMs: ptr(int64(900))},
			{Index: 1, Agent: "maria", Kind: "human", Result: "accepted", StartedAt: at.Add(2 * time.Second), AnswerMs: ptr(int64(2000))},
		},
	}
}

func TestMigrateTwiceIsANoOp(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *store.Store) {
		applied, err := s.Migrate(context.Background())
		if err != nil || len(applied) != 0 {
			t.Fatalf("second migrate applied %v, %v", applied, err)
		}
		v, err := s.Version(context.Background())
		if err != nil || v != 3 {
			t.Fatalf("version %d, %v; want 3", v, err)
		}
	})
}

// Recording the same handoff again (a retried activity, a worker killed after the commit)
// leaves one row and one per offer, with the values of the last write.
func TestRecordIsIdempotent(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		h := sample("handoff-c1/run1", "c1", t0, "completed")
		for range 3 {
			if err := s.Record(ctx, h); err != nil {
				t.Fatal(err)
			}
		}
		c, err := s.Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if c.Handoffs != 1 || c.Offers != 2 {
			t.Fatalf("counts %+v after three writes, want 1 handoff and 2 offers", c)
		}
		hs, err := s.Handoffs(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		got := hs[0]
		if got.Target != "maria" || got.Outcome != "completed" || *got.TransitionMs != 4500 || *got.Preservation != 0.9 ||
			got.Repeats != 1 || *got.SentimentMean != 0.4 || !got.StartedAt.Equal(t0) || len(got.Offers) != 2 {
			t.Fatalf("read back %+v", got)
		}
		if o := got.Offers[0]; o.Agent != "james" || o.Result != "declined" || o.DeclineCode != "busy" || *o.AnswerMs != 900 {
			t.Errorf("offer 0 %+v", o)
		}
		if got.Offers[1].DeclineCode != "" || got.Late != nil {
			t.Errorf("offer 1 %+v, late %+v", got.Offers[1], got.Late)
		}
		if err := s.Record(ctx, store.Handoff{HandoffID: "x"}); err == nil {
			t.Error("a record without its IDs was written")
		}
	})
}

// Many writers at once (the worker's activity pollers) never lose or double a handoff.
func TestConcurrentRecords(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		var wg sync.WaitGroup
		errs := make(chan error, 200)
		for i := range 100 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				h := sample(fmt.Sprintf("h%d", i%50), fmt.Sprintf("c%d", i%50), t0.Add(time.Duration(i%50)*time.Second), "completed")
				errs <- s.Record(ctx, h)
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if c, err := s.Count(ctx); err != nil || c.Handoffs != 50 || c.Offers != 100 {
			t.Fatalf("counts %+v, %v; want 50 handoffs and 100 offers", c, err)
		}
	})
}

func TestLateOutcomesMergeAndBaseline(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(s.Record(ctx, sample("h1", "c1", t0, "completed")))
		must(s.Record(ctx, sample("h2", "c2", t0.Add(time.Minute), "declined")))
		// c1: CSAT a day after, conversion a month after; sent twice.
		for range 2 {
			must(s.ReportOutcome(ctx, store.LateOutcome{ConversationID: "c1", ReportedBy: "jorge_seller_bot", ReportedAt: t0.Add(24 * time.Hour), Outcome: analytics.Outcome{CSAT: ptr(5), DaysAfter: ptr(1)}}))
			must(s.ReportOutcome(ctx, store.LateOutcome{ConversationID: "c1", ReportedBy: "maria", ReportedAt: t0.Add(720 * time.Hour), Outcome: analytics.Outcome{Converted: ptr(true), Revenue: ptr(14400.0), Label: "listing_signed", DaysAfter: ptr(30)}}))
		}
		must(s.ReportOutcome(ctx, store.LateOutcome{ConversationID: "c2", ReportedBy: "jorge_seller_bot", ReportedAt: t0, Outcome: analytics.Outcome{Converted: ptr(false)}}))
		// c3 never handed off: the baseline.
		must(s.ReportOutcome(ctx, store.LateOutcome{ConversationID: "c3", ReportedBy: "lead_bot", ReportedAt: t0.Add(time.Hour), Outcome: analytics.Outcome{Converted: ptr(false), CSAT: ptr(3)}}))
		c, _ := s.Count(ctx)
		if c.Outcomes != 3 {
			t.Fatalf("%d outcome rows, want 3", c.Outcomes)
		}
		hs, err := s.Handoffs(ctx, store.Filter{})
		must(err)
		l := hs[0].Late
		if l == nil || *l.CSAT != 5 || !*l.Converted || *l.Revenue != 14400 || l.Label != "listing_signed" || *l.DaysAfter != 30 {
			t.Fatalf("merged outcome %+v", l)
		}
		convs, err := s.Conversations(ctx, store.Filter{})
		must(err)
		want := map[string][2]bool{"c1": {true, false}, "c2": {false, true}, "c3": {false, false}}
		for _, cv := range convs {
			if w := want[cv.ConversationID]; cv.HandedOff != w[0] || cv.Attempted != w[1] {
				t.Errorf("%s: handed off %t attempted %t, want %v", cv.ConversationID, cv.HandedOff, cv.Attempted, w)
			}
		}
		if len(convs) != 3 {
			t.Fatalf("%d conversations", len(convs))
		}
		// The source filter reaches the never-handed-off conversation through its reporter.
		convs, err = s.Conversations(ctx, store.Filter{Source: "lead_bot"})
		must(err)
		if len(convs) != 1 || convs[0].ConversationID != "c3" {
			t.Errorf("lead_bot's conversations %+v", convs)
		}
		p, err := s.PartiesOf(ctx, "c1")
		must(err)
		if p.Handoffs != 1 || p.Has("james") || !p.Has("maria") || !p.Has("jorge_seller_bot") || p.Has("lead_bot") || p.Reporter != "jorge_seller_bot" {
			t.Errorf("parties of c1 %+v (the source and the owner, not james who was only offered it; the first reporter stays)", p)
		}
		p, err = s.PartiesOf(ctx, "c3")
		must(err)
		if p.Handoffs != 0 || p.Reporter != "lead_bot" {
			t.Errorf("parties of c3 %+v", p)
		}
		r, err := s.Report(ctx, store.Filter{}, analytics.Options{GroupBy: "pair"})
		must(err)
		if r.Total.Handoffs != 2 || r.Conversion.AfterHandoff.K != 1 || r.Conversion.Baseline.N != 1 || r.Conversion.AttemptedOnly != 1 {
			t.Errorf("report %+v", r.Conversion)
		}
	})
}

func TestFiltersChainAndPurge(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		for i := range 10 {
			h := sample(fmt.Sprintf("h%d", i), "c1", t0.Add(time.Duration(i)*24*time.Hour), "completed")
			if i%2 == 1 {
				h.Source, h.Target = "lead_bot", "jorge_buyer_bot"
			}
			if err := s.Record(ctx, h); err != nil {
				t.Fatal(err)
			}
		}
		hs, err := s.Handoffs(ctx, store.Filter{From: t0.Add(2 * 24 * time.Hour), To: t0.Add(6 * 24 * time.Hour), Source: "lead_bot"})
		if err != nil || len(hs) != 2 || hs[0].HandoffID != "h3" || hs[1].HandoffID != "h5" {
			t.Fatalf("filtered %v, %v", ids(hs), err)
		}
		chain, err := s.Chain(ctx, "c1")
		if err != nil || len(chain) != 10 || chain[0].HandoffID != "h0" || chain[9].Source != "lead_bot" {
			t.Fatalf("chain %+v, %v", chain, err)
		}
		if err := s.ReportOutcome(ctx, store.LateOutcome{ConversationID: "old", ReportedBy: "lead_bot", ReportedAt: t0, Outcome: analytics.Outcome{Converted: ptr(true)}}); err != nil {
			t.Fatal(err)
		}
		// A conversation handed off before the cut whose outcome came after it: the outcome
		// goes with the handoff, or it would count as a conversation that never handed off.
		if err := s.Record(ctx, sample("h-late", "c-late", t0.Add(24*time.Hour), "completed")); err != nil {
			t.Fatal(err)
		}
		if err := s.ReportOutcome(ctx, store.LateOutcome{ConversationID: "c-late", ReportedBy: "jorge_seller_bot", ReportedAt: t0.Add(30 * 24 * time.Hour), Outcome: analytics.Outcome{Converted: ptr(true)}}); err != nil {
			t.Fatal(err)
		}
		// c1 keeps handoffs after the cut, so its outcome stays.
		if err := s.ReportOutcome(ctx, store.LateOutcome{ConversationID: "c1", ReportedBy: "jorge_seller_bot", ReportedAt: t0, Outcome: analytics.Outcome{Converted: ptr(false)}}); err != nil {
			t.Fatal(err)
		}
		p, err := s.Purge(ctx, t0.Add(5*24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if p.Handoffs != 6 || p.Offers != 12 || p.Outcomes != 2 {
			t.Errorf("purged %+v, want 6 handoffs, 12 offers, 2 outcomes (old, c-late)", p)
		}
		if c, _ := s.Count(ctx); c.Handoffs != 5 || c.Offers != 10 || c.Outcomes != 1 {
			t.Errorf("left %+v, want c1's 5 handoffs, 10 offers and its outcome", c)
		}
		convs, err := s.Conversations(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, cv := range convs {
			if !cv.HandedOff {
				t.Errorf("after the purge %s reads as never handed off", cv.ConversationID)
			}
		}
	})
}

func ids(hs []analytics.Handoff) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.HandoffID)
	}
	return out
}

func TestOpenRefusesUnknownURLs(t *testing.T) {
	for _, u := range []string{"mysql://x", "data/handoffs.db", "sqlite://", "postgres://user:secret@127.0.0.1:1/x?connect_timeout=1"} {
		_, err := store.Open(context.Background(), u)
		if err == nil {
			t.Errorf("%s opened", u)
			continue
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: the error shows the password: %v", u, err)
		}
	}
}

// The compose stack's first start: the log's database does not exist yet on Temporal's server.
func TestCreateDatabase(t *testing.T) {
	base := pgtest.URL(t)
	u := strings.Replace(base, "/t", "/fresh_t", 1)
	created, err := store.CreateDatabase(context.Background(), u)
	if err != nil || !created {
		t.Fatalf("created %t, %v", created, err)
	}
	if created, err = store.CreateDatabase(context.Background(), u); err != nil || created {
		t.Fatalf("again: created %t, %v", created, err)
	}
	s, err := store.OpenMigrated(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if created, err := store.CreateDatabase(context.Background(), "sqlite://x.db"); created || err != nil {
		t.Errorf("sqlite: %t, %v", created, err)
	}
}

// A handoff the monitoring window moved on from its new owner moved the conversation: it is
// handed off, not an attempt that left the customer with the source, in the baseline's
// reading as in the statistics' (analytics.Handoff.Moved).
func TestReescalatedConversationReadsAsHandedOff(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.Record(ctx, sample("h-re", "c-re", t0, "reescalated")); err != nil {
			t.Fatal(err)
		}
		if err := s.ReportOutcome(ctx, store.LateOutcome{ConversationID: "c-re", ReportedBy: "jorge_seller_bot", ReportedAt: t0, Outcome: analytics.Outcome{Converted: ptr(true)}}); err != nil {
			t.Fatal(err)
		}
		convs, err := s.Conversations(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(convs) != 1 || !convs[0].HandedOff || convs[0].Attempted {
			t.Fatalf("conversations %+v, want c-re handed off", convs)
		}
	})
}
