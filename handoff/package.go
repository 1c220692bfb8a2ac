package handoff

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/handoffhq/orchestrator/internal/redact"
)

// PackageVersion is the version of the Package schema; receivers check it. Version 2 added
// the template, its sections and required fields, truncation, enrichment and completeness.
const PackageVersion = 2

// Package is the context a receiving agent gets: everything the customer already said and
// the state around it, so the customer never has to repeat themselves.
//
// The seed's three sections (conversation_state, relationship_context, business_context),
// customer and signals sit at the top level exactly as in the input, so a field path means the
// same in the input and in the package. Sections regroups the template's fields by the
// receiver's protocol (property_details, buyer_profile, emotional_context, ...).
type Package struct {
	Version        int    `json:"version"`
	ConversationID string `json:"conversation_id"`
	Source         string `json:"source"`
	Target         string `json:"target"`
	// Template names the template the package follows.
	Template string `json:"template"`
	Scenario string `json:"scenario,omitempty"`
	// Decision is the routing decision that led here.
	Decision            DecisionSummary     `json:"decision,omitzero"`
	Customer            Customer            `json:"customer,omitzero"`
	ConversationState   ConversationState   `json:"conversation_state,omitzero"`
	RelationshipContext RelationshipContext `json:"relationship_context,omitzero"`
	BusinessContext     BusinessContext     `json:"business_context,omitzero"`
	// Signals are the decision's signals (the bot's and the analyzer's).
	Signals map[string]any `json:"signals,omitempty"`
	// SourceResult is what the source agent produced last.
	SourceResult string `json:"source_result,omitempty"`
	// Sections are the template's sections: section name -> field path -> value. A field the
	// source did not send is absent from its section and listed in Missing.
	Sections map[string]map[string]any `json:"sections,omitempty"`
	// Required are the template's required field paths.
	Required []string `json:"required,omitempty"`
	// Missing are required paths the source never sent: they count against completeness and
	// the brief flags them, so operators see which bot left them out.
	Missing    []string          `json:"missing,omitempty"`
	Transcript []Message         `json:"transcript"`
	Truncation Truncation        `json:"truncation"`
	Enrichment *EnrichmentRecord `json:"enrichment,omitempty"`
	// Completeness is the share of required fields intact after a JSON round trip of this
	// package, measured when it was built.
	Completeness       float64 `json:"completeness"`
	IntroductionScript string  `json:"introduction_script,omitempty"`
	FirstResponse      string  `json:"first_response,omitempty"`
	// Resend marks a package re-sending only fields a receiver missed (see Resend).
	Resend bool `json:"resend,omitempty"`
	// Brief is a few lines a person reads in five seconds; no contact details.
	Brief string `json:"brief"`
}

// DecisionSummary is the part of the routing decision a receiver needs: which rule, why.
type DecisionSummary struct {
	Rule     string `json:"rule,omitempty"`
	Scenario string `json:"scenario,omitempty"`
	// Reasons are the conditions that held.
	Reasons      []Reason `json:"reasons,omitempty"`
	RulesVersion string   `json:"rules_version,omitempty"`
	Analyzer     string   `json:"analyzer,omitempty"`
	Urgent       bool     `json:"urgent,omitempty"`
}

func summarize(d *Decision) DecisionSummary {
	if d == nil {
		return DecisionSummary{}
	}
	s := DecisionSummary{Rule: d.Rule, Scenario: d.Scenario, RulesVersion: d.RulesVersion, Analyzer: d.Analyzer, Urgent: d.Urgent}
	for _, r := range d.Reasons {
		if r.Matched {
			s.Reasons = append(s.Reasons, r)
		}
	}
	return s
}

// BuildOptions are what a deployment decides about a package: the receiver's template, the
// size limits, and the CRM enrichment if one ran.
type BuildOptions struct {
	// Template is the receiver's template; the zero Template means DefaultTemplate.
	Template Template
	// Limits; zero fields take DefaultLimits.
	Limits Limits
	// Enrichment is applied (fills empty fields only) before packaging and recorded.
	Enrichment *Enrichment
}

// unsectioned holds required fields a template (one not validated) put in no section.
const unsectioned = "required"

// BuildPackage packages a conversation for one target with the default template and limits.
func BuildPackage(in *Input, d *Decision, target string) Package {
	return Build(in, d, target, BuildOptions{})
}

// Build packages a conversation for one target. It is pure: the same input, decision and
// options give the same package. Tool and system chatter stays out of the transcript; a
// transcript too long for the size limit keeps its most recent messages and a summary of the
// rest; required fields live in the sections and are never dropped to fit.
func Build(in *Input, d *Decision, target string, o BuildOptions) Package {
	if in == nil {
		in = &Input{}
	}
	if d == nil {
		d = &Decision{}
	}
	limits := o.Limits.withDefaults()
	t := o.Template
	if t.Name == "" && len(t.Sections) == 0 {
		t = DefaultTemplate()
	}

	src := *in
	var rec *EnrichmentRecord
	if e := o.Enrichment; e != nil {
		ApplyEnrichment(&src, *e)
		rec = &EnrichmentRecord{Enriched: e.Enriched, Source: e.Source, Reason: e.Reason}
	}
	doc := SourceDocument(&src, d, limits)
	if rec != nil && o.Enrichment.Enriched {
		// A field came from the CRM if the packaged value is the CRM's (applied now or by the
		// workflow before) and the path is one enrichment may fill.
		for _, path := range o.Enrichment.Paths() {
			if v, ok := Resolve(doc, path); ok && EnrichablePath(path) && sameJSON(v, o.Enrichment.Fields[path]) {
				rec.Fields = append(rec.Fields, path)
			}
		}
	}

	p := Package{
		Version:             PackageVersion,
		ConversationID:      src.ConversationID,
		Source:              src.SourceAgent,
		Target:              target,
		Template:            t.Name,
		Scenario:            d.Scenario,
		Decision:            summarize(d),
		Customer:            src.Customer,
		ConversationState:   src.ConversationState,
		RelationshipContext: src.RelationshipContext,
		BusinessContext:     src.BusinessContext,
		Signals:             mergedSignals(&src, d),
		SourceResult:        src.SourceResult,
		Sections:            make(map[string]map[string]any, len(t.Sections)),
		Required:            slices.Clone(t.Required),
		Enrichment:          rec,
		IntroductionScript:  d.Protocol.IntroductionScript,
		FirstResponse:       d.Protocol.FirstResponse,
	}
	p.ConversationState.IntentAnalysis = latestIntents(src.ConversationState.IntentAnalysis, limits.IntentAnalyses)
	for _, name := range t.SectionNames() {
		fields := map[string]any{}
		for _, path := range t.Sections[name] {
			if v, ok := Resolve(doc, path); ok && present(v) {
				fields[path] = v
			}
		}
		p.Sections[name] = fields
	}
	for _, path := range p.Required {
		if _, ok := p.Value(path); ok {
			continue
		}
		// A template built in code may skip validation: a required path no section lists still
		// travels, in a section of its own, rather than being dropped.
		if v, ok := Resolve(doc, path); ok && present(v) {
			if p.Sections[unsectioned] == nil {
				p.Sections[unsectioned] = map[string]any{}
			}
			p.Sections[unsectioned][path] = v
			continue
		}
		p.Missing = append(p.Missing, path)
	}

	transcript, filtered := conversational(src.Messages)
	p.Truncation = Truncation{Messages: len(transcript), Filtered: filtered, Kept: len(transcript), LimitBytes: limits.MaxBytes}
	enc := bound(&p, transcript, limits, func(p *Package) { p.Brief = Brief(p, &t) })
	// Measured on the very encoding bound produced: what the receiver will decode.
	if enc != nil {
		p.Completeness, _ = completenessOf(&p, enc)
	} else {
		p.Completeness, _ = p.RoundTrip()
	}
	return p
}

// Brief renders a few lines an agent reads in five seconds from a package and its template:
// who and why, how the customer feels, urgency and key facts, the last thing the customer
// said, what to open with, and what is missing. Email addresses, phone numbers and the
// customer's name are masked: the brief is shown in the Web UI.
func Brief(p *Package, t *Template) string {
	mask := redact.NewHandler(nil, redact.Options{Names: strings.Fields(p.Customer.Name)})
	clean := func(s string, n int) string { return truncate(mask.String(oneLine(s)), n) }
	var lines []string

	head := fmt.Sprintf("%s → %s", p.Source, p.Target)
	for _, part := range []string{p.Scenario, prefixed("rule ", p.Decision.Rule), prefixed("template ", p.Template)} {
		if part != "" {
			head += " · " + part
		}
	}
	if p.Decision.Urgent {
		head += " · URGENT"
	}
	lines = append(lines, head)

	var why []string
	for _, r := range p.Decision.Reasons {
		if r.Matched && r.Text != "" && len(why) < 3 {
			why = append(why, clean(r.Text, 110))
		}
	}
	if len(why) > 0 {
		lines = append(lines, "Why: "+strings.Join(why, "; ")+".")
	}

	rc := p.RelationshipContext
	var feel []string
	if rc.EmotionalState != "" {
		feel = append(feel, clean(rc.EmotionalState, 90))
	}
	if rc.RapportLevel > 0 {
		feel = append(feel, "rapport "+formatNumber(rc.RapportLevel)+"/10")
	}
	if rc.CommunicationStyle != "" {
		feel = append(feel, "style: "+clean(rc.CommunicationStyle, 60))
	}
	if len(feel) > 0 {
		lines = append(lines, "Customer: "+strings.Join(feel, "; ")+".")
	}

	var urgency []string
	if tp := p.BusinessContext.TimelinePressure; tp != "" {
		urgency = append(urgency, "pressure "+clean(tp, 60))
	}
	if v := p.BusinessContext.OpportunityValue; v > 0 {
		urgency = append(urgency, "opportunity $"+formatNumber(v))
	}
	if t != nil {
		for _, path := range t.Brief {
			if v, ok := p.Value(path); ok && len(urgency) < 6 {
				urgency = append(urgency, fieldLabel(path)+" "+clean(formatValue(v), 60))
			}
		}
	}
	if len(urgency) > 0 {
		lines = append(lines, "Urgency: "+strings.Join(urgency, "; ")+".")
	}

	for i := len(p.Transcript) - 1; i >= 0; i-- {
		if p.Transcript[i].Role == "customer" {
			lines = append(lines, fmt.Sprintf("Last said: %q", clean(p.Transcript[i].Text, 160)))
			break
		}
	}
	if p.FirstResponse != "" {
		lines = append(lines, "Open with: "+clean(p.FirstResponse, 100)+".")
	}

	var flags []string
	if len(p.Missing) > 0 {
		flags = append(flags, fmt.Sprintf("MISSING, not sent by %s: %s.", p.Source, strings.Join(p.Missing, ", ")))
	}
	if tr := p.Truncation; tr.Cut() {
		flags = append(flags, fmt.Sprintf("Transcript: last %d of %d messages; %d earlier summarised.", tr.Kept, tr.Messages, tr.Summarized))
	}
	if tr := p.Truncation; len(tr.ClippedFields)+len(tr.Omitted) > 0 {
		flags = append(flags, fmt.Sprintf("Context cut to fit the size limit: %d field(s) clipped, %d left out (see truncation).", len(tr.ClippedFields), len(tr.Omitted)))
	}
	if e := p.Enrichment; e != nil {
		switch {
		case !e.Enriched && e.Reason != "":
			flags = append(flags, "No CRM enrichment: "+clean(e.Reason, 120)+".")
		case len(e.Fields) > 0:
			flags = append(flags, "From CRM: "+strings.Join(e.Fields, ", ")+".")
		}
	}
	lines = append(lines, flags...)
	return truncate(strings.Join(lines, "\n"), 1200)
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// fieldLabel turns "conversation_state.preference_profile.budget" into "budget".
func fieldLabel(path string) string {
	return strings.ReplaceAll(path[strings.LastIndex(path, ".")+1:], "_", " ")
}

// formatValue renders a JSON-decoded value briefly.
func formatValue(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return formatNumber(x)
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case []any:
		parts := make([]string, 0, 3)
		for _, e := range x[:min(len(x), 3)] {
			parts = append(parts, formatValue(e))
		}
		if len(x) > 3 {
			parts = append(parts, fmt.Sprintf("+%d more", len(x)-3))
		}
		return strings.Join(parts, "; ")
	case map[string]any:
		keys := sortedKeys(x)
		parts := make([]string, 0, 4)
		for _, k := range keys[:min(len(keys), 4)] {
			parts = append(parts, k+": "+formatValue(x[k]))
		}
		return strings.Join(parts, ", ")
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// formatNumber writes integers with thousands separators (20,550) and others briefly (0.91).
func formatNumber(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "?"
	}
	if f != math.Trunc(f) || math.Abs(f) >= 1e15 {
		return strconv.FormatFloat(f, 'g', 4, 64)
	}
	s := strconv.FormatInt(int64(math.Abs(f)), 10)
	var b strings.Builder
	if f < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
