package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// The collaboration routes: votes on a team decision, notes of a warm transfer, the handback
// and the warm transfer themselves, and a conversation's chain of handoffs.

// CollabOps are the operations these routes use; *service.Service implements them.
type CollabOps interface {
	Vote(ctx context.Context, convID string, v handoff.VoteInput) (handoff.State, error)
	Note(ctx context.Context, convID string, n handoff.NoteInput) (handoff.State, error)
	Handback(ctx context.Context, convID, person string, req handoff.HandbackRequest) (service.StartResult, error)
	Transfer(ctx context.Context, convID, person string, req handoff.TransferRequest) (service.StartResult, error)
}

// collabRoutes are appended to Routes.
func (s *Server) collabRoutes() []Route {
	return []Route{
		{"POST", "/v1/handoffs/{conversation_id}/votes", human, s.vote},
		{"POST", "/v1/handoffs/{conversation_id}/notes", human, s.note},
		{"POST", "/v1/conversations/{conversation_id}/handback", human, s.handback},
		{"POST", "/v1/conversations/{conversation_id}/transfer", human, s.transfer},
		{"GET", "/v1/conversations/{conversation_id}/handoffs", anyRole, s.chain},
	}
}

// vote takes the caller's own vote: a person votes for themselves only, and only when named
// as an approver (the workflow checks that, and that they vote once).
func (s *Server) vote(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	convID := r.PathValue("conversation_id")
	var v handoff.VoteInput
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &v); err != nil {
		s.fail(w, r, err)
		return
	}
	if v.Approver != "" && v.Approver != p.Agent {
		forbidden(w, fmt.Sprintf("token %s acts for %s and may not vote as %s", p.Name, actsFor(p), v.Approver))
		return
	}
	v.Approver = p.Agent
	if err := v.Validate(); err != nil {
		s.fail(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	if !s.party(w, r, ctx, convID) {
		return
	}
	st, err := s.ops.Vote(ctx, convID, v)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// note takes a note from the sender or the receiver of a warm transfer, as themselves.
func (s *Server) note(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	convID := r.PathValue("conversation_id")
	var n handoff.NoteInput
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &n); err != nil {
		s.fail(w, r, err)
		return
	}
	if n.From != "" && n.From != p.Agent {
		forbidden(w, fmt.Sprintf("token %s acts for %s and may not write as %s", p.Name, actsFor(p), n.From))
		return
	}
	n.From = p.Agent
	if err := n.Validate(); err != nil {
		s.fail(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	if !s.party(w, r, ctx, convID) {
		return
	}
	st, err := s.ops.Note(ctx, convID, n)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// party answers 403 (and false) unless the caller is a party to the conversation's handoff:
// its source, an agent it was offered to, its owner, or an approver. The workflow then checks
// the finer rule (an approver of this round, the transfer's sender or receiver).
func (s *Server) party(w http.ResponseWriter, r *http.Request, ctx context.Context, convID string) bool {
	p, _ := PrincipalFrom(r.Context())
	st, err := s.ops.Status(ctx, convID)
	if err != nil {
		s.fail(w, r, err)
		return false
	}
	if why := mayRead(p, st); why != "" {
		forbidden(w, why)
		return false
	}
	return true
}

// handback starts the handoff back to a bot from the person who owns the conversation (the
// service checks ownership against the latest handoff).
func (s *Server) handback(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	var req handoff.HandbackRequest
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &req); err != nil {
		s.fail(w, r, err)
		return
	}
	s.handOn(w, r, func(ctx context.Context, convID string) (service.StartResult, error) {
		return s.ops.Handback(ctx, convID, p.Agent, req)
	})
}

// transfer starts a warm transfer from the person who owns the conversation.
func (s *Server) transfer(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	var req handoff.TransferRequest
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &req); err != nil {
		s.fail(w, r, err)
		return
	}
	s.handOn(w, r, func(ctx context.Context, convID string) (service.StartResult, error) {
		return s.ops.Transfer(ctx, convID, p.Agent, req)
	})
}

func (s *Server) handOn(w http.ResponseWriter, r *http.Request, start func(context.Context, string) (service.StartResult, error)) {
	convID := r.PathValue("conversation_id")
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	res, err := start(ctx, convID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/v1/handoffs/"+url.PathEscape(convID))
	writeJSON(w, http.StatusCreated, res)
}

// Chain is a conversation's handoffs, oldest first: each names its predecessor.
type Chain struct {
	ConversationID string         `json:"conversation_id"`
	Handoffs       []handoff.Link `json:"handoffs"`
}

// chain answers the conversation's chain to the parties of any of its handoffs and to
// operators: who handled a conversation is not for anyone else to read.
func (s *Server) chain(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	convID := r.PathValue("conversation_id")
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	st, err := s.ops.Status(ctx, convID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	kind := st.Kind
	if kind == "" {
		kind = handoff.LinkHandoff
	}
	links := append(slices.Clone(st.Lineage), handoff.Link{HandoffID: st.HandoffID, Kind: kind, From: st.SourceAgent,
		To: st.Target, Owner: st.Owner, Outcome: st.Outcome, At: st.StartedAt, Predecessor: st.Predecessor})
	if p.Role != config.RoleOperator && mayRead(p, st) != "" && !slices.ContainsFunc(links, func(l handoff.Link) bool {
		return p.Agent != "" && (l.From == p.Agent || l.To == p.Agent || l.Owner == p.Agent)
	}) {
		forbidden(w, fmt.Sprintf("token %s acts for %s, which is no party to a handoff of conversation %s", p.Name, actsFor(p), convID))
		return
	}
	writeJSON(w, http.StatusOK, Chain{ConversationID: convID, Handoffs: links})
}
