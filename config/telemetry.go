package config

import (
	"fmt"
	"net"
)

// Telemetry is tracing and metrics export (see telemetry/). Spans are always made, so trace
// IDs reach the logs and travel through Temporal; they leave the process only with OTLP set.
// Metrics are served for Prometheus on worker.metrics_listen and api.metrics_listen.
type Telemetry struct {
	// OTLP exports spans to a collector; off while Protocol is empty.
	OTLP OTLP `mapstructure:"otlp"`
	// SampleRatio is the share of new traces kept (0 to 1, default 1). A trace started by a
	// caller that sent a traceparent follows the caller's decision.
	SampleRatio float64 `mapstructure:"sample_ratio"`
}

// OTLP is the span exporter. Endpoint, headers and TLS may also come from the standard
// OTEL_EXPORTER_OTLP_* variables, which the exporters read themselves.
type OTLP struct {
	// Protocol is "grpc" (port 4317) or "http" (4318); empty exports nothing
	// (HANDOFF_TELEMETRY_OTLP_PROTOCOL).
	Protocol string `mapstructure:"protocol"`
	// Endpoint is host:port of the collector (HANDOFF_TELEMETRY_OTLP_ENDPOINT); empty takes
	// OTEL_EXPORTER_OTLP_ENDPOINT or the exporter's default, localhost.
	Endpoint string `mapstructure:"endpoint"`
	// Insecure sends spans without TLS, for a collector beside the process.
	Insecure bool `mapstructure:"insecure"`
}

func init() {
	for k, v := range map[string]any{
		"telemetry.otlp.protocol": "",
		"telemetry.otlp.endpoint": "",
		"telemetry.otlp.insecure": false,
		"telemetry.sample_ratio":  1.0,
		"worker.metrics_listen":   "",
		"api.metrics_listen":      "",
	} {
		defaults[k] = v
	}
}

func (c *Config) validateTelemetry() error {
	fail := func(key, format string, args ...any) error {
		return &Error{File: c.File, Key: key, Reason: fmt.Sprintf(format, args...)}
	}
	switch c.Telemetry.OTLP.Protocol {
	case "", "grpc", "http":
	default:
		return fail("telemetry.otlp.protocol", "%q is not one of grpc, http (or empty for no export)", c.Telemetry.OTLP.Protocol)
	}
	if r := c.Telemetry.SampleRatio; r < 0 || r > 1 {
		return fail("telemetry.sample_ratio", "%v is not between 0 and 1", r)
	}
	for key, addr := range map[string]string{"worker.metrics_listen": c.Worker.MetricsListen, "api.metrics_listen": c.API.MetricsListen} {
		if addr == "" {
			continue
		}
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return fail(key, "%q is not host:port: %v", addr, err)
		}
	}
	return nil
}
