package decision

import (
	"fmt"
	"slices"
	"strings"

	"github.com/handoffhq/orchestrator/handoff"
)

// RuleInfo describes a compiled rule to the parts of the config that refer to rules
// (experiments) and to the tools that read the handoff log (rules suggest, what-if).
type RuleInfo struct {
	Name       string
	Target     string
	Precedence int
	Scenario   string
	Urgent     bool
	// From is the rule's sources as written (empty: any).
	From []string
	// Signals are the signals its conditions read, sorted.
	Signals []string
	// Thresholds are the numeric comparisons among its conditions, in the order written.
	Thresholds []Threshold
	// Canon is the condition's normal form ("" for an unconditional rule).
	Canon string
}

// Threshold is one numeric comparison of a rule, such as property_value > 1M.
type Threshold struct {
	Signal  string  `json:"signal"`
	Op      string  `json:"op"`
	Value   float64 `json:"value"`
	Written string  `json:"written"`
}

func (t Threshold) String() string { return t.Signal + " " + t.Op + " " + t.Written }

// Rules describes the engine's condition rules, highest precedence first.
func (e *Engine) Rules() []RuleInfo {
	if e == nil {
		return nil
	}
	out := make([]RuleInfo, 0, len(e.rules))
	for _, r := range e.rules {
		info := RuleInfo{Name: r.name, Target: r.target, Precedence: r.precedence, Scenario: r.protocol.Scenario, Urgent: r.urgent,
			From: r.fromText, Canon: r.canon}
		if r.cond != nil {
			walkConditions(r.cond, func(c condition) {
				switch c := c.(type) {
				case *leaf:
					info.Signals = append(info.Signals, c.name)
					if c.typ == typeNumber {
						info.Thresholds = append(info.Thresholds, Threshold{Signal: c.name, Op: opText[c.op], Value: c.num, Written: c.written})
					}
				case *celCond:
					info.Signals = append(info.Signals, c.vars...)
				}
			})
		}
		slices.Sort(info.Signals)
		info.Signals = slices.Compact(info.Signals)
		out = append(out, info)
	}
	return out
}

func walkConditions(c condition, fn func(condition)) {
	fn(c)
	if g, ok := c.(*group); ok {
		for _, item := range g.items {
			walkConditions(item, fn)
		}
	}
}

// safetySignals are the signals of the human-safety family: distress, legal trouble, a VIP,
// a customer asking for a person.
var safetySignals = map[string]string{
	"emotional_distress":          "distress",
	"customer_emotional_distress": "distress",
	"legal_complexity":            "legal complexity",
	"human_requested":             "a customer asking for a person",
	"human_request_score":         "a customer asking for a person",
}

// Safety says why the rule is a safety rule, "" when it is not: it is marked urgent (the
// human-safety family), or it reads distress, legal complexity, a VIP flag or a customer's
// request for a person. Such a customer must never be kept from a handoff by an experiment.
func (r RuleInfo) Safety() string {
	var why []string
	if r.Urgent {
		why = append(why, "urgent")
	}
	for _, s := range r.Signals {
		if what, ok := safetySignals[s]; ok && !slices.Contains(why, "reads "+what) {
			why = append(why, "reads "+what)
		} else if strings.Contains(s, "vip") && !slices.Contains(why, "reads a VIP flag") {
			why = append(why, "reads a VIP flag")
		}
	}
	return strings.Join(why, ", ")
}

// RecordableSignals is what of a decision's signals the handoff log may keep, so the decision
// can be re-made later with other rules (what-if): the signals the rules know, as numbers,
// flags and categories. A string that is not shaped like a category (a label: lower case,
// digits, '_', '.', '-') could be the customer's words, and is left out; so is any signal the
// rules do not declare. The second result names what was left out.
func (e *Engine) RecordableSignals(signals map[string]any) (map[string]any, []string) {
	if e == nil || len(signals) == 0 {
		return nil, nil
	}
	out := make(map[string]any, len(signals))
	var dropped []string
	for name, v := range signals {
		t, known := e.types[name]
		if !known {
			dropped = append(dropped, name)
			continue
		}
		switch t {
		case typeNumber:
			if f, ok := numberOf(v); ok {
				out[name] = f
				continue
			}
		case typeBool:
			if b, ok := boolOf(v); ok {
				out[name] = b
				continue
			}
		case typeString:
			if s, ok := v.(string); ok && handoff.IsLabel(strings.ToLower(strings.TrimSpace(s))) {
				out[name] = strings.ToLower(strings.TrimSpace(s))
				continue
			}
		}
		dropped = append(dropped, name)
	}
	slices.Sort(dropped)
	return out, dropped
}

// String is the rule as one line, for reports.
func (r RuleInfo) String() string {
	return fmt.Sprintf("%s (precedence %d) -> %s", r.Name, r.Precedence, r.Target)
}
