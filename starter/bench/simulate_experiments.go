package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/handoff"
)

// The experiments' simulation drives conversations through the real workflow (the bench's
// stack: dev server, worker binary, API, stand-in agents) in three experiments with planted
// truths, the outcomes reported by the simulated bots through the API, and checks what the
// issue's "done when" asks: the A/B test finds the better preparation script at the sample its
// power calculation predicted, the bandit puts at least 80 % of conversations 800-1000 on it,
// and the hold-out recovers the planted lift of a handoff inside its interval.

// ExpTruth is what the experiments' simulation plants.
type ExpTruth struct {
	// Control and Better are the conversion after the rule's preparation script and after
	// the better variant's (A/B and bandit).
	Control, Better float64
	// HandedOff and HeldOut are the conversion of conversations handed off and of those the
	// hold-out kept with their source.
	HandedOff, HeldOut float64
}

// DefaultExpTruth: variant B converts 10 points better; a handoff adds 10 points to 20 %.
func DefaultExpTruth() ExpTruth {
	return ExpTruth{Control: 0.30, Better: 0.40, HandedOff: 0.30, HeldOut: 0.20}
}

// ExpOptions shape the experiments' simulation.
type ExpOptions struct {
	// ABMax bounds the A/B conversations; the A/B stops once every variant reached its
	// horizon. Bandit and HoldOut are the conversations of the other two.
	ABMax, Bandit, HoldOut int
	// BanditJudged is how many of the bandit's last conversations must go 80 % to B.
	BanditJudged int
	// AllocationEvery is the bandit Schedule's interval; Look the A/B conversations between
	// two looks at its report.
	AllocationEvery time.Duration
	Look            int
	Concurrency     int
	Window          time.Duration
	Seed            uint64
	Truth           ExpTruth
	Store           string
	// ConfigCopy, when set, receives a copy of the simulation's config, so its experiments can
	// be reported on after the stack is gone.
	ConfigCopy string
	Bench      Options
}

// Names of the simulation's experiments and variants.
const (
	expAB, expBandit, expHoldOut = "prep_script", "prep_bandit", "luxury_holdout"
	varControl, varBetter        = "rule_script", "homes_ready"
	betterScript                 = "Good news: Jorge already has three homes lined up for you, and he can show them this weekend."
)

// experimentsConfig adds the three experiments and the Schedule's interval to the config.
func (o ExpOptions) experimentsConfig(doc map[string]any) {
	variants := []any{map[string]any{"name": varControl, "weight": 1}, map[string]any{"name": varBetter, "weight": 1, "customer_message": betterScript}}
	doc["experiments"] = []any{
		map[string]any{"name": expAB, "varies": "preparation_script", "rules": []any{"lead_to_buyer"}, "metric": "conversion",
			"mde": 0.10, "baseline": o.Truth.Control, "variants": variants},
		map[string]any{"name": expBandit, "varies": "preparation_script", "rules": []any{"ready_seller"}, "metric": "conversion",
			"mde": 0.10, "baseline": o.Truth.Control, "mode": "bandit", "floor": experiments.DefaultFloor, "variants": variants},
		map[string]any{"name": expHoldOut, "varies": "preparation_script", "rules": []any{"luxury"}, "metric": "conversion",
			"mde": 0.10, "baseline": o.Truth.HeldOut, "hold_out": 0.3, "variants": []any{map[string]any{"name": varControl}}},
	}
	doc["learning"] = map[string]any{"allocation_every": o.AllocationEvery.String()}
}

// Look is one look at the A/B report while it ran.
type Look struct {
	N          map[string]int
	Difference *experiments.Interval
	P          *float64
	Status     string
}

// Block is the bandit's conversations [From, To): how many went to B, and B's share in the
// allocation in force for the block's last conversation.
type Block struct {
	From, To, Better int
	Share            float64
}

// ExpCheck is one claim the simulation checks.
type ExpCheck struct {
	What, Got string
	OK        bool
}

// ExpResult is the simulation's outcome.
type ExpResult struct {
	AB, Bandit, HoldOut experiments.Report
	Looks               []Look
	ABConversations     int
	Blocks              []Block
	Checks              []ExpCheck
	Elapsed             time.Duration
	Failed              int
}

// OK reports whether every check held.
func (r ExpResult) OK() bool {
	for _, c := range r.Checks {
		if !c.OK {
			return false
		}
	}
	return len(r.Checks) > 0
}

type expSim struct {
	*sim
	o        ExpOptions
	mu       sync.Mutex
	variants map[string][]string // by experiment, in the order the conversations were issued
	// allocB is the better variant's share in force when each bandit conversation was decided.
	allocB  []float64
	planted map[string]map[string]*tally
}

// SimulateExperiments runs the three experiments and writes the report.
func SimulateExperiments(ctx context.Context, o ExpOptions, out, progress io.Writer) (ExpResult, error) {
	var res ExpResult
	if o.Truth == (ExpTruth{}) {
		o.Truth = DefaultExpTruth()
	}
	if path, ok := strings.CutPrefix(o.Store, "sqlite://"); ok {
		for _, f := range []string{path, path + "-wal", path + "-shm"} {
			if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
				return res, err
			}
		}
	}
	s := &expSim{sim: &sim{o: SimOptions{Seed: o.Seed}, samples: map[string][]byte{}, offers: map[string]int{}, drawn: map[string]*tally{}},
		o: o, variants: map[string][]string{}, planted: map[string]map[string]*tally{}}
	for _, name := range []string{"lead-qualified", "seller-ready", "investment-buyer"} {
		raw, err := os.ReadFile(filepath.Join(o.Bench.Samples, name+".json"))
		if err != nil {
			return res, fmt.Errorf("sample %s: %w", name, err)
		}
		s.samples[name] = raw
	}
	bo := o.Bench
	bo.NoBaselines, bo.StoreURL, bo.Window, bo.StickyCache, bo.Edit = true, o.Store, o.Window, -1, o.experimentsConfig
	log := slog.New(slog.NewTextHandler(progress, &slog.HandlerOptions{Level: slog.LevelWarn}))
	fmt.Fprintln(progress, "simulate: starting the stack (dev server, worker, API, stand-in agents) with three experiments")
	e, err := newEnv(ctx, bo, log)
	if e != nil {
		defer e.close(bo.KeepTemp || err != nil)
	}
	if err != nil {
		return res, err
	}
	s.e = e
	start := time.Now()

	ab := e.cfg.ExperimentSet.Get(expAB)
	horizon := experiments.PerArmForRates(ab.Baseline, ab.MDE, experiments.Alpha, experiments.Power)
	done := func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		t := s.planted[expAB]
		return t[varControl] != nil && t[varBetter] != nil && t[varControl].N >= horizon && t[varBetter].N >= horizon
	}
	fmt.Fprintf(progress, "simulate: A/B %s until both variants have %d conversations\n", expAB, horizon)
	res.ABConversations = s.run(ctx, "lead-qualified", expAB, o.ABMax, done, func(n int) {
		if n%o.Look == 0 {
			res.Looks = append(res.Looks, s.look(ctx, ab))
		}
	})
	// The look once the A/B stopped, unless the last one already saw it all.
	if last := s.look(ctx, ab); len(res.Looks) == 0 || !sameLook(last, res.Looks[len(res.Looks)-1]) {
		res.Looks = append(res.Looks, last)
	}

	fmt.Fprintf(progress, "simulate: bandit %s, %d conversations, allocation every %s\n", expBandit, o.Bandit, o.AllocationEvery)
	s.run(ctx, "seller-ready", expBandit, o.Bandit, nil, nil)
	fmt.Fprintf(progress, "simulate: hold-out %s, %d conversations\n", expHoldOut, o.HoldOut)
	s.run(ctx, "investment-buyer", expHoldOut, o.HoldOut, nil, nil)
	if ctx.Err() != nil {
		return res, ctx.Err()
	}
	res.Elapsed, res.Failed = time.Since(start), int(s.failed.Load())
	for _, msg := range s.errs {
		fmt.Fprintln(progress, "simulate: error:", msg)
	}
	rctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	for _, r := range []struct {
		name string
		dst  *experiments.Report
	}{{expAB, &res.AB}, {expBandit, &res.Bandit}, {expHoldOut, &res.HoldOut}} {
		if *r.dst, err = e.store.ExperimentReport(rctx, e.cfg.ExperimentSet.Get(r.name), e.cfg.Analytics.Success, time.Now()); err != nil {
			return res, err
		}
	}
	if o.ConfigCopy != "" {
		raw, err := os.ReadFile(e.cfgFile)
		if err == nil {
			err = os.WriteFile(o.ConfigCopy, raw, 0o600)
		}
		if err != nil {
			return res, fmt.Errorf("copy the config: %w", err)
		}
	}
	res.Blocks = s.blocks(o.Bandit)
	res.Checks = s.checks(res, horizon)
	s.print(out, res, horizon)
	return res, nil
}

// run drives conversations of one experiment from a sample until max, or until stop says so;
// after each it calls each (with how many finished). It returns how many were issued.
func (s *expSim) run(ctx context.Context, sample, exp string, max int, stop func() bool, each func(int)) int {
	jobs := make(chan int)
	var wg sync.WaitGroup
	var finished sync.Mutex
	n := 0
	for range s.o.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				s.conversation(ctx, sample, exp, i)
				finished.Lock()
				n++
				if each != nil {
					each(n)
				}
				finished.Unlock()
			}
		}()
	}
	issued := 0
	for ; issued < max && ctx.Err() == nil && (stop == nil || !stop()); issued++ {
		select {
		case jobs <- issued:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	return issued
}

// conversation starts conversation i of the experiment as its source bot, waits for the
// handoff's end, checks the variant was applied and used, and reports its conversion, drawn
// from the seed and the variant the workflow gave it.
func (s *expSim) conversation(ctx context.Context, sample, exp string, i int) {
	conv := fmt.Sprintf("exp-%d-%s-%d", s.o.Seed, exp, i)
	in, err := sampleWithID(s.samples[sample], conv)
	if err != nil {
		s.fail(err.Error())
		return
	}
	source, _ := in["source_agent"].(string)
	st, body, err := s.retry(ctx, http.MethodPost, "/v1/handoffs", source, in)
	if err != nil || (st != http.StatusCreated && st != http.StatusOK) {
		s.fail(fmt.Sprintf("start %s: %d %s %v", conv, st, strings.TrimSpace(string(body)), err))
		return
	}
	var state handoff.State
	if err := s.e.cl.GetWorkflow(ctx, handoff.WorkflowID(conv), "").Get(ctx, &state); err != nil {
		s.fail("result of " + conv + ": " + err.Error())
		return
	}
	a := state.Decision.Experiment
	switch {
	case a == nil || a.Experiment != exp:
		s.fail(fmt.Sprintf("%s: decided %s by %s with assignment %+v, want one in %s", conv, state.Outcome, state.Decision.Rule, a, exp))
		return
	case a.HeldOut() && state.Outcome != handoff.OutcomeHeldOut:
		s.fail(fmt.Sprintf("%s: held out but ended %s", conv, state.Outcome))
		return
	case !a.HeldOut() && (state.Outcome != handoff.OutcomeCompleted || !a.Exposed):
		s.fail(fmt.Sprintf("%s: %s ended %s (%s), exposed %t", conv, a.Variant, state.Outcome, state.OutcomeReason, a.Exposed))
		return
	case a.Variant == varBetter && state.Decision.Protocol.CustomerMessage != betterScript:
		s.fail(fmt.Sprintf("%s: variant %s without its script", conv, a.Variant))
		return
	}
	p := map[string]float64{varControl: s.o.Truth.Control, varBetter: s.o.Truth.Better}[a.Variant]
	if exp == expHoldOut {
		p = s.o.Truth.HandedOff
		if a.HeldOut() {
			p = s.o.Truth.HeldOut
		}
	}
	converted := s.draw(conv, 5) < p
	if !s.report(ctx, conv, source, converted, 0) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.variants[exp]) <= i {
		s.variants[exp] = append(s.variants[exp], "")
	}
	s.variants[exp][i] = a.Variant
	if exp == expBandit {
		for len(s.allocB) <= i {
			s.allocB = append(s.allocB, 0)
		}
		s.allocB[i] = a.Allocation[varBetter]
	}
	if s.planted[exp] == nil {
		s.planted[exp] = map[string]*tally{}
	}
	t := s.planted[exp][a.Variant]
	if t == nil {
		t = &tally{}
		s.planted[exp][a.Variant] = t
	}
	t.N++
	if converted {
		t.K++
	}
}

// look reads the A/B report as an operator peeking at it would.
func (s *expSim) look(ctx context.Context, e *experiments.Experiment) Look {
	r, err := s.e.store.ExperimentReport(ctx, e, s.e.cfg.Analytics.Success, time.Now())
	if err != nil {
		s.fail("look at " + e.Name + ": " + err.Error())
		return Look{}
	}
	l := Look{N: map[string]int{}, Status: r.Status}
	for _, a := range r.Arms {
		l.N[a.Variant] = a.N
		if a.Difference != nil {
			l.Difference, l.P = a.Difference, a.P
		}
	}
	return l
}

// blocks are the bandit's conversations by hundreds, with the allocation saved last.
func (s *expSim) blocks(n int) []Block {
	s.mu.Lock()
	got := append([]string(nil), s.variants[expBandit]...)
	shares := append([]float64(nil), s.allocB...)
	s.mu.Unlock()
	var out []Block
	for from := 0; from < n; from += 100 {
		b := Block{From: from, To: min(from+100, len(got))}
		for _, v := range got[b.From:b.To] {
			if v == varBetter {
				b.Better++
			}
		}
		if b.To > b.From && b.To <= len(shares) {
			b.Share = shares[b.To-1]
		}
		out = append(out, b)
	}
	return out
}

func sameLook(a, b Look) bool {
	return a.N[varControl] == b.N[varControl] && a.N[varBetter] == b.N[varBetter] && a.Status == b.Status
}
