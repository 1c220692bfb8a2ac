package decision_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/spf13/viper"
)

// exampleSpec decodes a shipped example's routing section and roster the way the config
// loader does (viper and mapstructure), without the rest of config validation, so these
// tests exercise exactly what the example says.
func exampleSpec(t testing.TB, name string) (decision.Spec, []handoff.Agent) {
	t.Helper()
	return yamlSpec(t, filepath.Join("..", "config", "examples", name+".yaml"))
}

func yamlSpec(t testing.TB, path string) (decision.Spec, []handoff.Agent) {
	t.Helper()
	v := viper.New()
	v.SetConfigFile(path)
	v.SetConfigType("yaml")
	if err := v.ReadInConfig(); err != nil {
		t.Fatal(err)
	}
	var spec decision.Spec
	var agents []handoff.Agent
	if err := v.UnmarshalKey("routing", &spec); err != nil {
		t.Fatal(err)
	}
	if err := v.UnmarshalKey("agents", &agents); err != nil {
		t.Fatal(err)
	}
	return spec, agents
}

// compileYAML compiles a routing section written inline, against the real-estate roster.
func compileYAML(t testing.TB, routing string) (*decision.Engine, error) {
	t.Helper()
	_, agents := exampleSpec(t, "real-estate")
	spec, _ := yamlSpecFromText(t, "routing:\n"+indent(routing))
	return decision.Compile(spec, agents)
}

func yamlSpecFromText(t testing.TB, text string) (decision.Spec, []handoff.Agent) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return yamlSpec(t, path)
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n") + "\n"
}

func example(t testing.TB, name string) *decision.Engine {
	t.Helper()
	spec, agents := exampleSpec(t, name)
	e, err := decision.Compile(spec, agents)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return e
}

func sample(t testing.TB, name string) *handoff.Input {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "samples", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var in handoff.Input
	if err := json.Unmarshal(b, &in); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := in.Validate(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &in
}

func conv(source string, signals map[string]any, customer ...string) *handoff.Input {
	in := &handoff.Input{ConversationID: "conv-test", SourceAgent: source, Signals: signals}
	for _, m := range customer {
		in.Messages = append(in.Messages, handoff.Message{Role: "customer", Text: m})
	}
	return in
}

func reasonTexts(d handoff.Decision) string {
	var b strings.Builder
	for _, r := range d.Reasons {
		b.WriteString(r.Text)
		b.WriteString("\n")
	}
	return b.String()
}

func candidateAgents(d handoff.Decision) []string {
	var out []string
	for _, c := range d.Candidates {
		out = append(out, c.Agent)
	}
	return out
}
