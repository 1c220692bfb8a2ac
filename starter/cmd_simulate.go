package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/starter/bench"
	"github.com/spf13/pflag"
)

// runSimulate is `starter simulate` (make simulate): handoffs with planted truths through the
// real workflow on a dev server, then the statistics checked against them (starter/bench).
func runSimulate(e *env, args []string) error {
	fs := e.flags("simulate", "[flags]   (make simulate)")
	o := bench.SimOptions{Truth: bench.DefaultTruth()}
	fs.IntVar(&o.Handoffs, "handoffs", 2000, "handoffs run through the workflow")
	fs.IntVar(&o.Baseline, "baseline", 1000, "conversations that never hand off, reported by their bot")
	fs.IntVar(&o.Concurrency, "concurrency", 16, "conversations in flight at once")
	fs.DurationVar(&o.Window, "window", 2*time.Second, "monitoring window of every handoff (the owners' repeat reports must land inside it)")
	fs.DurationVar(&o.Think, "think", 100*time.Millisecond, "a simulated person's time to answer an offer")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed of every planted outcome (the same seed plants the same outcomes)")
	fs.StringVar(&o.Store, "store", "sqlite://data/simulate.db", "the handoff log to fill (a sqlite:// file is emptied first); read it after with starter stats")
	fs.IntVar(&o.Bench.Humans, "humans", 10, "people in group human_agent")
	fs.IntVar(&o.Bench.Capacity, "capacity", 5, "conversations each person holds at once")
	fs.StringVar(&o.Bench.Samples, "samples", "samples", "directory of the sample conversations")
	fs.StringVar(&o.Bench.TemporalBin, "temporal-bin", "bin/temporal", "the pinned Temporal CLI (make temporal)")
	fs.StringVar(&o.Bench.WorkerBin, "worker-bin", "bin/worker", "the worker binary (make build)")
	fs.BoolVar(&o.Bench.KeepTemp, "keep", false, "keep the temporary directory (config, logs, the dev server's database)")
	exp := fs.Bool("experiments", false, "simulate the experiments instead (make simulate-experiments): an A/B test, a bandit and a hold-out")
	x := bench.ExpOptions{Truth: bench.DefaultExpTruth(), BanditJudged: 200, Look: 100}
	fs.IntVar(&x.ABMax, "ab-max", 2000, "with --experiments: the most A/B conversations (it stops at the horizon)")
	fs.IntVar(&x.Bandit, "bandit", 1000, "with --experiments: the bandit's conversations")
	fs.IntVar(&x.HoldOut, "holdout", 1000, "with --experiments: the hold-out experiment's conversations")
	fs.DurationVar(&x.AllocationEvery, "allocation-every", 5*time.Second, "with --experiments: the bandit Schedule's interval")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *exp {
		return runSimulateExperiments(e, fs, o, x)
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if o.Handoffs <= 0 || o.Baseline < 0 || o.Concurrency <= 0 || o.Bench.Humans <= 0 || o.Bench.Capacity <= 0 {
		return usagef("--handoffs, --concurrency, --humans and --capacity must be positive")
	}
	for _, bin := range []string{o.Bench.TemporalBin, o.Bench.WorkerBin} {
		if _, err := os.Stat(bin); err != nil {
			return fmt.Errorf("%s is missing: run `make simulate` (it builds it) or `make temporal build`", bin)
		}
	}
	if path, ok := strings.CutPrefix(o.Store, "sqlite://"); ok {
		abs, err := filepath.Abs(path)
		if err != nil {
			return err
		}
		o.Store = "sqlite://" + abs
	}
	o.Bench.BaseConfig = config.DefaultFile
	if c := fs.Lookup("config"); c != nil && c.Value.String() != "" {
		o.Bench.BaseConfig = c.Value.String()
	}
	o.Bench.Namespace = "default"
	bench.CleanEnv()
	ctx, stop := interruptible()
	defer stop()
	res, err := bench.Simulate(ctx, o, e.stdout, e.stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\nThe log is in %s: HANDOFF_STORE_URL=%s bin/starter stats --group-by pair\n", o.Store, o.Store)
	switch {
	case res.Failed > 0:
		return fmt.Errorf("%d conversations did not run as planted (see the errors above)", res.Failed)
	case !res.Exact():
		return errors.New("the statistics did not count exactly what was planted (≠ above)")
	case !res.Covered():
		return errors.New("a planted rate is outside its 95 % interval (each interval misses its truth one time in twenty)")
	}
	return nil
}

// runSimulateExperiments is `starter simulate --experiments` (make simulate-experiments).
func runSimulateExperiments(e *env, fs *pflag.FlagSet, o bench.SimOptions, x bench.ExpOptions) error {
	if fs.NArg() > 0 {
		return usagef("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if x.ABMax <= 0 || x.Bandit < x.BanditJudged || x.HoldOut <= 0 || o.Concurrency <= 0 {
		return usagef("--ab-max, --holdout and --concurrency must be positive, and --bandit at least %d", x.BanditJudged)
	}
	for _, bin := range []string{o.Bench.TemporalBin, o.Bench.WorkerBin} {
		if _, err := os.Stat(bin); err != nil {
			return fmt.Errorf("%s is missing: run `make simulate-experiments` (it builds it) or `make temporal build`", bin)
		}
	}
	x.Concurrency, x.Window, x.Seed, x.Bench = o.Concurrency, o.Window, o.Seed, o.Bench
	x.Store = o.Store
	if !fs.Changed("store") {
		x.Store = "sqlite://data/simulate-experiments.db"
	}
	shown := x.Store // as given: the report prints no path of this machine
	if path, ok := strings.CutPrefix(x.Store, "sqlite://"); ok {
		abs, err := filepath.Abs(path)
		if err != nil {
			return err
		}
		x.Store = "sqlite://" + abs
		x.ConfigCopy = filepath.Join(filepath.Dir(abs), "simulate-experiments.yaml")
	}
	x.Bench.BaseConfig = config.DefaultFile
	if c := fs.Lookup("config"); c != nil && c.Value.String() != "" {
		x.Bench.BaseConfig = c.Value.String()
	}
	x.Bench.Namespace = "default"
	bench.CleanEnv()
	ctx, stop := interruptible()
	defer stop()
	res, err := bench.SimulateExperiments(ctx, x, e.stdout, e.stderr)
	if err != nil {
		return err
	}
	if x.ConfigCopy != "" {
		rel := filepath.Join(filepath.Dir(strings.TrimPrefix(shown, "sqlite://")), filepath.Base(x.ConfigCopy))
		fmt.Fprintf(e.stdout, "\nThe log is in %s, the config in %s: HANDOFF_STORE_URL=%s bin/starter --config %s experiments report prep_script\n",
			shown, rel, shown, rel)
	}
	switch {
	case res.Failed > 0:
		return fmt.Errorf("%d conversations did not run as planted (see the errors above)", res.Failed)
	case !res.OK():
		return errors.New("a check failed (NO above)")
	}
	return nil
}
