package activities

import (
	"context"
	"fmt"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
)

// The steps in this file are pure and fast (microseconds, no I/O): the workflow runs them as
// local activities, which record only their result in history and skip the round trip
// through the task queue. Their results, the rules version included, are what replay uses,
// so a config change never alters a handoff already running.

// AnalysisResult is the trigger analysis of a conversation.
type AnalysisResult struct {
	Analysis decision.Analysis `json:"analysis"`
	// UseDecoder says an external intent decoder is configured: the workflow asks it next,
	// in a regular activity, and keeps this built-in analysis if that fails.
	UseDecoder bool `json:"use_decoder,omitempty"`
}

// AnalyzeTrigger derives the signals the bot did not send from the conversation.
func (a *Activities) AnalyzeTrigger(_ context.Context, in handoff.Input) (AnalysisResult, error) {
	return AnalysisResult{Analysis: a.cfg.Engine.Analyze(&in), UseDecoder: a.decoder != nil}, nil
}

// DecodeIntent asks the external intent decoder (I/O, so a regular activity) and merges its
// signals with the built-in analysis. When the decoder fails or its breaker is open, the
// built-in analyzer answers and the analysis says so: it never fails the handoff.
func (a *Activities) DecodeIntent(ctx context.Context, in handoff.Input) (AnalysisResult, error) {
	if a.decoder == nil {
		return AnalysisResult{Analysis: a.cfg.Engine.Analyze(&in)}, nil
	}
	decoded, err := a.decoder.Decode(ctx, &in)
	if err != nil {
		a.logger.Warn("intent decoder failed; using the built-in analyzer", "error", err.Error())
	}
	return AnalysisResult{Analysis: a.cfg.Engine.AnalyzeWith(&in, decoded, err)}, nil
}

// SelectInput is what target selection reads.
type SelectInput struct {
	Input    handoff.Input     `json:"input"`
	Analysis decision.Analysis `json:"analysis"`
}

// Target is one concrete agent the workflow may try, in order.
type Target struct {
	Agent string            `json:"agent"`
	Kind  handoff.AgentKind `json:"kind"`
	// Via is the rule, group or fallback that put the agent in the plan.
	Via string `json:"via"`
}

// Selection is the routing decision and the concrete agents to try in order: the decision's
// candidates with groups expanded to their members, then the fallback agent, never the source.
type Selection struct {
	Decision handoff.Decision `json:"decision"`
	Plan     []Target         `json:"plan"`
}

// SelectTarget applies the routing rules and plans the targets to try.
func (a *Activities) SelectTarget(_ context.Context, in SelectInput) (Selection, error) {
	d := a.cfg.Engine.Route(&in.Input, in.Analysis)
	d.Settings = a.cfg.Settings()
	d.FallbackAgent = a.cfg.Handoff.FallbackAgent
	if !d.Handoff {
		return Selection{Decision: d}, nil
	}
	var plan []Target
	seen := map[string]bool{in.Input.SourceAgent: true}
	add := func(id, via string) {
		for _, ag := range a.expand(id) {
			if seen[ag.ID] {
				continue
			}
			seen[ag.ID] = true
			plan = append(plan, Target{Agent: ag.ID, Kind: ag.Kind, Via: via})
		}
	}
	for _, c := range d.Candidates {
		add(c.Agent, "rule "+c.Rule)
	}
	if len(d.Candidates) == 0 {
		add(d.Target, "rule "+d.Rule)
	}
	if d.FallbackAgent != "" {
		add(d.FallbackAgent, "fallback")
	}
	return Selection{Decision: d, Plan: plan}, nil
}

// expand turns an agent ID or a group name into roster agents, in roster order.
func (a *Activities) expand(id string) []handoff.Agent {
	if ag, ok := a.cfg.Agent(id); ok {
		return []handoff.Agent{ag}
	}
	var members []handoff.Agent
	for _, ag := range a.cfg.Agents {
		for _, g := range ag.Groups {
			if g == id {
				members = append(members, ag)
			}
		}
	}
	return members
}

// PackageInput is what context packaging reads.
type PackageInput struct {
	Input    handoff.Input    `json:"input"`
	Decision handoff.Decision `json:"decision"`
	Target   string           `json:"target"`
}

// PackageContext builds the context package and the brief for one target.
func (a *Activities) PackageContext(_ context.Context, in PackageInput) (handoff.Package, error) {
	if _, ok := a.cfg.Agent(in.Target); !ok {
		return handoff.Package{}, fmt.Errorf("target %q is not in the roster", in.Target)
	}
	return handoff.BuildPackage(&in.Input, &in.Decision, in.Target), nil
}
