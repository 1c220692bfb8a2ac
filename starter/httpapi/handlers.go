package httpapi

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// AnswerResult is the answer to accept and decline, with the handoff's state right after it.
type AnswerResult struct {
	ConversationID string        `json:"conversation_id"`
	WorkflowID     string        `json:"workflow_id"`
	AgentID        string        `json:"agent_id"`
	Answer         string        `json:"answer"`
	State          handoff.State `json:"state"`
}

// Accepted is the answer to requests the workflow takes asynchronously (events, cancel).
type Accepted struct {
	ConversationID string `json:"conversation_id"`
	WorkflowID     string `json:"workflow_id"`
	Status         string `json:"status"`
}

func (s *Server) start(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	wait, err := boolParam(r.URL.Query(), "wait")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var in handoff.Input
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &in); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.ops.ValidateInput(&in); err != nil {
		s.fail(w, r, err)
		return
	}
	if in.SourceAgent != p.Agent {
		forbidden(w, fmt.Sprintf("token %s acts for agent %s and may only start handoffs from it, not from %s", p.Name, p.Agent, in.SourceAgent))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	res, err := s.ops.Start(ctx, in)
	cancel()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	status := http.StatusCreated
	if res.Existing {
		status = http.StatusOK
	}
	w.Header().Set("Location", "/v1/handoffs/"+url.PathEscape(in.ConversationID))
	if !wait {
		writeJSON(w, status, res)
		return
	}
	w.Header().Set("X-Workflow-Id", res.WorkflowID)
	w.Header().Set("X-Run-Id", res.RunID)
	wctx, wcancel := context.WithTimeout(r.Context(), s.opts.WaitTimeout)
	defer wcancel()
	st, err := s.ops.Result(wctx, in.ConversationID, res.RunID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, status, st)
}

// status answers the handoff's state to its parties only: it carries the customer's words.
func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	st, err := s.ops.Status(ctx, r.PathValue("conversation_id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if why := mayRead(p, st); why != "" {
		forbidden(w, why)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// answer serves accept and decline. The answering agent is the token's: a person answers for
// themselves only, so a body agent_id naming someone else is refused.
func (s *Server) answer(update string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, _ := PrincipalFrom(r.Context())
		convID := r.PathValue("conversation_id")
		var ans handoff.AnswerInput
		if err := s.decodeOptional(w, r, &ans); err != nil {
			s.fail(w, r, err)
			return
		}
		if ans.AgentID != "" && ans.AgentID != p.Agent {
			forbidden(w, fmt.Sprintf("token %s acts for agent %s and may not answer for %s", p.Name, p.Agent, ans.AgentID))
			return
		}
		ans.AgentID = p.Agent
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
		defer cancel()
		var (
			st     handoff.State
			err    error
			result = "accepted"
		)
		if update == handoff.UpdateAccept {
			st, err = s.ops.Accept(ctx, convID, ans)
		} else {
			result = "declined"
			st, err = s.ops.Decline(ctx, convID, ans)
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, AnswerResult{
			ConversationID: convID, WorkflowID: handoff.WorkflowID(convID), AgentID: ans.AgentID, Answer: result, State: st,
		})
	}
}

// confirmBody is ConfirmInput with yes required: a missing "yes" must not read as a no.
type confirmBody struct {
	Yes *bool  `json:"yes"`
	By  string `json:"by,omitempty"`
}

func (s *Server) confirm(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	convID := r.PathValue("conversation_id")
	var body confirmBody
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &body); err != nil {
		s.fail(w, r, err)
		return
	}
	if body.Yes == nil {
		s.fail(w, r, &handoff.FieldError{Field: "yes", Problem: "is required (true or false)"})
		return
	}
	// The record says who confirmed: the caller, never a name the caller made up.
	if body.By != "" && body.By != p.Name && body.By != p.Agent {
		forbidden(w, fmt.Sprintf("token %s may not confirm on behalf of %s", p.Name, body.By))
		return
	}
	if body.By == "" {
		body.By = p.Name
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	current, err := s.ops.Status(ctx, convID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if why := mayConfirm(p, current, s.ops.Kind(p.Agent)); why != "" {
		forbidden(w, why)
		return
	}
	st, err := s.ops.Confirm(ctx, convID, handoff.ConfirmInput{Yes: *body.Yes, By: body.By})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// contextAck takes the receiving agent's acknowledgement; the agent is the token's own.
func (s *Server) contextAck(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	convID := r.PathValue("conversation_id")
	var ack handoff.ContextAckInput
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &ack); err != nil {
		s.fail(w, r, err)
		return
	}
	if ack.AgentID != "" && ack.AgentID != p.Agent {
		forbidden(w, fmt.Sprintf("token %s acts for %s, not %s", p.Name, p.Agent, ack.AgentID))
		return
	}
	ack.AgentID = p.Agent
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	st, err := s.ops.ContextAck(ctx, convID, ack)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// event takes a conversation event from a party allowed to send its type (access.go); the
// workflow records who sent it.
func (s *Server) event(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	convID := r.PathValue("conversation_id")
	var ev handoff.Event
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &ev); err != nil {
		s.fail(w, r, err)
		return
	}
	if ev.From != "" && ev.From != p.Agent {
		forbidden(w, fmt.Sprintf("token %s acts for %s and may not send events as %s", p.Name, actsFor(p), ev.From))
		return
	}
	if err := ev.Validate(); err != nil {
		s.fail(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	st, err := s.ops.Status(ctx, convID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if why := maySend(p, st, ev.Type); why != "" {
		forbidden(w, why)
		return
	}
	ev.From = p.Agent
	if ev.From == "" {
		ev.From = p.Role + ":" + p.Name
	}
	if err := s.ops.SendEvent(ctx, convID, ev); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, Accepted{ConversationID: convID, WorkflowID: handoff.WorkflowID(convID), Status: "event_sent"})
}

// cancel lets the source bot call its own handoff off; nobody else owns that decision.
func (s *Server) cancel(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	convID := r.PathValue("conversation_id")
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	src, err := s.ops.SourceAgent(ctx, convID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if src != p.Agent {
		forbidden(w, fmt.Sprintf("token %s acts for agent %s; only the source agent %s may cancel this handoff", p.Name, p.Agent, src))
		return
	}
	if err := s.ops.Cancel(ctx, convID); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, Accepted{ConversationID: convID, WorkflowID: handoff.WorkflowID(convID), Status: "cancel_requested"})
}

func (s *Server) decide(w http.ResponseWriter, r *http.Request) {
	p, _ := PrincipalFrom(r.Context())
	var in handoff.Input
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &in); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.ops.ValidateInput(&in); err != nil {
		s.fail(w, r, err)
		return
	}
	if in.SourceAgent != p.Agent {
		forbidden(w, fmt.Sprintf("token %s acts for agent %s and may only ask for decisions from it, not from %s", p.Name, p.Agent, in.SourceAgent))
		return
	}
	d, err := s.ops.Decide(in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// decodeOptional decodes a body that may be absent (accept and decline need none).
func (s *Server) decodeOptional(w http.ResponseWriter, r *http.Request, v any) error {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBody))
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil
	}
	return service.Decode(bytes.NewReader(b), v)
}

func boolParam(q url.Values, name string) (bool, error) {
	v := q.Get(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, &handoff.FieldError{Field: name, Problem: fmt.Sprintf("%q is not true or false", v)}
	}
	return b, nil
}
