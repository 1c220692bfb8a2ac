package calendar

import (
	"strings"
	"testing"
	"time"
)

// FuzzParseICS feeds the parser arbitrary documents: it must never panic, and whatever it
// keeps must lie within the window asked for and be merged.
func FuzzParseICS(f *testing.F) {
	f.Add(feed("BEGIN:VEVENT\nUID:a\nDTSTART:20260302T100000Z\nDTEND:20260302T110000Z\nEND:VEVENT"))
	f.Add(feed(outlookZone, "BEGIN:VEVENT\nUID:o\nDTSTART;TZID=\"W. Europe Standard Time\":20260302T100000\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT"))
	f.Add(feed("BEGIN:VEVENT\nUID:r\nDTSTART;TZID=Europe/Madrid:20260302T093000\nRRULE:FREQ=DAILY\nEXDATE;TZID=Europe/Madrid:20260303T093000\nEND:VEVENT",
		"BEGIN:VEVENT\nUID:r\nRECURRENCE-ID;TZID=Europe/Madrid:20260304T093000\nDTSTART;TZID=Europe/Madrid:20260304T120000\nEND:VEVENT"))
	f.Add(feed("BEGIN:VEVENT\nUID:d\nDTSTART;VALUE=DATE:20260305\nX-MICROSOFT-CDO-BUSYSTATUS:OOF\nEND:VEVENT"))
	f.Add(feed("BEGIN:VFREEBUSY\nFREEBUSY:20260302T090000Z/PT1H\nEND:VFREEBUSY"))
	from, to := utc("2026-03-01 00:00"), utc("2026-03-15 00:00")
	f.Fuzz(func(t *testing.T, doc string) {
		o := Options{From: from, To: to, Location: time.UTC}
		for _, parse := range []func() (Schedule, error){
			func() (Schedule, error) { return ParseICS(strings.NewReader(doc), o) },
			func() (Schedule, error) { return ParseFreeBusy(strings.NewReader(doc), o) },
		} {
			s, err := parse()
			if err != nil {
				continue
			}
			for _, list := range [][]Interval{s.Busy, s.Away} {
				for i, iv := range list {
					if !iv.End.After(iv.Start) || !iv.End.After(from) || !iv.Start.Before(to) {
						t.Fatalf("interval %v outside the window or empty", iv)
					}
					if i > 0 && !iv.Start.After(list[i-1].End) {
						t.Fatalf("intervals not merged: %v then %v", list[i-1], iv)
					}
				}
			}
		}
	})
}
