package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/store"
)

// The simulator drives handoffs through the real workflow on a dev server (the bench's stack:
// the worker binary, the HTTP API, the stand-in agents and simulated people) with planted
// truths, lets the simulated bots report late outcomes through the API, and checks that the
// statistics recover every planted rate inside its 95 % interval.

// Pair is one planted source-to-target route: the sample that takes it and the success rate
// planted for its handoffs (a success is reported as CSAT 4 or 5, a failure as 1 to 3).
type Pair struct {
	Name    string
	Sample  string
	Source  string
	Weight  int
	Success float64
}

// Truth is what the simulator plants.
type Truth struct {
	Pairs []Pair
	// Accept is the chance a person accepts each offer (declining, they give a code).
	Accept float64
	// Repeat is the chance the new owner reports that the customer had to repeat themselves.
	Repeat float64
	// ConvertAfter is the conversion of conversations handed off; ConvertBaseline that of
	// conversations that never were.
	ConvertAfter, ConvertBaseline float64
}

// DefaultTruth plants rates that differ enough to tell apart, and a conversion after a
// handoff 50 % above the no-handoff baseline.
func DefaultTruth() Truth {
	return Truth{
		Pairs: []Pair{
			{Name: "lead_bot→jorge_buyer_bot", Sample: "lead-qualified", Source: "lead_bot", Weight: 40, Success: 0.97},
			{Name: "lead_bot→jorge_seller_bot", Sample: "seller-ready", Source: "lead_bot", Weight: 35, Success: 0.85},
			{Name: "jorge_seller_bot→people", Sample: "seller-distress", Source: "jorge_seller_bot", Weight: 25, Success: 0.70},
		},
		Accept: 0.90, Repeat: 0.10, ConvertAfter: 0.30, ConvertBaseline: 0.20,
	}
}

// SimOptions shape a simulation.
type SimOptions struct {
	// Handoffs run through the workflow; Baseline conversations never hand off.
	Handoffs, Baseline int
	Concurrency        int
	Window             time.Duration
	Think              time.Duration
	Seed               uint64
	Truth              Truth
	// Store is the handoff log's URL; a sqlite:// file is emptied first.
	Store string
	// Bench are the stack's settings (binaries, config, samples, people).
	Bench Options
}

// Check is one planted rate against what the statistics recovered.
type Check struct {
	What    string
	Planted float64
	// Drawn is what the simulator planted and saw happen (k of n); Exact says the statistics
	// counted exactly that.
	Drawn tally
	Got   analytics.Rate
	Exact bool
	// OK says the planted rate is inside the recovered 95 % interval.
	OK bool
}

type tally struct{ K, N int }

// SimResult is a simulation's outcome.
type SimResult struct {
	Report  analytics.Report
	BySrc   analytics.Report
	Checks  []Check
	Elapsed time.Duration
	Failed  int
	// LateRepeats are planted repeats that arrived after the monitoring window closed.
	LateRepeats int
}

// Covered reports whether every planted rate is inside its interval.
func (r SimResult) Covered() bool {
	for _, c := range r.Checks {
		if !c.OK {
			return false
		}
	}
	return len(r.Checks) > 0
}

// Exact reports whether the statistics counted exactly what the simulator planted and saw.
func (r SimResult) Exact() bool {
	for _, c := range r.Checks {
		if !c.Exact {
			return false
		}
	}
	return len(r.Checks) > 0
}

type sim struct {
	o       SimOptions
	e       *env
	samples map[string][]byte
	started time.Time

	mu     sync.Mutex
	offers map[string]int // offers seen per conversation
	// drawn counts what the simulator planted and saw happen, by check: the statistics must
	// count exactly the same.
	drawn  map[string]*tally
	errs   []string
	failed atomic.Int64
	done   atomic.Int64
	// late counts planted repeats that reached a handoff already closed.
	late atomic.Int64
}

// draw is a deterministic uniform number for one decision about one conversation, so that the
// planted outcomes depend on the seed only, not on which person the ranking picked or when.
func (s *sim) draw(conv string, what uint64) float64 {
	h := uint64(14695981039346656037)
	for _, c := range []byte(conv) {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return rand.New(rand.NewPCG(s.o.Seed^h, what)).Float64()
}

// Simulate runs the simulation and writes its progress and report.
func Simulate(ctx context.Context, o SimOptions, out, progress io.Writer) (SimResult, error) {
	var res SimResult
	if len(o.Truth.Pairs) == 0 {
		o.Truth = DefaultTruth()
	}
	if path, ok := strings.CutPrefix(o.Store, "sqlite://"); ok {
		for _, f := range []string{path, path + "-wal", path + "-shm"} {
			if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
				return res, err
			}
		}
	}
	s := &sim{o: o, samples: map[string][]byte{}, offers: map[string]int{}, drawn: map[string]*tally{}}
	for _, p := range o.Truth.Pairs {
		raw, err := os.ReadFile(filepath.Join(o.Bench.Samples, p.Sample+".json"))
		if err != nil {
			return res, fmt.Errorf("sample %s: %w", p.Sample, err)
		}
		s.samples[p.Sample] = raw
	}
	bo := o.Bench
	bo.NoBaselines, bo.StoreURL, bo.Window, bo.Think = true, o.Store, o.Window, o.Think
	bo.StickyCache = -1
	log := slog.New(slog.NewTextHandler(progress, &slog.HandlerOptions{Level: slog.LevelWarn}))
	fmt.Fprintf(progress, "simulate: starting the stack (dev server, worker, API, stand-in agents, %d people)\n", bo.Humans)
	e, err := newEnv(ctx, bo, log)
	if e != nil {
		defer e.close(bo.KeepTemp || err != nil)
	}
	if err != nil {
		return res, err
	}
	s.e = e
	e.hub.onOffer = s.answer
	s.started = time.Now()

	jobs := make(chan int)
	var wg sync.WaitGroup
	for range o.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if i < o.Handoffs {
					s.handoff(ctx, i)
				} else {
					s.baseline(ctx, i-o.Handoffs)
				}
				if n := s.done.Add(1); n%250 == 0 {
					fmt.Fprintf(progress, "simulate: %d of %d conversations (%.0f s)\n", n, o.Handoffs+o.Baseline, time.Since(s.started).Seconds())
				}
			}
		}()
	}
	for i := range o.Handoffs + o.Baseline {
		select {
		case jobs <- i:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	if ctx.Err() != nil {
		return res, ctx.Err()
	}
	res.Elapsed = time.Since(s.started)
	res.Failed = int(s.failed.Load())
	res.LateRepeats = int(s.late.Load())
	for _, msg := range s.errs {
		fmt.Fprintln(progress, "simulate: error:", msg)
	}

	rctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if res.Report, err = e.store.Report(rctx, store.Filter{}, e.cfg.Analytics.Options("pair")); err != nil {
		return res, err
	}
	if res.BySrc, err = e.store.Report(rctx, store.Filter{}, e.cfg.Analytics.Options("source")); err != nil {
		return res, err
	}
	res.Checks = s.checks(res.Report, res.BySrc)
	s.print(out, res)
	return res, nil
}

// handoff runs conversation i through the workflow: start it as its source bot, let the
// new owner report a repeat when the plant says so, wait for the end, free the person, and
// report the conversation's conversion and CSAT as the source bot.
func (s *sim) handoff(ctx context.Context, i int) {
	p := s.pair(i)
	conv := fmt.Sprintf("sim-%d-%d", s.o.Seed, i)
	in, err := sampleWithID(s.samples[p.Sample], conv)
	if err != nil {
		s.fail("sample " + p.Sample + ": " + err.Error())
		return
	}
	// repeatSent: the owner's customer_repeated was accepted by the API; whether it landed
	// inside the window is read from the result below.
	var repeatSent bool
	tr := s.e.hub.watch(conv)
	defer s.e.hub.forget(conv)
	status, body, err := s.retry(ctx, http.MethodPost, "/v1/handoffs", p.Source, in)
	if err != nil || (status != http.StatusCreated && status != http.StatusOK) {
		s.fail(fmt.Sprintf("start %s: %d %s %v", conv, status, strings.TrimSpace(string(body)), err))
		return
	}
	select {
	case <-tr.transferred:
		repeatSent = false
		if s.draw(conv, 2) < s.o.Truth.Repeat {
			owner := s.transferredTo(tr)
			st, b, err := s.retry(ctx, http.MethodPost, "/v1/handoffs/"+conv+"/events", owner, map[string]string{"type": "customer_repeated"})
			switch {
			case err == nil && st == http.StatusNotFound:
				// The window closed before the event got through (a loaded machine): the repeat
				// was not planted after all, and neither side counts it.
				s.late.Add(1)
			case err != nil || st != http.StatusAccepted:
				s.fail(fmt.Sprintf("repeat on %s by %s: %d %s %v", conv, owner, st, strings.TrimSpace(string(b)), err))
			default:
				repeatSent = true
			}
		}
	case <-time.After(5 * time.Minute):
		s.fail("no transfer of " + conv + " within 5 minutes")
		return
	case <-ctx.Done():
		return
	}
	var state handoff.State
	if err := s.e.cl.GetWorkflow(ctx, handoff.WorkflowID(conv), "").Get(ctx, &state); err != nil {
		s.fail("result of " + conv + ": " + err.Error())
		return
	}
	if state.Outcome != handoff.OutcomeCompleted {
		s.fail(fmt.Sprintf("%s ended %s: %s", conv, state.Outcome, state.OutcomeReason))
	}
	if a, ok := s.e.cfg.Agent(state.Owner); ok && a.Kind.IsPerson() {
		st, b, err := s.call(ctx, http.MethodPost, "/v1/agents/"+state.Owner+"/release", state.Owner,
			map[string]string{"conversation_id": conv, "reason": "resolved"})
		if err != nil || st != http.StatusOK {
			s.fail(fmt.Sprintf("release %s by %s: %d %s %v", conv, state.Owner, st, strings.TrimSpace(string(b)), err))
		}
	}
	csat := 1 + int(s.draw(conv, 4)*3) // 1 to 3: not satisfied
	if s.draw(conv, 3) < p.Success {
		csat = 4 + int(s.draw(conv, 4)*2) // 4 or 5
	}
	if repeatSent {
		if repeatedBeforeRecording(state) {
			s.count("repeats", true)
		} else {
			s.late.Add(1)
		}
	}
	moved := state.Outcome == handoff.OutcomeCompleted || state.Outcome == handoff.OutcomeTakenOver
	if moved {
		s.count("moved", false)
	}
	// The group the statistics put it in: the people's handoffs by their source, the bots'
	// by their pair (its target is the decision's when ownership never moved).
	group := "pair:" + p.Source + "→" + state.Target
	if p.Source == "jorge_seller_bot" {
		group = "source:" + p.Source
	}
	converted := s.draw(conv, 5) < s.o.Truth.ConvertAfter
	if s.report(ctx, conv, p.Source, converted, csat) {
		s.count(group, state.Outcome == handoff.OutcomeCompleted && csat >= 4)
		if moved {
			s.count("after", converted)
		}
	}
}

// count adds one trial (a success or not) to a tally.
func (s *sim) count(key string, success bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.drawn[key]
	if t == nil {
		t = &tally{}
		s.drawn[key] = t
	}
	t.N++
	if success {
		t.K++
	}
}

func (s *sim) tally(key string) tally {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.drawn[key]; t != nil {
		return *t
	}
	return tally{}
}

// baseline is a conversation the lead bot kept: it only reports its outcome.
func (s *sim) baseline(ctx context.Context, i int) {
	conv := fmt.Sprintf("sim-%d-base-%d", s.o.Seed, i)
	converted := s.draw(conv, 5) < s.o.Truth.ConvertBaseline
	if s.report(ctx, conv, "lead_bot", converted, 0) {
		s.count("baseline", converted)
	}
}

// report posts a conversation's late outcome as its bot; it reports whether it was recorded.
func (s *sim) report(ctx context.Context, conv, as string, converted bool, csat int) bool {
	body := map[string]any{"converted": converted, "days_after": 1 + int(s.draw(conv, 6)*30)}
	if converted {
		body["revenue"] = 9000 + int(s.draw(conv, 7)*12000)
		body["label"] = "listing_signed"
	}
	if csat > 0 {
		body["csat"] = csat
	}
	st, b, err := s.retry(ctx, http.MethodPost, "/v1/conversations/"+conv+"/outcomes", as, body)
	if err != nil || st != http.StatusAccepted {
		s.fail(fmt.Sprintf("outcome of %s by %s: %d %s %v", conv, as, st, strings.TrimSpace(string(b)), err))
		return false
	}
	return true
}

// answer is a simulated person taking an offer: the n-th offer of a conversation is declined
// with the planted chance (with a code), else accepted after the think time.
func (s *sim) answer(agent, conv string) {
	s.mu.Lock()
	n := s.offers[conv]
	s.offers[conv]++
	s.mu.Unlock()
	time.Sleep(s.o.Think)
	route, body := "accept", any(nil)
	if s.draw(conv, uint64(100+n)) >= s.o.Truth.Accept {
		code := []string{"busy", "end_of_shift", "not_qualified"}[int(s.draw(conv, uint64(200+n))*3)]
		route, body = "decline", map[string]string{"reason": code}
	}
	st, b, err := s.retry(context.Background(), http.MethodPost, "/v1/handoffs/"+conv+"/"+route, agent, body)
	if err != nil || st != http.StatusOK {
		s.fail(fmt.Sprintf("%s of %s by %s: %d %s %v", route, conv, agent, st, strings.TrimSpace(string(b)), err))
		return
	}
	s.count("offers", route == "accept")
}

// repeatedBeforeRecording reports whether the handoff took a customer_repeated event before it
// began recording: the log holds the repeats counted up to then. One that lands while the
// outcome is being recorded, after the window, is in the workflow's result but not the log.
func repeatedBeforeRecording(st handoff.State) bool {
	var recording time.Time
	for _, t := range st.Timings {
		if t.Phase == handoff.PhaseRecording {
			recording = t.StartedAt
		}
	}
	for _, e := range st.Events {
		if e.Type == handoff.EventCustomerRepeated && (recording.IsZero() || e.At.Before(recording)) {
			return true
		}
	}
	return false
}

// sampleWithID is a sample conversation under another conversation ID.
func sampleWithID(raw []byte, conv string) (map[string]any, error) {
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	doc["conversation_id"] = conv
	return doc, nil
}

func (s *sim) transferredTo(t *track) string {
	s.e.hub.mu.Lock()
	defer s.e.hub.mu.Unlock()
	return t.transferredTo
}

// pair is the planted pair of conversation i, by weight, deterministically.
func (s *sim) pair(i int) Pair {
	total := 0
	for _, p := range s.o.Truth.Pairs {
		total += p.Weight
	}
	k := i % total
	for _, p := range s.o.Truth.Pairs {
		if k < p.Weight {
			return p
		}
		k -= p.Weight
	}
	return s.o.Truth.Pairs[0]
}

func (s *sim) call(ctx context.Context, method, path, as string, body any) (int, []byte, error) {
	b := &bench{e: s.e}
	return b.call(ctx, method, path, as, body)
}

// retry sends a request again while the API answers 503 or 504 (Temporal or the worker busy
// or restarting), as a client should: starts, events and outcome reports are all safe to
// repeat (a second start returns the running handoff).
func (s *sim) retry(ctx context.Context, method, path, as string, body any) (int, []byte, error) {
	deadline := time.Now().Add(3 * time.Minute)
	for wait := 500 * time.Millisecond; ; wait = min(2*wait, 10*time.Second) {
		st, b, err := s.call(ctx, method, path, as, body)
		if err == nil && st != http.StatusServiceUnavailable && st != http.StatusGatewayTimeout || time.Now().After(deadline) {
			return st, b, err
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return st, b, ctx.Err()
		}
	}
}

func (s *sim) fail(msg string) {
	s.failed.Add(1)
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.errs) < 10 {
		s.errs = append(s.errs, msg)
	}
}

// checks compares each planted rate with the recovered one, and what the simulator drew and
// saw happen with what the statistics counted.
func (s *sim) checks(byPair, bySrc analytics.Report) []Check {
	t := s.o.Truth
	var out []Check
	add := func(what string, planted float64, drawn tally, got analytics.Rate) {
		out = append(out, Check{What: what, Planted: planted, Drawn: drawn, Got: got,
			Exact: got.K == drawn.K && got.N == drawn.N, OK: got.N > 0 && got.Contains(planted)})
	}
	group := func(r analytics.Report, key string) analytics.Rate {
		for _, g := range r.Groups {
			if g.Key == key {
				return g.Success
			}
		}
		return analytics.Rate{}
	}
	for _, p := range t.Pairs {
		if p.Source == "jorge_seller_bot" {
			// The people are several pairs (one per person); their source groups them all.
			add("success "+p.Name, p.Success, s.tally("source:"+p.Source), group(bySrc, p.Source))
			continue
		}
		add("success "+p.Name, p.Success, s.tally("pair:"+p.Name), group(byPair, p.Name))
	}
	add("offer acceptance (people)", t.Accept, s.tally("offers"), byPair.Total.OfferAcceptance)
	repeats := tally{K: s.tally("repeats").N, N: s.tally("moved").N}
	add("repeat information", t.Repeat, repeats, byPair.Total.Repeats)
	add("conversion after a handoff", t.ConvertAfter, s.tally("after"), byPair.Conversion.AfterHandoff)
	add("conversion, no handoff", t.ConvertBaseline, s.tally("baseline"), byPair.Conversion.Baseline)
	return out
}

func (s *sim) print(w io.Writer, r SimResult) {
	fmt.Fprintf(w, "Simulated %d handoffs through the workflow and %d conversations that never handed off in %s (seed %d, %d errors",
		s.o.Handoffs, s.o.Baseline, r.Elapsed.Round(time.Second), s.o.Seed, r.Failed)
	if r.LateRepeats > 0 {
		fmt.Fprintf(w, ", %d planted repeats too late for their window, in neither count", r.LateRepeats)
	}
	fmt.Fprint(w, ").\n\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "planted rate\tplanted\tdrawn\tcounted\trecovered (95% CI)\tinside")
	for _, c := range r.Checks {
		mark, exact := "yes", "="
		if !c.OK {
			mark = "NO"
		}
		if !c.Exact {
			exact = "≠"
		}
		fmt.Fprintf(tw, "%s\t%.1f%%\t%d/%d\t%s %d/%d\t%.1f%% (%.1f-%.1f)\t%s\n", c.What, c.Planted*100, c.Drawn.K, c.Drawn.N,
			exact, c.Got.K, c.Got.N, c.Got.Value*100, c.Got.Low*100, c.Got.High*100, mark)
	}
	_ = tw.Flush()
	fmt.Fprintln(w)
	_ = analytics.WriteTable(w, r.Report)
}
