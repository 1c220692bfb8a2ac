package calendar

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// busyYear is a busy person's feed as Outlook publishes it: its own zone definition, a year of
// one-off showings and closings with long descriptions, weekly meetings running since 2023,
// a daily stand-up with exceptions and moved occurrences, and a holiday.
func busyYear() string {
	parts := []string{outlookZone}
	day := utc("2026-01-01 00:00")
	for i := range 600 {
		start := day.AddDate(0, 0, i*365/600).Add(time.Duration(9+i%8) * time.Hour)
		parts = append(parts, fmt.Sprintf("BEGIN:VEVENT\nUID:one-off-%d@bench\nSUMMARY:Showing %d\nDESCRIPTION:%s\nLOCATION:%d Elm Street\n"+
			"DTSTART;TZID=\"W. Europe Standard Time\":%s\nDTEND;TZID=\"W. Europe Standard Time\":%s\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\nEND:VEVENT",
			i, i, strings.Repeat("Notes about the property and the buyers. ", 20), i,
			start.Format("20060102T150405"), start.Add(90*time.Minute).Format("20060102T150405")))
	}
	for i := range 15 {
		parts = append(parts, fmt.Sprintf("BEGIN:VEVENT\nUID:weekly-%d@bench\nSUMMARY:Pipeline review\n"+
			"DTSTART;TZID=\"W. Europe Standard Time\":202301%02dT%02d0000\nDURATION:PT45M\nRRULE:FREQ=WEEKLY;BYDAY=%s\nEND:VEVENT",
			i, 2+i%5, 9+i%7, []string{"MO", "TU", "WE", "TH", "FR"}[i%5]))
	}
	parts = append(parts, "BEGIN:VEVENT\nUID:standup@bench\nDTSTART;TZID=Europe/Madrid:20240101T093000\nDURATION:PT15M\n"+
		"RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR\nEXDATE;TZID=Europe/Madrid:20260304T093000,20260305T093000\nEND:VEVENT",
		"BEGIN:VEVENT\nUID:standup@bench\nRECURRENCE-ID;TZID=Europe/Madrid:20260306T093000\nDTSTART;TZID=Europe/Madrid:20260306T113000\nDURATION:PT15M\nEND:VEVENT",
		"BEGIN:VEVENT\nUID:holiday@bench\nDTSTART;VALUE=DATE:20260316\nDTEND;VALUE=DATE:20260321\nX-MICROSOFT-CDO-BUSYSTATUS:OOF\nEND:VEVENT")
	return feed(parts...)
}

// The window a worker reads: a day back, a month ahead.
func BenchmarkParseBusyYear(b *testing.B) {
	ics := busyYear()
	o := Options{From: utc("2026-03-01 00:00"), To: utc("2026-04-02 00:00")}
	b.SetBytes(int64(len(ics)))
	b.ReportAllocs()
	for b.Loop() {
		s, err := ParseICS(strings.NewReader(ics), o)
		if err != nil || len(s.Busy) == 0 || len(s.Away) != 1 {
			b.Fatal(err, len(s.Busy), len(s.Away))
		}
	}
}

// What a callback plan does per person: business hours less busy time, then the next start.
func BenchmarkNextStart(b *testing.B) {
	s, err := ParseICS(strings.NewReader(busyYear()), Options{From: utc("2026-03-01 00:00"), To: utc("2026-04-02 00:00")})
	if err != nil {
		b.Fatal(err)
	}
	var hours []Interval
	for d := utc("2026-03-01 09:00"); d.Before(s.To); d = d.AddDate(0, 0, 1) {
		hours = append(hours, Interval{Start: d, End: d.Add(9 * time.Hour)})
	}
	b.ReportAllocs()
	for b.Loop() {
		free := Subtract(hours, s.Unavailable())
		if _, ok := NextStart(free, utc("2026-03-10 12:00"), 15*time.Minute); !ok {
			b.Fatal("no slot")
		}
	}
}

// A rule no day satisfies (the 30th of February) runs rrule-go to its year 9999: the cost of
// the worst rule a feed can hold.
func BenchmarkImpossibleRule(b *testing.B) {
	ics := feed("BEGIN:VEVENT\nUID:never@bench\nDTSTART:20260201T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\nEND:VEVENT")
	o := Options{From: utc("2026-03-01 00:00"), To: utc("2026-04-02 00:00")}
	for b.Loop() {
		if _, err := ParseICS(strings.NewReader(ics), o); err != nil {
			b.Fatal(err)
		}
	}
}
