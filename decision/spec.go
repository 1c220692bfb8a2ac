package decision

import (
	"fmt"
	"net/url"
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
	RequiresConfirmation bool             `mapstructure:"requires_confirmation"`
	All                  []map[string]any `mapstructure:"all"`
	Any                  []map[string]any `mapstructure:"any"`
	CEL                  string           `mapstructure:"cel"`
	Protocol             ProtocolSpec     `mapstructure:"protocol"`
	Unknown              map[string]any   `mapstructure:",remain"`
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
	ParallelOffers int            `mapstructure:"parallel_offers"`
	Unknown        map[string]any `mapstructure:",remain"`
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

// DecoderSpec points at an optional external intent decoder (POST {url} with the Input JSON,
// answering {"signals": {...}}). The caller runs it; when it fails the built-in analyzer
// answers alone.
type DecoderSpec struct {
	URL string `mapstructure:"url"`
	// Timeout bounds one call ("2s" when empty).
	Timeout string         `mapstructure:"timeout"`
	Unknown map[string]any `mapstructure:",remain"`
}

// Defaults for fields left empty.
const (
	DefaultMinConfidence     = 40.0
	DefaultDistressThreshold = 0.7
	// DefaultFrustrationThreshold: one clear complaint ("I'm furious", "worst service") or a
	// question asked again passes it; capitals or "!!!" alone do not.
	DefaultFrustrationThreshold = 0.7
	DefaultDecoderTimeout       = 2 * time.Second
	// MinDecoderTimeout and MaxDecoderTimeout bound routing.decoder.timeout: the analysis
	// waits on the decoder, and the built-in analyzer answers after it anyway.
	MinDecoderTimeout        = 100 * time.Millisecond
	MaxDecoderTimeout        = 2 * time.Minute
	DefaultRecommendMessage  = "It looks like {agent} can help with this next. Shall I bring them in?"
	defaultRecommendScenario = "intelligent_recommendation"
	recommendationRuleName   = "recommendation"
)

// Enabled reports whether a decoder is configured.
func (d DecoderSpec) Enabled() bool { return d.URL != "" }

// TimeoutDuration is the configured timeout, or DefaultDecoderTimeout.
func (d DecoderSpec) TimeoutDuration() time.Duration {
	if t, err := time.ParseDuration(d.Timeout); err == nil && t > 0 {
		return t
	}
	return DefaultDecoderTimeout
}

func (d DecoderSpec) validate() error {
	if err := unknownKeys("decoder", d.Unknown); err != nil {
		return err
	}
	if d.URL == "" {
		if d.Timeout != "" {
			return fmt.Errorf("decoder: timeout given without url")
		}
		return nil
	}
	u, err := url.Parse(d.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("decoder: url %q is not an http(s) URL", d.URL)
	}
	if d.Timeout != "" {
		if _, problem := handoff.CheckDuration(d.Timeout, MinDecoderTimeout, MaxDecoderTimeout); problem != "" {
			return fmt.Errorf("decoder.timeout: %s", problem)
		}
	}
	return nil
}
