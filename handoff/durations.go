package handoff

import (
	"fmt"
	"strings"
	"time"
)

// Bounds of the durations a handoff runs with, shared by the input's override, the config
// and the rules' protocols. Each keeps a typo ("292y", "1ns") from parking a workflow and a
// person's capacity for years, or from timing out before anyone could act.
const (
	// MinMonitoringWindow and MaxMonitoringWindow: long enough for one customer reply, at most
	// a day of watching.
	MinMonitoringWindow = time.Second
	MaxMonitoringWindow = 24 * time.Hour
	// MinOfferTimeout and MaxOfferTimeout bound a person's time to accept an offer; the
	// customer waits meanwhile.
	MinOfferTimeout = time.Second
	MaxOfferTimeout = time.Hour
)

// CheckDuration parses a Go duration string and checks that it lies within [lo, hi]. The
// problem it returns reads after the field's or key's name, e.g. `"2562047h" is above the
// maximum 24h`; it is empty when the duration is fine.
func CheckDuration(s string, lo, hi time.Duration) (time.Duration, string) {
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		return 0, fmt.Sprintf("%s is not a duration such as \"30s\" or \"5m\"", Quote(s))
	case d < lo:
		return d, fmt.Sprintf("%s is below the minimum %s", Quote(s), FormatDuration(lo))
	case d > hi:
		return d, fmt.Sprintf("%s is above the maximum %s", Quote(s), FormatDuration(hi))
	}
	return d, ""
}

// FormatDuration writes a duration the way people write it in config ("24h", "10m", "1m30s"),
// without the zero units time.Duration.String adds ("24h0m0s").
func FormatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
