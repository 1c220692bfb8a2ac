package activities

import (
	"context"
	"net/http"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
)

// An agent endpoint's breaker shows as closed while it answers, open after five failures, and
// each change is counted.
func TestBreakerStateIsReported(t *testing.T) {
	srv := newAgentServer(t)
	acts := testActivities(t, srv)
	reader := sdkmetric.NewManualReader()
	if err := acts.Instrument(sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))); err != nil {
		t.Fatal(err)
	}
	env := activityEnv(acts)
	endpoint := deliverBreaker("jorge_buyer_bot")

	if _, err := env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("jorge_buyer_bot")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, reader, MetricBreakerState, endpoint); got != 0 {
		t.Fatalf("state after a delivery = %d, want 0 (closed)", got)
	}
	srv.set(http.StatusBadGateway, http.StatusOK, 0)
	for range 5 {
		_, _ = env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("jorge_buyer_bot"))
	}
	if got := read(t, reader, MetricBreakerState, endpoint); got != 2 {
		t.Fatalf("state after five failures = %d, want 2 (open)", got)
	}
	if got := read(t, reader, MetricBreakerTransitions, endpoint); got != 1 {
		t.Fatalf("transitions = %d, want 1 (to open)", got)
	}
}

// read returns the value of an int64 metric's data point for endpoint (-1: none).
func read(t *testing.T, r *sdkmetric.ManualReader, name, endpoint string) int64 {
	t.Helper()
	var rm metricdata.ResourceMetrics
	if err := r.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	want := attribute.String("endpoint", endpoint)
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			if m.Name != name {
				continue
			}
			var points []metricdata.DataPoint[int64]
			switch d := m.Data.(type) {
			case metricdata.Gauge[int64]:
				points = d.DataPoints
			case metricdata.Sum[int64]:
				points = d.DataPoints
			}
			for _, p := range points {
				if v, ok := p.Attributes.Value(want.Key); ok && v == want.Value {
					return p.Value
				}
			}
		}
	}
	return -1
}
