package activities

import (
	"strings"

	"github.com/handoffhq/orchestrator/handoff"
)

// collabSelection decides a handback or a warm transfer: the person named the target, so the
// rules do not choose, no team decision or confirmation applies, and the plan is that target
// alone: no escalation and no fallback, because the person who asked keeps the customer when
// the target cannot take them (refused, timed out, unreachable).
func (a *Activities) collabSelection(in *handoff.Input, d handoff.Decision) Selection {
	target, rule := "", ""
	var reasons []handoff.Reason
	switch {
	case in.Handback != nil:
		target, rule = in.Handback.To, "handback"
		s := in.Handback.Summary
		if len(s.Promised) > 0 {
			reasons = append(reasons, handoff.Reason{Rule: rule, Condition: "promised", Matched: true, Text: "promised: " + strings.Join(s.Promised, "; ")})
		}
		if len(s.Changed) > 0 {
			reasons = append(reasons, handoff.Reason{Rule: rule, Condition: "changed", Matched: true, Text: "changed: " + strings.Join(s.Changed, "; ")})
		}
		if s.Notes != "" {
			reasons = append(reasons, handoff.Reason{Rule: rule, Condition: "notes", Matched: true, Text: s.Notes})
		}
		d.Message, d.Protocol.CustomerMessage = "Thanks for your time today. I'm handing you back to our virtual agent, who has everything we discussed.", ""
		d.Protocol.IntroductionScript = "continue_after_person"
	case in.WarmTransfer != nil:
		target, rule = in.WarmTransfer.To, "warm_transfer"
		text := "warm transfer from " + in.SourceAgent
		if in.WarmTransfer.Brief != "" {
			text += ": " + in.WarmTransfer.Brief
		}
		reasons = append(reasons, handoff.Reason{Rule: rule, Condition: "brief", Matched: true, Text: text})
		d.Message, d.Protocol.CustomerMessage = "I'm bringing in a colleague who can help with this; I'll stay with you until they join.", ""
	}
	d.Handoff, d.Target, d.Rule, d.Scenario, d.Urgent = true, target, rule, rule, true
	d.RequiresConfirmation, d.Approval, d.Experiment = false, nil, nil
	d.Protocol.Scenario = rule
	d.Candidates = []handoff.Candidate{{Agent: target, Rule: rule}}
	d.Reasons = reasons
	d.Settings = a.cfg.Settings()
	src, _ := a.cfg.Agent(in.SourceAgent)
	sel := Selection{Decision: d, SourceIsPerson: src.Kind.IsPerson(), Templates: map[string]handoff.Template{},
		Limits: a.cfg.PackageLimits(), UseCRM: a.cfg.CRM.Enabled()}
	if ag, ok := a.cfg.Agent(target); ok && target != in.SourceAgent {
		sel.Plan = []Step{{Agents: []string{target}, Via: rule, People: ag.Kind.IsPerson()}}
		sel.Templates[target] = a.cfg.TemplateFor(target)
	}
	return sel
}
