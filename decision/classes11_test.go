package decision_test

import "testing"

// The other triggers' classes read from fresh10's misses, in words of their own, with the
// readings that must not come with them.
func TestClassesReadSinceFresh10(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"human_request": {
			"how do i get an actual agent on the line",
			"pásame el whatsapp de una asesora para escribirle",
			"¿no me pueden atender una persona mañana?",
		},
		"distress": {
			"the eviction notice came today and my hands are shaking",
			"estoy temblando, el banco rechazó la hipoteca y ya vendimos",
		},
		"legal": {
			"the condo board is banning rentals and my tenant's lease runs to June",
			"the contractor walked off with our deposit, we want to sue him for it",
			"mis hermanos se pelean por la casa de mi mamá desde que murió",
			"the builder went bankrupt before finishing our unit",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"human_request": {
			"do i get an agent assigned automatically?",
		},
		"distress": {
			"I'm shaking with excitement, they accepted!!",
			"our HOA just passed a new rule about trash cans",
		},
		"legal": {
			"does the HOA allow rentals?",
			"the builder finished early, can we move in sooner?",
		},
	})
}
