package handoff

import "time"

// The customer's verdict: at the end of the monitoring window the owner is asked to put a
// satisfaction question to the customer (a csat_question delivery), and the answer comes back
// as a csat event (a score of 1 to 5 and optional free text), or later through
// POST /v1/conversations/{id}/outcomes. The score goes to the handoff log's
// conversation_outcomes; the free text stays in the handoff's state (an encrypted payload),
// never in search attributes, logs, metrics or the log store.

// EventCSAT carries the customer's answer to the satisfaction question: CSAT 1-5 and Text.
const EventCSAT EventType = "csat"

// DeliveryCSATQuestion asks the owner to put the satisfaction question to the customer.
const DeliveryCSATQuestion DeliveryType = "csat_question"

// CSATSpec is handoff.csat as captured into a decision.
type CSATSpec struct {
	Question string `json:"question"`
	// Wait is how long the handoff waits for the answer after asking.
	Wait string `json:"wait"`
}

// CSAT is the customer's answer as the handoff keeps it.
type CSAT struct {
	Score int `json:"score"`
	// Comment is the customer's own words: payload only, never indexed or logged.
	Comment string    `json:"comment,omitempty"`
	From    string    `json:"from,omitempty"`
	At      time.Time `json:"at"`
}

// CSATStatus is what became of the question.
type CSATStatus struct {
	AskedAt time.Time `json:"asked_at,omitzero"`
	// Note says why it was not asked or not answered ("asking failed: ...", "no answer
	// within 2m0s: a later answer goes through the outcomes API").
	Note   string `json:"note,omitempty"`
	Answer *CSAT  `json:"answer,omitempty"`
}
