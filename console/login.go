package console

import (
	"errors"
	"net/http"
	"strings"

	"github.com/handoffhq/orchestrator/config"
)

// Signing in and out. The token goes in a POST body, never in a URL or a log line; a failed
// sign-in says which field is wrong and why, and nothing about other people's tokens.

// maxForm bounds the sign-in and sign-out forms: a token and a CSRF token.
const maxForm = 4 << 10

// loginPage shows the sign-in form with a fresh CSRF token in a cookie of its own (there is
// no session yet to hold one). A person already signed in goes to their page.
func (c *Console) loginPage(w http.ResponseWriter, r *http.Request) {
	if c.current(r) != nil {
		http.Redirect(w, r, "/console/", http.StatusSeeOther)
		return
	}
	msg := ""
	switch {
	case r.URL.Query().Has("expired"):
		msg = "Your session ended. Sign in again."
	case r.URL.Query().Has("signed_out"):
		msg = "You signed out."
	}
	c.showLogin(w, r, http.StatusOK, msg, "")
}

// showLogin renders the form; a message with a field is an error about that field.
func (c *Console) showLogin(w http.ResponseWriter, r *http.Request, status int, msg, field string) {
	token, err := randomToken()
	if err != nil {
		http.Error(w, "no randomness for the form", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Value: token, Path: "/console/login", MaxAge: 1800,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: isHTTPS(r)})
	v := c.view(r, nil, "Sign in", msg)
	v.LoginCSRF, v.Field, v.Error = token, field, status >= 400
	c.render(w, status, "login", v)
}

func (c *Console) login(w http.ResponseWriter, r *http.Request) {
	if why := crossSite(r); why != "" {
		c.showLogin(w, r, http.StatusForbidden, "Sign in from this page, not from another site ("+why+").", "")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			c.showLogin(w, r, http.StatusRequestEntityTooLarge, "token: the form is larger than 4 KiB; paste the token alone.", "token")
			return
		}
		c.showLogin(w, r, http.StatusBadRequest, "The form could not be read: "+err.Error(), "")
		return
	}
	ck, err := r.Cookie(loginCookie)
	if err != nil || !sameToken(r.PostFormValue("csrf"), ck.Value) {
		c.showLogin(w, r, http.StatusForbidden, "csrf: the sign-in form expired or came from elsewhere; it is fresh now, sign in again.", "")
		return
	}
	token := strings.TrimSpace(r.PostFormValue("token"))
	if token == "" {
		c.showLogin(w, r, http.StatusBadRequest, "token: is required (the API token you were given).", "token")
		return
	}
	id, ok := c.o.Lookup(token)
	if !ok {
		c.showLogin(w, r, http.StatusUnauthorized, "token: not a known API token.", "token")
		return
	}
	if id.Role != config.RoleHuman && id.Role != config.RoleOperator {
		c.showLogin(w, r, http.StatusForbidden, "token: a "+id.Role+" token cannot sign in to the console; agents use their human token, supervisors an operator token.", "token")
		return
	}
	key, s, err := c.sessions.create(id)
	if err != nil {
		c.showLogin(w, r, http.StatusServiceUnavailable, err.Error(), "")
		return
	}
	c.o.Signed(r.Context(), id.Name)
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: key, Path: "/", Expires: s.Expires,
		MaxAge: int(c.o.SessionTTL.Seconds()), HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: isHTTPS(r)})
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Path: "/console/login", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: isHTTPS(r)})
	http.Redirect(w, r, "/console/", http.StatusSeeOther)
}

// logout ends the session (its open event stream too) and clears the cookie. It is a form post
// with the session's CSRF token, so another site cannot sign a person out.
func (c *Console) logout(w http.ResponseWriter, r *http.Request) {
	ck, err := r.Cookie(SessionCookie)
	s := c.current(r)
	if err != nil || s == nil {
		http.Redirect(w, r, "/console/login", http.StatusSeeOther)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if crossSite(r) != "" || r.ParseForm() != nil || !sameToken(r.PostFormValue("csrf"), s.CSRF) {
		c.render(w, http.StatusForbidden, "message", c.view(r, s, "Not signed out",
			"csrf: signing out takes the button on a console page; this request did not come from one."))
		return
	}
	c.sessions.end(ck.Value)
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: isHTTPS(r)})
	http.Redirect(w, r, "/console/login?signed_out=1", http.StatusSeeOther)
}
