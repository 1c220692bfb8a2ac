package telemetry

// Metrics are the application's metrics as Prometheus shows them (the OpenTelemetry exporter
// adds _total to counters and the unit to histograms). The integration test sees each of
// them on a real worker's or API's /metrics, and deploy/composecheck checks that the Grafana
// dashboard asks for these and Temporal's SDK metrics (temporal_...) only.
//
// Labels are roster agent IDs, scenario and template names, outcomes, results, routes and
// subscription names: never a conversation or a customer.
var Metrics = []string{
	// Worker, from the workflow (replay-safe, through the SDK's metrics handler).
	"handoff_outcomes_total",             // outcome, scenario, source, target
	"handoff_start_to_briefed_seconds",   // histogram; scenario, source, target
	"handoff_start_to_accepted_seconds",  // histogram; scenario, source, target
	"handoff_offers_total",               // result, kind
	"handoff_context_preservation",       // gauge, the latest score; template
	"handoff_context_preservation_score", // histogram, 0 to 1; template, scenario
	// Worker, from the activities.
	"handoff_breaker_state",             // 0 closed, 1 half-open, 2 open; endpoint
	"handoff_breaker_transitions_total", // endpoint, state
	"handoff_event_deliveries_total",    // subscription, result
	// API.
	"handoff_api_requests_total",           // method, route, status
	"handoff_api_request_duration_seconds", // histogram; method, route
	"handoff_events_stream_clients",        // gauge
}

// QueueMetrics are the queues' and people's, from their workflows (replay-safe, through the
// SDK's metrics handler). Gauges are set as of each queue's or person's latest change. Labels
// are group and roster agent IDs, leave reasons and disposition codes. The queue integration
// test sees each of them on a real worker's /metrics.
var QueueMetrics = []string{
	"handoff_queue_waiting",              // gauge; queue
	"handoff_queue_offered",              // gauge; queue
	"handoff_queue_longest_wait_seconds", // gauge; queue
	"handoff_queue_people_online",        // gauge; queue
	"handoff_queue_people_available",     // gauge; queue
	"handoff_queue_occupancy",            // gauge, 0 to 1; queue
	"handoff_queue_service_level",        // gauge, 0 to 1, over the last hour; queue
	"handoff_queue_answered_total",       // queue
	"handoff_queue_left_total",           // queue, reason
	"handoff_queue_wait_seconds",         // histogram, the wait of each answered handoff; queue
	"handoff_agent_load",                 // gauge, capacity in use; agent
	"handoff_dispositions_total",         // agent, code
}

// SDKMetrics are the Temporal SDK's metrics the dashboard reads; the integration test sees
// them exported too.
var SDKMetrics = []string{
	"temporal_workflow_completed_total",
	"temporal_workflow_task_schedule_to_start_latency_seconds",
	"temporal_activity_schedule_to_start_latency_seconds",
	"temporal_activity_execution_latency_seconds",
	"temporal_local_activity_execution_latency_seconds",
	"temporal_request_total",
}
