package config

import (
	"fmt"
	"os"
	"regexp"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/spf13/viper"
)

// CRM is the customer relationship system that fills profile fields a bot did not send (a
// GoHighLevel-style contacts API; see activities/crm.go). Without a URL there is no
// enrichment. The token is read from the environment variable TokenEnv, never from the file.
type CRM struct {
	// URL is the API base, e.g. https://services.leadconnectorhq.com (HANDOFF_CRM_URL).
	URL string `mapstructure:"url"`
	// TokenEnv names the environment variable holding the bearer token (default
	// HANDOFF_CRM_TOKEN).
	TokenEnv string `mapstructure:"token_env"`
	// Timeout bounds one lookup (default 2s): a slow CRM must not hold a handoff up.
	Timeout string `mapstructure:"timeout"`
	// LocationID is the CRM sub-account searched (GoHighLevel's locationId), if it needs one.
	LocationID string `mapstructure:"location_id"`
	// CustomFields maps the CRM's custom field IDs to the field paths they fill.
	CustomFields []CRMField `mapstructure:"custom_fields"`

	// Token is set by Validate from the environment. Empty leaves the CRM unused (each
	// handoff says so) rather than failing every binary that loads this config.
	Token string `mapstructure:"-"`
}

// CRMField maps one CRM custom field to a field path.
type CRMField struct {
	// ID is the custom field's ID (or key) as the CRM returns it. Case matters.
	ID string `mapstructure:"id"`
	// Path is where its value goes, e.g. conversation_state.preference_profile.budget.
	Path string `mapstructure:"path"`
}

// DefaultCRMTokenEnv is the variable the CRM token is read from unless crm.token_env says.
const DefaultCRMTokenEnv = "HANDOFF_CRM_TOKEN"

func init() {
	for k, v := range map[string]any{
		"crm.url":         "",
		"crm.token_env":   DefaultCRMTokenEnv,
		"crm.timeout":     "2s",
		"crm.location_id": "",
	} {
		defaults[k] = v
	}
}

// Enabled reports whether a CRM is configured.
func (c CRM) Enabled() bool { return c.URL != "" }

// TimeoutDuration is the parsed timeout (valid after Validate; 2s otherwise).
func (c CRM) TimeoutDuration() time.Duration {
	if d, err := time.ParseDuration(c.Timeout); err == nil && d > 0 {
		return d
	}
	return 2 * time.Second
}

// checkCRMFile refuses a token written into the config file, which gets committed.
func checkCRMFile(v *viper.Viper) *Error {
	if v.InConfig("crm.token") {
		return &Error{Key: "crm.token", Reason: "the token must not be written in the config file: set $" + DefaultCRMTokenEnv + " (or the variable crm.token_env names)"}
	}
	return nil
}

var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// validateCRM checks the crm section and reads the token from the environment.
func (c *Config) validateCRM() error {
	fail := func(key, format string, args ...any) error {
		return &Error{File: c.File, Key: key, Reason: fmt.Sprintf(format, args...)}
	}
	m := &c.CRM
	if m.URL != "" {
		if err := checkURL(m.URL); err != nil {
			return fail("crm.url", "%v", err)
		}
	}
	if m.TokenEnv == "" {
		m.TokenEnv = DefaultCRMTokenEnv
	}
	if !envName.MatchString(m.TokenEnv) {
		return fail("crm.token_env", "%q is not an environment variable name", m.TokenEnv)
	}
	for i, f := range m.CustomFields {
		key := fmt.Sprintf("crm.custom_fields[%d]", i)
		if f.ID == "" {
			return fail(key+".id", "is required")
		}
		if !handoff.EnrichablePath(f.Path) {
			return fail(key+".path", "%q cannot be filled from the CRM (customer.*, conversation_state.preference_profile.<key>, relationship_context.relationship_history, business_context.* and the like)", f.Path)
		}
	}
	if m.Token == "" {
		m.Token = os.Getenv(m.TokenEnv)
	}
	return nil
}
