package handoff

import (
	"fmt"
	"strings"
)

// PackageVersion is the version of the Package schema; receivers check it.
const PackageVersion = 1

// Package is the context a receiving agent gets: everything the customer already said and
// the state around it, so the customer never has to repeat themselves.
type Package struct {
	Version             int                 `json:"version"`
	ConversationID      string              `json:"conversation_id"`
	Source              string              `json:"source"`
	Target              string              `json:"target"`
	Scenario            string              `json:"scenario,omitempty"`
	Customer            Customer            `json:"customer"`
	Transcript          []Message           `json:"transcript"`
	ConversationState   ConversationState   `json:"conversation_state"`
	RelationshipContext RelationshipContext `json:"relationship_context"`
	BusinessContext     BusinessContext     `json:"business_context"`
	Signals             map[string]any      `json:"signals,omitempty"`
	Reasons             []Reason            `json:"reasons,omitempty"`
	IntroductionScript  string              `json:"introduction_script,omitempty"`
	FirstResponse       string              `json:"first_response,omitempty"`
	Brief               string              `json:"brief"`
}

// BuildPackage packages a conversation for one target. Tool and system chatter stays out of
// the transcript: receivers complain most about histories polluted by it.
func BuildPackage(in *Input, d *Decision, target string) Package {
	p := Package{
		Version:             PackageVersion,
		ConversationID:      in.ConversationID,
		Source:              in.SourceAgent,
		Target:              target,
		Scenario:            d.Scenario,
		Customer:            in.Customer,
		ConversationState:   in.ConversationState,
		RelationshipContext: in.RelationshipContext,
		BusinessContext:     in.BusinessContext,
		Signals:             d.Signals,
		Reasons:             d.Reasons,
		IntroductionScript:  d.Protocol.IntroductionScript,
		FirstResponse:       d.Protocol.FirstResponse,
	}
	for _, m := range in.Messages {
		if m.Role == "customer" || m.Role == "agent" {
			p.Transcript = append(p.Transcript, m)
		}
	}
	p.Brief = Brief(&p, d)
	return p
}

// Brief renders a few lines an agent reads in five seconds. It names no customer details
// beyond what the receiving agent needs to greet them.
func Brief(p *Package, d *Decision) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s -> %s", p.Source, p.Target)
	if d.Scenario != "" {
		fmt.Fprintf(&b, " (%s)", d.Scenario)
	}
	if d.Rule != "" {
		fmt.Fprintf(&b, ", rule %s", d.Rule)
	}
	b.WriteString(".")
	var why []string
	for _, r := range d.Reasons {
		if r.Matched && r.Text != "" {
			why = append(why, r.Text)
		}
	}
	if len(why) > 0 {
		fmt.Fprintf(&b, " Why: %s.", strings.Join(why, "; "))
	}
	if s := p.RelationshipContext.EmotionalState; s != "" {
		fmt.Fprintf(&b, " Customer feels: %s.", s)
	}
	if v := p.BusinessContext.OpportunityValue; v > 0 {
		fmt.Fprintf(&b, " Opportunity: $%.0f.", v)
	}
	if t := p.BusinessContext.TimelinePressure; t != "" {
		fmt.Fprintf(&b, " Timeline: %s.", t)
	}
	for i := len(p.Transcript) - 1; i >= 0; i-- {
		if p.Transcript[i].Role == "customer" {
			fmt.Fprintf(&b, " Last said: %q", truncate(p.Transcript[i].Text, 160))
			break
		}
	}
	if d.Protocol.FirstResponse != "" {
		fmt.Fprintf(&b, " Open with: %s.", d.Protocol.FirstResponse)
	}
	return b.String()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
