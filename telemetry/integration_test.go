package telemetry_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/telemetry"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

func newTelemetry(t *testing.T, exp sdktrace.SpanExporter) *telemetry.Telemetry {
	t.Helper()
	tel, err := telemetry.New(context.Background(), telemetry.Options{Service: "test", Config: config.Telemetry{SampleRatio: 1},
		SpanExporter: exp, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tel.Shutdown(context.Background()) })
	return tel
}

// startHandoff starts a bot-to-bot handoff through the API and waits for its outcome.
func startHandoff(t *testing.T, e *testenv.Env, sample string) handoff.Input {
	t.Helper()
	in := testenv.Sample(t, sample)
	if code, body := e.Do(t, "POST", "/v1/handoffs", in.SourceAgent, in); code != http.StatusCreated {
		t.Fatalf("start: %d %s", code, body)
	}
	e.WaitFor(t, in.ConversationID, 60*time.Second, "an outcome", func(st handoff.State) bool { return st.Outcome != "" })
	return in
}

// One trace runs from the API request through the workflow to its activities: each span's
// parent is the step that caused it.
func TestOneTraceFromTheAPIToTheActivities(t *testing.T) {
	exp := tracetest.NewInMemoryExporter()
	var logs testenv.SyncBuffer
	e := testenv.Start(t, testenv.Options{Telemetry: newTelemetry(t, exp), Logs: &logs})
	startHandoff(t, e, "lead-qualified.json")

	// The workflow's span ends when the workflow returns, a moment after its outcome shows.
	byName := func() map[string]tracetest.SpanStub {
		m := map[string]tracetest.SpanStub{}
		for _, s := range exp.GetSpans() {
			if _, seen := m[s.Name]; !seen {
				m[s.Name] = s
			}
		}
		return m
	}
	deadline := time.Now().Add(30 * time.Second)
	for _, ok := byName()["RunWorkflow:Handoff"]; !ok; _, ok = byName()["RunWorkflow:Handoff"] {
		if time.Now().After(deadline) {
			t.Fatal("the workflow's span never ended")
		}
		time.Sleep(20 * time.Millisecond)
	}
	spans := byName()
	api, ok := spans["POST /v1/handoffs"]
	if !ok {
		t.Fatalf("no span for the API request among %v", names(exp.GetSpans()))
	}
	if api.SpanKind != trace.SpanKindServer {
		t.Errorf("API span kind %v, want server", api.SpanKind)
	}
	// Each span's parent, up to the request.
	chain := [][2]string{
		{"StartWorkflow:Handoff", "POST /v1/handoffs"},
		{"RunWorkflow:Handoff", "StartWorkflow:Handoff"},
		{"StartActivity:AnalyzeTrigger", "RunWorkflow:Handoff"}, // local
		{"StartActivity:BriefAgent", "RunWorkflow:Handoff"},
		{"RunActivity:BriefAgent", "StartActivity:BriefAgent"},
		{"RunActivity:ConfirmTarget", "StartActivity:ConfirmTarget"},
		{"RunActivity:RecordOutcome", "StartActivity:RecordOutcome"},
	}
	for _, link := range chain {
		child, ok1 := spans[link[0]]
		parent, ok2 := spans[link[1]]
		if !ok1 || !ok2 {
			t.Errorf("span %s or %s missing among %v", link[0], link[1], names(exp.GetSpans()))
			continue
		}
		if child.SpanContext.TraceID() != api.SpanContext.TraceID() {
			t.Errorf("%s is in trace %s, not the API request's %s", link[0], child.SpanContext.TraceID(), api.SpanContext.TraceID())
		}
		if child.Parent.SpanID() != parent.SpanContext.SpanID() {
			t.Errorf("%s's parent is %s, want %s", link[0], child.Parent.SpanID(), link[1])
		}
	}
	// The API's log line for the request carries the trace's ID.
	var logged bool
	for line := range strings.SplitSeq(logs.String(), "\n") {
		if strings.Contains(line, `"route":"POST /v1/handoffs"`) {
			logged = strings.Contains(line, `"trace_id":"`+api.SpanContext.TraceID().String()+`"`)
		}
	}
	if !logged {
		t.Errorf("the request's log line lacks trace_id %s", api.SpanContext.TraceID())
	}
	// Span attributes name routes, workflow and activity IDs: the path (a conversation ID)
	// and no payload.
	for _, s := range exp.GetSpans() {
		for _, a := range s.Attributes {
			if v := a.Value.String(); strings.Contains(v, "Dana") || strings.Contains(v, "@") {
				t.Errorf("span %s attribute %s=%q looks like customer data", s.Name, a.Key, v)
			}
		}
	}
}

func names(spans tracetest.SpanStubs) []string {
	var out []string
	for _, s := range spans {
		out = append(out, s.Name)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// scrape reads /metrics into "name{labels}" -> value, labels as Prometheus writes them
// (sorted by name).
// metricCheck is a counter or histogram that must reach min for a sample with these labels.
type metricCheck struct {
	name   string
	labels []string
	min    float64
}

// awaitMetrics scrapes until every check passes or 30 s pass, reports what did not, and returns
// the last scrape: counters move with the workflow's completion a moment after the state shows
// it.
func awaitMetrics(t *testing.T, tel *telemetry.Telemetry, checks []metricCheck) map[string]float64 {
	t.Helper()
	var after map[string]float64
	failing := func() (out []string) {
		after = scrape(t, tel)
		for _, c := range checks {
			if v, ok := find(after, c.name, c.labels...); !ok || v < c.min {
				out = append(out, fmt.Sprintf("%s%v = %v (present %t), want at least %v", c.name, c.labels, v, ok, c.min))
			}
		}
		return out
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(failing()) > 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	for _, f := range failing() {
		t.Error(f)
	}
	return after
}

func scrape(t *testing.T, tel *telemetry.Telemetry) map[string]float64 {
	t.Helper()
	rec := httptest.NewRecorder()
	tel.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	out := map[string]float64{}
	sc := bufio.NewScanner(rec.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			continue
		}
		out[line[:i]] = v
	}
	return out
}

// find sums the samples of a metric whose labels include every given name="value" pair.
func find(samples map[string]float64, name string, labels ...string) (float64, bool) {
	var sum float64
	found := false
	for k, v := range samples {
		metric, rest, _ := strings.Cut(k, "{")
		if metric != name {
			continue
		}
		ok := true
		for _, l := range labels {
			if !strings.Contains(rest, l) {
				ok = false
			}
		}
		if ok {
			sum, found = sum+v, true
		}
	}
	return sum, found
}

// After a handoff through the API, /metrics shows the application's and the SDK's counters
// moved, with their labels.
func TestMetricsMoveAfterAHandoff(t *testing.T) {
	tel := newTelemetry(t, nil)
	e := testenv.Start(t, testenv.Options{Telemetry: tel, EventStream: true})
	before := scrape(t, tel)
	if v, ok := find(before, "handoff_outcomes_total"); ok && v != 0 {
		t.Fatalf("outcomes before any handoff: %v", v)
	}
	// A console on the event stream, for the stream's client gauge.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", e.API.URL+"/v1/events/stream", nil)
	req.Header.Set("Authorization", "Bearer "+e.Secrets["operator"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()

	in := startHandoff(t, e, "lead-qualified.json")
	target := `target="jorge_buyer_bot"`
	checks := []metricCheck{
		{"handoff_outcomes_total", []string{`outcome="completed"`, `source="` + in.SourceAgent + `"`, target, `scenario="`}, 1},
		{"handoff_start_to_briefed_seconds_count", []string{target}, 1},
		{"handoff_start_to_accepted_seconds_count", []string{target}, 1},
		{"handoff_offers_total", []string{`result="accepted"`, `kind="bot"`}, 1},
		{"handoff_context_preservation_score_count", []string{`template="`}, 1},
		{"handoff_breaker_state", []string{`endpoint="deliver:jorge_buyer_bot"`}, 0},
		{"handoff_api_requests_total", []string{`method="POST"`, `route="/v1/handoffs"`, `status="201"`}, 1},
		{"handoff_api_request_duration_seconds_count", []string{`route="/v1/handoffs"`}, 1},
		{"handoff_events_stream_clients", nil, 1},
		{"handoff_event_deliveries_total", []string{`subscription="stream"`, `result="delivered"`}, 2},
		{"temporal_workflow_completed_total", []string{`workflow_type="Handoff"`}, 1},
		// On the fast bot path (the default) a bot's briefing is a local activity.
		{"temporal_local_activity_execution_latency_seconds_count", []string{`activity_type="BriefAgent"`}, 1},
	}
	// The workflow counts its outcome, the publisher its last deliveries and the SDK the
	// workflow's completion a moment after the outcome shows in the state: poll until every
	// check passes or the deadline, then report what did not.
	after := awaitMetrics(t, tel, checks)
	// Every metric the dashboard may use is exported under the name telemetry.Metrics gives
	// (breaker transitions need a failing agent: the activities' test covers them).
	for _, name := range append(slices.Clone(telemetry.Metrics), telemetry.SDKMetrics...) {
		if name == "handoff_breaker_transitions_total" {
			continue
		}
		found := false
		for k := range after {
			m, _, _ := strings.Cut(k, "{")
			if m == name || strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(m, "_bucket"), "_count"), "_sum") == name {
				found = true
			}
		}
		if !found {
			t.Errorf("metric %s is listed in telemetry.Metrics but not exported", name)
		}
	}
	// No label carries the customer or the conversation.
	for k := range after {
		if strings.Contains(k, in.ConversationID) || strings.Contains(k, in.Customer.Name) {
			t.Errorf("metric %s names the conversation or the customer", k)
		}
	}
	if t.Failed() {
		var keys []string
		for k := range after {
			if strings.HasPrefix(k, "handoff_") {
				keys = append(keys, fmt.Sprintf("%s %v", k, after[k]))
			}
		}
		slices.Sort(keys)
		t.Logf("handoff metrics:\n%s", strings.Join(keys, "\n"))
	}
}
