package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/decision"
)

func TestExampleConfigsLoad(t *testing.T) {
	for _, tc := range []struct{ file, system string }{
		{"examples/real-estate.yaml", decision.SystemRealEstate},
		{"examples/agent-league.yaml", decision.SystemLeague},
	} {
		t.Run(tc.file, func(t *testing.T) {
			c, err := config.LoadFile(tc.file, nil)
			if err != nil {
				t.Fatal(err)
			}
			if c.Engine == nil || c.Engine.System() != tc.system || len(c.Engine.Version()) != 12 {
				t.Fatalf("engine %+v", c.Engine)
			}
		})
	}
}

const roster = `agents:
  - {id: lead_bot, kind: bot}
  - {id: jorge_buyer_bot, kind: bot}
  - {id: branding-agent, kind: bot, capabilities: [branding]}
  - {id: social-bot-agent, kind: bot, capabilities: [social media]}
  - {id: maria, kind: human, groups: [human_agent]}
`

const signals = `  signals:
    intent_confidence: number
    intent_category: string
    property_value: number
    financing_ready: bool
`

// Each broken routing section fails at load with the file, "routing", the rule and the reason.
func TestInvalidRoutingFailsAtLoad(t *testing.T) {
	cases := []struct {
		name, routing string
		want          []string
	}{
		{"unknown signal", `  system: real_estate
` + signals + `  rules:
    - name: ready_buyer
      precedence: 1
      target: jorge_buyer_bot
      all:
        - finance_ready: true`, []string{`rule "ready_buyer"`, `unknown signal "finance_ready"`}},
		{"number threshold on a string signal", `  system: real_estate
` + signals + `  rules:
    - name: ready_buyer
      precedence: 1
      target: jorge_buyer_bot
      all:
        - intent_category: "> 0.9"`, []string{`rule "ready_buyer"`, "intent_category is a string signal"}},
		{"unparsable threshold", `  system: real_estate
` + signals + `  rules:
    - name: luxury
      precedence: 1
      target: jorge_buyer_bot
      all:
        - property_value: "> 1.5 million"`, []string{`rule "luxury"`, `threshold "> 1.5 million" is not a number`}},
		{"duplicate rule name", `  system: real_estate
` + signals + `  rules:
    - {name: twice, precedence: 2, target: jorge_buyer_bot, all: [{financing_ready: true}]}
    - {name: twice, precedence: 1, target: maria, all: [{intent_category: vip}]}`, []string{`rule "twice"`, "duplicate rule name"}},
		{"duplicate precedence", `  system: real_estate
` + signals + `  rules:
    - {name: one, precedence: 7, target: jorge_buyer_bot, all: [{financing_ready: true}]}
    - {name: two, precedence: 7, target: maria, all: [{intent_category: vip}]}`, []string{`rule "two"`, "duplicate precedence 7"}},
		{"unreachable rule", `  system: real_estate
` + signals + `  rules:
    - {name: everyone, precedence: 2, target: human_agent}
    - {name: buyers, precedence: 1, target: jorge_buyer_bot, all: [{financing_ready: true}]}`, []string{`rule "buyers"`, "unreachable", `rule "everyone"`}},
		{"unknown group", `  system: real_estate
` + signals + `  rules:
    - {name: people, precedence: 1, target: human_agents, all: [{financing_ready: true}]}`, []string{`rule "people"`, `target "human_agents" is not an agent or group`}},
		{"cel not bool", `  system: real_estate
` + signals + `  rules:
    - {name: score, precedence: 1, target: maria, cel: "property_value * 2.0"}`, []string{`rule "score"`, "not bool"}},
		{"misspelt rule key", `  system: real_estate
` + signals + `  rules:
    - {name: typo, precedence: 1, target: maria, alll: [{financing_ready: true}]}`, []string{`rule "typo"`, `unknown key "alll"`}},
		{"league path to an unknown agent", `  system: league
  handoffs:
    - {from: branding-agent, to: social-agent, keywords: [post], message: "Share it?", confidence: 95}`, []string{`handoffs[0] (branding-agent:social-agent)`, `to: "social-agent" is not an agent`}},
		{"unknown system", `  system: realestate`, []string{`system: "realestate"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad-routing.yaml")
			if err := os.WriteFile(path, []byte(roster+"routing:\n"+tc.routing+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := config.LoadFile(path, nil)
			if err == nil {
				t.Fatal("loaded; want an error")
			}
			var ce *config.Error
			if !errors.As(err, &ce) || ce.Key != "routing" {
				t.Fatalf("error %v is not a routing config.Error", err)
			}
			msg := err.Error()
			for _, w := range append([]string{path + ": routing: "}, tc.want...) {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
		})
	}
}
