package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// The supervisor's board (operators only): every person with presence and load, and the
// latest handoff runs with their phase. The console's supervisor page reads these and follows
// the event stream for what changes after.

// listParams are the query parameters GET /v1/handoffs takes; any other is refused.
var listParams = []string{"status", "limit"}

func (s *Server) people(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	p, err := s.ops.People(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *Server) listHandoffs(w http.ResponseWriter, r *http.Request) {
	status, limit, err := listQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	list, err := s.ops.Handoffs(ctx, status, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

// listQuery reads status (running or closed, default running) and limit (default 100); every
// mistake names its parameter.
func listQuery(r *http.Request) (string, int, error) {
	q := r.URL.Query()
	for k, v := range q {
		if !slices.Contains(listParams, k) {
			return "", 0, &handoff.FieldError{Field: k, Problem: "unknown parameter (known: " + strings.Join(listParams, ", ") + ")"}
		}
		if len(v) > 1 {
			return "", 0, &handoff.FieldError{Field: k, Problem: "given more than once"}
		}
	}
	status := q.Get("status")
	if status == "" {
		status = "running"
	}
	if !slices.Contains(service.ListStatuses, status) {
		return "", 0, &handoff.FieldError{Field: "status", Problem: fmt.Sprintf("%s is not one of %s", handoff.Quote(status), strings.Join(service.ListStatuses, ", "))}
	}
	limit := service.DefaultHandoffList
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > service.MaxHandoffList {
			return "", 0, &handoff.FieldError{Field: "limit", Problem: fmt.Sprintf("%s is not a number from 1 to %d", handoff.Quote(v), service.MaxHandoffList)}
		}
		limit = n
	}
	return status, limit, nil
}
