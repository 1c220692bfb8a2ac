package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/store"
	"github.com/handoffhq/orchestrator/whatif"
)

// runWhatIf is `starter whatif --rules candidate.yaml [--since 7d]`: the recorded handoffs of
// the period re-decided with the candidate rules, nothing started or sent, and what would
// change printed with the recorded outcomes of the handoffs that would move.
func runWhatIf(e *env, args []string) error {
	fs := e.flags("whatif", "--rules FILE [--since 7d] [--json]")
	rules := fs.String("rules", "", "the candidate rules: a config file (only its routing: is read) or one with routing: alone")
	since := fs.String("since", "7d", "how far back to read the handoff log: 7d, 36h, 90m")
	asJSON := fs.Bool("json", false, "print the report as JSON, with the IDs of the handoffs that would move")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments: %v", fs.Args())
	}
	if *rules == "" {
		return usagef("--rules FILE is required: the candidate rules to try")
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
	cand, err := config.LoadRouting(*rules, cfg.Agents)
	if err != nil {
		return usageError{err.Error()}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	hs, err := s.Handoffs(ctx, store.Filter{From: time.Now().Add(-back)})
	if err != nil {
		return err
	}
	r := whatif.Run(cfg.Engine, cand, hs, cfg.Analytics.Success)
	if *asJSON {
		return e.printJSON(r)
	}
	return whatif.WriteText(e.stdout, r, *since)
}

// parseSince reads a period back from now: a Go duration, or whole days ("7d").
func parseSince(s string) (time.Duration, error) {
	bad := &handoff.FieldError{Field: "--since", Problem: handoff.Quote(s) + " is not a period such as 7d, 36h or 90m"}
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil {
			return 0, bad
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, bad
		}
	}
	if d <= 0 || d > 10*365*24*time.Hour {
		return 0, &handoff.FieldError{Field: "--since", Problem: fmt.Sprintf("%s must be above 0 and at most ten years", handoff.Quote(s))}
	}
	return d, nil
}
