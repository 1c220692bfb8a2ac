package httpapi

import (
	"context"
	"fmt"
	"net/http"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// The human agent's routes: /v1/agents/{agent_id}/... A human token acts on its own agent
// only; an operator may read any agent.

var humanOperator = []string{config.RoleHuman, config.RoleOperator}

// presenceBody is PresenceInput with presence required.
type presenceBody struct {
	Presence handoff.Presence `json:"presence"`
	Reason   string           `json:"reason,omitempty"`
}

// releaseBody names the conversation the agent finished.
type releaseBody struct {
	ConversationID string `json:"conversation_id"`
	Reason         string `json:"reason,omitempty"`
	Disposition    string `json:"disposition,omitempty"`
}

// self returns the path's agent if the caller may act on it: its own agent for a human, any
// agent for an operator (a supervisor: reading, setting presence, force-releasing). Otherwise
// it answers 403 and returns false.
func self(w http.ResponseWriter, r *http.Request) (string, bool) {
	p, _ := PrincipalFrom(r.Context())
	id := r.PathValue("agent_id")
	if p.Role == config.RoleOperator {
		return id, true
	}
	if p.Role != config.RoleHuman || p.Agent != id {
		forbidden(w, fmt.Sprintf("token %s acts for agent %s and may not act on agent %s", p.Name, p.Agent, id))
		return "", false
	}
	return id, true
}

func (s *Server) agentState(w http.ResponseWriter, r *http.Request) {
	id, ok := self(w, r)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	st, err := s.ops.AgentState(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) agentOffers(w http.ResponseWriter, r *http.Request) {
	id, ok := self(w, r)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	offers, err := s.ops.Offers(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, offers)
}

func (s *Server) setPresence(w http.ResponseWriter, r *http.Request) {
	id, ok := self(w, r)
	if !ok {
		return
	}
	var body presenceBody
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &body); err != nil {
		s.fail(w, r, err)
		return
	}
	if body.Presence == "" {
		s.fail(w, r, &handoff.FieldError{Field: "presence", Problem: "is required (online, away or offline)"})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	in := handoff.PresenceInput{Presence: body.Presence, Reason: body.Reason}
	if p, _ := PrincipalFrom(r.Context()); p.Role == config.RoleOperator {
		// A supervisor setting a person away: their workflow logs who did.
		in.By = p.Name
	}
	st, err := s.ops.SetPresence(ctx, id, in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) releaseConversation(w http.ResponseWriter, r *http.Request) {
	id, ok := self(w, r)
	if !ok {
		return
	}
	var body releaseBody
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &body); err != nil {
		s.fail(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	in := handoff.ReleaseInput{ConversationID: body.ConversationID, Reason: body.Reason, Disposition: body.Disposition}
	release := s.ops.Release
	if p, _ := PrincipalFrom(r.Context()); p.Role == config.RoleOperator {
		// An operator's release is a supervisor's force-release: offers and wrap-ups go too.
		release = s.ops.ForceRelease
		if in.Reason == "" {
			in.Reason = "force-released by " + p.Name
		}
	}
	st, err := release(ctx, id, in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
