package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// ConsultOps are the consultation operations; *service.Service implements them, and the
// server uses them when its Ops do too (otherwise the routes answer 503).
type ConsultOps interface {
	StartConsultation(ctx context.Context, req handoff.AdvisoryRequest) (service.ConsultationStarted, error)
	Consultation(ctx context.Context, id string) (handoff.ConsultationState, error)
	AnswerConsultation(ctx context.Context, id string, in handoff.AdviceInput) (handoff.ConsultationState, error)
	ConsultationEvent(ctx context.Context, id string, ev handoff.Event) error
}

func (s *Server) consultOps(w http.ResponseWriter) (ConsultOps, bool) {
	c, ok := s.ops.(ConsultOps)
	if !ok {
		writeError(w, http.StatusServiceUnavailable, "unavailable", "", "consultations are not served by this API")
	}
	return c, ok
}

// Who may do what to a consultation: its primary agent (who asked, or whose conversation a
// consult rule matched) and operators read it and may end it; only its experts answer, each
// for themselves. Experts do not read each other's advice: it stays independent.
func mayReadConsultation(p Principal, st handoff.ConsultationState) string {
	if p.Role == config.RoleOperator || (p.Agent != "" && (p.Agent == st.PrimaryAgent || p.Agent == st.RequestedBy)) {
		return ""
	}
	return fmt.Sprintf("token %s acts for %s, which is neither the primary agent %s of consultation %s nor an operator",
		p.Name, actsFor(p), st.PrimaryAgent, st.ID)
}

// startConsultation serves an advisory request: the caller asks experts about its own
// conversation, which it keeps.
func (s *Server) startConsultation(w http.ResponseWriter, r *http.Request) {
	c, ok := s.consultOps(w)
	if !ok {
		return
	}
	p, _ := PrincipalFrom(r.Context())
	var req handoff.AdvisoryRequest
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &req); err != nil {
		s.fail(w, r, err)
		return
	}
	if req.Conversation.SourceAgent == "" {
		req.Conversation.SourceAgent = p.Agent
	}
	if req.Conversation.SourceAgent != p.Agent {
		forbidden(w, fmt.Sprintf("token %s acts for agent %s and may only ask for advice on its own conversations, not as %s",
			p.Name, p.Agent, req.Conversation.SourceAgent))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	res, err := c.StartConsultation(ctx, req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	status := http.StatusCreated
	if res.Existing {
		status = http.StatusOK
	}
	w.Header().Set("Location", "/v1/consultations/"+url.PathEscape(res.ConsultationID))
	writeJSON(w, status, res)
}

func (s *Server) consultation(w http.ResponseWriter, r *http.Request) {
	c, ok := s.consultOps(w)
	if !ok {
		return
	}
	p, _ := PrincipalFrom(r.Context())
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	st, err := c.Consultation(ctx, r.PathValue("consultation_id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if why := mayReadConsultation(p, st); why != "" {
		forbidden(w, why)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// answerConsultation takes an expert's advice. The expert is the token's agent: a body naming
// someone else is refused, and so is a caller who is not an expert of this consultation. The
// answer shows the caller its own standing only, not the others' advice.
func (s *Server) answerConsultation(w http.ResponseWriter, r *http.Request) {
	c, ok := s.consultOps(w)
	if !ok {
		return
	}
	p, _ := PrincipalFrom(r.Context())
	id := r.PathValue("consultation_id")
	var in handoff.AdviceInput
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &in); err != nil {
		s.fail(w, r, err)
		return
	}
	if in.Expert != "" && in.Expert != p.Agent {
		forbidden(w, fmt.Sprintf("token %s acts for %s and may not answer as %s", p.Name, actsFor(p), in.Expert))
		return
	}
	in.Expert = p.Agent
	if err := in.Validate(); err != nil {
		s.fail(w, r, err)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	st, err := c.Consultation(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !st.IsExpert(p.Agent) {
		forbidden(w, fmt.Sprintf("token %s acts for %s, which is not an expert of consultation %s", p.Name, actsFor(p), id))
		return
	}
	st, err = c.AnswerConsultation(ctx, id, in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, expertView(st, p.Agent))
}

// ExpertAnswer is what an expert sees after answering: the consultation's standing and
// its own part.
type ExpertAnswer struct {
	ConsultationID string               `json:"consultation_id"`
	Deadline       string               `json:"deadline"`
	Expert         handoff.ExpertStatus `json:"expert"`
}

func expertView(st handoff.ConsultationState, agent string) ExpertAnswer {
	v := ExpertAnswer{ConsultationID: st.ID, Deadline: st.Deadline.UTC().Format("2006-01-02T15:04:05Z")}
	for _, e := range st.Experts {
		if e.Agent == agent {
			v.Expert = e
		}
	}
	return v
}

// consultationEvent ends a consultation whose customer left: its primary agent or an
// operator says so.
func (s *Server) consultationEvent(w http.ResponseWriter, r *http.Request) {
	c, ok := s.consultOps(w)
	if !ok {
		return
	}
	p, _ := PrincipalFrom(r.Context())
	id := r.PathValue("consultation_id")
	var ev handoff.Event
	if err := service.Decode(http.MaxBytesReader(w, r.Body, s.opts.MaxBody), &ev); err != nil {
		s.fail(w, r, err)
		return
	}
	ev.From = p.Agent
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	st, err := c.Consultation(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if why := mayReadConsultation(p, st); why != "" {
		forbidden(w, why)
		return
	}
	if err := c.ConsultationEvent(ctx, id, ev); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"status": "accepted"})
}
