package httpapi

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// Request telemetry: a server span per request, which the Temporal client's tracing
// interceptor continues into the workflow and its activities (one trace from the API call to
// the agents' webhooks), and request counts and durations by route. A caller's W3C
// traceparent header is honoured, so a bot's own trace carries on through the handoff.
// Attributes are the method, the route pattern and the status: never the path, which holds
// conversation IDs, nor a body.

// API metrics (Prometheus: handoff_api_requests_total, handoff_api_request_duration_seconds).
const (
	MetricRequests        = "handoff_api_requests"
	MetricRequestDuration = "handoff_api_request_duration"
)

type telemetry struct {
	tracer   trace.Tracer
	requests metric.Int64Counter
	duration metric.Float64Histogram
}

// routeInfo is filled in by logRequests, which sees the matched route, for the span and the
// metrics around it.
type routeInfo struct {
	route  string
	status int
}

type routeKey struct{}

func setRouteInfo(ctx context.Context, route string, status int) {
	if ri, ok := ctx.Value(routeKey{}).(*routeInfo); ok {
		ri.route, ri.status = route, status
	}
}

func newTelemetry(o Options) (*telemetry, error) {
	if o.Tracer == nil && o.Meter == nil {
		return nil, nil
	}
	t := &telemetry{}
	if o.Tracer != nil {
		t.tracer = o.Tracer.Tracer("github.com/handoffhq/orchestrator/starter/httpapi")
	}
	if o.Meter != nil {
		m := o.Meter.Meter("github.com/handoffhq/orchestrator/starter/httpapi")
		var err error
		if t.requests, err = m.Int64Counter(MetricRequests, metric.WithDescription("API requests answered, by method, route and status.")); err != nil {
			return nil, err
		}
		if t.duration, err = m.Float64Histogram(MetricRequestDuration, metric.WithUnit("s"),
			metric.WithDescription("Time to answer an API request, by method and route (the event stream's last as long as the client stays).")); err != nil {
			return nil, err
		}
	}
	return t, nil
}

var propagator = propagation.TraceContext{}

// instrument wraps the request log (so its line carries the trace ID) with the span and the
// metrics.
func (t *telemetry) instrument(next http.Handler) http.Handler {
	if t == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ri := &routeInfo{}
		ctx := context.WithValue(r.Context(), routeKey{}, ri)
		var span trace.Span
		// Probes (a health check every few seconds) are counted, not traced: a trace each
		// would bury the handoffs' in the collector.
		if t.tracer != nil && r.URL.Path != "/healthz" && r.URL.Path != "/readyz" {
			ctx = propagator.Extract(ctx, propagation.HeaderCarrier(r.Header))
			ctx, span = t.tracer.Start(ctx, r.Method, trace.WithSpanKind(trace.SpanKindServer),
				trace.WithAttributes(attribute.String("http.request.method", r.Method)))
			defer span.End()
		}
		next.ServeHTTP(w, r.WithContext(ctx))

		route := strings.TrimPrefix(ri.route, r.Method+" ")
		if span != nil {
			span.SetName(r.Method + " " + route)
			span.SetAttributes(attribute.String("http.route", route), attribute.Int("http.response.status_code", ri.status))
			if ri.status >= 500 {
				span.SetStatus(codes.Error, http.StatusText(ri.status))
			}
		}
		if t.requests != nil {
			attrs := metric.WithAttributes(attribute.String("method", r.Method), attribute.String("route", route))
			t.requests.Add(ctx, 1, attrs, metric.WithAttributes(attribute.String("status", strconv.Itoa(ri.status))))
			t.duration.Record(ctx, time.Since(start).Seconds(), attrs)
		}
	})
}
