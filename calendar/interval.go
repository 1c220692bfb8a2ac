// Package calendar turns people's calendars into busy and free time: iCalendar feeds (RFC 5545)
// with their recurring events and time zones, and CalDAV free/busy answers (RFC 4791), read into
// intervals. Only when someone is busy or out of office is kept: an event's title, description,
// attendees and location are dropped with the parsed feed, never copied out of it. The package
// does no I/O and knows nothing of Temporal, so it is tested and benchmarked on its own.
package calendar

import (
	"slices"
	"time"
)

// Interval is the stretch of time [Start, End).
type Interval struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Contains reports whether t falls within the interval.
func (iv Interval) Contains(t time.Time) bool { return !t.Before(iv.Start) && t.Before(iv.End) }

// Merge sorts the intervals and joins those that overlap or touch, so that "busy until" reads
// the end of back-to-back meetings, not of the first one. Empty intervals are dropped. The
// argument is not modified.
func Merge(list []Interval) []Interval {
	out := make([]Interval, 0, len(list))
	for _, iv := range list {
		if iv.End.After(iv.Start) {
			out = append(out, iv)
		}
	}
	slices.SortFunc(out, func(a, b Interval) int { return a.Start.Compare(b.Start) })
	merged := out[:0]
	for _, iv := range out {
		if n := len(merged); n > 0 && !iv.Start.After(merged[n-1].End) {
			if iv.End.After(merged[n-1].End) {
				merged[n-1].End = iv.End
			}
			continue
		}
		merged = append(merged, iv)
	}
	return merged
}

// Bridge joins merged intervals separated by gaps shorter than gap: business hours of
// "Mon-Sun 00:00-23:59" are open round the clock for anyone planning in quarter hours.
func Bridge(list []Interval, gap time.Duration) []Interval {
	out := make([]Interval, 0, len(list))
	for _, iv := range list {
		if n := len(out); n > 0 && iv.Start.Sub(out[n-1].End) < gap {
			out[n-1].End = iv.End
			continue
		}
		out = append(out, iv)
	}
	return out
}

// Subtract returns the parts of from not covered by minus. Both must be merged (sorted, not
// overlapping), as Merge returns them; so is the result.
func Subtract(from, minus []Interval) []Interval {
	var out []Interval
	j := 0
	for _, iv := range from {
		start := iv.Start
		for j < len(minus) && !minus[j].End.After(start) {
			j++
		}
		for k := j; k < len(minus) && minus[k].Start.Before(iv.End); k++ {
			if minus[k].Start.After(start) {
				out = append(out, Interval{Start: start, End: minus[k].Start})
			}
			if minus[k].End.After(start) {
				start = minus[k].End
			}
		}
		if iv.End.After(start) {
			out = append(out, Interval{Start: start, End: iv.End})
		}
	}
	return out
}

// Covering returns the interval of a merged list that contains t.
func Covering(list []Interval, t time.Time) (Interval, bool) {
	i, _ := slices.BinarySearchFunc(list, t, func(iv Interval, t time.Time) int {
		if !iv.End.After(t) {
			return -1
		}
		if iv.Start.After(t) {
			return 1
		}
		return 0
	})
	if i < len(list) && list[i].Contains(t) {
		return list[i], true
	}
	return Interval{}, false
}

// NextFree returns the first moment at or after t from which free (merged) stays free for at
// least min: now, if t is inside a long enough free stretch.
func NextFree(free []Interval, t time.Time, min time.Duration) (time.Time, bool) {
	for _, iv := range free {
		start := iv.Start
		if start.Before(t) {
			start = t
		}
		if iv.End.After(start) && iv.End.Sub(start) >= min {
			return start, true
		}
	}
	return time.Time{}, false
}

// NextStart returns the start of the first free stretch of at least min that begins after t:
// the next time someone becomes free, skipping the stretch they may be in at t.
func NextStart(free []Interval, t time.Time, min time.Duration) (time.Time, bool) {
	for _, iv := range free {
		if iv.Start.After(t) && iv.End.Sub(iv.Start) >= min {
			return iv.Start, true
		}
	}
	return time.Time{}, false
}
