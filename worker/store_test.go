package main

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/store"
)

// The worker applies store.retention at start-up: older handoffs go, recent ones stay.
func TestOpenLogPurgesPastRetention(t *testing.T) {
	url := "sqlite://" + filepath.Join(t.TempDir(), "log.db")
	ctx := context.Background()
	s, err := store.OpenMigrated(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	for id, age := range map[string]time.Duration{"old": 48 * time.Hour, "new": time.Hour} {
		if err := s.Record(ctx, store.Handoff{HandoffID: id, ConversationID: id, Source: "lead_bot", Outcome: "completed",
			StartedAt: time.Now().Add(-age)}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	cfg := &config.Config{Store: config.Store{URL: url, Retention: "24h"}}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	log, err := openLog(runCtx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		hs, err := log.Handoffs(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(hs) == 1 && hs[0].HandoffID == "new" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after start-up the log holds %d handoffs, want only the recent one", len(hs))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Without store.url the worker records nothing and says so; nothing fails.
func TestOpenLogWithoutAStore(t *testing.T) {
	log, err := openLog(context.Background(), &config.Config{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil || log != nil {
		t.Fatalf("log %v, err %v; want neither", log, err)
	}
}
