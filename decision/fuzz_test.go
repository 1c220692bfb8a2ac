package decision

import (
	"math"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
)

// FuzzParseCondition feeds the seed's shorthand ("> 0.9", "immediate|moderate", "< 2M",
// true) to parseLeaf for each signal type, with the value types viper produces: it never
// panics, an error names the signal, and a compiled condition displays, explains and
// evaluates against values of every type.
func FuzzParseCondition(f *testing.F) {
	for _, s := range []string{"> 0.9", "immediate|moderate", "< 2M", ">= 750K", "$1,200,000", "!= cash", "== 5",
		"high", "true", "False", "1.5M", "0x10", "NaN", "-Inf", "1e309", "|", "a||b", "<", ">=", " ", "K", "> $1_000", "=<3"} {
		f.Add(s, uint8(0), 0.0)
		f.Add(s, uint8(1), 0.5)
		f.Add(s, uint8(2), -1.0)
	}
	f.Add("", uint8(3), math.Inf(1))
	f.Fuzz(func(t *testing.T, text string, kind uint8, num float64) {
		const name = "some_signal"
		typ := sigType(kind%3 + 1)
		var raw any = text
		switch kind / 3 % 4 {
		case 1:
			raw = num
		case 2:
			raw = num > 0
		case 3:
			raw = nil
		}
		l, err := parseLeaf(name, typ, raw)
		if err != nil {
			if !strings.Contains(err.Error(), name) {
				t.Fatalf("error %q does not name the condition's signal", err)
			}
			return
		}
		_ = l.display()
		_ = l.canon()
		for _, v := range []any{text, num, num > 0, nil, int64(7)} {
			e := &env{signals: map[string]any{name: v}, derived: map[string]string{}, types: map[string]sigType{name: typ}}
			held := l.eval(e)
			_ = l.explain(e, held, false, "r", nil)
			_ = l.explain(e, !held, true, "r", nil)
		}
	})
}

// FuzzCompileRule compiles a rule whose conditions are a fuzzed shorthand item and a fuzzed
// CEL expression, through Compile, the entry point the config loader uses: it never panics,
// it either compiles or fails naming the rule and the condition's place in it, and a compiled
// rule set decides an input without panicking.
func FuzzCompileRule(f *testing.F) {
	for _, c := range []struct {
		signal uint8
		cond   string
		cel    string
	}{
		{0, "> 0.9", ""}, {1, "immediate|moderate", "intent_confidence > 0.5"}, {2, "< 2M", "property_value > 1000000.0"},
		{3, "true", "financing_ready || emotional_distress"}, {4, "high", `legal_complexity == "high"`},
		{0, "> 1M", "lead_score >= 8.0 && (pre_approval_confirmed || financing_ready)"}, {2, "0x1p3", "size(intent_category) > 0"},
		{5, "yes", "intent_confidence"}, {1, "", "1 +"}, {0, "<= -0", "[1,2,3].all(x, x > 0)"},
	} {
		f.Add(c.signal, c.cond, c.cel)
	}
	signals := []string{"intent_confidence", "timeline_urgency", "property_value", "financing_ready", "legal_complexity", "unknown_signal"}
	agents := []handoff.Agent{
		{ID: "lead_bot", Kind: handoff.KindBot},
		{ID: "maria", Kind: handoff.KindHuman, Groups: []string{"human_agent"}},
	}
	f.Fuzz(func(t *testing.T, signal uint8, cond, celSrc string) {
		rule := RuleSpec{Name: "r", Target: "human_agent", Precedence: 1,
			All: []map[string]any{{signals[int(signal)%len(signals)]: cond}}}
		if celSrc != "" {
			rule.Any = []map[string]any{{"cel": celSrc}}
		}
		spec := Spec{System: SystemRealEstate, Rules: []RuleSpec{rule}, Signals: map[string]string{
			"property_value": "number", "timeline_urgency": "string", "financing_ready": "bool",
			"lead_score": "number", "pre_approval_confirmed": "bool",
		}}
		e, err := Compile(spec, agents)
		if err != nil {
			msg := err.Error()
			if !strings.Contains(msg, `rule "r"`) || !strings.Contains(msg, "all[0]") && !strings.Contains(msg, "any[0]") {
				t.Fatalf("error %q does not name the rule and the condition", msg)
			}
			return
		}
		in := handoff.Input{ConversationID: "c", SourceAgent: "lead_bot",
			Messages: []handoff.Message{{Role: "customer", Text: cond + " " + celSrc}},
			Signals: map[string]any{"property_value": cond, "timeline_urgency": cond, "financing_ready": cond,
				"intent_confidence": float64(len(cond)), "lead_score": 9.0}}
		d := e.Decide(&in)
		if d.Handoff && d.Target != "human_agent" {
			t.Fatalf("decided %+v", d)
		}
	})
}
