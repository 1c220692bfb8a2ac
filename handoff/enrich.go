package handoff

import (
	"maps"
	"strings"
)

// Enrichment is what a CRM lookup found for a conversation's customer. It is computed by an
// activity (I/O) and merged into the input by ApplyEnrichment, a pure function the workflow
// can call deterministically. When the CRM could not be asked, Enriched is false and Reason
// says why: the handoff goes on without enrichment and the brief says so.
type Enrichment struct {
	Enriched bool `json:"enriched"`
	// Source names where the values came from ("crm").
	Source string `json:"source,omitempty"`
	// Reason explains an enrichment that did not happen ("CRM unavailable: ...", "no CRM
	// contact matches the customer's email or phone").
	Reason    string `json:"reason,omitempty"`
	ContactID string `json:"contact_id,omitempty"`
	// Fields are the values found, by field path, for paths the input lacked when the lookup
	// ran. Only paths EnrichablePath accepts are ever applied.
	Fields map[string]any `json:"fields,omitempty"`
}

// Paths are the enrichment's field paths in sorted order.
func (e Enrichment) Paths() []string { return sortedKeys(e.Fields) }

// EnrichmentRecord is what a package says about enrichment: whether it ran, why not, and which
// fields came from the CRM (the values themselves are in the package's sections).
type EnrichmentRecord struct {
	Enriched bool     `json:"enriched"`
	Source   string   `json:"source,omitempty"`
	Reason   string   `json:"reason,omitempty"`
	Fields   []string `json:"fields,omitempty"`
}

// enrichable lists the fixed paths enrichment may fill; preference_profile takes any key.
var enrichable = map[string]bool{
	"customer.id": true, "customer.name": true, "customer.email": true, "customer.phone": true,
	"conversation_state.objection_history":      true,
	"conversation_state.progress_milestones":    true,
	"relationship_context.communication_style":  true,
	"relationship_context.relationship_history": true,
	"business_context.opportunity_value":        true,
	"business_context.timeline_pressure":        true,
	"business_context.competition_risk":         true,
	"business_context.referral_potential":       true,
}

const profilePrefix = "conversation_state.preference_profile."

// EnrichablePath reports whether enrichment may fill the path. Signals are never enriched:
// they decided the routing, and a CRM value arriving later must not change that silently.
func EnrichablePath(path string) bool {
	if enrichable[path] {
		return true
	}
	key, ok := strings.CutPrefix(path, profilePrefix)
	return ok && key != "" && !strings.Contains(key, ".") && ValidatePath(path) == nil
}

// ApplyEnrichment fills the input's empty fields from the enrichment and returns the paths it
// filled, sorted. It never overwrites what the bot sent, and skips values of the wrong type
// (a CRM custom field holding a word where a number belongs). Pure and deterministic.
func ApplyEnrichment(in *Input, e Enrichment) []string {
	if !e.Enriched {
		return nil
	}
	var filled []string
	for _, path := range e.Paths() {
		if EnrichablePath(path) && applyField(in, path, e.Fields[path]) {
			filled = append(filled, path)
		}
	}
	return filled
}

func applyField(in *Input, path string, v any) bool {
	if !present(v) {
		return false
	}
	if key, ok := strings.CutPrefix(path, profilePrefix); ok {
		if present(in.ConversationState.PreferenceProfile[key]) {
			return false
		}
		// Copy on write: the map may be shared with other copies of the input.
		pp := maps.Clone(in.ConversationState.PreferenceProfile)
		if pp == nil {
			pp = map[string]any{}
		}
		pp[key] = v
		in.ConversationState.PreferenceProfile = pp
		return true
	}
	c, cs, rc, bc := &in.Customer, &in.ConversationState, &in.RelationshipContext, &in.BusinessContext
	switch path {
	case "customer.id":
		return setString(&c.ID, v)
	case "customer.name":
		return setString(&c.Name, v)
	case "customer.email":
		return setString(&c.Email, v)
	case "customer.phone":
		return setString(&c.Phone, v)
	case "conversation_state.objection_history":
		return setStrings(&cs.ObjectionHistory, v)
	case "conversation_state.progress_milestones":
		return setStrings(&cs.ProgressMilestones, v)
	case "relationship_context.communication_style":
		return setString(&rc.CommunicationStyle, v)
	case "relationship_context.relationship_history":
		return setStrings(&rc.RelationshipHistory, v)
	case "business_context.opportunity_value":
		return setNumber(&bc.OpportunityValue, v)
	case "business_context.timeline_pressure":
		return setString(&bc.TimelinePressure, v)
	case "business_context.competition_risk":
		return setString(&bc.CompetitionRisk, v)
	case "business_context.referral_potential":
		return setNumber(&bc.ReferralPotential, v)
	}
	return false
}

func setString(dst *string, v any) bool {
	s, ok := v.(string)
	if !ok || strings.TrimSpace(*dst) != "" {
		return false
	}
	*dst = s
	return true
}

func setNumber(dst *float64, v any) bool {
	var f float64
	switch x := v.(type) {
	case float64:
		f = x
	case int:
		f = float64(x)
	case int64:
		f = float64(x)
	default:
		return false
	}
	if *dst != 0 || f == 0 {
		return false
	}
	*dst = f
	return true
}

func setStrings(dst *[]string, v any) bool {
	if len(*dst) > 0 {
		return false
	}
	var out []string
	switch x := v.(type) {
	case []string:
		out = append(out, x...)
	case []any:
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return false
			}
			out = append(out, s)
		}
	case string:
		out = []string{x}
	default:
		return false
	}
	if len(out) == 0 {
		return false
	}
	*dst = out
	return true
}

// MissingFields reports which of the given paths the input lacks (by its JSON form), so a lookup
// only asks the CRM for what is needed.
func (in *Input) MissingFields(paths []string) []string {
	doc := SourceDocument(in, nil, Limits{})
	var out []string
	for _, p := range paths {
		if v, ok := Resolve(doc, p); !ok || !present(v) {
			out = append(out, p)
		}
	}
	return out
}
