// Package handoff is the shared contract between bots, human agents, operators and the
// workflow: names, IDs, input and output types, phases and outcomes. It imports nothing from
// Temporal so any client (a bot in another language included) can follow it from the JSON
// tags alone, and so the pure logic built on it can be tested and benchmarked on its own.
package handoff

import (
	"strings"
	"time"
)

// TaskQueue is where the handoff worker polls.
const TaskQueue = "handoff"

// Temporal names. They are part of the public API: bots and operators use them with any
// Temporal SDK or the temporal CLI, so they never change once released.
const (
	WorkflowName = "Handoff"

	// Accept and Decline are Updates (validated, answered at once) and Signals of the same name
	// (so `temporal workflow signal` and the Web UI work too). Both take AnswerInput.
	UpdateAccept  = "accept"
	UpdateDecline = "decline"
	// Confirm answers a handoff that waits for a person's yes or no before it runs. ConfirmInput.
	UpdateConfirm = "confirm"
	// SignalEvent carries a conversation event (Event) into the workflow in any phase.
	SignalEvent = "event"
	// QueryState returns State.
	QueryState = "state"
	// UpdateContextAck is the receiving agent's acknowledgement of the context it got
	// (ContextAckInput): what it has and what it misses.
	UpdateContextAck = "context_ack"
)

// WorkflowIDPrefix prefixes the conversation ID to form the workflow ID.
const WorkflowIDPrefix = "handoff-"

// WorkflowID is the one handoff workflow ID of a conversation: a second start while one runs
// returns the running one, a start after it closed begins a new run.
func WorkflowID(conversationID string) string { return WorkflowIDPrefix + conversationID }

// HandoffID names one run of a conversation's handoff: "<workflow ID>/<run ID>". Deliveries,
// reservations and outcome records carry it, so two handoffs of the same conversation never
// share a reservation or an idempotency key.
func HandoffID(workflowID, runID string) string { return workflowID + "/" + runID }

// ConversationIDFromWorkflowID reverses WorkflowID; ok is false for other workflow IDs.
func ConversationIDFromWorkflowID(id string) (string, bool) {
	if !strings.HasPrefix(id, WorkflowIDPrefix) {
		return "", false
	}
	return strings.TrimPrefix(id, WorkflowIDPrefix), true
}

// Search attribute names. Values are agent IDs, scenario names, phases and outcomes only: no
// PII ever goes here because Temporal stores search attributes unencrypted.
const (
	SASource   = "HandoffSource"
	SATarget   = "HandoffTarget"
	SAOutcome  = "HandoffOutcome"
	SAPhase    = "HandoffPhase"
	SAScenario = "HandoffScenario"
	// SACompleteness (Double) is the share, 0 to 1, of the receiver's required context that
	// reached it intact, less the times the customer had to repeat themselves.
	SACompleteness = "HandoffCompleteness"
)

// SearchAttributeNames lists the Keyword search attributes the namespace must have.
var SearchAttributeNames = []string{SASource, SATarget, SAOutcome, SAPhase, SAScenario}

// SearchAttributeTypes gives the type of every custom search attribute the namespace must have.
var SearchAttributeTypes = map[string]string{
	SASource: "Keyword", SATarget: "Keyword", SAOutcome: "Keyword", SAPhase: "Keyword", SAScenario: "Keyword",
	SACompleteness: "Double",
}

// Phase is where a handoff is. Phases are in the order the workflow runs them.
type Phase string

const (
	PhaseAnalyzing            Phase = "analyzing"
	PhaseSelecting            Phase = "selecting"
	PhaseAwaitingConfirmation Phase = "awaiting_confirmation"
	PhaseCheckingAvailability Phase = "checking_availability"
	PhasePreparingCustomer    Phase = "preparing_customer"
	PhaseBriefing             Phase = "briefing"
	PhaseAwaitingAcceptance   Phase = "awaiting_acceptance"
	PhaseConfirming           Phase = "confirming"
	PhaseMonitoring           Phase = "monitoring"
	PhaseRecording            Phase = "recording"
	PhaseClosed               Phase = "closed"
)

// PhaseConsulting comes after selecting when a consult rule matched: experts advise the
// source, which keeps the customer, and recording follows (no transition).
const PhaseConsulting Phase = "consulting"

// Outcome is how a handoff ended. Every run ends with exactly one.
type Outcome string

const (
	// OutcomeCompleted: a target accepted, owns the conversation, and the monitoring window ran.
	OutcomeCompleted Outcome = "completed"
	// OutcomeNoHandoff: the rules decided the conversation stays where it is.
	OutcomeNoHandoff Outcome = "no_handoff"
	// OutcomeDeclined: the last target offered declined; the source keeps the conversation.
	OutcomeDeclined Outcome = "declined"
	// OutcomeTimedOut: the last target offered did not answer in time; the source keeps it.
	OutcomeTimedOut Outcome = "timed_out"
	// OutcomeNoCapacity: no candidate was available at all; the source keeps it.
	OutcomeNoCapacity Outcome = "no_capacity"
	// OutcomeRejected: the person asked to confirm said no; the source keeps it.
	OutcomeRejected Outcome = "rejected"
	// OutcomeConfirmationTimedOut: nobody confirmed in time; the source keeps it.
	OutcomeConfirmationTimedOut Outcome = "confirmation_timed_out"
	// OutcomeFailed: delivery to every target failed; the source keeps it.
	OutcomeFailed Outcome = "failed"
	// OutcomeCancelled: an operator cancelled the handoff; the source keeps it unless a target
	// had already been confirmed.
	OutcomeCancelled Outcome = "cancelled"
	// OutcomeAbandoned: the customer left before a target took over; open offers are withdrawn.
	OutcomeAbandoned Outcome = "abandoned"
	// OutcomeTakenOver: a target accepted and owns the conversation, but the source could not
	// be reached to let go of it (its webhook failed or was too slow). The target was told
	// so, and reaches the customer directly; the source is told as soon as it answers again.
	OutcomeTakenOver Outcome = "taken_over"
	// OutcomeConsulted: a consult rule matched; experts advised the source, which kept the
	// customer throughout (State.Consultation says how it went).
	OutcomeConsulted Outcome = "consulted"
)

// Message is one line of the conversation transcript.
type Message struct {
	// Role is "customer", "agent", "system" or "tool".
	Role string    `json:"role"`
	Text string    `json:"text"`
	At   time.Time `json:"at,omitzero"`
}

// Customer identifies the person in the conversation. It is PII: it travels in payloads only,
// never in workflow IDs, search attributes or logs.
type Customer struct {
	ID    string `json:"id,omitempty"`
	Name  string `json:"name,omitempty"`
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
}

// ConversationState, RelationshipContext and BusinessContext are the seed's three context
// sections. Free-form maps keep bots' custom state intact through the handoff.
type ConversationState struct {
	IntentAnalysis     []IntentAnalysis `json:"intent_analysis,omitempty"`
	PreferenceProfile  map[string]any   `json:"preference_profile,omitempty"`
	ObjectionHistory   []string         `json:"objection_history,omitempty"`
	ProgressMilestones []string         `json:"progress_milestones,omitempty"`
}

// IntentAnalysis is one intent reading with its confidence (0 to 1).
type IntentAnalysis struct {
	Intent     string    `json:"intent"`
	Confidence float64   `json:"confidence"`
	At         time.Time `json:"at,omitzero"`
}

type RelationshipContext struct {
	RapportLevel        float64  `json:"rapport_level,omitempty"`
	CommunicationStyle  string   `json:"communication_style,omitempty"`
	EmotionalState      string   `json:"emotional_state,omitempty"`
	RelationshipHistory []string `json:"relationship_history,omitempty"`
	// LastAgent is the person who last served this customer (from the bot or its CRM): a
	// queue offers them the handoff first, for a short preferred wait.
	LastAgent string `json:"last_agent,omitempty"`
}

type BusinessContext struct {
	OpportunityValue  float64 `json:"opportunity_value,omitempty"`
	TimelinePressure  string  `json:"timeline_pressure,omitempty"`
	CompetitionRisk   string  `json:"competition_risk,omitempty"`
	ReferralPotential float64 `json:"referral_potential,omitempty"`
}

// Input starts a handoff. It is one JSON document (see samples/).
type Input struct {
	ConversationID string    `json:"conversation_id"`
	SourceAgent    string    `json:"source_agent"`
	Customer       Customer  `json:"customer"`
	Messages       []Message `json:"messages"`
	// Signals are the scores and facts the rules read, named as in the seeds
	// (intent_confidence, intent_category, property_value, complexity_score, ...).
	// Values are numbers, strings or booleans.
	Signals map[string]any `json:"signals,omitempty"`
	// SourceResult is what the source agent produced last (the agent league matches keywords
	// in it as well as in the latest customer message).
	SourceResult        string              `json:"source_result,omitempty"`
	ConversationState   ConversationState   `json:"conversation_state"`
	RelationshipContext RelationshipContext `json:"relationship_context"`
	BusinessContext     BusinessContext     `json:"business_context"`
	// MonitoringWindow overrides the configured window for this handoff ("5m", "30s").
	MonitoringWindow string `json:"monitoring_window,omitempty"`
	// Channel is how the customer talks to us (chat, voice, email, ...): a person's capacity
	// counts conversations by their channel's weight. Empty means chat.
	Channel string `json:"channel,omitempty"`
	// Reescalation is set on a handoff a monitoring rule started (handoff/monitoring.go).
	Reescalation *Reescalation `json:"reescalation,omitempty"`
	// Handback, WarmTransfer and Lineage are set by the handback and transfer routes only
	// (handoff/collab.go): the person's way out, and the handoffs this one follows.
	Handback     *Handback     `json:"handback,omitempty"`
	WarmTransfer *WarmTransfer `json:"warm_transfer,omitempty"`
	Lineage      []Link        `json:"lineage,omitempty"`
	// FirstHandoff is set by the API when Temporal holds no earlier run of the conversation's
	// workflow: the ping-pong guard has nothing to count and skips its visibility lookup.
	FirstHandoff bool `json:"first_handoff,omitempty"`
}

// Candidate is one possible target, in the order they are tried.
type Candidate struct {
	Agent string `json:"agent"`
	Rule  string `json:"rule,omitempty"`
	// Confidence is 0 to 100 where the rule gives one (the agent league does).
	Confidence float64 `json:"confidence,omitempty"`
}

// Reason is one condition that decided a routing, with the value the engine saw.
type Reason struct {
	Rule      string `json:"rule"`
	Condition string `json:"condition"`
	Value     any    `json:"value"`
	Matched   bool   `json:"matched"`
	Text      string `json:"text"`
}

// Protocol is how a handoff of a scenario is carried out (from the seed's scenarios).
type Protocol struct {
	Scenario           string `json:"scenario"`
	IntroductionScript string `json:"introduction_script,omitempty"`
	FirstResponse      string `json:"first_response,omitempty"`
	PreparationTime    string `json:"preparation_time,omitempty"`
	CustomerMessage    string `json:"customer_message,omitempty"`
	// OfferTimeout bounds how long a human has to accept ("60s" when empty).
	OfferTimeout string `json:"offer_timeout,omitempty"`
	// Skills the receiving person should have; candidates are ranked by them.
	Skills []string `json:"skills,omitempty"`
	// ParallelOffers offers to up to this many people at once (first accept wins); 0 means 1.
	ParallelOffers int `json:"parallel_offers,omitempty"`
	// Priority is the handoff's base priority in a queue; the conversation adds to it.
	Priority int `json:"priority,omitempty"`
}

// Decision is the routing answer for one conversation, printed by `starter decide` and
// recorded in the workflow history (so config changes never alter a handoff in flight).
type Decision struct {
	Handoff              bool        `json:"handoff"`
	Target               string      `json:"target"`
	RequiresConfirmation bool        `json:"requires_confirmation"`
	Rule                 string      `json:"rule"`
	Scenario             string      `json:"scenario"`
	Reasons              []Reason    `json:"reasons"`
	Candidates           []Candidate `json:"candidates"`
	FallbackAgent        string      `json:"fallback_agent,omitempty"`
	Analyzer             string      `json:"analyzer"`
	RulesVersion         string      `json:"rules_version"`
	Protocol             Protocol    `json:"protocol"`
	// Message is what to say to the customer or the confirming person (league handoff message).
	Message string `json:"message,omitempty"`
	// Signals are the signals the rules read: the bot's, plus any the analyzer derived.
	Signals map[string]any `json:"signals,omitempty"`
	// Urgent handoffs go at once; others may wait for a natural breakpoint.
	Urgent bool `json:"urgent,omitempty"`
	// Settings are the deployment's timings captured with the decision, so a config change
	// never alters a handoff in flight.
	Settings Settings `json:"settings"`
	// Experiment is the conversation's assignment in an experiment whose rules it matched
	// (handoff/experiments.go), with the variant already applied to the fields above.
	Experiment *Assignment `json:"experiment,omitempty"`
	// Consult is set when the rule's action is consult: experts advise the source, which
	// keeps the customer (handoff/consultation_contract.go).
	Consult *ConsultSpec `json:"consult,omitempty"`
	// Approval is the rule's team decision (handoff/collab.go); nil: none needed.
	Approval *ApprovalSpec `json:"approval,omitempty"`
}

// Settings are the timings a handoff runs with. Durations are Go duration strings.
type Settings struct {
	MonitoringWindow    string `json:"monitoring_window"`
	OfferTimeout        string `json:"offer_timeout"`
	ConfirmationTimeout string `json:"confirmation_timeout"`
	// BreakpointWait bounds how long a non-urgent handoff waits for a natural breakpoint.
	BreakpointWait string `json:"breakpoint_wait"`
	// QuietPeriod without a customer message counts as a natural breakpoint.
	QuietPeriod string `json:"quiet_period"`
	// ReservationLease bounds an offered reservation whose handoff vanished.
	ReservationLease string `json:"reservation_lease,omitempty"`
	// AwayOnTimeout sets a person away when an offer to them times out, as contact centers do.
	AwayOnTimeout bool `json:"away_on_timeout,omitempty"`
	// PingPongMaxHandoffs within PingPongWindow send the conversation to a supervisor instead
	// of bouncing it again; 0 turns the guard off.
	PingPongMaxHandoffs int    `json:"pingpong_max_handoffs,omitempty"`
	PingPongWindow      string `json:"pingpong_window,omitempty"`
	// FastBotPath runs a bot target's I/O steps as local activities (see config).
	FastBotPath bool `json:"fast_bot_path,omitempty"`
	// FastPersonSteps extends the fast bot path to the steps of a person handoff that neither
	// change a person's state nor hold their answer: ranking people (reads), preparing the
	// customer through a bot source, and the outcome record. Captured with the rest,
	// so handoffs decided before it existed replay with those steps as regular activities.
	FastPersonSteps bool `json:"fast_person_steps,omitempty"`
	// Events publishes the handoff's state changes (config events:). Captured like the rest,
	// so handoffs decided before events were configured, or before this field existed, replay
	// unchanged.
	Events bool `json:"events,omitempty"`
	// Monitoring is the window's rules (handoff/monitoring.go); nil: the window only records.
	Monitoring *MonitorSpec `json:"monitoring,omitempty"`
	// FollowUp plans check-ins (handoff/followup.go); nil: none.
	FollowUp *FollowUpSpec `json:"follow_up,omitempty"`
	// CSAT asks the customer's verdict at the window's end (handoff/csat.go); nil: not asked.
	CSAT *CSATSpec `json:"csat,omitempty"`
}

// AnswerInput is the argument of the accept and decline Updates and Signals.
type AnswerInput struct {
	AgentID string `json:"agent_id"`
	Reason  string `json:"reason,omitempty"`
}

// ConfirmInput is the argument of the confirm Update and Signal.
type ConfirmInput struct {
	Yes bool   `json:"yes"`
	By  string `json:"by,omitempty"`
}

// EventType names the conversation events a handoff takes.
type EventType string

const (
	EventCustomerMessage EventType = "customer_message"
	EventSentiment       EventType = "sentiment"
	EventOutcome         EventType = "outcome"
	EventTurnComplete    EventType = "turn_complete"
	// EventCustomerLeft: the customer closed the chat or hung up.
	EventCustomerLeft EventType = "customer_left"
	// EventCustomerRepeated: the customer had to repeat something they had already said; it
	// counts against context preservation.
	EventCustomerRepeated EventType = "customer_repeated"
)

// ContextAckInput is the receiving agent's acknowledgement of the context package.
type ContextAckInput struct {
	AgentID string `json:"agent_id"`
	// Received and Missing list required field paths of the package's template.
	Received []string `json:"received,omitempty"`
	Missing  []string `json:"missing,omitempty"`
}

// Event is a conversation event sent by a bot or agent (Signal "event").
type Event struct {
	Type EventType `json:"type"`
	// Text of a customer_message.
	Text string `json:"text,omitempty"`
	// Sentiment is -1 (very negative) to 1 (very positive), for sentiment events.
	Sentiment float64 `json:"sentiment,omitempty"`
	// Outcome is the receiver's own verdict for outcome events ("success", "lost", ...).
	Outcome string    `json:"outcome,omitempty"`
	At      time.Time `json:"at,omitzero"`
	// CSAT is the customer's score, 1 to 5, for csat events (Text is their comment).
	CSAT int `json:"csat,omitempty"`
	// From is the agent that sent the event, as the API authenticated it (empty for events
	// signalled directly through Temporal).
	From string `json:"from,omitempty"`
}

// Offer is one attempt to give the conversation to a target.
type Offer struct {
	Agent  string `json:"agent"`
	Kind   string `json:"kind"`
	Result string `json:"result"`
	Reason string `json:"reason,omitempty"`
	// Note is what ranking could not check of the agent, e.g. a calendar that could not be
	// read, so business hours alone decided they were free; and why learned routing moved
	// them, when it did.
	Note      string    `json:"note,omitempty"`
	StartedAt time.Time `json:"started_at"`
	EndedAt   time.Time `json:"ended_at,omitzero"`
}

// Offer results.
const (
	OfferPending     = "pending"
	OfferAccepted    = "accepted"
	OfferDeclined    = "declined"
	OfferTimedOut    = "timed_out"
	OfferUnavailable = "unavailable"
	OfferFailed      = "failed"
	OfferCancelled   = "cancelled"
	// OfferUnknown: the agent's availability could not be read (the Temporal service or the
	// worker was unreachable). It never counts as "not available": a handoff whose candidates
	// were all unknown ends failed, not no_capacity.
	OfferUnknown = "unknown"
)

// ContextStatus is what the handoff knows of the context the receiver got: the package's
// completeness when sent, the receiver's acknowledgement, re-sends and repeats.
type ContextStatus struct {
	Template string `json:"template"`
	// Completeness is the share of required fields intact in the package as delivered.
	Completeness float64 `json:"completeness"`
	// NotSent are required fields the source never sent.
	NotSent []string `json:"not_sent,omitempty"`
	// Enrichment says what the CRM lookup added, or why there was none.
	Enrichment string `json:"enrichment,omitempty"`
	// Ack is the receiver's acknowledgement scored against the template, once it came.
	Ack *Preservation `json:"ack,omitempty"`
	// Repeats counts customer_repeated events: each counts against preservation.
	Repeats int `json:"repeats,omitempty"`
	// Resent lists required fields re-sent after the receiver said it missed them.
	Resent []string `json:"resent,omitempty"`
	// Flag is set when required context could not reach the receiver.
	Flag string `json:"flag,omitempty"`
	// Preservation is the final score: intact / (required + repeats).
	Preservation float64 `json:"preservation"`
}

// Callback is a follow-up planned for the next slot when one of the people who could have
// taken the conversation is free: within business hours and not busy in their calendars.
type Callback struct {
	At         time.Time `json:"at"`
	Agents     []string  `json:"agents"`
	WorkflowID string    `json:"workflow_id,omitempty"`
	// Notes say what the plan could not check, e.g. a calendar that could not be read, so
	// business hours alone placed that person's slot.
	Notes []string `json:"notes,omitempty"`
}

// Transfer is how ownership moved: the source let go first, then the target took over, so
// the customer never has two owners; OwnerlessMs is how long they had none.
type Transfer struct {
	// SourceReleasedAt is when the source acknowledged that it let go (zero while it could
	// not be reached).
	SourceReleasedAt time.Time `json:"source_released_at,omitzero"`
	// TargetConfirmedAt is when the target was confirmed as the owner.
	TargetConfirmedAt time.Time `json:"target_confirmed_at,omitzero"`
	// SourceUnreachable is set when the source could not be told to let go: the target took
	// over regardless (outcome taken_over), and TellSourceWorkflowID keeps telling the source
	// until it answers.
	SourceUnreachable    bool   `json:"source_unreachable,omitempty"`
	TellSourceWorkflowID string `json:"tell_source_workflow_id,omitempty"`
	// Reclaimed lists targets whose takeover failed after the source let go: the source was
	// given the customer back before the next candidate was tried.
	Reclaimed []string `json:"reclaimed,omitempty"`
	// OwnerlessMs is the total time between the source letting go and a target (or the
	// source again) taking the customer.
	OwnerlessMs int64 `json:"ownerless_ms"`
	// Notes are what went wrong on the way that did not stop the transfer.
	Notes []string `json:"notes,omitempty"`
}

// PhaseTiming records when a phase began and ended.
type PhaseTiming struct {
	Phase     Phase     `json:"phase"`
	StartedAt time.Time `json:"started_at"`
	EndedAt   time.Time `json:"ended_at,omitzero"`
}

// Monitoring is what the monitoring window saw.
type Monitoring struct {
	Window           string    `json:"window"`
	CustomerMessages int       `json:"customer_messages"`
	Sentiments       []float64 `json:"sentiments,omitempty"`
	ReportedOutcome  string    `json:"reported_outcome,omitempty"`
	EndedEarly       bool      `json:"ended_early,omitempty"`
	// OwnerFirstResponseMs is how long the new owner took to answer first (agent_message).
	OwnerFirstResponseMs *int64 `json:"owner_first_response_ms,omitempty"`
	// Findings are the monitoring rules that held, with their actions and reasons.
	Findings []Finding `json:"findings,omitempty"`
}

// The state keeps the latest events only, so that no sender (a chatty bot, or one signalling
// through Temporal directly, where the API's limits do not apply) can grow the query answer
// and the result past Temporal's 2 MiB blob limit: a handoff whose result is too large is
// terminated by the server and its outcome lost.
const (
	// MaxKeptEvents is how many events the state keeps.
	MaxKeptEvents = 100
	// MaxKeptEventBytes bounds the text the kept events hold in all.
	MaxKeptEventBytes = 64 << 10
	// MaxKeptEventText bounds the text of one kept event (longer text is cut, marked "…").
	MaxKeptEventText = 2 << 10
	// MaxResultBytes bounds the encoded result; past it the decision's signals are left out.
	MaxResultBytes = 512 << 10
)

// State is what the state query returns, and the core of the workflow's result.
type State struct {
	ConversationID string    `json:"conversation_id"`
	SourceAgent    string    `json:"source_agent"`
	Phase          Phase     `json:"phase"`
	Decision       *Decision `json:"decision,omitempty"`
	Offers         []Offer   `json:"offers"`
	CurrentOffer   *Offer    `json:"current_offer,omitempty"`
	// OpenOffers lists every offer awaiting an answer (several with parallel offers).
	OpenOffers []Offer `json:"open_offers,omitempty"`
	// Callback is the follow-up planned when nobody could take the conversation.
	Callback *Callback `json:"callback,omitempty"`
	// Queues are the waits in people's queues, the current one last.
	Queues []QueueWait `json:"queues,omitempty"`
	// Ticket is the asynchronous channel the handoff went to outside business hours.
	Ticket *Ticket `json:"ticket,omitempty"`
	// FollowUp is the check-in planned when the outcome or a monitoring rule called for one.
	FollowUp *FollowUp `json:"follow_up,omitempty"`
	// CSAT is the satisfaction question and the customer's answer, when asked or given.
	CSAT *CSATStatus `json:"csat,omitempty"`
	// Context is how well the context reached the receiver.
	Context *ContextStatus `json:"context,omitempty"`
	// Transfer is how ownership moved, once a target accepted.
	Transfer *Transfer     `json:"transfer,omitempty"`
	Target   string        `json:"target,omitempty"`
	Owner    string        `json:"owner"`
	Timings  []PhaseTiming `json:"timings"`
	// Events are the latest conversation events, at most MaxKeptEvents of them and
	// MaxKeptEventBytes in all; EventsDropped counts the older ones let go.
	Events        []Event `json:"events,omitempty"`
	EventsDropped int     `json:"events_dropped,omitempty"`
	// Truncated says what was left out to keep the result under MaxResultBytes.
	Truncated  string      `json:"truncated,omitempty"`
	Monitoring *Monitoring `json:"monitoring,omitempty"`
	// Chain lists the earlier handoffs that monitoring moved on, this one's last when it did.
	Chain         []ChainLink `json:"chain,omitempty"`
	Outcome       Outcome     `json:"outcome,omitempty"`
	OutcomeReason string      `json:"outcome_reason,omitempty"`
	StartedAt     time.Time   `json:"started_at"`
	BriefedAt     time.Time   `json:"briefed_at,omitzero"`
	AcceptedAt    time.Time   `json:"accepted_at,omitzero"`
	EndedAt       time.Time   `json:"ended_at,omitzero"`

	// Consultation is the consultation a consult rule started.
	Consultation *ConsultationRef `json:"consultation,omitempty"`
	// Lineage are the earlier handoffs of the conversation this one follows (a handback or
	// a transfer), oldest first; Predecessor is the last of them.
	Lineage     []Link `json:"lineage,omitempty"`
	Predecessor string `json:"predecessor,omitempty"`
	// Approval is the team decision, while and after it is asked.
	Approval *ApprovalStatus `json:"approval,omitempty"`
	// Notes are a warm transfer's notes between sender and receiver.
	Notes []Note `json:"notes,omitempty"`
	// StretchEnded is the end-of-stretch marker of a handback that moved ownership.
	StretchEnded *EndOfStretch `json:"stretch_ended,omitempty"`
	// HandoffID names this run; Kind is how it was started (handoff, handback, transfer).
	HandoffID string `json:"handoff_id,omitempty"`
	Kind      string `json:"kind,omitempty"`
}

// Result is what a finished handoff returns: its final state.
type Result = State
