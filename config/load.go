package config

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Error is an invalid configuration: which file, which key, and why.
type Error struct {
	File   string
	Key    string
	Reason string
}

func (e *Error) Error() string {
	file := e.File
	if file == "" {
		file = "(no file)"
	}
	if e.Key == "" {
		return fmt.Sprintf("%s: %s", file, e.Reason)
	}
	return fmt.Sprintf("%s: %s: %s", file, e.Key, e.Reason)
}

// temporalEnv binds keys to Temporal's own environment variable names, so a deployment that
// already sets them for the temporal CLI needs nothing else.
var temporalEnv = map[string]string{
	"temporal.address":                       "TEMPORAL_ADDRESS",
	"temporal.namespace":                     "TEMPORAL_NAMESPACE",
	"temporal.api_key":                       "TEMPORAL_API_KEY",
	"temporal.tls.enabled":                   "TEMPORAL_TLS",
	"temporal.tls.cert":                      "TEMPORAL_TLS_CERT",
	"temporal.tls.key":                       "TEMPORAL_TLS_KEY",
	"temporal.tls.ca":                        "TEMPORAL_TLS_CA",
	"temporal.tls.server_name":               "TEMPORAL_TLS_SERVER_NAME",
	"temporal.tls.disable_host_verification": "TEMPORAL_TLS_DISABLE_HOST_VERIFICATION",
}

var defaults = map[string]any{
	"temporal.address":                       "127.0.0.1:7233",
	"temporal.namespace":                     "default",
	"api.listen":                             "127.0.0.1:8080",
	"worker.sticky_cache_size":               1024,
	"worker.shutdown_timeout":                "30s",
	"handoff.monitoring_window":              "5m",
	"handoff.offer_timeout":                  "60s",
	"handoff.confirmation_timeout":           "2m",
	"handoff.breakpoint_wait":                "20s",
	"handoff.quiet_period":                   "8s",
	"handoff.http_timeout":                   "5s",
	"handoff.fast_bot_path":                  true,
	"worker.workflow_task_pollers":           8,
	"worker.activity_task_pollers":           8,
	"handoff.fallback_agent":                 "",
	"handoff.outcome_url":                    "",
	"handoff.reservation_lease":              "10m",
	"handoff.away_on_timeout":                true,
	"handoff.initial_presence":               "offline",
	"handoff.pingpong.max_handoffs":          3,
	"handoff.pingpong.window":                "1h",
	"api.tokens_file":                        "",
	"api.console_session_ttl":                "8h",
	"temporal.tls.server_name":               "",
	"temporal.tls.cert":                      "",
	"temporal.tls.key":                       "",
	"temporal.tls.ca":                        "",
	"temporal.api_key":                       "",
	"temporal.tls.enabled":                   false,
	"temporal.tls.disable_host_verification": false,
}

// Flags registers the flags every binary shares. Flags override env and file.
func Flags(fs *pflag.FlagSet) {
	fs.String("config", "", "config file (default "+DefaultFile+", or $HANDOFF_CONFIG)")
	fs.String("temporal-address", "", "Temporal frontend host:port (overrides TEMPORAL_ADDRESS)")
	fs.String("temporal-namespace", "", "Temporal namespace (overrides TEMPORAL_NAMESPACE)")
}

// flagKeys maps flag names to config keys.
var flagKeys = map[string]string{
	"temporal-address":   "temporal.address",
	"temporal-namespace": "temporal.namespace",
	"listen":             "api.listen",
	"monitoring-window":  "handoff.monitoring_window",
}

// Load reads the config file named by the --config flag, $HANDOFF_CONFIG or DefaultFile,
// applies environment and flag overrides, validates it and compiles the routing rules.
// fs may be nil.
func Load(fs *pflag.FlagSet) (*Config, error) {
	file := os.Getenv(EnvPrefix + "_CONFIG")
	if fs != nil {
		if f := fs.Lookup("config"); f != nil && f.Value.String() != "" {
			file = f.Value.String()
		}
	}
	if file == "" {
		file = DefaultFile
	}
	return LoadFile(file, fs)
}

// LoadFile is Load with an explicit file.
func LoadFile(file string, fs *pflag.FlagSet) (*Config, error) {
	v := viper.New()
	for k, d := range defaults {
		v.SetDefault(k, d)
	}
	for k, d := range storeDefaults() {
		v.SetDefault(k, d)
	}
	for k, d := range learningDefaults() {
		v.SetDefault(k, d)
	}
	v.SetConfigFile(file)
	v.SetConfigType("yaml")
	if err := v.ReadInConfig(); err != nil {
		var notFound viper.ConfigFileNotFoundError
		if errors.As(err, &notFound) || errors.Is(err, os.ErrNotExist) {
			return nil, &Error{File: file, Reason: "file not found"}
		}
		return nil, &Error{File: file, Reason: "cannot read: " + err.Error()}
	}

	v.SetEnvPrefix(EnvPrefix)
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	for key, env := range temporalEnv {
		if err := v.BindEnv(key, env, EnvPrefix+"_"+strings.ToUpper(strings.NewReplacer(".", "_").Replace(key))); err != nil {
			return nil, &Error{File: file, Key: key, Reason: err.Error()}
		}
	}
	if fs != nil {
		for name, key := range flagKeys {
			if f := fs.Lookup(name); f != nil && f.Changed {
				v.Set(key, f.Value.String())
			}
		}
	}

	if err := checkKnownKeys(v); err != nil {
		return nil, &Error{File: file, Key: err.Key, Reason: err.Reason}
	}
	if err := checkCodecFile(v); err != nil {
		return nil, &Error{File: file, Key: err.Key, Reason: err.Reason}
	}
	if err := checkCRMFile(v); err != nil {
		return nil, &Error{File: file, Key: err.Key, Reason: err.Reason}
	}
	if err := checkCalendarFile(v); err != nil {
		return nil, &Error{File: file, Key: err.Key, Reason: err.Reason}
	}

	var c Config
	if err := v.Unmarshal(&c, viper.DecodeHook(decodeHook())); err != nil {
		return nil, &Error{File: file, Reason: "cannot decode: " + err.Error()}
	}
	c.File = file
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// topLevel lists the sections a config file may have; a typo such as "agnets:" must fail
// rather than silently leave the roster empty.
var topLevel = map[string]bool{
	"temporal": true, "api": true, "worker": true, "handoff": true, "agents": true, "routing": true, "codec": true,
	"templates": true, "crm": true, "telemetry": true, "events": true, "store": true, "analytics": true,
	"group_calendars": true, "experiments": true, "learning": true, "queues": true,
}

func checkKnownKeys(v *viper.Viper) *Error {
	for _, k := range v.AllKeys() {
		section, _, _ := strings.Cut(k, ".")
		if !topLevel[section] {
			return &Error{Key: section, Reason: "unknown section (expected one of temporal, api, worker, handoff, agents, routing, codec, templates, crm, telemetry, events, store, analytics, group_calendars, experiments, learning, queues)"}
		}
	}
	return nil
}

// Validate checks the config and compiles its routing rules into c.Engine.
func (c *Config) Validate() error {
	fail := func(key, format string, args ...any) error {
		return &Error{File: c.File, Key: key, Reason: fmt.Sprintf(format, args...)}
	}
	if c.Temporal.Address == "" {
		return fail("temporal.address", "is required")
	}
	if c.Temporal.Namespace == "" {
		return fail("temporal.namespace", "is required")
	}
	if (c.Temporal.TLS.CertFile == "") != (c.Temporal.TLS.KeyFile == "") {
		return fail("temporal.tls", "cert and key must be given together")
	}
	if err := c.validateDurations(); err != nil {
		return err
	}
	if c.Worker.WorkflowTaskPollers < 2 || c.Worker.ActivityTaskPollers < 1 {
		return fail("worker", "workflow_task_pollers must be at least 2 and activity_task_pollers at least 1")
	}
	if c.Worker.StickyCacheSize < 0 {
		return fail("worker.sticky_cache_size", "must not be negative")
	}
	if c.Handoff.OutcomeURL != "" {
		if err := checkURL(c.Handoff.OutcomeURL); err != nil {
			return fail("handoff.outcome_url", "%v", err)
		}
	}
	if len(c.Agents) == 0 {
		return fail("agents", "at least one agent is required")
	}
	seen := map[string]bool{}
	for i, a := range c.Agents {
		key := fmt.Sprintf("agents[%d]", i)
		if a.ID == "" {
			return fail(key+".id", "is required")
		}
		key = fmt.Sprintf("agents[%d] (%s)", i, a.ID)
		if seen[a.ID] {
			return fail(key+".id", "duplicate agent ID")
		}
		seen[a.ID] = true
		if !a.Kind.Valid() {
			return fail(key+".kind", "%q is not one of bot, specialist, human, supervisor", a.Kind)
		}
		for name, u := range map[string]string{"webhook_url": a.WebhookURL, "health_url": a.HealthURL, "notify_url": a.NotifyURL} {
			if u == "" {
				continue
			}
			if err := checkURL(u); err != nil {
				return fail(key+"."+name, "%v", err)
			}
		}
		if a.Kind.IsPerson() && a.Capacity < 0 {
			return fail(key+".capacity", "must not be negative")
		}
		if a.TimeZone != "" {
			if _, err := time.LoadLocation(a.TimeZone); err != nil {
				return fail(key+".time_zone", "unknown time zone %q", a.TimeZone)
			}
		}
		if a.BusinessHours != "" {
			if _, err := handoff.ParseBusinessHours(a.BusinessHours); err != nil {
				return fail(key+".business_hours", "%v", err)
			}
		}
	}
	// Escalation and fallback may name an agent or a group of agents.
	targets := map[string]bool{}
	for _, a := range c.Agents {
		targets[a.ID] = true
		for _, g := range a.Groups {
			targets[g] = true
		}
	}
	for i, a := range c.Agents {
		if a.EscalatesTo != "" && !targets[a.EscalatesTo] {
			return fail(fmt.Sprintf("agents[%d] (%s).escalates_to", i, a.ID), "unknown agent or group %q", a.EscalatesTo)
		}
	}
	if c.Handoff.FallbackAgent != "" && !targets[c.Handoff.FallbackAgent] {
		return fail("handoff.fallback_agent", "unknown agent or group %q", c.Handoff.FallbackAgent)
	}
	for i, t := range c.API.Tokens {
		if err := t.validate(seen); err != nil {
			return fail(fmt.Sprintf("api.tokens[%d]", i), "%v", err)
		}
	}
	if err := c.validateAgentSettings(); err != nil {
		return err
	}
	if err := c.validateQueues(); err != nil {
		return err
	}
	if err := c.validateCodec(); err != nil {
		return err
	}
	if err := c.validateTemplates(); err != nil {
		return err
	}
	if err := c.validateCRM(); err != nil {
		return err
	}
	if err := c.validateTelemetry(); err != nil {
		return err
	}
	if err := c.validateEvents(); err != nil {
		return err
	}
	if err := c.validateStore(); err != nil {
		return err
	}
	if err := c.validateCalendars(); err != nil {
		return err
	}
	engine, err := decision.Compile(c.Routing, c.Agents)
	if err != nil {
		return &Error{File: c.File, Key: "routing", Reason: err.Error()}
	}
	c.Engine = engine
	if err := c.validateMonitoring(); err != nil {
		return err
	}
	if err := c.validateExperiments(); err != nil {
		return err
	}
	return c.validateModel()
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http(s) URL", s)
	}
	return nil
}

// Roles an API token may have.
const (
	RoleBot      = "bot"
	RoleHuman    = "human"
	RoleOperator = "operator"
	// RoleCodec may encode payloads with the service's key as well as decode them, through
	// the codec endpoint: for a Temporal client in another language that starts handoffs or
	// signals them directly. Operators only read (decode).
	RoleCodec = "codec"
)

func (t Token) validate(agents map[string]bool) error {
	switch t.Role {
	case RoleBot, RoleHuman:
		if !agents[t.Agent] {
			return fmt.Errorf("agent %q of token %q is not in the roster", t.Agent, t.Name)
		}
	case RoleOperator, RoleCodec:
	default:
		return fmt.Errorf("role %q of token %q is not one of bot, human, operator, codec", t.Role, t.Name)
	}
	if len(t.SHA256) != 64 || strings.Trim(strings.ToLower(t.SHA256), "0123456789abcdef") != "" {
		return fmt.Errorf("sha256 of token %q must be 64 hex digits (see `starter token`)", t.Name)
	}
	return nil
}
