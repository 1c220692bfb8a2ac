package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/starter/httpapi"
)

// runExperiments is `starter experiments list | report NAME`: the config's experiments, and
// one's analysis read from the handoff log (as GET /v1/experiments/{name} answers it).
func runExperiments(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("starter experiments list | report NAME [--json]")
	}
	switch args[0] {
	case "list":
		fs := e.flags("experiments list", "")
		if err := parse(fs, args[1:]); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usagef("unexpected arguments: %v", fs.Args())
		}
		cfg, err := e.loadConfig(fs)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "name\tvaries\tmetric\tmode\tvariants\thold-out\trunning")
		now := time.Now()
		for _, x := range cfg.ExperimentSet.All() {
			names := ""
			for i, v := range x.Variants {
				if i > 0 {
					names += ", "
				}
				names += v.Name
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%.0f%%\t%t\n", x.Name, x.Varies, x.Metric, x.Mode, names, x.HoldOut*100, x.Running(now))
		}
		return tw.Flush()
	case "report":
		fs := e.flags("experiments report", "NAME [--json]")
		asJSON := fs.Bool("json", false, "print the report as JSON (as GET /v1/experiments/{name} answers)")
		if err := parse(fs, args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return usagef("starter experiments report NAME: name one experiment")
		}
		cfg, s, err := e.openLog(fs)
		if err != nil {
			return err
		}
		defer s.Close()
		x, err := httpapi.ExperimentNamed(cfg.ExperimentSet, fs.Arg(0))
		if err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		r, err := s.ExperimentReport(ctx, x, cfg.Analytics.Success, time.Now())
		if err != nil {
			return err
		}
		if *asJSON {
			return e.printJSON(r)
		}
		return experiments.WriteText(e.stdout, r)
	}
	return usagef("starter experiments list | report NAME [--json]: unknown subcommand %q", args[0])
}
