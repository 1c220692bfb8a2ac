package handoff

import (
	"encoding/json"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// A package never travels alone: the delivery body a receiver gets wraps it with the type,
// the IDs, the brief and the introduction script again (activities/deliver.go marshals the
// Delivery with encoding/json). Limits.MaxBytes bounds that whole body, so a receiver whose
// own limit is max_package_bytes takes every delivery.

// completenessReserve covers what is written into the package after it is measured: the
// completeness figure grows from "0" to at most 18 characters (0.1111111111111111).
const completenessReserve = 24

// deliveryOverhead is what a delivery adds to the encoding of its package p, measured on a
// delivery of the longest type that carries a package, a run ID of the UUID's 36 characters and
// the longest offer expiry Go writes (nanoseconds and a zone offset).
func deliveryOverhead(p *Package) int {
	d := Delivery{
		Type:           DeliveryContextResend,
		HandoffID:      HandoffID(WorkflowID(p.ConversationID), strings.Repeat("0", 36)),
		ConversationID: p.ConversationID,
		From:           p.Source,
		To:             p.Target,
		Message:        p.IntroductionScript,
		Brief:          p.Brief,
		OfferExpiresAt: time.Date(2025, 12, 31, 23, 59, 59, 123456789, time.FixedZone("", -(9*3600+30*60))),
	}
	b, err := json.Marshal(d)
	if err != nil {
		return 0 // unreachable: a Delivery without a package always encodes
	}
	return len(b) + len(`,"package":`)
}

// fits reports whether p, whose encoding is enc, makes a delivery body within the limit.
func fits(p *Package, enc []byte, limits Limits) bool {
	return len(enc)+deliveryOverhead(p)+completenessReserve <= limits.MaxBytes
}

// clipContext cuts every string of the package's optional context to at most n runes: the
// top-level copies of the input's sections, customer, signals and source result, the
// decision's reasons, and section fields that are not required. Required fields stay whole.
// It records what it cut in p.Truncation.ClippedFields.
func clipContext(p *Package, n int) {
	clip := func(name string, changed bool) {
		if changed {
			p.Truncation.ClippedFields = append(p.Truncation.ClippedFields, name)
		}
	}
	var changed bool
	p.Customer, changed = clipStrings(p.Customer, n)
	clip("customer", changed)
	p.ConversationState, changed = clipStrings(p.ConversationState, n)
	clip("conversation_state", changed)
	p.RelationshipContext, changed = clipStrings(p.RelationshipContext, n)
	clip("relationship_context", changed)
	p.BusinessContext, changed = clipStrings(p.BusinessContext, n)
	clip("business_context", changed)
	p.Signals, changed = clipStrings(p.Signals, n)
	clip("signals", changed)
	p.SourceResult, changed = clipStrings(p.SourceResult, n)
	clip("source_result", changed)
	p.Decision.Reasons, changed = clipStrings(p.Decision.Reasons, n)
	clip("decision.reasons", changed)
	for _, section := range sortedKeys(p.Sections) {
		fields := p.Sections[section]
		for _, path := range sortedKeys(fields) {
			if slices.Contains(p.Required, path) {
				continue
			}
			fields[path], changed = clipStrings(fields[path], n)
			clip(sectionField(section, path), changed)
		}
	}
}

// sectionField names a section's field in the truncation record.
func sectionField(section, path string) string { return "sections." + section + "[" + path + "]" }

// clipStrings returns a copy of v, through its JSON form, with every string longer than n
// runes cut to n; changed is false (and v returned as it is) when nothing was that long.
func clipStrings[T any](v T, n int) (out T, changed bool) {
	b, err := json.Marshal(v)
	if err != nil {
		return v, false
	}
	var x any
	if json.Unmarshal(b, &x) != nil {
		return v, false
	}
	if x, changed = clipValue(x, n); !changed {
		return v, false
	}
	if b, err = json.Marshal(x); err != nil || json.Unmarshal(b, &out) != nil {
		return v, false
	}
	return out, true
}

// clipValue cuts long strings in a JSON-decoded value, in place.
func clipValue(v any, n int) (any, bool) {
	changed := false
	switch x := v.(type) {
	case string:
		if utf8.RuneCountInString(x) > n {
			return string([]rune(x)[:n-1]) + "…", true
		}
	case []any:
		for i := range x {
			var c bool
			x[i], c = clipValue(x[i], n)
			changed = changed || c
		}
	case map[string]any:
		for k := range x {
			var c bool
			x[k], c = clipValue(x[k], n)
			changed = changed || c
		}
	}
	return v, changed
}

// optionalPart is one piece of a package that may be left out when nothing else fits.
type optionalPart struct {
	name string
	size int
	omit func()
}

// optionalParts lists the package's optional context with the size of each one's encoding.
func optionalParts(p *Package) []optionalPart {
	size := func(v any) int {
		b, _ := json.Marshal(v)
		return len(b)
	}
	parts := []optionalPart{
		{"customer", size(p.Customer), func() { p.Customer = Customer{} }},
		{"conversation_state", size(p.ConversationState), func() { p.ConversationState = ConversationState{} }},
		{"relationship_context", size(p.RelationshipContext), func() { p.RelationshipContext = RelationshipContext{} }},
		{"business_context", size(p.BusinessContext), func() { p.BusinessContext = BusinessContext{} }},
		{"signals", size(p.Signals), func() { p.Signals = nil }},
		{"source_result", size(p.SourceResult), func() { p.SourceResult = "" }},
		{"decision.reasons", size(p.Decision.Reasons), func() { p.Decision.Reasons = nil }},
		{"truncation.summary", size(p.Truncation.Summary), func() { p.Truncation.Summary = "" }},
	}
	for _, section := range sortedKeys(p.Sections) {
		fields := p.Sections[section]
		for _, path := range sortedKeys(fields) {
			if !slices.Contains(p.Required, path) {
				parts = append(parts, optionalPart{sectionField(section, path), size(fields[path]), func() { delete(fields, path) }})
			}
		}
	}
	// Largest first; the fixed order above breaks ties, so a package is always cut the same way.
	slices.SortStableFunc(parts, func(a, b optionalPart) int { return b.size - a.size })
	return parts
}

// omitContext leaves out the package's optional context, largest part first, until the
// package fits, and returns its encoding. Parts left out are recorded in p.Truncation.Omitted.
// Required fields are never left out: when they alone exceed the limit, nothing is left to
// omit and the package stays over it.
func omitContext(p *Package, enc []byte, limits Limits, refresh func(*Package)) []byte {
	for _, part := range optionalParts(p) {
		if fits(p, enc, limits) {
			break
		}
		if part.size <= len("null") {
			continue // already empty
		}
		part.omit()
		p.Truncation.Omitted = append(p.Truncation.Omitted, part.name)
		refresh(p)
		b, err := json.Marshal(p)
		if err != nil {
			break
		}
		enc = b
	}
	return enc
}
