package httpapi

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"slices"
	"strings"

	"github.com/handoffhq/orchestrator/config"
)

// Principal is the authenticated caller.
type Principal struct {
	Name  string
	Role  string
	Agent string
}

type principalKey struct{}

// PrincipalFrom returns the caller authenticated for this request.
func PrincipalFrom(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(Principal)
	return p, ok
}

// Auth checks bearer tokens against their stored SHA-256 hashes.
type Auth struct {
	entries []authEntry
}

type authEntry struct {
	sum [sha256.Size]byte
	p   Principal
}

// NewAuth builds the checker from validated tokens (see tokens.Load); entries whose hash does
// not decode are skipped, which tokens.Check already rules out.
func NewAuth(list []config.Token) *Auth {
	a := &Auth{}
	for _, t := range list {
		raw, err := hex.DecodeString(strings.ToLower(t.SHA256))
		if err != nil || len(raw) != sha256.Size {
			continue
		}
		var e authEntry
		copy(e.sum[:], raw)
		e.p = Principal{Name: t.Name, Role: t.Role, Agent: t.Agent}
		a.entries = append(a.entries, e)
	}
	return a
}

// lookup finds the caller of a bearer token. Every entry is compared in constant time and the
// loop never stops early, so timing tells nothing about which hash (if any) came close.
func (a *Auth) lookup(token string) (Principal, bool) {
	sum := sha256.Sum256([]byte(token))
	var found Principal
	ok := 0
	for _, e := range a.entries {
		if subtle.ConstantTimeCompare(sum[:], e.sum[:]) == 1 {
			found, ok = e.p, 1
		}
	}
	return found, ok == 1
}

// require authenticates the request and checks the caller's role before h runs:
// 401 without a known token, 403 for a role not in roles.
func (s *Server) require(roles []string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var p Principal
		token, ok := bearer(r)
		if ok {
			if p, ok = s.auth.lookup(token); !ok {
				w.Header().Set("WWW-Authenticate", `Bearer realm="handoff", error="invalid_token"`)
				writeError(w, http.StatusUnauthorized, "unauthorized", "", "unknown bearer token")
				return
			}
		} else {
			// A browser signed in to the console (console.go) sends its session cookie instead.
			cp, sess, found, valid := s.consoleSession(w, r)
			if found && !valid {
				return
			}
			if !found {
				w.Header().Set("WWW-Authenticate", `Bearer realm="handoff"`)
				writeError(w, http.StatusUnauthorized, "unauthorized", "", "a bearer token is required (Authorization: Bearer <token>)")
				return
			}
			// The request (an event stream above all) ends when the session does.
			ctx, cancel := sess.Bind(r.Context())
			defer cancel()
			r, p = r.WithContext(ctx), cp
		}
		setLogPrincipal(r.Context(), p.Name)
		if !slices.Contains(roles, p.Role) {
			writeError(w, http.StatusForbidden, "forbidden", "",
				"role "+p.Role+" of token "+p.Name+" may not do this (needs "+strings.Join(roles, " or ")+")")
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, p)))
	}
}

func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}

var (
	anyRole  = []string{config.RoleBot, config.RoleHuman, config.RoleOperator}
	botOnly  = []string{config.RoleBot}
	human    = []string{config.RoleHuman}
	botHuman = []string{config.RoleBot, config.RoleHuman}
)
