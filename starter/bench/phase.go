package bench

import (
	"sync"
	"sync/atomic"
	"time"
)

// marks are readings taken before and after a round.
type marks struct {
	At      time.Time
	Worker  mark
	Server  mark
	Self    float64
	Actions map[string]float64
}

// phaseRun accumulates one phase over its rounds.
type phaseRun struct {
	name, desc string
	// worker is the process doing the phase's work: "handoff" or "baselines".
	worker string

	started, transferred, completed, failed                 atomic.Int64
	startedBase, transferredBase, completedBase, failedBase int64

	mu           sync.Mutex
	items        []*item
	accepts      []time.Duration
	acceptErrors int
	// acceptConflicts are accepts refused with 409 although the offer had reached the person.
	acceptConflicts int
	releaseErrors   int
	errors          []string
	errorCount      int

	wall                          time.Duration
	steadyRuns                    int
	steadyWall                    time.Duration
	t0, tDone                     time.Time
	workerCPU, serverCPU, selfCPU float64
	workerPeak, serverPeak        int64
	workerHWM                     int64
	actions                       map[string]float64
	agentActions, agentEvents     float64
}

func (b *bench) newPhase(name, desc, worker string) *phaseRun {
	return &phaseRun{name: name, desc: desc, worker: worker, actions: map[string]float64{}}
}

// noteError keeps the first errors for the report (callers hold mu).
func (pr *phaseRun) noteError(s string) {
	pr.errorCount++
	if len(pr.errors) < 10 {
		pr.errors = append(pr.errors, s)
	}
}

// add folds a finished round in.
func (pr *phaseRun) add(items []*item, wall time.Duration, before, after marks) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	pr.items = append(pr.items, items...)
	pr.wall += wall
	if pr.t0.IsZero() {
		pr.t0 = before.At
	}
	pr.tDone = after.At
	pr.workerCPU += after.Worker.CPU - before.Worker.CPU
	pr.serverCPU += after.Server.CPU - before.Server.CPU
	pr.selfCPU += after.Self - before.Self
	pr.workerPeak = max(pr.workerPeak, after.Worker.PeakRSS)
	pr.serverPeak = max(pr.serverPeak, after.Server.PeakRSS)
	pr.workerHWM = max(pr.workerHWM, after.Worker.HWM)
	for k, v := range after.Actions {
		if d := v - before.Actions[k]; d > 0 {
			pr.actions[k] += d
		}
	}
}

// PhaseReport is one phase's figures.
type PhaseReport struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	// Worker is the process that ran the phase's workflows: "handoff" (bin/worker) or
	// "baselines" (starter bench worker --baselines).
	Worker   string         `json:"worker"`
	Runs     int            `json:"runs"`
	OK       int            `json:"ok"`
	Failed   int            `json:"failed"`
	Outcomes map[string]int `json:"outcomes,omitempty"`
	// Throughput is handoffs started and transferred per second (the monitoring window that
	// follows is waiting, not work) in the steady state: runs transferred by the time the
	// last start call of a round went out, over the time until then, summed over rounds.
	// ThroughputWithDrain counts every OK run over the time from the first start to the last
	// transfer (TransitionSeconds), so one slow run at the end of a short round weighs in.
	Throughput          float64 `json:"throughput_per_s"`
	ThroughputWithDrain float64 `json:"throughput_with_drain_per_s"`
	TransitionSeconds   float64 `json:"transition_seconds"`
	// From the run's own clock (State.StartedAt, BriefedAt, AcceptedAt): the seed's
	// transition time and the time to acceptance.
	StartToBriefed  Dist `json:"start_to_briefed"`
	StartToAccepted Dist `json:"start_to_accepted"`
	// From the bench's clock: the start call to the briefing (or offer) reaching the target,
	// and to the transfer reaching it.
	CallToBriefed     Dist `json:"call_to_briefed"`
	CallToTransferred Dist `json:"call_to_transferred"`
	// AcceptRoundTrip is POST /v1/handoffs/{id}/accept, request to response.
	AcceptRoundTrip Dist       `json:"accept_round_trip"`
	AcceptErrors    int        `json:"accept_errors,omitempty"`
	AcceptConflicts int        `json:"accept_conflicts,omitempty"`
	ReleaseErrors   int        `json:"release_errors,omitempty"`
	History         MeanCounts `json:"history"`
	// PhasesPerRun is the mean number of phases a handoff went through (State.Timings).
	PhasesPerRun float64 `json:"phases_per_run,omitempty"`
	// AgentActionsPerHumanHandoff are the actions in the people's entity workflows
	// (reservations, assignments, releases, lease timers) per bot-to-human handoff.
	AgentActionsPerHumanHandoff float64 `json:"agent_actions_per_human_handoff,omitempty"`
	AgentEventsPerHumanHandoff  float64 `json:"agent_events_per_human_handoff,omitempty"`
	// CPU seconds of each process over the phase, per run, in milliseconds.
	WorkerCPUms float64 `json:"worker_cpu_ms_per_run"`
	ServerCPUms float64 `json:"server_cpu_ms_per_run"`
	BenchCPUms  float64 `json:"bench_cpu_ms_per_run"`
	// WorkerPeakRSSMB is the largest RSS sampled (every 250 ms) during the phase;
	// WorkerHWMMB the process's peak so far (VmHWM).
	WorkerPeakRSSMB float64 `json:"worker_peak_rss_mb"`
	WorkerHWMMB     float64 `json:"worker_hwm_mb"`
	ServerPeakRSSMB float64 `json:"server_peak_rss_mb"`
	// ServerActions is the dev server's own `action` counter over the phase (namespace of the
	// bench), by action type: it also counts what histories do not show (queries, rejected
	// Updates), the bench's and the API's included.
	ServerActions map[string]float64 `json:"server_actions,omitempty"`
	// Kinds splits a phase of several handoff shapes by shape.
	Kinds               []KindReport `json:"kinds,omitempty"`
	ServerActionsPerRun float64      `json:"server_actions_per_run,omitempty"`
	Errors              []string     `json:"errors,omitempty"`
	ErrorCount          int          `json:"error_count,omitempty"`
}

// KindReport is one handoff shape of the handoffs mix.
type KindReport struct {
	Kind            string         `json:"kind"`
	Sample          string         `json:"sample"`
	Runs            int            `json:"runs"`
	OK              int            `json:"ok"`
	Outcomes        map[string]int `json:"outcomes,omitempty"`
	Targets         map[string]int `json:"targets,omitempty"`
	StartToBriefed  Dist           `json:"start_to_briefed"`
	StartToAccepted Dist           `json:"start_to_accepted"`
	CallToBriefed   Dist           `json:"call_to_briefed"`
	History         MeanCounts     `json:"history"`
}

const mb = 1 << 20

func (pr *phaseRun) report() PhaseReport {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	r := summarize(pr.items)
	p := PhaseReport{
		Name: pr.name, Description: pr.desc, Worker: pr.worker,
		Runs: r.Runs, OK: r.OK, Failed: r.Runs - r.OK, Outcomes: r.Outcomes,
		TransitionSeconds: pr.wall.Seconds(),
		StartToBriefed:    r.StartToBriefed, StartToAccepted: r.StartToAccepted,
		CallToBriefed: r.CallToBriefed, CallToTransferred: r.callToTransferred,
		AcceptRoundTrip: Summarize(pr.accepts), AcceptErrors: pr.acceptErrors, AcceptConflicts: pr.acceptConflicts, ReleaseErrors: pr.releaseErrors,
		History: r.History, PhasesPerRun: r.phases,
		AgentActionsPerHumanHandoff: pr.agentActions, AgentEventsPerHumanHandoff: pr.agentEvents,
		WorkerPeakRSSMB: float64(pr.workerPeak) / mb, WorkerHWMMB: float64(pr.workerHWM) / mb,
		ServerPeakRSSMB: float64(pr.serverPeak) / mb,
		Errors:          pr.errors, ErrorCount: pr.errorCount,
	}
	if pr.wall > 0 {
		p.ThroughputWithDrain = float64(r.OK) / pr.wall.Seconds()
		p.Throughput = p.ThroughputWithDrain
	}
	if pr.steadyRuns > 0 && pr.steadyWall > 0 {
		p.Throughput = float64(pr.steadyRuns) / pr.steadyWall.Seconds()
	}
	if ks := pr.kindReports(); len(ks) > 1 {
		p.Kinds = ks
	}
	if n := float64(r.Runs); n > 0 {
		p.WorkerCPUms = 1000 * pr.workerCPU / n
		p.ServerCPUms = 1000 * pr.serverCPU / n
		p.BenchCPUms = 1000 * pr.selfCPU / n
		if len(pr.actions) > 0 {
			p.ServerActions = pr.actions
			var sum float64
			for _, v := range pr.actions {
				sum += v
			}
			p.ServerActionsPerRun = sum / n
		}
	}
	return p
}

// kindReports splits the phase by handoff shape (callers hold mu).
func (pr *phaseRun) kindReports() []KindReport {
	by := map[kind][]*item{}
	for _, it := range pr.items {
		by[it.kind] = append(by[it.kind], it)
	}
	var out []KindReport
	for _, k := range []kind{kindBotToBot, kindBotToHuman, kindLeadToBuyer} {
		items := by[k]
		if len(items) == 0 {
			continue
		}
		r := summarize(items)
		kr := KindReport{Kind: string(k), Sample: sampleOf[k], Runs: r.Runs, OK: r.OK, Outcomes: r.Outcomes,
			Targets: map[string]int{}, StartToBriefed: r.StartToBriefed, StartToAccepted: r.StartToAccepted,
			CallToBriefed: r.CallToBriefed, History: r.History}
		for _, it := range items {
			if it.state.Target != "" {
				kr.Targets[it.state.Target]++
			}
		}
		out = append(out, kr)
	}
	return out
}

// summary is what summarize computes over runs.
type summary struct {
	Runs, OK          int
	Outcomes          map[string]int
	StartToBriefed    Dist
	StartToAccepted   Dist
	CallToBriefed     Dist
	callToTransferred Dist
	History           MeanCounts
	phases            float64
}

func summarize(items []*item) summary {
	s := summary{Outcomes: map[string]int{}}
	var brief, accept, callBrief, callTransfer []time.Duration
	var counts []Counts
	var phases, withState int
	for _, it := range items {
		s.Runs++
		switch {
		case it.err != nil:
			s.Outcomes["error"]++
		case it.kind.baseline():
			s.Outcomes["completed"]++
		default:
			s.Outcomes[string(it.state.Outcome)]++
			phases += len(it.state.Timings)
			withState++
		}
		if !it.ok() {
			continue
		}
		s.OK++
		if st, bt := it.startedAt(), it.briefedAt(); !st.IsZero() && !bt.IsZero() {
			brief = append(brief, bt.Sub(st))
		}
		if st, at := it.startedAt(), it.acceptedAt(); !st.IsZero() && !at.IsZero() {
			accept = append(accept, at.Sub(st))
		}
		if !it.seenBriefed.IsZero() {
			callBrief = append(callBrief, it.seenBriefed.Sub(it.tCall))
		}
		if !it.seenTransferred.IsZero() {
			callTransfer = append(callTransfer, it.seenTransferred.Sub(it.tCall))
		}
		if it.counted {
			counts = append(counts, it.counts)
		}
	}
	s.StartToBriefed, s.StartToAccepted = Summarize(brief), Summarize(accept)
	s.CallToBriefed, s.callToTransferred = Summarize(callBrief), Summarize(callTransfer)
	s.History = Mean(counts)
	if withState > 0 {
		s.phases = float64(phases) / float64(withState)
	}
	return s
}
