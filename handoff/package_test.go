package handoff_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

const (
	realEstate = "../config/examples/real-estate.yaml"
	league     = "../config/examples/agent-league.yaml"
)

func loadConfig(t testing.TB, file string) *config.Config {
	t.Helper()
	c, err := config.LoadFile(file, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func loadSample(t testing.TB, name string) handoff.Input {
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
	return in
}

// firstAgent resolves a decision's target to a roster agent: itself, or the first member of
// the group it names (as the workflow's plan does).
func firstAgent(t testing.TB, c *config.Config, target string) string {
	t.Helper()
	if _, ok := c.Agent(target); ok {
		return target
	}
	for _, a := range c.Agents {
		if slices.Contains(a.Groups, target) {
			return a.ID
		}
	}
	t.Fatalf("target %q is neither an agent nor a group", target)
	return ""
}

// build routes the sample with the config's rules and packages it for the chosen agent, as
// SelectTarget and PackageContext do.
func build(t testing.TB, c *config.Config, in handoff.Input) (handoff.Package, handoff.Decision) {
	t.Helper()
	d := c.Engine.Decide(&in)
	if !d.Handoff {
		t.Fatalf("%s: no handoff: %+v", in.ConversationID, d.Reasons)
	}
	d.Settings = c.Settings()
	target := firstAgent(t, c, d.Target)
	return handoff.Build(&in, &d, target, handoff.BuildOptions{Template: c.TemplateFor(target), Limits: c.PackageLimits()}), d
}

// receive encodes the package inside a delivery, as the receiver's webhook gets it, and
// decodes it the way a receiver in any language would: as plain JSON.
func receive(t testing.TB, p handoff.Package) map[string]any {
	t.Helper()
	body, err := json.Marshal(handoff.Delivery{Type: handoff.DeliveryBriefing, Package: &p})
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Package map[string]any `json:"package"`
	}
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	return d.Package
}

// Every required field of each template reaches the receiver intact from the sample
// conversations: completeness 1.0, measured on the JSON the receiver decodes.
func TestRoundTripPerTemplate(t *testing.T) {
	cases := []struct {
		config, sample, target, template string
	}{
		{realEstate, "seller-distress", "maria", "human"},
		{realEstate, "lead-qualified", "jorge_buyer_bot", "buyer_bot"},
		{realEstate, "seller-ready", "jorge_seller_bot", "seller_bot"},
		{realEstate, "investment-buyer", "luxury_specialist", handoff.DefaultTemplateName},
		{league, "league-branding-social", "social-bot-agent", "league_bot"},
	}
	for _, tc := range cases {
		t.Run(tc.sample, func(t *testing.T) {
			c := loadConfig(t, tc.config)
			in := loadSample(t, tc.sample)
			p, d := build(t, c, in)
			if p.Target != tc.target || p.Template != tc.template || p.Version != handoff.PackageVersion {
				t.Fatalf("target %s template %s version %d, want %s %s", p.Target, p.Template, p.Version, tc.target, tc.template)
			}
			tmpl := c.TemplateFor(tc.target)
			if len(p.Required) == 0 || !slices.Equal(p.Required, tmpl.Required) {
				t.Fatalf("required %v, want the template's %v", p.Required, tmpl.Required)
			}
			if len(p.Missing) > 0 {
				t.Fatalf("the sample lacks required fields %v", p.Missing)
			}
			got := receive(t, p)
			score, lost := handoff.Completeness(&p, got)
			if score != 1 || len(lost) > 0 || p.Completeness != 1 {
				t.Fatalf("completeness %v (packaged %v), lost %v", score, p.Completeness, lost)
			}
			// Independently of Completeness: each required value the receiver decoded equals
			// the source's, section by section.
			src := handoff.SourceDocument(&in, &d, c.PackageLimits())
			secs := got["sections"].(map[string]any)
			for _, path := range p.Required {
				want, _ := handoff.Resolve(src, path)
				found := false
				for name, paths := range tmpl.Sections {
					if !slices.Contains(paths, path) {
						continue
					}
					v := secs[name].(map[string]any)[path]
					if !jsonEqual(v, want) {
						t.Fatalf("%s in section %s: got %#v, want %#v", path, name, v, want)
					}
					found = true
				}
				if !found {
					t.Fatalf("%s is in no section", path)
				}
			}
			for _, m := range p.Transcript {
				if m.Role != "customer" && m.Role != "agent" {
					t.Fatalf("%s message in the transcript", m.Role)
				}
			}
			if p.Truncation.Filtered == 0 || p.Truncation.Cut() {
				t.Fatalf("truncation %+v: the samples have tool/system lines and are short", p.Truncation)
			}
			checkBrief(t, p, in)
		})
	}
}

func jsonEqual(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// checkBrief: a few lines, no contact details or customer name, the last thing said.
func checkBrief(t *testing.T, p handoff.Package, in handoff.Input) {
	t.Helper()
	b := p.Brief
	if n := strings.Count(b, "\n") + 1; n < 3 || n > 9 {
		t.Fatalf("brief has %d lines:\n%s", n, b)
	}
	for _, secret := range append(strings.Fields(in.Customer.Name), in.Customer.Email, in.Customer.Phone) {
		if secret != "" && strings.Contains(b, secret) {
			t.Fatalf("brief shows %q:\n%s", secret, b)
		}
	}
	if !strings.Contains(b, "Last said:") || !strings.Contains(b, p.Source+" → "+p.Target) {
		t.Fatalf("brief:\n%s", b)
	}
}

func TestBriefShowsWhyUrgencyAndOpening(t *testing.T) {
	c := loadConfig(t, realEstate)
	p, _ := build(t, c, loadSample(t, "seller-distress"))
	for _, want := range []string{
		"rule seller_to_human", "template human", "URGENT", "Why:", "overwhelmed and anxious",
		"rapport 6/10", "pressure immediate", "timeline before the settlement hearing", "opportunity $20,550",
		"Open with: acknowledge_emotions + expertise_reassurance.",
		`Last said: "I just don't know what to do anymore.`,
	} {
		if !strings.Contains(p.Brief, want) {
			t.Errorf("brief lacks %q:\n%s", want, p.Brief)
		}
	}
	if strings.Contains(p.Brief, "MISSING") {
		t.Errorf("nothing is missing:\n%s", p.Brief)
	}
}

// A required field the bot did not send counts as missing and the brief names it.
func TestMissingSourceFieldIsFlagged(t *testing.T) {
	c := loadConfig(t, realEstate)
	in := loadSample(t, "lead-qualified")
	delete(in.ConversationState.PreferenceProfile, "availability")
	in.RelationshipContext.CommunicationStyle = ""
	p, _ := build(t, c, in)
	want := []string{"conversation_state.preference_profile.availability", "relationship_context.communication_style"}
	if !slices.Equal(p.Missing, want) {
		t.Fatalf("missing %v, want %v", p.Missing, want)
	}
	score, lost := handoff.Completeness(&p, receive(t, p))
	if score != 7.0/9 || !slices.Equal(lost, want) || p.Completeness != score {
		t.Fatalf("completeness %v (packaged %v), lost %v", score, p.Completeness, lost)
	}
	if !strings.Contains(p.Brief, "MISSING, not sent by lead_bot: "+strings.Join(want, ", ")) {
		t.Fatalf("brief:\n%s", p.Brief)
	}
}

// Completeness falls when what the receiver decoded lost or changed a required value.
func TestCompletenessDetectsLossAndAlteration(t *testing.T) {
	c := loadConfig(t, realEstate)
	p, _ := build(t, c, loadSample(t, "seller-ready"))
	n := float64(len(p.Required))

	got := receive(t, p)
	secs := got["sections"].(map[string]any)
	secs["market_context"].(map[string]any)["conversation_state.preference_profile.budget"] = "list around $400,000"
	got["conversation_state"].(map[string]any)["preference_profile"].(map[string]any)["budget"] = "list around $400,000"
	score, lost := handoff.Completeness(&p, got)
	if score != (n-1)/n || !slices.Equal(lost, []string{"conversation_state.preference_profile.budget"}) {
		t.Fatalf("altered: %v %v", score, lost)
	}

	got = receive(t, p)
	delete(got, "sections")
	delete(got, "signals")
	score, lost = handoff.Completeness(&p, got)
	if score != (n-1)/n || !slices.Equal(lost, []string{"signals.property_value"}) {
		t.Fatalf("signals lost, others read at the top level: %v %v", score, lost)
	}

	if score, lost := handoff.Completeness(&p, map[string]any{}); score != 0 || len(lost) != len(p.Required) {
		t.Fatalf("empty: %v %v", score, lost)
	}
}

// No input makes the builder panic: nil or zero input and decision, odd messages, no template.
func TestBuildNeverPanics(t *testing.T) {
	p := handoff.Build(nil, nil, "", handoff.BuildOptions{})
	if p.Template != handoff.DefaultTemplateName || p.Completeness != 0 || len(p.Missing) != len(p.Required) {
		t.Fatalf("%+v", p)
	}
	in := handoff.Input{Messages: []handoff.Message{{Role: "customer", Text: strings.Repeat("\x00ä?", 3000)}, {Role: "", Text: ""}}}
	in.ConversationState.PreferenceProfile = map[string]any{"x": []any{map[string]any{}}}
	p = handoff.Build(&in, &handoff.Decision{}, "t", handoff.BuildOptions{Limits: handoff.Limits{MaxBytes: 1000}})
	if !p.Truncation.OverLimit && !p.Truncation.Cut() {
		t.Fatalf("%+v", p.Truncation)
	}
	_ = handoff.BuildPackage(&in, &handoff.Decision{}, "t")
}

func FuzzBuild(f *testing.F) {
	f.Add("I need to sell by July. Budget $480K? Call me", "budget", 3000)
	f.Add("", "", 0)
	f.Fuzz(func(t *testing.T, text, key string, limit int) {
		in := handoff.Input{ConversationID: "c", SourceAgent: "s"}
		for i := range 20 {
			in.Messages = append(in.Messages, handoff.Message{Role: []string{"customer", "agent", "tool"}[i%3], Text: text})
		}
		in.ConversationState.PreferenceProfile = map[string]any{key: text}
		tmpl := handoff.Template{Name: "f", Required: []string{"conversation_state.preference_profile." + key}, Sections: map[string][]string{"s": {"conversation_state.preference_profile." + key}}}
		p := handoff.Build(&in, nil, "t", handoff.BuildOptions{Template: tmpl, Limits: handoff.Limits{MaxBytes: limit}})
		if _, err := json.Marshal(p); err != nil {
			t.Fatal(err)
		}
		// Unless the required field alone is too large, the delivery fits the limit.
		if body := deliveryBody(t, p, handoff.Decision{}); !p.Truncation.OverLimit && len(body) > p.Truncation.LimitBytes {
			t.Fatalf("delivery body is %d bytes, limit %d; truncation %+v", len(body), p.Truncation.LimitBytes, p.Truncation)
		}
		handoff.Completeness(&p, receive(t, p))
		_ = handoff.Resend(&p, []string{key, ""})
	})
}

// A template built in code without validation still carries a required field it put in no
// section.
func TestUnsectionedRequiredFieldTravels(t *testing.T) {
	in := loadSample(t, "seller-ready")
	tmpl := handoff.Template{Name: "t", Required: []string{"customer.name"}, Sections: map[string][]string{"s": {"customer.id"}}}
	p := handoff.Build(&in, nil, "x", handoff.BuildOptions{Template: tmpl})
	if p.Completeness != 1 || len(p.Missing) != 0 || p.Sections["required"]["customer.name"] != "Daniel Okafor" {
		t.Fatalf("%v %v %v", p.Completeness, p.Missing, p.Sections)
	}
}
