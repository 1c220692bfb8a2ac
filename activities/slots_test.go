package activities

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

// Callback planning and the next free slot, with calendars served by calendarHost
// (calendars_test.go).

func TestCallbackPlannedIntoTheFirstFreeSlot(t *testing.T) {
	host := newCalendarHost(t)
	chicago := mustLocation(t, "America/Chicago")
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 11, day, hour, minute, 0, 0, chicago) }
	// Monday 23 November, 17:30, after maria's day and during james's. Maria (09:00-17:00) is
	// booked Tuesday 09:00-11:30, so her next opening is no slot; James (12:00-20:00 in New
	// York, 11:00-19:00 in Chicago) has no calendar, and is next fresh on Tuesday at 11:00.
	host.feeds["/maria.ics"] = ics(vevent("closing@crm", at(24, 9, 0), at(24, 11, 30), "America/Chicago"))
	acts, _ := calendarActivities(t, func(cfg *config.Config) {
		calendarOf(cfg, "maria", handoff.CalendarSource{ICSURL: host.URL + "/maria.ics"})
		cfg.Agents[0].TimeZone, cfg.Agents[0].BusinessHours = "America/Chicago", "Mon-Fri 09:00-17:00"
		cfg.Agents[1].TimeZone, cfg.Agents[1].BusinessHours = "America/New_York", "Mon-Fri 12:00-20:00"
	})
	plan := func(agents ...string) handoff.Callback {
		t.Helper()
		v, err := activityEnv(acts).ExecuteActivity(acts.PlanCallback, CallbackInput{Agents: agents, After: at(23, 17, 30)})
		if err != nil {
			t.Fatal(err)
		}
		var cb handoff.Callback
		if err := v.Get(&cb); err != nil {
			t.Fatal(err)
		}
		return cb
	}
	if cb := plan("maria", "james"); !cb.At.Equal(at(24, 11, 0)) || strings.Join(cb.Agents, ",") != "james" {
		t.Fatalf("callback %v with %v, want Tuesday 11:00 with james", cb.At.In(chicago), cb.Agents)
	}
	// Maria alone: the end of her closing, not her busy opening.
	if cb := plan("maria"); !cb.At.Equal(at(24, 11, 30)) || len(cb.Notes) != 0 {
		t.Fatalf("callback %v %v, want Tuesday 11:30", cb.At.In(chicago), cb.Notes)
	}
	// With her calendar down, her business hours decide, and the plan says so.
	host.set(func(h *calendarHost) { h.status = http.StatusBadGateway })
	acts.calendars = calendarCache{}
	cb := plan("maria")
	if !cb.At.Equal(at(24, 9, 0)) || len(cb.Notes) != 1 || !strings.Contains(cb.Notes[0], "calendar of maria could not be read (the calendar answered 502 Bad Gateway)") {
		t.Fatalf("callback %v %q, want her next opening, Tuesday 09:00, with a note", cb.At.In(chicago), cb.Notes)
	}
}

func TestNextFreeSlotForAQueue(t *testing.T) {
	host := newCalendarHost(t)
	chicago := mustLocation(t, "America/Chicago")
	at := func(hour, minute int) time.Time { return time.Date(2026, 11, 23, hour, minute, 0, 0, chicago) }
	host.feeds["/maria.ics"] = ics(vevent("a@crm", at(9, 30), at(10, 45), "America/Chicago"), vevent("b@crm", at(10, 50), at(12, 0), "UTC"))
	acts, _ := calendarActivities(t, func(cfg *config.Config) {
		calendarOf(cfg, "maria", handoff.CalendarSource{ICSURL: host.URL + "/maria.ics"})
		cfg.Agents[0].TimeZone, cfg.Agents[0].BusinessHours = "America/Chicago", "Mon-Fri 09:00-17:00"
	})
	v, err := activityEnv(acts).ExecuteActivity(acts.NextFreeSlot, SlotInput{Agents: []string{"maria"}, After: at(10, 0)})
	if err != nil {
		t.Fatal(err)
	}
	var s Slot
	if err := v.Get(&s); err != nil {
		t.Fatal(err)
	}
	// 10:45-10:50 is too short a gap to count.
	if !s.At.Equal(at(12, 0)) || fmt.Sprint(s.Agents) != "[maria]" {
		t.Fatalf("slot %v %v, want 12:00 with maria", s.At.In(chicago), s.Agents)
	}
}
