package analytics

import "time"

// Handoff is one handoff of the log as the analytics read it: IDs, agents, numbers and
// labels, with the late outcome of its conversation when one was reported.
type Handoff struct {
	HandoffID      string
	ConversationID string
	Source         string
	Target         string
	// TargetKind is the roster kind of the target (bot, specialist, human, supervisor).
	TargetKind string
	Scenario   string
	Rule       string
	Template   string
	Outcome    string
	StartedAt  time.Time
	// TransitionMs is start to the target confirmed as the owner (nil: ownership never moved).
	TransitionMs *int64
	Offers       []Offer
	// Preservation is the final context preservation score, 0 to 1 (nil: no context sent).
	Preservation *float64
	Repeats      int
	// SentimentMean is the mean of the sentiment readings after the transfer (nil: none).
	SentimentMean *float64
	// ReEscalations counts handoffs away from the target within the monitoring window.
	ReEscalations   int
	PingPongStopped bool
	// Late is the conversation's reported business outcome (nil: none reported yet).
	Late *Outcome
	// Experiment and Variant are the experiment the handoff was assigned in and its variant
	// (handoff.VariantHeldOut for the hold-out); Exposed says the variant was really used,
	// and AssignP is the chance of that variant when it was assigned.
	Experiment string
	Variant    string
	Exposed    bool
	AssignP    *float64
	// Signals are the decision's inputs as recorded (numbers, flags and categories; never the
	// customer's words), for re-deciding with other rules; nil for handoffs recorded before
	// they were kept.
	Signals map[string]any
}

// Offer is one attempt to give the conversation to an agent.
type Offer struct {
	Agent  string
	Kind   string
	Result string
	// AnswerMs is the time from the offer to the person's answer (nil: not answered).
	AnswerMs *int64
	// DeclineCode is the category a declining person gave (never their words).
	DeclineCode string
}

// Outcome is a conversation's late business outcome; nil fields were not reported.
type Outcome struct {
	Converted *bool
	Revenue   *float64
	CSAT      *int
	Resolved  *bool
	Label     string
	DaysAfter *int
}

// Conversation is a conversation with a reported outcome, for the no-handoff baseline: HandedOff
// says whether ownership ever moved (a completed or taken_over handoff); Attempted whether any
// handoff was tried and failed, leaving it with its source.
type Conversation struct {
	ConversationID string
	HandedOff      bool
	Attempted      bool
	Outcome        Outcome
}

// Outcomes in which ownership moved to the target.
const (
	OutcomeCompleted = "completed"
	OutcomeTakenOver = "taken_over"
	OutcomeNoHandoff = "no_handoff"
	OutcomeAbandoned = "abandoned"
	// OutcomeReescalated and OutcomeHandedBack: the target took the conversation over and the
	// monitoring window then moved it on (ReEscalations is 1): moved, and not a success.
	OutcomeReescalated = "reescalated"
	OutcomeHandedBack  = "handed_back"
	// OutcomeHeldOut: an experiment's hold-out kept the conversation with its source; like
	// no_handoff it is not a handoff tried.
	OutcomeHeldOut = "held_out"
	// OutcomeConsulted: experts advised the source, which kept the conversation; like
	// no_handoff it is not a handoff tried.
	OutcomeConsulted = "consulted"
)

// Moved reports whether the handoff moved the conversation to its target.
func (h Handoff) Moved() bool {
	switch h.Outcome {
	case OutcomeCompleted, OutcomeTakenOver, OutcomeReescalated, OutcomeHandedBack:
		return true
	}
	return false
}

// IsPerson reports whether an agent kind is a person (human or supervisor).
func IsPerson(kind string) bool { return kind == "human" || kind == "supervisor" }
