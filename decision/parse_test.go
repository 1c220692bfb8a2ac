package decision

import (
	"reflect"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
)

func TestParseNumber(t *testing.T) {
	good := map[string]float64{
		"0.9": 0.9, "1.5M": 1.5e6, "750K": 750e3, "750k": 750e3, "2m": 2e6, "1B": 1e9,
		"$1,200,000": 1.2e6, " 8.0 ": 8, "-3": -3, "1e6": 1e6, "1_000": 1000, "2000K": 2e6,
	}
	for in, want := range good {
		if got, ok := parseNumber(in); !ok || got != want {
			t.Errorf("parseNumber(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "M", "abc", "1.5X", "NaN", "Inf", "-Inf", "0x10", "0x1p3", "1.5MM", "> 1", "1e999"} {
		if got, ok := parseNumber(in); ok {
			t.Errorf("parseNumber(%q) = %v; want an error", in, got)
		}
	}
}

func TestCutOp(t *testing.T) {
	for in, want := range map[string]struct {
		op   cmpOp
		rest string
	}{
		"> 0.9": {opGT, "0.9"}, ">=8.0": {opGE, "8.0"}, "< 2M": {opLT, "2M"}, "<= 1": {opLE, "1"},
		"== high": {opEQ, "high"}, "= high": {opEQ, "high"}, "!= low": {opNE, "low"}, "high": {opEQ, "high"},
	} {
		op, rest, _ := cutOp(in)
		if op != want.op || rest != want.rest {
			t.Errorf("cutOp(%q) = %v %q, want %v %q", in, op, rest, want.op, want.rest)
		}
	}
}

func TestParseLeafAlternatives(t *testing.T) {
	l, err := parseLeaf("timeline_urgency", typeString, "immediate | Moderate")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(l.strs, []string{"immediate", "moderate"}) {
		t.Fatalf("alternatives %v", l.strs)
	}
	e := &env{signals: map[string]any{}}
	for v, want := range map[string]bool{"immediate": true, "MODERATE": true, "exploring": false, "": false} {
		e.signals["timeline_urgency"] = v
		if l.eval(e) != want {
			t.Errorf("%q: %v, want %v", v, !want, want)
		}
	}
	if _, err := parseLeaf("timeline_urgency", typeString, "immediate||moderate"); err == nil {
		t.Error("an empty alternative must fail")
	}
}

func TestWords(t *testing.T) {
	got := words("Can we POST it on #Instagram, re-post? Posting's fine. Café", nil)
	want := []string{"can", "we", "post", "it", "on", "instagram", "re", "post", "posting", "s", "fine", "café"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("words = %q", got)
	}
	if findPhrase(words("build a landing page", nil), []string{"landing", "page"}) != 2 {
		t.Error("phrase not found")
	}
	if findPhrase(words("landing gear page", nil), []string{"landing", "page"}) != -1 {
		t.Error("phrase must be consecutive words")
	}
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{
		"posting": "post", "posts": "post", "post": "post", "rankings": "rank", "ranking": "rank",
		"analytics": "analytic", "ads": "ads", "seo": "seo", "websites": "websit", "website": "websit",
		"stories": "story", "business": "business", "writing": "writ", "write": "writ",
		"speed": "speed", "string": "string", "posted": "post", "branding": "brand", "brand": "brand",
	} {
		if got := stem(in); got != want {
			t.Errorf("stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatValue(t *testing.T) {
	for in, want := range map[any]string{
		1500000.0: "1.5M", 750000: "750K", 2000000: "2M", 0.85: "0.85", 1234.5: "1234.5",
		"x": `"x"`, true: "true", 1234567.0: "1234567",
	} {
		if got := formatValue(in); got != want {
			t.Errorf("formatValue(%v) = %q, want %q", in, got, want)
		}
	}
}

// FuzzDecide feeds arbitrary messages and signal values through analysis and routing: no
// input may panic, and every decision explains itself.
func FuzzDecide(f *testing.F) {
	agents := []handoff.Agent{{ID: "bot", Kind: handoff.KindBot}, {ID: "h", Kind: handoff.KindHuman, Groups: []string{"people"}}}
	e, err := Compile(Spec{
		System:  SystemRealEstate,
		Signals: map[string]string{"property_value": "number", "vip": "bool"},
		Rules: []RuleSpec{
			{Name: "people", Precedence: 2, Target: "people", Any: []map[string]any{{"emotional_distress": true}, {"legal_complexity": "high"}, {"vip": true}}},
			{Name: "value", Precedence: 1, Target: "h", CEL: "property_value > 1000000.0 && intent_category.contains('buy')"},
		},
	}, agents)
	if err != nil {
		f.Fatal(err)
	}
	f.Add("I am SO scared!!! divorce, lien; no lawsuit", "1.5M")
	f.Add("\xff\x00 can't cope", "NaN")
	f.Add("", "buy 2M")
	f.Fuzz(func(t *testing.T, msg, value string) {
		in := &handoff.Input{
			SourceAgent: "bot",
			Signals:     map[string]any{"property_value": value, "intent_category": value, "vip": value},
			Messages:    []handoff.Message{{Role: "customer", Text: msg}, {Role: "customer", Text: value}},
		}
		if d := e.Decide(in); len(d.Reasons) == 0 {
			t.Fatal("a decision without reasons")
		}
	})
}
