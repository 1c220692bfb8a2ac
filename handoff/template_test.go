package handoff_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

func TestPickTemplate(t *testing.T) {
	ts := []handoff.Template{
		{Name: "by_kind", AppliesTo: []string{"human"}},
		{Name: "by_group", AppliesTo: []string{"human_agent"}},
		{Name: "by_id", AppliesTo: []string{"maria"}},
		{Name: "default"},
	}
	for _, tc := range []struct {
		ag   handoff.Agent
		want string
	}{
		{handoff.Agent{ID: "maria", Kind: handoff.KindHuman, Groups: []string{"human_agent"}}, "by_id"},
		{handoff.Agent{ID: "james", Kind: handoff.KindHuman, Groups: []string{"human_agent"}}, "by_group"},
		{handoff.Agent{ID: "sam", Kind: handoff.KindHuman}, "by_kind"},
		{handoff.Agent{ID: "bot", Kind: handoff.KindBot}, "default"},
	} {
		if got := handoff.PickTemplate(ts, tc.ag).Name; got != tc.want {
			t.Errorf("%s: %s, want %s", tc.ag.ID, got, tc.want)
		}
	}
	if got := handoff.PickTemplate(nil, handoff.Agent{ID: "x"}); got.Name != handoff.DefaultTemplateName || len(got.Required) == 0 {
		t.Fatalf("%+v", got)
	}
	if err := func() error { d := handoff.DefaultTemplate(); return d.Validate() }(); err != nil {
		t.Fatal(err)
	}
}

func TestValidatePath(t *testing.T) {
	for _, ok := range []string{
		"customer.name", "signals.property_value", "conversation_state.preference_profile.must-haves",
		"conversation_state.intent_analysis.0.confidence", "source_result", "decision.reasons",
	} {
		if err := handoff.ValidatePath(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for bad, want := range map[string]string{
		"":                                       "empty path",
		"customer..name":                         "empty segment",
		"customer.na me":                         "may hold only",
		"messages.0.text":                        "unknown root",
		"relationship_context.rapport":           `has no field "rapport"`,
		"source_result.text":                     "no fields under it",
		"conversation_state.preference_profile.": "empty segment",
	} {
		err := handoff.ValidatePath(bad)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", bad, err, want)
		}
	}
}

// Broken templates fail at load with the file, the template's key and the reason.
func TestInvalidTemplatesFailAtLoad(t *testing.T) {
	base, err := os.ReadFile(realEstate)
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(string(base), "\ntemplates:")
	for name, tc := range map[string]struct{ yaml, want string }{
		"required outside sections": {`
templates:
  - name: t
    applies_to: [maria]
    required: [customer.name]
    sections: {s: [customer.id]}`, `templates[0] (t).required[0]: "customer.name" is in no section`},
		"bad path": {`
templates:
  - name: t
    applies_to: [maria]
    sections: {s: [relationship_context.rapport]}`, `templates[0] (t).sections.s[0]: "relationship_context.rapport": relationship_context has no field "rapport"`},
		"unknown applies_to": {`
templates:
  - name: t
    applies_to: [marai]
    sections: {s: [customer.id]}`, `templates[0] (t).applies_to[0]: "marai" is not an agent, a group or a kind`},
		"duplicate": {`
templates:
  - {name: t, applies_to: [bot], sections: {s: [customer.id]}}
  - {name: t, applies_to: [human], sections: {s: [customer.id]}}`, `templates[1] (t).name: duplicate template name`},
		"no sections": {`
templates:
  - {name: t, applies_to: [bot]}`, `templates[0] (t).sections: at least one section is required`},
		"package limit": {`
handoff:
  max_package_bytes: 3000000`, `handoff.max_package_bytes: 3000000 is outside`},
		"crm token in file": {`
crm:
  token: abc`, `crm.token: the token must not be written in the config file`},
		"crm path": {`
crm:
  custom_fields: [{id: x, path: signals.vip_customer}]`, `crm.custom_fields[0].path: "signals.vip_customer" cannot be filled from the CRM`},
		"crm url": {`
crm:
  url: ftp://crm`, `crm.url: "ftp://crm" is not an http(s) URL`},
	} {
		t.Run(name, func(t *testing.T) {
			text := head + "\n" + tc.yaml + "\n"
			if strings.Contains(tc.yaml, "handoff:") {
				text = strings.Replace(head, "handoff:\n", "handoff:\n  max_package_bytes: 3000000\n", 1)
			}
			file := filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := config.LoadFile(file, nil)
			if err == nil || !strings.Contains(err.Error(), file+": "+tc.want) {
				t.Fatalf("got %v\nwant %s: %s", err, file, tc.want)
			}
		})
	}
}

// Both shipped configs load their templates; the real-estate one has the seed's three.
func TestExampleTemplates(t *testing.T) {
	c := loadConfig(t, realEstate)
	for agent, want := range map[string]string{
		"jorge_seller_bot": "seller_bot", "jorge_buyer_bot": "buyer_bot", "maria": "human", "sam": "human",
		"luxury_specialist": handoff.DefaultTemplateName, "lead_bot": handoff.DefaultTemplateName,
	} {
		if got := c.TemplateFor(agent).Name; got != want {
			t.Errorf("%s: %s, want %s", agent, got, want)
		}
	}
	if c.PackageLimits().MaxBytes != handoff.DefaultMaxPackageBytes || c.CRM.Enabled() || c.CRM.TokenEnv != "HANDOFF_CRM_TOKEN" || len(c.CRM.CustomFields) != 4 {
		t.Fatalf("limits %+v crm %+v", c.PackageLimits(), c.CRM)
	}
	l := loadConfig(t, league)
	if l.TemplateFor("seo-agent").Name != "league_bot" || l.TemplateFor("dana").Name != "league_human" {
		t.Fatal("league templates")
	}
}
