package activities

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/sony/gobreaker/v2"
	"go.temporal.io/sdk/temporal"
)

// AvailabilityInput names the agent to check.
type AvailabilityInput struct {
	Agent string `json:"agent"`
}

// Availability says whether an agent can take the handoff now, and why not.
type Availability struct {
	Agent     string            `json:"agent"`
	Kind      handoff.AgentKind `json:"kind"`
	Available bool              `json:"available"`
	Reason    string            `json:"reason,omitempty"`
	// Note is what could not be checked, e.g. a calendar that could not be read.
	Note string `json:"note,omitempty"`
}

// CheckAvailability asks whether the agent can take a handoff now: a bot or specialist by its
// health check (behind its circuit breaker), a person by business hours and calendars. An
// unavailable agent is an answer, not an error: the workflow moves on to the next candidate.
func (a *Activities) CheckAvailability(ctx context.Context, in AvailabilityInput) (Availability, error) {
	ag, ok := a.cfg.Agent(in.Agent)
	if !ok {
		return Availability{}, temporal.NewNonRetryableApplicationError(fmt.Sprintf("agent %q is not in the roster", in.Agent), ErrUnknownAgent, nil)
	}
	out := Availability{Agent: ag.ID, Kind: ag.Kind, Available: true}
	if ag.Kind.IsPerson() {
		now := time.Now()
		cal := a.readCalendars(ctx, []handoff.Agent{ag}, now, now.Add(calendarHorizon))[ag.ID]
		why, note := a.scheduleBlocked(ag, now, cal)
		out.Note = note
		if why != "" {
			out.Available, out.Reason = false, why
		} else if ag.NotifyURL == "" {
			out.Available, out.Reason = false, "no notification URL to send the offer to"
		}
		return out, nil
	}
	if ag.WebhookURL == "" {
		out.Available, out.Reason = false, "no webhook URL to deliver to"
		return out, nil
	}
	if ag.HealthURL == "" {
		return out, nil
	}
	if err := a.healthCheck(ctx, ag); err != nil {
		out.Available, out.Reason = false, err.Error()
	}
	return out, nil
}

// scheduleBlocked says why a person's business hours or calendars keep them from an offer at
// now ("" if nothing does), and a note when a calendar could not be read, so business hours
// alone decided. Unread is never busy (that would skip them until it is back) and never
// free (that would offer conversations through a holiday): it is "by business hours".
func (a *Activities) scheduleBlocked(ag handoff.Agent, now time.Time, cal personCalendar) (why, note string) {
	why, _, note = a.scheduleBlockedUntil(ag, now, cal)
	return why, note
}

// scheduleBlockedUntil is scheduleBlocked with when the block ends, where it can tell (a busy
// stretch's end, the hours' next opening).
func (a *Activities) scheduleBlockedUntil(ag handoff.Agent, now time.Time, cal personCalendar) (why string, until time.Time, note string) {
	if note = cal.note(); note != "" && ag.BusinessHours == "" {
		note += " (none are set: open at all hours)"
	}
	if open, closed, opens := a.withinHoursUntil(ag, now); !open {
		if note != "" {
			return note + ": " + closed, opens, note
		}
		return closed, opens, note
	}
	if until, away, blocked := cal.schedule.BlockedAt(now); blocked {
		what := "in a calendar event"
		if away {
			what = "out of office"
		}
		return what + " until " + untilText(until, now, agentLocation(ag)), until, note
	}
	return "", time.Time{}, note
}

// untilText writes when a busy stretch ends on the person's clock: "15:30 (Europe/Madrid)"
// today, "Mon 9 Mar 09:00 (Europe/Madrid)" on another day.
func untilText(until, now time.Time, loc *time.Location) string {
	u, n := until.In(loc), now.In(loc)
	format := "Mon 2 Jan 15:04"
	if u.YearDay() == n.YearDay() && u.Year() == n.Year() {
		format = "15:04"
	}
	return u.Format(format) + " (" + loc.String() + ")"
}

func (a *Activities) withinHours(ag handoff.Agent, now time.Time) (bool, string) {
	open, why, _ := a.withinHoursUntil(ag, now)
	return open, why
}

// withinHoursUntil is withinHours with when the hours next open.
func (a *Activities) withinHoursUntil(ag handoff.Agent, now time.Time) (bool, string, time.Time) {
	return hoursOpen(ag.BusinessHours, ag.TimeZone, now)
}

// hoursOpen says whether business hours (in a time zone, UTC when empty) are open at now, and
// if not, why and when they next open. Empty hours are always open.
func hoursOpen(businessHours, timeZone string, now time.Time) (bool, string, time.Time) {
	if businessHours == "" {
		return true, "", time.Time{}
	}
	hours, err := handoff.ParseBusinessHours(businessHours)
	if err != nil {
		return false, "business hours unreadable: " + err.Error(), time.Time{}
	}
	loc := time.UTC
	if timeZone != "" {
		if l, err := time.LoadLocation(timeZone); err == nil {
			loc = l
		}
	}
	local := now.In(loc)
	if hours.Open(local) {
		return true, "", time.Time{}
	}
	opens := hours.NextOpen(local)
	return false, fmt.Sprintf("outside business hours (%s %s; opens %s)", businessHours, loc, opens.Format(time.RFC3339)), opens
}

func (a *Activities) healthCheck(ctx context.Context, ag handoff.Agent) error {
	_, err := a.breaker("health:" + ag.ID).Execute(func() (*http.Response, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, ag.HealthURL, nil)
		if err != nil {
			return nil, err
		}
		resp, err := a.http.Do(req)
		if err != nil {
			return nil, err
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			return resp, fmt.Errorf("health check answered %s", resp.Status)
		}
		return resp, nil
	})
	if errors.Is(err, gobreaker.ErrOpenState) || errors.Is(err, gobreaker.ErrTooManyRequests) {
		return fmt.Errorf("health checks failing, circuit open")
	}
	return err
}
