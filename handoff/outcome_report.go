package handoff

import (
	"fmt"
	"math"
)

// OutcomeReport is a conversation's late business outcome, reported days after its handoffs
// (POST /v1/conversations/{id}/outcomes, `starter outcome`), or for a conversation that never
// handed off, which is what the no-handoff baseline is made of. Every field is optional, but a
// report must carry one; a later report fills in what an earlier one lacked. Numbers and a
// label only: never the customer's words.
type OutcomeReport struct {
	Converted *bool    `json:"converted,omitempty"`
	Revenue   *float64 `json:"revenue,omitempty"`
	// CSAT is the customer's satisfaction, 1 to 5.
	CSAT     *int  `json:"csat,omitempty"`
	Resolved *bool `json:"resolved,omitempty"`
	// Label is a category such as "listing_signed" (see IsLabel).
	Label string `json:"label,omitempty"`
	// DaysAfter is how many days after the handoff the outcome was known, 0 to 3650.
	DaysAfter *int `json:"days_after,omitempty"`
}

// MaxRevenue bounds a reported revenue: anything larger is a unit mistake (cents, not dollars).
const MaxRevenue = 1e12

// Validate names the first field that is wrong.
func (r OutcomeReport) Validate() error {
	switch {
	case r.Converted == nil && r.Revenue == nil && r.CSAT == nil && r.Resolved == nil && r.Label == "" && r.DaysAfter == nil:
		return &FieldError{"body", "reports nothing: give at least one of converted, revenue, csat, resolved, label, days_after"}
	case r.CSAT != nil && (*r.CSAT < 1 || *r.CSAT > 5):
		return &FieldError{"csat", fmt.Sprintf("%d is not 1 to 5", *r.CSAT)}
	case r.Revenue != nil && (math.IsNaN(*r.Revenue) || *r.Revenue < 0 || *r.Revenue > MaxRevenue):
		return &FieldError{"revenue", fmt.Sprintf("%v is not between 0 and %.0f", *r.Revenue, MaxRevenue)}
	case r.Label != "" && !IsLabel(r.Label):
		return &FieldError{"label", "must be a category of at most 64 lower-case letters, digits, '_', '.' or '-' (such as listing_signed), not a sentence"}
	case r.DaysAfter != nil && (*r.DaysAfter < 0 || *r.DaysAfter > 3650):
		return &FieldError{"days_after", fmt.Sprintf("%d is not 0 to 3650", *r.DaysAfter)}
	}
	return nil
}
