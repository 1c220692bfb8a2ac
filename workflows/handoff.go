// Package workflows holds the durable workflows: one Handoff per conversation handoff.
package workflows

import (
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/workflow"
)

// Handoff runs one handoff. (Being written.)
func Handoff(ctx workflow.Context, in handoff.Input) (handoff.Result, error) {
	return handoff.Result{}, nil
}
