package bench

import (
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// SoakReport is the --soak run: many handoffs parked in a long monitoring window, the
// worker's memory meanwhile, and batches of new handoffs started before and while they wait.
type SoakReport struct {
	Requested   int     `json:"requested"`
	Batch       int     `json:"batch"`
	Waiting     int     `json:"waiting"`
	Failed      int     `json:"failed_to_park"`
	Window      string  `json:"window"`
	StickyCache int     `json:"sticky_cache_size"`
	ParkSeconds float64 `json:"park_seconds"`
	ParkRate    float64 `json:"park_rate_per_s"`
	// The worker's RSS with them all waiting, and its peak (VmHWM) over the whole run.
	WorkerRSSMB float64 `json:"worker_rss_mb"`
	WorkerHWMMB float64 `json:"worker_hwm_mb"`
	ServerRSSMB float64 `json:"server_rss_mb"`
	// Before is a batch of bot handoffs with nothing waiting, During the same batch with them
	// all waiting.
	Before PhaseReport `json:"before"`
	During PhaseReport `json:"during"`
	Trend  []SoakPoint `json:"trend"`
	Clean  string      `json:"cleanup"`
	parked []parkedItem
}

// SoakPoint is the state after each tenth of the parking.
type SoakPoint struct {
	Waiting     int     `json:"waiting"`
	WorkerRSSMB float64 `json:"worker_rss_mb"`
	// Rate and CallToBriefedP50 are over the last chunk of starts.
	Rate             float64 `json:"rate_per_s"`
	CallToBriefedP50 float64 `json:"call_to_briefed_p50_ms"`
}

type parkedItem struct{ wfID, runID string }

func (b *bench) soak(ctx context.Context) (*SoakReport, error) {
	o := b.opts
	s := &SoakReport{Requested: o.Soak, Batch: o.SoakBatch, Window: o.SoakWindow.String(), StickyCache: b.e.cfg.Worker.StickyCacheSize}
	if o.Warmup > 0 {
		warm := b.newPhase("warmup", "not reported", "handoff")
		if err := b.round(ctx, warm, []kind{kindBotToBot, kindLeadToBuyer}, o.Warmup, o.Concurrency); err != nil {
			return nil, err
		}
	}
	before := b.newPhase("before", "bot handoffs, nothing waiting", "handoff")
	if err := b.round(ctx, before, []kind{kindBotToBot}, o.SoakBatch, o.Concurrency); err != nil {
		return nil, err
	}
	s.Before = before.report()

	if err := b.park(ctx, s); err != nil {
		return s, err
	}
	// Let the last workflow tasks settle before reading memory.
	select {
	case <-time.After(5 * time.Second):
	case <-ctx.Done():
		return s, ctx.Err()
	}
	m := b.e.workerUsage.read()
	s.WorkerRSSMB = float64(m.RSS) / mb
	s.ServerRSSMB = float64(b.e.serverUsage.read().RSS) / mb
	fmt.Fprintf(b.progress, "bench: %d handoffs waiting in a %s window; worker RSS %.0f MB\n", s.Waiting, s.Window, s.WorkerRSSMB)

	during := b.newPhase("during", fmt.Sprintf("bot handoffs, %d waiting", s.Waiting), "handoff")
	if err := b.round(ctx, during, []kind{kindBotToBot}, o.SoakBatch, o.Concurrency); err != nil {
		return s, err
	}
	s.During = during.report()
	s.WorkerHWMMB = float64(b.e.workerUsage.read().HWM) / mb
	b.cleanSoak(ctx, s)
	return s, nil
}

// park starts o.Soak handoffs with a long monitoring window and waits until each one's
// transfer reached its target: then it waits in the window. No slot is held while waiting,
// and nothing polls the parked ones.
func (b *bench) park(ctx context.Context, s *SoakReport) error {
	o := b.opts
	pr := b.newPhase("park", "handoffs parked in their window", "handoff")
	b.current.Store(pr)
	sem := make(chan struct{}, max(o.Concurrency, 1))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var parked, failed atomic.Int64
	chunk := max(o.Soak/10, 1)
	var chunkBrief []time.Duration
	chunkStart := time.Now()
	t0 := time.Now()
	stop := b.showParking(&parked, &failed, o.Soak)
	defer stop()
	kinds := []kind{kindBotToBot, kindLeadToBuyer}
	for i := range o.Soak {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return ctx.Err()
		}
		it := &item{kind: kinds[i%2]}
		it.conv = b.newConv(it.kind)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			it.track = b.e.hub.watch(it.conv)
			defer b.e.hub.forget(it.conv)
			it.tCall = time.Now()
			if err := b.start(ctx, it, o.SoakWindow.String()); err != nil {
				failed.Add(1)
				pr.mu.Lock()
				pr.noteError("start: " + err.Error())
				pr.mu.Unlock()
				return
			}
			select {
			case <-it.track.transferred:
			case <-time.After(time.Minute):
				failed.Add(1)
				pr.mu.Lock()
				pr.noteError("not transferred within a minute: " + it.wfID)
				pr.mu.Unlock()
				return
			case <-ctx.Done():
				return
			}
			briefed, _ := b.e.hub.times(it.track)
			n := parked.Add(1)
			mu.Lock()
			s.parked = append(s.parked, parkedItem{it.wfID, it.runID})
			if !briefed.IsZero() {
				chunkBrief = append(chunkBrief, briefed.Sub(it.tCall))
			}
			if n%int64(chunk) == 0 {
				now := time.Now()
				s.Trend = append(s.Trend, SoakPoint{
					Waiting: int(n), WorkerRSSMB: float64(b.e.workerUsage.read().RSS) / mb,
					Rate:             float64(chunk) / now.Sub(chunkStart).Seconds(),
					CallToBriefedP50: Summarize(chunkBrief).P50,
				})
				chunkBrief, chunkStart = nil, now
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	s.Waiting, s.Failed = int(parked.Load()), int(failed.Load())
	s.ParkSeconds = time.Since(t0).Seconds()
	s.ParkRate = float64(s.Waiting) / s.ParkSeconds
	if s.Failed > 0 {
		fmt.Fprintf(b.progress, "bench: %d handoffs did not reach their window; first: %v\n", s.Failed, pr.errors)
	}
	return ctx.Err()
}

func (b *bench) showParking(parked, failed *atomic.Int64, n int) func() {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		lastT, last := time.Now(), int64(0)
		lastCPU := b.e.workerUsage.read().CPU
		for {
			select {
			case <-stop:
				return
			case now := <-t.C:
				m := b.e.workerUsage.read()
				p := parked.Load()
				dt := now.Sub(lastT).Seconds()
				fmt.Fprintf(b.progress, "  park      waiting %6d/%-6d failed %3d  %6.1f/s  handoff %3.0f%% CPU %4d MB\n",
					p, n, failed.Load(), float64(p-last)/dt, 100*(m.CPU-lastCPU)/dt, m.RSS>>20)
				lastT, last, lastCPU = now, p, m.CPU
			}
		}
	}()
	return func() {
		close(stop)
		<-done
	}
}

// cleanSoak ends the parked handoffs: on a reused server they are terminated one by one; the
// bench's own server is stopped with its temporary database instead.
func (b *bench) cleanSoak(ctx context.Context, s *SoakReport) {
	if b.e.server != nil {
		s.Clean = "the bench's own dev server was stopped and its temporary database deleted"
		return
	}
	var n atomic.Int64
	inParallel(8, s.parked, func(p parkedItem) {
		if b.e.cl.TerminateWorkflow(ctx, p.wfID, p.runID, "bench soak finished") == nil {
			n.Add(1)
		}
	})
	s.Clean = fmt.Sprintf("terminated %d parked handoffs on the reused server", n.Load())
}

func (s *SoakReport) print(w io.Writer) {
	fmt.Fprintf(w, "\nsoak: %d handoffs parked in a %s monitoring window in %.0f s (%.1f/s), %d failed; sticky cache %d\n",
		s.Waiting, s.Window, s.ParkSeconds, s.ParkRate, s.Failed, s.StickyCache)
	fmt.Fprintf(w, "  worker RSS with them waiting: %.0f MB (peak over the run %.0f MB); dev server RSS %.0f MB\n", s.WorkerRSSMB, s.WorkerHWMMB, s.ServerRSSMB)
	fmt.Fprintf(w, "  %-8s %6s %7s %16s %9s %9s\n", "batch", "runs", "rate/s", "brief p50/95/99", "wkr ms", "srv ms")
	for _, p := range []PhaseReport{s.Before, s.During} {
		fmt.Fprintf(w, "  %-8s %6d %7.1f %16s %9.2f %9.2f\n", p.Name, p.Runs, p.Throughput, ms3(p.StartToBriefed), p.WorkerCPUms, p.ServerCPUms)
	}
	fmt.Fprintf(w, "  trend while parking (waiting: worker RSS, start rate, call→briefed p50):")
	for _, t := range s.Trend {
		fmt.Fprintf(w, " %d: %.0f MB %.1f/s %.0f ms;", t.Waiting, t.WorkerRSSMB, t.Rate, t.CallToBriefedP50)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  cleanup: %s\n", s.Clean)
}
