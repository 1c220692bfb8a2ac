package decision

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// Routing systems a Spec may select.
const (
	// SystemRealEstate evaluates Spec.Rules: conditions over signals, highest precedence first.
	SystemRealEstate = "real_estate"
	// SystemLeague evaluates Spec.Handoffs: keyword-triggered paths per source agent, then
	// capability-based recommendations.
	SystemLeague = "league"
)

// Spec is the routing section of the config file (`routing:`). One type carries both systems
// so a deployment switches between them by `system:` alone; the list the system does not use
// must be empty, so nothing in the file is silently ignored.
//
// Keys are decoded by viper, which lowercases them: signal names are lowercase.
type Spec struct {
	System string `mapstructure:"system"`
	// Signals declares the signals rules may read and their types (number, string or bool).
	// The built-in analyzer's signals are always known and need not be declared.
	Signals map[string]string `mapstructure:"signals"`
	// Rules are the real-estate routing rules.
	Rules []RuleSpec `mapstructure:"rules"`
	// Handoffs are the league's explicit paths (the seed's CROSS_AGENT_HANDOFFS, flattened).
	Handoffs  []HandoffSpec  `mapstructure:"handoffs"`
	Recommend RecommendSpec  `mapstructure:"recommend"`
	Analyzer  AnalyzerSpec   `mapstructure:"analyzer"`
	Decoder   DecoderSpec    `mapstructure:"decoder"`
	Unknown   map[string]any `mapstructure:",remain"`
}

// RuleSpec is one real-estate rule. Its conditions are `all:` (every item holds), `any:` (at
// least one holds) and `cel:` (a CEL expression); when several are given all of them must
// hold, and a rule with none is unconditional.
//
// A condition item is a one-key map: either a signal in the seed's shorthand
// (`intent_confidence: "> 0.9"`, `property_value: "< 2M"`, `timeline_urgency:
// "immediate|moderate"`, `financing_ready: true`, `legal_complexity: high`), or a nested
// `all:`, `any:`, `not:` or `cel:`.
type RuleSpec struct {
	Name string `mapstructure:"name"`
	// Target is an agent ID or a group name from the roster.
	Target string `mapstructure:"target"`
	// Precedence orders the rules: the highest matching one wins. Each must be distinct.
	Precedence int `mapstructure:"precedence"`
	// From restricts the rule to these source agents (IDs or groups); empty means any.
	From []string `mapstructure:"from"`
	// Urgent marks the human-safety family: such handoffs do not wait for a breakpoint.
	Urgent bool `mapstructure:"urgent"`
	// RequiresConfirmation makes a person confirm before the handoff runs.
	RequiresConfirmation bool `mapstructure:"requires_confirmation"`
	// Action is handoff (the default) or consult: experts advise the primary agent, which
	// keeps the customer (Consult says how; decision/consult.go).
	Action   string           `mapstructure:"action"`
	Consult  ConsultSpec      `mapstructure:"consult"`
	All      []map[string]any `mapstructure:"all"`
	Any      []map[string]any `mapstructure:"any"`
	CEL      string           `mapstructure:"cel"`
	Protocol ProtocolSpec     `mapstructure:"protocol"`
	Unknown  map[string]any   `mapstructure:",remain"`
	// Approval makes k of n people approve before the handoff proceeds (decision/approval.go).
	Approval *ApprovalSpec `mapstructure:"approval"`
}

// ProtocolSpec is how the handoff a rule starts is carried out (the seed's handoff_protocol).
type ProtocolSpec struct {
	// Scenario names the handoff in search attributes and briefs; the rule name when empty.
	Scenario           string `mapstructure:"scenario"`
	IntroductionScript string `mapstructure:"introduction_script"`
	FirstResponse      string `mapstructure:"first_response"`
	PreparationTime    string `mapstructure:"preparation_time"`
	CustomerMessage    string `mapstructure:"customer_message"`
	OfferTimeout       string `mapstructure:"offer_timeout"`
	// Skills the receiving person should have; candidates with more of them rank first.
	Skills []string `mapstructure:"skills"`
	// ParallelOffers offers to up to this many people at once; the first accept wins.
	ParallelOffers int `mapstructure:"parallel_offers"`
	// Priority is the handoff's base priority in a queue (-100 to 100); the conversation adds
	// to it (queues[].priority).
	Priority int            `mapstructure:"priority"`
	Unknown  map[string]any `mapstructure:",remain"`
}

// HandoffSpec is one league path from a source agent to a target, as in the seed's
// CROSS_AGENT_HANDOFFS: it matches when one of its keywords occurs as a whole word,
// case-insensitively, in the latest customer message or in the source agent's result.
type HandoffSpec struct {
	// Name identifies the path in decisions; "<from>:<to>" when empty.
	Name     string   `mapstructure:"name"`
	From     string   `mapstructure:"from"`
	To       string   `mapstructure:"to"`
	Keywords []string `mapstructure:"keywords"`
	// Message is said to the customer (or the person confirming) when the path is proposed.
	Message string `mapstructure:"message"`
	// AutoTrigger false (the default, as the seed advises) means a person confirms first.
	AutoTrigger bool `mapstructure:"auto_trigger"`
	// Confidence is 0 to 100; the highest-confidence match wins.
	Confidence float64        `mapstructure:"confidence"`
	Protocol   ProtocolSpec   `mapstructure:"protocol"`
	Unknown    map[string]any `mapstructure:",remain"`
}

// RecommendSpec configures the league's "intelligent" recommendations: when no explicit path
// matched, every other agent's capabilities are scored against the customer's message.
// Recommendations always require confirmation.
type RecommendSpec struct {
	Enabled bool `mapstructure:"enabled"`
	// MinConfidence (0 to 100) a recommendation must exceed; DefaultMinConfidence when 0.
	MinConfidence float64 `mapstructure:"min_confidence"`
	// Message proposes the recommended agent; "{agent}" is replaced by its name.
	Message string         `mapstructure:"message"`
	Unknown map[string]any `mapstructure:",remain"`
}

// AnalyzerSpec tunes the built-in analyzer.
type AnalyzerSpec struct {
	// DistressThreshold above which emotional_distress is true; DefaultDistressThreshold when 0.
	DistressThreshold float64 `mapstructure:"distress_threshold"`
	// FrustrationThreshold above which frustrated is true; DefaultFrustrationThreshold when 0.
	FrustrationThreshold float64        `mapstructure:"frustration_threshold"`
	Unknown              map[string]any `mapstructure:",remain"`
}

// DecoderSpec points at an optional external analyzer, one of two kinds: an intent decoder
// (url: POST the Input JSON, answered by {"signals": {...}}), or a language model behind any
// OpenAI-compatible chat completions API (model:). The caller runs it; when it fails or its
// breaker is open the built-in analyzer answers alone.
type DecoderSpec struct {
	URL string `mapstructure:"url"`
	// Timeout bounds one call ("2s" when empty; "8s" for a model).
	Timeout string         `mapstructure:"timeout"`
	Model   ModelSpec      `mapstructure:"model"`
	Unknown map[string]any `mapstructure:",remain"`
}

// ModelSpec is a language model reading the conversation for the four triggers, through an
// OpenAI-compatible /chat/completions endpoint (OpenAI, vLLM, llama.cpp, Ollama...), with
// structured output. The API key comes from the environment variable APIKeyEnv or the file
// APIKeyFile, never from this file; a local server may need none.
type ModelSpec struct {
	// BaseURL is the API base up to and including /v1, e.g. https://api.openai.com/v1 or
	// http://127.0.0.1:11434/v1.
	BaseURL string `mapstructure:"base_url"`
	// Name is the model, e.g. gpt-4o-mini or llama3.1:8b.
	Name string `mapstructure:"name"`
	// APIKeyEnv names the variable holding the key (DefaultModelKeyEnv when empty).
	APIKeyEnv string `mapstructure:"api_key_env"`
	// APIKeyFile is a file holding the key, read when the variable is empty.
	APIKeyFile string `mapstructure:"api_key_file"`
	// Recommend lets the model pick a roster agent when no league path matches (league only;
	// always with a person's confirmation).
	Recommend bool           `mapstructure:"recommend"`
	Unknown   map[string]any `mapstructure:",remain"`
}

// DefaultModelKeyEnv is the variable the model's API key is read from unless api_key_env says.
const DefaultModelKeyEnv = "HANDOFF_MODEL_API_KEY"

// Enabled reports whether a model is configured.
func (m ModelSpec) Enabled() bool { return m.BaseURL != "" }

// Defaults for fields left empty.
const (
	DefaultMinConfidence     = 40.0
	DefaultDistressThreshold = 0.7
	// DefaultFrustrationThreshold: one clear complaint ("I'm furious", "worst service"), a
	// question asked again, or shouting in capitals or "!!!" (as the labelled set counts them)
	// passes it; "??" or one stressed word alone do not.
	DefaultFrustrationThreshold = 0.7
	DefaultDecoderTimeout       = 2 * time.Second
	// MinDecoderTimeout and MaxDecoderTimeout bound routing.decoder.timeout: the analysis
	// waits on the decoder, and the built-in analyzer answers after it anyway.
	MinDecoderTimeout = 100 * time.Millisecond
	MaxDecoderTimeout = 2 * time.Minute
	// DefaultModelTimeout: a small model answers in one to three seconds; the activity that
	// calls it has 15.
	DefaultModelTimeout      = 8 * time.Second
	maxModelTimeout          = 12 * time.Second
	DefaultRecommendMessage  = "It looks like {agent} can help with this next. Shall I bring them in?"
	defaultRecommendScenario = "intelligent_recommendation"
	recommendationRuleName   = "recommendation"
)

// Enabled reports whether a decoder (of either kind) is configured.
func (d DecoderSpec) Enabled() bool { return d.URL != "" || d.Model.Enabled() }

// TimeoutDuration is the configured timeout, or the default of the decoder's kind.
func (d DecoderSpec) TimeoutDuration() time.Duration {
	if t, err := time.ParseDuration(d.Timeout); err == nil && t > 0 {
		return t
	}
	if d.Model.Enabled() {
		return DefaultModelTimeout
	}
	return DefaultDecoderTimeout
}

func (d DecoderSpec) validate(system string) error {
	if err := unknownKeys("decoder", d.Unknown); err != nil {
		return err
	}
	if _, ok := d.Model.Unknown["api_key"]; ok {
		return fmt.Errorf("decoder.model.api_key: the key must not be written in the config file: set $%s (or the variable api_key_env names), or api_key_file", DefaultModelKeyEnv)
	}
	if err := unknownKeys("decoder.model", d.Model.Unknown); err != nil {
		return err
	}
	m := d.Model
	switch {
	case d.URL != "" && m.Enabled():
		return fmt.Errorf("decoder: url and model are two kinds of decoder; configure one")
	case !d.Enabled():
		if d.Timeout != "" || m.Name != "" || m.APIKeyEnv != "" || m.APIKeyFile != "" || m.Recommend {
			return fmt.Errorf("decoder: timeout or model settings given without url or model.base_url")
		}
		return nil
	}
	for key, raw := range map[string]string{"url": d.URL, "model.base_url": m.BaseURL} {
		if raw == "" {
			continue
		}
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("decoder: %s %q is not an http(s) URL", key, raw)
		}
	}
	if d.Timeout != "" {
		t, problem := handoff.CheckDuration(d.Timeout, MinDecoderTimeout, MaxDecoderTimeout)
		if problem != "" {
			return fmt.Errorf("decoder.timeout: %s", problem)
		}
		if m.Enabled() && t > maxModelTimeout {
			return fmt.Errorf("decoder: timeout %q is over %v: the activity that asks the model has 15s in all", d.Timeout, maxModelTimeout)
		}
	}
	if !m.Enabled() {
		return nil
	}
	switch {
	case strings.TrimSpace(m.Name) == "":
		return fmt.Errorf("decoder.model.name is required (the model to ask, e.g. gpt-4o-mini)")
	case m.APIKeyEnv != "" && !envVarName.MatchString(m.APIKeyEnv):
		return fmt.Errorf("decoder.model.api_key_env: %q is not an environment variable name", m.APIKeyEnv)
	case m.Recommend && system != SystemLeague:
		return fmt.Errorf("decoder.model.recommend: recommendations belong to system %q", SystemLeague)
	}
	return nil
}

var envVarName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
