// Package bench is the load benchmark behind `starter bench` (`make bench`): it measures the
// handoff against the engine's own ceiling, in one run. It starts (or reuses) the Temporal dev
// server, the real worker binary, a worker for two baseline workflows, the stand-in agents
// and the HTTP API, then runs:
//
//   - idle: one handoff at a time (bot to bot, bot to human), the idle-machine latency;
//   - handoffs: a mix from the sample conversations (bot to bot, bot to human, lead to buyer),
//     people accepting through the API after a think time;
//   - bot, floor, naive (and the other path), interleaved in rounds: bot-to-bot handoffs; a
//     bare workflow doing the same steps as local activities with no timer (the floor); the
//     same steps as regular activities plus the monitoring timer (the naive shape); and
//     bot-to-bot handoffs with handoff.fast_bot_path the other way ("regular" when it is on,
//     as shipped; "fast" when it is off);
//   - regular-idle (or fast-idle): one handoff of the other path at a time;
//   - nosticky: bot handoffs on a worker without a sticky cache (what the cache buys).
//
// It prints a table and writes JSON: throughput, latency percentiles, history events and
// billable actions per handoff, worker and server CPU, worker memory, and the ratios to both
// baselines. With --soak N it instead parks N handoffs in a long monitoring window and
// measures the worker's memory and the start speed of new handoffs meanwhile.
package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
)

// Options configure a run. Defaults (see cmd_bench.go) are sized for a 2-core machine.
type Options struct {
	Total       int
	Concurrency int
	// Window is the monitoring window of every handoff (and the naive shape's timer).
	Window time.Duration
	// Think is how long a simulated person takes to accept an offer.
	Think time.Duration
	// Rounds interleaves the bot, floor and naive phases (bot, floor, naive, bot, ...) so that
	// drift on a noisy machine hits them alike.
	Rounds int
	// Mix weights the handoffs phase: bot to bot, bot to human, lead to buyer.
	Mix [3]int
	// Warmup handoffs (and baseline runs) before measuring, not reported.
	Warmup int
	// Idle bot handoffs run one at a time (the idle-machine latency).
	Idle int
	// Humans and Capacity make the roster of people in group human_agent.
	Humans, Capacity int
	// StickyCache overrides worker.sticky_cache_size (-1 keeps the config's).
	StickyCache int
	// StickyPhase runs the nosticky phase (sticky cache off) to measure what the cache buys.
	StickyPhase bool
	// FastBotPath is handoff.fast_bot_path for every phase (on, as shipped); OtherPhase adds
	// bot handoffs with it the other way, to compare the two paths in the same run.
	FastBotPath, OtherPhase bool
	// Pingpong keeps the ping-pong guard on, as shipped; every bench conversation is new, so
	// it costs the API's look for an earlier run, not the guard's visibility read.
	Pingpong bool

	// NoBaselines leaves the baselines' worker out (the simulator needs none).
	NoBaselines bool
	// StoreURL is the handoff log the worker records to and the API serves (none when empty).
	StoreURL string
	// Edit changes the config document last, before it is written (the experiments'
	// simulation adds its experiments).
	Edit func(doc map[string]any)

	// DynamicConfig are KEY=VALUE dynamic config values for the bench's own dev server.
	DynamicConfig []string
	// Temporal reuses a running server (host:port) instead of starting one; TemporalMetrics
	// is that server's Prometheus endpoint, for the billed actions (none when empty).
	Temporal, TemporalMetrics string
	Namespace                 string
	// Workers is how many handoff worker processes poll the task queue (1 when zero).
	Workers int
	// BaseConfig is the config the bench's own is derived from.
	BaseConfig string
	Samples    string
	// The binaries: the pinned Temporal CLI, the worker, and starter itself.
	TemporalBin, WorkerBin, StarterBin string

	// Soak parks this many handoffs in a SoakWindow-long monitoring window (0: no soak);
	// SoakBatch handoffs are started before and while they wait.
	Soak       int
	SoakWindow time.Duration
	SoakBatch  int
	// Queue parks this many handoffs in human_agent's queue with every person offline, then
	// measures the queue's history and the time to offer the next one (0: no queue bench);
	// QueueCycles is how many offers it times.
	Queue       int
	QueueCycles int

	OutDir string
	// KeepTemp keeps the temporary directory (config, logs, the dev server's database).
	KeepTemp bool
	// Command is the command line, for the report.
	Command string
}

// Defaults sized for a 2-core machine.
const (
	DefaultWindow     = 2 * time.Second
	DefaultThink      = 200 * time.Millisecond
	DefaultSoakWindow = 30 * time.Minute
)

// kind is what a run is: a handoff of one shape, or a baseline.
type kind string

const (
	kindBotToBot    kind = "bot_to_bot"    // seller-ready: lead_bot -> jorge_seller_bot
	kindBotToHuman  kind = "bot_to_human"  // seller-distress: jorge_seller_bot -> human_agent
	kindLeadToBuyer kind = "lead_to_buyer" // lead-qualified: lead_bot -> jorge_buyer_bot
	kindFloor       kind = "floor"
	kindNaive       kind = "naive"
)

var sampleOf = map[kind]string{
	kindBotToBot:    "seller-ready",
	kindBotToHuman:  "seller-distress",
	kindLeadToBuyer: "lead-qualified",
	kindFloor:       "seller-ready",
	kindNaive:       "seller-ready",
}

// baselineTarget is the bot the baselines hand to: seller-ready's target.
const baselineTarget = "jorge_seller_bot"

func (k kind) baseline() bool { return k == kindFloor || k == kindNaive }

// item is one workflow run of a phase.
type item struct {
	kind  kind
	conv  string
	wfID  string
	runID string
	track *track
	// tCall is just before the start call; tTransfer when the transfer reached the target
	// (or the run ended without one).
	tCall, tTransfer time.Time
	// seenBriefed and seenTransferred are when the stand-in agents got the briefing (or
	// offer) and the transfer.
	seenBriefed, seenTransferred time.Time
	state                        handoff.State
	base                         BaselineResult
	err                          error
	counts                       Counts
	counted                      bool
}

func (it *item) startedAt() time.Time {
	if it.kind.baseline() {
		return it.base.StartedAt
	}
	return it.state.StartedAt
}

func (it *item) briefedAt() time.Time {
	if it.kind.baseline() {
		return it.base.BriefedAt
	}
	return it.state.BriefedAt
}

func (it *item) acceptedAt() time.Time {
	if it.kind.baseline() {
		return it.base.AcceptedAt
	}
	return it.state.AcceptedAt
}

func (it *item) ok() bool {
	if it.err != nil {
		return false
	}
	if it.kind.baseline() {
		return !it.base.EndedAt.IsZero()
	}
	return it.state.Outcome == handoff.OutcomeCompleted
}

// bench is one run.
type bench struct {
	opts     Options
	e        *env
	log      *slog.Logger
	progress io.Writer
	runID    string
	samples  map[kind][]byte
	seq      atomic.Int64
	current  atomic.Pointer[phaseRun]
	people   map[string]bool
}

// Run runs the benchmark, prints the table to out and progress to progress, and writes the
// JSON report. It stops everything it started before it returns, also when ctx is cancelled.
func Run(ctx context.Context, opts Options, out, progress io.Writer) (err error) {
	began := time.Now()
	cleanEnv()
	b := &bench{opts: opts, progress: progress, runID: began.UTC().Format("150405"), samples: map[kind][]byte{}}
	b.log = slog.New(slog.NewTextHandler(progress, &slog.HandlerOptions{Level: slog.LevelWarn}))
	for k, name := range sampleOf {
		raw, err := os.ReadFile(filepath.Join(opts.Samples, name+".json"))
		if err != nil {
			return fmt.Errorf("sample %s: %w", name, err)
		}
		b.samples[k] = raw
	}
	machine := readMachine(opts.TemporalBin)
	fmt.Fprintf(progress, "bench: %s, %d cores (%s); starting the stack\n", machine.CPUModel, machine.Cores, machine.GoVersion)
	e, err := newEnv(ctx, opts, b.log)
	b.e = e
	defer func() {
		keep := opts.KeepTemp || (err != nil && !errors.Is(err, context.Canceled))
		if keep && e != nil && e.dir != "" {
			fmt.Fprintf(progress, "bench: logs, config and database kept in %s\n", e.dir)
		}
		fmt.Fprintln(progress, "bench: stopping the worker, the baselines' worker and the dev server")
		if e != nil {
			e.close(keep)
		}
	}()
	if err != nil {
		return err
	}
	b.people = map[string]bool{}
	for _, a := range e.cfg.Agents {
		if a.Kind.IsPerson() {
			b.people[a.ID] = true
		}
	}
	e.hub.onOffer = b.accept
	fmt.Fprintf(progress, "bench: Temporal %s, worker pid %d, baselines worker pid %d, API %s, agents %s\n",
		e.address, e.worker.pid(), e.base.pid(), e.apiURL, e.agentsURL)

	rep := &Report{
		Tool: "starter bench", Command: opts.Command, StartedAt: began.UTC(), Machine: machine,
		Settings: settingsOf(opts, e),
	}
	switch {
	case opts.Queue > 0:
		rep.Queue, err = b.queueBench(ctx)
	case opts.Soak > 0:
		rep.Soak, err = b.soak(ctx)
	default:
		err = b.standard(ctx, rep)
	}
	if err != nil {
		if ctx.Err() != nil {
			return errors.New("interrupted; stopping everything the bench started")
		}
		return err
	}
	rep.WallSeconds = time.Since(began).Seconds()
	rep.evaluate()
	path, werr := rep.write(opts.OutDir, began)
	rep.print(out)
	if werr != nil {
		return werr
	}
	fmt.Fprintf(out, "\nJSON: %s\n", path)
	return nil
}

// standard runs the warm-up, the handoffs mix, the interleaved bot/floor/naive rounds and
// the nosticky phase.
func (b *bench) standard(ctx context.Context, rep *Report) error {
	o := b.opts
	if o.Warmup > 0 {
		warm := b.newPhase("warmup", "not reported", "handoff")
		if err := b.round(ctx, warm, []kind{kindBotToBot, kindBotToHuman, kindLeadToBuyer, kindFloor, kindNaive}, o.Warmup, o.Concurrency); err != nil {
			return err
		}
	}
	idle := b.newPhase("idle", "one handoff at a time, nothing else running", "handoff")
	if err := b.round(ctx, idle, []kind{kindBotToBot, kindBotToHuman}, 2*o.Idle, 1); err != nil {
		return err
	}
	mix := b.newPhase("handoffs", "mix of the samples; people accept through the API", "handoff")
	var seq []kind
	for i, k := range []kind{kindBotToBot, kindBotToHuman, kindLeadToBuyer} {
		for range o.Mix[i] {
			seq = append(seq, k)
		}
	}
	if err := b.round(ctx, mix, seq, o.Total, o.Concurrency); err != nil {
		return err
	}
	if err := b.countAgents(ctx, mix); err != nil {
		b.log.Warn("counting the people's entity workflows", "error", err)
	}
	def := workerMode{sticky: o.StickyCache, fast: o.FastBotPath}
	otherMode := workerMode{sticky: o.StickyCache, fast: !o.FastBotPath}
	bot := b.newPhase("bot", "bot-to-bot handoffs (seller-ready)", "handoff")
	floor := b.newPhase("floor", "same steps as local activities, no timer", "baselines")
	naive := b.newPhase("naive", "same steps as regular activities + timer", "baselines")
	otherName, otherWhat := "regular", "bot-to-bot handoffs, handoff.fast_bot_path off"
	if !o.FastBotPath {
		otherName, otherWhat = "fast", "bot-to-bot handoffs, handoff.fast_bot_path on"
	}
	other := b.newPhase(otherName, otherWhat, "handoff")
	rounds := max(o.Rounds, 1)
	for r := range rounds {
		n := o.Total / rounds
		if r == rounds-1 {
			n = o.Total - n*(rounds-1)
		}
		steps := []struct {
			pr   *phaseRun
			k    kind
			mode *workerMode
		}{{bot, kindBotToBot, &def}, {floor, kindFloor, nil}, {naive, kindNaive, nil}}
		if o.OtherPhase {
			steps = append(steps, struct {
				pr   *phaseRun
				k    kind
				mode *workerMode
			}{other, kindBotToBot, &otherMode})
		}
		for _, st := range steps {
			if st.mode != nil {
				if err := b.e.ensureWorker(ctx, *st.mode, b.progress); err != nil {
					return err
				}
			}
			if err := b.round(ctx, st.pr, []kind{st.k}, n, o.Concurrency); err != nil {
				return err
			}
		}
	}
	rep.Phases = append(rep.Phases, idle.report(), mix.report(), bot.report(), floor.report(), naive.report())
	if o.OtherPhase {
		// The worker runs the other path since the last round.
		otherIdle := b.newPhase(otherName+"-idle", "one at a time: "+otherWhat, "handoff")
		if err := b.ensureIdle(ctx, otherIdle, otherMode); err != nil {
			return err
		}
		rep.Phases = append(rep.Phases, other.report(), otherIdle.report())
	}
	if o.StickyPhase {
		if err := b.e.ensureWorker(ctx, workerMode{sticky: 0, fast: o.FastBotPath}, b.progress); err != nil {
			return err
		}
		ns := b.newPhase("nosticky", "bot-to-bot handoffs, worker without a sticky cache", "handoff")
		if err := b.round(ctx, ns, []kind{kindBotToBot}, max(o.Total/2, 1), o.Concurrency); err != nil {
			return err
		}
		rep.Phases = append(rep.Phases, ns.report())
	}
	return nil
}

// ensureIdle runs the idle bot-to-bot handoffs on a worker in mode m.
func (b *bench) ensureIdle(ctx context.Context, pr *phaseRun, m workerMode) error {
	if err := b.e.ensureWorker(ctx, m, b.progress); err != nil {
		return err
	}
	return b.round(ctx, pr, []kind{kindBotToBot}, b.opts.Idle, 1)
}

// newConv makes a unique conversation ID.
func (b *bench) newConv(k kind) string {
	return fmt.Sprintf("bench-%s-%s-%06d", b.runID, strings.ReplaceAll(string(k), "_", ""), b.seq.Add(1))
}

// input is the sample of a kind with the conversation ID (and window) of this run.
func (b *bench) input(k kind, conv, window string) (handoff.Input, error) {
	var in handoff.Input
	if err := json.Unmarshal(b.samples[k], &in); err != nil {
		return in, err
	}
	in.ConversationID = conv
	in.MonitoringWindow = window
	return in, nil
}

// start starts one run: a handoff through the API as its source bot, a baseline with the SDK.
func (b *bench) start(ctx context.Context, it *item, window string) error {
	in, err := b.input(it.kind, it.conv, window)
	if err != nil {
		return err
	}
	if it.kind.baseline() {
		name := FloorWorkflow
		if it.kind == kindNaive {
			name = NaiveWorkflow
		}
		it.wfID = "bench-" + string(it.kind) + "-" + it.conv
		run, err := b.e.cl.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: it.wfID, TaskQueue: BaselineTaskQueue}, name,
			BaselineInput{Input: in, Target: baselineTarget, AgentsURL: b.e.agentsURL, Window: b.opts.Window.String()})
		if err != nil {
			return err
		}
		it.runID = run.GetRunID()
		return nil
	}
	var res struct {
		WorkflowID string `json:"workflow_id"`
		RunID      string `json:"run_id"`
	}
	status, body, err := b.call(ctx, http.MethodPost, "/v1/handoffs", in.SourceAgent, in)
	if err != nil {
		return err
	}
	if status != http.StatusCreated {
		return fmt.Errorf("POST /v1/handoffs: %d %s", status, strings.TrimSpace(string(body)))
	}
	if err := json.Unmarshal(body, &res); err != nil {
		return err
	}
	it.wfID, it.runID = res.WorkflowID, res.RunID
	return nil
}

// call makes one API request as the named agent's token.
func (b *bench) call(ctx context.Context, method, path, as string, body any) (int, []byte, error) {
	var r io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, b.e.apiURL+path, r)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+b.e.secrets[as])
	req.Header.Set("Content-Type", "application/json")
	resp, err := b.e.httpc.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	return resp.StatusCode, out, err
}

// accept is a simulated person answering an offer: the think time, then POST accept, timed.
func (b *bench) accept(agent, conv string) {
	pr := b.current.Load()
	time.Sleep(b.opts.Think)
	t := time.Now()
	status, body, err := b.call(context.Background(), http.MethodPost, "/v1/handoffs/"+conv+"/accept", agent, nil)
	rtt := time.Since(t)
	if pr == nil {
		return
	}
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if err == nil && status == http.StatusOK {
		pr.accepts = append(pr.accepts, rtt)
		return
	}
	pr.acceptErrors++
	if err == nil && status == http.StatusConflict {
		pr.acceptConflicts++
	}
	if err == nil {
		err = fmt.Errorf("%d %s", status, strings.TrimSpace(string(body)))
	}
	pr.noteError("accept by " + agent + ": " + err.Error())
}

// release is the person who took a conversation finishing it, so their capacity frees up.
func (b *bench) release(ctx context.Context, pr *phaseRun, it *item) {
	for _, o := range it.state.Offers {
		if o.Result != handoff.OfferAccepted || !b.people[o.Agent] {
			continue
		}
		status, body, err := b.call(ctx, http.MethodPost, "/v1/agents/"+o.Agent+"/release", o.Agent,
			map[string]string{"conversation_id": it.conv, "reason": "bench: conversation finished"})
		if err == nil && status != http.StatusOK {
			err = fmt.Errorf("%d %s", status, strings.TrimSpace(string(body)))
		}
		if err != nil {
			pr.mu.Lock()
			pr.releaseErrors++
			pr.noteError("release by " + o.Agent + ": " + err.Error())
			pr.mu.Unlock()
		}
	}
}

// wait waits for the run to end and keeps its result.
func (b *bench) wait(ctx context.Context, it *item) {
	run := b.e.cl.GetWorkflow(ctx, it.wfID, it.runID)
	if it.kind.baseline() {
		it.err = run.Get(ctx, &it.base)
	} else {
		it.err = run.Get(ctx, &it.state)
	}
}

// round runs n runs of the kinds (round robin) at the given concurrency and adds them to pr.
// A slot is held from the start call until the transfer reached the target (or the run
// ended): the monitoring window that follows is waiting, not work, so it holds no slot. The
// round ends when every run has ended; its CPU is read then, before histories are fetched.
func (b *bench) round(ctx context.Context, pr *phaseRun, kinds []kind, n, conc int) error {
	if n <= 0 {
		return nil
	}
	b.current.Store(pr)
	before := b.marks(pr)
	stopProgress := b.showProgress(pr, n)
	t0 := time.Now()
	var last atomic.Int64
	sem := make(chan struct{}, max(conc, 1))
	var wg sync.WaitGroup
	items := make([]*item, 0, n)
	waitCtx, cancelWaits := context.WithTimeout(ctx, b.opts.Window+5*time.Minute)
	defer cancelWaits()
loop:
	for i := range n {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			break loop
		}
		it := &item{kind: kinds[i%len(kinds)]}
		it.conv = b.newConv(it.kind)
		items = append(items, it)
		wg.Add(1)
		go func() {
			defer wg.Done()
			var once sync.Once
			free := func() { once.Do(func() { <-sem }) }
			defer free()
			it.track = b.e.hub.watch(it.conv)
			defer b.e.hub.forget(it.conv)
			it.tCall = time.Now()
			if err := b.start(ctx, it, ""); err != nil {
				it.err = err
				pr.failed.Add(1)
				pr.mu.Lock()
				pr.noteError("start: " + err.Error())
				pr.mu.Unlock()
				return
			}
			pr.started.Add(1)
			done := make(chan struct{})
			go func() {
				b.wait(waitCtx, it)
				close(done)
			}()
			select {
			case <-it.track.transferred:
				pr.transferred.Add(1)
			case <-done:
			case <-ctx.Done():
			}
			it.tTransfer = time.Now()
			for {
				l := last.Load()
				if it.tTransfer.UnixNano() <= l || last.CompareAndSwap(l, it.tTransfer.UnixNano()) {
					break
				}
			}
			free()
			<-done
			it.seenBriefed, it.seenTransferred = b.e.hub.times(it.track)
			if it.ok() {
				pr.completed.Add(1)
			} else {
				pr.failed.Add(1)
				pr.mu.Lock()
				if it.err != nil {
					pr.noteError("run " + it.wfID + ": " + it.err.Error())
				} else {
					pr.noteError(fmt.Sprintf("run %s ended %s: %s", it.wfID, it.state.Outcome, it.state.OutcomeReason))
				}
				pr.mu.Unlock()
			}
			if it.kind == kindBotToHuman {
				b.release(ctx, pr, it)
			}
		}()
	}
	wg.Wait()
	stopProgress()
	// The server counts a task's actions and CPU as it answers the worker, a moment after
	// the run's end is visible to the bench.
	time.Sleep(300 * time.Millisecond)
	after := b.marks(pr)
	if err := ctx.Err(); err != nil {
		return err
	}
	wall := time.Unix(0, last.Load()).Sub(t0)
	// Steady state: until the last start call every slot was busy; after it the round only
	// drains, and one slow run would stretch the wall time of a short round.
	var lastStart time.Time
	for _, it := range items {
		if it.tCall.After(lastStart) {
			lastStart = it.tCall
		}
	}
	steady := 0
	for _, it := range items {
		if it.ok() && !it.tTransfer.After(lastStart) {
			steady++
		}
	}
	pr.steadyRuns += steady
	pr.steadyWall += lastStart.Sub(t0)
	pr.add(items, wall, before, after)
	b.countHistories(ctx, items)
	return nil
}

// marks reads the processes' CPU and memory and the server's action counter.
func (b *bench) marks(pr *phaseRun) marks {
	m := marks{At: time.Now()}
	w := b.e.workerUsage
	if pr.worker == "baselines" {
		w = b.e.baseUsage
	}
	m.Worker = w.read()
	m.Server = b.e.serverUsage.read()
	m.Self, _ = cpuSeconds(os.Getpid())
	m.Actions = b.e.scrapeActions()
	w.resetPeak()
	b.e.serverUsage.resetPeak()
	return m
}

// countHistories reads every run's history (8 at a time) and counts events and actions.
func (b *bench) countHistories(ctx context.Context, items []*item) {
	inParallel(8, items, func(it *item) {
		if it.runID == "" {
			return
		}
		if events, err := b.history(ctx, it.wfID, it.runID); err == nil {
			it.counts, it.counted = Count(events), true
		}
	})
}

// inParallel calls fn for every item, n at a time, and returns when all are done.
func inParallel[T any](n int, items []T, fn func(T)) {
	ch := make(chan T)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range ch {
				fn(it)
			}
		}()
	}
	for _, it := range items {
		ch <- it
	}
	close(ch)
	wg.Wait()
}

func (b *bench) history(ctx context.Context, wfID, runID string) ([]*historypb.HistoryEvent, error) {
	iter := b.e.cl.GetWorkflowHistory(ctx, wfID, runID, false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	var events []*historypb.HistoryEvent
	for iter.HasNext() {
		e, err := iter.Next()
		if err != nil {
			return nil, err
		}
		events = append(events, e)
	}
	return events, nil
}

// countAgents counts the actions the phase cost the people's entity workflows (reservations,
// assignments and releases are Updates on them; lease timers), per bot-to-human handoff.
func (b *bench) countAgents(ctx context.Context, pr *phaseRun) error {
	humans := 0
	for _, it := range pr.items {
		if it.kind == kindBotToHuman {
			humans++
		}
	}
	if humans == 0 {
		return nil
	}
	var total Counts
	for id := range b.people {
		events, err := b.history(ctx, handoff.AgentWorkflowID(id), "")
		if err != nil {
			var nf *serviceerror.NotFound
			if errors.As(err, &nf) {
				continue // never offered anything
			}
			return err
		}
		var in []*historypb.HistoryEvent
		for _, e := range events {
			if t := e.GetEventTime().AsTime(); !t.Before(pr.t0) && !t.After(pr.tDone) {
				in = append(in, e)
			}
		}
		total.Add(Count(in))
	}
	pr.agentActions = float64(total.Actions) / float64(humans)
	pr.agentEvents = float64(total.Events) / float64(humans)
	return nil
}

// showProgress prints a line a second until stopped.
func (b *bench) showProgress(pr *phaseRun, n int) func() {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		w := b.e.workerUsage
		if pr.worker == "baselines" {
			w = b.e.baseUsage
		}
		lastT, lastCPU := time.Now(), w.read().CPU
		lastDone := pr.transferred.Load()
		lastServer := b.e.serverUsage.read().CPU
		for {
			select {
			case <-stop:
				return
			case now := <-t.C:
				m := w.read()
				dt := now.Sub(lastT).Seconds()
				tr := pr.transferred.Load()
				sm := b.e.serverUsage.read()
				fmt.Fprintf(b.progress, "  %-9s started %5d/%-5d transferred %5d  completed %5d  failed %3d  %6.1f/s  CPU %s %3.0f%% server %3.0f%%  %s RSS %d MB\n",
					pr.name, pr.started.Load()-pr.startedBase, n, tr-pr.transferredBase, pr.completed.Load()-pr.completedBase,
					pr.failed.Load()-pr.failedBase, float64(tr-lastDone)/dt, pr.worker, 100*(m.CPU-lastCPU)/dt,
					100*(sm.CPU-lastServer)/dt, pr.worker, m.RSS>>20)
				lastT, lastCPU, lastDone, lastServer = now, m.CPU, tr, sm.CPU
			}
		}
	}()
	return func() {
		close(stop)
		<-done
		pr.startedBase, pr.transferredBase = pr.started.Load(), pr.transferred.Load()
		pr.completedBase, pr.failedBase = pr.completed.Load(), pr.failed.Load()
	}
}
