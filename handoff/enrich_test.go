package handoff_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
)

func TestApplyEnrichmentFillsOnlyEmptyFields(t *testing.T) {
	in := loadSample(t, "lead-qualified")
	in.Customer.ID = ""
	in.RelationshipContext.RelationshipHistory = nil
	delete(in.ConversationState.PreferenceProfile, "availability")
	profile := in.ConversationState.PreferenceProfile
	e := handoff.Enrichment{Enriched: true, Source: "crm", Fields: map[string]any{
		"customer.id":   "ghl-123",
		"customer.name": "Someone Else", // the bot's value stays
		"conversation_state.preference_profile.availability": "weekday evenings",
		"conversation_state.preference_profile.budget":       "up to $900,000", // stays
		"relationship_context.relationship_history":          []any{"Bought with us in 2019"},
		"business_context.opportunity_value":                 "a lot", // wrong type: skipped
		"signals.vip_customer":                               true,    // never enriched
	}}
	filled := handoff.ApplyEnrichment(&in, e)
	want := []string{"conversation_state.preference_profile.availability", "customer.id", "relationship_context.relationship_history"}
	if !slices.Equal(filled, want) {
		t.Fatalf("filled %v, want %v", filled, want)
	}
	if in.Customer.ID != "ghl-123" || in.Customer.Name != "Marcus Reed" || in.ConversationState.PreferenceProfile["budget"] != "up to $650,000" ||
		in.RelationshipContext.RelationshipHistory[0] != "Bought with us in 2019" || in.BusinessContext.OpportunityValue != 19200 || in.Signals["vip_customer"] != nil {
		t.Fatalf("%+v", in)
	}
	if _, shared := profile["availability"]; shared {
		t.Fatal("the caller's profile map was changed: copies of the input share it")
	}
	if again := handoff.ApplyEnrichment(&in, e); len(again) != 0 {
		t.Fatalf("applying twice filled %v", again)
	}
	if got := handoff.ApplyEnrichment(&in, handoff.Enrichment{Reason: "CRM unavailable: x", Fields: e.Fields}); got != nil {
		t.Fatal(got)
	}
}

func TestEnrichablePath(t *testing.T) {
	for path, want := range map[string]bool{
		"customer.id": true, "conversation_state.preference_profile.budget": true,
		"business_context.opportunity_value": true, "relationship_context.relationship_history": true,
		"signals.vip_customer": false, "relationship_context.emotional_state": false,
		"conversation_state.preference_profile": false, "conversation_state.preference_profile.a.b": false,
	} {
		if handoff.EnrichablePath(path) != want {
			t.Errorf("%s: want %v", path, want)
		}
	}
}

// The package records which fields came from the CRM, and that a required field the bot did
// not send arrived thanks to it; a CRM that was down is said in the brief.
func TestBuildRecordsEnrichment(t *testing.T) {
	c := loadConfig(t, realEstate)
	in := loadSample(t, "lead-qualified")
	delete(in.ConversationState.PreferenceProfile, "availability")
	d := c.Engine.Decide(&in)
	opts := handoff.BuildOptions{Template: c.TemplateFor("jorge_buyer_bot")}
	path := "conversation_state.preference_profile.availability"

	opts.Enrichment = &handoff.Enrichment{Enriched: true, Source: "crm", Fields: map[string]any{path: "weekday evenings"}}
	p := handoff.Build(&in, &d, "jorge_buyer_bot", opts)
	if p.Completeness != 1 || len(p.Missing) != 0 || p.Enrichment == nil || !slices.Equal(p.Enrichment.Fields, []string{path}) {
		t.Fatalf("completeness %v missing %v enrichment %+v", p.Completeness, p.Missing, p.Enrichment)
	}
	if !strings.Contains(p.Brief, "From CRM: "+path) {
		t.Fatalf("brief:\n%s", p.Brief)
	}
	if _, ok := in.ConversationState.PreferenceProfile["availability"]; ok {
		t.Fatal("Build changed its input")
	}

	opts.Enrichment = &handoff.Enrichment{Source: "crm", Reason: "CRM unavailable: circuit open after repeated failures"}
	p = handoff.Build(&in, &d, "jorge_buyer_bot", opts)
	if p.Enrichment.Enriched || !slices.Equal(p.Missing, []string{path}) ||
		!strings.Contains(p.Brief, "No CRM enrichment: CRM unavailable: circuit open after repeated failures.") {
		t.Fatalf("%+v\n%s", p.Enrichment, p.Brief)
	}
}

func TestMissingFields(t *testing.T) {
	in := loadSample(t, "seller-distress")
	got := in.MissingFields([]string{"customer.name", "conversation_state.preference_profile.motivation", "signals.vip_customer"})
	if !slices.Equal(got, []string{"conversation_state.preference_profile.motivation", "signals.vip_customer"}) {
		t.Fatal(got)
	}
}
