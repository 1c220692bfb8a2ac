package handoff

import (
	"strings"
	"testing"
)

func TestCalendarLabelKeepsThePathOut(t *testing.T) {
	google := CalendarSource{ICSURL: "https://calendar.google.com/calendar/ical/maria.lopez%40example.com/private-0a1b2c/basic.ics"}
	other := CalendarSource{ICSURL: "https://calendar.google.com/calendar/ical/james%40example.com/private-9f8e7d/basic.ics"}
	got := google.Label()
	if !strings.HasPrefix(got, "calendar.google.com#") {
		t.Errorf("Label() = %q, want the host and a digest", got)
	}
	for _, leak := range []string{"maria", "example.com/", "private", "ical"} {
		if strings.Contains(got, leak) {
			t.Errorf("Label() = %q carries %q from the path", got, leak)
		}
	}
	if got == other.Label() {
		t.Errorf("two feeds on one host share the label %q", got)
	}
	if got := (CalendarSource{ICSURLEnv: "MARIA_CALENDAR_URL"}).Label(); got != "$MARIA_CALENDAR_URL" {
		t.Errorf("secret feed's Label() = %q, want the variable's name", got)
	}
	if got := (CalendarSource{CalDAVURL: "https://dav.example.com/calendars/maria/"}).Label(); !strings.HasPrefix(got, "dav.example.com#") {
		t.Errorf("CalDAV Label() = %q", got)
	}
}
