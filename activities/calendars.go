package activities

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/handoffhq/orchestrator/calendar"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/sony/gobreaker/v2"
	"golang.org/x/sync/singleflight"
)

// People's calendars (agents[].calendar, group_calendars[]) are read by the activities that
// rank people and plan callbacks, which are regular activities: each source over HTTP behind
// its own circuit breaker and within its own timeout, what it says kept for its TTL. All that
// is kept is the busy and out-of-office intervals the calendar package parses out; the feed
// itself is dropped once parsed, and no reason, log line or payload carries an event's title.

// calendarHorizon is how far ahead calendars are read: far enough for a callback to find
// someone back from a fortnight's holiday.
const calendarHorizon = 31 * 24 * time.Hour

// maxCalendarErrorBytes bounds why a calendar could not be read, as notes and logs carry it.
const maxCalendarErrorBytes = 200

// clip cuts s to at most n bytes on a character boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const mark = "..."
	cut := n - len(mark)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + mark
}

// calendarCache holds the schedules read per source. Its zero value is ready to use.
type calendarCache struct {
	mu      sync.Mutex
	entries map[string]cachedSchedule
	// reads makes the callers asking for one source at once share one read.
	reads  singleflight.Group
	client *http.Client
}

type cachedSchedule struct {
	schedule calendar.Schedule
	expires  time.Time
}

// personCalendar is what a person's calendars say: their own and their groups' combined.
type personCalendar struct {
	schedule calendar.Schedule
	// unread says, per calendar that could not be read, which and why: its busy time is
	// unknown, neither busy nor free, so business hours alone decide.
	unread []string
}

// note says which calendars could not be read, or "".
func (p personCalendar) note() string {
	if len(p.unread) == 0 {
		return ""
	}
	return strings.Join(p.unread, "; ") + "; using business hours"
}

// calendarSource is one calendar to read for someone, and what to call it in a reason.
type calendarSource struct {
	label string
	src   handoff.CalendarSource
	loc   *time.Location
}

// calendarsOf lists a person's calendars: their own, then their groups'.
func (a *Activities) calendarsOf(ag handoff.Agent) []calendarSource {
	loc := agentLocation(ag)
	var out []calendarSource
	if ag.Calendar != nil {
		out = append(out, calendarSource{label: "calendar of " + ag.ID, src: *ag.Calendar, loc: loc})
	}
	for _, g := range a.cfg.GroupCalendars {
		for _, member := range ag.Groups {
			if member == g.Group {
				out = append(out, calendarSource{label: "calendar of group " + g.Group, src: g.CalendarSource, loc: loc})
			}
		}
	}
	return out
}

// readCalendars reads the calendars of the people for [from, to), each source once and all at
// once, so a step of several people waits for the slowest calendar, not for their sum.
func (a *Activities) readCalendars(ctx context.Context, people []handoff.Agent, from, to time.Time) map[string]personCalendar {
	type read struct {
		s   calendar.Schedule
		err error
	}
	reads := map[string]*read{}
	var wg sync.WaitGroup
	for _, ag := range people {
		for _, c := range a.calendarsOf(ag) {
			key := cacheKey(c.src, c.loc)
			if reads[key] != nil {
				continue
			}
			r := &read{}
			reads[key] = r
			wg.Go(func() { r.s, r.err = a.readCalendar(ctx, c.src, c.loc, from, to) })
		}
	}
	wg.Wait()
	out := map[string]personCalendar{}
	for _, ag := range people {
		var p personCalendar
		var found []calendar.Schedule
		for _, c := range a.calendarsOf(ag) {
			r := reads[cacheKey(c.src, c.loc)]
			if r.err != nil {
				p.unread = append(p.unread, fmt.Sprintf("%s could not be read (%v)", c.label, r.err))
				continue
			}
			found = append(found, r.s)
		}
		if len(found) > 0 {
			p.schedule = calendar.Combine(found...)
		}
		out[ag.ID] = p
	}
	return out
}

// cacheKey tells sources apart without holding a secret address: a secret feed is known by
// the variable that holds it. The zone is part of it, since all-day entries are read in it.
func cacheKey(src handoff.CalendarSource, loc *time.Location) string {
	return src.Where() + "|" + src.Username + "|" + src.UsernameEnv + "|" + loc.String()
}

// readCalendar returns what one calendar says for [from, to), from the cache while it is
// fresh. A read covers from a day before to a month ahead, so that ranking and callback
// planning within the TTL share it.
func (a *Activities) readCalendar(ctx context.Context, src handoff.CalendarSource, loc *time.Location, from, to time.Time) (calendar.Schedule, error) {
	c := &a.calendars
	key := cacheKey(src, loc)
	c.mu.Lock()
	if e, ok := c.entries[key]; ok && time.Now().Before(e.expires) && e.schedule.Covers(from, to) {
		c.mu.Unlock()
		return e.schedule, nil
	}
	if c.client == nil {
		c.client = &http.Client{}
	}
	client := c.client
	c.mu.Unlock()

	anchor := from.Truncate(time.Hour)
	window := calendar.Options{From: anchor.Add(-24 * time.Hour), To: anchor.Add(calendarHorizon + 2*24*time.Hour), Location: loc}
	if to.After(window.To) {
		window.To = to
	}
	v, err, _ := c.reads.Do(key+"|"+window.From.String()+"|"+window.To.String(), func() (any, error) {
		// One read serves every caller waiting on it, so it runs on its own time budget, not
		// on the first caller's context.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), src.TimeoutDuration())
		defer cancel()
		var s calendar.Schedule
		_, err := a.breaker("calendar:" + src.Label()).Execute(func() (*http.Response, error) {
			var err error
			s, err = fetchCalendar(ctx, client, src, window)
			return nil, err
		})
		if errors.Is(err, gobreaker.ErrOpenState) || errors.Is(err, gobreaker.ErrTooManyRequests) {
			return nil, errors.New("failing repeatedly, not asked again for a while (circuit open)")
		}
		if err != nil {
			// The reason travels in ranking results, the handoff's state and its events: a
			// feed that quotes a megabyte-long value in its error must not take it along.
			err = errors.New(clip(err.Error(), maxCalendarErrorBytes))
			a.logger.Warn("calendar could not be read", "calendar", src.Label(), "error", err.Error())
			return nil, err
		}
		c.mu.Lock()
		if c.entries == nil {
			c.entries = map[string]cachedSchedule{}
		}
		c.entries[key] = cachedSchedule{schedule: s, expires: time.Now().Add(src.TTLDuration())}
		c.mu.Unlock()
		return s, nil
	})
	if err != nil {
		return calendar.Schedule{}, err
	}
	return v.(calendar.Schedule), nil
}

// fetchCalendar reads one calendar: GET for a feed, a free-busy-query REPORT for CalDAV.
// Errors name what went wrong without the address, which may be the secret.
func fetchCalendar(ctx context.Context, client *http.Client, src handoff.CalendarSource, o calendar.Options) (calendar.Schedule, error) {
	// The read's time bounds expanding the feed too, not only its transfer.
	if d, ok := ctx.Deadline(); ok {
		o.Deadline = d
	}
	user, password, err := calendarCredentials(src)
	if err != nil {
		return calendar.Schedule{}, err
	}
	var req *http.Request
	switch {
	case src.CalDAVURL != "":
		req, err = http.NewRequestWithContext(ctx, "REPORT", src.CalDAVURL, strings.NewReader(calendar.FreeBusyQuery(o.From, o.To)))
		if err == nil {
			req.Header.Set("Depth", "1")
			req.Header.Set("Content-Type", "application/xml; charset=utf-8")
		}
	default:
		addr := src.ICSURL
		if src.ICSURLEnv != "" {
			if addr = os.Getenv(src.ICSURLEnv); addr == "" {
				return calendar.Schedule{}, fmt.Errorf("$%s, which holds its address, is not set", src.ICSURLEnv)
			}
		}
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	}
	if err != nil {
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err
		}
		return calendar.Schedule{}, fmt.Errorf("bad address: %v", err)
	}
	req.Header.Set("Accept", "text/calendar")
	if user != "" {
		req.SetBasicAuth(user, password)
	}
	resp, err := client.Do(req)
	if err != nil {
		return calendar.Schedule{}, transportError(ctx, err, src.TimeoutDuration())
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
			return calendar.Schedule{}, fmt.Errorf("the calendar refused the credentials (%s)", resp.Status)
		}
		return calendar.Schedule{}, fmt.Errorf("the calendar answered %s", resp.Status)
	}
	var s calendar.Schedule
	if src.CalDAVURL != "" {
		s, err = calendar.ParseFreeBusy(resp.Body, o)
	} else {
		s, err = calendar.ParseICS(resp.Body, o)
	}
	if errors.Is(err, calendar.ErrTooSlow) {
		return calendar.Schedule{}, fmt.Errorf("not read within %s: its events take too long to expand", handoff.FormatDuration(src.TimeoutDuration()))
	}
	if err != nil && ctx.Err() != nil {
		return calendar.Schedule{}, transportError(ctx, err, src.TimeoutDuration())
	}
	return s, err
}

// transportError says a read timed out, or why it failed, without the URL net/http puts in
// its errors.
func transportError(ctx context.Context, err error, timeout time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no answer within %s", handoff.FormatDuration(timeout))
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	return fmt.Errorf("unreachable: %v", err)
}

// calendarCredentials reads the basic-auth credentials a source names, if any.
func calendarCredentials(src handoff.CalendarSource) (user, password string, err error) {
	user = src.Username
	if src.UsernameEnv != "" {
		if user = os.Getenv(src.UsernameEnv); user == "" {
			return "", "", fmt.Errorf("$%s, which holds its username, is not set", src.UsernameEnv)
		}
	}
	switch {
	case src.PasswordEnv != "":
		if password = os.Getenv(src.PasswordEnv); password == "" {
			return "", "", fmt.Errorf("$%s, which holds its password, is not set", src.PasswordEnv)
		}
	case src.PasswordFile != "":
		b, err := os.ReadFile(src.PasswordFile)
		if err != nil {
			return "", "", fmt.Errorf("its password file cannot be read: %v", err)
		}
		password = strings.TrimRight(string(b), "\r\n")
	}
	return user, password, nil
}

// agentLocation is the person's configured time zone (checked at load), or UTC.
func agentLocation(ag handoff.Agent) *time.Location {
	if ag.TimeZone != "" {
		if loc, err := time.LoadLocation(ag.TimeZone); err == nil {
			return loc
		}
	}
	return time.UTC
}
