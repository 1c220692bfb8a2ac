package activities

import (
	"context"
	"fmt"
	"go.temporal.io/sdk/temporal"
	"slices"
	"strings"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/experiments"
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
	return AnalysisResult{Analysis: a.cfg.Engine.Analyze(&in), UseDecoder: a.decoder != nil || a.model != nil}, nil
}

// DecodeIntent asks the external decoder or the language model (I/O, so a regular activity)
// and merges its signals with the built-in analysis. When it fails or its breaker is open, the
// built-in analyzer answers and the analysis says so: it never fails the handoff.
func (a *Activities) DecodeIntent(ctx context.Context, in handoff.Input) (AnalysisResult, error) {
	if a.model != nil {
		decoded, err := a.model.Analyze(ctx, &in)
		if err != nil {
			a.logger.Warn("model analysis failed; using the built-in analyzer", "error", err.Error())
		}
		return AnalysisResult{Analysis: a.cfg.Engine.AnalyzeDecoded(&in, decoded, err)}, nil
	}
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

// Step is one stage of the plan: one agent, or the members of a group, ranked against each
// other when the workflow reaches the step (their load changes meanwhile).
type Step struct {
	Agents []string `json:"agents"`
	// Via is why the step is in the plan: a rule, an escalation, the fallback.
	Via string `json:"via"`
	// People: some agent of the step answers offers itself (human or supervisor).
	People bool `json:"people,omitempty"`
	// Queue is set when the step is a group of people with a queue: the handoff waits in it
	// for one of them rather than trying them once. Captured here, like the rules.
	Queue *handoff.QueueSpec `json:"queue,omitempty"`
}

// Selection is the routing decision and the plan: the decision's candidates with groups
// expanded, then the escalation parents of the people among them, then the fallback agent.
// An agent appears in one step only, and never the source. SupervisorPlan replaces the plan
// when the ping-pong guard trips.
type Selection struct {
	Decision       handoff.Decision `json:"decision"`
	Plan           []Step           `json:"plan"`
	SupervisorPlan []Step           `json:"supervisor_plan,omitempty"`
	// SourceIsPerson: a person handing the conversation on frees their capacity once the
	// transfer is confirmed.
	SourceIsPerson bool `json:"source_is_person,omitempty"`
	// Templates (per planned agent) and Limits are captured here, with the rules, so a config
	// change never alters how a running handoff packages its context.
	Templates map[string]handoff.Template `json:"templates,omitempty"`
	Limits    handoff.Limits              `json:"limits"`
	// UseCRM says a CRM is configured: the workflow asks it before packaging.
	UseCRM bool `json:"use_crm,omitempty"`
	// Consultation is what a consult rule's consultation starts with, the roster's view of
	// its experts captured with the rules.
	Consultation *handoff.ConsultationInput `json:"consultation,omitempty"`
}

// SelectTarget applies the routing rules and plans the steps to try.
func (a *Activities) SelectTarget(ctx context.Context, in SelectInput) (Selection, error) {
	// A source this deployment does not know (a client started with another config) would
	// match no rule and look like "no handoff needed": say what is wrong instead.
	if _, ok := a.cfg.Agent(in.Input.SourceAgent); !ok {
		return Selection{}, temporal.NewNonRetryableApplicationError(fmt.Sprintf(
			"source agent %q is not in the roster of this deployment's config %s (rules %s): start handoffs from one of its agents",
			in.Input.SourceAgent, a.cfg.File, a.cfg.Engine.Version()), ErrUnknownAgent, nil)
	}
	d := a.cfg.Engine.Route(&in.Input, in.Analysis)
	if in.Input.Handback != nil || in.Input.WarmTransfer != nil {
		return a.collabSelection(&in.Input, d), nil
	}
	if r := in.Input.Reescalation; r != nil {
		reescalate(&d, r)
	}
	d.Settings = a.cfg.Settings()
	d.FallbackAgent = a.cfg.Handoff.FallbackAgent
	if d.Consult != nil {
		ci := a.cfg.ConsultationInput(in.Input, *d.Consult)
		return Selection{Decision: d, Consultation: &ci}, nil
	}
	if !d.Handoff {
		return Selection{Decision: d}, nil
	}
	exp, variant := a.assignExperiment(ctx, &in.Input, &d)
	if d.Experiment.HeldOut() {
		// The source keeps the conversation: nothing to plan.
		return Selection{Decision: d}, nil
	}
	p := planner{a: a, seen: map[string]bool{in.Input.SourceAgent: true}}
	for _, c := range d.Candidates {
		p.add(c.Agent, "rule "+c.Rule)
	}
	if len(d.Candidates) == 0 {
		p.add(d.Target, "rule "+d.Rule)
	}
	// A queue's overflow comes right after it, before anyone's escalation parent (a
	// supervisor) and the fallback.
	for _, step := range append([]Step(nil), p.steps...) {
		if step.Queue != nil {
			if q, _ := a.cfg.QueueOf(step.Queue.Group); q.Overflow != "" {
				p.add(q.Overflow, "overflow from queue "+step.Queue.Group)
			}
		}
	}
	for _, step := range append([]Step(nil), p.steps...) {
		for _, parent := range a.escalationParents(step.Agents) {
			p.add(parent, "escalation from "+strings.Join(step.Agents, ", "))
		}
	}
	if d.FallbackAgent != "" {
		p.add(d.FallbackAgent, "fallback")
	}
	sup := planner{a: a, seen: map[string]bool{in.Input.SourceAgent: true}}
	for _, ag := range a.cfg.Agents {
		if ag.Kind == handoff.KindSupervisor {
			sup.add(ag.ID, "ping-pong guard")
		}
	}
	src, _ := a.cfg.Agent(in.Input.SourceAgent)
	sel := Selection{
		Decision: d, Plan: p.steps, SupervisorPlan: sup.merged("ping-pong guard"),
		SourceIsPerson: src.Kind.IsPerson(), Templates: map[string]handoff.Template{},
		Limits: a.cfg.PackageLimits(), UseCRM: a.cfg.CRM.Enabled(),
	}
	for _, step := range append(append([]Step(nil), sel.Plan...), sel.SupervisorPlan...) {
		for _, id := range step.Agents {
			sel.Templates[id] = a.cfg.TemplateFor(id)
		}
	}
	if exp != nil && exp.Varies == experiments.VariesContextTemplate && variant.Template != "" {
		if t, ok := a.templateNamed(variant.Template); ok {
			for id := range sel.Templates {
				sel.Templates[id] = t
			}
		}
	}
	return sel, nil
}

type planner struct {
	a     *Activities
	seen  map[string]bool
	steps []Step
}

func (p *planner) add(id, via string) {
	step := Step{Via: via}
	for _, ag := range p.a.expand(id) {
		if !p.seen[ag.ID] {
			p.seen[ag.ID] = true
			step.Agents = append(step.Agents, ag.ID)
			step.People = step.People || ag.Kind.IsPerson()
		}
	}
	if len(step.Agents) == 0 {
		return
	}
	if spec, ok := p.a.cfg.QueueSpec(id); ok && step.People {
		step.Queue = &spec
	}
	p.steps = append(p.steps, step)
}

// merged puts every planned agent into one step, to be ranked together.
func (p *planner) merged(via string) []Step {
	merged := Step{Via: via}
	for _, s := range p.steps {
		merged.Agents = append(merged.Agents, s.Agents...)
		merged.People = merged.People || s.People
	}
	if len(merged.Agents) == 0 {
		return nil
	}
	return []Step{merged}
}

// escalationParents are the distinct escalates_to of the agents, in roster order.
func (a *Activities) escalationParents(ids []string) []string {
	var parents []string
	seen := map[string]bool{}
	for _, id := range ids {
		ag, ok := a.cfg.Agent(id)
		if ok && ag.EscalatesTo != "" && !seen[ag.EscalatesTo] {
			seen[ag.EscalatesTo] = true
			parents = append(parents, ag.EscalatesTo)
		}
	}
	return parents
}

// expand turns an agent ID or a group name into roster agents, in roster order.
func (a *Activities) expand(id string) []handoff.Agent {
	if ag, ok := a.cfg.Agent(id); ok {
		return []handoff.Agent{ag}
	}
	var members []handoff.Agent
	for _, ag := range a.cfg.Agents {
		if slices.Contains(ag.Groups, id) {
			members = append(members, ag)
		}
	}
	return members
}

// PackageInput is what context packaging reads.
type PackageInput struct {
	Input    handoff.Input    `json:"input"`
	Decision handoff.Decision `json:"decision"`
	Target   string           `json:"target"`
	// Enrichment is the CRM lookup's result, if one ran: applied to empty fields only, and
	// recorded in the package (which fields came from the CRM, or why there was none).
	Enrichment *handoff.Enrichment `json:"enrichment,omitempty"`
	// Template and Limits as captured by SelectTarget; without them the config's apply.
	Template *handoff.Template `json:"template,omitempty"`
	Limits   handoff.Limits    `json:"limits"`
}

// PackageContext builds the context package and the brief for one target, following the
// target's template (by agent ID, group or kind) and the configured size limit.
func (a *Activities) PackageContext(_ context.Context, in PackageInput) (handoff.Package, error) {
	if _, ok := a.cfg.Agent(in.Target); !ok {
		return handoff.Package{}, fmt.Errorf("target %q is not in the roster", in.Target)
	}
	o := handoff.BuildOptions{Template: a.cfg.TemplateFor(in.Target), Limits: a.cfg.PackageLimits(), Enrichment: in.Enrichment}
	if in.Template != nil {
		o.Template, o.Limits = *in.Template, in.Limits
	}
	return handoff.Build(&in.Input, &in.Decision, in.Target, o), nil
}
