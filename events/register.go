package events

import (
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/worker"
)

// ActivityName is the name the workflow runs PublishEvents under.
const ActivityName = "PublishEvents"

// Register registers the publisher's activity. Every worker registers it, with or without
// subscriptions, so a handoff that publishes finds it on whichever worker polls.
func Register(r worker.ActivityRegistry, p *Publisher) {
	r.RegisterActivityWithOptions(p.PublishEvents, activity.RegisterOptions{Name: ActivityName})
}
