package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
)

// The queue bench (`starter bench --queue N`, make bench-queue): N handoffs wait in
// human_agent's queue while every person is offline; then it reads what waiting costs (the
// queue's history and the state it carries across continue-as-new, a waiting handoff's
// history, the worker's memory) and times the offers: a person coming online until their
// first offer arrives, and a release until the next one does, with the line still long.

// queueBenchConfig is the queue the queue bench parks its handoffs in: no position messages
// (a thousand handoffs each announcing every 30 s would measure the messages, not the queue),
// no steps, aging on, and a max wait long enough that nobody leaves while it measures.
func queueBenchConfig() map[string]any {
	return map[string]any{"group": "human_agent", "max_wait": "24h", "aging_every": "30s", "service_level": "20s"}
}

// QueueBench is the queue bench's report.
type QueueBench struct {
	Requested int `json:"requested"`
	Waiting   int `json:"waiting"`
	// ParkSeconds is from the first start call until all of them waited in the line.
	ParkSeconds float64 `json:"park_seconds"`
	ParkRate    float64 `json:"park_rate_per_s"`
	// The queue's workflow with them all waiting: its runs (continue-as-new), its current
	// run's history, and the state it carries into the next run.
	QueueRuns         int     `json:"queue_runs"`
	QueueEvents       int     `json:"queue_history_events"`
	QueueHistoryBytes int64   `json:"queue_history_bytes"`
	QueueStateBytes   int     `json:"queue_state_bytes"`
	EventsPerEnqueue  float64 `json:"queue_events_per_enqueue"`
	// A waiting handoff's history (the last one parked).
	HandoffEvents       int     `json:"handoff_history_events"`
	HandoffHistoryBytes int64   `json:"handoff_history_bytes"`
	WorkerRSSMB         float64 `json:"worker_rss_mb"`
	// OnlineToOffer is a person going online until their first offer reaches their
	// notification URL; ReleaseToOffer a release until the next offer does, Cycles times.
	OnlineToOffer  Dist `json:"online_to_offer"`
	ReleaseToOffer Dist `json:"release_to_next_offer"`
	Cycles         int  `json:"cycles"`
	// AnsweredEvents is what each answered handoff added to the queue's history.
	AnsweredEventsPerHandoff float64 `json:"queue_events_per_answered"`
	Clean                    string  `json:"cleanup"`
}

func (b *bench) queueBench(ctx context.Context) (*QueueBench, error) {
	o := b.opts
	q := &QueueBench{Requested: o.Queue, Cycles: o.QueueCycles}
	// Everyone offline, so the line only grows.
	for _, p := range b.e.humans {
		if err := b.presence(ctx, p, handoff.PresenceOffline); err != nil {
			return q, err
		}
	}
	offers := make(chan string, 64)
	b.e.hub.onOffer = func(agent, conv string) {
		if agent == b.e.humans[0] {
			offers <- conv
		}
	}
	convs, err := b.parkInQueue(ctx, q)
	if err != nil {
		return q, err
	}
	defer func() { q.Clean = b.cleanQueue(convs) }()
	if err := b.readQueueCosts(ctx, q, convs[len(convs)-1]); err != nil {
		return q, err
	}
	fmt.Fprintf(b.progress, "bench: %d waiting; queue history %d events, state %d KB; a waiting handoff's history %d events\n",
		q.Waiting, q.QueueEvents, q.QueueStateBytes/1024, q.HandoffEvents)

	// One person comes online and works through the line: accept, release, next offer.
	person := b.e.humans[0]
	before, err := b.queueStats(ctx)
	if err != nil {
		return q, err
	}
	t0 := time.Now()
	if err := b.presence(ctx, person, handoff.PresenceOnline); err != nil {
		return q, err
	}
	var first, next []time.Duration
	conv, err := nextOffer(ctx, offers)
	if err != nil {
		return q, err
	}
	first = append(first, time.Since(t0))
	for range o.QueueCycles {
		if err := b.acceptAndRelease(ctx, person, conv); err != nil {
			return q, err
		}
		t := time.Now()
		if conv, err = nextOffer(ctx, offers); err != nil {
			return q, err
		}
		next = append(next, time.Since(t))
	}
	q.OnlineToOffer, q.ReleaseToOffer = Summarize(first), Summarize(next)
	after, err := b.queueStats(ctx)
	if err == nil && after.Answered > 0 && after.HistoryEvents > before.HistoryEvents {
		q.AnsweredEventsPerHandoff = float64(after.HistoryEvents-before.HistoryEvents) / float64(after.Answered)
	}
	return q, nil
}

// parkInQueue starts o.Queue handoffs to people and waits until all of them wait in the line.
func (b *bench) parkInQueue(ctx context.Context, q *QueueBench) ([]string, error) {
	o := b.opts
	convs := make([]string, o.Queue)
	sem := make(chan struct{}, max(o.Concurrency, 1))
	var wg sync.WaitGroup
	var failed atomic.Int64
	var firstErr atomic.Value
	t0 := time.Now()
	for i := range o.Queue {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return nil, ctx.Err()
		}
		it := &item{kind: kindBotToHuman}
		it.conv = b.newConv(it.kind)
		convs[i] = it.conv
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if err := b.start(ctx, it, "2s"); err != nil {
				failed.Add(1)
				firstErr.CompareAndSwap(nil, err.Error())
			}
		}()
	}
	wg.Wait()
	if n := failed.Load(); n > 0 {
		return nil, fmt.Errorf("%d handoffs could not start: %v", n, firstErr.Load())
	}
	deadline := time.Now().Add(time.Duration(o.Queue)*200*time.Millisecond + time.Minute)
	for {
		st, err := b.queueStats(ctx)
		if err == nil && st.Waiting >= o.Queue {
			q.Waiting = st.Waiting
			break
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%d of %d handoffs waiting after %s (%v)", st.Waiting, o.Queue, time.Since(t0).Round(time.Second), err)
		}
		select {
		case <-time.After(250 * time.Millisecond):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	q.ParkSeconds = time.Since(t0).Seconds()
	q.ParkRate = float64(o.Queue) / q.ParkSeconds
	return convs, nil
}

// readQueueCosts reads the queue's and one waiting handoff's histories, and the worker's memory.
func (b *bench) readQueueCosts(ctx context.Context, q *QueueBench, conv string) error {
	st, err := b.queueStats(ctx)
	if err != nil {
		return err
	}
	q.QueueEvents, q.QueueStateBytes = st.HistoryEvents, st.StateBytes
	wfID := handoff.QueueWorkflowID("human_agent")
	d, err := b.e.cl.DescribeWorkflowExecution(ctx, wfID, "")
	if err != nil {
		return err
	}
	q.QueueHistoryBytes = d.GetWorkflowExecutionInfo().GetHistorySizeBytes()
	runs, err := b.e.cl.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Query: fmt.Sprintf("WorkflowId = '%s'", wfID)})
	if err != nil {
		return err
	}
	q.QueueRuns = len(runs.GetExecutions())
	events := 0
	for _, ex := range runs.GetExecutions() {
		if ex.GetStatus() == enumspb.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW || ex.GetStatus() == enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
			events += int(ex.GetHistoryLength())
		}
	}
	if events == 0 {
		events = q.QueueEvents
	}
	q.EventsPerEnqueue = float64(events) / float64(max(q.Waiting, 1))
	hd, err := b.e.cl.DescribeWorkflowExecution(ctx, handoff.WorkflowID(conv), "")
	if err != nil {
		return err
	}
	q.HandoffEvents = int(hd.GetWorkflowExecutionInfo().GetHistoryLength())
	q.HandoffHistoryBytes = hd.GetWorkflowExecutionInfo().GetHistorySizeBytes()
	q.WorkerRSSMB = float64(b.e.workerUsage.read().RSS) / mb
	return nil
}

func (b *bench) queueStats(ctx context.Context) (handoff.QueueStats, error) {
	var st handoff.QueueStats
	status, body, err := b.call(ctx, http.MethodGet, "/v1/queues/human_agent", "operator", nil)
	if err != nil {
		return st, err
	}
	if status != http.StatusOK {
		return st, fmt.Errorf("GET /v1/queues/human_agent: %d %s", status, body)
	}
	return st, json.Unmarshal(body, &st)
}

func (b *bench) presence(ctx context.Context, p string, presence handoff.Presence) error {
	status, body, err := b.call(ctx, http.MethodPost, "/v1/agents/"+p+"/presence", p, map[string]string{"presence": string(presence)})
	if err == nil && status != http.StatusOK {
		err = fmt.Errorf("%s %s: %d %s", p, presence, status, body)
	}
	return err
}

// acceptAndRelease is the person taking the offered conversation and finishing it at once: the
// release answers 409 until the transfer assigned it to them.
func (b *bench) acceptAndRelease(ctx context.Context, p, conv string) error {
	status, body, err := b.call(ctx, http.MethodPost, "/v1/handoffs/"+conv+"/accept", p, nil)
	if err != nil || status != http.StatusOK {
		return fmt.Errorf("%s accepting %s: %d %s %v", p, conv, status, body, err)
	}
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		status, body, err = b.call(ctx, http.MethodPost, "/v1/agents/"+p+"/release", p, map[string]string{"conversation_id": conv})
		if err == nil && status == http.StatusOK {
			return nil
		}
		if err == nil && status != http.StatusConflict {
			return fmt.Errorf("%s releasing %s: %d %s", p, conv, status, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("%s could not release %s within a minute", p, conv)
}

func nextOffer(ctx context.Context, offers <-chan string) (string, error) {
	select {
	case conv := <-offers:
		return conv, nil
	case <-time.After(2 * time.Minute):
		return "", fmt.Errorf("no offer within 2 minutes")
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// cleanQueue cancels the handoffs still waiting (on a reused server they would wait a day).
func (b *bench) cleanQueue(convs []string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var n atomic.Int64
	inParallel(8, convs, func(c string) {
		if b.e.cl.CancelWorkflow(ctx, handoff.WorkflowID(c), "") == nil {
			n.Add(1)
		}
	})
	return fmt.Sprintf("cancelled the %d handoffs still waiting", n.Load())
}

func (q *QueueBench) print(w io.Writer) {
	fmt.Fprintf(w, "\nqueue: %d handoffs waiting in human_agent's queue (parked in %.0f s, %.1f/s), worker RSS %.0f MB\n",
		q.Waiting, q.ParkSeconds, q.ParkRate, q.WorkerRSSMB)
	fmt.Fprintf(w, "  queue workflow: %d run(s); current run %d events, %d KB of history; state carried at continue-as-new %d KB; %.1f events per enqueue, %.1f per answered handoff\n",
		q.QueueRuns, q.QueueEvents, q.QueueHistoryBytes/1024, q.QueueStateBytes/1024, q.EventsPerEnqueue, q.AnsweredEventsPerHandoff)
	fmt.Fprintf(w, "  a waiting handoff: %d events, %d KB of history\n", q.HandoffEvents, q.HandoffHistoryBytes/1024)
	fmt.Fprintf(w, "  a person going online → their first offer: %.0f ms\n", q.OnlineToOffer.P50)
	fmt.Fprintf(w, "  a release → the next offer (%d times, the line still %d long): p50/p95/p99 %s ms, max %.0f ms\n",
		q.ReleaseToOffer.N, q.Waiting-q.Cycles, ms3(q.ReleaseToOffer), q.ReleaseToOffer.Max)
	if q.Clean != "" {
		fmt.Fprintf(w, "  cleanup: %s\n", q.Clean)
	}
}

// targets are the queue bench's goals: the bound of 1,000 waiting handoffs per queue
// carried within Temporal's limits, and the next one offered at once.
func (q *QueueBench) targets() []Target {
	return []Target{
		{Goal: fmt.Sprintf("%d handoffs waiting in one queue: the state carried at continue-as-new under Temporal's 2 MB payload limit", q.Waiting),
			Measured: fmt.Sprintf("%d KB", q.QueueStateBytes/1024), Met: yes(q.QueueStateBytes < 2<<20)},
		{Goal: "the queue's history stays bounded (continue-as-new before 10,000 events)",
			Measured: fmt.Sprintf("%d run(s), %d events in the current one", q.QueueRuns, q.QueueEvents), Met: yes(q.QueueEvents <= 10_500)},
		{Goal: "a release offers the next handoff within a second, with the line long",
			Measured: fmt.Sprintf("p50 %.0f ms, p95 %.0f ms", q.ReleaseToOffer.P50, q.ReleaseToOffer.P95), Met: yes(q.ReleaseToOffer.N > 0 && q.ReleaseToOffer.P95 < 1000)},
	}
}
