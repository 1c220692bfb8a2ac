package handoff

import "time"

// DeliveryType names what a webhook call to an agent carries.
type DeliveryType string

const (
	// DeliveryPrepareCustomer asks the source agent to tell the customer a handoff is coming.
	DeliveryPrepareCustomer DeliveryType = "prepare_customer"
	// DeliveryBriefing gives a bot or specialist the package; a 2xx answer is its acceptance.
	DeliveryBriefing DeliveryType = "briefing"
	// DeliveryOffer notifies a person of an offer they must accept or decline.
	DeliveryOffer DeliveryType = "offer"
	// DeliveryTransferred tells the source and the target that ownership moved to the target.
	DeliveryTransferred DeliveryType = "transferred"
	// DeliveryStandDown tells a briefed target that the handoff will not reach it after all.
	DeliveryStandDown DeliveryType = "stand_down"
	// DeliveryFallback tells the source it keeps the customer (or has it back, after a target
	// that could not take over), with a script to say.
	DeliveryFallback DeliveryType = "fallback"
	// DeliveryCallback reminds people that a planned callback of a customer is due.
	DeliveryCallback DeliveryType = "callback"
	// DeliveryContextResend re-sends the required fields a receiver's context_ack missed.
	DeliveryContextResend DeliveryType = "context_resend"
	// DeliveryAlert tells a supervisor what a monitoring rule saw (the rule and its reason).
	DeliveryAlert DeliveryType = "alert"
	// DeliveryConsult asks an expert for advice (Consultation carries the brief); a person
	// gets it as an offer of the consultation, answered with the answer Update or the API.
	DeliveryConsult DeliveryType = "consult"
	// DeliveryConsultNotice asks the primary agent to tell the customer who reviews their
	// case (Message), in transparent mode.
	DeliveryConsultNotice DeliveryType = "consult_notice"
	// DeliveryAdvice gives the primary agent one expert's answer the moment it arrives (live
	// coordination); DeliveryAdvisory the merged brief at the end (Advisory).
	DeliveryAdvice   DeliveryType = "advice"
	DeliveryAdvisory DeliveryType = "advisory"
	// DeliveryApprovalRequest asks an approver for their vote on a handoff.
	DeliveryApprovalRequest DeliveryType = "approval_request"
)

// Delivery is the JSON body POSTed to an agent's webhook or notification URL.
type Delivery struct {
	Type DeliveryType `json:"type"`
	// HandoffID is unique per handoff run: "<workflow ID>/<run ID>".
	HandoffID      string `json:"handoff_id"`
	ConversationID string `json:"conversation_id"`
	From           string `json:"from"`
	To             string `json:"to"`
	// Message is what the receiving agent should say (customer preparation, introduction,
	// fallback script).
	Message string `json:"message,omitempty"`
	// Brief is a few lines a person reads in five seconds.
	Brief   string   `json:"brief,omitempty"`
	Package *Package `json:"package,omitempty"`
	// OfferExpiresAt is when an offer to a person times out.
	OfferExpiresAt time.Time `json:"offer_expires_at,omitzero"`
	// SourceUnreachable tells a target that the source agent could not be reached: the
	// customer may not have heard that a handoff is coming, so introduce yourself (or reach
	// them directly) rather than continue mid-thread.
	SourceUnreachable bool `json:"source_unreachable,omitempty"`
	// Queue is what a queue_position message says, for a source that words it itself.
	Queue *QueueNotice `json:"queue,omitempty"`
	// Consultation is an expert's brief (consult deliveries); Advisory the merged advice and
	// Advice one answer, for the primary agent.
	Consultation *ConsultationBrief `json:"consultation,omitempty"`
	Advisory     *AdvisoryBrief     `json:"advisory,omitempty"`
	Advice       *Advice            `json:"advice,omitempty"`
	// EndOfStretch is on a handback's deliveries to the bot: the person let go first.
	EndOfStretch *EndOfStretch `json:"end_of_stretch,omitempty"`
}
