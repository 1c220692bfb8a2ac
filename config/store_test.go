package config_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
)

func TestStoreAndAnalyticsSettings(t *testing.T) {
	person := "agents:\n  - {id: maria, kind: human, groups: [human_agent]}\n"
	c, err := loadYAML(t, person+agentsRouting)
	if err != nil {
		t.Fatal(err)
	}
	if c.Store.URL != "" || c.Store.RetentionDuration() != 0 {
		t.Errorf("store defaults %+v: nothing recorded, nothing purged", c.Store)
	}
	s := c.Analytics.Success
	if len(s.Outcomes) != 1 || s.Outcomes[0] != "completed" || !s.NoReEscalation || s.MinCSAT != 4 || s.NegativeBelow != -0.3 || c.Analytics.MinSample != 30 {
		t.Errorf("analytics defaults %+v", c.Analytics)
	}

	c, err = loadYAML(t, person+"store: {url: 'sqlite://data/x.db', retention: 8760h}\nanalytics: {success: {outcomes: [completed, taken_over], min_csat: 3}, min_sample: 50}\n"+agentsRouting)
	if err != nil {
		t.Fatal(err)
	}
	if c.Store.RetentionDuration() != 8760*time.Hour || len(c.Analytics.Success.Outcomes) != 2 || c.Analytics.Success.MinCSAT != 3 ||
		!c.Analytics.Success.NoReEscalation || c.Analytics.MinSample != 50 {
		t.Errorf("set from the file: %+v %+v", c.Store, c.Analytics)
	}

	t.Setenv("HANDOFF_STORE_URL", "postgres://handoff@db:5432/handoff")
	if c, err = loadYAML(t, person+agentsRouting); err != nil || c.Store.URL != "postgres://handoff@db:5432/handoff" {
		t.Errorf("HANDOFF_STORE_URL: %+v, %v", c.Store, err)
	}
	t.Setenv("HANDOFF_STORE_URL", "")

	for _, bad := range []struct{ yaml, key, reason string }{
		{"store: {url: 'mysql://x'}\n", "store.url", "want sqlite://PATH or postgres://"},
		{"store: {retention: 1h}\n", "store.retention", "below the minimum 24h"},
		{"analytics: {success: {min_csat: 7}}\n", "analytics.success", "min_csat"},
		{"analytics: {min_sample: 0}\n", "analytics.min_sample", "at least 1"},
	} {
		_, err := loadYAML(t, person+bad.yaml+agentsRouting)
		var ce *config.Error
		if !errors.As(err, &ce) || ce.Key != bad.key || !strings.Contains(ce.Reason, bad.reason) {
			t.Errorf("%s: %v, want key %s and %q", bad.yaml, err, bad.key, bad.reason)
		}
	}
}
