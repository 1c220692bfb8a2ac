package devagents

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// The stand-in publishes an iCalendar feed for each person of the example config, as Google
// Calendar or Outlook would (GET /agents/{id}/calendar.ics): a weekly meeting and one busy
// block, written in the person's zone, with titles and places a real calendar would have and
// that the orchestrator must never keep. The times are set from when the stand-in started, so
// that a test or a tour starting now finds everyone free unless told otherwise (SetBusy).

// person is one stand-in calendar: its zone and what is in it. Their meetings start at
// different hours after the stand-in does (offset), so that nobody's whole team is busy at once.
type person struct {
	zone     string
	offset   time.Duration
	meeting  string // the weekly one
	busy     string // the one-off block
	location string
}

var people = map[string]person{
	"maria": {zone: "Europe/Madrid", offset: 3 * time.Hour, meeting: "Pipeline review",
		busy: "Showing: 4-bed on Calle Mayor with the Ortegas", location: "Calle Mayor 12, Madrid"},
	"james": {zone: "America/New_York", offset: 5 * time.Hour, meeting: "Buyers' team stand-up",
		busy: "Closing: 18 Hudson St (Kim family)", location: "Title office, 5th Ave"},
	"sam": {zone: "UTC", offset: 7 * time.Hour, meeting: "Supervisors' sync", busy: "1:1 with Maria", location: "Room 3"},
}

// SetBusy moves the agent's one-off busy block to now, for d (0 puts it back to tomorrow).
func (a *Agents) SetBusy(agent string, d time.Duration) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if d <= 0 {
		delete(a.busyNow, agent)
		return
	}
	now := time.Now()
	a.busyNow[agent] = [2]time.Time{now.Add(-5 * time.Minute), now.Add(d)}
}

// SetCalendarDown makes the agent's calendar answer 503 (or stop doing so).
func (a *Agents) SetCalendarDown(agent string, on bool) { a.set(a.calendarDown, agent, on) }

// CalendarReads counts the reads of the agent's calendar.
func (a *Agents) CalendarReads(agent string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.calendarReads[agent]
}

func (a *Agents) calendar(w http.ResponseWriter, r *http.Request) {
	agent := r.PathValue("id")
	p, ok := people[agent]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if !a.wait(r, agent) {
		return
	}
	a.mu.Lock()
	a.calendarReads[agent]++
	down, block := a.calendarDown[agent], a.busyNow[agent]
	a.mu.Unlock()
	if down {
		http.Error(w, "calendar of "+agent+" is down (--calendar-down)", http.StatusServiceUnavailable)
		return
	}
	loc, err := time.LoadLocation(p.zone)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	// The weekly meeting: some hours after the stand-in started, on the person's clock, every
	// week since a month ago.
	meeting := a.started.Add(p.offset).In(loc).Truncate(time.Minute)
	first := time.Date(meeting.Year(), meeting.Month(), meeting.Day()-28, meeting.Hour(), meeting.Minute(), 0, 0, loc)
	// The one-off block: tomorrow, an hour and a half, or now when set.
	start := a.started.Add(24*time.Hour + p.offset)
	end := start.Add(90 * time.Minute)
	if !block[0].IsZero() {
		start, end = block[0], block[1]
	}
	at := func(t time.Time) string {
		if p.zone == "UTC" {
			return ":" + t.UTC().Format("20060102T150405Z")
		}
		return ";TZID=" + p.zone + ":" + t.In(loc).Format("20060102T150405")
	}
	lines := []string{
		"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//handoff orchestrator//devagents//EN", "X-WR-CALNAME:" + agent,
		"BEGIN:VEVENT", "UID:weekly-" + agent + "@devagents", "SUMMARY:" + p.meeting, "LOCATION:Video call",
		"DTSTART" + at(first), "DTEND" + at(first.Add(time.Hour)), "RRULE:FREQ=WEEKLY", "END:VEVENT",
		"BEGIN:VEVENT", "UID:busy-" + agent + "@devagents", "SUMMARY:" + p.busy, "LOCATION:" + p.location,
		"DESCRIPTION:Private notes that must never leave the calendar.",
		"DTSTART" + at(start), "DTEND" + at(end), "END:VEVENT",
		"END:VCALENDAR",
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	_, _ = fmt.Fprint(w, strings.Join(lines, "\r\n")+"\r\n")
}
