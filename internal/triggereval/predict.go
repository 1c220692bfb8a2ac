package triggereval

import (
	"fmt"
	"strings"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
)

// Input is a case as the conversation an analyzer reads: from the lead bot (the rules a first
// contact meets), with a neutral bot line between the customer's messages.
func Input(c Case) *handoff.Input {
	in := &handoff.Input{ConversationID: "eval-" + c.ID, SourceAgent: "lead_bot"}
	for i, m := range c.Messages {
		if i > 0 {
			in.Messages = append(in.Messages, handoff.Message{Role: "agent", Text: "Thanks for your message. Let me check on that for you."})
		}
		in.Messages = append(in.Messages, handoff.Message{Role: "customer", Text: m})
	}
	return in
}

// TriggersOf reads the four triggers off an analysis's signals.
func TriggersOf(s map[string]any) map[string]bool {
	return map[string]bool{
		"human_request": s["human_requested"] == true,
		"frustration":   s["frustrated"] == true,
		"distress":      s["emotional_distress"] == true,
		"legal":         s["legal_complexity"] == "high",
	}
}

// Predictor scores a case with an engine: analyze gives the analysis (the built-in analyzer,
// or a model's merged through AnalyzeDecoded, with failed set when the model failed), the
// engine routes it, and a decision for a person or a group of people counts as a handoff to a
// human.
func Predictor(e *decision.Engine, agents []handoff.Agent, analyze func(*handoff.Input) (a decision.Analysis, failed bool)) func(Case) Prediction {
	people := personTargets(agents)
	return func(c Case) Prediction {
		in := Input(c)
		a, failed := analyze(in)
		d := e.Route(in, a)
		return Prediction{Labels: TriggersOf(a.Signals), Human: d.Handoff && people[d.Target], Failed: failed, Evidence: evidence(a)}
	}
}

func evidence(a decision.Analysis) string {
	var parts []string
	for _, k := range []string{"human_requested", "frustrated", "emotional_distress", "legal_complexity"} {
		if note := a.Derived[k]; note != "" {
			parts = append(parts, fmt.Sprintf("%s=%v (%s)", k, a.Signals[k], strings.TrimPrefix(note, "derived from messages: ")))
		}
	}
	return strings.Join(parts, " | ")
}

// personTargets are the roster's people and the groups made only of people.
func personTargets(agents []handoff.Agent) map[string]bool {
	out := map[string]bool{}
	groups := map[string]bool{}
	for _, a := range agents {
		out[a.ID] = a.Kind.IsPerson()
		for _, g := range a.Groups {
			if _, seen := groups[g]; !seen {
				groups[g] = true
			}
			groups[g] = groups[g] && a.Kind.IsPerson()
		}
	}
	for g, people := range groups {
		out[g] = people
	}
	return out
}
