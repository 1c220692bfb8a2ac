package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
)

// Filter selects handoffs: started in [From, To) (zero: open), and equal to each non-empty
// field.
type Filter struct {
	From, To time.Time
	Source   string
	Target   string
	Scenario string
	Rule     string
	Template string
	Outcome  string
	// Experiment selects the handoffs assigned in that experiment.
	Experiment string
}

// where is the filter as a WHERE clause over handoffs aliased h, with its arguments.
func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	if !f.From.IsZero() {
		conds, args = append(conds, "h.started_at >= ?"), append(args, ms(f.From))
	}
	if !f.To.IsZero() {
		conds, args = append(conds, "h.started_at < ?"), append(args, ms(f.To))
	}
	for _, eq := range []struct{ col, v string }{{"source", f.Source}, {"target", f.Target}, {"scenario", f.Scenario},
		{"rule", f.Rule}, {"template", f.Template}, {"outcome", f.Outcome}, {"experiment", f.Experiment}} {
		if eq.v != "" {
			conds, args = append(conds, "h."+eq.col+" = ?"), append(args, eq.v)
		}
	}
	if len(conds) == 0 {
		return "1 = 1", nil
	}
	return strings.Join(conds, " AND "), args
}

// MaxRows bounds the handoffs one report reads, so a careless range cannot exhaust the API's
// memory; a report over more must narrow its range.
const MaxRows = 1_000_000

// ErrTooManyRows is the caller's to fix (a narrower range), not the log's failure.
var ErrTooManyRows = fmt.Errorf("more than %d handoffs in the range: narrow it (from, to)", MaxRows)

// Handoffs reads the filtered handoffs with their offers and their conversation's late
// outcome, oldest first, for the analytics.
func (s *Store) Handoffs(ctx context.Context, f Filter) ([]analytics.Handoff, error) {
	where, args := f.where()
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT h.handoff_id, h.conversation_id, h.source, h.target, h.target_kind,
		h.scenario, h.rule, h.template, h.outcome, h.started_at, h.confirmed_ms, h.preservation, h.customer_repeated,
		h.sentiment_mean, h.re_escalations, h.pingpong_stopped, h.experiment, h.experiment_variant, h.experiment_exposed,
		h.experiment_p, h.decision_signals, o.conversation_id, o.converted, o.revenue, o.csat, o.resolved, o.label, o.days_after
		FROM handoffs h LEFT JOIN conversation_outcomes o ON o.conversation_id = h.conversation_id
		WHERE `+where+` ORDER BY h.started_at, h.handoff_id`), args...)
	if err != nil {
		return nil, fmt.Errorf("read handoffs: %w", err)
	}
	defer rows.Close()
	var out []analytics.Handoff
	index := map[string]int{}
	for rows.Next() {
		var (
			h          analytics.Handoff
			started    int64
			confirmed  sql.Null[int64]
			pres, sent sql.Null[float64]
			pingpong   int
			exposed    int
			assignP    sql.Null[float64]
			signals    string
			late       lateColumns
		)
		if err := rows.Scan(&h.HandoffID, &h.ConversationID, &h.Source, &h.Target, &h.TargetKind, &h.Scenario, &h.Rule,
			&h.Template, &h.Outcome, &started, &confirmed, &pres, &h.Repeats, &sent, &h.ReEscalations, &pingpong,
			&h.Experiment, &h.Variant, &exposed, &assignP, &signals, &late.conv, &late.converted, &late.revenue, &late.csat, &late.resolved, &late.label, &late.days); err != nil {
			return nil, err
		}
		h.StartedAt = fromMs(started)
		h.TransitionMs = nullPtr(confirmed)
		h.Preservation = nullPtr(pres)
		h.SentimentMean = nullPtr(sent)
		h.PingPongStopped = pingpong != 0
		h.Exposed, h.AssignP = exposed != 0, nullPtr(assignP)
		if signals != "" {
			// Numbers, flags and categories as JSON; one that does not parse is left out rather
			// than failing the whole report.
			_ = json.Unmarshal([]byte(signals), &h.Signals)
		}
		if late.conv.Valid {
			o := late.outcome()
			h.Late = &o
		}
		index[h.HandoffID] = len(out)
		out = append(out, h)
		if len(out) > MaxRows {
			return nil, ErrTooManyRows
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	orows, err := s.db.QueryContext(ctx, s.q(`SELECT o.handoff_id, o.agent, o.kind, o.result, o.decline_code, o.answer_ms
		FROM handoff_offers o JOIN handoffs h ON h.handoff_id = o.handoff_id
		WHERE `+where+` ORDER BY o.handoff_id, o.offer_index`), args...)
	if err != nil {
		return nil, fmt.Errorf("read offers: %w", err)
	}
	defer orows.Close()
	for orows.Next() {
		var (
			id     string
			of     analytics.Offer
			answer sql.Null[int64]
		)
		if err := orows.Scan(&id, &of.Agent, &of.Kind, &of.Result, &of.DeclineCode, &answer); err != nil {
			return nil, err
		}
		of.AnswerMs = nullPtr(answer)
		if i, ok := index[id]; ok {
			out[i].Offers = append(out[i].Offers, of)
		}
	}
	return out, orows.Err()
}

// lateColumns scans the nullable columns of conversation_outcomes.
type lateColumns struct {
	conv      sql.NullString
	converted sql.Null[int64]
	revenue   sql.Null[float64]
	csat      sql.Null[int64]
	resolved  sql.Null[int64]
	label     sql.NullString
	days      sql.Null[int64]
}

func (l lateColumns) outcome() analytics.Outcome {
	o := analytics.Outcome{Label: l.label.String, Revenue: nullPtr(l.revenue)}
	if l.converted.Valid {
		v := l.converted.V != 0
		o.Converted = &v
	}
	if l.resolved.Valid {
		v := l.resolved.V != 0
		o.Resolved = &v
	}
	if l.csat.Valid {
		v := int(l.csat.V)
		o.CSAT = &v
	}
	if l.days.Valid {
		v := int(l.days.V)
		o.DaysAfter = &v
	}
	return o
}

func nullPtr[T any](n sql.Null[T]) *T {
	if !n.Valid {
		return nil
	}
	v := n.V
	return &v
}

// Conversations reads the conversations with a reported outcome, each marked handed off
// (ownership moved in one of its handoffs) or attempted (handoffs tried, none moved it). A
// conversation's time is its first handoff's start, or its first report when it never handed
// off; the source filter matches a handoff's source, or the reporter of one that never did.
// The other filters describe handoffs, so they do not narrow the baseline.
func (s *Store) Conversations(ctx context.Context, f Filter) ([]analytics.Conversation, error) {
	var conds []string
	var args []any
	at := "COALESCE(h.first_at, o.first_reported_at)"
	if !f.From.IsZero() {
		conds, args = append(conds, at+" >= ?"), append(args, ms(f.From))
	}
	if !f.To.IsZero() {
		conds, args = append(conds, at+" < ?"), append(args, ms(f.To))
	}
	if f.Source != "" {
		conds = append(conds, `(EXISTS (SELECT 1 FROM handoffs x WHERE x.conversation_id = o.conversation_id AND x.source = ?)
			OR (h.conversation_id IS NULL AND o.reported_by = ?))`)
		args = append(args, f.Source, f.Source)
	}
	where := "1 = 1"
	if len(conds) > 0 {
		where = strings.Join(conds, " AND ")
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT o.conversation_id, o.converted, o.revenue, o.csat, o.resolved, o.label,
		o.days_after, COALESCE(h.moved, 0), COALESCE(h.attempted, 0)
		FROM conversation_outcomes o LEFT JOIN (
			SELECT conversation_id, MIN(started_at) AS first_at,
				MAX(CASE WHEN outcome IN `+movedOutcomes+` THEN 1 ELSE 0 END) AS moved,
				MAX(CASE WHEN outcome NOT IN `+movedOutcomes+` AND outcome NOT IN ('`+analytics.OutcomeNoHandoff+`', '`+analytics.OutcomeHeldOut+`', '`+analytics.OutcomeConsulted+`')
					THEN 1 ELSE 0 END) AS attempted
			FROM handoffs GROUP BY conversation_id) h ON h.conversation_id = o.conversation_id
		WHERE `+where+` ORDER BY o.conversation_id`), args...)
	if err != nil {
		return nil, fmt.Errorf("read conversations: %w", err)
	}
	defer rows.Close()
	var out []analytics.Conversation
	for rows.Next() {
		var (
			late             lateColumns
			moved, attempted int
		)
		if err := rows.Scan(&late.conv, &late.converted, &late.revenue, &late.csat, &late.resolved, &late.label, &late.days,
			&moved, &attempted); err != nil {
			return nil, err
		}
		out = append(out, analytics.Conversation{ConversationID: late.conv.String, HandedOff: moved != 0,
			Attempted: moved == 0 && attempted != 0, Outcome: late.outcome()})
	}
	return out, rows.Err()
}

// Link is one handoff in a conversation's chain.
type Link struct {
	HandoffID string    `json:"handoff_id"`
	StartedAt time.Time `json:"started_at"`
	Source    string    `json:"source"`
	Target    string    `json:"target"`
	Outcome   string    `json:"outcome"`
	Reason    string    `json:"reason_code"`
}

// Chain is a conversation's handoffs in the order they started: who handed it to whom.
func (s *Store) Chain(ctx context.Context, conversationID string) ([]Link, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT handoff_id, started_at, source, target, outcome, reason_code
		FROM handoffs WHERE conversation_id = ? ORDER BY started_at, handoff_id`), conversationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Link
	for rows.Next() {
		var l Link
		var started int64
		if err := rows.Scan(&l.HandoffID, &started, &l.Source, &l.Target, &l.Outcome, &l.Reason); err != nil {
			return nil, err
		}
		l.StartedAt = fromMs(started)
		out = append(out, l)
	}
	return out, rows.Err()
}
