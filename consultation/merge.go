// Package consultation merges experts' advice into the advisory brief a primary agent gets.
// It is pure: the Consultation workflow calls it with what it collected, so the same answers
// always give the same brief, on every replay, and it is tested and benchmarked alone.
package consultation

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/handoffhq/orchestrator/handoff"
)

// Merge builds the advisory brief from the experts as they stand at the deadline (or when the
// last one answered). ended is the outcome when the consultation was cut short (abandoned,
// cancelled); empty, the quorum decides. Experts still asked or pending count as late.
func Merge(id, question string, quorum int, experts []handoff.ExpertStatus, ended string) handoff.AdvisoryBrief {
	b := handoff.AdvisoryBrief{
		ConsultationID:  id,
		Question:        question,
		Quorum:          quorum,
		Experts:         len(experts),
		Recommendations: []handoff.RecommendationGroup{},
		Answers:         []handoff.Advice{},
	}
	// Expert order, not arrival order: two runs whose answers raced differently must give the
	// same brief.
	sorted := make([]handoff.ExpertStatus, len(experts))
	copy(sorted, experts)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Agent < sorted[j].Agent })

	groups := map[string]*handoff.RecommendationGroup{}
	// best is the highest confidence in each group: its expert's wording stands for it.
	best := map[string]float64{}
	var keys []string
	var total float64
	for _, e := range sorted {
		if e.Status != handoff.ExpertAnswered || e.Advice == nil {
			b.Missing = append(b.Missing, missing(e))
			continue
		}
		adv := *e.Advice
		b.Answers = append(b.Answers, adv)
		total += adv.Confidence
		k := normalize(adv.Recommendation)
		g, ok := groups[k]
		if !ok {
			g = &handoff.RecommendationGroup{}
			groups[k] = g
			keys = append(keys, k)
		}
		if !ok || adv.Confidence > best[k] {
			g.Recommendation, best[k] = strings.TrimSpace(adv.Recommendation), adv.Confidence
		}
		g.Experts = append(g.Experts, adv.Expert)
		g.Weight += adv.Confidence
	}
	b.Answered = len(b.Answers)
	for _, k := range keys {
		g := groups[k]
		g.Weight = round(g.Weight)
		b.Recommendations = append(b.Recommendations, *g)
	}
	sort.SliceStable(b.Recommendations, func(i, j int) bool {
		x, y := b.Recommendations[i], b.Recommendations[j]
		if x.Weight != y.Weight {
			return x.Weight > y.Weight
		}
		if len(x.Experts) != len(y.Experts) {
			return len(x.Experts) > len(y.Experts)
		}
		return normalize(x.Recommendation) < normalize(y.Recommendation)
	})
	if b.Answered > 0 {
		top := b.Recommendations[0]
		b.Consensus = top.Recommendation
		if total > 0 {
			b.Agreement = round(top.Weight / total)
		} else {
			b.Agreement = round(float64(len(top.Experts)) / float64(b.Answered))
		}
		b.MeanConfidence = round(total / float64(b.Answered))
	}
	switch {
	case ended != "":
		b.Outcome = ended
	case b.Answered >= quorum:
		b.Outcome = handoff.ConsultSucceeded
	default:
		b.Outcome = handoff.ConsultQuorumNotMet
	}
	b.Text = text(b)
	return b
}

func missing(e handoff.ExpertStatus) handoff.Missing {
	m := handoff.Missing{Agent: e.Agent, Status: e.Status, Reason: e.Reason}
	switch e.Status {
	case handoff.ExpertPending, handoff.ExpertAsked, handoff.ExpertAnswered:
		m.Status = handoff.ExpertLate
		if m.Reason == "" {
			m.Reason = "no answer by the deadline"
		}
	}
	return m
}

// normalize makes recommendations that differ only in case, spacing or a final full stop
// count as one.
func normalize(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimRight(s, ".!")
}

// round keeps four decimals, so sums of the same confidences in another order compare equal
// and the brief reads cleanly.
func round(v float64) float64 { return math.Round(v*1e4) / 1e4 }

func text(b handoff.AdvisoryBrief) string {
	var sb strings.Builder
	verdict := map[string]string{
		handoff.ConsultSucceeded:    "quorum met",
		handoff.ConsultQuorumNotMet: "quorum NOT met",
		handoff.ConsultAbandoned:    "ended: the customer left",
		handoff.ConsultCancelled:    "ended: cancelled",
	}[b.Outcome]
	fmt.Fprintf(&sb, "%d of %d experts answered (quorum %d): %s.", b.Answered, b.Experts, b.Quorum, verdict)
	if b.Consensus != "" {
		fmt.Fprintf(&sb, "\nConsensus (%.0f%% of the confidence given): %s", b.Agreement*100, b.Consensus)
	}
	for _, a := range b.Answers {
		fmt.Fprintf(&sb, "\n- %s (confidence %.2f): %s", a.Expert, a.Confidence, a.Recommendation)
		if a.Notes != "" {
			fmt.Fprintf(&sb, " [%s]", a.Notes)
		}
	}
	for _, m := range b.Missing {
		fmt.Fprintf(&sb, "\n- %s: %s", m.Agent, m.Status)
		if m.Reason != "" {
			fmt.Fprintf(&sb, " (%s)", m.Reason)
		}
	}
	return sb.String()
}
