package main

import (
	"context"
	"time"

	"github.com/handoffhq/orchestrator/learning"
	"github.com/handoffhq/orchestrator/store"
)

// runRules is `starter rules suggest [--since 30d]`: the rules whose handoffs underperform,
// each with a candidate edit the log supports and the evidence (learning.Suggest).
func runRules(e *env, args []string) error {
	if len(args) == 0 || args[0] != "suggest" {
		return usagef("starter rules suggest [--since 30d] [--json]")
	}
	fs := e.flags("rules suggest", "[--since 30d] [--json]")
	since := fs.String("since", "30d", "how far back to read the handoff log: 30d, 36h")
	asJSON := fs.Bool("json", false, "print the findings as JSON")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments: %v", fs.Args())
	}
	back, err := parseSince(*since)
	if err != nil {
		return err
	}
	cfg, s, err := e.openLog(fs)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	hs, err := s.Handoffs(ctx, store.Filter{From: time.Now().Add(-back)})
	if err != nil {
		return err
	}
	r := learning.Suggest(cfg.Engine.Rules(), hs, cfg.Analytics.Success, cfg.Analytics.MinSample)
	if *asJSON {
		return e.printJSON(r)
	}
	return learning.WriteSuggestions(e.stdout, r, *since)
}
