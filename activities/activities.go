// Package activities holds the handoff's steps that the workflow runs as activities.
package activities

import (
	"log/slog"

	"github.com/handoffhq/orchestrator/config"
	"go.temporal.io/sdk/worker"
)

// Activities holds the dependencies of every activity: config, HTTP client, breakers.
type Activities struct {
	cfg    *config.Config
	logger *slog.Logger
}

// New builds the activities for a config.
func New(cfg *config.Config, logger *slog.Logger) *Activities {
	return &Activities{cfg: cfg, logger: logger}
}

// Register registers the activities' methods under their method names.
func Register(r worker.ActivityRegistry, a *Activities) {
	r.RegisterActivity(a)
}
