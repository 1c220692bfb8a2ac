package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
	"github.com/handoffhq/orchestrator/store"
)

// Log is the handoff log the API writes late outcomes to and reads statistics from;
// *store.Store implements it.
type Log interface {
	PartiesOf(ctx context.Context, conversationID string) (store.Parties, error)
	ReportOutcome(ctx context.Context, o store.LateOutcome) error
	Report(ctx context.Context, f store.Filter, o analytics.Options) (analytics.Report, error)
	ExperimentReport(ctx context.Context, e *experiments.Experiment, success analytics.Success, now time.Time) (experiments.Report, error)
}

var operatorOnly = []string{config.RoleOperator}

// OutcomeAccepted answers a late outcome.
type OutcomeAccepted struct {
	ConversationID string `json:"conversation_id"`
	Status         string `json:"status"`
	// HandedOff says whether the log holds handoffs of the conversation (else it counts towards
	// the no-handoff baseline, for now).
	Handoffs int `json:"handoffs"`
}

// noLog answers when no store is configured: the routes exist, the log does not.
func noLog(w http.ResponseWriter) {
	writeError(w, http.StatusServiceUnavailable, "unavailable", "", "the handoff log is not configured: set store.url (HANDOFF_STORE_URL)")
}

// reportOutcome takes a conversation's late business outcome from a party to it (access.go).
func (s *Server) reportOutcome(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	convID := r.PathValue("conversation_id")
	if err := handoff.ValidateConversationID(convID); err != nil {
		s.fail(w, r, err)
		return
	}
	var rep handoff.OutcomeReport
	if err := service.Decode(http.MaxBytesReader(w, r.Body, 64<<10), &rep); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := rep.Validate(); err != nil {
		s.fail(w, r, err)
		return
	}
	if s.opts.Log == nil {
		noLog(w)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	parties, err := s.opts.Log.PartiesOf(ctx, convID)
	if err != nil {
		s.logFailed(w, r, err)
		return
	}
	if why := mayReport(p, convID, parties); why != "" {
		forbidden(w, why)
		return
	}
	if parties.Handoffs == 0 && p.Role != config.RoleOperator {
		// No recorded handoff may still mean one that has not recorded yet (it records as it
		// closes): its outcome is its parties' to report then, not a baseline's first claimer.
		_, err := s.ops.SourceAgent(ctx, convID)
		var se *service.Error
		switch {
		case err == nil:
			writeError(w, http.StatusConflict, "conflict", "", fmt.Sprintf(
				"conversation %s has a handoff running; it is recorded when it closes: report the outcome after that", convID))
			return
		case !errors.As(err, &se) || se.Kind != service.KindNotFound:
			s.fail(w, r, err)
			return
		}
	}
	err = s.opts.Log.ReportOutcome(ctx, store.LateOutcome{
		ConversationID: convID, ReportedBy: reporter(p), ReportedAt: time.Now(), Outcome: analytics.Outcome(rep),
	})
	if err != nil {
		s.logFailed(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, OutcomeAccepted{ConversationID: convID, Status: "recorded", Handoffs: parties.Handoffs})
}

// reporter is how the log names who reported: the agent, or the operator's token.
func reporter(p Principal) string {
	if p.Agent != "" {
		return p.Agent
	}
	return p.Role + ":" + p.Name
}

// logFailed answers a failure of the log itself: it is down, not the caller's mistake.
func (s *Server) logFailed(w http.ResponseWriter, r *http.Request, err error) {
	s.logger.WarnContext(r.Context(), "handoff log unavailable", "err", err)
	writeError(w, http.StatusServiceUnavailable, "unavailable", "", "the handoff log did not answer; retry in a moment")
}

// statsParams are the query parameters GET /v1/stats takes; any other is refused.
var statsParams = []string{"from", "to", "group_by", "source", "target", "scenario", "rule", "template", "outcome"}

// stats answers the analytics report for a time range, filters and a grouping.
func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	f, groupBy, err := StatsQuery(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if s.opts.Log == nil {
		noLog(w)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), time.Minute)
	defer cancel()
	rep, err := s.opts.Log.Report(ctx, f, s.opts.Analytics.Options(groupBy))
	if errors.Is(err, store.ErrTooManyRows) {
		s.fail(w, r, &handoff.FieldError{Field: "from", Problem: err.Error()})
		return
	}
	if err != nil {
		s.logFailed(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

// StatsQuery reads a stats request's parameters: from and to (RFC 3339 or YYYY-MM-DD, to
// exclusive), group_by, and equality filters. Every mistake names its parameter.
func StatsQuery(q url.Values) (store.Filter, string, error) {
	var f store.Filter
	for k, v := range q {
		if !slices.Contains(statsParams, k) {
			return f, "", &handoff.FieldError{Field: k, Problem: "unknown parameter (known: " + strings.Join(statsParams, ", ") + ")"}
		}
		if len(v) > 1 {
			return f, "", &handoff.FieldError{Field: k, Problem: "given more than once"}
		}
	}
	var err error
	if f.From, err = ParseTime("from", q.Get("from")); err != nil {
		return f, "", err
	}
	if f.To, err = ParseTime("to", q.Get("to")); err != nil {
		return f, "", err
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return f, "", &handoff.FieldError{Field: "to", Problem: "must be after from"}
	}
	groupBy := q.Get("group_by")
	if groupBy != "" && !slices.Contains(analytics.GroupBys, groupBy) {
		return f, "", &handoff.FieldError{Field: "group_by", Problem: fmt.Sprintf("%s is not one of %s", handoff.Quote(groupBy), strings.Join(analytics.GroupBys, ", "))}
	}
	f.Source, f.Target, f.Scenario, f.Rule, f.Template, f.Outcome =
		q.Get("source"), q.Get("target"), q.Get("scenario"), q.Get("rule"), q.Get("template"), q.Get("outcome")
	for name, v := range map[string]string{"source": f.Source, "target": f.Target, "scenario": f.Scenario, "rule": f.Rule,
		"template": f.Template, "outcome": f.Outcome} {
		if len(v) > 128 {
			return f, "", &handoff.FieldError{Field: name, Problem: "is longer than 128 characters"}
		}
	}
	return f, groupBy, nil
}

// ParseTime reads a time given as RFC 3339 or a date (midnight UTC); "" is the zero time.
func ParseTime(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, nil
	}
	return time.Time{}, &handoff.FieldError{Field: name, Problem: fmt.Sprintf("%s is not a date (2026-03-01) or an RFC 3339 time (2026-03-01T12:00:00Z)", handoff.Quote(v))}
}
