package decision_test

import (
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
)

func f(v float64) *float64 { return &v }

var monitorRoster = []handoff.Agent{
	{ID: "jorge_buyer_bot", Kind: handoff.KindBot},
	{ID: "maria", Kind: handoff.KindHuman, Groups: []string{"human_agent"}},
	{ID: "sam", Kind: handoff.KindSupervisor},
}

var monitorRules = []handoff.MonitorRule{
	{Name: "angry", When: "sentiment_last < -0.5 || sentiment_drop > 0.8", Action: handoff.ActionReescalate, Target: "human_agent", Script: "Let me get a colleague."},
	{Name: "silent_owner", When: "owner_silent && owner_silent_seconds >= 60", Action: handoff.ActionReescalate, Target: "human_agent"},
	{Name: "wants_previous", When: "asked_for_previous", Action: handoff.ActionHandback},
	{Name: "repeats", When: "repeats >= 2", Action: handoff.ActionAlert, Target: "sam"},
	{Name: "slow_start", When: "owner_first_response_seconds > 30", Action: handoff.ActionExtend, Extend: "2m"},
}

func TestMonitorRulesEvaluate(t *testing.T) {
	m, err := decision.CompileMonitor("handoff.monitoring.rules", monitorRules, monitorRoster)
	if err != nil {
		t.Fatal(err)
	}
	if !m.ReadsOwnerSilence() {
		t.Error("silent_owner reads the owner's silence")
	}
	names := func(ms []handoff.MonitorMatch) string {
		var out []string
		for _, x := range ms {
			out = append(out, x.Rule.Name)
		}
		return strings.Join(out, ",")
	}
	cases := []struct {
		what  string
		view  handoff.MonitorView
		cues  decision.Cues
		fired []string
		want  string
	}{
		{"nothing seen", handoff.MonitorView{}, decision.Cues{}, nil, ""},
		{"sentiment low", handoff.MonitorView{SentimentLast: f(-0.7), SentimentDrop: f(0.2), SentimentCount: 2}, decision.Cues{}, nil, "angry"},
		{"sentiment falls fast", handoff.MonitorView{SentimentLast: f(-0.1), SentimentDrop: f(0.9)}, decision.Cues{}, nil, "angry"},
		{"already fired", handoff.MonitorView{SentimentLast: f(-0.7)}, decision.Cues{}, []string{"angry"}, ""},
		{"owner silent", handoff.MonitorView{OwnerSilent: true, OwnerSilentSeconds: 61}, decision.Cues{}, nil, "silent_owner"},
		{"owner answered late", handoff.MonitorView{OwnerFirstResponseSeconds: f(45)}, decision.Cues{}, nil, "slow_start"},
		{"asked for previous, repeats", handoff.MonitorView{Repeats: 2}, decision.Cues{AskedForPrevious: true}, nil, "wants_previous,repeats"},
	}
	for _, c := range cases {
		got := m.Evaluate(c.view, c.cues, c.fired)
		if names(got) != c.want {
			t.Errorf("%s: fired %q, want %q", c.what, names(got), c.want)
		}
	}
	got := m.Evaluate(handoff.MonitorView{SentimentLast: f(-0.7), SentimentDrop: f(0.2)}, decision.Cues{}, nil)
	if want := "sentiment_drop 0.2, sentiment_last -0.7"; !strings.Contains(got[0].Reason, want) {
		t.Errorf("reason %q lacks %q", got[0].Reason, want)
	}
}

func TestMonitorRulesErrorsNameTheKey(t *testing.T) {
	cases := []struct {
		rule handoff.MonitorRule
		want string
	}{
		{handoff.MonitorRule{Name: "x", When: "sentiment_lst < 0", Action: handoff.ActionAlert, Target: "sam"}, "rules[0] (x).when"},
		{handoff.MonitorRule{Name: "x", When: "sentiment_last", Action: handoff.ActionAlert, Target: "sam"}, "not bool"},
		{handoff.MonitorRule{Name: "x", When: "distress", Action: "page"}, "rules[0] (x).action"},
		{handoff.MonitorRule{Name: "x", When: "distress", Action: handoff.ActionReescalate}, "rules[0] (x).target: reescalate needs"},
		{handoff.MonitorRule{Name: "x", When: "distress", Action: handoff.ActionAlert, Target: "nobody"}, `"nobody" is not an agent`},
		{handoff.MonitorRule{Name: "x", When: "distress", Action: handoff.ActionExtend, Extend: "soon"}, "rules[0] (x).extend"},
		{handoff.MonitorRule{Name: "bad name", When: "distress", Action: handoff.ActionHandback}, "rules[0].name"},
	}
	for _, c := range cases {
		_, err := decision.CompileMonitor("handoff.monitoring.rules", []handoff.MonitorRule{c.rule}, monitorRoster)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "handoff.monitoring.rules") {
			t.Errorf("%+v: error %v, want one naming %q", c.rule, err, c.want)
		}
	}
}

func TestScanCues(t *testing.T) {
	spec, agents := exampleSpec(t, "real-estate")
	e, err := decision.Compile(spec, agents)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		texts []string
		want  decision.Cues
	}{
		{[]string{"ok thanks, what time works?"}, decision.Cues{}},
		{[]string{"Can I go back to the previous agent please"}, decision.Cues{AskedForPrevious: true}},
		{[]string{"I want jorge again"}, decision.Cues{AskedForPrevious: true}},
		{[]string{"put jorge_seller_bot back on"}, decision.Cues{AskedForPrevious: true}},
		{[]string{"is jorgensen street near the park?"}, decision.Cues{}},
		{[]string{"Let me talk to a real person now"}, decision.Cues{AskedForPerson: true}},
	}
	for _, c := range cases {
		got := e.ScanCues(c.texts, "jorge_seller_bot")
		if got.AskedForPrevious != c.want.AskedForPrevious || got.AskedForPerson != c.want.AskedForPerson {
			t.Errorf("%q: %+v, want %+v", c.texts, got, c.want)
		}
	}
}

func BenchmarkMonitorEvaluate(b *testing.B) {
	m, err := decision.CompileMonitor("rules", monitorRules, monitorRoster)
	if err != nil {
		b.Fatal(err)
	}
	v := handoff.MonitorView{SentimentLast: f(-0.2), SentimentDrop: f(0.3), SentimentMean: f(0.1), CustomerMessages: 4, OwnerFirstResponseSeconds: f(12)}
	b.ReportAllocs()
	for b.Loop() {
		m.Evaluate(v, decision.Cues{}, nil)
	}
}
