package activities

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
)

// OutcomeRecord is what is recorded of each handoff for analytics. It carries IDs, agents,
// timings and verdicts only: no customer details.
type OutcomeRecord struct {
	HandoffID         string          `json:"handoff_id"`
	ConversationID    string          `json:"conversation_id"`
	Source            string          `json:"source"`
	Target            string          `json:"target,omitempty"`
	Scenario          string          `json:"scenario,omitempty"`
	Rule              string          `json:"rule,omitempty"`
	RulesVersion      string          `json:"rules_version,omitempty"`
	Outcome           handoff.Outcome `json:"outcome"`
	Reason            string          `json:"reason,omitempty"`
	OffersMade        int             `json:"offers_made"`
	CustomerMessages  int             `json:"customer_messages"`
	AverageSentiment  *float64        `json:"average_sentiment,omitempty"`
	ReportedOutcome   string          `json:"reported_outcome,omitempty"`
	StartToBriefedMs  int64           `json:"start_to_briefed_ms,omitempty"`
	StartToAcceptedMs int64           `json:"start_to_accepted_ms,omitempty"`
	// Template, Completeness (as sent) and Preservation (as acknowledged, less repeats) say
	// how well the context reached the receiver.
	Template           string   `json:"template,omitempty"`
	Completeness       *float64 `json:"completeness,omitempty"`
	Preservation       *float64 `json:"preservation,omitempty"`
	ContextFlag        string   `json:"context_flag,omitempty"`
	TotalMs            int64    `json:"total_ms"`
	FollowUpSuggested  bool     `json:"follow_up_suggested"`
	FollowUpReasonText string   `json:"follow_up_reason,omitempty"`
}

// RecordOutcome logs the outcome record and, when handoff.outcome_url is set, posts it there.
func (a *Activities) RecordOutcome(ctx context.Context, rec OutcomeRecord) error {
	a.logger.Info("handoff outcome", "handoff", rec.HandoffID, "source", rec.Source, "target", rec.Target,
		"scenario", rec.Scenario, "outcome", string(rec.Outcome), "offers", rec.OffersMade, "total_ms", rec.TotalMs,
		"attempt", activity.GetInfo(ctx).Attempt)
	url := a.cfg.Handoff.OutcomeURL
	if url == "" {
		return nil
	}
	body, err := json.Marshal(rec)
	if err != nil {
		return temporal.NewNonRetryableApplicationError("encode outcome", "EncodeFailed", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return temporal.NewNonRetryableApplicationError("outcome URL", ErrNoEndpoint, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", rec.HandoffID)
	resp, err := a.http.Do(req)
	if err != nil {
		return fmt.Errorf("post outcome: %w", err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		return temporal.NewApplicationErrorWithOptions("outcome service answered "+resp.Status, "OutcomeServiceDown",
			temporal.ApplicationErrorOptions{NextRetryDelay: 10 * time.Second})
	}
	if resp.StatusCode >= 400 {
		return temporal.NewNonRetryableApplicationError("outcome service refused: "+resp.Status, ErrDeliveryRejected, nil)
	}
	return nil
}
