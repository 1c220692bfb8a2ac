// Package config loads the deployment's configuration with viper: a YAML file, overridden by
// environment variables (Temporal's own names and the HANDOFF_ prefix), overridden by flags.
// Invalid configuration fails at start-up with the file, the key and the reason.
package config

import (
	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/handoff"
)

// DefaultFile is the config used when none is named: the real-estate bot family.
const DefaultFile = "config/examples/real-estate.yaml"

// EnvPrefix prefixes the project's own environment variables (HANDOFF_API_LISTEN, ...).
const EnvPrefix = "HANDOFF"

// Config is the whole deployment configuration.
type Config struct {
	// File is the path the config was read from (empty when built in code).
	File     string          `mapstructure:"-"`
	Temporal Temporal        `mapstructure:"temporal"`
	API      API             `mapstructure:"api"`
	Worker   Worker          `mapstructure:"worker"`
	Handoff  Handoff         `mapstructure:"handoff"`
	Agents   []handoff.Agent `mapstructure:"agents"`
	Routing  decision.Spec   `mapstructure:"routing"`
	// Codec is payload encryption and the codec endpoint (config/codec.go).
	Codec Codec `mapstructure:"codec"`
	// Templates say what each receiver's context package must carry (config/templates.go).
	Templates []handoff.Template `mapstructure:"templates"`
	// CRM fills profile fields a bot did not send (config/crm.go).
	CRM CRM `mapstructure:"crm"`
	// Telemetry is tracing and metrics export (config/telemetry.go).
	Telemetry Telemetry `mapstructure:"telemetry"`
	// Events are the handoffs' state changes sent to subscribers (config/events.go).
	Events Events `mapstructure:"events"`
	// Store is the handoff log and Analytics its figures (config/store.go).
	Store     Store     `mapstructure:"store"`
	Analytics Analytics `mapstructure:"analytics"`
	// GroupCalendars are calendars every member of a group follows (config/calendars.go).
	GroupCalendars []GroupCalendar `mapstructure:"group_calendars"`
	// Experiments vary one thing about some rules' handoffs and measure it; Learning is how
	// the deployment learns from the log (config/experiments.go).
	Experiments []experiments.Spec `mapstructure:"experiments"`
	Learning    Learning           `mapstructure:"learning"`
	// Queues are the groups whose handoffs wait in line for a person (config/queues.go).
	Queues []Queue `mapstructure:"queues"`

	// Engine is the compiled routing rule set; set by Load.
	Engine *decision.Engine `mapstructure:"-"`
	// ExperimentSet is the compiled experiments; set by Load.
	ExperimentSet *experiments.Set `mapstructure:"-"`
	// ModelAPIKey is routing.decoder.model's API key, read by Load from the environment or
	// the key file (config/model.go).
	ModelAPIKey string `mapstructure:"-"`
}

// Temporal is how clients and workers reach the Temporal service. Environment names mirror
// Temporal's own: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_*.
type Temporal struct {
	Address   string `mapstructure:"address"`
	Namespace string `mapstructure:"namespace"`
	// APIKey authenticates to Temporal Cloud. Set it from the environment, never in a file
	// that is committed.
	APIKey string `mapstructure:"api_key"`
	TLS    TLS    `mapstructure:"tls"`
}

// TLS configures TLS or mTLS to the Temporal frontend.
type TLS struct {
	// Enabled turns TLS on with the system roots even when no file is given.
	Enabled                 bool   `mapstructure:"enabled"`
	CertFile                string `mapstructure:"cert"`
	KeyFile                 string `mapstructure:"key"`
	CAFile                  string `mapstructure:"ca"`
	ServerName              string `mapstructure:"server_name"`
	DisableHostVerification bool   `mapstructure:"disable_host_verification"`
}

// API is the HTTP/JSON API's listener and its callers.
type API struct {
	Listen string `mapstructure:"listen"`
	// TokensFile holds the callers' token hashes (see starter token). Kept outside the
	// config file so secrets are never committed with it.
	TokensFile string `mapstructure:"tokens_file"`
	// Tokens may also be listed inline, hashed.
	Tokens []Token `mapstructure:"tokens"`
	// MetricsListen serves /metrics for Prometheus on a listener of its own, apart from the
	// public API and without a token (empty: none; see config/telemetry.go).
	MetricsListen string `mapstructure:"metrics_listen"`
	// ConsoleSessionTTL is how long a sign-in to the web console (/console) lasts before the
	// person signs in again with their token (config/console.go).
	ConsoleSessionTTL string `mapstructure:"console_session_ttl"`
}

// Token is one API caller: its role, the agent it acts as, and the SHA-256 of its bearer token.
type Token struct {
	Name string `mapstructure:"name" yaml:"name"`
	// Role is bot, human, operator or codec.
	Role string `mapstructure:"role" yaml:"role"`
	// Agent is the roster agent a bot or human token acts as (none for operator and codec).
	Agent  string `mapstructure:"agent" yaml:"agent,omitempty"`
	SHA256 string `mapstructure:"sha256" yaml:"sha256"`
}

// Worker tunes the worker process.
type Worker struct {
	// StickyCacheSize bounds cached workflow executions (memory versus replay on wake-up).
	StickyCacheSize int `mapstructure:"sticky_cache_size"`
	// ShutdownTimeout is how long SIGTERM waits for in-flight activities to finish.
	ShutdownTimeout string `mapstructure:"shutdown_timeout"`
	// WorkflowTaskPollers and ActivityTaskPollers are the long polls each worker keeps open.
	// With the SDK's default of 2, a burst of new handoffs queues behind the polls in flight
	// (measured: 5 % of starts waited about 2 s for their first workflow task); 8 removes that.
	WorkflowTaskPollers int `mapstructure:"workflow_task_pollers"`
	ActivityTaskPollers int `mapstructure:"activity_task_pollers"`
	// MetricsListen serves /metrics for Prometheus (empty: none). Off by default so that
	// several workers on one machine do not contend for a port.
	MetricsListen string `mapstructure:"metrics_listen"`
}

// Handoff holds the defaults every handoff runs with. They are captured into the decision at
// the start of each handoff.
type Handoff struct {
	MonitoringWindow    string `mapstructure:"monitoring_window"`
	OfferTimeout        string `mapstructure:"offer_timeout"`
	ConfirmationTimeout string `mapstructure:"confirmation_timeout"`
	BreakpointWait      string `mapstructure:"breakpoint_wait"`
	QuietPeriod         string `mapstructure:"quiet_period"`
	// FallbackAgent is tried after every candidate of the decision.
	FallbackAgent string `mapstructure:"fallback_agent"`
	// HTTPTimeout bounds each call to an agent's webhook or health check.
	HTTPTimeout string `mapstructure:"http_timeout"`
	// FastBotPath (on by default) runs a bot target's I/O steps (health check, customer
	// preparation, briefing, transfer confirmation, outcome record) as local activities: less
	// than half the history events and billed actions, at the cost of a step running again
	// when a worker dies in the middle of a workflow task (deliveries carry an idempotency key,
	// and receivers deduplicate by it).
	FastBotPath bool `mapstructure:"fast_bot_path"`
	// OutcomeURL receives the outcome record of each handoff (analytics); empty logs it only.
	OutcomeURL string `mapstructure:"outcome_url"`
	// ReservationLease is how long a person's offered reservation outlives a handoff that
	// vanished (terminated, reset) without releasing it. It must exceed every offer timeout.
	ReservationLease string `mapstructure:"reservation_lease"`
	// AwayOnTimeout sets a person away when an offer to them times out, so the next handoff
	// does not wait on someone who stepped away.
	AwayOnTimeout bool `mapstructure:"away_on_timeout"`
	// InitialPresence is a person's presence before they ever set one (online, away, offline).
	InitialPresence string `mapstructure:"initial_presence"`
	// Pingpong stops a conversation from being handed around without end (see config/agents.go).
	Pingpong Pingpong `mapstructure:"pingpong"`
	// MaxPackageBytes bounds a JSON-encoded context package (see config/templates.go).
	MaxPackageBytes int `mapstructure:"max_package_bytes"`
	// Monitoring holds the rules that act during the monitoring window (config/monitoring.go).
	Monitoring Monitoring `mapstructure:"monitoring"`
	// FollowUp plans check-ins after handoffs that call for one (config/monitoring.go).
	FollowUp FollowUp `mapstructure:"followup"`
	// CSAT is the satisfaction question at the window's end (config/monitoring.go).
	CSAT CSAT `mapstructure:"csat"`
	// Channels are the weights of conversations' channels against people's capacity
	// (config/queues.go); chat 1, email 0.5, voice the whole person when unset.
	Channels handoff.ChannelWeights `mapstructure:"channels"`
	// WrapUp is the after-conversation time a person's release holds their capacity for
	// (none when empty); Dispositions, when set, are the codes a release may record.
	WrapUp       string   `mapstructure:"wrap_up"`
	Dispositions []string `mapstructure:"dispositions"`
}

// Agent returns the roster entry with the given ID.
func (c *Config) Agent(id string) (handoff.Agent, bool) {
	for _, a := range c.Agents {
		if a.ID == id {
			return a, true
		}
	}
	return handoff.Agent{}, false
}

// Settings are the handoff timings from config, to be captured into a decision.
func (c *Config) Settings() handoff.Settings {
	return handoff.Settings{
		MonitoringWindow:    c.Handoff.MonitoringWindow,
		OfferTimeout:        c.Handoff.OfferTimeout,
		ConfirmationTimeout: c.Handoff.ConfirmationTimeout,
		BreakpointWait:      c.Handoff.BreakpointWait,
		QuietPeriod:         c.Handoff.QuietPeriod,
		ReservationLease:    c.Handoff.ReservationLease,
		AwayOnTimeout:       c.Handoff.AwayOnTimeout,
		PingPongMaxHandoffs: c.Handoff.Pingpong.MaxHandoffs,
		PingPongWindow:      c.Handoff.Pingpong.Window,
		FastBotPath:         c.Handoff.FastBotPath,
		FastPersonSteps:     c.Handoff.FastBotPath,
		Events:              c.Events.Enabled(),
		Monitoring:          c.MonitorSpec(),
		FollowUp:            c.FollowUpSpec(),
		CSAT:                c.CSATSpec(),
	}
}
