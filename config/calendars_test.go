package config_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

func TestCalendarSources(t *testing.T) {
	c, err := loadYAML(t, `agents:
  - id: maria
    kind: human
    groups: [human_agent]
    calendar: {ics_url: "https://calendar.example.com/maria.ics", ttl: 2m, timeout: 1s}
  - id: james
    kind: human
    groups: [human_agent]
    calendar:
      caldav_url: https://dav.example.com/calendars/james/work/
      username: james
      password_file: /run/secrets/james-calendar
  - id: sam
    kind: supervisor
    groups: [Supervisors]
    calendar: {ics_url_env: SAM_CALENDAR_URL}
group_calendars:
  - group: human_agent
    ics_url: https://calendar.example.com/team.ics
  - {group: Supervisors, ics_url: "https://calendar.example.com/leads.ics"}
`+agentsRouting)
	if err != nil {
		t.Fatal(err)
	}
	maria, _ := c.Agent("maria")
	if maria.Calendar == nil || maria.Calendar.TTLDuration() != 2*time.Minute || maria.Calendar.TimeoutDuration() != time.Second {
		t.Fatalf("maria's calendar %+v", maria.Calendar)
	}
	james, _ := c.Agent("james")
	if james.Calendar == nil || james.Calendar.TTLDuration() != handoff.DefaultCalendarTTL || james.Calendar.TimeoutDuration() != handoff.DefaultCalendarTimeout ||
		james.Calendar.PasswordFile != "/run/secrets/james-calendar" {
		t.Fatalf("james's calendar %+v, want the defaults", james.Calendar)
	}
	if len(c.GroupCalendars) != 2 || c.GroupCalendars[1].Group != "Supervisors" || c.GroupCalendars[1].ICSURL != "https://calendar.example.com/leads.ics" {
		t.Fatalf("group calendars %+v (group names keep their case)", c.GroupCalendars)
	}
}

func TestBadCalendarSourcesNameTheKey(t *testing.T) {
	person := func(calendar string) string {
		return "agents:\n  - {id: maria, kind: human, groups: [human_agent], calendar: " + calendar + "}\n" + agentsRouting
	}
	for _, c := range []struct{ name, yaml, key, reason string }{
		{"password written", person(`{ics_url: "https://c.example.com/a.ics", username: m, password: hunter2}`),
			"agents[0] (maria).calendar.password", "must not be written in the config file"},
		{"misspelt key", person(`{ics_url: "https://c.example.com/a.ics", pasword_env: X}`),
			"agents[0] (maria).calendar.pasword_env", "unknown key"},
		{"no source", person(`{ttl: 5m}`), "agents[0] (maria).calendar", "exactly one of ics_url"},
		{"two sources", person(`{ics_url: "https://c.example.com/a.ics", caldav_url: "https://d.example.com/"}`),
			"agents[0] (maria).calendar", "exactly one of"},
		{"not a URL", person(`{ics_url: "webcal://c.example.com/a.ics"}`), "agents[0] (maria).calendar.ics_url", "not an http(s) URL"},
		{"credentials in URL", person(`{caldav_url: "https://maria:pw@d.example.com/"}`),
			"agents[0] (maria).calendar.caldav_url", "credentials must not be written in the URL"},
		{"bad variable", person(`{ics_url_env: "MARIA-URL"}`), "agents[0] (maria).calendar.ics_url_env", "not an environment variable name"},
		{"password without user", person(`{ics_url: "https://c.example.com/a.ics", password_env: PW}`),
			"agents[0] (maria).calendar.username", "a password needs a username"},
		{"ttl too short", person(`{ics_url: "https://c.example.com/a.ics", ttl: 1s}`), "agents[0] (maria).calendar.ttl", `"1s" is below the minimum 10s`},
		{"timeout too long", person(`{ics_url: "https://c.example.com/a.ics", timeout: 30s}`), "agents[0] (maria).calendar.timeout", `"30s" is above the maximum 5s`},
		{"bot", "agents:\n  - {id: bot, kind: bot, calendar: {ics_url: \"https://c.example.com/a.ics\"}}\n  - {id: maria, kind: human, groups: [human_agent]}\n" + agentsRouting,
			"agents[0] (bot).calendar", "humans and supervisors only"},
		{"unknown group", "agents:\n  - {id: maria, kind: human, groups: [human_agent]}\ngroup_calendars:\n  - {group: sales, ics_url: \"https://c.example.com/a.ics\"}\n" + agentsRouting,
			"group_calendars[0] (sales).group", `no agent is in group "sales"`},
		{"group twice", "agents:\n  - {id: maria, kind: human, groups: [human_agent]}\ngroup_calendars:\n  - {group: human_agent, ics_url: \"https://c.example.com/a.ics\"}\n  - {group: human_agent, ics_url: \"https://c.example.com/b.ics\"}\n" + agentsRouting,
			"group_calendars[1] (human_agent).group", "one calendar"},
		{"group token", "agents:\n  - {id: maria, kind: human, groups: [human_agent]}\ngroup_calendars:\n  - {group: human_agent, ics_url: \"https://c.example.com/a.ics\", token: abc}\n" + agentsRouting,
			"group_calendars[0] (human_agent).token", "must not be written"},
	} {
		_, err := loadYAML(t, c.yaml)
		var cerr *config.Error
		if !errors.As(err, &cerr) || cerr.Key != c.key || !strings.Contains(cerr.Reason, c.reason) {
			t.Errorf("%s: got %v, want key %q and a reason saying %q", c.name, err, c.key, c.reason)
		}
	}
}
