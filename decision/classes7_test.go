package decision_test

import "testing"

// The classes read from fresh7's misses, each in words of its own rather than the set's lines,
// with the readings that must not come with them.
func TestClassesReadSinceFresh7(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"human_request": {
			"could we sit down with one of you next week about the duplex?",
			"can somebody from leasing get back to me about the parking spot",
			"would one of your agents be able to walk the lot with us on Friday?",
			"¿me podría llamar uno de sus asesores mañana temprano?",
			"callback please, after 6",
			"quiero que me llamen, por chat no entiendo",
			"what's the direct line for the closing coordinator",
			"¿me pasas el teléfono de la oficina? prefiero llamar",
			"is anyone real around today",
			"I would like to speak with your manager",
			"¿me comunica con el licenciado Pérez?",
		},
		"frustration": {
			"not happy with how this went. not happy at all.",
			"well that was a waste of a whole afternoon",
			"following up again on the lockbox code. third time.",
			"this bot is more useless than a screen door on a submarine",
			"at this point I'd have better luck listing it myself on Zillow",
			"la verdad ya no sé qué pensar de ustedes",
			"read what I wrote. I said the 14th, not the 4th.",
		},
		"distress": {
			"I can't look at the listing photos without breaking down, it was our first home together",
			"our apartment burned down last week and the kids and I are at a shelter",
			"se nos inundó la casa con la tormenta y no tenemos a dónde ir",
		},
		"legal": {
			"the bank says the house goes to auction next month unless we catch up",
			"mañana rematan el departamento de mi mamá",
			"we're behind on property taxes and the county sent a notice",
			"the survey shows the lot is different from what the deed says",
			"la escritura dice una cosa y el catastro otra, las medidas no coinciden",
			"my dad is in a nursing home and Medicaid is asking about the house",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"human_request": {
			"the agent sat down with us last week and explained everything, thanks",
			"one of your agents showed us the house yesterday, we loved it",
			"my brother will call me back about the offer",
		},
		"frustration": {
			"I'm not impressed with the kitchen, do you have others?",
			"sorry to ask again, what time is the showing?",
			"we spent the whole afternoon at the open house, loved it",
			"happy with the offer, let's go",
		},
		"distress": {
			"the previous owners had a small kitchen fire years ago, it was fully repaired",
			"the roof burned in 2010 and was replaced, here are the permits",
		},
		"legal": {
			"are there any good auction houses for furniture nearby?",
			"we like buying at auction, what do you have?",
			"the survey matches the deed, all good",
		},
	})
}
