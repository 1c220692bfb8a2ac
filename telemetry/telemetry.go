// Package telemetry sets up OpenTelemetry for the worker and the API from the config: a
// tracer provider (spans exported over OTLP when configured), a meter provider read by
// Prometheus, and what Temporal's Go SDK needs to use both: its tracing interceptor, which
// carries one trace from an API call through the workflow to its activities, and its metrics
// handler, through which the SDK's own metrics and the workflow's replay-safe metrics flow.
//
// Nothing here is global: each process (and each test) makes its own providers and
// Prometheus registry, and hands them to what it builds.
package telemetry

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/handoffhq/orchestrator/config"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	"go.opentelemetry.io/otel/metric"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	"go.temporal.io/sdk/client"
	temporalotel "go.temporal.io/sdk/contrib/opentelemetry"
	"go.temporal.io/sdk/interceptor"
	"go.temporal.io/sdk/log"
)

// Telemetry is one process's tracing and metrics.
type Telemetry struct {
	// Tracer makes the spans; Meter the metrics that /metrics serves.
	Tracer trace.TracerProvider
	Meter  metric.MeterProvider

	tp          *sdktrace.TracerProvider
	mp          *sdkmetric.MeterProvider
	registry    *prometheus.Registry
	interceptor interceptor.Interceptor
	sdkMetrics  client.MetricsHandler
}

// Options say what to set up.
type Options struct {
	// Service names the process in spans and metrics (service.name): handoff-worker,
	// handoff-api. OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override and add.
	Service string
	Config  config.Telemetry
	// SpanExporter, when set, gets every span as it ends, synchronously (tests give an
	// in-memory exporter).
	SpanExporter sdktrace.SpanExporter
	// Logger hears about export and metric errors; nil: slog.Default().
	Logger *slog.Logger
}

// New sets up tracing and metrics.
func New(ctx context.Context, o Options) (*Telemetry, error) {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	res, err := resource.New(ctx,
		resource.WithAttributes(attribute.String("service.name", o.Service)),
		resource.WithFromEnv(), resource.WithTelemetrySDK())
	if err != nil {
		return nil, fmt.Errorf("telemetry resource: %w", err)
	}

	ratio := o.Config.SampleRatio
	topts := []sdktrace.TracerProviderOption{
		sdktrace.WithResource(res),
		// A caller's traceparent decides for its trace; new traces keep the configured share.
		sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.TraceIDRatioBased(ratio))),
	}
	if exp, err := otlpExporter(ctx, o.Config.OTLP); err != nil {
		return nil, err
	} else if exp != nil {
		topts = append(topts, sdktrace.WithBatcher(exp))
	}
	if o.SpanExporter != nil {
		topts = append(topts, sdktrace.WithSyncer(o.SpanExporter))
	}
	tp := sdktrace.NewTracerProvider(topts...)

	// A registry of our own rather than Prometheus' global one: two processes in one test
	// binary (the API and a worker) each serve their own metrics.
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	exp, err := otelprom.New(otelprom.WithRegisterer(reg), otelprom.WithoutScopeInfo())
	if err != nil {
		return nil, fmt.Errorf("prometheus exporter: %w", err)
	}
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(exp), sdkmetric.WithResource(res), sdkmetric.WithView(views()...))

	tracer, err := temporalotel.NewTracer(temporalotel.TracerOptions{Tracer: tp.Tracer("temporal-sdk-go")})
	if err != nil {
		return nil, err
	}
	logger := o.Logger
	return &Telemetry{
		Tracer: tp, Meter: mp, tp: tp, mp: mp, registry: reg,
		interceptor: interceptor.NewTracingInterceptor(logKeys{tracer}),
		sdkMetrics: temporalotel.NewMetricsHandler(temporalotel.MetricsHandlerOptions{
			Meter: mp.Meter("temporal-sdk-go"),
			// Counters as Prometheus counters (..._total), not up-down gauges.
			UseMonotonicCounters: true,
			// The SDK's default panics; a metric must never take a worker down.
			OnError: func(err error) { logger.Warn("metric error", "error", err.Error()) },
		}),
	}, nil
}

// otlpExporter is the configured OTLP span exporter, or nil.
func otlpExporter(ctx context.Context, c config.OTLP) (sdktrace.SpanExporter, error) {
	switch c.Protocol {
	case "grpc":
		var opts []otlptracegrpc.Option
		if c.Endpoint != "" {
			opts = append(opts, otlptracegrpc.WithEndpoint(c.Endpoint))
		}
		if c.Insecure {
			opts = append(opts, otlptracegrpc.WithInsecure())
		}
		return otlptracegrpc.New(ctx, opts...)
	case "http":
		var opts []otlptracehttp.Option
		if c.Endpoint != "" {
			opts = append(opts, otlptracehttp.WithEndpoint(c.Endpoint))
		}
		if c.Insecure {
			opts = append(opts, otlptracehttp.WithInsecure())
		}
		return otlptracehttp.New(ctx, opts...)
	}
	return nil, nil
}

// Histogram buckets. The SDK's default buckets (0 to 10,000) suit milliseconds; ours record
// seconds (handoff steps take milliseconds to minutes) and 0-to-1 scores.
var (
	secondsBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600}
	scoreBuckets   = []float64{0.25, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1}
)

func views() []sdkmetric.View {
	return []sdkmetric.View{
		sdkmetric.NewView(sdkmetric.Instrument{Kind: sdkmetric.InstrumentKindHistogram, Unit: "s"},
			sdkmetric.Stream{Aggregation: sdkmetric.AggregationExplicitBucketHistogram{Boundaries: secondsBuckets}}),
		sdkmetric.NewView(sdkmetric.Instrument{Kind: sdkmetric.InstrumentKindHistogram, Unit: "1"},
			sdkmetric.Stream{Aggregation: sdkmetric.AggregationExplicitBucketHistogram{Boundaries: scoreBuckets}}),
	}
}

// ClientOptions adds the tracing interceptor and the metrics handler to Temporal client
// options. A worker made from the client gets both too: the interceptor starts the workflow
// and activity spans, and workflow.GetMetricsHandler reaches the meter.
func (t *Telemetry) ClientOptions(o *client.Options) {
	o.Interceptors = append(o.Interceptors, t.interceptor)
	o.MetricsHandler = t.sdkMetrics
}

// Handler serves the metrics in Prometheus' text format.
func (t *Telemetry) Handler() http.Handler {
	return promhttp.HandlerFor(t.registry, promhttp.HandlerOpts{})
}

// Shutdown exports what is left and stops the providers.
func (t *Telemetry) Shutdown(ctx context.Context) error {
	return errors.Join(t.tp.Shutdown(ctx), t.mp.Shutdown(ctx))
}

// logKeys is the SDK tracer with its workflow and activity loggers keyed like our own log
// lines (trace_id, span_id, as LogHandler writes them) rather than TraceID and SpanID.
type logKeys struct{ interceptor.Tracer }

func (t logKeys) GetLogger(l log.Logger, ref interceptor.TracerSpanRef) log.Logger {
	s, ok := ref.(interface{ SpanContext() trace.SpanContext })
	if !ok || !s.SpanContext().IsValid() {
		return l
	}
	return log.With(l, "trace_id", s.SpanContext().TraceID().String(), "span_id", s.SpanContext().SpanID().String())
}
