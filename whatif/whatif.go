// Package whatif re-decides recorded handoffs with candidate rules, to see what a rule change
// would move before it ships: which decisions change, from which rule and target to which,
// and how the handoffs that would move went with the target they had. It reads the decision
// inputs the handoff log keeps (numbers, flags and categories; never the customer's words)
// and runs them through decision's rules engine; it is pure, with no side effects: nothing
// is started, sent or written.
package whatif

import (
	"fmt"
	"sort"
	"strings"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
)

// NoHandoff stands for "no rule matched" where a rule or target is expected.
const NoHandoff = "(no handoff)"

// Move is one kind of change: handoffs decided by one rule to one target that the candidate
// rules would decide otherwise.
type Move struct {
	FromRule   string `json:"from_rule"`
	FromTarget string `json:"from_target"`
	ToRule     string `json:"to_rule"`
	ToTarget   string `json:"to_target"`
	Count      int    `json:"count"`
	// Success and Conversion are the recorded outcomes of these handoffs, with the target
	// they had (FromTarget).
	Success    analytics.Rate `json:"success"`
	Conversion analytics.Rate `json:"conversion"`
	// ToTargetSuccess is how the log's handoffs to ToTarget went over the same period, for
	// comparison ("" target: none).
	ToTargetSuccess analytics.Rate `json:"to_target_success"`
	// Handoffs are the IDs of the handoffs that would move.
	Handoffs []string `json:"handoffs"`
}

// RuleCount is how many handoffs a rule decides, recorded and with the candidate rules.
type RuleCount struct {
	Rule      string `json:"rule"`
	Recorded  int    `json:"recorded"`
	Candidate int    `json:"candidate"`
}

// Report is what the candidate rules would change.
type Report struct {
	CurrentVersion   string `json:"current_rules_version"`
	CandidateVersion string `json:"candidate_rules_version"`
	// Read counts the handoffs in the range; Redecided those re-decided (with recorded
	// inputs, decided by the routing rules); Changed those the candidate decides otherwise.
	Read      int `json:"read"`
	Redecided int `json:"redecided"`
	Changed   int `json:"changed"`
	// NoInputs were recorded before the log kept decision inputs; Monitoring were started by
	// a monitoring rule, not the routing rules; Keyword were decided by the league's keyword
	// paths or a recommendation, which read the customer's words the log never keeps.
	NoInputs   int `json:"no_inputs"`
	Monitoring int `json:"monitoring"`
	Keyword    int `json:"keyword_paths"`
	// Drifted are re-decided handoffs whose recorded rule is not what the current rules pick
	// from the same inputs: decided by an older rules version, or with inputs the log could
	// not keep. Their changes are counted against what was recorded.
	Drifted int         `json:"drifted"`
	Moves   []Move      `json:"moves"`
	ByRule  []RuleCount `json:"by_rule"`
	Success string      `json:"success_definition"`
}

// Run re-decides every handoff with the candidate rules and compares with what was recorded.
// current is the rules in force (for the drift count and to tell a rule's target from an
// experiment's routing variant); hs are the log's handoffs, oldest first.
func Run(current, candidate *decision.Engine, hs []analytics.Handoff, success analytics.Success) Report {
	if len(success.Outcomes) == 0 {
		success = analytics.DefaultSuccess()
	}
	r := Report{CurrentVersion: current.Version(), CandidateVersion: candidate.Version(), Read: len(hs), Success: success.String()}
	paths := ruleNames(current)
	for n := range ruleNames(candidate) {
		paths[n] = true
	}
	moves := map[[4]string]*moveAcc{}
	byRule := map[string]*RuleCount{}
	count := func(rule string) *RuleCount {
		if byRule[rule] == nil {
			byRule[rule] = &RuleCount{Rule: rule}
		}
		return byRule[rule]
	}
	toTarget := map[string]*acc{}
	for i := range hs {
		h := &hs[i]
		if h.Target != "" {
			if toTarget[h.Target] == nil {
				toTarget[h.Target] = &acc{}
			}
			toTarget[h.Target].add(h, success)
		}
		switch {
		case strings.HasPrefix(h.Rule, "monitoring:"):
			r.Monitoring++
			continue
		case h.Signals == nil:
			r.NoInputs++
			continue
		case h.Rule != "" && !paths[h.Rule]:
			r.Keyword++
			continue
		}
		r.Redecided++
		in := handoff.Input{ConversationID: h.ConversationID, SourceAgent: h.Source}
		a := decision.Analysis{Signals: h.Signals, Analyzer: "recorded"}
		base, cand := current.Route(&in, a), candidate.Route(&in, a)
		if base.Rule != h.Rule {
			r.Drifted++
		}
		fromRule, fromTarget := or(h.Rule), or(h.Target)
		if h.Rule == "" {
			fromTarget = NoHandoff
		}
		toRule, toTarget := or(cand.Rule), or(cand.Target)
		count(fromRule).Recorded++
		count(toRule).Candidate++
		// The same rule with the same target as the current rules give is no change, even
		// when the recorded target differs (an experiment's routing variant chose it).
		if cand.Rule == h.Rule && (cand.Target == h.Target || cand.Target == base.Target) {
			continue
		}
		r.Changed++
		key := [4]string{fromRule, fromTarget, toRule, toTarget}
		if moves[key] == nil {
			moves[key] = &moveAcc{}
		}
		moves[key].add(h, success)
		moves[key].ids = append(moves[key].ids, h.HandoffID)
	}
	for key, m := range moves {
		mv := Move{FromRule: key[0], FromTarget: key[1], ToRule: key[2], ToTarget: key[3], Count: len(m.ids), Handoffs: m.ids,
			Success: analytics.NewRate(m.success, m.tried, analytics.DefaultMinSample), Conversion: analytics.NewRate(m.converted, m.reported, analytics.DefaultMinSample)}
		if t := toTarget[key[3]]; t != nil {
			mv.ToTargetSuccess = analytics.NewRate(t.success, t.tried, analytics.DefaultMinSample)
		}
		r.Moves = append(r.Moves, mv)
	}
	sort.Slice(r.Moves, func(i, j int) bool {
		a, b := r.Moves[i], r.Moves[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return fmt.Sprint(a.FromRule, a.FromTarget, a.ToRule, a.ToTarget) < fmt.Sprint(b.FromRule, b.FromTarget, b.ToRule, b.ToTarget)
	})
	for _, c := range byRule {
		if c.Recorded != c.Candidate || c.Recorded > 0 {
			r.ByRule = append(r.ByRule, *c)
		}
	}
	sort.Slice(r.ByRule, func(i, j int) bool { return r.ByRule[i].Rule < r.ByRule[j].Rule })
	return r
}

func or(s string) string {
	if s == "" {
		return NoHandoff
	}
	return s
}

// ruleNames are the engine's condition rules: a recorded rule outside them (league keyword
// paths, recommendations) cannot be re-decided from the log.
func ruleNames(e *decision.Engine) map[string]bool {
	names := map[string]bool{}
	for _, r := range e.Rules() {
		names[r.Name] = true
	}
	return names
}

// acc counts recorded outcomes.
type acc struct {
	tried, success, reported, converted int
}

func (a *acc) add(h *analytics.Handoff, s analytics.Success) {
	if s.Counts(*h) {
		a.tried++
		if s.Of(*h) {
			a.success++
		}
	}
	if h.Late != nil && h.Late.Converted != nil {
		a.reported++
		if *h.Late.Converted {
			a.converted++
		}
	}
}

type moveAcc struct {
	acc
	ids []string
}
