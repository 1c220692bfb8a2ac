package config

import "time"

// ConsoleSessionTTLDuration is api.console_session_ttl as a duration (8h when unset, as in a
// Config built in code rather than loaded).
func (a API) ConsoleSessionTTLDuration() time.Duration {
	if d, err := time.ParseDuration(a.ConsoleSessionTTL); err == nil && d > 0 {
		return d
	}
	return 8 * time.Hour
}
