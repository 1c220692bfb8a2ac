package handoff

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"
)

// A consultation asks experts for advice while the primary agent keeps the customer: a rule
// whose action is consult starts one from the handoff, and any agent may ask for one during a
// conversation (POST /v1/consultations). Experts get a consultation brief in parallel and
// answer with structured advice; the workflow merges the answers into an advisory brief for
// the primary agent by the deadline.
const (
	ConsultationWorkflowName = "Consultation"
	ConsultationIDPrefix     = "consultation-"

	// UpdateConsultAnswer is an expert's advice (AdviceInput), validated and answered at once
	// with the consultation's state. Also taken as a Signal of the same name.
	UpdateConsultAnswer = "answer"
	// QueryConsultation returns ConsultationState.
	QueryConsultation = "state"
	// SignalEvent (customer_left) ends a consultation: the customer is gone, so the advice is
	// of no use and the experts' offers and capacity are released.
)

// ActionConsult is a routing rule's action that asks experts instead of handing over.
const ActionConsult = "consult"

// Coordination is how experts work alongside the primary agent.
const (
	// CoordinationBackground: the primary agent gets the merged brief once, at the end.
	CoordinationBackground = "background_consultation"
	// CoordinationLive: the primary agent also gets each answer the moment it arrives.
	CoordinationLive = "live"
)

// Customer awareness of a consultation.
const (
	// AwarenessTransparent: the customer is told (through the primary agent) who reviews
	// their case.
	AwarenessTransparent = "transparent_expert_team"
	// AwarenessSilent: the customer is told nothing.
	AwarenessSilent = "silent"
)

// Consultation limits.
const (
	MinConsultDeadline     = 10 * time.Second
	MaxConsultDeadline     = 24 * time.Hour
	DefaultConsultDeadline = "10m"
	MaxConsultExperts      = 10
	MaxAdviceText          = 2 << 10
	MaxAdviceNotes         = 8 << 10
	MaxConsultQuestion     = 2 << 10
)

// ConsultSpec is what a consult rule (or an advisory request) asks for; captured in the
// decision so a config change never alters a consultation in flight.
type ConsultSpec struct {
	// PrimaryAgent keeps the customer throughout; the source agent when empty.
	PrimaryAgent string `json:"primary_agent,omitempty"`
	// Experts are agent IDs from the roster: bots and specialists get a consult delivery at
	// their webhook, people an offer through their entity workflow.
	Experts           []string `json:"consulting_experts"`
	Coordination      string   `json:"coordination_method"`
	CustomerAwareness string   `json:"customer_awareness"`
	// Deadline is a Go duration: answers after it are not merged.
	Deadline string `json:"deadline"`
	// Quorum is how many answers make the consultation a success; all experts when 0.
	Quorum int `json:"quorum,omitempty"`
	// Question is what the experts are asked.
	Question string `json:"question,omitempty"`
	// CustomerMessage is said to the customer in transparent mode; "{experts}" is replaced by
	// the experts' names.
	CustomerMessage string `json:"customer_message,omitempty"`
}

// DefaultTransparentMessage tells the customer who reviews their case.
const DefaultTransparentMessage = "While we keep talking, {experts} are reviewing your case; I'll share what they advise."

// QuorumOrAll is the quorum in effect.
func (s ConsultSpec) QuorumOrAll() int {
	if s.Quorum <= 0 {
		return len(s.Experts)
	}
	return s.Quorum
}

// Check explains what is wrong with a consult spec, naming the key under prefix, or returns
// nil. Whether the experts are on the roster is the caller's check.
func (s ConsultSpec) Check(prefix string) error {
	key := func(k string) string { return prefix + k }
	if len(s.Experts) == 0 {
		return &FieldError{key("consulting_experts"), "is required: name at least one expert"}
	}
	if len(s.Experts) > MaxConsultExperts {
		return &FieldError{key("consulting_experts"), fmt.Sprintf("has %d experts; at most %d", len(s.Experts), MaxConsultExperts)}
	}
	seen := map[string]bool{}
	for i, e := range s.Experts {
		switch {
		case e == "":
			return &FieldError{fmt.Sprintf("%s[%d]", key("consulting_experts"), i), "is empty"}
		case seen[e]:
			return &FieldError{fmt.Sprintf("%s[%d]", key("consulting_experts"), i), fmt.Sprintf("%s is named twice", Quote(e))}
		case e == s.PrimaryAgent:
			return &FieldError{fmt.Sprintf("%s[%d]", key("consulting_experts"), i), fmt.Sprintf("%s is the primary agent; it cannot consult itself", Quote(e))}
		}
		seen[e] = true
	}
	switch s.Coordination {
	case CoordinationBackground, CoordinationLive:
	default:
		return &FieldError{key("coordination_method"), fmt.Sprintf("%s is not %s or %s", Quote(s.Coordination), CoordinationBackground, CoordinationLive)}
	}
	switch s.CustomerAwareness {
	case AwarenessTransparent, AwarenessSilent:
	default:
		return &FieldError{key("customer_awareness"), fmt.Sprintf("%s is not %s or %s", Quote(s.CustomerAwareness), AwarenessTransparent, AwarenessSilent)}
	}
	if _, problem := CheckDuration(s.Deadline, MinConsultDeadline, MaxConsultDeadline); problem != "" {
		return &FieldError{key("deadline"), problem}
	}
	if s.Quorum < 0 || s.Quorum > len(s.Experts) {
		return &FieldError{key("quorum"), fmt.Sprintf("%d must be between 1 and the number of experts (%d); 0 means all", s.Quorum, len(s.Experts))}
	}
	if len(s.Question) > MaxConsultQuestion {
		return &FieldError{key("question"), fmt.Sprintf("is %d bytes; at most %d", len(s.Question), MaxConsultQuestion)}
	}
	return nil
}

var consultKeyPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// ConsultationID is the workflow ID of a conversation's consultation: key is the handoff's
// run or the requester's request ID, so a retried request finds the same consultation.
func ConsultationID(conversationID, key string) string {
	return ConsultationIDPrefix + conversationID + "." + key
}

// ValidateConsultationID explains what is wrong with a consultation ID, or returns nil.
func ValidateConsultationID(id string) error {
	rest, ok := strings.CutPrefix(id, ConsultationIDPrefix)
	conv, key, dot := strings.Cut(rest, ".")
	if !ok || !dot || ValidateConversationID(conv) != nil || !consultKeyPattern.MatchString(key) {
		return &FieldError{"consultation_id", fmt.Sprintf("%s is not a consultation ID (consultation-<conversation id>.<key>)", Quote(id))}
	}
	return nil
}

// ValidateRequestID explains what is wrong with an advisory request's request_id, or nil.
func ValidateRequestID(key string) error {
	if !consultKeyPattern.MatchString(key) {
		return &FieldError{"request_id", "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"}
	}
	return nil
}

// ConsultationBrief is what each expert gets: the minimum context to advise, and no
// customer identity (the customer's name, phone and email stay with the primary agent).
type ConsultationBrief struct {
	ConsultationID string `json:"consultation_id"`
	ConversationID string `json:"conversation_id"`
	PrimaryAgent   string `json:"primary_agent"`
	Question       string `json:"question"`
	Scenario       string `json:"scenario,omitempty"`
	Rule           string `json:"rule,omitempty"`
	// Summary is what the primary agent produced last (its source_result).
	Summary string `json:"summary,omitempty"`
	// Signals are the scores and facts the rules read.
	Signals           map[string]any  `json:"signals,omitempty"`
	PreferenceProfile map[string]any  `json:"preference_profile,omitempty"`
	ObjectionHistory  []string        `json:"objection_history,omitempty"`
	BusinessContext   BusinessContext `json:"business_context"`
	// CustomerSaid are the customer's latest messages (at most three).
	CustomerSaid []string  `json:"customer_said,omitempty"`
	Deadline     time.Time `json:"deadline"`
	Experts      []string  `json:"experts"`
}

// NewConsultationBrief fills a brief from a conversation's input.
func NewConsultationBrief(in Input, question string) ConsultationBrief {
	b := ConsultationBrief{
		ConversationID:    in.ConversationID,
		PrimaryAgent:      in.SourceAgent,
		Question:          question,
		Summary:           in.SourceResult,
		Signals:           in.Signals,
		PreferenceProfile: in.ConversationState.PreferenceProfile,
		ObjectionHistory:  in.ConversationState.ObjectionHistory,
		BusinessContext:   in.BusinessContext,
	}
	for i := len(in.Messages) - 1; i >= 0 && len(b.CustomerSaid) < 3; i-- {
		if in.Messages[i].Role == "customer" {
			b.CustomerSaid = append([]string{in.Messages[i].Text}, b.CustomerSaid...)
		}
	}
	return b
}

// ConsultationInput starts a Consultation workflow.
type ConsultationInput struct {
	Spec  ConsultSpec       `json:"spec"`
	Brief ConsultationBrief `json:"brief"`
	// RequestedBy is the agent that asked (the primary agent, or the handoff's source).
	RequestedBy string `json:"requested_by"`
	// HandoffID is the handoff that started it, when a consult rule did.
	HandoffID string `json:"handoff_id,omitempty"`
	// Channel and ReservationLease size the people's reservations like a handoff's offers.
	Channel          string `json:"channel,omitempty"`
	ReservationLease string `json:"reservation_lease,omitempty"`
	// ExpertNames are the roster names of the experts, for the customer message.
	ExpertNames map[string]string `json:"expert_names,omitempty"`
	// People are the experts who are persons (answer offers themselves).
	People []string `json:"people,omitempty"`
}

// AdviceInput is one expert's answer (the answer Update and Signal, and the API's body).
type AdviceInput struct {
	Expert         string  `json:"expert"`
	Recommendation string  `json:"recommendation"`
	Confidence     float64 `json:"confidence"`
	Notes          string  `json:"notes,omitempty"`
	// Decline says the expert will not advise (Reason says why); no recommendation then.
	Decline bool   `json:"decline,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

// Validate explains what is wrong with an answer, or returns nil.
func (a AdviceInput) Validate() error {
	if a.Expert == "" {
		return &FieldError{"expert", "is required"}
	}
	if a.Decline {
		if len(a.Reason) > MaxAdviceText {
			return &FieldError{"reason", fmt.Sprintf("is %d bytes; at most %d", len(a.Reason), MaxAdviceText)}
		}
		return nil
	}
	switch {
	case strings.TrimSpace(a.Recommendation) == "":
		return &FieldError{"recommendation", "is required (or decline: true with a reason)"}
	case len(a.Recommendation) > MaxAdviceText:
		return &FieldError{"recommendation", fmt.Sprintf("is %d bytes; at most %d", len(a.Recommendation), MaxAdviceText)}
	case math.IsNaN(a.Confidence) || a.Confidence < 0 || a.Confidence > 1:
		return &FieldError{"confidence", fmt.Sprintf("%v must be between 0 and 1", a.Confidence)}
	case len(a.Notes) > MaxAdviceNotes:
		return &FieldError{"notes", fmt.Sprintf("is %d bytes; at most %d", len(a.Notes), MaxAdviceNotes)}
	}
	return nil
}

// Advice is an answer as the consultation took it.
type Advice struct {
	Expert         string    `json:"expert"`
	Recommendation string    `json:"recommendation"`
	Confidence     float64   `json:"confidence"`
	Notes          string    `json:"notes,omitempty"`
	At             time.Time `json:"at"`
}

// Expert statuses.
const (
	ExpertPending     = "pending"
	ExpertAsked       = "asked"
	ExpertAnswered    = "answered"
	ExpertLate        = "late"
	ExpertFailed      = "failed"
	ExpertDeclined    = "declined"
	ExpertUnavailable = "unavailable"
	ExpertWithdrawn   = "withdrawn"
)

// ExpertStatus is where one expert of a consultation stands.
type ExpertStatus struct {
	Agent  string `json:"agent"`
	Person bool   `json:"person,omitempty"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
	// Reserved: a person's capacity is held for the consultation until they answer or it ends.
	Reserved bool    `json:"reserved,omitempty"`
	Advice   *Advice `json:"advice,omitempty"`
}

// Consultation outcomes.
const (
	ConsultSucceeded    = "succeeded"
	ConsultQuorumNotMet = "quorum_not_met"
	ConsultAbandoned    = "abandoned"
	ConsultCancelled    = "cancelled"
)

// RecommendationGroup is one recommendation with the experts behind it.
type RecommendationGroup struct {
	Recommendation string   `json:"recommendation"`
	Experts        []string `json:"experts"`
	// Weight is the sum of their confidences.
	Weight float64 `json:"weight"`
}

// Missing is an expert who gave no advice, and why.
type Missing struct {
	Agent  string `json:"agent"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// AdvisoryBrief is the merged advice the primary agent gets.
type AdvisoryBrief struct {
	ConsultationID string `json:"consultation_id"`
	Question       string `json:"question"`
	Outcome        string `json:"outcome"`
	Quorum         int    `json:"quorum"`
	Answered       int    `json:"answered"`
	Experts        int    `json:"experts"`
	// Consensus is the recommendation with the most confidence behind it; Agreement is its
	// share of all the confidence given (0 to 1).
	Consensus       string                `json:"consensus,omitempty"`
	Agreement       float64               `json:"agreement"`
	MeanConfidence  float64               `json:"mean_confidence"`
	Recommendations []RecommendationGroup `json:"recommendations"`
	Answers         []Advice              `json:"answers"`
	// Missing names the late, failed, declined and unavailable experts.
	Missing []Missing `json:"missing,omitempty"`
	// Text is the brief in a few lines a person reads at a glance.
	Text string `json:"text"`
}

// ConsultationState is what the state query returns, and the workflow's result.
type ConsultationState struct {
	ID             string         `json:"id"`
	ConversationID string         `json:"conversation_id"`
	PrimaryAgent   string         `json:"primary_agent"`
	RequestedBy    string         `json:"requested_by"`
	HandoffID      string         `json:"handoff_id,omitempty"`
	Spec           ConsultSpec    `json:"spec"`
	Experts        []ExpertStatus `json:"experts"`
	// CustomerTold is set once the primary agent was asked to tell the customer who reviews
	// their case (transparent mode).
	CustomerTold bool           `json:"customer_told,omitempty"`
	Deadline     time.Time      `json:"deadline"`
	Outcome      string         `json:"outcome,omitempty"`
	Brief        *AdvisoryBrief `json:"brief,omitempty"`
	// BriefDelivered is set once the primary agent acknowledged the advisory brief.
	BriefDelivered bool      `json:"brief_delivered,omitempty"`
	StartedAt      time.Time `json:"started_at"`
	EndedAt        time.Time `json:"ended_at,omitzero"`
}

// IsExpert reports whether agent is one of the consultation's experts.
func (s ConsultationState) IsExpert(agent string) bool {
	for _, e := range s.Experts {
		if e.Agent == agent {
			return true
		}
	}
	return false
}

// ConsultationRef is what a handoff's state keeps of the consultation its rule started.
type ConsultationRef struct {
	ID       string `json:"id"`
	Outcome  string `json:"outcome,omitempty"`
	Answered int    `json:"answered"`
	Quorum   int    `json:"quorum"`
}

// AdvisoryRequest is the body of POST /v1/consultations: an agent asks for advice during a
// conversation, with no handoff.
type AdvisoryRequest struct {
	// RequestID makes the request idempotent: the same ID finds the same consultation.
	RequestID string `json:"request_id"`
	// Conversation is the conversation as for a handoff (conversation_id, source_agent = the
	// primary agent, messages, signals, ...).
	Conversation Input       `json:"conversation"`
	Consult      ConsultSpec `json:"consult"`
}
