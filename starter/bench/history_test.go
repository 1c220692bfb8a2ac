package bench

import (
	"strings"
	"testing"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
)

// hist builds a history from events in order, numbering them.
type hist struct{ events []*historypb.HistoryEvent }

func (h *hist) add(t enumspb.EventType, attrs func(e *historypb.HistoryEvent)) int64 {
	e := &historypb.HistoryEvent{EventId: int64(len(h.events) + 1), EventType: t}
	if attrs != nil {
		attrs(e)
	}
	h.events = append(h.events, e)
	return e.EventId
}

func (h *hist) workflowTask() int64 {
	h.add(enumspb.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, nil)
	h.add(enumspb.EVENT_TYPE_WORKFLOW_TASK_STARTED, nil)
	return h.add(enumspb.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, nil)
}

func (h *hist) marker(name string, task int64) {
	h.add(enumspb.EVENT_TYPE_MARKER_RECORDED, func(e *historypb.HistoryEvent) {
		e.Attributes = &historypb.HistoryEvent_MarkerRecordedEventAttributes{MarkerRecordedEventAttributes: &historypb.MarkerRecordedEventAttributes{
			MarkerName: name, WorkflowTaskCompletedEventId: task}}
	})
}

func (h *hist) upsert(names ...string) {
	fields := map[string]*commonpb.Payload{}
	for _, n := range names {
		fields[n] = &commonpb.Payload{Data: []byte(`"x"`)}
	}
	h.add(enumspb.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES, func(e *historypb.HistoryEvent) {
		e.Attributes = &historypb.HistoryEvent_UpsertWorkflowSearchAttributesEventAttributes{UpsertWorkflowSearchAttributesEventAttributes: &historypb.UpsertWorkflowSearchAttributesEventAttributes{
			SearchAttributes: &commonpb.SearchAttributes{IndexedFields: fields}}}
	})
}

func (h *hist) activity(attempt int32) {
	h.add(enumspb.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, nil)
	h.add(enumspb.EVENT_TYPE_ACTIVITY_TASK_STARTED, func(e *historypb.HistoryEvent) {
		e.Attributes = &historypb.HistoryEvent_ActivityTaskStartedEventAttributes{ActivityTaskStartedEventAttributes: &historypb.ActivityTaskStartedEventAttributes{Attempt: attempt}}
	})
	h.add(enumspb.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, nil)
}

// TestCountBillableActions checks each counting rule on a synthetic history shaped like a
// handoff's: local activities batched per workflow task, a retried activity, upserts (one of
// them versioning's, which is free), a timer, a signal, an Update and a child workflow.
func TestCountBillableActions(t *testing.T) {
	var h hist
	h.add(enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, nil) // start: 1
	wt := h.workflowTask()
	h.marker("LocalActivity", wt) // two local activities in one task: 1
	h.marker("LocalActivity", wt)
	h.marker("Version", wt)                   // a version marker: free
	h.upsert("HandoffTarget", "HandoffPhase") // one upsert of two attributes: 1
	h.upsert(changeVersionAttribute)          // versioning's own upsert: free
	h.activity(3)                             // three attempts: 3
	wt = h.workflowTask()
	h.marker("core_local_activity", wt) // a local activity in a later task: 1
	h.activity(0)                       // attempt not set (old servers): 1
	h.workflowTask()
	h.add(enumspb.EVENT_TYPE_TIMER_STARTED, nil)                      // 1
	h.add(enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, nil)        // 1
	h.add(enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED, nil) // 1
	h.add(enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED, nil)
	h.add(enumspb.EVENT_TYPE_TIMER_FIRED, nil)
	h.workflowTask()
	h.add(enumspb.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED, nil) // start and execution: 2
	h.add(enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, nil)

	got := Count(h.events)
	want := Counts{
		Events: len(h.events), Actions: 1 + 2 + 1 + 4 + 1 + 1 + 1 + 2,
		Starts: 1, ActivityAttempts: 4, LocalActivityTasks: 2, Timers: 1, Signals: 1, Updates: 1, Upserts: 1,
		ChildWorkflows: 2, LocalActivities: 3, Activities: 2, WorkflowTasks: 4, SearchAttributesSet: 3,
	}
	if got != want {
		t.Fatalf("Count:\n got %+v\nwant %+v", got, want)
	}
}

func TestMeanCounts(t *testing.T) {
	m := Mean([]Counts{{Events: 20, Actions: 8, Upserts: 2}, {Events: 30, Actions: 10, Upserts: 3}})
	if m.Runs != 2 || m.Events != 25 || m.Actions != 9 || m.Upserts != 2.5 || m.EventsMin != 20 || m.EventsMax != 30 || m.ActionsMin != 8 || m.ActionsMax != 10 {
		t.Fatalf("Mean = %+v", m)
	}
	if z := Mean(nil); z.Runs != 0 || z.Events != 0 {
		t.Fatalf("Mean(nil) = %+v", z)
	}
}

func TestPercentile(t *testing.T) {
	hundred := make([]float64, 100)
	for i := range hundred {
		hundred[i] = float64(100 - i) // 100 down to 1: the order must not matter
	}
	for _, c := range []struct {
		values []float64
		p      float64
		want   float64
	}{
		{hundred, 50, 50}, {hundred, 95, 95}, {hundred, 99, 99}, {hundred, 100, 100}, {hundred, 1, 1},
		{[]float64{7}, 50, 7}, {[]float64{7}, 99, 7},
		{[]float64{1, 2, 3, 4}, 50, 2}, {[]float64{1, 2, 3, 4}, 75, 3}, {[]float64{1, 2, 3, 4}, 99, 4},
		{nil, 50, 0},
	} {
		if got := Percentile(c.values, c.p); got != c.want {
			t.Errorf("Percentile(%v, %v) = %v, want %v", c.values, c.p, got, c.want)
		}
	}
	if hundred[0] != 100 {
		t.Error("Percentile sorted its argument in place")
	}
}

func TestSummarize(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 200; i++ {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	d := Summarize(ds)
	if d.N != 200 || d.Min != 1 || d.Max != 200 || d.P50 != 100 || d.P95 != 190 || d.P99 != 198 || d.Mean != 100.5 {
		t.Fatalf("Summarize = %+v", d)
	}
	if z := Summarize(nil); z != (Dist{}) {
		t.Fatalf("Summarize(nil) = %+v", z)
	}
}

func TestParseActions(t *testing.T) {
	in := `# HELP action action counter
# TYPE action counter
action{action_type="grpc_StartWorkflowExecution",namespace="default",operation="StartWorkflowExecution",service_name="frontend"} 12
action{action_type="command_ScheduleActivityTask",namespace="default",operation="RespondWorkflowTaskCompleted",service_name="history"} 30
action{action_type="command_ScheduleActivityTask",namespace="default",operation="Other",service_name="history"} 2
action{action_type="grpc_StartWorkflowExecution",namespace="temporal_system",operation="StartWorkflowExecution",service_name="frontend"} 2
actions_other{namespace="default"} 99
`
	got := parseActions(strings.NewReader(in), "default")
	if len(got) != 2 || got["grpc_StartWorkflowExecution"] != 12 || got["command_ScheduleActivityTask"] != 32 {
		t.Fatalf("parseActions = %v", got)
	}
}
