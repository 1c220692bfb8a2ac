package calendar

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/emersion/go-ical"
)

// FreeBusyQuery is the body of a CalDAV free-busy-query REPORT (RFC 4791, section 7.10) for the
// window: the server answers with busy periods only, so no event ever leaves it.
func FreeBusyQuery(from, to time.Time) string {
	const format = "20060102T150405Z"
	return `<?xml version="1.0" encoding="utf-8"?>` + "\n" +
		`<C:free-busy-query xmlns:C="urn:ietf:params:xml:ns:caldav">` +
		`<C:time-range start="` + from.UTC().Format(format) + `" end="` + to.UTC().Format(format) + `"/>` +
		`</C:free-busy-query>` + "\n"
}

// ParseFreeBusy reads the VFREEBUSY answer of a free-busy-query: FBTYPE BUSY (the default) and
// BUSY-TENTATIVE are busy, BUSY-UNAVAILABLE (out of office, or outside working hours) is away,
// FREE is free.
func ParseFreeBusy(r io.Reader, o Options) (_ Schedule, err error) {
	defer safely(&err)
	cal, err := decode(r)
	if err != nil {
		return Schedule{}, err
	}
	p := newParser(cal, o)
	found := false
	for _, c := range cal.Children {
		if c.Name != ical.CompFreeBusy {
			continue
		}
		found = true
		for _, prop := range c.Props.Values(ical.PropFreeBusy) {
			kind := strings.ToUpper(prop.Params.Get(ical.ParamFreeBusyType))
			if kind == "FREE" {
				continue
			}
			for _, v := range strings.Split(prop.Value, ",") {
				iv, err := p.period(v, prop.Params)
				if err != nil {
					return Schedule{}, fmt.Errorf("FREEBUSY: %w", err)
				}
				if !iv.End.After(o.From) || !iv.Start.Before(o.To) {
					continue
				}
				if kind == "BUSY-UNAVAILABLE" {
					p.away = append(p.away, iv)
				} else {
					p.busy = append(p.busy, iv)
				}
				if len(p.busy)+len(p.away) > maxIntervals {
					return Schedule{}, fmt.Errorf("more than %d busy periods in the window", maxIntervals)
				}
			}
		}
	}
	if !found {
		return Schedule{}, errors.New("the answer has no VFREEBUSY")
	}
	return p.schedule(), nil
}

// period reads start/end or start/duration, e.g. 20260302T090000Z/PT1H.
func (p *parser) period(v string, params ical.Params) (Interval, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(v), "/")
	if !ok {
		return Interval{}, fmt.Errorf("%s is not a period such as 20260302T090000Z/PT1H", quoted(v))
	}
	start, err := p.moment(a, params)
	if err != nil {
		return Interval{}, err
	}
	if strings.HasPrefix(strings.TrimLeft(b, "+-"), "P") {
		prop := ical.NewProp(ical.PropDuration)
		prop.Value = b
		d, err := prop.Duration()
		if err != nil || d < 0 {
			return Interval{}, fmt.Errorf("%s is not a duration such as PT1H", quoted(b))
		}
		at := start.instant()
		return Interval{Start: at, End: at.Add(d)}, nil
	}
	end, err := p.moment(b, params)
	if err != nil {
		return Interval{}, err
	}
	return Interval{Start: start.instant(), End: end.instant()}, nil
}
