package handoff

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"net/url"
	"time"
)

// CalendarSource is where a person's (or a group's) calendar is read: an iCalendar feed, which
// Google Calendar, Outlook and most CRMs publish, or a CalDAV calendar asked for its free/busy
// time. Credentials are named here, never written here: they come from the environment or from
// files. Exactly one of ICSURL, ICSURLEnv and CalDAVURL is set.
type CalendarSource struct {
	// ICSURL is a feed address that is no secret (the stand-in agents', a feed behind basic
	// authentication).
	ICSURL string `mapstructure:"ics_url"`
	// ICSURLEnv names the environment variable holding a feed address that is itself the
	// secret, such as Google Calendar's "secret address in iCal format".
	ICSURLEnv string `mapstructure:"ics_url_env"`
	// CalDAVURL is a CalDAV calendar collection, asked with a free-busy-query REPORT: the server
	// answers with busy periods only, so no event leaves it.
	CalDAVURL string `mapstructure:"caldav_url"`
	// Username (or the variable UsernameEnv names) and the password in the variable PasswordEnv
	// names or in PasswordFile authenticate with HTTP basic authentication.
	Username     string `mapstructure:"username"`
	UsernameEnv  string `mapstructure:"username_env"`
	PasswordEnv  string `mapstructure:"password_env"`
	PasswordFile string `mapstructure:"password_file"`
	// TTL is how long a calendar read is used before it is read again (default 5m).
	TTL string `mapstructure:"ttl"`
	// Timeout bounds one read (default 3s); ranking waits for it.
	Timeout string `mapstructure:"timeout"`
}

// Defaults and bounds of a calendar source's durations. A read must fit well within ranking's
// own 10 s attempt, and a calendar read more often than every 10 s would only load its server.
const (
	DefaultCalendarTTL     = 5 * time.Minute
	MinCalendarTTL         = 10 * time.Second
	MaxCalendarTTL         = 24 * time.Hour
	DefaultCalendarTimeout = 3 * time.Second
	MinCalendarTimeout     = 100 * time.Millisecond
	MaxCalendarTimeout     = 5 * time.Second
)

// TTLDuration is the parsed TTL, or its default.
func (s CalendarSource) TTLDuration() time.Duration {
	return durationOr(s.TTL, DefaultCalendarTTL)
}

// TimeoutDuration is the parsed timeout, or its default.
func (s CalendarSource) TimeoutDuration() time.Duration {
	return durationOr(s.Timeout, DefaultCalendarTimeout)
}

func durationOr(s string, d time.Duration) time.Duration {
	if v, err := time.ParseDuration(s); err == nil && v > 0 {
		return v
	}
	return d
}

// Where tells sources apart (the calendar cache's key): the address when it is no secret,
// otherwise the variable that holds it. It stays in memory; Label is what logs and metrics see.
func (s CalendarSource) Where() string {
	return cmp.Or(s.CalDAVURL, s.ICSURL, "$"+s.ICSURLEnv)
}

// Label names the source in logs and metric labels: the host and a digest of the whole
// address. Never the path, because a hosted feed's path carries its owner's email address (a
// Google calendar's does) and sometimes a token.
func (s CalendarSource) Label() string {
	addr := cmp.Or(s.CalDAVURL, s.ICSURL)
	if addr == "" {
		return "$" + s.ICSURLEnv
	}
	host := "unparsed"
	if u, err := url.Parse(addr); err == nil && u.Host != "" {
		host = u.Host
	}
	h := fnv.New32a()
	h.Write([]byte(addr))
	return fmt.Sprintf("%s#%08x", host, h.Sum32())
}
