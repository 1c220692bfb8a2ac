package handoff

import (
	"strings"
	"time"
)

// Queues: a handoff to people of a group that has a queue (config queues[]) waits in that
// group's Queue workflow, one per group, ID queue-<group>, beside the handoffs and the
// people's Agent workflows. The queue keeps its waiting handoffs in priority-then-age order
// and a view of its people (presence, load) that their Agent workflows keep current by signal,
// so a handoff is offered the moment a person can take it: no polling.
//
//	handoff ──enqueue (Signal-With-Start, from an activity)──▶ queue
//	queue   ──queue_offer (signal): offer it to this person──▶ handoff
//	handoff ──queue_report (signal): accepted, returned, left──▶ queue
//	agent   ──agent_changed (signal): presence and load──▶ queue
//
// The source agent keeps the customer the whole time: the queue only decides who is offered
// the handoff next; the handoff makes the offer and moves ownership as it always does.
const (
	QueueWorkflowName     = "Queue"
	QueueWorkflowIDPrefix = "queue-"

	// SignalEnqueue adds a handoff to the queue (EnqueueInput). A signal, not an Update: a
	// burst of handoffs joining at once is taken in a few workflow tasks, where Updates would
	// meet Temporal's limit of Updates in flight per workflow (10 by default) and wait behind
	// every other task. A full queue or a malformed entry is answered with a refusal
	// (QueueOffer.Refused).
	SignalEnqueue = "enqueue"
	// SignalQueueReport tells the queue what became of a handoff it offered, or that a waiting
	// handoff left or changed (QueueReport).
	SignalQueueReport = "queue_report"
	// SignalAgentChanged carries a person's presence and load to the queues they serve
	// (AgentSnapshot), sent by their Agent workflow after every change.
	SignalAgentChanged = "agent_changed"
	// SignalQueueOffer tells a waiting handoff to offer itself to a person, or that the queue
	// refused it (QueueOffer).
	SignalQueueOffer = "queue_offer"
	// QueryQueueStats returns QueueStats; QueryQueuePosition takes a handoff ID and returns
	// QueuePosition.
	QueryQueueStats    = "stats"
	QueryQueuePosition = "position"

	// UpdateReassign (on a Handoff) offers a waiting or offered handoff to a named person, an
	// operator's decision (ReassignInput). UpdatePriority (on a Handoff) changes the priority
	// of a handoff waiting in a queue (PriorityInput). Both are supervisor actions.
	UpdateReassign = "reassign"
	UpdatePriority = "set_priority"

	// MaxQueueWaiting bounds the handoffs one queue holds: the state a queue carries across
	// continue-as-new grows with them, and 1,000 is what its history and state were measured at.
	MaxQueueWaiting = 1000
)

// QueueWorkflowID is the Queue workflow of a group.
func QueueWorkflowID(group string) string { return QueueWorkflowIDPrefix + group }

// GroupFromQueueWorkflowID reverses QueueWorkflowID.
func GroupFromQueueWorkflowID(id string) (string, bool) {
	if !strings.HasPrefix(id, QueueWorkflowIDPrefix) {
		return "", false
	}
	return strings.TrimPrefix(id, QueueWorkflowIDPrefix), true
}

// SplitHandoffID reverses HandoffID into the workflow ID and run ID.
func SplitHandoffID(id string) (workflowID, runID string) {
	workflowID, runID, _ = strings.Cut(id, "/")
	return workflowID, runID
}

// PhaseQueued: the handoff waits in its group's queue for a person to be free.
const PhaseQueued Phase = "queued"

// OutcomeCallback: the customer waited in a queue and chose to be called back instead; the
// source keeps the conversation and a Callback workflow is planned.
const OutcomeCallback Outcome = "callback"

// EventCallbackRequested is the customer's choice, relayed by the source, to be called back
// rather than wait in the queue any longer.
const EventCallbackRequested EventType = "callback_requested"

// Deliveries of queues: the customer's place in line, through the source agent, and a ticket
// in the asynchronous channel outside business hours.
const (
	DeliveryQueuePosition DeliveryType = "queue_position"
	DeliveryTicket        DeliveryType = "ticket"
)

// QueueSpec is one queue's settings (config queues[]), captured into the plan of a handoff when
// its target is selected, so a config change never alters a handoff in flight. Durations are Go
// duration strings.
type QueueSpec struct {
	Group string `json:"group"`
	// MaxWait is how long a handoff waits here before it overflows to the plan's next step.
	MaxWait string `json:"max_wait"`
	// MaxWaiting bounds the handoffs waiting at once; a full queue is skipped like one whose
	// max wait passed (at most MaxQueueWaiting).
	MaxWaiting int `json:"max_waiting,omitempty"`
	// Steps widen the target over time: who may be offered the handoff while it has waited less
	// than each step's timeout. Without steps, anyone in the group from the start.
	Steps []TargetStep `json:"steps,omitempty"`
	// Skills the steps' levels are read on when the rule names none.
	Skills []string `json:"skills,omitempty"`
	// KnownAgentWait is how long the person who last served the customer is the only one
	// offered the handoff, when the conversation names them.
	KnownAgentWait string `json:"known_agent_wait,omitempty"`
	// PositionEvery is how often the customer hears their place in line; empty: never.
	PositionEvery string `json:"position_every,omitempty"`
	// CallbackAfter is the wait after which the position messages offer a callback.
	CallbackAfter string `json:"callback_after,omitempty"`
	// AgingEvery raises a waiting handoff's priority by one for every such stretch it waited.
	AgingEvery string `json:"aging_every,omitempty"`
	// ServiceLevel is the wait within which a handoff counts as answered in time (statistics).
	ServiceLevel string `json:"service_level,omitempty"`
	// HandleTime is how long a conversation is assumed to take before the queue has answered
	// enough handoffs to estimate waits from its own pace.
	HandleTime string `json:"handle_time,omitempty"`
	// Priority weighs what the conversation says into the handoff's priority.
	Priority PriorityWeights `json:"priority"`
	// BusinessHours and TimeZone say when the queue is staffed; outside them a handoff does not
	// wait here, and a chain that ends then opens a ticket when Ticket is set.
	BusinessHours string `json:"business_hours,omitempty"`
	TimeZone      string `json:"time_zone,omitempty"`
	Ticket        bool   `json:"ticket,omitempty"`
	// WrapUp is the members' after-conversation time (people's release).
	WrapUp string `json:"wrap_up,omitempty"`
}

// TargetStep is one stage of a queue's widening target: people whose level in the handoff's
// skills is at least MinLevel (0: anyone in the group), while the handoff has waited less than
// Timeout. The last step's Timeout is empty: it lasts until the max wait.
type TargetStep struct {
	MinLevel int    `json:"min_level,omitempty"`
	Timeout  string `json:"timeout,omitempty"`
}

// PriorityWeights turn the rule and the conversation into a queue priority: the rule's
// protocol.priority, plus VIP for a conversation whose signals say vip_customer, plus Urgent
// for an urgent decision, plus one point per ValuePer of opportunity value (at most ValueMax).
type PriorityWeights struct {
	VIP      int     `json:"vip,omitempty"`
	Urgent   int     `json:"urgent,omitempty"`
	ValuePer float64 `json:"value_per,omitempty"`
	ValueMax int     `json:"value_max,omitempty"`
}

// QueueEntry is one handoff waiting in a queue (or offered from it). Times are the queue's.
type QueueEntry struct {
	HandoffID      string `json:"handoff_id"`
	ConversationID string `json:"conversation_id"`
	Source         string `json:"source,omitempty"`
	// Priority is what the rule and the conversation gave it; Override replaces it when a
	// supervisor set one. Aging adds to either.
	Priority int  `json:"priority"`
	Override *int `json:"override,omitempty"`
	// EnqueuedAt is its age; a handoff offered and returned keeps it. Seq orders arrivals
	// that share a time.
	EnqueuedAt time.Time `json:"enqueued_at"`
	Seq        int64     `json:"seq"`
	// Skills are the rule's (or the queue's), read by the steps' levels; Channel weighs it
	// against people's capacity.
	Skills  []string `json:"skills,omitempty"`
	Channel string   `json:"channel,omitempty"`
	// KnownAgent alone is offered the handoff until KnownUntil.
	KnownAgent string    `json:"known_agent,omitempty"`
	KnownUntil time.Time `json:"known_until,omitzero"`
	// Steps are the target steps with their end times; AgingEvery in whole seconds.
	Steps        []StepUntil `json:"steps,omitempty"`
	AgingSeconds int         `json:"aging_seconds,omitempty"`
	// Exclude are people not to offer it to (declined it, let it time out, handed it away).
	Exclude []string `json:"exclude,omitempty"`
	// Offered is the person it is offered to now, since OfferedAt; empty while it waits.
	// Forced: an operator reassigned it there, outside the queue's order.
	Offered   string    `json:"offered,omitempty"`
	OfferedAt time.Time `json:"offered_at,omitzero"`
	Forced    bool      `json:"forced,omitempty"`
	// FirstOffer is the queue's dispatch number of its first offer (0 before one): the order
	// handoffs were first offered in, which the integration test checks.
	FirstOffer int64 `json:"first_offer,omitempty"`
}

// StepUntil is a target step with the queue time it ends (zero: the last step).
type StepUntil struct {
	MinLevel int       `json:"min_level,omitempty"`
	Until    time.Time `json:"until,omitzero"`
}

// EnqueueInput is the enqueue signal's argument, with the queue-level settings (service level,
// handle time, bound) the latest handoff was decided with.
type EnqueueInput struct {
	Entry QueueEntry `json:"entry"`
	// The handoff's steps and waits are relative to when it is enqueued: the queue turns them
	// into Entry.Steps, Entry.KnownUntil and Entry.AgingSeconds on its own clock.
	KnownAgentWait string       `json:"known_agent_wait,omitempty"`
	Steps          []TargetStep `json:"steps,omitempty"`
	AgingEvery     string       `json:"aging_every,omitempty"`
	ServiceLevel   string       `json:"service_level,omitempty"`
	HandleTime     string       `json:"handle_time,omitempty"`
	MaxWaiting     int          `json:"max_waiting,omitempty"`
	// RosterVersion is the version of the group's people in the config the enqueue was made
	// with: a queue holding another reads its people again.
	RosterVersion string `json:"roster_version,omitempty"`
}

// QueueMember is one person of a queue's group as the roster has them.
type QueueMember struct {
	Agent    string         `json:"agent"`
	Skills   map[string]int `json:"skills,omitempty"`
	Capacity float64        `json:"capacity"`
	// Weights are the capacity a conversation of each channel takes from them.
	Weights map[string]float64 `json:"weights,omitempty"`
}

// Weight is what a conversation of the channel takes of the member's capacity: their weight
// for it, else 1.
func (m QueueMember) Weight(channel string) float64 {
	if w, ok := m.Weights[channel]; ok && w > 0 {
		return w
	}
	return 1
}

// AgentSnapshot is what a person's Agent workflow tells their queues after a change, and what
// a queue reads of each member when it starts. Version orders them: a queue keeps the newest.
type AgentSnapshot struct {
	Agent    string   `json:"agent"`
	Presence Presence `json:"presence"`
	// Load is the capacity in use (offers, assignments and wrap-ups, weighed by channel).
	Load float64 `json:"load"`
	// Held names the handoffs holding it, so a queue can tell which of its offers are counted.
	Held      []string  `json:"held,omitempty"`
	WrapUps   int       `json:"wrap_ups,omitempty"`
	IdleSince time.Time `json:"idle_since,omitzero"`
	Version   int64     `json:"version"`
}

// QueuePerson is a queue's view of one member: the latest snapshot, and what the queue learnt
// from its own offers (a refused reservation, a schedule that keeps them away until a time).
type QueuePerson struct {
	AgentSnapshot
	// Full: a reservation was refused while the view was at version FullAt, so the person is
	// taken as full until a newer snapshot arrives.
	Full   bool  `json:"full,omitempty"`
	FullAt int64 `json:"full_at,omitempty"`
	// BlockedUntil: ranking found them unavailable (a calendar event, outside their hours)
	// until then; Blocked says why.
	BlockedUntil time.Time `json:"blocked_until,omitzero"`
	Blocked      string    `json:"blocked,omitempty"`
}

// QueueOffer is the queue's signal to a waiting handoff: offer yourself to Agent; or, with
// Refused set, you are not in line (the queue is full, the entry malformed).
type QueueOffer struct {
	Group string `json:"group"`
	Agent string `json:"agent,omitempty"`
	// Seq numbers the queue's offers; At is the queue's time.
	Seq int64     `json:"seq,omitempty"`
	At  time.Time `json:"at"`
	// Forced: an operator's reassignment, made outside the queue's order.
	Forced bool `json:"forced,omitempty"`
	// EnqueuedAt and EntrySeq are when the handoff joined the line, on the queue's clock.
	EnqueuedAt time.Time `json:"enqueued_at,omitzero"`
	EntrySeq   int64     `json:"entry_seq,omitempty"`
	Refused    string    `json:"refused,omitempty"`
}

// Queue report kinds.
const (
	// ReportAccepted: the person accepted and took the conversation over: it leaves the queue.
	ReportAccepted = "accepted"
	// ReportReturned: the offer did not stand (declined, timed out, refused, unavailable): the
	// handoff waits again with its age.
	ReportReturned = "returned"
	// ReportLeft: the handoff stopped waiting (max wait, callback, the customer left,
	// cancelled, reassigned elsewhere).
	ReportLeft = "left"
	// ReportPriority: a supervisor changed its priority.
	ReportPriority = "priority"
	// ReportHeld: an operator reassigned it to Agent: it is offered there outside the order.
	ReportHeld = "held"
)

// QueueReport is a handoff's signal to its queue.
type QueueReport struct {
	HandoffID string `json:"handoff_id"`
	Kind      string `json:"kind"`
	Agent     string `json:"agent,omitempty"`
	Reason    string `json:"reason,omitempty"`
	// Exclude: do not offer it to Agent again (they declined it or let it time out).
	Exclude bool `json:"exclude,omitempty"`
	// Full: Agent's reservation was refused (at capacity, not online): skip them until their
	// next change. Until: Agent cannot take offers before then (a calendar, business hours);
	// Blocked without Until skips them for a minute.
	Full    bool      `json:"full,omitempty"`
	Blocked bool      `json:"blocked,omitempty"`
	Until   time.Time `json:"until,omitzero"`
	// Priority is the supervisor's new priority (ReportPriority).
	Priority *int `json:"priority,omitempty"`
}

// QueuePosition is a waiting handoff's place in line, and an estimate of its wait.
type QueuePosition struct {
	Group string `json:"group"`
	// Position is 1 for the next handoff to be offered; 0 when the handoff is not waiting
	// (offered right now, or unknown to the queue).
	Position int `json:"position"`
	Waiting  int `json:"waiting"`
	// Priority is its effective priority now (aging included); EnqueuedAt and Seq are when it
	// arrived, on the queue's clock.
	Priority   int       `json:"priority"`
	EnqueuedAt time.Time `json:"enqueued_at,omitzero"`
	Seq        int64     `json:"seq,omitempty"`
	// EstimateSeconds is the expected wait; negative when the queue cannot tell (nobody of the
	// group is online).
	EstimateSeconds int `json:"estimate_seconds"`
	PeopleOnline    int `json:"people_online"`
	// Offered names the person it is offered to right now.
	Offered string `json:"offered,omitempty"`
}

// QueueStats are a queue's real-time statistics, for the API, the CLI and the metrics.
type QueueStats struct {
	Group   string `json:"group"`
	Running bool   `json:"running"`
	// Waiting handoffs and those offered from the queue right now.
	Waiting            int     `json:"waiting"`
	Offered            int     `json:"offered"`
	LongestWaitSeconds float64 `json:"longest_wait_seconds"`
	AverageWaitSeconds float64 `json:"average_wait_seconds"`
	// Over the last hour: handoffs answered (accepted) and how long they had waited, and those
	// that left the queue unanswered.
	Answered             int     `json:"answered"`
	Left                 int     `json:"left"`
	AverageAnswerSeconds float64 `json:"average_answer_seconds"`
	// ServiceLevel is the share of the last hour's handoffs answered within the threshold,
	// counting those that left after it as missed; nil before any.
	ServiceLevel          *float64 `json:"service_level,omitempty"`
	ServiceLevelThreshold string   `json:"service_level_threshold"`
	PeopleOnline          int      `json:"people_online"`
	PeopleAvailable       int      `json:"people_available"`
	// Occupancy is the load of the people online over their capacity; nil with nobody online.
	Occupancy *float64      `json:"occupancy,omitempty"`
	People    []PersonStats `json:"people"`
	// Next lists the first waiting handoffs in the order they will be offered (IDs only).
	Next []QueuedHandoff `json:"next,omitempty"`
	// StateBytes is the size of the state the queue would carry into its next run (JSON, before
	// encryption); HistoryEvents the length of its current run's history.
	StateBytes    int `json:"state_bytes,omitempty"`
	HistoryEvents int `json:"history_events,omitempty"`
}

// PersonStats is one member's state and load as their queue sees it.
type PersonStats struct {
	Agent    string   `json:"agent"`
	Presence Presence `json:"presence"`
	// State: available (online, nothing held), busy (online, some load, room left), full,
	// wrap_up (wrap-ups are all they hold), blocked (a calendar or their hours), away,
	// offline.
	State    string  `json:"state"`
	Load     float64 `json:"load"`
	Capacity float64 `json:"capacity"`
	WrapUps  int     `json:"wrap_ups,omitempty"`
	Blocked  string  `json:"blocked,omitempty"`
}

// QueuedHandoff is one waiting handoff in the statistics.
type QueuedHandoff struct {
	Position       int     `json:"position"`
	ConversationID string  `json:"conversation_id"`
	Priority       int     `json:"priority"`
	WaitSeconds    float64 `json:"wait_seconds"`
	Offered        string  `json:"offered,omitempty"`
}

// QueueWait is one wait of a handoff in a queue, in its state: a handoff that overflows waits
// in more than one.
type QueueWait struct {
	Group string `json:"group"`
	// EnqueuedAt is when it joined the line, on the queue's clock.
	EnqueuedAt time.Time `json:"enqueued_at"`
	Seq        int64     `json:"seq,omitempty"`
	// Priority is the base priority, and Why what it is made of; a supervisor's change shows
	// as Override.
	Priority int      `json:"priority"`
	Why      []string `json:"why,omitempty"`
	Override *int     `json:"override,omitempty"`
	// Position and EstimateSeconds are the latest the customer was told (Announced times).
	Position        int  `json:"position,omitempty"`
	EstimateSeconds int  `json:"estimate_seconds,omitempty"`
	Announced       int  `json:"announced,omitempty"`
	CallbackOffered bool `json:"callback_offered,omitempty"`
	// Offers counts the queue's offers it received; FirstOffer is the first one's sequence
	// number and FirstOfferAt its time, on the queue's clock.
	Offers       int       `json:"offers,omitempty"`
	FirstOffer   int64     `json:"first_offer,omitempty"`
	FirstOfferAt time.Time `json:"first_offer_at,omitzero"`
	// LeftAt and Left: when and why it stopped waiting (accepted, max_wait, full, closed,
	// callback, abandoned, cancelled, reassigned).
	LeftAt time.Time `json:"left_at,omitzero"`
	Left   string    `json:"left,omitempty"`
}

// ReassignInput is an operator's reassignment of a waiting or offered handoff.
type ReassignInput struct {
	AgentID string `json:"agent_id"`
	By      string `json:"by,omitempty"`
}

// PriorityInput is a supervisor's new priority for a handoff waiting in a queue.
type PriorityInput struct {
	Priority int    `json:"priority"`
	By       string `json:"by,omitempty"`
}

// QueueNotice is what a position message says, for a source that words it itself.
type QueueNotice struct {
	Group           string `json:"group"`
	Position        int    `json:"position"`
	EstimateSeconds int    `json:"estimate_seconds"`
	CallbackOffered bool   `json:"callback_offered,omitempty"`
}

// Ticket is the asynchronous channel a handoff went to outside business hours.
type Ticket struct {
	Group    string    `json:"group"`
	At       time.Time `json:"at"`
	OpensAt  time.Time `json:"opens_at,omitzero"`
	Accepted bool      `json:"accepted"`
	Note     string    `json:"note,omitempty"`
}
