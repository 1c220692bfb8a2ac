package handoff

import "time"

// Monitoring rules act on what the monitoring window sees: a customer who turns angry, an
// owner who never answers, a customer who asks for someone else. Each rule is a CEL
// condition over a MonitorView and an action. The rules are captured with the decision
// (Settings.Monitoring) like every other setting, so a config change never alters a handoff in
// flight.

// MonitorAction is what a monitoring rule does when its condition holds.
type MonitorAction string

const (
	// ActionReescalate ends this handoff (outcome reescalated) and starts the next one from
	// the current owner to the rule's target, with the findings in its context.
	ActionReescalate MonitorAction = "reescalate"
	// ActionAlert notifies the rule's target (a supervisor) and changes nothing else.
	ActionAlert MonitorAction = "alert"
	// ActionHandback ends this handoff (outcome handed_back) and starts the next one from the
	// current owner back to the agent that handed the conversation over.
	ActionHandback MonitorAction = "handback"
	// ActionExtend lengthens the window by the rule's extend duration (once per rule).
	ActionExtend MonitorAction = "extend"
)

// The outcomes of a handoff that the monitoring window ended by moving the conversation on.
// The new owner did take it over: the next run of the same workflow ID carries it further.
const (
	OutcomeReescalated Outcome = "reescalated"
	OutcomeHandedBack  Outcome = "handed_back"
)

// EventAgentMessage is the owner's reply to the customer. Only its time is used: it measures
// how long the new owner took to answer.
const EventAgentMessage EventType = "agent_message"

// MonitorRule is one monitoring rule as configured (handoff.monitoring.rules).
type MonitorRule struct {
	Name string `json:"name" mapstructure:"name"`
	// When is a CEL expression over the MonitorView variables.
	When   string        `json:"when" mapstructure:"when"`
	Action MonitorAction `json:"action" mapstructure:"action"`
	// Target is the agent or group a re-escalation goes to, or the supervisor an alert goes
	// to; unused by handback (the previous agent) and extend.
	Target string `json:"target,omitempty" mapstructure:"target"`
	// Script is what the current owner says to the customer before the next handoff.
	Script string `json:"script,omitempty" mapstructure:"script"`
	// Extend is how much longer the window runs (extend only; the window's length if empty).
	Extend string `json:"extend,omitempty" mapstructure:"extend"`
}

// MonitorSpec is the monitoring configuration captured into a decision.
type MonitorSpec struct {
	Rules []MonitorRule `json:"rules"`
	// Check is how often the rules are evaluated while nothing arrives and the owner has not
	// answered yet, so "the owner never answered" is seen without an event to wake it.
	Check string `json:"check,omitempty"`
	// Version is a hash of the rules: the evaluator compiles each version once.
	Version string `json:"version"`
}

// MonitorView is what the rules see. Its JSON names are the CEL variables.
type MonitorView struct {
	// SentimentLast, SentimentMean and SentimentDrop (the highest reading minus the latest)
	// are absent from CEL until a sentiment arrives: a rule on them is then false.
	SentimentLast  *float64 `json:"sentiment_last,omitempty"`
	SentimentMean  *float64 `json:"sentiment_mean,omitempty"`
	SentimentDrop  *float64 `json:"sentiment_drop,omitempty"`
	SentimentCount int      `json:"sentiment_count"`
	// CustomerMessages counts the customer's messages in the window.
	CustomerMessages int `json:"customer_messages"`
	// OwnerFirstResponseSeconds is absent until the owner first answers.
	OwnerFirstResponseSeconds *float64 `json:"owner_first_response_seconds,omitempty"`
	// OwnerSilent: the owner has not answered yet; OwnerSilentSeconds is for how long (0 once
	// it answered).
	OwnerSilent        bool    `json:"owner_silent"`
	OwnerSilentSeconds float64 `json:"owner_silent_seconds"`
	// WindowSeconds is the time since the window opened.
	WindowSeconds float64 `json:"window_seconds"`
	// OwnerPerson: the owner is a person (human or supervisor), so a rule can send an angry
	// customer of a bot to a person and alert a supervisor about one a person serves.
	OwnerPerson bool `json:"owner_person"`
	// Repeats counts customer_repeated events.
	Repeats int `json:"repeats"`
	// Texts are the customer's messages in the window, scanned for the cues below by the
	// evaluator; never a CEL variable and never logged.
	Texts []string `json:"texts,omitempty"`
	// PreviousAgent is the agent that handed the conversation over (asked_for_previous).
	PreviousAgent string `json:"previous_agent,omitempty"`
}

// MonitorInput is what the evaluator is given: the captured rules, the view, and the rules
// that already acted in this window (each rule acts once).
type MonitorInput struct {
	Spec  MonitorSpec `json:"spec"`
	View  MonitorView `json:"view"`
	Fired []string    `json:"fired,omitempty"`
}

// MonitorMatch is a rule whose condition held, with why in words (numbers and cue names, never
// the customer's text).
type MonitorMatch struct {
	Rule   MonitorRule `json:"rule"`
	Reason string      `json:"reason"`
}

// Finding is a rule that held during the window, what it did and why.
type Finding struct {
	Rule   string        `json:"rule"`
	Action MonitorAction `json:"action"`
	Target string        `json:"target,omitempty"`
	Reason string        `json:"reason"`
	// Result is what came of the action: "done", "failed: ...", or "blocked: ..." (the
	// ping-pong guard stopped a re-escalation).
	Result string    `json:"result"`
	At     time.Time `json:"at"`
}

// ChainLink is one handoff of a conversation that the monitoring window moved on, carried from
// run to run so the state shows the chain and the ping-pong guard counts it.
type ChainLink struct {
	HandoffID string    `json:"handoff_id"`
	From      string    `json:"from"`
	To        string    `json:"to"`
	Outcome   Outcome   `json:"outcome"`
	Reason    string    `json:"reason"`
	At        time.Time `json:"at"`
}

// Reescalation starts a handoff that a monitoring rule asked for: it forces the target and
// carries the findings and the chain so far.
type Reescalation struct {
	Rule   string        `json:"rule"`
	Action MonitorAction `json:"action"`
	Target string        `json:"target"`
	// Script is what the customer is told by the source (the owner that hands on).
	Script   string      `json:"script,omitempty"`
	Findings []Finding   `json:"findings,omitempty"`
	Chain    []ChainLink `json:"chain,omitempty"`
}
