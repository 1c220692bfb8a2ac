package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Report is the JSON the bench writes (bench-results/bench-<time>.json).
type Report struct {
	Tool        string        `json:"tool"`
	Command     string        `json:"command"`
	StartedAt   time.Time     `json:"started_at"`
	WallSeconds float64       `json:"wall_seconds"`
	Machine     Machine       `json:"machine"`
	Settings    Settings      `json:"settings"`
	Phases      []PhaseReport `json:"phases,omitempty"`
	// Ratios compare each way the handoff ran (the default config, the other path) with the
	// baselines of the same run.
	Ratios  map[string]*Ratios `json:"ratios,omitempty"`
	Choices []Choice           `json:"design_choices,omitempty"`
	Targets []Target           `json:"targets"`
	Soak    *SoakReport        `json:"soak,omitempty"`
	Queue   *QueueBench        `json:"queue,omitempty"`
}

// Machine is where the figures were measured.
type Machine struct {
	Cores     int     `json:"cores"`
	CPUModel  string  `json:"cpu_model"`
	MemoryGB  float64 `json:"memory_gb"`
	Kernel    string  `json:"kernel"`
	GoVersion string  `json:"go_version"`
	Temporal  string  `json:"temporal"`
}

// Settings are the run's parameters.
type Settings struct {
	Total       int    `json:"total_per_phase"`
	Concurrency int    `json:"concurrency"`
	Window      string `json:"monitoring_window"`
	Think       string `json:"think_time"`
	Rounds      int    `json:"rounds"`
	Mix         string `json:"mix"`
	Warmup      int    `json:"warmup"`
	Idle        int    `json:"idle_per_shape"`
	People      string `json:"people"`
	StickyCache int    `json:"sticky_cache_size"`
	FastBotPath bool   `json:"fast_bot_path"`
	Pingpong    bool   `json:"pingpong_guard"`
	Server      string `json:"server"`
	// Workers is how many handoff worker processes polled the task queue; CPU and memory
	// are the first one's.
	Workers int `json:"workers"`
	// DynamicConfig are the dev server's --dynamic-config-value settings beyond make run's.
	DynamicConfig []string `json:"dynamic_config,omitempty"`
	Method        string   `json:"method"`
}

// Ratios compare bot handoffs with the baselines of the same run.
type Ratios struct {
	ThroughputVsFloor  float64 `json:"throughput_vs_floor"`
	ThroughputVsNaive  float64 `json:"throughput_vs_naive"`
	BriefedP50VsFloor  float64 `json:"start_to_briefed_p50_vs_floor"`
	BriefedP50VsNaive  float64 `json:"start_to_briefed_p50_vs_naive"`
	WorkerCPUVsFloor   float64 `json:"worker_cpu_vs_floor"`
	WorkerCPUVsNaive   float64 `json:"worker_cpu_vs_naive"`
	ServerCPUVsFloor   float64 `json:"server_cpu_vs_floor"`
	ServerCPUVsNaive   float64 `json:"server_cpu_vs_naive"`
	EventsVsFloor      float64 `json:"events_vs_floor"`
	EventsVsNaive      float64 `json:"events_vs_naive"`
	ActionsVsFloor     float64 `json:"actions_vs_floor"`
	ActionsVsNaive     float64 `json:"actions_vs_naive"`
	ServerActionsFloor float64 `json:"server_actions_vs_floor,omitempty"`
	ServerActionsNaive float64 `json:"server_actions_vs_naive,omitempty"`
}

// Choice is what one design choice bought, measured in this run.
type Choice struct {
	Name     string             `json:"name"`
	Measured string             `json:"measured"`
	Figures  map[string]float64 `json:"figures,omitempty"`
}

// Target is one of the goals with this run's figure.
type Target struct {
	Goal     string `json:"goal"`
	Measured string `json:"measured"`
	// Met is nil when this run did not measure it.
	Met *bool `json:"met,omitempty"`
}

func (r *Report) phase(name string) *PhaseReport {
	for i := range r.Phases {
		if r.Phases[i].Name == name {
			return &r.Phases[i]
		}
	}
	return nil
}

// kind is one shape of a phase.
func (p *PhaseReport) kind(k kind) *KindReport {
	if p == nil {
		return nil
	}
	for i := range p.Kinds {
		if p.Kinds[i].Kind == string(k) {
			return &p.Kinds[i]
		}
	}
	return nil
}

func yes(b bool) *bool { return &b }

// pOr is p, or an empty report.
func pOr(p *PhaseReport) *PhaseReport {
	if p == nil {
		return &PhaseReport{}
	}
	return p
}

// variant is one way the handoff ran: the default config, or the other bot path.
type variant struct {
	label      string
	load, idle *PhaseReport
}

func (r *Report) variants() []variant {
	var out []variant
	if bot := r.phase("bot"); bot != nil {
		v := variant{label: "default config (regular I/O)", load: bot}
		if r.Settings.FastBotPath {
			v.label = "default config (fast bot path)"
		}
		if k := r.phase("idle").kind(kindBotToBot); k != nil {
			v.idle = &PhaseReport{Name: "idle", Runs: k.Runs, OK: k.OK, StartToBriefed: k.StartToBriefed}
		}
		out = append(out, v)
	}
	if fast := r.phase("fast"); fast != nil {
		out = append(out, variant{label: "fast bot path", load: fast, idle: r.phase("fast-idle")})
	}
	if reg := r.phase("regular"); reg != nil {
		out = append(out, variant{label: "regular I/O path", load: reg, idle: r.phase("regular-idle")})
	}
	return out
}

func ratiosOf(p, floor, naive *PhaseReport) *Ratios {
	q := &Ratios{
		ThroughputVsFloor: ratio(p.Throughput, floor.Throughput),
		ThroughputVsNaive: ratio(p.Throughput, naive.Throughput),
		BriefedP50VsFloor: ratio(p.StartToBriefed.P50, floor.StartToBriefed.P50),
		BriefedP50VsNaive: ratio(p.StartToBriefed.P50, naive.StartToBriefed.P50),
		WorkerCPUVsFloor:  ratio(p.WorkerCPUms, floor.WorkerCPUms),
		WorkerCPUVsNaive:  ratio(p.WorkerCPUms, naive.WorkerCPUms),
		ServerCPUVsFloor:  ratio(p.ServerCPUms, floor.ServerCPUms),
		ServerCPUVsNaive:  ratio(p.ServerCPUms, naive.ServerCPUms),
		EventsVsFloor:     ratio(p.History.Events, floor.History.Events),
		EventsVsNaive:     ratio(p.History.Events, naive.History.Events),
		ActionsVsFloor:    ratio(p.History.Actions, floor.History.Actions),
		ActionsVsNaive:    ratio(p.History.Actions, naive.History.Actions),
	}
	q.ServerActionsFloor = ratio(p.ServerActionsPerRun, floor.ServerActionsPerRun)
	q.ServerActionsNaive = ratio(p.ServerActionsPerRun, naive.ServerActionsPerRun)
	return q
}

// evaluate computes the ratios, what the design choices bought and the targets.
func (r *Report) evaluate() {
	bot, floor, naive, mix := r.phase("bot"), r.phase("floor"), r.phase("naive"), r.phase("handoffs")
	ns := r.phase("nosticky")
	// The two paths, whichever of them the default config runs.
	fast, reg := r.phase("fast"), bot
	if r.Settings.FastBotPath {
		fast, reg = bot, r.phase("regular")
	}
	vs := r.variants()
	if floor != nil && naive != nil {
		r.Ratios = map[string]*Ratios{}
		for _, v := range vs {
			r.Ratios[v.label] = ratiosOf(v.load, floor, naive)
		}

		// Local versus regular activities, on the baselines: they differ only in that (and
		// the timer), so their difference prices one step either way.
		steps := float64(len(baselineSteps))
		timerEvents := naive.History.Timers * 5 // TimerStarted, TimerFired, and a workflow task
		dEvents := (naive.History.Events - timerEvents - floor.History.Events) / steps
		dActions := (naive.History.Actions - naive.History.Timers - floor.History.Actions) / steps
		dBrief := (naive.StartToBriefed.P50 - floor.StartToBriefed.P50) / 6 // six steps up to the briefing
		dCPU := (naive.WorkerCPUms - floor.WorkerCPUms) / steps
		dServer := (naive.ServerCPUms - floor.ServerCPUms) / steps
		c := Choice{
			Name: "local versus regular activities",
			Measured: fmt.Sprintf("baselines, floor (8 local activities) vs naive (8 regular + timer): %.0f vs %.0f events, %.1f vs %.1f actions, start→briefed p50 %.0f vs %.0f ms, worker CPU %.2f vs %.2f ms, server CPU %.2f vs %.2f ms per run; "+
				"one step as a regular activity costs %.1f more events, %.2f more actions, %.0f ms more latency under load and %.2f ms more server CPU.",
				floor.History.Events, naive.History.Events, floor.History.Actions, naive.History.Actions,
				floor.StartToBriefed.P50, naive.StartToBriefed.P50, floor.WorkerCPUms, naive.WorkerCPUms, floor.ServerCPUms, naive.ServerCPUms,
				dEvents, dActions, dBrief, dServer),
			Figures: map[string]float64{"events_per_step": dEvents, "actions_per_step": dActions, "brief_ms_per_step": dBrief,
				"worker_cpu_ms_per_step": dCPU, "server_cpu_ms_per_step": dServer},
		}
		if reg != nil {
			la := reg.History.LocalActivities
			c.Measured += fmt.Sprintf(" Even with every I/O step a regular activity, the handoff's pure steps run locally (%.1f local activities): about %.0f events, %.1f actions and %.0f ms of start→briefed saved per handoff.",
				la, la*dEvents, la-reg.History.LocalActivityTasks, la*dBrief)
			c.Figures["regular_path_local_activities"] = la
		}
		if reg != nil && fast != nil {
			c.Measured += fmt.Sprintf(" The fast bot path runs a bot target's I/O steps locally too: %.1f vs %.1f events, %.1f vs %.1f actions, start→briefed p50 %.0f vs %.0f ms under load, %.1f vs %.1f handoffs/s, worker CPU %.2f vs %.2f ms, server CPU %.2f vs %.2f ms (fast vs regular I/O).",
				fast.History.Events, reg.History.Events, fast.History.Actions, reg.History.Actions,
				fast.StartToBriefed.P50, reg.StartToBriefed.P50, fast.Throughput, reg.Throughput,
				fast.WorkerCPUms, reg.WorkerCPUms, fast.ServerCPUms, reg.ServerCPUms)
			c.Figures["fast_vs_regular_throughput"] = ratio(fast.Throughput, reg.Throughput)
			c.Figures["fast_vs_regular_server_cpu"] = ratio(fast.ServerCPUms, reg.ServerCPUms)
		}
		r.Choices = append(r.Choices, c)
	}
	if bot != nil {
		h := bot.History
		r.Choices = append(r.Choices, Choice{
			Name: "batching",
			Measured: fmt.Sprintf("default config: %.1f local activities ran in %.1f workflow tasks, billed %.1f actions instead of %.1f; "+
				"%.1f search attributes were set in %.1f upserts (%.1f actions instead of %.1f one by one), and upserts happen at milestones only: %.1f for %.1f phases.",
				h.LocalActivities, h.LocalActivityTasks, h.LocalActivityTasks, h.LocalActivities,
				h.SearchAttributesSet, h.Upserts, h.Upserts, h.SearchAttributesSet, h.Upserts, bot.PhasesPerRun),
			Figures: map[string]float64{"local_activities": h.LocalActivities, "local_activity_tasks": h.LocalActivityTasks,
				"search_attributes_set": h.SearchAttributesSet, "upserts": h.Upserts, "phases": bot.PhasesPerRun,
				"local_activity_actions_saved":              h.LocalActivities - h.LocalActivityTasks,
				"upsert_actions_saved_vs_one_per_attribute": h.SearchAttributesSet - h.Upserts,
				"upsert_actions_saved_vs_one_per_phase":     bot.PhasesPerRun - h.Upserts},
		})
		if fast != nil && fast != bot {
			f := fast.History
			r.Choices[len(r.Choices)-1].Measured += fmt.Sprintf(" Fast bot path: %.1f local activities in %.1f workflow tasks (%.1f actions instead of %.1f), %.1f upserts.",
				f.LocalActivities, f.LocalActivityTasks, f.LocalActivityTasks, f.LocalActivities, f.Upserts)
		}
	}
	if bot != nil && ns != nil {
		r.Choices = append(r.Choices, Choice{
			Name: "sticky cache",
			Measured: fmt.Sprintf("cache %d vs off (default config): worker CPU %.2f vs %.2f ms per handoff, server CPU %.2f vs %.2f ms, start→briefed p50 %.0f vs %.0f ms (p95 %.0f vs %.0f), %.1f vs %.1f handoffs/s, worker peak RSS %.0f vs %.0f MB.",
				r.Settings.StickyCache, bot.WorkerCPUms, ns.WorkerCPUms, bot.ServerCPUms, ns.ServerCPUms,
				bot.StartToBriefed.P50, ns.StartToBriefed.P50, bot.StartToBriefed.P95, ns.StartToBriefed.P95,
				bot.Throughput, ns.Throughput, bot.WorkerPeakRSSMB, ns.WorkerPeakRSSMB),
			Figures: map[string]float64{"worker_cpu_ratio_off_vs_on": ratio(ns.WorkerCPUms, bot.WorkerCPUms),
				"server_cpu_ratio_off_vs_on": ratio(ns.ServerCPUms, bot.ServerCPUms),
				"brief_p50_ratio_off_vs_on":  ratio(ns.StartToBriefed.P50, bot.StartToBriefed.P50),
				"throughput_ratio_off_vs_on": ratio(ns.Throughput, bot.Throughput)},
		})
	}

	for k, v := range vs {
		p := v.load
		// The budget is the default config's; the other path's lines are there to compare.
		judge := func(ok bool) *bool {
			if k > 0 {
				return nil
			}
			return yes(ok)
		}
		if q := r.Ratios[v.label]; q != nil {
			r.Targets = append(r.Targets,
				Target{Goal: "throughput ≥ 0.7 × floor (same run), " + v.label, Measured: fmt.Sprintf("%.2f × (%.1f vs %.1f /s)", q.ThroughputVsFloor, p.Throughput, floor.Throughput), Met: judge(q.ThroughputVsFloor >= 0.7)},
				Target{Goal: "throughput ≥ 2 × naive shape (same run), " + v.label, Measured: fmt.Sprintf("%.2f × (%.1f vs %.1f /s)", q.ThroughputVsNaive, p.Throughput, naive.Throughput), Met: judge(q.ThroughputVsNaive >= 2)})
		}
		if v.idle != nil && v.idle.OK > 0 {
			r.Targets = append(r.Targets, Target{Goal: "p50 start→briefed < 100 ms, bot targets, idle machine, " + v.label,
				Measured: fmt.Sprintf("%.0f ms idle (one handoff at a time); under load (concurrency %d): %.0f ms",
					v.idle.StartToBriefed.P50, r.Settings.Concurrency, p.StartToBriefed.P50),
				Met: judge(v.idle.StartToBriefed.P50 < 100)})
		}
		r.Targets = append(r.Targets,
			Target{Goal: "bot-to-bot handoff, no monitoring events: ≤ 25 history events, " + v.label, Measured: fmt.Sprintf("%.1f (min %d, max %d)", p.History.Events, p.History.EventsMin, p.History.EventsMax), Met: judge(p.History.Events <= 25)},
			Target{Goal: "bot-to-bot handoff, no monitoring events: ≤ 8 billable actions, " + v.label, Measured: fmt.Sprintf("%.1f (min %d, max %d)", p.History.Actions, p.History.ActionsMin, p.History.ActionsMax), Met: judge(p.History.Actions <= 8)})
	}
	if mix != nil {
		r.Targets = append(r.Targets, r.humanTargets(mix)...)
		rt, idle := mix.AcceptRoundTrip, pOr(r.phase("idle")).AcceptRoundTrip
		t := Target{Goal: "accept round trip (API call to response) p99 < 50 ms",
			Measured: fmt.Sprintf("under load (handoffs phase): p99 %.1f ms (p50 %.1f, n %d); idle: p99 %.1f ms (p50 %.1f, n %d)",
				rt.P99, rt.P50, rt.N, idle.P99, idle.P50, idle.N)}
		if rt.N > 0 {
			t.Met = yes(rt.P99 < 50)
		}
		r.Targets = append(r.Targets, t)
	}
	if q := r.Queue; q != nil {
		r.Targets = q.targets()
		return
	}
	if s := r.Soak; s != nil {
		r.Targets = append(r.Targets,
			Target{Goal: fmt.Sprintf("%d handoffs waiting in their window: worker RSS < 512 MB", s.Waiting),
				Measured: fmt.Sprintf("%.0f MB RSS with them waiting, peak %.0f MB", s.WorkerRSSMB, s.WorkerHWMMB), Met: yes(s.WorkerHWMMB < 512)},
			Target{Goal: "new handoffs start at full speed while they wait",
				Measured: fmt.Sprintf("%.1f vs %.1f handoffs/s, start→briefed p50 %.0f vs %.0f ms (while waiting vs idle)",
					s.During.Throughput, s.Before.Throughput, s.During.StartToBriefed.P50, s.Before.StartToBriefed.P50),
				Met: yes(s.During.Throughput >= 0.9*s.Before.Throughput)})
	} else {
		r.Targets = append(r.Targets, Target{Goal: "10,000 handoffs waiting: worker RSS < 512 MB, new handoffs at full speed", Measured: "not measured by this run: make bench-soak"})
	}
}

func (r *Report) write(dir string, at time.Time) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	name := "bench-"
	switch {
	case r.Soak != nil:
		name = "bench-soak-"
	case r.Queue != nil:
		name = "bench-queue-"
	}
	path := filepath.Join(dir, name+at.Format("20060102-150405")+".json")
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return "", err
	}
	return path, os.WriteFile(path, append(b, '\n'), 0o644)
}

func ms3(d Dist) string {
	if d.N == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f/%.0f/%.0f", d.P50, d.P95, d.P99)
}

// print writes the table.
func (r *Report) print(w io.Writer) {
	m, s := r.Machine, r.Settings
	fmt.Fprintf(w, "\nHandoff bench, %s\n", r.StartedAt.Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "machine: %d cores, %s, %.1f GB, Linux %s, %s, %s\n", m.Cores, m.CPUModel, m.MemoryGB, m.Kernel, m.GoVersion, m.Temporal)
	fmt.Fprintf(w, "command: %s\n", r.Command)
	if r.Queue != nil {
		fmt.Fprintf(w, "settings: %d handoffs parked in a queue at concurrency %d, %s (everyone offline while they park), sticky cache %d\n",
			r.Queue.Requested, s.Concurrency, s.People, s.StickyCache)
	} else if r.Soak != nil {
		fmt.Fprintf(w, "settings: soak of %d handoffs in a %s window, batches of %d bot handoffs at concurrency %d (window %s), sticky cache %d, fast bot path %v, ping-pong guard %v\n",
			r.Soak.Requested, r.Soak.Window, r.Soak.Batch, s.Concurrency, s.Window, s.StickyCache, s.FastBotPath, s.Pingpong)
	} else {
		fmt.Fprintf(w, "settings: %d per phase, concurrency %d, monitoring window %s, think time %s, %d rounds, mix %s, %d idle handoffs per shape, %s, sticky cache %d, fast bot path %v, ping-pong guard %v\n",
			s.Total, s.Concurrency, s.Window, s.Think, s.Rounds, s.Mix, s.Idle, s.People, s.StickyCache, s.FastBotPath, s.Pingpong)
	}
	if len(s.DynamicConfig) > 0 {
		fmt.Fprintf(w, "dev server dynamic config: %s\n", strings.Join(s.DynamicConfig, " "))
	}
	fmt.Fprintf(w, "server: %s; %d handoff worker process(es); %s\n", s.Server, max(s.Workers, 1), s.Method)
	fmt.Fprintf(w, "wall time: %s\n\n", time.Duration(r.WallSeconds*float64(time.Second)).Round(time.Second))
	if len(r.Phases) > 0 {
		fmt.Fprintf(w, "%-16s %5s %5s %7s %16s %16s %7s %7s %8s %8s %8s %7s\n",
			"phase", "runs", "ok", "rate/s", "brief p50/95/99", "accept p50/95/99", "events", "actions", "wkr ms", "srv ms", "srv act", "RSS MB")
		fmt.Fprintf(w, "%-16s %5s %5s %7s %16s %16s %7s %7s %8s %8s %8s %7s\n",
			"", "", "", "", "ms", "ms", "/run", "/run", "CPU/run", "CPU/run", "/run", "peak")
		own := !strings.HasPrefix(s.Server, "reused")
		scraped := own || strings.Contains(s.Server, "metrics from")
		for _, p := range r.Phases {
			srvCPU, srvAct := "-", "-"
			if own {
				srvCPU = fmt.Sprintf("%.2f", p.ServerCPUms)
			}
			if scraped {
				srvAct = fmt.Sprintf("%.1f", p.ServerActionsPerRun)
			}
			fmt.Fprintf(w, "%-16s %5d %5d %7.1f %16s %16s %7.1f %7.1f %8.2f %8s %8s %7.0f\n",
				p.Name, p.Runs, p.OK, p.Throughput, ms3(p.StartToBriefed), ms3(p.StartToAccepted),
				p.History.Events, p.History.Actions, p.WorkerCPUms, srvCPU, srvAct, p.WorkerPeakRSSMB)
			for _, k := range p.Kinds {
				fmt.Fprintf(w, "  %-14s %5d %5d %7s %16s %16s %7.1f %7.1f\n",
					k.Kind, k.Runs, k.OK, "", ms3(k.StartToBriefed), ms3(k.StartToAccepted), k.History.Events, k.History.Actions)
			}
		}
		fmt.Fprintln(w)
		for _, p := range r.Phases {
			if rt := p.AcceptRoundTrip; rt.N > 0 {
				fmt.Fprintf(w, "accept round trip (POST accept to response), %s: p50 %.1f, p95 %.1f, p99 %.1f ms (n %d, errors %d)\n",
					p.Name, rt.P50, rt.P95, rt.P99, rt.N, p.AcceptErrors)
			}
		}
		if mix := r.phase("handoffs"); mix != nil {
			if mix.AgentActionsPerHumanHandoff > 0 {
				fmt.Fprintf(w, "people's entity workflows: %.1f events, %.1f actions per bot-to-human handoff (on top of the handoff's own)\n",
					mix.AgentEventsPerHumanHandoff, mix.AgentActionsPerHumanHandoff)
			}
		}
		for _, v := range r.variants() {
			h := v.load.History
			fmt.Fprintf(w, "bot-to-bot actions, %s: %.1f = start %.1f + activity attempts %.1f + local-activity tasks %.1f + timers %.1f + signals %.1f + updates %.1f + upserts %.1f + children %.1f\n",
				v.label, h.Actions, h.Starts, h.ActivityAttempts, h.LocalActivityTasks, h.Timers, h.Signals, h.Updates, h.Upserts, h.ChildWorkflows)
		}
	}
	for _, v := range r.variants() {
		if q := r.Ratios[v.label]; q != nil {
			fmt.Fprintf(w, "bot handoffs, %s, vs the baselines: throughput %.2f× floor, %.2f× naive; start→briefed p50 %.1f× floor, %.2f× naive; worker CPU %.2f× / %.2f×; server CPU %.2f× / %.2f×; events %.2f× / %.2f×; actions %.2f× / %.2f×\n",
				v.label, q.ThroughputVsFloor, q.ThroughputVsNaive, q.BriefedP50VsFloor, q.BriefedP50VsNaive, q.WorkerCPUVsFloor, q.WorkerCPUVsNaive,
				q.ServerCPUVsFloor, q.ServerCPUVsNaive, q.EventsVsFloor, q.EventsVsNaive, q.ActionsVsFloor, q.ActionsVsNaive)
		}
	}
	if r.Soak != nil {
		r.Soak.print(w)
	}
	if r.Queue != nil {
		r.Queue.print(w)
	}
	if len(r.Choices) > 0 {
		fmt.Fprintln(w, "\nwhat the design choices bought (measured in this run):")
		for _, c := range r.Choices {
			fmt.Fprintf(w, "  - %s: %s\n", c.Name, c.Measured)
		}
	}
	fmt.Fprintln(w, "\ntargets (goals, not assertions):")
	for _, t := range r.Targets {
		mark := "[ -- ]"
		if t.Met != nil {
			mark = "[MET ]"
			if !*t.Met {
				mark = "[MISS]"
			}
		}
		fmt.Fprintf(w, "  %s %s: %s\n", mark, t.Goal, t.Measured)
	}
	for _, p := range r.Phases {
		if p.ErrorCount > 0 {
			fmt.Fprintf(w, "\n%s: %d errors, first: %s\n", p.Name, p.ErrorCount, p.Errors[0])
		}
	}
}

// readMachine describes this machine.
func readMachine(temporalBin string) Machine {
	m := Machine{Cores: runtime.NumCPU(), GoVersion: runtime.Version()}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPUModel = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
				kb, _ := strconv.ParseFloat(strings.Fields(rest)[0], 64)
				m.MemoryGB = math.Round(kb/1024/1024*10) / 10
				break
			}
		}
		f.Close()
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(b))
	}
	if out, err := exec.Command(temporalBin, "--version").Output(); err == nil {
		m.Temporal = strings.TrimSpace(string(out))
	}
	return m
}

func settingsOf(o Options, e *env) Settings {
	s := Settings{
		Total: o.Total, Concurrency: o.Concurrency, Window: o.Window.String(), Think: o.Think.String(), Rounds: o.Rounds,
		Mix:    fmt.Sprintf("bot_to_bot:bot_to_human:lead_to_buyer = %d:%d:%d", o.Mix[0], o.Mix[1], o.Mix[2]),
		Warmup: o.Warmup, Idle: o.Idle,
		People:      fmt.Sprintf("%d people of capacity %d", o.Humans, o.Capacity),
		StickyCache: e.cfg.Worker.StickyCacheSize, Pingpong: o.Pingpong, DynamicConfig: o.DynamicConfig,
		FastBotPath: o.FastBotPath, Workers: max(o.Workers, 1),
		Server: "own dev server (SQLite in WAL mode, synchronous=NORMAL, as make run)",
		Method: "handoffs started through POST /v1/handoffs as their source bot, baselines with the SDK; a slot is held from the start call until the transfer reaches the target",
	}
	if o.Temporal != "" {
		s.Server = "reused server " + o.Temporal + ", namespace " + o.Namespace
		if o.TemporalMetrics != "" {
			s.Server += ", metrics from " + o.TemporalMetrics
		}
	}
	return s
}

// scrapeActions reads the dev server's `action` counter for the bench's namespace, by type.
func (e *env) scrapeActions() map[string]float64 {
	if e.metricsURL == "" {
		return nil
	}
	c := http.Client{Timeout: 3 * time.Second}
	resp, err := c.Get(e.metricsURL)
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	return parseActions(resp.Body, e.opts.Namespace)
}

// parseActions sums Prometheus lines `action{action_type="...",namespace="ns",...} value`.
func parseActions(r io.Reader, namespace string) map[string]float64 {
	out := map[string]float64{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		rest, ok := strings.CutPrefix(line, "action{")
		if !ok {
			continue
		}
		labels, value, ok := strings.Cut(rest, "} ")
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil {
			continue
		}
		var typ, ns string
		for _, l := range strings.Split(labels, ",") {
			k, val, _ := strings.Cut(l, "=")
			val = strings.Trim(val, `"`)
			switch k {
			case "action_type":
				typ = val
			case "namespace":
				ns = val
			}
		}
		if ns == namespace {
			out[typ] += v
		}
	}
	return out
}
