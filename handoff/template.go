package handoff

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Template says what a receiving agent must get: named sections of field paths, and the paths
// that are required. Templates come from config (the seed's agent-specific protocols: seller
// bot, buyer bot, human), so a deployment names any field of the input without code changes.
//
// A field path is a dotted path into the JSON form of the handoff input, e.g.
// "conversation_state.preference_profile.budget", "relationship_context.emotional_state",
// "signals.property_value", "customer.name" or "decision.reasons". A numeric segment indexes a
// list ("conversation_state.intent_analysis.0.intent"). See SourceDocument for what the roots
// hold.
type Template struct {
	Name string `json:"name" mapstructure:"name"`
	// AppliesTo lists agent IDs, group names or agent kinds (bot, specialist, human,
	// supervisor). An ID match beats a group match, which beats a kind match.
	AppliesTo []string `json:"applies_to,omitempty" mapstructure:"applies_to"`
	// Required paths count towards context completeness; each must be in some section.
	Required []string `json:"required,omitempty" mapstructure:"required"`
	// Sections map a section name (property_details, emotional_context, ...) to its paths.
	Sections map[string][]string `json:"sections" mapstructure:"sections"`
	// Brief lists paths (each in some section) whose values the brief shows as key facts.
	// Prefer fields that identify nobody: the brief is shown in the Web UI.
	Brief []string `json:"brief,omitempty" mapstructure:"brief"`
}

// DefaultTemplateName names the built-in template used when no configured template applies.
const DefaultTemplateName = "default"

// DefaultTemplate is the seed's three context sections. Its required fields are the few every
// bot of the seed sends, so a deployment without templates still measures something useful.
func DefaultTemplate() Template {
	return Template{
		Name: DefaultTemplateName,
		Required: []string{
			"conversation_state.intent_analysis",
			"conversation_state.preference_profile",
			"relationship_context.emotional_state",
			"business_context.timeline_pressure",
		},
		Sections: map[string][]string{
			"conversation_state": {
				"conversation_state.intent_analysis", "conversation_state.preference_profile",
				"conversation_state.objection_history", "conversation_state.progress_milestones",
			},
			"relationship_context": {
				"relationship_context.rapport_level", "relationship_context.communication_style",
				"relationship_context.emotional_state", "relationship_context.relationship_history",
			},
			"business_context": {
				"business_context.opportunity_value", "business_context.timeline_pressure",
				"business_context.competition_risk", "business_context.referral_potential",
			},
		},
	}
}

// PickTemplate returns the template that applies best to the agent: the first one naming its
// ID, else the first naming one of its groups, else the first naming its kind, else the one
// called "default", else DefaultTemplate.
func PickTemplate(templates []Template, ag Agent) Template {
	best, bestRank := -1, 0
	for i, t := range templates {
		if r := t.rank(ag); r > bestRank {
			best, bestRank = i, r
		}
	}
	if best >= 0 {
		return templates[best]
	}
	for _, t := range templates {
		if t.Name == DefaultTemplateName {
			return t
		}
	}
	return DefaultTemplate()
}

func (t *Template) rank(ag Agent) int {
	r := 0
	for _, a := range t.AppliesTo {
		switch {
		case a == ag.ID:
			return 3
		case slices.Contains(ag.Groups, a):
			r = max(r, 2)
		case a == string(ag.Kind):
			r = max(r, 1)
		}
	}
	return r
}

// SectionNames are the template's section names in a stable (sorted) order.
func (t *Template) SectionNames() []string {
	names := make([]string, 0, len(t.Sections))
	for n := range t.Sections {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Validate checks the template on its own: a name, valid paths, at least one section, and
// every required path in some section (a required field no section carries could never reach
// the receiver). The error names the key within the template ("required[2]", ...).
func (t *Template) Validate() error {
	if strings.TrimSpace(t.Name) == "" {
		return &FieldError{"name", "is required"}
	}
	if len(t.Sections) == 0 {
		return &FieldError{"sections", "at least one section is required"}
	}
	inSection := map[string]bool{}
	for _, name := range t.SectionNames() {
		if strings.TrimSpace(name) == "" {
			return &FieldError{"sections", "a section name is empty"}
		}
		for i, p := range t.Sections[name] {
			if err := ValidatePath(p); err != nil {
				return &FieldError{fmt.Sprintf("sections.%s[%d]", name, i), err.Error()}
			}
			inSection[p] = true
		}
	}
	seen := map[string]bool{}
	for i, p := range t.Required {
		if err := ValidatePath(p); err != nil {
			return &FieldError{fmt.Sprintf("required[%d]", i), err.Error()}
		}
		if !inSection[p] {
			return &FieldError{fmt.Sprintf("required[%d]", i), fmt.Sprintf("%q is in no section: add it to one so it reaches the receiver", p)}
		}
		if seen[p] {
			return &FieldError{fmt.Sprintf("required[%d]", i), fmt.Sprintf("%q is listed twice", p)}
		}
		seen[p] = true
	}
	for i, p := range t.Brief {
		if err := ValidatePath(p); err != nil {
			return &FieldError{fmt.Sprintf("brief[%d]", i), err.Error()}
		}
		if !inSection[p] {
			return &FieldError{fmt.Sprintf("brief[%d]", i), fmt.Sprintf("%q is in no section: the brief shows packaged fields only", p)}
		}
	}
	return nil
}

// pathFields lists the roots of the source document and, for the fixed sections, their
// fields; nil means the root's keys are free-form (signals) or it is a leaf.
var pathFields = map[string][]string{
	"conversation_id": nil,
	"source_agent":    nil,
	"source_result":   nil,
	"signals":         nil,
	"customer":        {"id", "name", "phone", "email"},
	"conversation_state": {
		"intent_analysis", "preference_profile", "objection_history", "progress_milestones",
	},
	"relationship_context": {
		"rapport_level", "communication_style", "emotional_state", "relationship_history",
	},
	"business_context": {
		"opportunity_value", "timeline_pressure", "competition_risk", "referral_potential",
	},
	"decision": {"rule", "scenario", "reasons", "rules_version", "analyzer", "urgent"},
}

var leafRoots = map[string]bool{"conversation_id": true, "source_agent": true, "source_result": true}

// ValidatePath checks that a field path is well formed and starts at a known root (and, for
// the fixed sections, names a known field), so a typo fails at load rather than counting as a
// field every handoff loses.
func ValidatePath(p string) error {
	if p == "" {
		return fmt.Errorf("empty path")
	}
	segs := strings.Split(p, ".")
	for _, s := range segs {
		if s == "" {
			return fmt.Errorf("%q has an empty segment", p)
		}
		for _, r := range s {
			if !(r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				return fmt.Errorf("%q: segment %q may hold only letters, digits, '_' and '-'", p, s)
			}
		}
	}
	fields, ok := pathFields[segs[0]]
	if !ok {
		return fmt.Errorf("%q starts at unknown root %q (expected one of %s)", p, segs[0], strings.Join(pathRoots(), ", "))
	}
	if leafRoots[segs[0]] && len(segs) > 1 {
		return fmt.Errorf("%q: %s is a text field with no fields under it", p, segs[0])
	}
	if fields != nil && len(segs) > 1 && !slices.Contains(fields, segs[1]) {
		return fmt.Errorf("%q: %s has no field %q (expected one of %s)", p, segs[0], segs[1], strings.Join(fields, ", "))
	}
	return nil
}

func pathRoots() []string {
	roots := make([]string, 0, len(pathFields))
	for r := range pathFields {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	return roots
}
