package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/decision"
)

const leagueRouting = `routing:
  system: league
  handoffs:
    - {from: branding-agent, to: social-bot-agent, keywords: [post], message: "Share it?", confidence: 95}
  recommend: {enabled: true}
  decoder:
`

func loadModelConfig(t *testing.T, decoder string) (*config.Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "model.yaml")
	if err := os.WriteFile(path, []byte(roster+leagueRouting+decoder+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return config.LoadFile(path, nil)
}

// The model's key comes from the environment or a key file, never the config file; the
// decoder's settings are checked at load.
func TestModelDecoderConfig(t *testing.T) {
	t.Setenv(decision.DefaultModelKeyEnv, "sk-from-env")
	c, err := loadModelConfig(t, "    model: {base_url: http://127.0.0.1:11434/v1, name: llama3.1, recommend: true}")
	if err != nil {
		t.Fatal(err)
	}
	d := c.Engine.Decoder()
	if c.ModelAPIKey != "sk-from-env" || !d.Enabled() || d.TimeoutDuration() != decision.DefaultModelTimeout || !d.Model.Recommend {
		t.Fatalf("key %q decoder %+v", c.ModelAPIKey, d)
	}

	t.Setenv(decision.DefaultModelKeyEnv, "")
	keyFile := filepath.Join(t.TempDir(), "model.key")
	if err := os.WriteFile(keyFile, []byte("sk-from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err = loadModelConfig(t, "    timeout: 5s\n    model: {base_url: https://api.example.com/v1, name: small, api_key_file: "+keyFile+"}")
	if err != nil || c.ModelAPIKey != "sk-from-file" {
		t.Fatalf("key %q, %v", c.ModelAPIKey, err)
	}

	for want, decoder := range map[string]string{
		"must not be written in the config file":  "    model: {base_url: http://127.0.0.1/v1, name: m, api_key: sk-secret}",
		"cannot read the key":                     "    model: {base_url: http://127.0.0.1/v1, name: m, api_key_file: /nonexistent/key}",
		"decoder.model.name is required":          "    model: {base_url: http://127.0.0.1/v1}",
		"two kinds of decoder":                    "    url: http://127.0.0.1:8091/decode\n    model: {base_url: http://127.0.0.1/v1, name: m}",
		`model.base_url "ftp://x" is not an http`: "    model: {base_url: ftp://x, name: m}",
		"over 12s":                  "    timeout: 20s\n    model: {base_url: http://127.0.0.1/v1, name: m}",
		`unknown key "temperature"`: "    model: {base_url: http://127.0.0.1/v1, name: m, temperature: 1}",
	} {
		if _, err := loadModelConfig(t, decoder); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", decoder, err, want)
		}
	}
	// Recommendations belong to the league.
	path := filepath.Join(t.TempDir(), "re.yaml")
	re := roster + "routing:\n  system: real_estate\n  decoder:\n    model: {base_url: http://127.0.0.1/v1, name: m, recommend: true}\n"
	if err := os.WriteFile(path, []byte(re), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := config.LoadFile(path, nil); err == nil || !strings.Contains(err.Error(), "recommendations belong to system") {
		t.Fatalf("err = %v", err)
	}
}
