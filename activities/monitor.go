package activities

import (
	"context"
	"errors"
	"fmt"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/temporal"
)

// MonitorResult is what the monitoring rules made of the window's view.
type MonitorResult struct {
	Matches []handoff.MonitorMatch `json:"matches,omitempty"`
	Cues    decision.Cues          `json:"cues"`
}

// EvaluateMonitoring evaluates the monitoring rules the handoff captured on what its window
// saw. It is pure (a local activity): its result is recorded, so a later release's lexicon
// or classifier never changes what a handoff in flight saw when it replays.
func (a *Activities) EvaluateMonitoring(_ context.Context, in handoff.MonitorInput) (MonitorResult, error) {
	rules, err := a.monitorRules(in.Spec)
	if err != nil {
		return MonitorResult{}, temporal.NewNonRetryableApplicationError("monitoring rules: "+err.Error(), "InvalidInput", nil)
	}
	var cues decision.Cues
	if a.cfg.Engine != nil {
		cues = a.cfg.Engine.ScanCues(in.View.Texts, in.View.PreviousAgent)
	}
	return MonitorResult{Matches: rules.Evaluate(in.View, cues, in.Fired), Cues: cues}, nil
}

// monitorRules compiles a captured rule set once per version. The roster is not checked
// again: the rules were checked against it when the config loaded, and a handoff captured
// under an older roster must still evaluate its rules.
func (a *Activities) monitorRules(spec handoff.MonitorSpec) (*decision.MonitorRules, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if r, ok := a.monitors[spec.Version]; ok {
		return r, nil
	}
	r, err := decision.CompileMonitor("rules", spec.Rules, nil)
	if err != nil {
		return nil, err
	}
	if a.monitors == nil {
		a.monitors = map[string]*decision.MonitorRules{}
	}
	a.monitors[spec.Version] = r
	return r, nil
}

// AlertInput asks for a supervisor (an agent or a group of them) to be told what monitoring saw.
type AlertInput struct {
	Target   string           `json:"target"`
	Delivery handoff.Delivery `json:"delivery"`
}

// Alert notifies every agent the target names of a monitoring finding. It succeeds when one
// of them was told; each delivery carries its own idempotency key.
func (a *Activities) Alert(ctx context.Context, in AlertInput) ([]string, error) {
	var told []string
	var errs []error
	for _, ag := range a.expand(in.Target) {
		d := in.Delivery
		if err := a.deliver(ctx, DeliveryInput{Agent: ag.ID, Delivery: d}, true); err != nil {
			errs = append(errs, err)
			continue
		}
		told = append(told, ag.ID)
	}
	if len(told) == 0 {
		if len(errs) == 0 {
			return nil, temporal.NewNonRetryableApplicationError(fmt.Sprintf("%q names no agent of the roster", in.Target), ErrUnknownAgent, nil)
		}
		return nil, errors.Join(errs...)
	}
	return told, nil
}

// reescalate turns a decision into the one a monitoring rule asked for: its target, the rule
// and the findings as its reasons, urgent (the customer is waiting on a problem already seen),
// and the rule's script as what the customer is told.
func reescalate(d *handoff.Decision, r *handoff.Reescalation) {
	d.Handoff, d.Target, d.Rule, d.Urgent, d.RequiresConfirmation = true, r.Target, "monitoring:"+r.Rule, true, false
	d.Candidates = nil
	d.Reasons = nil
	for _, f := range r.Findings {
		d.Reasons = append(d.Reasons, handoff.Reason{Rule: "monitoring:" + f.Rule, Condition: string(f.Action), Matched: true, Text: f.Reason})
	}
	if r.Script != "" {
		d.Message, d.Protocol.CustomerMessage = r.Script, r.Script
	}
}

// ReescalatedDecision is reescalate for callers outside this package (the workflow tests'
// stand-in selection): the one way a monitoring rule's handoff is decided.
func ReescalatedDecision(d handoff.Decision, r *handoff.Reescalation) handoff.Decision {
	reescalate(&d, r)
	return d
}

// CheckIn asks an agent to check in with a customer (a follow-up is due). Unlike a callback
// reminder, an agent with nowhere to deliver it is an error: the follow-up then says it failed.
func (a *Activities) CheckIn(ctx context.Context, in DeliveryInput) error {
	return a.deliver(ctx, in, a.isPerson(in.Agent))
}

// AskCSAT asks the owner to put the satisfaction question to the customer.
func (a *Activities) AskCSAT(ctx context.Context, in DeliveryInput) error {
	return a.deliver(ctx, in, a.isPerson(in.Agent))
}
