package config

import (
	"fmt"
	"os"
	"strings"

	"github.com/handoffhq/orchestrator/decision"
)

// validateModel reads the API key of routing.decoder.model, when one is configured, from the
// environment variable api_key_env names (HANDOFF_MODEL_API_KEY by default) or else from
// api_key_file: never from the config file, which gets committed. A key file that cannot be
// read stops start-up; no key at all is fine (a local model server needs none).
func (c *Config) validateModel() error {
	m := c.Routing.Decoder.Model
	if !m.Enabled() {
		return nil
	}
	env := m.APIKeyEnv
	if env == "" {
		env = decision.DefaultModelKeyEnv
	}
	c.ModelAPIKey = strings.TrimSpace(os.Getenv(env))
	if c.ModelAPIKey != "" || m.APIKeyFile == "" {
		return nil
	}
	b, err := os.ReadFile(m.APIKeyFile)
	if err != nil {
		return &Error{File: c.File, Key: "routing.decoder.model.api_key_file", Reason: fmt.Sprintf("cannot read the key: %v", err)}
	}
	c.ModelAPIKey = strings.TrimSpace(string(b))
	return nil
}
