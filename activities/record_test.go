package activities

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/store"
)

func logRecord() OutcomeRecord {
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	five, hundred := int64(5000), int64(100)
	return OutcomeRecord{
		HandoffID: "handoff-c1/run-1", ConversationID: "c1", Source: "jorge_seller_bot", Target: "maria", TargetKind: "human",
		Outcome: handoff.OutcomeCompleted, Reason: "maria accepted", ReasonCode: "monitoring_window_ended", StartedAt: at,
		TotalMs: 300000, ConfirmedMs: &five, OffersMade: 1, ReportedOutcome: "Ana was thrilled",
		Offers: []OfferRecord{{Index: 0, Agent: "maria", Kind: "human", Result: "accepted", StartedAt: at, AnswerMs: &hundred}},
	}
}

// RecordOutcome writes the handoff log once however often it runs (a retry, a re-run after a
// worker died), and keeps the receiver's free-text verdict out of it.
func TestRecordOutcomeWritesTheLogOnce(t *testing.T) {
	s, err := store.OpenMigrated(context.Background(), "sqlite://"+filepath.Join(t.TempDir(), "log.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	acts := New(&config.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	UseLog(acts, s)
	env := activityEnv(acts)
	for range 3 {
		if _, err := env.ExecuteActivity(acts.RecordOutcome, logRecord()); err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.Count(context.Background())
	if err != nil || c.Handoffs != 1 || c.Offers != 1 {
		t.Fatalf("counts %+v, %v; want one handoff and one offer", c, err)
	}
	var verdict, reason string
	if err := s.DB().QueryRow(`SELECT reported_outcome, reason_code FROM handoffs`).Scan(&verdict, &reason); err != nil {
		t.Fatal(err)
	}
	if verdict != "other" || reason != "monitoring_window_ended" {
		t.Errorf("stored verdict %q and reason %q, want the label other and the code", verdict, reason)
	}
}

type brokenLog struct{}

func (brokenLog) Record(context.Context, store.Handoff) error {
	return errors.New("database is locked")
}

// A log that cannot be written fails the activity with a retryable error: Temporal retries it
// rather than lose the handoff from the log.
func TestRecordOutcomeRetriesWhenTheLogFails(t *testing.T) {
	acts := New(&config.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	UseLog(acts, brokenLog{})
	_, err := activityEnv(acts).ExecuteActivity(acts.RecordOutcome, logRecord())
	if err == nil || errorType(err) != "HandoffLogDown" {
		t.Fatalf("error %v (type %q), want a retryable HandoffLogDown", err, errorType(err))
	}
}

// A handoff log that is down does not hold back the outcome URL: the post goes out (under the
// handoff's Idempotency-Key) and the activity still fails retryably for the log.
func TestRecordOutcomePostsWhileTheLogIsDown(t *testing.T) {
	var keys []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		keys = append(keys, r.Header.Get("Idempotency-Key"))
	}))
	defer srv.Close()
	acts := New(&config.Config{Handoff: config.Handoff{OutcomeURL: srv.URL}}, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	UseLog(acts, brokenLog{})
	_, err := activityEnv(acts).ExecuteActivity(acts.RecordOutcome, logRecord())
	if err == nil || errorType(err) != "HandoffLogDown" {
		t.Fatalf("error %v (type %q), want a retryable HandoffLogDown", err, errorType(err))
	}
	if len(keys) != 1 || keys[0] != "handoff-c1/run-1" {
		t.Fatalf("outcome URL got %v, want one post keyed by the handoff ID", keys)
	}
}

// A CSAT the customer gave in the monitoring window reaches conversation_outcomes, where a
// later answer through the API merges into the same row; recording it twice changes nothing.
func TestRecordOutcomeKeepsTheWindowsCSAT(t *testing.T) {
	s, err := store.OpenMigrated(context.Background(), "sqlite://"+filepath.Join(t.TempDir(), "log.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	acts := New(&config.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	UseLog(acts, s)
	rec := logRecord()
	four := 4
	rec.CSAT = &four
	for range 2 {
		if _, err := activityEnv(acts).ExecuteActivity(acts.RecordOutcome, rec); err != nil {
			t.Fatal(err)
		}
	}
	var csat int
	var by string
	if err := s.DB().QueryRow(`SELECT csat, reported_by FROM conversation_outcomes WHERE conversation_id = 'c1'`).Scan(&csat, &by); err != nil {
		t.Fatal(err)
	}
	if csat != 4 || by != "maria" {
		t.Fatalf("csat %d reported by %s, want 4 by maria", csat, by)
	}
}
