package calendar

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"
)

// Limits on what one calendar may cost to read. A feed past them is refused as a whole rather
// than read in part: a calendar read in part could call someone free who is not.
const (
	// MaxFeedBytes bounds a feed or free/busy answer. A busy person's year of events with
	// long descriptions is a few megabytes.
	MaxFeedBytes = 8 << 20
	// maxSteps bounds the occurrences of one recurring event walked from its first to the
	// window (a daily event since 1990 is about 13,000).
	maxSteps = 100_000
	// maxIntervals bounds the busy intervals of one window.
	maxIntervals = 50_000
	// maxDepth and maxParamBytes keep a malformed feed from costing the decoder deep recursion
	// or quadratic time (it builds parameter values byte by byte).
	maxDepth      = 8
	maxParamBytes = 4 << 10
)

// Options say which window of time to read and where times that name no zone are.
type Options struct {
	From, To time.Time
	// Location places floating times and all-day dates: the person's own time zone. UTC if nil.
	Location *time.Location
	// Deadline, when set, bounds the time spent expanding the feed: past it the read fails
	// with ErrTooSlow. The limits above bound each rule (a rule no day satisfies costs a
	// fifth of a second), not a feed of many; the deadline is checked between events, every
	// thousand occurrences and before each zone definition is expanded.
	Deadline time.Time
}

// ErrTooSlow is the error of a read that passed its deadline while expanding the feed.
var ErrTooSlow = errors.New("the feed took longer to expand than the read may take")

// ParseICS reads an iCalendar feed (what Google Calendar, Outlook and most CRMs publish) into
// the busy and out-of-office time of the window, recurring events expanded:
//
//   - an event is busy unless cancelled (STATUS:CANCELLED) or shown as free (TRANSP:TRANSPARENT,
//     or Outlook's X-MICROSOFT-CDO-BUSYSTATUS FREE or WORKINGELSEWHERE); tentative is busy;
//   - Outlook's out of office (X-MICROSOFT-CDO-BUSYSTATUS:OOF) is away;
//   - an all-day entry is away only when explicitly marked busy (TRANSP:OPAQUE or a busy
//     status); unmarked all-day entries are reminders, birthdays and holidays of others;
//   - RRULE, RDATE and EXDATE are applied, and an occurrence moved or cancelled by an event
//     with the same UID and a RECURRENCE-ID is replaced by that event;
//   - TZID names an IANA zone or a VTIMEZONE of the feed; floating times and dates are read
//     in o.Location.
//
// Titles, descriptions, attendees and locations are never read.
func ParseICS(r io.Reader, o Options) (_ Schedule, err error) {
	defer safely(&err)
	cal, err := decode(r)
	if err != nil {
		return Schedule{}, err
	}
	p := newParser(cal, o)
	// Overrides first: each master's expansion skips the occurrences they replace.
	overridden := map[string]map[int64]bool{}
	var events []*ical.Component
	for _, c := range cal.Children {
		if c.Name != ical.CompEvent {
			continue
		}
		events = append(events, c)
		rid := c.Props.Get(ical.PropRecurrenceID)
		if rid == nil {
			continue
		}
		m, err := p.moment(rid.Value, rid.Params)
		if err != nil {
			return Schedule{}, fmt.Errorf("event %d: RECURRENCE-ID: %w", len(events), err)
		}
		uid := c.Props.Get(ical.PropUID)
		if uid == nil {
			continue
		}
		if overridden[uid.Value] == nil {
			overridden[uid.Value] = map[int64]bool{}
		}
		overridden[uid.Value][m.instant().Unix()] = true
	}
	for i, c := range events {
		if err := p.inTime(); err != nil {
			return Schedule{}, err
		}
		var skip map[int64]bool
		if uid := c.Props.Get(ical.PropUID); uid != nil && c.Props.Get(ical.PropRecurrenceID) == nil {
			skip = overridden[uid.Value]
		}
		if err := p.event(c, skip); err != nil {
			return Schedule{}, fmt.Errorf("event %d: %w", i+1, err)
		}
	}
	return p.schedule(), nil
}

// safely turns a panic of the libraries into an error. FuzzParseICS found go-ical indexing past
// the end of a line whose last parameter has no value, and rrule-go past a table on a BYDAY
// ordinal its year cannot hold: a broken feed is a calendar that cannot be read, not a crash.
func safely(err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("not a calendar this service can read (the parser failed: %v)", p)
	}
}

// decode reads and parses a feed within the limits.
func decode(r io.Reader) (cal *ical.Calendar, err error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFeedBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxFeedBytes {
		return nil, fmt.Errorf("larger than %d MiB", MaxFeedBytes>>20)
	}
	if err := checkShape(b); err != nil {
		return nil, err
	}
	cal, err = ical.NewDecoder(bytes.NewReader(b)).Decode()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("not an iCalendar document (no BEGIN:VCALENDAR ... END:VCALENDAR)")
	}
	if err != nil {
		return nil, fmt.Errorf("not a valid iCalendar document: %w", err)
	}
	return cal, nil
}

// checkShape refuses what the decoder would take too long over: components nested deeper than
// any calendar nests them, and parameter sections longer than any real one. It reads the
// content lines unfolded, as the decoder does.
func checkShape(b []byte) error {
	for _, fold := range []string{"\r\n ", "\r\n\t", "\n ", "\n\t"} {
		b = bytes.ReplaceAll(b, []byte(fold), nil)
	}
	depth := 0
	for line := range bytes.Lines(b) {
		switch {
		case hasPrefixFold(line, "BEGIN:"):
			if depth++; depth > maxDepth {
				return fmt.Errorf("components nested more than %d deep", maxDepth)
			}
		case hasPrefixFold(line, "END:"):
			depth--
		}
		// The parameters run up to the first colon outside double quotes.
		quoted := false
		for i, c := range line {
			if c == '"' {
				quoted = !quoted
			}
			if c == ':' && !quoted {
				break
			}
			if i >= maxParamBytes {
				return fmt.Errorf("a property's parameters run past %d KiB", maxParamBytes>>10)
			}
		}
	}
	return nil
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// parser holds what reading one feed needs: its time zones, the window, and what it found.
type parser struct {
	o        Options
	floating zone
	defs     map[string]*ical.Component
	zones    map[string]zone
	// lo and hi bound the wall-clock readings worth expanding: the window widened by the
	// largest offset from UTC (14 hours) and a day to spare.
	lo, hi     time.Time
	busy, away []Interval
}

func newParser(cal *ical.Calendar, o Options) *parser {
	loc := o.Location
	if loc == nil {
		loc = time.UTC
	}
	p := &parser{
		o: o, floating: locZone{loc}, defs: map[string]*ical.Component{}, zones: map[string]zone{},
		lo: naive(o.From.UTC()).AddDate(0, 0, -2), hi: naive(o.To.UTC()).AddDate(0, 0, 2),
	}
	for _, c := range cal.Children {
		if c.Name == ical.CompTimezone {
			if id := c.Props.Get(ical.PropTimezoneID); id != nil {
				p.defs[id.Value] = c
			}
		}
	}
	return p
}

// inTime fails once the read's deadline has passed.
func (p *parser) inTime() error {
	if !p.o.Deadline.IsZero() && time.Now().After(p.o.Deadline) {
		return ErrTooSlow
	}
	return nil
}

func (p *parser) schedule() Schedule {
	return Schedule{From: p.o.From, To: p.o.To, Busy: Merge(p.busy), Away: Merge(p.away)}
}

// zone resolves a TZID: the Go zone database first (it is kept current), then the feed's own
// VTIMEZONE. RFC 5545 wants a VTIMEZONE for every TZID; a feed without one most likely means
// its owner's own zone.
func (p *parser) zone(tzid string) (zone, error) {
	if z, ok := p.zones[tzid]; ok {
		return z, nil
	}
	var z zone = p.floating
	if loc, err := time.LoadLocation(tzid); err == nil && tzid != "" && tzid != "Local" {
		z = locZone{loc}
	} else if def, ok := p.defs[tzid]; ok {
		if err := p.inTime(); err != nil {
			return nil, err
		}
		vz, err := parseVTimezone(def, p.hi.AddDate(1, 0, 0))
		if err != nil {
			return nil, fmt.Errorf("VTIMEZONE %s: %w", quoted(tzid), err)
		}
		z = vz
	}
	p.zones[tzid] = z
	return z, nil
}

// verdict is what an event means for its owner's availability.
type verdict int

const (
	free verdict = iota
	busy
	away
)

func classify(c *ical.Component, allDay bool) verdict {
	if upper(c, ical.PropStatus) == "CANCELLED" {
		return free
	}
	status := upper(c, "X-MICROSOFT-CDO-BUSYSTATUS")
	transp := upper(c, ical.PropTransparency)
	switch {
	case status == "OOF":
		return away
	case status == "FREE" || status == "WORKINGELSEWHERE" || transp == "TRANSPARENT":
		return free
	case allDay && (transp == "OPAQUE" || status == "BUSY" || status == "TENTATIVE"):
		return away
	case allDay:
		return free
	}
	return busy
}

func upper(c *ical.Component, name string) string {
	if p := c.Props.Get(name); p != nil {
		return strings.ToUpper(strings.TrimSpace(p.Value))
	}
	return ""
}

// span is how long each occurrence of an event lasts: whole days for an all-day event (a day
// is 23 or 25 hours across a daylight-saving change), an exact duration otherwise.
type span struct {
	days int
	dur  time.Duration
}

func (s span) end(m moment) time.Time {
	if s.days > 0 {
		return m.z.instant(m.wall.AddDate(0, 0, s.days))
	}
	return m.instant().Add(s.dur)
}

func (p *parser) span(c *ical.Component, start moment) (span, error) {
	if end := c.Props.Get(ical.PropDateTimeEnd); end != nil {
		m, err := p.moment(end.Value, end.Params)
		if err != nil {
			return span{}, fmt.Errorf("DTEND: %w", err)
		}
		if start.date {
			return span{days: max(1, int(m.wall.Sub(start.wall).Hours()/24))}, nil
		}
		d := m.instant().Sub(start.instant())
		if d < 0 {
			return span{}, errors.New("DTEND is before DTSTART")
		}
		return span{dur: d}, nil
	}
	if prop := c.Props.Get(ical.PropDuration); prop != nil {
		d, err := prop.Duration()
		if err != nil || d < 0 {
			return span{}, fmt.Errorf("DURATION %s is not a duration such as PT1H", quoted(prop.Value))
		}
		if start.date && d%(24*time.Hour) == 0 {
			return span{days: max(1, int(d/(24*time.Hour)))}, nil
		}
		return span{dur: d}, nil
	}
	if start.date {
		return span{days: 1}, nil
	}
	// A timed event with neither ends when it starts: it takes no time.
	return span{}, nil
}

// event adds the busy time of one VEVENT and its recurrences, less the occurrences in skip
// (instants replaced by RECURRENCE-ID overrides).
func (p *parser) event(c *ical.Component, skip map[int64]bool) error {
	startProp := c.Props.Get(ical.PropDateTimeStart)
	if startProp == nil {
		return errors.New("no DTSTART")
	}
	start, err := p.moment(startProp.Value, startProp.Params)
	if err != nil {
		return fmt.Errorf("DTSTART: %w", err)
	}
	v := classify(c, start.date)
	if v == free {
		return nil
	}
	length, err := p.span(c, start)
	if err != nil {
		return err
	}
	walls, err := p.occurrences(c, start, length.end(start).Sub(start.instant()))
	if err != nil {
		return err
	}
	excluded, err := p.exdates(c)
	if err != nil {
		return err
	}
	for _, w := range walls {
		m := moment{wall: w, z: start.z, date: start.date}
		at := m.instant()
		if excluded[at.Unix()] || skip[at.Unix()] {
			continue
		}
		iv := Interval{Start: at, End: length.end(m)}
		if !iv.End.After(p.o.From) || !iv.Start.Before(p.o.To) {
			continue
		}
		if v == away {
			p.away = append(p.away, iv)
		} else {
			p.busy = append(p.busy, iv)
		}
		if len(p.busy)+len(p.away) > maxIntervals {
			return fmt.Errorf("more than %d busy intervals in the window", maxIntervals)
		}
	}
	return nil
}

// occurrences returns the wall-clock starts of an event near the window: DTSTART, the RRULE's
// occurrences and the RDATEs. An occurrence that starts up to length before the window may
// still cover some of it.
func (p *parser) occurrences(c *ical.Component, start moment, length time.Duration) ([]time.Time, error) {
	lo := p.lo.Add(-length)
	seen := map[time.Time]bool{}
	var walls []time.Time
	add := func(w time.Time) {
		if !seen[w] && !w.Before(lo) && !w.After(p.hi) {
			seen[w] = true
			walls = append(walls, w)
		}
	}
	add(start.wall)
	if rule := c.Props.Get(ical.PropRecurrenceRule); rule != nil {
		opt, err := ruleOption(rule.Value, start.z)
		if err != nil {
			return nil, fmt.Errorf("RRULE: %w", err)
		}
		opt.Dtstart = start.wall
		if opt.Until.IsZero() {
			// rrule-go ends an open rule 292 years after its start; the window ends first.
			opt.Until = p.hi
		}
		r, err := rrule.NewRRule(*opt)
		if err != nil {
			return nil, fmt.Errorf("RRULE: %w", err)
		}
		next := r.Iterator()
		for steps := 0; ; steps++ {
			w, ok := next()
			if !ok || w.After(p.hi) {
				break
			}
			if steps >= maxSteps {
				return nil, fmt.Errorf("RRULE: more than %d occurrences before the window", maxSteps)
			}
			if steps%1024 == 1023 {
				if err := p.inTime(); err != nil {
					return nil, err
				}
			}
			add(w)
		}
	}
	for _, prop := range c.Props.Values(ical.PropRecurrenceDates) {
		for _, v := range strings.Split(prop.Value, ",") {
			// A PERIOD value (start/end) starts at its start; the event's length applies.
			v, _, _ = strings.Cut(v, "/")
			m, err := p.moment(v, prop.Params)
			if err != nil {
				return nil, fmt.Errorf("RDATE: %w", err)
			}
			if m.date {
				add(m.wall)
			} else {
				add(start.z.wall(m.instant()))
			}
		}
	}
	return walls, nil
}

// exdates returns the instants an event's EXDATEs remove.
func (p *parser) exdates(c *ical.Component) (map[int64]bool, error) {
	out := map[int64]bool{}
	for _, prop := range c.Props.Values(ical.PropExceptionDates) {
		for _, v := range strings.Split(prop.Value, ",") {
			m, err := p.moment(v, prop.Params)
			if err != nil {
				return nil, fmt.Errorf("EXDATE: %w", err)
			}
			out[m.instant().Unix()] = true
		}
	}
	return out, nil
}
