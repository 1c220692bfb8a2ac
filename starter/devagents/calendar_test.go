package devagents

import (
	"bytes"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/calendar"
)

func TestStandInCalendars(t *testing.T) {
	a := New(slog.New(slog.NewTextHandler(io.Discard, nil)))
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()
	now := time.Now()
	read := func(agent string) calendar.Schedule {
		t.Helper()
		status, body := get(t, srv.URL+"/agents/"+agent+"/calendar.ics")
		if status != 200 {
			t.Fatalf("%s: %d %s", agent, status, body)
		}
		s, err := calendar.ParseICS(bytes.NewReader(body), calendar.Options{From: now.Add(-time.Hour), To: now.Add(15 * 24 * time.Hour)})
		if err != nil {
			t.Fatalf("%s: %v\n%s", agent, err, body)
		}
		return s
	}
	var starts []time.Time
	for _, agent := range []string{"maria", "james", "sam"} {
		s := read(agent)
		// The weekly meeting hours from now and in the next two weeks, and tomorrow's block.
		in := s.Busy[0].Start.Sub(now)
		if len(s.Busy) != 4 || in < 2*time.Hour || in > 7*time.Hour || s.Busy[0].End.Sub(s.Busy[0].Start) != time.Hour {
			t.Errorf("%s busy %v, want the weekly meeting hours from now, tomorrow's block and the next two weeks' meetings", agent, s.Busy)
		}
		starts = append(starts, s.Busy[0].Start)
		if _, _, blocked := s.BlockedAt(now); blocked {
			t.Errorf("%s is busy now by default; tests and the tour expect everyone free", agent)
		}
	}
	if starts[0].Add(time.Hour).After(starts[1]) || starts[1].Add(time.Hour).After(starts[2]) {
		t.Errorf("weekly meetings at %v overlap: the whole team would be busy at once", starts)
	}
	a.SetBusy("maria", 45*time.Minute)
	if until, away, blocked := read("maria").BlockedAt(time.Now()); !blocked || away || until.Sub(now) < 44*time.Minute {
		t.Errorf("maria set busy: blocked %v until %v", blocked, until)
	}
	a.SetCalendarDown("james", true)
	if status, _ := get(t, srv.URL+"/agents/james/calendar.ics"); status != 503 {
		t.Errorf("james's calendar down: %d", status)
	}
	if status, _ := get(t, srv.URL+"/agents/lead_bot/calendar.ics"); status != 404 {
		t.Errorf("a bot's calendar: %d", status)
	}
	if n := a.CalendarReads("maria"); n != 2 {
		t.Errorf("maria's calendar read %d times, want 2", n)
	}
}
