package workflows

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.temporal.io/sdk/client"
	temporalotel "go.temporal.io/sdk/contrib/opentelemetry"
	"go.temporal.io/sdk/workflow"
)

// The workflow's metrics go through workflow.GetMetricsHandler, which records nothing while
// the workflow replays, so a worker that restarts or evicts a handoff from its cache counts
// nothing twice. Labels are roster agent IDs, scenario names, outcomes and results only. The
// handler adds namespace, task_queue and workflow_type.
const (
	// metricOutcomes counts closed handoffs (Prometheus: handoff_outcomes_total).
	metricOutcomes = "handoff_outcomes"
	// metricStartToBriefed and metricStartToAccepted time the handoff from its start to the
	// first briefing delivered and to the acceptance (Prometheus: handoff_start_to_briefed_seconds,
	// handoff_start_to_accepted_seconds).
	metricStartToBriefed  = "handoff_start_to_briefed"
	metricStartToAccepted = "handoff_start_to_accepted"
	// metricOffers counts offers by result and agent kind (Prometheus: handoff_offers_total).
	metricOffers = "handoff_offers"
	// metricPreservation is the distribution of final context preservation scores, 0 to 1
	// (Prometheus: handoff_context_preservation_score_bucket, _sum, _count).
	metricPreservation = "handoff_context_preservation_score"
)

// identityTags are the labels that place a handoff: scenario, source and target.
func (h *handoffRun) identityTags(target string) map[string]string {
	scenario := ""
	if d := h.state.Decision; d != nil {
		scenario = d.Scenario
		if target == "" {
			target = d.Target
		}
	}
	return map[string]string{"scenario": scenario, "source": h.in.SourceAgent, "target": target}
}

// transition times the handoff from its start to now, for the agent it reached.
func (h *handoffRun) transition(ctx workflow.Context, name, agent string) {
	workflow.GetMetricsHandler(ctx).WithTags(h.identityTags(agent)).Timer(name).Record(workflow.Now(ctx).Sub(h.state.StartedAt))
}

// reportOutcome counts the closed handoff by outcome, and its preservation score.
func (h *handoffRun) reportOutcome(ctx workflow.Context) {
	tags := h.identityTags(h.state.Target)
	tags["outcome"] = string(h.state.Outcome)
	mh := workflow.GetMetricsHandler(ctx)
	mh.WithTags(tags).Counter(metricOutcomes).Inc(1)
	if st := h.state.Context; st != nil && !workflow.IsReplaying(ctx) {
		recordScore(mh, metricPreservation, st.Preservation, map[string]string{"template": st.Template, "scenario": tags["scenario"]})
	}
}

// recordScore records a 0-to-1 score in a histogram. The SDK's handler has counters, gauges
// and timers only, so a score's distribution needs the meter under it, which (unlike the
// handler) records during replays too: callers check workflow.IsReplaying first. It touches
// no workflow state, which is why workflowcheck.yaml lets it through.
func recordScore(mh client.MetricsHandler, name string, v float64, tags map[string]string) {
	oh := temporalotel.ExtractMetricsHandler(mh)
	if oh == nil {
		return
	}
	hist, err := oh.GetMeter().Float64Histogram(name, metric.WithUnit("1"),
		metric.WithDescription("Final context preservation score of handed-off conversations (0 to 1)."))
	if err != nil {
		return
	}
	base := oh.GetAttributes()
	attrs := base.ToSlice()
	for _, k := range []string{"template", "scenario"} {
		attrs = append(attrs, attribute.String(k, tags[k]))
	}
	hist.Record(context.Background(), v, metric.WithAttributes(attrs...))
}
