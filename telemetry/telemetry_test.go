package telemetry

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"go.temporal.io/sdk/client"
)

func newTelemetry(t *testing.T) *Telemetry {
	t.Helper()
	tel, err := New(context.Background(), Options{Service: "test", Config: config.Telemetry{SampleRatio: 1},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tel.Shutdown(context.Background()) })
	return tel
}

func scrape(t *testing.T, tel *Telemetry) string {
	t.Helper()
	rec := httptest.NewRecorder()
	tel.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	return rec.Body.String()
}

// The SDK's metrics handler (the workflow's metrics go through it) reaches /metrics with
// counters as counters and durations in seconds, in buckets that tell milliseconds apart.
func TestSDKMetricsReachPrometheus(t *testing.T) {
	tel := newTelemetry(t)
	var opts client.Options
	tel.ClientOptions(&opts)
	if len(opts.Interceptors) != 1 || opts.MetricsHandler == nil {
		t.Fatalf("client options: %d interceptors, metrics handler %v", len(opts.Interceptors), opts.MetricsHandler)
	}
	mh := opts.MetricsHandler.WithTags(map[string]string{"outcome": "completed"})
	mh.Counter("handoff_outcomes").Inc(1)
	mh.Counter("handoff_outcomes").Inc(1)
	mh.Timer("handoff_start_to_briefed").Record(30 * time.Millisecond)

	out := scrape(t, tel)
	for _, want := range []string{
		`handoff_outcomes_total{outcome="completed"} 2`,
		`handoff_start_to_briefed_seconds_bucket{outcome="completed",le="0.025"} 0`,
		`handoff_start_to_briefed_seconds_bucket{outcome="completed",le="0.05"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func TestLogLinesCarryTheTraceID(t *testing.T) {
	tel := newTelemetry(t)
	var buf bytes.Buffer
	logger := slog.New(LogHandler(slog.NewJSONHandler(&buf, nil)))
	ctx, span := tel.Tracer.Tracer("test").Start(context.Background(), "op")
	logger.InfoContext(ctx, "inside")
	span.End()
	logger.Info("outside")

	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	var in, out map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &in); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(lines[1]), &out); err != nil {
		t.Fatal(err)
	}
	if in["trace_id"] != span.SpanContext().TraceID().String() || in["span_id"] != span.SpanContext().SpanID().String() {
		t.Errorf("line in the span: %v, want trace_id %s", in, span.SpanContext().TraceID())
	}
	if _, ok := out["trace_id"]; ok {
		t.Errorf("line without a span carries a trace_id: %v", out)
	}
}

func TestMetricsListener(t *testing.T) {
	tel := newTelemetry(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	stop, err := tel.Serve(addr, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "go_goroutines") {
		t.Fatalf("GET /metrics: %s, %d bytes", resp.Status, len(body))
	}
	if err := stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := tel.Serve("not an address", slog.Default()); err == nil {
		t.Fatal("a bad address was taken")
	}
}
