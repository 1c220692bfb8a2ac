package bench

import (
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
)

// Counts is what one workflow run costs the engine, read from its event history: the events,
// and the Temporal Cloud billable actions by the published rules (docs.temporal.io/cloud/actions):
//
//   - 1 for the start (WorkflowExecutionStarted);
//   - 1 per activity attempt: ActivityTaskStarted carries the attempt that ran last, so an
//     activity retried twice counts 3;
//   - 1 per workflow task that recorded local activity markers, however many it recorded;
//   - 1 per timer started (AwaitWithTimeout's implicit timers included);
//   - 1 per signal received, 1 per Update accepted;
//   - 1 per search attribute upsert (one command, however many attributes), except one that
//     sets TemporalChangeVersion only;
//   - 2 per child workflow started (its start and its execution);
//   - 1 per Workflow Execution Options update, and 1 per Nexus operation scheduled or cancelled.
//
// What a history does not show is not counted: queries, rejected Updates, activity heartbeats,
// and workflow task heartbeats of long local activities. (The bench reads results from the
// history, so it adds no queries of its own.)
type Counts struct {
	Events  int `json:"events"`
	Actions int `json:"actions"`
	// The actions by kind.
	Starts              int `json:"starts"`
	ActivityAttempts    int `json:"activity_attempts"`
	LocalActivityTasks  int `json:"local_activity_tasks"`
	Timers              int `json:"timers"`
	Signals             int `json:"signals"`
	Updates             int `json:"updates"`
	Upserts             int `json:"upserts"`
	ChildWorkflows      int `json:"child_workflows"`
	OtherActions        int `json:"other_actions,omitempty"`
	LocalActivities     int `json:"local_activities"`
	Activities          int `json:"activities"`
	WorkflowTasks       int `json:"workflow_tasks"`
	SearchAttributesSet int `json:"search_attributes_set"`
}

// localActivityMarkers are the marker names SDKs record for a local activity: the Go and Java
// SDKs' and the core-based SDKs'.
var localActivityMarkers = map[string]bool{"LocalActivity": true, "core_local_activity": true}

// changeVersionAttribute is the search attribute versioning sets; its upserts are not billed.
const changeVersionAttribute = "TemporalChangeVersion"

// Count counts one run's history.
func Count(events []*historypb.HistoryEvent) Counts {
	var c Counts
	laTasks := map[int64]bool{}
	for _, e := range events {
		c.Events++
		switch e.GetEventType() {
		case enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
			c.Starts++
		case enumspb.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
			c.Activities++
		case enumspb.EVENT_TYPE_ACTIVITY_TASK_STARTED:
			c.ActivityAttempts += max(int(e.GetActivityTaskStartedEventAttributes().GetAttempt()), 1)
		case enumspb.EVENT_TYPE_MARKER_RECORDED:
			m := e.GetMarkerRecordedEventAttributes()
			if localActivityMarkers[m.GetMarkerName()] {
				c.LocalActivities++
				laTasks[m.GetWorkflowTaskCompletedEventId()] = true
			}
		case enumspb.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
			c.WorkflowTasks++
		case enumspb.EVENT_TYPE_TIMER_STARTED:
			c.Timers++
		case enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
			c.Signals++
		case enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
			c.Updates++
		case enumspb.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES:
			fields := e.GetUpsertWorkflowSearchAttributesEventAttributes().GetSearchAttributes().GetIndexedFields()
			billed := false
			for name := range fields {
				c.SearchAttributesSet++
				if name != changeVersionAttribute {
					billed = true
				}
			}
			if billed || len(fields) == 0 {
				c.Upserts++
			}
		case enumspb.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED:
			c.ChildWorkflows += 2
		case enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_OPTIONS_UPDATED,
			enumspb.EVENT_TYPE_NEXUS_OPERATION_SCHEDULED,
			enumspb.EVENT_TYPE_NEXUS_OPERATION_CANCEL_REQUESTED:
			c.OtherActions++
		}
	}
	c.LocalActivityTasks = len(laTasks)
	c.Actions = c.Starts + c.ActivityAttempts + c.LocalActivityTasks + c.Timers + c.Signals + c.Updates +
		c.Upserts + c.ChildWorkflows + c.OtherActions
	return c
}

// Add sums counts (for averaging over runs).
func (c *Counts) Add(o Counts) {
	c.Events += o.Events
	c.Actions += o.Actions
	c.Starts += o.Starts
	c.ActivityAttempts += o.ActivityAttempts
	c.LocalActivityTasks += o.LocalActivityTasks
	c.Timers += o.Timers
	c.Signals += o.Signals
	c.Updates += o.Updates
	c.Upserts += o.Upserts
	c.ChildWorkflows += o.ChildWorkflows
	c.OtherActions += o.OtherActions
	c.LocalActivities += o.LocalActivities
	c.Activities += o.Activities
	c.WorkflowTasks += o.WorkflowTasks
	c.SearchAttributesSet += o.SearchAttributesSet
}

// MeanCounts is Counts averaged over runs.
type MeanCounts struct {
	Runs                int     `json:"runs"`
	Events              float64 `json:"events"`
	EventsMin           int     `json:"events_min"`
	EventsMax           int     `json:"events_max"`
	Actions             float64 `json:"actions"`
	ActionsMin          int     `json:"actions_min"`
	ActionsMax          int     `json:"actions_max"`
	Starts              float64 `json:"starts"`
	ActivityAttempts    float64 `json:"activity_attempts"`
	LocalActivityTasks  float64 `json:"local_activity_tasks"`
	Timers              float64 `json:"timers"`
	Signals             float64 `json:"signals"`
	Updates             float64 `json:"updates"`
	Upserts             float64 `json:"upserts"`
	ChildWorkflows      float64 `json:"child_workflows"`
	OtherActions        float64 `json:"other_actions,omitempty"`
	LocalActivities     float64 `json:"local_activities"`
	Activities          float64 `json:"activities"`
	WorkflowTasks       float64 `json:"workflow_tasks"`
	SearchAttributesSet float64 `json:"search_attributes_set"`
}

// Mean averages counts; zero runs give zero.
func Mean(list []Counts) MeanCounts {
	m := MeanCounts{Runs: len(list)}
	if len(list) == 0 {
		return m
	}
	var sum Counts
	m.EventsMin, m.ActionsMin = list[0].Events, list[0].Actions
	for _, c := range list {
		sum.Add(c)
		m.EventsMin, m.EventsMax = min(m.EventsMin, c.Events), max(m.EventsMax, c.Events)
		m.ActionsMin, m.ActionsMax = min(m.ActionsMin, c.Actions), max(m.ActionsMax, c.Actions)
	}
	n := float64(len(list))
	m.Events, m.Actions = float64(sum.Events)/n, float64(sum.Actions)/n
	m.Starts, m.ActivityAttempts = float64(sum.Starts)/n, float64(sum.ActivityAttempts)/n
	m.LocalActivityTasks, m.Timers = float64(sum.LocalActivityTasks)/n, float64(sum.Timers)/n
	m.Signals, m.Updates = float64(sum.Signals)/n, float64(sum.Updates)/n
	m.Upserts, m.ChildWorkflows = float64(sum.Upserts)/n, float64(sum.ChildWorkflows)/n
	m.OtherActions, m.LocalActivities = float64(sum.OtherActions)/n, float64(sum.LocalActivities)/n
	m.Activities, m.WorkflowTasks = float64(sum.Activities)/n, float64(sum.WorkflowTasks)/n
	m.SearchAttributesSet = float64(sum.SearchAttributesSet) / n
	return m
}
