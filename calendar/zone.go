package calendar

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	// Calendars name zones from anywhere in the world; the zone database is built in so a
	// machine or image without tzdata reads them the same.
	_ "time/tzdata"

	"github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"
)

// Times are handled as wall-clock readings ("naive": the fields of a time.Time in UTC, carrying
// no zone of their own) until a zone turns them into instants. Recurrence rules are expanded
// on the wall clock, as RFC 5545 says they are, so a weekly 09:00 meeting stays at 09:00 across
// a daylight-saving change, and a zone defined only by the feed's VTIMEZONE works like any
// other.

// zone turns wall-clock readings into instants and back.
type zone interface {
	instant(wall time.Time) time.Time
	wall(t time.Time) time.Time
}

// locZone is a zone the Go time zone database knows (IANA names such as Europe/Madrid).
type locZone struct{ loc *time.Location }

func (z locZone) instant(w time.Time) time.Time {
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, z.loc)
}

func (z locZone) wall(t time.Time) time.Time { return naive(t.In(z.loc)) }

// naive keeps the wall-clock fields of t and drops its zone.
func naive(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// transition is one change of a VTIMEZONE's offset.
type transition struct {
	at     time.Time     // the instant it happens
	offset time.Duration // the offset from UTC from then on
}

// vZone is a zone defined by a VTIMEZONE of the feed (Outlook names zones "W. Europe Standard
// Time" and defines them there).
type vZone struct {
	before time.Duration // the offset before the first transition
	trans  []transition  // sorted by instant
}

func (z *vZone) offsetAt(t time.Time) time.Duration {
	i, _ := slices.BinarySearchFunc(z.trans, t, func(tr transition, t time.Time) int { return tr.at.Compare(t) })
	// i is the first transition after t (or at it: then it applies).
	if i < len(z.trans) && z.trans[i].at.Equal(t) {
		return z.trans[i].offset
	}
	if i == 0 {
		return z.before
	}
	return z.trans[i-1].offset
}

func (z *vZone) wall(t time.Time) time.Time { return naive(t.UTC().Add(z.offsetAt(t))) }

// instant reads the wall clock with the offset in force then: the offset at the reading taken
// as UTC is a first guess, and one correction settles it. A reading that happens twice (the
// clock set back) or never (set forward) resolves to an instant next to it.
func (z *vZone) instant(w time.Time) time.Time {
	guess := w.Add(-z.offsetAt(w))
	return w.Add(-z.offsetAt(guess))
}

// maxZoneSteps bounds the expansion of one VTIMEZONE observance (Outlook starts them in 1601).
const maxZoneSteps = 5000

// parseVTimezone reads a VTIMEZONE's STANDARD and DAYLIGHT observances up to the year of until.
func parseVTimezone(c *ical.Component, until time.Time) (*vZone, error) {
	z := &vZone{}
	first := time.Time{}
	for _, obs := range c.Children {
		if obs.Name != "STANDARD" && obs.Name != "DAYLIGHT" {
			continue
		}
		from, err := offsetProp(obs, "TZOFFSETFROM")
		if err != nil {
			return nil, err
		}
		to, err := offsetProp(obs, "TZOFFSETTO")
		if err != nil {
			return nil, err
		}
		start := obs.Props.Get(ical.PropDateTimeStart)
		if start == nil {
			return nil, fmt.Errorf("%s has no DTSTART", obs.Name)
		}
		onset, _, err := parseValue(start.Value, "")
		if err != nil {
			return nil, fmt.Errorf("%s DTSTART: %w", obs.Name, err)
		}
		onsets := []time.Time{onset}
		if rule := obs.Props.Get(ical.PropRecurrenceRule); rule != nil {
			opt, err := ruleOption(rule.Value, locZone{time.UTC})
			if err != nil {
				return nil, fmt.Errorf("%s RRULE: %w", obs.Name, err)
			}
			opt.Dtstart = onset
			if opt.Until.IsZero() {
				// rrule-go ends an open rule 292 years after its start (1893 for Outlook's).
				opt.Until = until
			}
			r, err := rrule.NewRRule(*opt)
			if err != nil {
				return nil, fmt.Errorf("%s RRULE: %w", obs.Name, err)
			}
			next := r.Iterator()
			for steps := 0; ; steps++ {
				t, ok := next()
				if !ok || t.After(until) {
					break
				}
				if steps > maxZoneSteps {
					return nil, fmt.Errorf("%s RRULE repeats more than %d times before %s", obs.Name, maxZoneSteps, until.Format("2006"))
				}
				onsets = append(onsets, t)
			}
		}
		for _, p := range obs.Props.Values(ical.PropRecurrenceDates) {
			for _, v := range strings.Split(p.Value, ",") {
				t, _, err := parseValue(v, "")
				if err != nil {
					return nil, fmt.Errorf("%s RDATE: %w", obs.Name, err)
				}
				onsets = append(onsets, t)
			}
		}
		for _, o := range onsets {
			// An onset is read on the clock of the offset it ends.
			at := o.Add(-from)
			z.trans = append(z.trans, transition{at: at, offset: to})
			if first.IsZero() || at.Before(first) {
				first, z.before = at, from
			}
		}
	}
	if len(z.trans) == 0 {
		return nil, fmt.Errorf("no STANDARD or DAYLIGHT observance")
	}
	slices.SortFunc(z.trans, func(a, b transition) int { return a.at.Compare(b.at) })
	return z, nil
}

// offsetProp reads a UTC offset such as -0500 or +053000.
func offsetProp(c *ical.Component, name string) (time.Duration, error) {
	p := c.Props.Get(name)
	if p == nil {
		return 0, fmt.Errorf("%s has no %s", c.Name, name)
	}
	v := strings.TrimSpace(p.Value)
	if (len(v) != 5 && len(v) != 7) || (v[0] != '+' && v[0] != '-') {
		return 0, fmt.Errorf("%s %s is not an offset such as +0100", name, quoted(v))
	}
	n, err := strconv.Atoi(v[1:])
	if err != nil {
		return 0, fmt.Errorf("%s %s is not an offset such as +0100", name, quoted(v))
	}
	if len(v) == 5 {
		n *= 100
	}
	d := time.Duration(n/10000)*time.Hour + time.Duration(n/100%100)*time.Minute + time.Duration(n%100)*time.Second
	if v[0] == '-' {
		d = -d
	}
	return d, nil
}
