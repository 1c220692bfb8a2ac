// Package decision answers, for one conversation, whether to hand off, to whom, why, and
// whether a person must confirm first. It is pure: no I/O and no Temporal imports, so the
// workflow can run it (or record its answer) deterministically and it can be benchmarked alone.
//
// A Spec (the config's `routing:` section) is compiled once by Compile into an Engine; the
// Engine then analyses a conversation (Analyze) and routes it (Route), or both (Decide).
package decision

import (
	"github.com/handoffhq/orchestrator/handoff"
)

// Analyzer names recorded in Analysis.Analyzer and Decision.Analyzer.
const (
	// AnalyzerBot: every signal the rules read came from the bot.
	AnalyzerBot = "bot"
	// AnalyzerBuiltin: the built-in analyzer derived some signals from the messages.
	AnalyzerBuiltin = "builtin"
	// AnalyzerDecoder: the external intent decoder supplied signals.
	AnalyzerDecoder = "decoder"
	// AnalyzerModel: a language model supplied signals (see DecoderSpec.Model).
	AnalyzerModel = "model"
)

// Analysis is what trigger analysis found: the signals the rules read (the bot's, plus any
// decoded or derived from the messages) and which analyzer derived them.
type Analysis struct {
	Signals  map[string]any `json:"signals"`
	Analyzer string         `json:"analyzer"`
	// Urgent is set when the customer is in emotional distress, frustrated, or asks for a
	// person: whatever the rules decide, the caller should not keep them waiting for a
	// breakpoint.
	Urgent bool `json:"urgent"`
	// Derived says, for each signal the bot did not send, where it came from, quoting the
	// customer's trigger words ("derived from messages: distress 0.85 > 0.7: job loss "lost
	// my job"", "from the intent decoder").
	Derived map[string]string `json:"derived,omitempty"`
	// DecoderError is why the external decoder could not answer, when it was asked.
	DecoderError string `json:"decoder_error,omitempty"`
	// Recommendation is a model's choice of a roster agent for the conversation. The league
	// takes it when no keyword path matches, always with a person's confirmation; an agent
	// not in the roster is ignored and the reasons say so.
	Recommendation *Recommendation `json:"recommendation,omitempty"`
}

// Recommendation is an analyzer's suggested target.
type Recommendation struct {
	Agent      string  `json:"agent"`
	Confidence float64 `json:"confidence"` // 0 to 100
	Reason     string  `json:"reason,omitempty"`
	// By names who recommended it ("model gpt-4o-mini").
	By string `json:"by"`
}

// Engine is a compiled rule set. It is immutable and safe for concurrent use.
type Engine struct {
	system   string
	types    map[string]sigType
	rules    []*rule // highest precedence first
	handoffs map[string][]*leagueHandoff
	// recommend scores capabilities; nil when recommendations are off.
	recommend            *recommender
	distressThreshold    float64
	frustrationThreshold float64
	decoder              DecoderSpec
	version              string
	// agents are the roster's IDs and names: a recommendation from a model must name one.
	agents map[string]string
	// triggers is the built-in analyzer's classifier (the embedded one); nil reads with the
	// lexicon alone.
	triggers *TriggerModel
}

// Version is a hash of the canonical rule set (12 hex digits of its SHA-256); every Decision
// carries it as rules_version, so a history shows which rules decided it.
func (e *Engine) Version() string {
	if e == nil {
		return ""
	}
	return e.version
}

// System is the routing system the engine runs (SystemRealEstate or SystemLeague).
func (e *Engine) System() string {
	if e == nil {
		return ""
	}
	return e.system
}

// Decoder is the external intent decoder's configuration (empty URL when there is none).
func (e *Engine) Decoder() DecoderSpec {
	if e == nil {
		return DecoderSpec{}
	}
	return e.decoder
}

// Decide is Analyze then Route.
func (e *Engine) Decide(in *handoff.Input) handoff.Decision { return e.Route(in, e.Analyze(in)) }
