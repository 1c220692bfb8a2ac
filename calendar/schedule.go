package calendar

import "time"

// Schedule is what a calendar says about a window of time: when its owner is busy and when out
// of office. It is all that is kept of a calendar.
type Schedule struct {
	// From and To bound the window the calendar was read for; outside it nothing is known.
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
	// Busy holds events and tentative events (merged).
	Busy []Interval `json:"busy,omitempty"`
	// Away holds out-of-office entries (merged).
	Away []Interval `json:"away,omitempty"`
}

// Covers reports whether the schedule was read for all of [from, to).
func (s Schedule) Covers(from, to time.Time) bool {
	return !s.From.After(from) && !s.To.Before(to)
}

// Unavailable is the union of busy and away time, merged.
func (s Schedule) Unavailable() []Interval {
	return Merge(append(append([]Interval(nil), s.Busy...), s.Away...))
}

// BlockedAt says whether the owner is busy or away at t, and until when without a break: a
// holiday followed by a meeting on the day back reads as one stretch. away says t itself is
// out-of-office time.
func (s Schedule) BlockedAt(t time.Time) (until time.Time, away, blocked bool) {
	iv, blocked := Covering(s.Unavailable(), t)
	if !blocked {
		return time.Time{}, false, false
	}
	_, awayNow := Covering(s.Away, t)
	return iv.End, awayNow, true
}

// Combine joins the schedules of several calendars of one person (their own and their
// group's): busy when any says busy. The window is the part all of them were read for.
func Combine(list ...Schedule) Schedule {
	if len(list) == 0 {
		return Schedule{}
	}
	out := Schedule{From: list[0].From, To: list[0].To}
	var busy, away []Interval
	for _, s := range list {
		if s.From.After(out.From) {
			out.From = s.From
		}
		if s.To.Before(out.To) {
			out.To = s.To
		}
		busy = append(busy, s.Busy...)
		away = append(away, s.Away...)
	}
	out.Busy, out.Away = Merge(busy), Merge(away)
	return out
}
