package handoff

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// SourceDocument is the JSON form of what a package is built from, the document template
// paths point into: the handoff input without its messages (the transcript is not a field),
// with these differences:
//   - "signals" are the decision's signals (the bot's plus those the analyzer derived), with
//     any the decision lacks taken from the input;
//   - "decision" is the DecisionSummary (rule, scenario, reasons, rules_version, ...);
//   - conversation_state.intent_analysis keeps the latest limits.IntentAnalyses readings, as
//     the seed asks ("latest 3 analyses with confidence scores").
//
// Values are in their JSON-decoded form (float64, string, bool, []any, map[string]any), so
// they compare equal to what a receiver decodes.
func SourceDocument(in *Input, d *Decision, limits Limits) map[string]any {
	limits = limits.withDefaults()
	src := *in
	src.Messages = nil
	src.Signals = mergedSignals(in, d)
	src.ConversationState.IntentAnalysis = latestIntents(in.ConversationState.IntentAnalysis, limits.IntentAnalyses)
	doc := toJSONMap(src)
	if doc == nil {
		doc = map[string]any{}
	}
	delete(doc, "messages")
	if sum := toJSONMap(summarize(d)); sum != nil {
		doc["decision"] = sum
	}
	return doc
}

// mergedSignals are the decision's signals plus the input's that the decision lacks.
func mergedSignals(in *Input, d *Decision) map[string]any {
	if d == nil || len(d.Signals) == 0 {
		return in.Signals
	}
	out := maps.Clone(d.Signals)
	for k, v := range in.Signals {
		if _, ok := out[k]; !ok {
			out[k] = v
		}
	}
	return out
}

func latestIntents(all []IntentAnalysis, n int) []IntentAnalysis {
	if n <= 0 || len(all) <= n {
		return all
	}
	return all[len(all)-n:]
}

// toJSONMap is v's JSON object form; nil if v does not encode to an object.
func toJSONMap(v any) map[string]any {
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var m map[string]any
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	return m
}

// Resolve walks a dotted field path through a JSON-decoded document. A numeric segment
// indexes a list. ok is false when the path leads nowhere.
func Resolve(doc map[string]any, path string) (any, bool) {
	var cur any = doc
	for seg := range strings.SplitSeq(path, ".") {
		switch node := cur.(type) {
		case map[string]any:
			v, ok := node[seg]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(node) {
				return nil, false
			}
			cur = node[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// present reports whether a resolved value carries information. false and 0 do (a signal can
// be false); null, blank text and empty lists or objects do not.
func present(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case string:
		return strings.TrimSpace(x) != ""
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// sameJSON compares two values by their JSON encoding (object keys sorted), the form the
// receiver sees, so a value counts as intact exactly when it would decode the same.
func sameJSON(a, b any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(ja, jb)
}

// Completeness is the share of the package's required fields that reached the receiver with
// their value intact, and the paths that did not. received is the delivered package as the
// receiver decoded it from JSON. A required field the source never had counts as lost: the
// receiver does not have it, whoever is to blame. A package without required fields scores 1.
//
// The receiver's value is looked up in the sections of the received package, then at the
// same path in the received package itself (its three context sections, customer and signals
// sit at the top level as in the input).
func Completeness(p *Package, received map[string]any) (float64, []string) {
	if len(p.Required) == 0 {
		return 1, nil
	}
	var lost []string
	for _, path := range p.Required {
		want, ok := p.Value(path)
		if !ok || !receivedIntact(received, path, want) {
			lost = append(lost, path)
		}
	}
	return float64(len(p.Required)-len(lost)) / float64(len(p.Required)), lost
}

func receivedIntact(received map[string]any, path string, want any) bool {
	if secs, ok := received["sections"].(map[string]any); ok {
		for _, s := range secs {
			if fields, ok := s.(map[string]any); ok {
				if got, ok := fields[path]; ok && sameJSON(got, want) {
					return true
				}
			}
		}
	}
	got, ok := Resolve(received, path)
	return ok && sameJSON(got, want)
}

// Value is the source value of a field path as packaged in the sections.
func (p *Package) Value(path string) (any, bool) {
	for _, name := range sortedKeys(p.Sections) {
		if v, ok := p.Sections[name][path]; ok && present(v) {
			return v, true
		}
	}
	return nil, false
}

// RoundTrip measures the package's completeness the way a receiver gets it: JSON-encoded,
// then decoded. A field that does not survive encoding counts as lost.
func (p *Package) RoundTrip() (float64, []string) {
	b, err := json.Marshal(p)
	if err != nil {
		return 0, slices.Clone(p.Required)
	}
	return completenessOf(p, b)
}

// completenessOf measures p's completeness on b, p's JSON encoding.
func completenessOf(p *Package, b []byte) (float64, []string) {
	// The transcript and truncation hold no fields; leaving them undecoded halves the cost.
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return 0, slices.Clone(p.Required)
	}
	m := make(map[string]any, len(raw))
	for k, v := range raw {
		if k == "transcript" || k == "truncation" {
			continue
		}
		var x any
		if err := json.Unmarshal(v, &x); err != nil {
			return 0, slices.Clone(p.Required)
		}
		m[k] = x
	}
	return Completeness(p, m)
}

// Preservation is how much of the required context the receiver says it has, with the
// customer having to repeat themselves counted against it.
type Preservation struct {
	// Score is intact / (required + repeats): each time the customer had to repeat themselves
	// is one more piece of context that did not reach the receiver. 1 with nothing required
	// and no repeats.
	Score    float64  `json:"score"`
	Required int      `json:"required"`
	Repeats  int      `json:"repeats,omitempty"`
	Intact   []string `json:"intact,omitempty"`
	// Missing are required paths the receiver lacks.
	Missing []string `json:"missing,omitempty"`
	// Resendable are the missing paths the package has values for: re-send them (Resend).
	Resendable []string `json:"resendable,omitempty"`
	// Unavailable are the missing paths the source never sent: nothing to re-send, so the
	// handoff should be flagged.
	Unavailable []string `json:"unavailable,omitempty"`
}

// AckPreservation scores the receiver's context_ack against the package's required fields.
// A path in ack.Missing is missing even if also listed as received. When the receiver lists
// only what it misses (Received empty), every other required field counts as received;
// otherwise a required field it does not list as received counts as missing.
func AckPreservation(p *Package, ack ContextAckInput, repeats int) Preservation {
	repeats = max(repeats, 0)
	pr := Preservation{Required: len(p.Required), Repeats: repeats}
	for _, path := range p.Required {
		has := !slices.Contains(ack.Missing, path) && (len(ack.Received) == 0 || slices.Contains(ack.Received, path))
		if has {
			pr.Intact = append(pr.Intact, path)
			continue
		}
		pr.Missing = append(pr.Missing, path)
		if _, ok := p.Value(path); ok {
			pr.Resendable = append(pr.Resendable, path)
		} else {
			pr.Unavailable = append(pr.Unavailable, path)
		}
	}
	pr.Score = PreservationScore(len(pr.Intact), len(p.Required), repeats)
	return pr
}

// PreservationScore is intact / (required + repeats), 1 when both are zero.
func PreservationScore(intact, required, repeats int) float64 {
	den := required + max(repeats, 0)
	if den == 0 {
		return 1
	}
	return float64(min(max(intact, 0), required)) / float64(den)
}

// Resend is a small package carrying only the given paths, for a receiver whose context_ack
// listed them as missing: no transcript, no full sections. Paths the package has no value for
// (the source never sent them) are listed in its Missing, so the caller can flag the handoff.
func Resend(p *Package, paths []string) Package {
	r := Package{
		Version:        p.Version,
		ConversationID: p.ConversationID,
		Source:         p.Source,
		Target:         p.Target,
		Template:       p.Template,
		Scenario:       p.Scenario,
		Resend:         true,
		Sections:       map[string]map[string]any{},
		Transcript:     []Message{},
		Truncation:     Truncation{LimitBytes: p.Truncation.LimitBytes},
	}
	for _, path := range paths {
		if slices.Contains(r.Required, path) || slices.Contains(r.Missing, path) {
			continue
		}
		found := false
		for _, name := range sortedKeys(p.Sections) {
			if v, ok := p.Sections[name][path]; ok && present(v) {
				if r.Sections[name] == nil {
					r.Sections[name] = map[string]any{}
				}
				r.Sections[name][path] = v
				found = true
			}
		}
		if found {
			r.Required = append(r.Required, path)
		} else {
			r.Missing = append(r.Missing, path)
		}
	}
	r.Completeness, _ = r.RoundTrip()
	var b strings.Builder
	b.WriteString("Re-sent " + strconv.Itoa(len(r.Required)) + " field(s) the receiver missed")
	if len(r.Required) > 0 {
		b.WriteString(": " + strings.Join(r.Required, ", "))
	}
	b.WriteString(".")
	if len(r.Missing) > 0 {
		b.WriteString("\nMISSING, not sent by " + p.Source + ": " + strings.Join(r.Missing, ", ") + ".")
	}
	r.Brief = b.String()
	return r
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
