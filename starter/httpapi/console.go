package httpapi

import (
	"errors"
	"net/http"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/console"
	"github.com/handoffhq/orchestrator/handoff"
)

// The web console (package console) is mounted at /console. Its pages call this API's own
// routes with the browser's session cookie instead of a bearer token: require accepts the
// session for the person who signed in, with the same roles and access rules as their token,
// and every change must carry the session's CSRF token.

// ConsoleOptions configure the console; Off serves none.
type ConsoleOptions struct {
	Off        bool
	SessionTTL time.Duration
	// TemporalUI and Namespace link each handoff to its run in the Temporal Web UI.
	TemporalUI, Namespace string
	// Templates maps context templates to their required fields.
	Templates map[string][]string
}

// ConsoleFromConfig is the console the config asks for: the session length of
// api.console_session_ttl, links to the Web UI at codec.ui_origin, the context templates.
func ConsoleFromConfig(cfg *config.Config) ConsoleOptions {
	templates := map[string][]string{}
	def := handoff.DefaultTemplate()
	templates[def.Name] = def.Required
	for _, t := range cfg.Templates {
		templates[t.Name] = t.Required
	}
	return ConsoleOptions{SessionTTL: cfg.API.ConsoleSessionTTLDuration(), TemporalUI: cfg.Codec.UIOrigin,
		Namespace: cfg.Temporal.Namespace, Templates: templates}
}

// newConsole builds the console over the server's token check; nil when it is off.
func (s *Server) newConsole() *console.Console {
	o := s.opts.Console
	if o.Off {
		return nil
	}
	c, err := console.New(console.Options{
		Lookup: func(token string) (console.Identity, bool) {
			p, ok := s.auth.lookup(token)
			return console.Identity(p), ok
		},
		SessionTTL: o.SessionTTL, TemporalUI: o.TemporalUI, Namespace: o.Namespace, Templates: o.Templates,
		Signed: setLogPrincipal, Logger: s.logger,
	})
	if err != nil {
		// Only a broken embedded template fails here, which the console's tests catch.
		s.logger.Error("the web console is off", "err", err.Error())
		return nil
	}
	return c
}

// consoleSession authenticates a request without a bearer token by its console cookie. found
// is false when there is no console cookie; a cookie that does not authenticate the request
// is answered here (401 or 403) and ok is false.
func (s *Server) consoleSession(w http.ResponseWriter, r *http.Request) (p Principal, sess *console.Session, found, ok bool) {
	if s.console == nil {
		return Principal{}, nil, false, false
	}
	sess, err := s.console.Authenticate(r)
	var refusal *console.Refusal
	switch {
	case err == nil:
		return Principal(sess.Identity), sess, true, true
	case errors.As(err, &refusal):
		writeError(w, refusal.Status, refusal.Code, refusal.Field, refusal.Message)
		return Principal{}, nil, true, false
	}
	return Principal{}, nil, false, false
}
