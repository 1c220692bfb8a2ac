package handoff

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// BusinessHours is a weekly opening window such as "Mon-Fri 09:00-18:00", in the agent's
// time zone. Several windows are separated by commas: "Mon-Fri 09:00-18:00, Sat 10:00-14:00".
type BusinessHours struct {
	windows []hoursWindow
}

type hoursWindow struct {
	days       [7]bool // indexed by time.Weekday
	start, end int     // minutes after midnight; end > start
}

var weekdays = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

// ParseBusinessHours parses the config notation; an empty string means always open.
func ParseBusinessHours(s string) (BusinessHours, error) {
	var h BusinessHours
	if strings.TrimSpace(s) == "" {
		return h, nil
	}
	for _, part := range strings.Split(s, ",") {
		fields := strings.Fields(part)
		if len(fields) != 2 {
			return h, fmt.Errorf("%q: want days and hours, e.g. \"Mon-Fri 09:00-18:00\"", strings.TrimSpace(part))
		}
		var w hoursWindow
		for _, span := range strings.Split(fields[0], "+") {
			from, to, isRange := strings.Cut(strings.ToLower(span), "-")
			d1, ok1 := weekdays[from]
			d2, ok2 := d1, true
			if isRange {
				d2, ok2 = weekdays[to]
			}
			if !ok1 || !ok2 {
				return h, fmt.Errorf("%q: days must be like Mon, Mon-Fri or Mon+Wed", fields[0])
			}
			for d := d1; ; d = (d + 1) % 7 {
				w.days[d] = true
				if d == d2 {
					break
				}
			}
		}
		from, to, ok := strings.Cut(fields[1], "-")
		start, err1 := parseClock(from)
		end, err2 := parseClock(to)
		if !ok || err1 != nil || err2 != nil || end <= start {
			return h, fmt.Errorf("%q: hours must be like 09:00-18:00 with the end after the start", fields[1])
		}
		w.start, w.end = start, end
		h.windows = append(h.windows, w)
	}
	return h, nil
}

func parseClock(s string) (int, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		if s == "24:00" {
			return 24 * 60, nil
		}
		return 0, err
	}
	return t.Hour()*60 + t.Minute(), nil
}

// Always reports whether no window restricts the hours.
func (h BusinessHours) Always() bool { return len(h.windows) == 0 }

// Open reports whether t (already in the agent's time zone) is within business hours.
func (h BusinessHours) Open(t time.Time) bool {
	if h.Always() {
		return true
	}
	minute := t.Hour()*60 + t.Minute()
	for _, w := range h.windows {
		if w.days[t.Weekday()] && minute >= w.start && minute < w.end {
			return true
		}
	}
	return false
}

// NextOpen returns the first moment at or after t that is within business hours.
func (h BusinessHours) NextOpen(t time.Time) time.Time {
	if h.Open(t) {
		return t
	}
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
	for i := 0; i < 8; i++ {
		d := day.AddDate(0, 0, i)
		best := time.Time{}
		for _, w := range h.windows {
			if !w.days[d.Weekday()] {
				continue
			}
			open := d.Add(time.Duration(w.start) * time.Minute)
			if open.Before(t) {
				continue
			}
			if best.IsZero() || open.Before(best) {
				best = open
			}
		}
		if !best.IsZero() {
			return best
		}
	}
	return t
}

// Window is one stretch of business hours.
type Window struct {
	Open, Close time.Time
}

// Windows returns the business hours that overlap [from, to), in order, read in loc (a day is
// 23 or 25 hours across a daylight-saving change, and the hours keep their clock times).
// Windows that touch (Mon 00:00-24:00 and Tue 00:00-24:00) are returned as they are; always
// open hours are one window from from to to.
func (h BusinessHours) Windows(from, to time.Time, loc *time.Location) []Window {
	if h.Always() {
		return []Window{{Open: from, Close: to}}
	}
	start := from.In(loc)
	var out []Window
	for day := time.Date(start.Year(), start.Month(), start.Day()-1, 0, 0, 0, 0, loc); day.Before(to); day = time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, loc) {
		var today []Window
		for _, w := range h.windows {
			if !w.days[day.Weekday()] {
				continue
			}
			open := time.Date(day.Year(), day.Month(), day.Day(), 0, w.start, 0, 0, loc)
			closes := time.Date(day.Year(), day.Month(), day.Day(), 0, w.end, 0, 0, loc)
			if closes.After(from) && open.Before(to) {
				today = append(today, Window{Open: open, Close: closes})
			}
		}
		slices.SortFunc(today, func(a, b Window) int { return a.Open.Compare(b.Open) })
		out = append(out, today...)
	}
	return out
}
