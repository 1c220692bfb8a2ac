package main

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/httpapi"
	"github.com/handoffhq/orchestrator/store"
	"github.com/spf13/pflag"
)

// The handoff log from the command line: statistics, late outcomes, migrations, retention.
// These read and write the log directly (store.url), like the worker; who may run them is
// whoever can reach the database.

// openLog loads the config and opens its handoff log, migrated.
func (e *env) openLog(fs *pflag.FlagSet) (*config.Config, *store.Store, error) {
	cfg, err := e.loadConfig(fs)
	if err != nil {
		return nil, nil, err
	}
	if cfg.Store.URL == "" {
		return nil, nil, errors.New("no handoff log: set store.url in the config or HANDOFF_STORE_URL (make run uses sqlite://data/handoffs.db)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := store.OpenMigrated(ctx, cfg.Store.URL)
	return cfg, s, err
}

func runStats(e *env, args []string) error {
	fs := e.flags("stats", "[--from DATE] [--to DATE] [--group-by G] [--source ID ...] [--json|--csv]")
	q := url.Values{}
	flags := map[string]*string{}
	for _, name := range []string{"from", "to", "group-by", "source", "target", "scenario", "rule", "template", "outcome"} {
		help := "only handoffs with this " + name
		switch name {
		case "from":
			help = "handoffs started at or after (2026-03-01 or RFC 3339)"
		case "to":
			help = "handoffs started before (exclusive)"
		case "group-by":
			help = "one of " + strings.Join(analytics.GroupBys, ", ")
		}
		flags[name] = fs.String(name, "", help)
	}
	asJSON := fs.Bool("json", false, "print the report as JSON (as GET /v1/stats answers)")
	asCSV := fs.Bool("csv", false, "print one CSV row per group")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments: %v", fs.Args())
	}
	if *asJSON && *asCSV {
		return usagef("--json and --csv: pick one")
	}
	for name, v := range flags {
		if *v != "" {
			q.Set(strings.ReplaceAll(name, "-", "_"), *v)
		}
	}
	f, groupBy, err := httpapi.StatsQuery(q)
	if err != nil {
		return cliField(err)
	}
	cfg, s, err := e.openLog(fs)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	r, err := s.Report(ctx, f, cfg.Analytics.Options(groupBy))
	if err != nil {
		return err
	}
	switch {
	case *asJSON:
		return e.printJSON(r)
	case *asCSV:
		return analytics.WriteCSV(e.stdout, r)
	}
	return analytics.WriteTable(e.stdout, r)
}

// cliField names a query parameter's mistake by its flag.
func cliField(err error) error {
	if fe, ok := handoff.AsFieldError(err); ok {
		return &handoff.FieldError{Field: "--" + strings.ReplaceAll(fe.Field, "_", "-"), Problem: fe.Problem}
	}
	return err
}

func runOutcome(e *env, args []string) error {
	fs := e.flags("outcome", "--conversation ID [--converted yes|no] [--revenue N] [--csat 1-5] [--resolved yes|no] [--label L] [--days-after N] [--as AGENT]")
	conv := conversationFlag(fs)
	converted := fs.String("converted", "", "yes or no")
	revenue := fs.String("revenue", "", "revenue the conversation brought")
	csat := fs.String("csat", "", "customer satisfaction, 1 to 5")
	resolved := fs.String("resolved", "", "yes or no")
	label := fs.String("label", "", "a category such as listing_signed")
	days := fs.String("days-after", "", "days after the handoff the outcome was known")
	as := fs.String("as", "", "the agent reporting it (default: cli:operator)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments: %v", fs.Args())
	}
	if err := handoff.ValidateConversationID(*conv); err != nil {
		return err
	}
	var rep handoff.OutcomeReport
	var err error
	if rep.Converted, err = yesNo("converted", *converted); err != nil {
		return err
	}
	if rep.Resolved, err = yesNo("resolved", *resolved); err != nil {
		return err
	}
	if *revenue != "" {
		v, perr := strconv.ParseFloat(*revenue, 64)
		if perr != nil {
			return &handoff.FieldError{Field: "--revenue", Problem: handoff.Quote(*revenue) + " is not a number"}
		}
		rep.Revenue = &v
	}
	for _, n := range []struct {
		name string
		v    string
		dst  **int
	}{{"csat", *csat, &rep.CSAT}, {"days-after", *days, &rep.DaysAfter}} {
		if n.v == "" {
			continue
		}
		v, perr := strconv.Atoi(n.v)
		if perr != nil {
			return &handoff.FieldError{Field: "--" + n.name, Problem: handoff.Quote(n.v) + " is not a whole number"}
		}
		*n.dst = &v
	}
	rep.Label = *label
	if err := rep.Validate(); err != nil {
		return cliField(err)
	}
	_, s, err := e.openLog(fs)
	if err != nil {
		return err
	}
	defer s.Close()
	by := *as
	if by == "" {
		by = "cli:operator"
	}
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	err = s.ReportOutcome(ctx, store.LateOutcome{ConversationID: *conv, ReportedBy: by, ReportedAt: time.Now(),
		Outcome: analytics.Outcome(rep)})
	if err != nil {
		return err
	}
	return e.printJSON(map[string]string{"conversation_id": *conv, "status": "recorded"})
}

func yesNo(name, v string) (*bool, error) {
	switch strings.ToLower(v) {
	case "":
		return nil, nil
	case "yes", "true":
		b := true
		return &b, nil
	case "no", "false":
		b := false
		return &b, nil
	}
	return nil, &handoff.FieldError{Field: "--" + name, Problem: handoff.Quote(v) + " is not yes or no"}
}

func runStore(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("starter store migrate | purge --before DATE | chain --conversation ID")
	}
	switch args[0] {
	case "migrate":
		fs := e.flags("store migrate", "[--create-database]")
		create := fs.Bool("create-database", false, "create the PostgreSQL database store.url names if it does not exist")
		if err := parse(fs, args[1:]); err != nil {
			return err
		}
		cfg, err := e.loadConfig(fs)
		if err != nil {
			return err
		}
		if cfg.Store.URL == "" {
			return errors.New("no handoff log: set store.url in the config or HANDOFF_STORE_URL")
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		created := false
		if *create {
			if created, err = store.CreateDatabase(ctx, cfg.Store.URL); err != nil {
				return err
			}
		}
		s, err := store.Open(ctx, cfg.Store.URL)
		if err != nil {
			return err
		}
		defer s.Close()
		applied, err := s.Migrate(ctx)
		if err != nil {
			return err
		}
		v, err := s.Version(ctx)
		if err != nil {
			return err
		}
		return e.printJSON(map[string]any{"store": s.Where(), "created": created, "applied": applied, "version": v})
	case "purge":
		fs := e.flags("store purge", "--before DATE")
		before := fs.String("before", "", "delete handoffs started before this date (2026-01-01 or RFC 3339)")
		if err := parse(fs, args[1:]); err != nil {
			return err
		}
		t, err := httpapi.ParseTime("--before", *before)
		if err != nil {
			return err
		}
		if t.IsZero() {
			return usagef("--before DATE is required")
		}
		_, s, err := e.openLog(fs)
		if err != nil {
			return err
		}
		defer s.Close()
		p, err := s.Purge(context.Background(), t)
		if err != nil {
			return err
		}
		return e.printJSON(map[string]any{"before": t, "handoffs": p.Handoffs, "offers": p.Offers, "outcomes": p.Outcomes})
	case "chain":
		fs := e.flags("store chain", "--conversation ID")
		conv := conversationFlag(fs)
		if err := parse(fs, args[1:]); err != nil {
			return err
		}
		if err := handoff.ValidateConversationID(*conv); err != nil {
			return err
		}
		_, s, err := e.openLog(fs)
		if err != nil {
			return err
		}
		defer s.Close()
		chain, err := s.Chain(context.Background(), *conv)
		if err != nil {
			return err
		}
		return e.printJSON(chain)
	}
	return usagef("unknown store command %q: migrate, purge or chain", args[0])
}
