package decision

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// Monitoring rules are written in the routing rules' CEL, over the monitoring window's view
// (handoff.MonitorView) instead of the conversation's signals. Compiling and evaluating them
// is pure: the workflow asks for an evaluation through a local activity, so a new lexicon or
// classifier in a later release never changes what a recorded handoff saw.

// monitorVars are the CEL variables of a monitoring rule and their types.
var monitorVars = map[string]sigType{
	"sentiment_last":               typeNumber,
	"sentiment_mean":               typeNumber,
	"sentiment_drop":               typeNumber,
	"sentiment_count":              typeNumber,
	"customer_messages":            typeNumber,
	"owner_first_response_seconds": typeNumber,
	"owner_silent":                 typeBool,
	"owner_person":                 typeBool,
	"owner_silent_seconds":         typeNumber,
	"window_seconds":               typeNumber,
	"repeats":                      typeNumber,
	"asked_for_person":             typeBool,
	"asked_for_previous":           typeBool,
	"distress":                     typeBool,
}

// MonitorVars lists the variables a monitoring rule may read, for error messages and docs.
func MonitorVars() []string {
	out := make([]string, 0, len(monitorVars))
	for n := range monitorVars {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// MonitorRules is a compiled set of monitoring rules.
type MonitorRules struct {
	rules []handoff.MonitorRule
	conds []*celCond
}

// CompileMonitor validates the rules: a unique safe name, a CEL condition over the view that
// yields bool, a known action, a target in the roster where the action needs one, a duration
// for extend. key prefixes every error (e.g. "handoff.monitoring.rules") so it names the key.
func CompileMonitor(key string, rules []handoff.MonitorRule, agents []handoff.Agent) (*MonitorRules, error) {
	env, err := newCELEnv(monitorVars)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", key, err)
	}
	r := newRoster(agents)
	m := &MonitorRules{}
	seen := map[string]bool{}
	for i, rule := range rules {
		at := fmt.Sprintf("%s[%d]", key, i)
		switch {
		case !namePattern.MatchString(rule.Name):
			return nil, fmt.Errorf("%s.name: %q must be 1-80 letters, digits or _.:- starting with a letter or digit", at, rule.Name)
		case seen[rule.Name]:
			return nil, fmt.Errorf("%s.name: %q is used by an earlier rule", at, rule.Name)
		}
		seen[rule.Name] = true
		at = fmt.Sprintf("%s[%d] (%s)", key, i, rule.Name)
		c, err := compileCEL(env, monitorVars, rule.When)
		if err != nil {
			return nil, fmt.Errorf("%s.when: %v (variables: %s)", at, err, strings.Join(MonitorVars(), ", "))
		}
		switch rule.Action {
		case handoff.ActionReescalate, handoff.ActionAlert:
			if rule.Target == "" {
				return nil, fmt.Errorf("%s.target: %s needs a target agent or group", at, rule.Action)
			}
			if len(agents) > 0 && !r.known(rule.Target) {
				return nil, fmt.Errorf("%s.target: %q is not an agent or group of the roster", at, rule.Target)
			}
		case handoff.ActionHandback, handoff.ActionFollowUp:
			if rule.Target != "" {
				return nil, fmt.Errorf("%s.target: %s goes to an agent of the handoff (the previous agent, or handoff.followup.to); leave target empty", at, rule.Action)
			}
		case handoff.ActionExtend:
			if rule.Extend != "" {
				if d, err := time.ParseDuration(rule.Extend); err != nil || d <= 0 {
					return nil, fmt.Errorf("%s.extend: %q is not a positive duration", at, rule.Extend)
				}
			}
		case "":
			return nil, fmt.Errorf("%s.action: is required (reescalate, alert, handback, extend or followup)", at)
		default:
			return nil, fmt.Errorf("%s.action: %q is not one of reescalate, alert, handback, extend, followup", at, rule.Action)
		}
		m.rules = append(m.rules, rule)
		m.conds = append(m.conds, c)
	}
	return m, nil
}

// MonitorVersion is a hash of the rules and the check interval: what a handoff captured.
func MonitorVersion(rules []handoff.MonitorRule, check string) string {
	b, _ := json.Marshal(struct {
		R []handoff.MonitorRule
		C string
	}{rules, check})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6])
}

// ReadsOwnerSilence reports whether any rule reads the owner's silence, so the workflow knows
// to wake up and look while nothing arrives.
func (m *MonitorRules) ReadsOwnerSilence() bool {
	for _, c := range m.conds {
		for _, v := range c.vars {
			if v == "owner_silent" || v == "owner_silent_seconds" || v == "window_seconds" {
				return true
			}
		}
	}
	return false
}

// Evaluate returns the rules whose conditions hold on the view, in their configured order,
// leaving out those already fired. cues are the text cues (see ScanCues).
func (m *MonitorRules) Evaluate(v handoff.MonitorView, c Cues, fired []string) []handoff.MonitorMatch {
	e := &env{signals: viewSignals(v, c), types: monitorVars}
	var out []handoff.MonitorMatch
	for i, cond := range m.conds {
		if slices.Contains(fired, m.rules[i].Name) || !cond.eval(e) {
			continue
		}
		out = append(out, handoff.MonitorMatch{Rule: m.rules[i], Reason: reasonOf(cond, e)})
	}
	return out
}

// reasonOf says why a rule held with the values it read: numbers and booleans only.
func reasonOf(c *celCond, e *env) string {
	parts := make([]string, 0, len(c.vars))
	for _, n := range c.vars {
		if v, ok := e.signals[n]; ok {
			parts = append(parts, n+" "+formatValue(v))
		}
	}
	return c.src + ": " + strings.Join(parts, ", ")
}

func viewSignals(v handoff.MonitorView, c Cues) map[string]any {
	s := map[string]any{
		"sentiment_count":      v.SentimentCount,
		"customer_messages":    v.CustomerMessages,
		"owner_silent":         v.OwnerSilent,
		"owner_person":         v.OwnerPerson,
		"owner_silent_seconds": v.OwnerSilentSeconds,
		"window_seconds":       v.WindowSeconds,
		"repeats":              v.Repeats,
		"asked_for_person":     c.AskedForPerson,
		"asked_for_previous":   c.AskedForPrevious,
		"distress":             c.Distress,
	}
	for name, p := range map[string]*float64{
		"sentiment_last": v.SentimentLast, "sentiment_mean": v.SentimentMean, "sentiment_drop": v.SentimentDrop,
		"owner_first_response_seconds": v.OwnerFirstResponseSeconds,
	} {
		if p != nil {
			s[name] = *p
		}
	}
	return s
}

// Cues are what the customer's messages in the window show.
type Cues struct {
	AskedForPerson   bool `json:"asked_for_person"`
	AskedForPrevious bool `json:"asked_for_previous"`
	Distress         bool `json:"distress"`
}

// previousPhrases ask for whoever served the customer before the handoff, as words.
var previousPhrases = wordPhrases(
	"previous agent", "previous assistant", "the other agent", "the agent before", "the one before",
	"the first agent", "go back to", "switch me back", "put me back", "transfer me back", "send me back",
	"who i was talking to", "who i was speaking to", "the bot before", "the earlier agent", "talk to the bot again",
)

func wordPhrases(phrases ...string) [][]string {
	out := make([][]string, len(phrases))
	for i, p := range phrases {
		out[i] = words(p, nil)
	}
	return out
}

// ScanCues reads the window's customer messages with the engine's analyzer (a person asked
// for, distress) and for a request to go back to the previous agent (named by ID or its first
// word, or in general words).
func (e *Engine) ScanCues(texts []string, previous string) Cues {
	if len(texts) == 0 {
		return Cues{}
	}
	in := &handoff.Input{}
	for _, t := range texts {
		in.Messages = append(in.Messages, handoff.Message{Role: "customer", Text: t})
	}
	a := e.Analyze(in)
	var c Cues
	c.AskedForPerson, _ = a.Signals["human_requested"].(bool)
	c.Distress, _ = a.Signals["emotional_distress"].(bool)
	asks := previousPhrases
	if name := words(previous, nil); len(name) > 0 {
		// The previous agent by its ID ("jorge_seller_bot" reads as its words) or its first word.
		asks = append(asks[:len(asks):len(asks)], name)
		if first := name[0]; len(first) >= 3 && first != "bot" {
			asks = append(asks, []string{first})
		}
	}
	var ws []string
	for _, t := range texts {
		ws = words(t, ws[:0])
		for _, p := range asks {
			if findPhrase(ws, p) >= 0 {
				c.AskedForPrevious = true
			}
		}
	}
	// Asking for the agent before is the more specific request: the analyzer hears "agent"
	// in it as asking for a person, which would send the customer somewhere they did not ask.
	if c.AskedForPrevious {
		c.AskedForPerson = false
	}
	return c
}
