package httpapi

import (
	"context"
	"net/http"
)

// The queues' real-time statistics, for operators: what waits, how long, how fast it is
// answered, and who is there to answer it. Per-person figures are not for every bot and person
// to read, as with /v1/stats.

func (s *Server) queues(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	st, err := s.ops.Queues(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) queue(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.OpTimeout)
	defer cancel()
	st, err := s.ops.QueueStats(ctx, r.PathValue("group"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
