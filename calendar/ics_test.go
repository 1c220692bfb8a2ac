package calendar

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// feed wraps events (and time zones) in a VCALENDAR with CRLF line ends, as servers send it.
func feed(parts ...string) string {
	body := "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n" + strings.Join(parts, "\n") + "\nEND:VCALENDAR\n"
	return strings.ReplaceAll(body, "\n", "\r\n")
}

func utc(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

func parse(t *testing.T, ics string, from, to string, loc *time.Location) Schedule {
	t.Helper()
	s, err := ParseICS(strings.NewReader(ics), Options{From: utc(from), To: utc(to), Location: loc})
	if err != nil {
		t.Fatalf("ParseICS: %v", err)
	}
	return s
}

// show prints intervals in UTC, "start-end" joined by commas, for compact comparisons.
func show(list []Interval) string {
	var out []string
	for _, iv := range list {
		out = append(out, iv.Start.UTC().Format("01-02 15:04")+"/"+iv.End.UTC().Format("01-02 15:04"))
	}
	return strings.Join(out, ", ")
}

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestOneBusyEventAndWhatIsKeptOfIt(t *testing.T) {
	ics := feed(`BEGIN:VEVENT
UID:showing-1@crm
DTSTART:20260302T140000Z
DTEND:20260302T153000Z
SUMMARY:Showing at 12 Elm Street with the Smiths
DESCRIPTION:Lockbox code 4411
LOCATION:12 Elm Street
ATTENDEE;CN=Pat Smith:mailto:pat@example.com
END:VEVENT`)
	s := parse(t, ics, "2026-03-01 00:00", "2026-03-08 00:00", nil)
	if got := show(s.Busy); got != "03-02 14:00/03-02 15:30" {
		t.Fatalf("busy = %q", got)
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"Elm", "Smith", "4411", "example.com", "showing-1"} {
		if strings.Contains(string(b), secret) {
			t.Errorf("the schedule keeps %q from the event: %s", secret, b)
		}
	}
}

func TestWeeklyMeetingKeepsItsLocalTimeAcrossDaylightSaving(t *testing.T) {
	// New York moves to daylight time on 2026-03-08: 09:00 is 14:00Z before and 13:00Z after.
	ics := feed(`BEGIN:VEVENT
UID:weekly@test
DTSTART;TZID=America/New_York:20260302T090000
DTEND;TZID=America/New_York:20260302T100000
RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316T140000Z
END:VEVENT`)
	s := parse(t, ics, "2026-03-01 00:00", "2026-04-01 00:00", nil)
	if got, want := show(s.Busy), "03-02 14:00/03-02 15:00, 03-09 13:00/03-09 14:00, 03-16 13:00/03-16 14:00"; got != want {
		t.Fatalf("busy = %q, want %q", got, want)
	}
}

func TestRecurrenceExceptionsOverridesAndExtraDates(t *testing.T) {
	ics := feed(`BEGIN:VEVENT
UID:standup@test
DTSTART;TZID=Europe/Madrid:20260302T093000
DURATION:PT15M
RRULE:FREQ=DAILY;COUNT=5
EXDATE;TZID=Europe/Madrid:20260303T093000,20260304T093000
RDATE;TZID=Europe/Madrid:20260310T120000
END:VEVENT`, `BEGIN:VEVENT
UID:standup@test
RECURRENCE-ID;TZID=Europe/Madrid:20260305T093000
DTSTART;TZID=Europe/Madrid:20260305T160000
DTEND;TZID=Europe/Madrid:20260305T161500
END:VEVENT`, `BEGIN:VEVENT
UID:standup@test
RECURRENCE-ID:20260306T083000Z
STATUS:CANCELLED
DTSTART;TZID=Europe/Madrid:20260306T093000
DURATION:PT15M
END:VEVENT`)
	s := parse(t, ics, "2026-03-01 00:00", "2026-03-31 00:00", nil)
	// Madrid is UTC+1 in early March. Left: the 2nd, the 5th moved to 16:00, the extra 10th.
	want := "03-02 08:30/03-02 08:45, 03-05 15:00/03-05 15:15, 03-10 11:00/03-10 11:15"
	if got := show(s.Busy); got != want {
		t.Fatalf("busy = %q, want %q", got, want)
	}
}

func TestAllDayEntries(t *testing.T) {
	madrid := mustLoad(t, "Europe/Madrid")
	ics := feed(`BEGIN:VEVENT
UID:holiday@test
DTSTART;VALUE=DATE:20260305
DTEND;VALUE=DATE:20260307
X-MICROSOFT-CDO-BUSYSTATUS:OOF
END:VEVENT`, `BEGIN:VEVENT
UID:birthday@test
DTSTART;VALUE=DATE:20260310
END:VEVENT`, `BEGIN:VEVENT
UID:closing-day@test
DTSTART;VALUE=DATE:20260312
TRANSP:OPAQUE
END:VEVENT`, `BEGIN:VEVENT
UID:free-all-day@test
DTSTART;VALUE=DATE:20260313
X-MICROSOFT-CDO-BUSYSTATUS:FREE
TRANSP:TRANSPARENT
END:VEVENT`)
	s := parse(t, ics, "2026-03-01 00:00", "2026-03-31 00:00", madrid)
	// Whole days in the person's zone (UTC+1): midnight to midnight there.
	if got, want := show(s.Away), "03-04 23:00/03-06 23:00, 03-11 23:00/03-12 23:00"; got != want {
		t.Fatalf("away = %q, want %q", got, want)
	}
	if len(s.Busy) != 0 {
		t.Fatalf("busy = %q, want none", show(s.Busy))
	}
	until, away, blocked := s.BlockedAt(utc("2026-03-05 12:00"))
	if !blocked || !away || !until.Equal(utc("2026-03-06 23:00")) {
		t.Fatalf("BlockedAt mid-holiday = %v %v %v", until, away, blocked)
	}
}

func TestWhatCountsAsBusy(t *testing.T) {
	event := func(extra string) string {
		return feed("BEGIN:VEVENT\nUID:x@test\nDTSTART:20260302T100000Z\nDTEND:20260302T110000Z\n" + extra + "END:VEVENT")
	}
	for _, c := range []struct {
		name, extra string
		busy, away  bool
	}{
		{"plain", "", true, false},
		{"opaque", "TRANSP:OPAQUE\n", true, false},
		{"tentative", "STATUS:TENTATIVE\n", true, false},
		{"outlook tentative", "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE\n", true, false},
		{"transparent", "TRANSP:TRANSPARENT\n", false, false},
		{"cancelled", "STATUS:CANCELLED\n", false, false},
		{"outlook free", "X-MICROSOFT-CDO-BUSYSTATUS:FREE\n", false, false},
		{"working elsewhere", "X-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE\n", false, false},
		{"out of office", "X-MICROSOFT-CDO-BUSYSTATUS:OOF\n", false, true},
	} {
		s := parse(t, event(c.extra), "2026-03-01 00:00", "2026-03-08 00:00", nil)
		if (len(s.Busy) > 0) != c.busy || (len(s.Away) > 0) != c.away {
			t.Errorf("%s: busy %q away %q", c.name, show(s.Busy), show(s.Away))
		}
	}
}

// outlookZone is how Outlook defines the zone it calls "W. Europe Standard Time", which Go's
// zone database does not know by that name.
const outlookZone = `BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE`

func TestZoneDefinedOnlyByTheFeed(t *testing.T) {
	ics := feed(outlookZone, `BEGIN:VEVENT
UID:outlook@test
DTSTART;TZID="W. Europe Standard Time":20260323T100000
DTEND;TZID="W. Europe Standard Time":20260323T110000
RRULE:FREQ=WEEKLY;COUNT=2
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
END:VEVENT`)
	// Summer time starts on 2026-03-29: 10:00 is 09:00Z before and 08:00Z after.
	s := parse(t, ics, "2026-03-01 00:00", "2026-04-30 00:00", nil)
	if got, want := show(s.Busy), "03-23 09:00/03-23 10:00, 03-30 08:00/03-30 09:00"; got != want {
		t.Fatalf("busy = %q, want %q", got, want)
	}
}

func TestFloatingTimesAreInThePersonsZone(t *testing.T) {
	ics := feed("BEGIN:VEVENT\nUID:f@test\nDTSTART:20260302T090000\nDTEND:20260302T093000\nEND:VEVENT",
		"BEGIN:VEVENT\nUID:g@test\nDTSTART;TZID=NoSuch/Zone:20260303T090000\nDTEND;TZID=NoSuch/Zone:20260303T093000\nEND:VEVENT")
	s := parse(t, ics, "2026-03-01 00:00", "2026-03-08 00:00", mustLoad(t, "Asia/Tokyo"))
	if got, want := show(s.Busy), "03-02 00:00/03-02 00:30, 03-03 00:00/03-03 00:30"; got != want {
		t.Fatalf("busy = %q, want %q", got, want)
	}
}

func TestOnlyTheWindowIsKept(t *testing.T) {
	ics := feed(`BEGIN:VEVENT
UID:old-weekly@test
DTSTART:20200106T100000Z
DTEND:20200106T110000Z
RRULE:FREQ=WEEKLY
END:VEVENT`, `BEGIN:VEVENT
UID:long-trip@test
DTSTART:20260220T080000Z
DTEND:20260304T200000Z
END:VEVENT`, `BEGIN:VEVENT
UID:later@test
DTSTART:20260601T080000Z
DTEND:20260601T090000Z
END:VEVENT`)
	s := parse(t, ics, "2026-03-01 00:00", "2026-03-10 00:00", nil)
	// 2026-03-02 and 03-09 are Mondays; the trip started before the window and covers its start.
	if got, want := show(s.Busy), "02-20 08:00/03-04 20:00, 03-09 10:00/03-09 11:00"; got != want {
		t.Fatalf("busy = %q, want %q", got, want)
	}
}

func TestFeedsThatCannotBeRead(t *testing.T) {
	for _, c := range []struct{ name, ics, want string }{
		{"empty", "", "not an iCalendar document"},
		{"html", "<html><body>Sign in</body></html>", "not a valid iCalendar document"},
		{"bad start", feed("BEGIN:VEVENT\nUID:a\nDTSTART:20260302T100000Z\nEND:VEVENT", "BEGIN:VEVENT\nUID:b\nDTSTART:tomorrow\nEND:VEVENT"),
			`event 2: DTSTART: "tomorrow" is not a date or date-time`},
		{"no start", feed("BEGIN:VEVENT\nUID:a\nEND:VEVENT"), "event 1: no DTSTART"},
		{"hourly", feed("BEGIN:VEVENT\nUID:a\nDTSTART:20260302T100000Z\nRRULE:FREQ=HOURLY\nEND:VEVENT"), "FREQ=HOURLY is not supported"},
		{"bad rule", feed("BEGIN:VEVENT\nUID:a\nDTSTART:20260302T100000Z\nRRULE:FREQ=WEEKLY;BYDAY=XX\nEND:VEVENT"), "event 1: RRULE:"},
		{"end before start", feed("BEGIN:VEVENT\nUID:a\nDTSTART:20260302T100000Z\nDTEND:20260302T090000Z\nEND:VEVENT"), "DTEND is before DTSTART"},
		{"nested", feed(strings.Repeat("BEGIN:X\n", 20) + strings.Repeat("END:X\n", 20)), "nested more than"},
		{"long parameters", feed("BEGIN:VEVENT\nUID;X-P=" + strings.Repeat("a", 5000) + ":a\nEND:VEVENT"), "parameters run past"},
		{"too large", feed(strings.Repeat("X-PAD:"+strings.Repeat("p", 1000)+"\n", MaxFeedBytes/1000)), "larger than 8 MiB"},
	} {
		_, err := ParseICS(strings.NewReader(c.ics), Options{From: utc("2026-03-01 00:00"), To: utc("2026-03-08 00:00")})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
}

func TestFreeBusyAnswer(t *testing.T) {
	answer := feed(`BEGIN:VFREEBUSY
DTSTART:20260302T000000Z
DTEND:20260309T000000Z
FREEBUSY:20260302T090000Z/PT1H,20260302T100000Z/20260302T103000Z
FREEBUSY;FBTYPE=BUSY-TENTATIVE:20260303T120000Z/PT30M
FREEBUSY;FBTYPE=FREE:20260304T120000Z/PT8H
FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20260305T000000Z/P1D
END:VFREEBUSY`)
	s, err := ParseFreeBusy(strings.NewReader(answer), Options{From: utc("2026-03-02 00:00"), To: utc("2026-03-09 00:00")})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := show(s.Busy), "03-02 09:00/03-02 10:30, 03-03 12:00/03-03 12:30"; got != want {
		t.Errorf("busy = %q, want %q", got, want)
	}
	if got, want := show(s.Away), "03-05 00:00/03-06 00:00"; got != want {
		t.Errorf("away = %q, want %q", got, want)
	}
	_, err = ParseFreeBusy(strings.NewReader(feed("BEGIN:VEVENT\nUID:a\nDTSTART:20260302T100000Z\nEND:VEVENT")), Options{})
	if err == nil || !strings.Contains(err.Error(), "no VFREEBUSY") {
		t.Errorf("an answer without VFREEBUSY: %v", err)
	}
	q := FreeBusyQuery(utc("2026-03-02 00:00"), utc("2026-03-09 00:00"))
	if !strings.Contains(q, `<C:time-range start="20260302T000000Z" end="20260309T000000Z"/>`) || !strings.Contains(q, "urn:ietf:params:xml:ns:caldav") {
		t.Errorf("query = %s", q)
	}
}

// A feed of many rules that no day satisfies costs a fifth of a second each to expand (more
// under the race detector): a read with a deadline gives up at it rather than spend a hundred
// times that of the worker's time.
func TestAReadStopsAtItsDeadline(t *testing.T) {
	var parts []string
	for i := range 100 {
		parts = append(parts, fmt.Sprintf("BEGIN:VEVENT\nUID:never-%d@test\nDTSTART:20260201T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\nEND:VEVENT", i))
	}
	o := Options{From: utc("2026-03-01 00:00"), To: utc("2026-04-02 00:00")}
	// Without a deadline the per-rule limits hold: one such rule is read, at a cost.
	start := time.Now()
	if _, err := ParseICS(strings.NewReader(feed(parts[0])), o); err != nil {
		t.Fatal(err)
	}
	one := time.Since(start)
	start = time.Now()
	o.Deadline = start.Add(100 * time.Millisecond)
	_, err := ParseICS(strings.NewReader(feed(parts...)), o)
	took := time.Since(start)
	if !errors.Is(err, ErrTooSlow) {
		t.Fatalf("error %v, want ErrTooSlow", err)
	}
	// One rule's expansion cannot be interrupted; the next event is not begun.
	if limit := 100*time.Millisecond + 10*one + time.Second; took > limit {
		t.Fatalf("gave up after %s (one rule takes %s), want within %s", took, one, limit)
	}
}

// An error quotes at most the start of a broken value: errors reach notes, states and logs.
func TestAnErrorQuotesOnlyTheStartOfAValue(t *testing.T) {
	_, err := ParseICS(strings.NewReader(feed("BEGIN:VEVENT\nUID:a\nDTSTART:"+strings.Repeat("9", 1<<20)+"\nEND:VEVENT")),
		Options{From: utc("2026-03-01 00:00"), To: utc("2026-03-08 00:00")})
	if err == nil || !strings.Contains(err.Error(), `999"... is not a date or date-time`) || len(err.Error()) > 200 {
		t.Fatalf("error of %d bytes: %.300v", len(fmt.Sprint(err)), err)
	}
}
