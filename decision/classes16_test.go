package decision_test

import "testing"

// The classes read from fresh15's misses, in words of their own, with the readings that must
// not come with them.
func TestClassesReadFromFresh15(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"frustration": {
			"thank you for never calling me back",
			"mil gracias por no avisarme que ya se había rentado",
			"drove two hours for a house that was already under contract. lovely way to spend my Sunday",
			"the assistant doesn't even know what HOA means",
			"you keep asking for my zip code, I gave it already",
			"honestly how else can I say it: I need a two bedroom",
			"I was very nice about it for a month. I'm done being nice.",
			"se me acabó la paciencia con el tema del depósito",
			"pick up your lockbox by Friday or it goes in the trash",
			"estoy hasta el moño de llamar a la oficina",
			"les escribí por lo del calentador y ni caso",
			"5 days to answer a yes or no question",
			"I have waited 3 days for a reply",
			"I pay $1,900 a month to live with no heat",
		},
		"legal": {
			"the county is demanding the shed be torn down, it's over the line",
			"if the buyer slips on the stairs before closing, am I liable?",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"frustration": {
			"thanks for not charging the late fee this time, really appreciate it",
			"would it be a nice use of our weekend to see three houses?",
			"the kitchen is state of the art, love it",
			"my son keeps asking about the pool, does it have one?",
			"can we put the old boxes in the dumpster or the trash room?",
			"llevo meses con dolor de espalda, necesito planta baja",
			"we closed with you two years ago and need a bigger place now",
			"thanks for not letting me miss the deadline",
			"we have been nice neighbours for 10 years",
			"can I park there or will it get towed?",
			"we pay 2000 a month to live with no HOA fees",
		},
		"human_request": {
			"I'd like my owner statements by mail please",
			"we need a broker price opinion for the bank",
		},
		"distress": {
			"the seller's homeowners insurance denied the roof claim, does that change the price?",
		},
		"legal": {
			"I represent a family office that owns twelve units, we want a new manager",
		},
	})
	// Two bare requests, then a third in words: asked again all the same.
	checkTrigger(t, "frustration", true, "human", "human please", "is there anybody there?")
	checkTrigger(t, "frustration", false, "human", "can I talk to a person about the lease?")
}
