package config

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/events"
)

// Events is where each handoff's state changes go (see events/): webhook subscriptions, and
// the API's server-sent-events stream, which the workers feed like a subscriber.
type Events struct {
	// Stream is the API's own ingest route (POST /v1/events/ingest), the source of
	// GET /v1/events/stream. The worker posts to URL; the API checks the signature with the
	// same secret. Off while URL is empty (HANDOFF_EVENTS_STREAM_URL,
	// HANDOFF_EVENTS_STREAM_SECRET_FILE, HANDOFF_EVENTS_STREAM_SECRET_ENV).
	Stream Stream `mapstructure:"stream"`
	// Subscriptions are the webhooks that receive events.
	Subscriptions []Subscription `mapstructure:"subscriptions"`
	// Timeout bounds one delivery attempt to one subscriber (default 5s).
	Timeout string `mapstructure:"timeout"`
}

// Stream is the API's event ingest: its URL as the worker reaches it and the shared secret.
type Stream struct {
	URL        string `mapstructure:"url"`
	SecretEnv  string `mapstructure:"secret_env"`
	SecretFile string `mapstructure:"secret_file"`
}

// Subscription is one webhook. Its secret signs every delivery (HMAC-SHA256); it is read from
// the environment variable SecretEnv or the file SecretFile, never from the config file.
type Subscription struct {
	Name       string `mapstructure:"name"`
	URL        string `mapstructure:"url"`
	SecretEnv  string `mapstructure:"secret_env"`
	SecretFile string `mapstructure:"secret_file"`
	// Types filters the event types sent (empty: every type).
	Types []string `mapstructure:"types"`
}

func init() {
	for k, v := range map[string]any{
		"events.stream.url":         "",
		"events.stream.secret_env":  "",
		"events.stream.secret_file": "",
		"events.timeout":            "5s",
	} {
		defaults[k] = v
	}
}

// StreamSubscription names the API's stream among the subscriptions the worker delivers to.
const StreamSubscription = "stream"

// minSecretBytes keeps a guessable secret out: HMAC is only as strong as its key.
const minSecretBytes = 16

// Enabled reports whether any event leaves the workers: a handoff decided while it is true
// publishes its events (the decision captures it, so running handoffs never change).
func (e Events) Enabled() bool { return e.Stream.URL != "" || len(e.Subscriptions) > 0 }

// TimeoutDuration is the parsed timeout (valid after Validate; 5s otherwise).
func (e Events) TimeoutDuration() time.Duration {
	if d, err := time.ParseDuration(e.Timeout); err == nil && d > 0 {
		return d
	}
	return 5 * time.Second
}

// Targets resolves the subscriptions, the stream first, with their secrets. It fails when a
// secret is missing or short: a worker that cannot sign must not start.
func (e Events) Targets() ([]events.Subscription, error) {
	var out []events.Subscription
	if e.Stream.URL != "" {
		secret, err := readSecret("events.stream", e.Stream.SecretEnv, e.Stream.SecretFile)
		if err != nil {
			return nil, err
		}
		out = append(out, events.Subscription{Name: StreamSubscription, URL: e.Stream.URL, Secret: secret})
	}
	for i, s := range e.Subscriptions {
		secret, err := readSecret(fmt.Sprintf("events.subscriptions[%d] (%s)", i, s.Name), s.SecretEnv, s.SecretFile)
		if err != nil {
			return nil, err
		}
		types := make([]events.Type, len(s.Types))
		for j, t := range s.Types {
			types[j] = events.Type(t)
		}
		out = append(out, events.Subscription{Name: s.Name, URL: s.URL, Secret: secret, Types: types})
	}
	return out, nil
}

// StreamSecret is the secret the API checks the stream's deliveries with; nil when the
// stream is off.
func (e Events) StreamSecret() ([]byte, error) {
	if e.Stream.URL == "" {
		return nil, nil
	}
	return readSecret("events.stream", e.Stream.SecretEnv, e.Stream.SecretFile)
}

func readSecret(key, env, file string) ([]byte, error) {
	var secret []byte
	switch {
	case env != "":
		secret = []byte(os.Getenv(env))
		if len(secret) == 0 {
			return nil, &Error{Key: key + ".secret_env", Reason: "$" + env + " is empty or not set"}
		}
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, &Error{Key: key + ".secret_file", Reason: err.Error()}
		}
		secret = []byte(strings.TrimSpace(string(b)))
	}
	if len(secret) < minSecretBytes {
		return nil, &Error{Key: key, Reason: fmt.Sprintf("the secret must be at least %d bytes", minSecretBytes)}
	}
	return secret, nil
}

// validateEvents checks the events section's shape; secrets are read when a worker or the API
// starts (Targets, StreamSecret), so the CLI needs none of them.
func (c *Config) validateEvents() error {
	fail := func(key, format string, args ...any) error {
		return &Error{File: c.File, Key: key, Reason: fmt.Sprintf(format, args...)}
	}
	e := c.Events
	if e.Stream.URL != "" {
		if err := checkURL(e.Stream.URL); err != nil {
			return fail("events.stream.url", "%v", err)
		}
		if err := checkSecretSource(e.Stream.SecretEnv, e.Stream.SecretFile); err != "" {
			return fail("events.stream", "%s", err)
		}
	}
	seen := map[string]bool{StreamSubscription: true}
	for i, s := range e.Subscriptions {
		key := fmt.Sprintf("events.subscriptions[%d]", i)
		if s.Name == "" {
			return fail(key+".name", "is required")
		}
		key += " (" + s.Name + ")"
		if seen[s.Name] {
			return fail(key+".name", "duplicate name (%q is taken by the API's stream or another subscription)", s.Name)
		}
		seen[s.Name] = true
		if err := checkURL(s.URL); err != nil {
			return fail(key+".url", "%v", err)
		}
		if err := checkSecretSource(s.SecretEnv, s.SecretFile); err != "" {
			return fail(key, "%s", err)
		}
		for _, t := range s.Types {
			if !slices.Contains(events.Types, events.Type(t)) {
				return fail(key+".types", "unknown event type %q (one of %v)", t, events.Types)
			}
		}
	}
	return nil
}

func checkSecretSource(env, file string) string {
	switch {
	case env == "" && file == "":
		return "a secret is required: secret_env (an environment variable's name) or secret_file"
	case env != "" && file != "":
		return "give secret_env or secret_file, not both"
	case env != "" && !envName.MatchString(env):
		return fmt.Sprintf("secret_env %q is not an environment variable name", env)
	}
	return ""
}
