package decision_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
)

const signalsYAML = `system: real_estate
signals:
  intent_confidence: number
  intent_category: string
  property_value: number
  financing_ready: bool
  lead_score: number
  vip_customer: bool
`

func TestCompileRejects(t *testing.T) {
	cases := []struct {
		name, rules string
		want        []string
	}{
		{"unknown signal", `
- name: r1
  precedence: 1
  target: jorge_buyer_bot
  all:
    - intent_confidance: "> 0.9"`, []string{`rule "r1"`, `unknown signal "intent_confidance"`, `did you mean "intent_confidence"?`}},
		{"number threshold on a string signal", `
- name: r1
  precedence: 1
  target: jorge_buyer_bot
  all:
    - intent_category: "> 0.9"`, []string{`rule "r1"`, "intent_category is a string signal", "compares numbers"}},
		{"text on a number signal", `
- name: r1
  precedence: 1
  target: jorge_buyer_bot
  all:
    - property_value: high`, []string{`rule "r1"`, `threshold "high" is not a number`}},
		{"unparsable threshold", `
- name: r1
  precedence: 1
  target: jorge_buyer_bot
  any:
    - property_value: "> 1.5X"`, []string{`rule "r1"`, `any[0]`, `threshold "> 1.5X" is not a number`}},
		{"bool signal compared with text", `
- name: r1
  precedence: 1
  target: jorge_buyer_bot
  all:
    - financing_ready: "yes"`, []string{`rule "r1"`, "financing_ready is a bool signal", `"yes" is not true or false`}},
		{"bool signal compared with a number", `
- name: r1
  precedence: 1
  target: jorge_buyer_bot
  all:
    - vip_customer: 1`, []string{`rule "r1"`, "vip_customer is a bool signal"}},
		{"duplicate rule name", `
- name: r1
  precedence: 2
  target: jorge_buyer_bot
  all: [{financing_ready: true}]
- name: r1
  precedence: 1
  target: jorge_seller_bot
  all: [{vip_customer: true}]`, []string{`rule "r1"`, "duplicate rule name"}},
		{"duplicate precedence", `
- name: r1
  precedence: 5
  target: jorge_buyer_bot
  all: [{financing_ready: true}]
- name: r2
  precedence: 5
  target: jorge_seller_bot
  all: [{vip_customer: true}]`, []string{`rule "r2"`, "duplicate precedence 5", `rule "r1"`}},
		{"same conditions and sources below a higher rule", `
- name: first
  precedence: 2
  target: human_agent
  all: [{financing_ready: true}, {lead_score: ">= 8"}]
- name: shadowed
  precedence: 1
  target: luxury_specialist
  all: [{lead_score: ">=8.0"}, {financing_ready: true}]`, []string{`rule "shadowed"`, "unreachable", `rule "first"`, "same conditions"}},
		{"after an unconditional rule", `
- name: catch_all
  precedence: 2
  target: human_agent
- name: later
  precedence: 1
  target: jorge_buyer_bot
  all: [{financing_ready: true}]`, []string{`rule "later"`, "unreachable", `rule "catch_all"`, "unconditional"}},
		{"specific rule below the generic one", `
- name: generic
  precedence: 2
  target: human_agent
  any: [{vip_customer: true}]
- name: specific
  precedence: 1
  from: [jorge_seller_bot]
  target: human_agent
  any: [{vip_customer: true}]`, []string{`rule "specific"`, "unreachable", `rule "generic"`}},
		{"only from its own target", `
- name: loop
  precedence: 1
  from: [jorge_buyer_bot]
  target: jorge_buyer_bot
  all: [{financing_ready: true}]`, []string{`rule "loop"`, "unreachable", "its own target"}},
		{"unknown target", `
- name: r1
  precedence: 1
  target: jorge_renter_bot
  all: [{financing_ready: true}]`, []string{`rule "r1"`, `target "jorge_renter_bot" is not an agent or group`}},
		{"unknown group in from", `
- name: r1
  precedence: 1
  from: [lead_bots]
  target: jorge_buyer_bot
  all: [{financing_ready: true}]`, []string{`rule "r1"`, `from: "lead_bots" is not an agent or group`}},
		{"missing target", `
- name: r1
  precedence: 1
  all: [{financing_ready: true}]`, []string{`rule "r1"`, "target is required"}},
		{"missing name", `
- precedence: 1
  target: jorge_buyer_bot`, []string{"rules[0]", "name is required"}},
		{"misspelt key", `
- name: r1
  precedense: 1
  target: jorge_buyer_bot`, []string{`rule "r1"`, `unknown key "precedense"`}},
		{"two conditions in one item", `
- name: r1
  precedence: 1
  target: jorge_buyer_bot
  all:
    - {financing_ready: true, vip_customer: true}`, []string{`rule "r1"`, "2 keys", "one condition per list item"}},
		{"bad offer timeout", `
- name: r1
  precedence: 1
  target: human_agent
  all: [{vip_customer: true}]
  protocol: {offer_timeout: soon}`, []string{`rule "r1"`, `offer_timeout: "soon" is not a duration`}},
		{"cel not bool", `
- name: r1
  precedence: 1
  target: jorge_buyer_bot
  cel: lead_score + 1.0`, []string{`rule "r1"`, "yields double, not bool"}},
		{"cel unknown signal", `
- name: r1
  precedence: 1
  target: jorge_buyer_bot
  cel: lead_scor >= 8.0`, []string{`rule "r1"`, "undeclared reference", "lead_scor"}},
		{"cel syntax", `
- name: r1
  precedence: 1
  target: jorge_buyer_bot
  cel: lead_score >=`, []string{`rule "r1"`, "cel"}},
		{"approval by a bot", `
- name: r1
  precedence: 1
  target: human_agent
  approval: {approvers: [maria, lead_bot], required: 1}`, []string{`rule "r1"`, "approval.approvers", `"lead_bot" is not a person`}},
		{"approval needing more than asked", `
- name: r1
  precedence: 1
  target: human_agent
  approval: {approvers: [human_agent], required: 3}`, []string{`rule "r1"`, "approval.required", "must be 1 to 2"}},
		{"approval with a bad default", `
- name: r1
  precedence: 1
  target: human_agent
  approval: {approvers: [maria], required: 1, on_timeout: maybe}`, []string{`rule "r1"`, "approval.on_timeout", "refuse, proceed"}},
		{"approval with a broken timeout", `
- name: r1
  precedence: 1
  target: human_agent
  approval: {approvers: [maria], required: 1, timeout: 2s}`, []string{`rule "r1"`, "approval.timeout"}},
		{"approval with an unknown key", `
- name: r1
  precedence: 1
  target: human_agent
  approval: {approvers: [maria], required: 1, quorum: 2}`, []string{`rule "r1"`, "approval.quorum: unknown field"}},
		{"cel too costly", fmt.Sprintf(`
- name: r1
  precedence: 1
  target: jorge_buyer_bot
  cel: "%s"`, costlyCEL("'abc'")), []string{`rule "r1"`, "may cost up to", "over the limit of 10000"}},
		{"cel without a cost bound", fmt.Sprintf(`
- name: r1
  precedence: 1
  target: jorge_buyer_bot
  cel: "%s"`, costlyCEL("'a' + string(x)")), []string{`rule "r1"`, "no bound"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := compileYAML(t, signalsYAML+"rules:"+tc.rules)
			if err == nil {
				t.Fatal("compiled; want an error")
			}
			t.Log(err)
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// costlyCEL nests two comprehensions over 100-element lists around a string comparison:
// 10,000 comparisons of a string of up to 1 KiB.
func costlyCEL(with string) string {
	var xs []string
	for i := 0; i < 100; i++ {
		xs = append(xs, fmt.Sprint(i))
	}
	l := "[" + strings.Join(xs, ",") + "]"
	return l + ".all(x, " + l + ".all(y, intent_category != " + with + "))"
}

func TestCompileRejectsSpec(t *testing.T) {
	cases := []struct{ name, yaml, want string }{
		{"unknown system", "system: real-estate\n", `system: "real-estate" is not`},
		{"unknown key", "system: real_estate\nrulez: []\n", `unknown key "rulez"`},
		{"signal name", "signals: {intent-confidence: number}\n", "signals.intent-confidence: a signal name is"},
		{"unknown signal type", "signals: {lead_score: float64}\n", `signals.lead_score: type "float64"`},
		{"builtin signal redeclared", "signals: {emotional_distress: number}\n", "signals.emotional_distress: the built-in analyzer provides it as a bool"},
		{"handoffs in real_estate", "system: real_estate\nhandoffs: [{from: lead_bot, to: maria, keywords: [x], message: hi}]\n", "handoffs: keyword handoffs belong to system"},
		// A league may have rules (they come before its paths); they are checked as strictly.
		{"league rule on an unknown signal", "system: league\nrules: [{name: r, precedence: 1, target: maria, all: [{nope: true}]}]\n", `unknown signal "nope"`},
		{"decoder url", "decoder: {url: 'ftp://decoder'}\n", `decoder: url "ftp://decoder"`},
		{"decoder timeout", "decoder: {url: 'http://127.0.0.1:9/decode', timeout: fast}\n", `decoder.timeout: "fast" is not a duration`},
		{"distress threshold", "analyzer: {distress_threshold: 1.5}\n", "analyzer.distress_threshold"},
		{"league unknown agent", "system: league\nhandoffs: [{from: lead_bot, to: nobody, keywords: [x], message: hi}]\n", `to: "nobody" is not an agent`},
		{"league self", "system: league\nhandoffs: [{from: lead_bot, to: lead_bot, keywords: [x], message: hi}]\n", "cannot hand off to itself"},
		{"league confidence", "system: league\nhandoffs: [{from: lead_bot, to: maria, keywords: [x], message: hi, confidence: 150}]\n", "confidence 150 must be between 0 and 100"},
		{"league no keywords", "system: league\nhandoffs: [{from: lead_bot, to: maria, message: hi}]\n", "keywords: at least one is required"},
		{"league empty keyword", "system: league\nhandoffs: [{from: lead_bot, to: maria, keywords: ['!!'], message: hi}]\n", `keyword "!!" has no letters or digits`},
		{"league duplicate path", "system: league\nhandoffs: [{from: lead_bot, to: maria, keywords: [x], message: hi}, {from: lead_bot, to: maria, keywords: [y], message: hi}]\n", "duplicate handoff name"},
		{"league min confidence", "system: league\nhandoffs: [{from: lead_bot, to: maria, keywords: [x], message: hi}]\nrecommend: {enabled: true, min_confidence: 100}\n", "recommend.min_confidence"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := compileYAML(t, tc.yaml)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// A higher rule that would hand off to the source itself is skipped, so a lower rule with
// the same conditions still serves that source and is not unreachable.
func TestSameConditionsReachableFromTheHigherTarget(t *testing.T) {
	e, err := compileYAML(t, signalsYAML+`rules:
- name: first
  precedence: 2
  target: jorge_buyer_bot
  all: [{financing_ready: true}]
- name: second
  precedence: 1
  target: luxury_specialist
  all: [{financing_ready: true}]
`)
	if err != nil {
		t.Fatal(err)
	}
	if d := e.Decide(conv("jorge_buyer_bot", sig{"financing_ready": true})); d.Rule != "second" {
		t.Fatalf("rule %q, want second", d.Rule)
	}
}

func TestCompileAcceptsEmptyRuleSet(t *testing.T) {
	e, err := decision.Compile(decision.Spec{System: decision.SystemRealEstate}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := e.Decide(conv("lead_bot", sig{"vip_customer": true})); d.Handoff || len(d.Reasons) == 0 {
		t.Fatalf("an empty rule set never hands off, and says why: %+v", d)
	}
}

func TestCELRules(t *testing.T) {
	e, err := compileYAML(t, signalsYAML+`rules:
- name: qualified
  precedence: 2
  target: jorge_buyer_bot
  cel: lead_score >= 8 && (financing_ready || intent_category.startsWith('immediate'))
- name: mixed
  precedence: 1
  target: luxury_specialist
  all:
    - property_value: "> 1M"
    - cel: "!vip_customer"
`)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		signals sig
		target  string
	}{
		{"int literal compares with a double", sig{"lead_score": 8, "financing_ready": true}, "jorge_buyer_bot"},
		{"second branch", sig{"lead_score": 9.5, "intent_category": "immediate_buyer"}, "jorge_buyer_bot"},
		{"just under", sig{"lead_score": 7.9, "financing_ready": true}, ""},
		{"missing signal is false", sig{"financing_ready": true}, ""},
		{"missing operand absorbed by ||", sig{"lead_score": 8.5, "financing_ready": true}, "jorge_buyer_bot"},
		{"wrong type is false", sig{"lead_score": "lots", "financing_ready": true}, ""},
		{"number as text", sig{"lead_score": "8.5", "financing_ready": true}, "jorge_buyer_bot"},
		{"overlong string counts as missing", sig{"lead_score": 9, "intent_category": "immediate" + strings.Repeat("x", 2000)}, ""},
		{"shorthand and cel together", sig{"property_value": "2M", "vip_customer": false}, "luxury_specialist"},
		{"cel part false", sig{"property_value": "2M", "vip_customer": true}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := e.Decide(conv("lead_bot", tc.signals))
			if d.Target != tc.target {
				t.Fatalf("target %q, want %q\n%s", d.Target, tc.target, reasonTexts(d))
			}
		})
	}
	d := e.Decide(conv("lead_bot", sig{"lead_score": 8.5, "financing_ready": true}))
	if got := reasonTexts(d); !strings.Contains(got, "is true: financing_ready true") || !strings.Contains(got, "lead_score 8.5") {
		t.Fatalf("cel reason does not show the values it read:\n%s", got)
	}
}

func TestNotAndNesting(t *testing.T) {
	e, err := compileYAML(t, signalsYAML+`rules:
- name: calm_luxury
  precedence: 1
  target: luxury_specialist
  all:
    - property_value: ">= 750K"
    - not: {vip_customer: true}
    - any:
        - all: [{financing_ready: true}, {lead_score: "> 5"}]
        - intent_category: "!= browsing|window_shopping"
`)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		signals sig
		want    bool
	}{
		{sig{"property_value": "750K", "financing_ready": true, "lead_score": 6}, true},
		{sig{"property_value": "750K", "financing_ready": true, "lead_score": 5, "intent_category": "browsing"}, false},
		{sig{"property_value": "750K", "intent_category": "immediate_buyer"}, true},
		{sig{"property_value": "750K", "intent_category": "window_shopping"}, false},
		{sig{"property_value": "750K", "intent_category": "immediate_buyer", "vip_customer": true}, false},
		{sig{"property_value": "749999", "intent_category": "immediate_buyer"}, false},
	} {
		if d := e.Decide(conv("lead_bot", tc.signals)); d.Handoff != tc.want {
			t.Errorf("%v: handoff %v, want %v\n%s", tc.signals, d.Handoff, tc.want, reasonTexts(d))
		}
	}
}

func TestVersion(t *testing.T) {
	base := signalsYAML + `rules:
- name: a
  precedence: 2
  target: jorge_buyer_bot
  all: [{financing_ready: true}, {property_value: "< 2M"}]
- name: b
  precedence: 1
  target: human_agent
  cel: lead_score > 9.0
`
	reordered := signalsYAML + `rules:
- name: b
  precedence: 1
  target: human_agent
  cel: "lead_score>9.0"
- name: a
  precedence: 2
  target: jorge_buyer_bot
  all: [{property_value: "<2000K"}, {financing_ready: true}]
`
	changed := strings.Replace(base, `"< 2M"`, `"< 3M"`, 1)
	v := func(y string) string {
		e, err := compileYAML(t, y)
		if err != nil {
			t.Fatal(err)
		}
		return e.Version()
	}
	vb := v(base)
	if len(vb) != 12 || strings.Trim(vb, "0123456789abcdef") != "" {
		t.Fatalf("version %q is not 12 hex digits", vb)
	}
	if v(reordered) != vb {
		t.Error("reordering rules, items or spacing changed the version")
	}
	if v(changed) == vb {
		t.Error("a changed threshold kept the version")
	}
	if example(t, "real-estate").Version() == example(t, "agent-league").Version() {
		t.Error("the two examples share a version")
	}
}

// Route never panics and always answers, whatever it is given.
func TestNoPanics(t *testing.T) {
	e := example(t, "real-estate")
	league := example(t, "agent-league")
	var nilEngine *decision.Engine
	odd := []*handoff.Input{
		nil,
		{},
		{SourceAgent: "lead_bot", Signals: sig{"property_value": []any{1}, "lead_score": map[string]any{"x": 1}, "vip_customer": nil}},
		{SourceAgent: "lead_bot", Messages: []handoff.Message{{Role: "customer", Text: strings.Repeat("I am so SCARED!!! ", 20000)}}},
		{SourceAgent: "branding-agent", Messages: []handoff.Message{{Role: "customer", Text: "\xff\xfe post \x00 \u202e"}}, SourceResult: strings.Repeat("share ", 10000)},
		{SourceAgent: "lead_bot", Messages: []handoff.Message{{Role: "customer", Text: "....,,,,!!!???;;;\n\n"}, {Role: "customer", Text: ""}}},
	}
	for i, in := range odd {
		for _, eng := range []*decision.Engine{e, league, nilEngine} {
			d := eng.Decide(in)
			if len(d.Reasons) == 0 && !d.Handoff {
				t.Errorf("input %d: no reasons", i)
			}
		}
	}
}

// A bad consult rule is refused with the rule and the key named.
func TestCompileRejectsBadConsultRules(t *testing.T) {
	base := `
- name: c1
  precedence: 1
  action: consult
  consult:
`
	cases := []struct{ name, rule, want string }{
		{"unknown action", "\n- name: c1\n  precedence: 1\n  action: ask\n  target: jorge_buyer_bot", `rule "c1": action: "ask" is not handoff or consult`},
		{"consult block on a handoff rule", "\n- name: c1\n  precedence: 1\n  target: jorge_buyer_bot\n  consult: {quorum: 1}", `rule "c1": consult: only a rule with action: consult`},
		{"no block", "\n- name: c1\n  precedence: 1\n  action: consult", `rule "c1": consult: action consult needs a consult block`},
		{"target given", base + "    consulting_experts: [financing_expert]\n  target: luxury_specialist", `rule "c1": target: a consult rule hands nothing over`},
		{"unknown key", base + "    experts: [financing_expert]", `rule "c1": consult: unknown key "experts"`},
		{"no experts", base + "    coordination_method: live", `rule "c1": consult.consulting_experts: is required`},
		{"expert not on the roster", base + "    consulting_experts: [financing_expert, tax_guru]\n    coordination_method: live\n    customer_awareness: silent",
			`rule "c1": consult.consulting_experts[1]: "tax_guru" is not an agent in the roster`},
		{"bad coordination", base + "    consulting_experts: [financing_expert]\n    coordination_method: sometimes", `rule "c1": consult.coordination_method: "sometimes" is not background_consultation or live`},
		{"bad awareness", base + "    consulting_experts: [financing_expert]\n    coordination_method: live\n    customer_awareness: loud", `rule "c1": consult.customer_awareness: "loud" is not`},
		{"bad deadline", base + "    consulting_experts: [financing_expert]\n    coordination_method: live\n    customer_awareness: silent\n    deadline: 1s", `rule "c1": consult.deadline:`},
		{"quorum too high", base + "    consulting_experts: [financing_expert]\n    coordination_method: live\n    customer_awareness: silent\n    quorum: 2", `rule "c1": consult.quorum: 2 must be between 1 and the number of experts (1)`},
		{"primary consults itself", base + "    primary_agent: financing_expert\n    consulting_experts: [financing_expert]\n    coordination_method: live\n    customer_awareness: silent",
			`rule "c1": consult.consulting_experts[0]: "financing_expert" is the primary agent`},
		{"from another agent", base + "    primary_agent: jorge_buyer_bot\n    consulting_experts: [financing_expert]\n    coordination_method: live\n    customer_awareness: silent\n  from: [lead_bot]",
			`rule "c1": from: "lead_bot" is not the primary agent "jorge_buyer_bot"`},
		{"approval on a consult rule", base + "    consulting_experts: [financing_expert]\n    coordination_method: live\n    customer_awareness: silent\n  approval: {approvers: [human_agent], required: 1}",
			`rule "c1": approval: a consult rule hands nothing over`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := compileYAML(t, signalsYAML+"rules:"+tc.rule)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %s", err, tc.want)
			}
		})
	}
}
