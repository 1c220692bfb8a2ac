package httpapi

import (
	"context"
	"net/http"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// A supervisor's routes (operators): reassign a waiting or offered handoff, change the
// priority of one waiting in a queue. Setting a person away and force-releasing are the
// agents' own routes called with an operator's token (agents.go).

type reassignBody struct {
	AgentID string `json:"agent_id"`
}

type priorityBody struct {
	Priority *int `json:"priority"`
}

func (s *Server) reassign(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	var body reassignBody
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &body); err != nil {
		s.fail(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	// The workflow records who reassigned: the caller, never a name the caller made up.
	st, err := s.ops.Reassign(ctx, r.PathValue("conversation_id"), handoff.ReassignInput{AgentID: body.AgentID, By: p.Name})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) setPriority(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	var body priorityBody
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &body); err != nil {
		s.fail(w, r, err)
		return
	}
	if body.Priority == nil {
		s.fail(w, r, &handoff.FieldError{Field: "priority", Problem: "is required (an integer from -1000 to 1000)"})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	st, err := s.ops.SetPriority(ctx, r.PathValue("conversation_id"), handoff.PriorityInput{Priority: *body.Priority, By: p.Name})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
