package config

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/spf13/viper"
)

// GroupCalendar is a calendar every member of a group follows (a team's offsite, an office's
// holidays), on top of each member's own. A list rather than a map: YAML map keys would be
// lower-cased, and group names are not.
type GroupCalendar struct {
	Group                  string `mapstructure:"group"`
	handoff.CalendarSource `mapstructure:",squash"`
}

// calendarKeys are the keys a calendar source may have. A misspelt one ("pasword_env") must
// fail, or the calendar would be read without it.
var calendarKeys = []string{"ics_url", "ics_url_env", "caldav_url", "username", "username_env", "password_env", "password_file", "ttl", "timeout"}

// checkCalendarFile refuses a password, token or unknown key written into a calendar source
// of the file: secrets come from the environment or files, and the file gets committed.
func checkCalendarFile(v *viper.Viper) *Error {
	check := func(key string, raw any, extra ...string) *Error {
		m, ok := raw.(map[string]any)
		if !ok {
			if raw == nil {
				return nil
			}
			return &Error{Key: key, Reason: "must be a mapping such as {ics_url: ..., ttl: 5m}"}
		}
		names := make([]string, 0, len(m))
		for k := range m {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			switch {
			case k == "password" || k == "token" || k == "secret":
				return &Error{Key: key + "." + k, Reason: "secrets must not be written in the config file: name an environment variable (password_env) or a file (password_file)"}
			case !slices.Contains(calendarKeys, k) && !slices.Contains(extra, k):
				return &Error{Key: key + "." + k, Reason: "unknown key (expected " + strings.Join(calendarKeys, ", ") + ")"}
			}
		}
		return nil
	}
	agents, _ := v.Get("agents").([]any)
	for i, raw := range agents {
		if a, ok := raw.(map[string]any); ok {
			if err := check(fmt.Sprintf("agents[%d] (%v).calendar", i, a["id"]), a["calendar"]); err != nil {
				return err
			}
		}
	}
	groups, _ := v.Get("group_calendars").([]any)
	for i, raw := range groups {
		key := fmt.Sprintf("group_calendars[%d]", i)
		if g, ok := raw.(map[string]any); ok {
			key = fmt.Sprintf("group_calendars[%d] (%v)", i, g["group"])
		}
		if err := check(key, raw, "group"); err != nil {
			return err
		}
	}
	return nil
}

// validateCalendars checks the people's and groups' calendar sources.
func (c *Config) validateCalendars() error {
	groups := map[string]bool{}
	for i, a := range c.Agents {
		for _, g := range a.Groups {
			groups[g] = true
		}
		if a.Calendar == nil {
			continue
		}
		key := fmt.Sprintf("agents[%d] (%s).calendar", i, a.ID)
		if !a.Kind.IsPerson() {
			return &Error{File: c.File, Key: key, Reason: "applies to humans and supervisors only; a bot's availability is its health check"}
		}
		if err := checkCalendarSource(*a.Calendar); err != nil {
			return &Error{File: c.File, Key: key + err.Key, Reason: err.Reason}
		}
	}
	seen := map[string]bool{}
	for i, g := range c.GroupCalendars {
		key := fmt.Sprintf("group_calendars[%d] (%s)", i, g.Group)
		switch {
		case g.Group == "":
			return &Error{File: c.File, Key: fmt.Sprintf("group_calendars[%d].group", i), Reason: "is required"}
		case !groups[g.Group]:
			return &Error{File: c.File, Key: key + ".group", Reason: fmt.Sprintf("no agent is in group %q", g.Group)}
		case seen[g.Group]:
			return &Error{File: c.File, Key: key + ".group", Reason: "a group has one calendar"}
		}
		seen[g.Group] = true
		if err := checkCalendarSource(g.CalendarSource); err != nil {
			return &Error{File: c.File, Key: key + err.Key, Reason: err.Reason}
		}
	}
	return nil
}

// checkCalendarSource checks one source; the key it returns starts with "." and is relative
// to the source.
func checkCalendarSource(s handoff.CalendarSource) *Error {
	set := 0
	for _, v := range []string{s.ICSURL, s.ICSURLEnv, s.CalDAVURL} {
		if v != "" {
			set++
		}
	}
	if set != 1 {
		return &Error{Reason: "needs exactly one of ics_url, ics_url_env (a secret address) and caldav_url"}
	}
	for _, f := range []struct{ name, u string }{{"ics_url", s.ICSURL}, {"caldav_url", s.CalDAVURL}} {
		name, u := f.name, f.u
		if u == "" {
			continue
		}
		if err := checkURL(u); err != nil {
			return &Error{Key: "." + name, Reason: err.Error()}
		}
		if parsed, _ := url.Parse(u); parsed.User != nil {
			return &Error{Key: "." + name, Reason: "credentials must not be written in the URL: use username and password_env or password_file"}
		}
	}
	for _, f := range []struct{ name, env string }{{"ics_url_env", s.ICSURLEnv}, {"username_env", s.UsernameEnv}, {"password_env", s.PasswordEnv}} {
		if f.env != "" && !envName.MatchString(f.env) {
			return &Error{Key: "." + f.name, Reason: fmt.Sprintf("%q is not an environment variable name", f.env)}
		}
	}
	switch {
	case s.Username != "" && s.UsernameEnv != "":
		return &Error{Key: ".username", Reason: "give username or username_env, not both"}
	case s.PasswordEnv != "" && s.PasswordFile != "":
		return &Error{Key: ".password_env", Reason: "give password_env or password_file, not both"}
	case (s.PasswordEnv != "" || s.PasswordFile != "") && s.Username == "" && s.UsernameEnv == "":
		return &Error{Key: ".username", Reason: "a password needs a username (username or username_env)"}
	}
	if s.TTL != "" {
		if _, problem := handoff.CheckDuration(s.TTL, handoff.MinCalendarTTL, handoff.MaxCalendarTTL); problem != "" {
			return &Error{Key: ".ttl", Reason: problem}
		}
	}
	if s.Timeout != "" {
		if _, problem := handoff.CheckDuration(s.Timeout, handoff.MinCalendarTimeout, handoff.MaxCalendarTimeout); problem != "" {
			return &Error{Key: ".timeout", Reason: problem}
		}
	}
	return nil
}
