// Package decision answers, for one conversation, whether to hand off, to whom, why, and
// whether a person must confirm first. It is pure: no I/O and no Temporal imports.
package decision

// PLACEHOLDER: replaced by the real engine. Only the exported surface below is relied upon.

import "github.com/handoffhq/orchestrator/handoff"

// Spec is the routing section of the config file (`routing:`).
type Spec struct {
	System string `mapstructure:"system"`
}

// Analysis is what trigger analysis found: the signals the rules read (the bot's, plus any
// derived from the messages) and which analyzer derived them.
type Analysis struct {
	Signals  map[string]any `json:"signals"`
	Analyzer string         `json:"analyzer"`
	Urgent   bool           `json:"urgent"`
}

// Engine is a compiled rule set.
type Engine struct{ version string }

// Compile validates and compiles a rule set against the roster.
func Compile(spec Spec, agents []handoff.Agent) (*Engine, error) { return &Engine{version: "dev"}, nil }

// Version is a hash of the rule set.
func (e *Engine) Version() string { return e.version }

// Analyze derives missing signals from the messages.
func (e *Engine) Analyze(in *handoff.Input) Analysis {
	return Analysis{Signals: in.Signals, Analyzer: "builtin"}
}

// Route applies the rules to the analysed signals.
func (e *Engine) Route(in *handoff.Input, a Analysis) handoff.Decision {
	return handoff.Decision{Analyzer: a.Analyzer, RulesVersion: e.version, Signals: a.Signals}
}

// Decide is Analyze then Route.
func (e *Engine) Decide(in *handoff.Input) handoff.Decision { return e.Route(in, e.Analyze(in)) }
