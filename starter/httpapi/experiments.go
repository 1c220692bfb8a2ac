package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

var experimentName = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]{0,63}$`)

// ExperimentNamed is the config's experiment with the name, or an error for the caller: a
// name that is not one (400) or no such experiment in the config (404).
func ExperimentNamed(set *experiments.Set, name string) (*experiments.Experiment, error) {
	if !experimentName.MatchString(name) {
		return nil, &handoff.FieldError{Field: "name", Problem: handoff.Quote(name) + " is not an experiment name (lower-case letters, digits, '_', '.', '-')"}
	}
	if e := set.Get(name); e != nil {
		return e, nil
	}
	var names []string
	for _, e := range set.All() {
		names = append(names, e.Name)
	}
	known := "the config declares none"
	if len(names) > 0 {
		known = "the config's: " + strings.Join(names, ", ")
	}
	return nil, &service.Error{Kind: service.KindNotFound, Message: fmt.Sprintf("no experiment %s (%s)", handoff.Quote(name), known)}
}

// experimentReport answers an experiment's analysis: per variant the sample, the metric with
// its interval, the difference against the control with its interval and test, what is still
// needed for the horizon, and the verdict the design allows now. Operators only: it shows
// how every agent's handoffs went.
func (s *Server) experimentReport(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.Query()) > 0 {
		for k := range r.URL.Query() {
			s.fail(w, r, &handoff.FieldError{Field: k, Problem: "unknown parameter (this route takes none)"})
			return
		}
	}
	e, err := ExperimentNamed(s.opts.Experiments, r.PathValue("name"))
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
	rep, err := s.opts.Log.ExperimentReport(ctx, e, s.opts.Analytics.Success, time.Now())
	if err != nil {
		s.logFailed(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}
