package decision

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/handoffhq/orchestrator/handoff"
)

// hash is the rules version: the SHA-256 of a canonical form, so reordering the file,
// respacing a CEL expression or writing 2000K for 2M leaves it unchanged.
func (e *Engine) hash() string {
	type canonRule struct {
		Name       string           `json:"name"`
		Target     string           `json:"target"`
		Precedence int              `json:"precedence"`
		From       []string         `json:"from,omitempty"`
		When       string           `json:"when"`
		Urgent     bool             `json:"urgent"`
		Confirm    bool             `json:"confirm"`
		Protocol   handoff.Protocol `json:"protocol"`
		// Consult is left out of handoff rules, so rule sets without one keep their version.
		Consult *handoff.ConsultSpec `json:"consult,omitempty"`
		// Approval is left out when a rule has none, so rule sets without one keep their
		// version.
		Approval *handoff.ApprovalSpec `json:"approval,omitempty"`
	}
	c := struct {
		System    string                      `json:"system"`
		Signals   map[string]string           `json:"signals"`
		Rules     []canonRule                 `json:"rules,omitempty"`
		Handoffs  map[string][]*leagueHandoff `json:"handoffs,omitempty"`
		Recommend *recommender                `json:"recommend,omitempty"`
		Distress  float64                     `json:"distress_threshold"`
		// Frustration is left out at its default, so rule sets that never set it keep their
		// version.
		Frustration float64 `json:"frustration_threshold,omitempty"`
	}{System: e.system, Signals: map[string]string{}, Handoffs: e.handoffs, Recommend: e.recommend, Distress: e.distressThreshold}
	if e.frustrationThreshold != DefaultFrustrationThreshold {
		c.Frustration = e.frustrationThreshold
	}
	for n, t := range e.types {
		c.Signals[n] = t.String()
	}
	for _, r := range e.rules {
		c.Rules = append(c.Rules, canonRule{r.name, r.target, r.precedence, r.fromText, r.canon, r.urgent, r.confirm, r.protocol, r.consult, r.approval})
	}
	b, err := json.Marshal(c)
	if err != nil {
		// Every field is a plain value; this cannot fail, but a version must never be empty.
		b = []byte(fmt.Sprintf("%#v", c))
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])[:12]
}
