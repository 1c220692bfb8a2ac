package workflows

import (
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/workflow"
)

// logFields adds what the handoff log needs to the outcome record: the milestones, each offer
// with its answer time and a decline code, the transfer, the repeats and the sentiment, and a
// reason code. Codes, not prose: a person's decline reason and the outcome reason may quote
// what someone typed.
func (h *handoffRun) logFields(ctx workflow.Context, rec *activities.OutcomeRecord) {
	s := &h.state
	rec.StartedAt = s.StartedAt
	rec.ReasonCode = h.reasonCode()
	since := func(t time.Time) *int64 {
		if t.IsZero() {
			return nil
		}
		v := t.Sub(s.StartedAt).Milliseconds()
		return &v
	}
	for _, t := range s.Timings {
		if t.Phase == handoff.PhaseSelecting {
			rec.DecidedMs = since(t.EndedAt)
		}
	}
	rec.BriefedMs, rec.AcceptedMs = since(s.BriefedAt), since(s.AcceptedAt)
	for i, o := range s.Offers {
		or := activities.OfferRecord{Index: i, Agent: o.Agent, Kind: o.Kind, Result: o.Result, StartedAt: o.StartedAt}
		if handoff.AgentKind(o.Kind).IsPerson() && !o.EndedAt.IsZero() &&
			(o.Result == handoff.OfferAccepted || o.Result == handoff.OfferDeclined) {
			v := o.EndedAt.Sub(o.StartedAt).Milliseconds()
			or.AnswerMs = &v
		}
		if o.Result == handoff.OfferDeclined {
			or.DeclineCode = handoff.DeclineCode(o.Reason)
		}
		if o.Agent == s.Target {
			rec.TargetKind = o.Kind
		}
		rec.Offers = append(rec.Offers, or)
	}
	if tr := s.Transfer; tr != nil {
		rec.ConfirmedMs = since(tr.TargetConfirmedAt)
		rec.OwnerlessMs = tr.OwnerlessMs
		rec.SourceUnreachable = tr.SourceUnreachable
	}
	rec.TakenOver = s.Outcome == handoff.OutcomeTakenOver
	if ap := s.Approval; ap != nil {
		for _, v := range ap.Votes {
			rec.Votes = append(rec.Votes, activities.VoteRecord{Round: v.Round, Approver: v.Approver, Approve: v.Approve, At: v.At})
		}
	}
	if c := s.Context; c != nil {
		rec.CustomerRepeated = c.Repeats
	}
	if m := s.Monitoring; m != nil && len(m.Sentiments) > 0 {
		rec.SentimentCount = len(m.Sentiments)
		low := m.Sentiments[0]
		for _, v := range m.Sentiments {
			low = min(low, v)
		}
		rec.MinSentiment = &low
	}
	if d := s.Decision; d != nil {
		for _, r := range d.Reasons {
			if r.Rule == "pingpong_guard" {
				rec.PingPongStopped = true
			}
		}
	}
	// A monitoring rule that moved the conversation on is this handoff's one re-escalation
	// (the next run records its own); one the guard blocked is a ping-pong stop.
	if s.Outcome == handoff.OutcomeReescalated || s.Outcome == handoff.OutcomeHandedBack {
		rec.ReEscalations = 1
	}
	if m := s.Monitoring; m != nil {
		for _, f := range m.Findings {
			if strings.HasPrefix(f.Result, "blocked:") {
				rec.PingPongStopped = true
			}
		}
	}
	h.experimentFields(rec)
}

// reasonCode says why the handoff ended, as one of a fixed set of codes.
func (h *handoffRun) reasonCode() string {
	s := &h.state
	switch s.Outcome {
	case handoff.OutcomeCompleted:
		if s.Monitoring != nil && s.Monitoring.EndedEarly {
			return "outcome_reported"
		}
		return "monitoring_window_ended"
	case handoff.OutcomeTakenOver:
		return "source_unreachable"
	case handoff.OutcomeReescalated:
		return "monitoring_reescalated"
	case handoff.OutcomeHandedBack:
		return "monitoring_handed_back"
	case handoff.OutcomeNoHandoff:
		return "no_rule_matched"
	case handoff.OutcomeHeldOut:
		return "held_out_by_experiment"
	case handoff.OutcomeDeclined:
		return "last_offer_declined"
	case handoff.OutcomeTimedOut:
		return "last_offer_timed_out"
	case handoff.OutcomeNoCapacity:
		if len(s.Offers) == 0 {
			return "no_agent_in_roster"
		}
		return "nobody_available"
	case handoff.OutcomeRejected:
		return "confirmation_rejected"
	case handoff.OutcomeConfirmationTimedOut:
		return "confirmation_timed_out"
	case handoff.OutcomeAbandoned:
		return "customer_left"
	case handoff.OutcomeConsulted:
		// The consultation's own outcome: succeeded or quorum_not_met.
		if c := s.Consultation; c != nil && c.Outcome != "" {
			return "consultation_" + c.Outcome
		}
		return "consultation"
	case handoff.OutcomeCancelled:
		return "cancelled"
	case handoff.OutcomeFailed:
		switch {
		case h.sourceKept:
			return "source_kept_customer"
		case anyOffer(s.Offers, handoff.OfferFailed):
			return "delivery_failed"
		case anyOffer(s.Offers, handoff.OfferUnknown):
			return "availability_unknown"
		}
		return "step_failed"
	}
	return "other"
}

func anyOffer(offers []handoff.Offer, result string) bool {
	for _, o := range offers {
		if o.Result == result {
			return true
		}
	}
	return false
}
