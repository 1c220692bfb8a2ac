package activities

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/calendar"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

// calendarHost behaves like a calendar server: GET serves a person's iCalendar feed, a REPORT
// with a CalDAV free-busy-query answers the busy periods within the query's time range, basic
// authentication is checked when set, and it can be made to fail or to answer slowly.
type calendarHost struct {
	*httptest.Server
	mu sync.Mutex
	// feeds maps a path to its feed; busy maps a CalDAV calendar's path to its busy periods.
	feeds map[string]string
	busy  map[string][][2]time.Time
	// status, when set, is answered instead; delay holds every answer back (or until the
	// caller gives up).
	status   int
	delay    time.Duration
	user     string
	password string
	hits     map[string]int
}

func newCalendarHost(t *testing.T) *calendarHost {
	t.Helper()
	h := &calendarHost{feeds: map[string]string{}, busy: map[string][][2]time.Time{}, hits: map[string]int{}}
	h.Server = httptest.NewServer(http.HandlerFunc(h.serve))
	t.Cleanup(h.Close)
	return h
}

var timeRange = regexp.MustCompile(`<C:time-range start="(\d{8}T\d{6}Z)" end="(\d{8}T\d{6}Z)"/>`)

func (h *calendarHost) serve(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	h.hits[r.URL.Path]++
	status, delay, user, password := h.status, h.delay, h.user, h.password
	feed, isFeed := h.feeds[r.URL.Path]
	busy, isDAV := h.busy[r.URL.Path]
	h.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	if u, p, ok := r.BasicAuth(); user != "" && (!ok || u != user || p != password) {
		w.Header().Set("WWW-Authenticate", `Basic realm="calendar"`)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	switch {
	case status != 0:
		http.Error(w, http.StatusText(status), status)
	case r.Method == http.MethodGet && isFeed:
		w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		_, _ = io.WriteString(w, feed)
	case r.Method == "REPORT" && isDAV:
		body, _ := io.ReadAll(r.Body)
		m := timeRange.FindStringSubmatch(string(body))
		if r.Header.Get("Depth") != "1" || m == nil || !strings.Contains(string(body), "free-busy-query") {
			http.Error(w, "expected a free-busy-query REPORT with Depth: 1 and a time-range", http.StatusBadRequest)
			return
		}
		from, _ := time.Parse("20060102T150405Z", m[1])
		to, _ := time.Parse("20060102T150405Z", m[2])
		var lines []string
		for _, b := range busy {
			if b[1].After(from) && b[0].Before(to) {
				lines = append(lines, "FREEBUSY;FBTYPE=BUSY:"+b[0].UTC().Format("20060102T150405Z")+"/"+b[1].UTC().Format("20060102T150405Z"))
			}
		}
		w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		_, _ = io.WriteString(w, ics("BEGIN:VFREEBUSY\nDTSTART:"+m[1]+"\nDTEND:"+m[2]+"\n"+strings.Join(lines, "\n")+"\nEND:VFREEBUSY"))
	default:
		http.NotFound(w, r)
	}
}

func (h *calendarHost) set(fn func(h *calendarHost)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	fn(h)
}

func (h *calendarHost) hitsOf(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.hits[path]
}

// ics wraps components in a VCALENDAR with CRLF line ends.
func ics(parts ...string) string {
	return strings.ReplaceAll("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n"+strings.Join(parts, "\n")+"\nEND:VCALENDAR\n", "\n", "\r\n")
}

// vevent is an event from start to end written on the clock of zone, with a title and place
// that must never leave the parser, and any extra lines.
func vevent(uid string, start, end time.Time, zone string, extra ...string) string {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		panic(err)
	}
	return strings.Join(append([]string{
		"BEGIN:VEVENT", "UID:" + uid,
		"SUMMARY:PRIVATE-TITLE Showing for the Smiths", "LOCATION:PRIVATE-PLACE 12 Elm Street",
		"DESCRIPTION:PRIVATE-NOTES lockbox 4411",
		"DTSTART;TZID=" + zone + ":" + start.In(loc).Format("20060102T150405"),
		"DTEND;TZID=" + zone + ":" + end.In(loc).Format("20060102T150405"),
	}, append(extra, "END:VEVENT")...), "\n")
}

// calendarActivities ranks maria and james (both online and idle) with the calendars given,
// logging into the returned buffer.
func calendarActivities(t *testing.T, edit func(cfg *config.Config)) (*Activities, *bytes.Buffer) {
	t.Helper()
	srv := newAgentServer(t)
	t.Cleanup(srv.Close)
	cfg := &config.Config{
		Handoff: config.Handoff{HTTPTimeout: "1s"},
		Agents: []handoff.Agent{
			{ID: "maria", Kind: handoff.KindHuman, Groups: []string{"human_agent"}, Capacity: 2, TimeZone: "America/New_York",
				Skills: map[string]int{"seller": 5}, NotifyURL: srv.URL + "/agents/maria/notify"},
			{ID: "james", Kind: handoff.KindHuman, Groups: []string{"human_agent"}, Capacity: 2, TimeZone: "Pacific/Auckland",
				NotifyURL: srv.URL + "/agents/james/notify"},
		},
	}
	edit(cfg)
	online := handoff.AgentState{Presence: handoff.PresenceOnline}
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&syncWriter{w: &logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return New(cfg, logger, &fakeStates{states: map[string]handoff.AgentState{"maria": online, "james": online}}), &logs
}

// syncWriter lets the breaker's goroutines and the test log into one buffer.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func calendarOf(cfg *config.Config, id string, src handoff.CalendarSource) {
	for i := range cfg.Agents {
		if cfg.Agents[i].ID == id {
			cfg.Agents[i].Calendar = &src
		}
	}
}

// noPrivateDetails fails when anything an event's title, place or notes said shows up.
func noPrivateDetails(t *testing.T, what string, v any) {
	t.Helper()
	b, ok := v.([]byte)
	if !ok {
		var err error
		if b, err = json.Marshal(v); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []string{"PRIVATE", "Smiths", "Elm", "4411"} {
		if bytes.Contains(b, []byte(s)) {
			t.Errorf("%s carries %q from an event: %s", what, s, b)
		}
	}
}

func TestAPersonBusyNowIsSkippedWithTheReason(t *testing.T) {
	host := newCalendarHost(t)
	now := time.Now().Truncate(time.Minute)
	end := now.Add(45 * time.Minute)
	// Written in Tokyo's time; maria reads her day in New York; the machine may be anywhere.
	host.feeds["/maria.ics"] = ics(vevent("showing@crm", now.Add(-30*time.Minute), end, "Asia/Tokyo"))
	acts, logs := calendarActivities(t, func(cfg *config.Config) {
		calendarOf(cfg, "maria", handoff.CalendarSource{ICSURL: host.URL + "/maria.ics"})
	})
	r := rank(t, acts, RankInput{Agents: []string{"maria", "james"}, Skills: []string{"seller"}})
	if order(r) != "james" {
		t.Fatalf("ranked %q, want only james", order(r))
	}
	why := reasons(r)["maria"]
	ny, _ := time.LoadLocation("America/New_York")
	if !strings.HasPrefix(why, "in a calendar event until ") || !strings.Contains(why, end.In(ny).Format("15:04")) || !strings.HasSuffix(why, "(America/New_York)") {
		t.Fatalf("maria's reason %q, want the event's end on her clock, %s in New York", why, end.In(ny).Format("15:04"))
	}
	noPrivateDetails(t, "the ranking", r)
	noPrivateDetails(t, "the logs", logs.Bytes())
}

func TestARecurringWeeklyMeetingIsHonoured(t *testing.T) {
	host := newCalendarHost(t)
	now := time.Now().Truncate(time.Minute)
	// A weekly meeting that began five weeks ago at this time of day on Madrid's clock, an
	// hour long: this week's occurrence is on now. Daylight saving may have changed since,
	// which is why the rule is expanded on Madrid's clock.
	madrid, _ := time.LoadLocation("Europe/Madrid")
	local := now.In(madrid).Add(-10 * time.Minute)
	first := time.Date(local.Year(), local.Month(), local.Day()-35, local.Hour(), local.Minute(), 0, 0, madrid)
	meeting := vevent("pipeline@team", first, first.Add(time.Hour), "Europe/Madrid", "RRULE:FREQ=WEEKLY")
	host.feeds["/maria.ics"] = ics(meeting)
	thisWeek := time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), 0, 0, madrid)
	// James has the same meeting, but this week's is cancelled (EXDATE).
	host.feeds["/james.ics"] = ics(vevent("pipeline@team", first, first.Add(time.Hour), "Europe/Madrid",
		"RRULE:FREQ=WEEKLY", "EXDATE;TZID=Europe/Madrid:"+thisWeek.Format("20060102T150405")))
	acts, _ := calendarActivities(t, func(cfg *config.Config) {
		calendarOf(cfg, "maria", handoff.CalendarSource{ICSURL: host.URL + "/maria.ics"})
		calendarOf(cfg, "james", handoff.CalendarSource{ICSURL: host.URL + "/james.ics"})
	})
	r := rank(t, acts, RankInput{Agents: []string{"maria", "james"}})
	if order(r) != "james" || !strings.HasPrefix(reasons(r)["maria"], "in a calendar event until ") {
		t.Fatalf("ranked %q skipped %v, want maria in this week's meeting and james (whose meeting is cancelled) ranked", order(r), reasons(r))
	}
	ny, _ := time.LoadLocation("America/New_York")
	if want := thisWeek.Add(time.Hour).In(ny).Format("15:04"); !strings.Contains(reasons(r)["maria"], want) {
		t.Fatalf("maria's reason %q, want the meeting's end, %s in New York", reasons(r)["maria"], want)
	}
}

func TestAnOutOfOfficeDay(t *testing.T) {
	host := newCalendarHost(t)
	// James is in Auckland: the holiday is today and tomorrow on his calendar, whatever day it
	// is where the test runs.
	auckland, _ := time.LoadLocation("Pacific/Auckland")
	today := time.Now().In(auckland)
	day := func(d int) string {
		return time.Date(today.Year(), today.Month(), today.Day()+d, 0, 0, 0, 0, auckland).Format("20060102")
	}
	host.feeds["/james.ics"] = ics("BEGIN:VEVENT\nUID:holiday@test\nSUMMARY:PRIVATE-TITLE Lisbon trip\nDTSTART;VALUE=DATE:"+day(0)+
		"\nDTEND;VALUE=DATE:"+day(2)+"\nX-MICROSOFT-CDO-BUSYSTATUS:OOF\nEND:VEVENT",
		// A birthday reminder that day is no reason to be away.
		"BEGIN:VEVENT\nUID:birthday@test\nSUMMARY:PRIVATE-TITLE Ana's birthday\nDTSTART;VALUE=DATE:"+day(2)+"\nEND:VEVENT")
	acts, _ := calendarActivities(t, func(cfg *config.Config) {
		calendarOf(cfg, "james", handoff.CalendarSource{ICSURL: host.URL + "/james.ics"})
	})
	r := rank(t, acts, RankInput{Agents: []string{"maria", "james"}})
	back := time.Date(today.Year(), today.Month(), today.Day()+2, 0, 0, 0, 0, auckland)
	want := "out of office until " + back.Format("Mon 2 Jan 15:04") + " (Pacific/Auckland)"
	if order(r) != "maria" || reasons(r)["james"] != want {
		t.Fatalf("ranked %q, james skipped for %q; want maria, and %q", order(r), reasons(r)["james"], want)
	}
	noPrivateDetails(t, "the ranking", r)
}

func TestACalendarThatIsDownFallsBackToBusinessHoursAndSaysSo(t *testing.T) {
	host := newCalendarHost(t)
	host.status = http.StatusServiceUnavailable
	// James's hours are closed all this week but today; maria has none.
	closed := time.Now().In(mustLocation(t, "Pacific/Auckland")).Add(48 * time.Hour).Weekday().String()[:3]
	acts, _ := calendarActivities(t, func(cfg *config.Config) {
		calendarOf(cfg, "maria", handoff.CalendarSource{ICSURL: host.URL + "/maria.ics"})
		calendarOf(cfg, "james", handoff.CalendarSource{ICSURL: host.URL + "/james.ics"})
		cfg.Agents[1].BusinessHours = closed + " 09:00-10:00"
	})
	r := rank(t, acts, RankInput{Agents: []string{"maria", "james"}})
	if order(r) != "maria" {
		t.Fatalf("ranked %q, want maria: a calendar that cannot be read is not busy", order(r))
	}
	want := "calendar of maria could not be read (the calendar answered 503 Service Unavailable); using business hours (none are set: open at all hours)"
	if r.Ranked[0].Note != want {
		t.Fatalf("maria's note %q, want %q", r.Ranked[0].Note, want)
	}
	why := reasons(r)["james"]
	if !strings.HasPrefix(why, "calendar of james could not be read (the calendar answered 503 Service Unavailable); using business hours: outside business hours") {
		t.Fatalf("james's reason %q, want the unread calendar and his closed hours", why)
	}
}

func TestASlowCalendarTimesOutThenItsBreakerOpens(t *testing.T) {
	host := newCalendarHost(t)
	host.delay = 10 * time.Second
	acts, _ := calendarActivities(t, func(cfg *config.Config) {
		calendarOf(cfg, "maria", handoff.CalendarSource{ICSURL: host.URL + "/maria.ics", Timeout: "150ms"})
	})
	for i := range 5 {
		start := time.Now()
		r := rank(t, acts, RankInput{Agents: []string{"maria"}})
		if took := time.Since(start); took > 3*time.Second {
			t.Fatalf("ranking %d took %s behind a slow calendar", i, took)
		}
		if len(r.Ranked) != 1 || !strings.Contains(r.Ranked[0].Note, "could not be read (no answer within 150ms)") {
			t.Fatalf("ranking %d: %+v, want maria ranked by business hours, saying the calendar timed out", i, r)
		}
	}
	r := rank(t, acts, RankInput{Agents: []string{"maria"}})
	if len(r.Ranked) != 1 || !strings.Contains(r.Ranked[0].Note, "circuit open") {
		t.Fatalf("after five timeouts: %+v, want the open circuit named", r)
	}
	if n := host.hitsOf("/maria.ics"); n != 5 {
		t.Fatalf("the calendar was asked %d times, want 5: the open breaker spares it", n)
	}
}

func TestACalendarIsReadOncePerTTL(t *testing.T) {
	host := newCalendarHost(t)
	now := time.Now()
	host.feeds["/maria.ics"] = ics(vevent("later@crm", now.Add(3*time.Hour), now.Add(4*time.Hour), "UTC"))
	acts, _ := calendarActivities(t, func(cfg *config.Config) {
		calendarOf(cfg, "maria", handoff.CalendarSource{ICSURL: host.URL + "/maria.ics", TTL: "300ms"})
	})
	for range 3 {
		if r := rank(t, acts, RankInput{Agents: []string{"maria"}}); order(r) != "maria" || r.Ranked[0].Note != "" {
			t.Fatalf("ranking %+v, want maria free now", r)
		}
	}
	if n := host.hitsOf("/maria.ics"); n != 1 {
		t.Fatalf("read %d times within the TTL, want 1", n)
	}
	deadline := time.Now().Add(5 * time.Second)
	for host.hitsOf("/maria.ics") < 2 {
		if time.Now().After(deadline) {
			t.Fatal("the calendar was not read again after its TTL")
		}
		rank(t, acts, RankInput{Agents: []string{"maria"}})
		time.Sleep(50 * time.Millisecond)
	}
}

func TestCalDAVFreeBusyWithCredentialsFromTheEnvironmentAndAFile(t *testing.T) {
	host := newCalendarHost(t)
	now := time.Now()
	host.user, host.password = "maria@example.com", "s3cret"
	host.busy["/dav/maria/work/"] = [][2]time.Time{{now.Add(-time.Hour), now.Add(20 * time.Minute)}}
	host.busy["/dav/james/work/"] = [][2]time.Time{{now.Add(2 * time.Hour), now.Add(3 * time.Hour)}}
	t.Setenv("MARIA_CALENDAR_USER", "maria@example.com")
	t.Setenv("MARIA_CALENDAR_PASSWORD", "s3cret")
	secret := filepath.Join(t.TempDir(), "james-password")
	if err := os.WriteFile(secret, []byte("wrong\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	acts, _ := calendarActivities(t, func(cfg *config.Config) {
		calendarOf(cfg, "maria", handoff.CalendarSource{CalDAVURL: host.URL + "/dav/maria/work/", UsernameEnv: "MARIA_CALENDAR_USER", PasswordEnv: "MARIA_CALENDAR_PASSWORD"})
		calendarOf(cfg, "james", handoff.CalendarSource{CalDAVURL: host.URL + "/dav/james/work/", Username: "maria@example.com", PasswordFile: secret})
	})
	r := rank(t, acts, RankInput{Agents: []string{"maria", "james"}})
	if !strings.HasPrefix(reasons(r)["maria"], "in a calendar event until ") {
		t.Fatalf("maria %q, want busy per her free/busy", reasons(r)["maria"])
	}
	if order(r) != "james" || !strings.Contains(r.Ranked[0].Note, "refused the credentials (401 Unauthorized)") {
		t.Fatalf("ranked %+v, want james by business hours, his calendar refusing the password from his file", r.Ranked)
	}
	t.Setenv("MARIA_CALENDAR_PASSWORD", "")
	acts.calendars = calendarCache{}
	r = rank(t, acts, RankInput{Agents: []string{"maria"}})
	if order(r) != "maria" || !strings.Contains(r.Ranked[0].Note, "$MARIA_CALENDAR_PASSWORD, which holds its password, is not set") {
		t.Fatalf("without her password: %+v", r.Ranked)
	}
}

func TestAGroupCalendarAppliesToItsMembers(t *testing.T) {
	host := newCalendarHost(t)
	now := time.Now()
	host.feeds["/team.ics"] = ics(vevent("offsite@team", now.Add(-time.Hour), now.Add(time.Hour), "Europe/London"))
	host.feeds["/james.ics"] = ics()
	acts, _ := calendarActivities(t, func(cfg *config.Config) {
		calendarOf(cfg, "james", handoff.CalendarSource{ICSURL: host.URL + "/james.ics"})
		// Members in one zone share one read; all-day entries are read on each member's clock.
		cfg.Agents[1].TimeZone = cfg.Agents[0].TimeZone
		cfg.GroupCalendars = []config.GroupCalendar{{Group: "human_agent", CalendarSource: handoff.CalendarSource{ICSURL: host.URL + "/team.ics"}}}
	})
	r := rank(t, acts, RankInput{Agents: []string{"maria", "james"}})
	if len(r.Ranked) != 0 || !strings.HasPrefix(reasons(r)["maria"], "in a calendar event") || !strings.HasPrefix(reasons(r)["james"], "in a calendar event") {
		t.Fatalf("ranked %q skipped %v, want both at the team's offsite", order(r), reasons(r))
	}
	if n := host.hitsOf("/team.ics"); n != 1 {
		t.Fatalf("the group calendar was read %d times, want once for both members", n)
	}
}

func TestCheckAvailabilityReadsTheCalendar(t *testing.T) {
	host := newCalendarHost(t)
	now := time.Now()
	host.feeds["/maria.ics"] = ics(vevent("closing@crm", now.Add(-time.Hour), now.Add(time.Hour), "America/Chicago"))
	acts, _ := calendarActivities(t, func(cfg *config.Config) {
		calendarOf(cfg, "maria", handoff.CalendarSource{ICSURL: host.URL + "/maria.ics"})
	})
	v, err := activityEnv(acts).ExecuteActivity(acts.CheckAvailability, AvailabilityInput{Agent: "maria"})
	if err != nil {
		t.Fatal(err)
	}
	var av Availability
	if err := v.Get(&av); err != nil {
		t.Fatal(err)
	}
	if av.Available || !strings.HasPrefix(av.Reason, "in a calendar event until ") {
		t.Fatalf("availability %+v, want maria unavailable for her event", av)
	}
}

func mustLocation(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// A feed whose expansion takes longer than the read may (here, rules no day satisfies, a fifth
// of a second each) is cut off at the read's timeout, like one that answers slowly.
func TestACalendarThatExpandsTooSlowlyIsCutOffAtItsTimeout(t *testing.T) {
	host := newCalendarHost(t)
	var parts []string
	for i := range 100 {
		parts = append(parts, fmt.Sprintf("BEGIN:VEVENT\nUID:never-%d@test\nDTSTART:20260201T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\nEND:VEVENT", i))
	}
	host.feeds["/maria.ics"] = ics(parts...)
	acts, _ := calendarActivities(t, func(cfg *config.Config) {
		calendarOf(cfg, "maria", handoff.CalendarSource{ICSURL: host.URL + "/maria.ics", Timeout: "300ms"})
	})
	// What one such rule costs here (more under the race detector); all hundred cost a
	// hundred times that.
	start := time.Now()
	if _, err := calendar.ParseICS(strings.NewReader(ics(parts[0])), calendar.Options{From: start, To: start.Add(calendarHorizon)}); err != nil {
		t.Fatal(err)
	}
	one := time.Since(start)
	start = time.Now()
	r := rank(t, acts, RankInput{Agents: []string{"maria"}})
	if took, limit := time.Since(start), 300*time.Millisecond+10*one+time.Second; took > limit {
		t.Fatalf("ranking took %s behind a feed that is slow to expand (one rule takes %s), want within %s", took, one, limit)
	}
	if len(r.Ranked) != 1 || !strings.Contains(r.Ranked[0].Note, "could not be read (not read within 300ms: its events take too long to expand)") {
		t.Fatalf("%+v, want maria ranked by business hours, saying her calendar took too long", r)
	}
}

// What a calendar that cannot be read leaves in a ranking, a callback plan and the logs is
// bounded, whatever the feed holds: a 64 KiB value the parser quotes is cut, and an answer
// that unpacks past the size limit (gzip, which the client unpacks) is refused at it.
func TestWhatAnUnreadableCalendarLeavesIsBounded(t *testing.T) {
	host := newCalendarHost(t)
	host.feeds["/maria.ics"] = ics("BEGIN:VEVENT\nUID:a@test\nSUMMARY:PRIVATE-TITLE\nDTSTART:" + strings.Repeat("9", 64<<10) + "\nEND:VEVENT")
	var packed bytes.Buffer
	zw := gzip.NewWriter(&packed)
	line := []byte("X-PAD:" + strings.Repeat("p", 1000) + "\r\n")
	for range (calendar.MaxFeedBytes + 1<<20) / len(line) {
		_, _ = zw.Write(line)
	}
	_ = zw.Close()
	bomb := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/calendar")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(packed.Bytes())
	}))
	t.Cleanup(bomb.Close)
	acts, logs := calendarActivities(t, func(cfg *config.Config) {
		// The longest read allowed: a loaded machine under the race detector unpacks slowly.
		calendarOf(cfg, "maria", handoff.CalendarSource{ICSURL: host.URL + "/maria.ics", Timeout: "5s"})
		calendarOf(cfg, "james", handoff.CalendarSource{ICSURL: bomb.URL + "/james.ics", Timeout: "5s"})
	})
	r := rank(t, acts, RankInput{Agents: []string{"maria", "james"}})
	if len(r.Ranked) != 2 {
		t.Fatalf("%+v, want both ranked by business hours", r)
	}
	notes := map[string]string{}
	for _, ra := range r.Ranked {
		notes[ra.Agent] = ra.Note
	}
	if !strings.Contains(notes["maria"], "is not a date or date-time") || !strings.Contains(notes["james"], "larger than 8 MiB") {
		t.Fatalf("notes %q, want maria's bad date and james's oversized answer named", notes)
	}
	encoded, _ := json.Marshal(r)
	if len(encoded) > 2<<10 {
		t.Fatalf("the ranking encodes to %d bytes, want under 2 KiB", len(encoded))
	}
	if n := logs.Len(); n > 4<<10 {
		t.Fatalf("the logs hold %d bytes, want under 4 KiB", n)
	}
	noPrivateDetails(t, "the ranking", r)
	noPrivateDetails(t, "the logs", logs.Bytes())
	plan, err := acts.PlanCallback(t.Context(), CallbackInput{Agents: []string{"maria", "james"}, After: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if encoded, _ := json.Marshal(plan); len(encoded) > 2<<10 {
		t.Fatalf("the callback plan encodes to %d bytes, want under 2 KiB", len(encoded))
	}
}

// A group calendar that is down is said once in a callback plan, not once per member.
func TestAGroupCalendarDownIsNotedOnce(t *testing.T) {
	host := newCalendarHost(t)
	host.status = http.StatusBadGateway
	acts, _ := calendarActivities(t, func(cfg *config.Config) {
		cfg.GroupCalendars = []config.GroupCalendar{{Group: "human_agent", CalendarSource: handoff.CalendarSource{ICSURL: host.URL + "/team.ics"}}}
	})
	plan, err := acts.PlanCallback(t.Context(), CallbackInput{Agents: []string{"maria", "james"}, After: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Notes) != 1 || !strings.HasPrefix(plan.Notes[0], "calendar of group human_agent could not be read (the calendar answered 502 Bad Gateway)") {
		t.Fatalf("notes %q, want the group calendar named once", plan.Notes)
	}
}
