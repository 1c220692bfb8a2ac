package calendar

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"
)

// The values of a feed: dates, date-times with their zones, and recurrence rules.

// moment is a DATE or DATE-TIME value: its wall-clock reading, the zone that reads it, and
// whether it is a whole day.
type moment struct {
	wall time.Time
	z    zone
	date bool
}

func (m moment) instant() time.Time { return m.z.instant(m.wall) }

func (p *parser) moment(value string, params ical.Params) (moment, error) {
	wall, kind, err := parseValue(value, params.Get(ical.ParamValue))
	if err != nil {
		return moment{}, err
	}
	switch kind {
	case kindUTC:
		return moment{wall: wall, z: locZone{time.UTC}}, nil
	case kindDate:
		return moment{wall: wall, z: p.floating, date: true}, nil
	}
	z, err := p.zone(params.Get(ical.ParamTimezoneID))
	return moment{wall: wall, z: z}, err
}

const (
	kindLocal = iota
	kindUTC
	kindDate
)

// parseValue reads 20260302 (a date), 20260302T090000 (a local time) or 20260302T090000Z.
func parseValue(v, valueType string) (time.Time, int, error) {
	v = strings.TrimSpace(v)
	var t time.Time
	var err error
	kind := kindLocal
	switch {
	case len(v) == 8 || strings.EqualFold(valueType, "DATE"):
		kind = kindDate
		t, err = time.Parse("20060102", v)
	case len(v) == 16 && (v[15] == 'Z' || v[15] == 'z'):
		kind = kindUTC
		t, err = time.Parse("20060102T150405", v[:15])
	default:
		t, err = time.Parse("20060102T150405", v)
	}
	if err != nil {
		return time.Time{}, 0, fmt.Errorf("%s is not a date or date-time such as 20260302 or 20260302T090000Z", quoted(v))
	}
	return t, kind, nil
}

// ruleOption reads an RRULE whose DTSTART is read by z. Its UNTIL, when given in UTC, is turned
// into a reading of z's clock, since the rule is expanded on that clock.
func ruleOption(value string, z zone) (*rrule.ROption, error) {
	opt, err := rrule.StrToROptionInLocation(value, time.UTC)
	if err != nil {
		return nil, err
	}
	if opt.Freq > rrule.DAILY {
		return nil, fmt.Errorf("FREQ=%s is not supported (a calendar repeats events daily at most)", opt.Freq)
	}
	for _, part := range strings.Split(strings.ToUpper(value), ";") {
		if strings.HasPrefix(part, "UNTIL=") && strings.HasSuffix(part, "Z") && !opt.Until.IsZero() {
			opt.Until = z.wall(opt.Until)
		}
	}
	return opt, nil
}

// maxQuoted bounds a value quoted in an error: errors travel in notes, states and logs, and a
// broken feed's value may be megabytes long.
const maxQuoted = 40

// quoted quotes a value for an error, cut to its first maxQuoted bytes.
func quoted(v string) string {
	if len(v) <= maxQuoted {
		return strconv.Quote(v)
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return strconv.Quote(v[:cut]) + "..."
}
