package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/config"
)

// Events and telemetry: off unless configured; a subscription without a secret, with an
// unknown event type, or with a short secret fails with its key; environment variables reach
// the stream and the OTLP settings.

func TestEventsOffByDefault(t *testing.T) {
	cfg, err := loadWithEnv(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Events.Enabled() || cfg.Settings().Events {
		t.Fatal("events are on without a stream or a subscription")
	}
	if subs, err := cfg.Events.Targets(); err != nil || len(subs) != 0 {
		t.Fatalf("targets %v, %v; want none", subs, err)
	}
}

func TestEventStreamFromEnvironment(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secret, []byte("a-secret-long-enough\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := loadWithEnv(t, map[string]string{
		"HANDOFF_EVENTS_STREAM_URL":         "http://127.0.0.1:8080/v1/events/ingest",
		"HANDOFF_EVENTS_STREAM_SECRET_FILE": secret,
		"HANDOFF_TELEMETRY_OTLP_PROTOCOL":   "http",
		"HANDOFF_WORKER_METRICS_LISTEN":     "127.0.0.1:9464",
	})
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.Settings().Events || cfg.Telemetry.OTLP.Protocol != "http" || cfg.Worker.MetricsListen != "127.0.0.1:9464" {
		t.Fatalf("events %t, otlp %q, metrics %q: the environment did not reach the config", cfg.Settings().Events, cfg.Telemetry.OTLP.Protocol, cfg.Worker.MetricsListen)
	}
	subs, err := cfg.Events.Targets()
	if err != nil || len(subs) != 1 || subs[0].Name != config.StreamSubscription || string(subs[0].Secret) != "a-secret-long-enough" {
		t.Fatalf("targets %+v, %v; want the stream with the file's secret, trimmed", subs, err)
	}
}

func TestEventSubscriptionMistakes(t *testing.T) {
	for name, tc := range map[string]struct {
		sub  string
		want string
	}{
		"no secret":    {"{name: crm, url: 'https://crm.example/hook'}", "events.subscriptions[0] (crm): a secret is required"},
		"both secrets": {"{name: crm, url: 'https://crm.example/hook', secret_env: A, secret_file: /x}", "not both"},
		"unknown type": {"{name: crm, url: 'https://crm.example/hook', secret_env: A, types: [handoff.started]}", `unknown event type "handoff.started"`},
		"bad url":      {"{name: crm, url: 'crm.example/hook', secret_env: A}", "events.subscriptions[0] (crm).url"},
		"stream name":  {"{name: stream, url: 'https://crm.example/hook', secret_env: A}", "duplicate name"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := loadWithExtra(t, "events:\n  subscriptions:\n    - "+tc.sub+"\n")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to say %q", err, tc.want)
			}
		})
	}
	t.Run("short secret", func(t *testing.T) {
		t.Setenv("HOOK_SECRET", "short")
		cfg, err := loadWithExtra(t, "events:\n  subscriptions:\n    - {name: crm, url: 'https://crm.example/hook', secret_env: HOOK_SECRET}\n")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := cfg.Events.Targets(); err == nil || !strings.Contains(err.Error(), "at least 16 bytes") {
			t.Fatalf("error %v, want the secret refused as too short", err)
		}
	})
}

// loadWithExtra loads the example config with YAML appended.
func loadWithExtra(t *testing.T, extra string) (*config.Config, error) {
	t.Helper()
	raw, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(file, append(raw, []byte("\n"+extra)...), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HANDOFF_CODEC_ALLOW_PLAINTEXT", "true")
	return config.LoadFile(file, nil)
}
