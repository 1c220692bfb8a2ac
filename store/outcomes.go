package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
)

// LateOutcome is a conversation's business outcome, reported days after its handoffs (or for
// a conversation that never handed off, the baseline). Nil fields were not reported; a later
// report fills them in and leaves the others as they were.
type LateOutcome struct {
	ConversationID string
	// ReportedBy is the agent (or operator token) that reported it; the first one is kept.
	ReportedBy string
	ReportedAt time.Time
	// Outcome is what was reported; its label is a category ("listing_signed"), validated by
	// the caller as one.
	analytics.Outcome
}

// ReportOutcome records a late outcome, merged into what the conversation already has: the
// same report sent twice leaves the same row.
func (s *Store) ReportOutcome(ctx context.Context, o LateOutcome) error {
	if o.ConversationID == "" || o.ReportedBy == "" {
		return errors.New("report outcome: conversation_id and reported_by are required")
	}
	if o.ReportedAt.IsZero() {
		o.ReportedAt = time.Now()
	}
	var converted, resolved *int
	if o.Converted != nil {
		v := b2i(*o.Converted)
		converted = &v
	}
	if o.Resolved != nil {
		v := b2i(*o.Resolved)
		resolved = &v
	}
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO conversation_outcomes
		(conversation_id, reported_by, first_reported_at, reported_at, converted, revenue, csat, resolved, label, days_after)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (conversation_id) DO UPDATE SET
			reported_at = excluded.reported_at,
			converted = COALESCE(excluded.converted, conversation_outcomes.converted),
			revenue = COALESCE(excluded.revenue, conversation_outcomes.revenue),
			csat = COALESCE(excluded.csat, conversation_outcomes.csat),
			resolved = COALESCE(excluded.resolved, conversation_outcomes.resolved),
			label = CASE WHEN excluded.label <> '' THEN excluded.label ELSE conversation_outcomes.label END,
			days_after = COALESCE(excluded.days_after, conversation_outcomes.days_after)`),
		o.ConversationID, o.ReportedBy, ms(o.ReportedAt), ms(o.ReportedAt), converted, o.Revenue, o.CSAT, resolved, o.Label, o.DaysAfter)
	if err != nil {
		return fmt.Errorf("report outcome of %s: %w", o.ConversationID, err)
	}
	return nil
}

// Parties are who stood in a conversation's recorded handoffs, and who first reported its
// outcome: those who may report (more of) it.
type Parties struct {
	// Handoffs counts the conversation's recorded handoffs.
	Handoffs int
	// Agents are the sources of those handoffs and the targets that took the conversation
	// over (movedOutcomes).
	Agents []string
	// Reporter first reported the conversation's outcome ("" when none was).
	Reporter string
}

// movedOutcomes are the outcomes after which the target owned the conversation, as SQL: the
// same list analytics.Handoff.Moved decides on (completed and taken over, and a handoff the
// monitoring window moved on from its new owner).
const movedOutcomes = `('` + analytics.OutcomeCompleted + `', '` + analytics.OutcomeTakenOver + `', '` +
	analytics.OutcomeReescalated + `', '` + analytics.OutcomeHandedBack + `')`

// Has reports whether the agent is a party.
func (p Parties) Has(agent string) bool { return agent != "" && slices.Contains(p.Agents, agent) }

// PartiesOf reads a conversation's parties.
func (s *Store) PartiesOf(ctx context.Context, conversationID string) (Parties, error) {
	var p Parties
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT source, CASE WHEN outcome IN `+movedOutcomes+` THEN target ELSE '' END
		FROM handoffs WHERE conversation_id = ?`), conversationID)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			return p, err
		}
		p.Handoffs++ // one row per handoff
		for _, agent := range []string{a, b} {
			if agent != "" && !slices.Contains(p.Agents, agent) {
				p.Agents = append(p.Agents, agent)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return p, err
	}
	// reported_by keeps the first reporter (the upsert never changes it): for a conversation
	// that never handed off, that bot is the one whose reports it takes.
	var first sql.NullString
	err = s.db.QueryRowContext(ctx, s.q(`SELECT reported_by FROM conversation_outcomes WHERE conversation_id = ?`), conversationID).Scan(&first)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return p, err
	}
	p.Reporter = first.String
	return p, nil
}
