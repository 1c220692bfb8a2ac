package decision_test

import "testing"

// The classes read from fresh13's misses, in words of their own, with the readings that must
// not come with them.
func TestClassesReadFromFresh13(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"frustration": {
			"I won't ask again. Send the lease today.",
			"I'm not asking again, send it right now",
			"no lo vuelvo a repetir, quiero mi depósito",
			"esto no se queda así, voy a poner una queja formal",
			"that's what you told me yesterday and nothing happened",
			"I will keep hunting on my own like always",
			"why do I even expect something different at this point",
			"paid on time and still got a late fee anyway",
			"the pictures must have been taken before the fire, nothing matches",
			"you may want to mention the highway noise in the ad before people waste a trip",
			"you said the survey gap was nothing to worry about and now the bank won't lend",
			"Fix it.",
			"if we don't hear anything by Monday we're switching agencies",
			"so we're just supposed to guess the HOA dues?",
		},
		"human_request": {
			"This isn't working. Agent. Please.",
			"Could my agent call me after 5?",
			"Is Tomas available? He helped us with the offer last spring.",
			"¿Puede llamarme Lucía? Ella nos enseñó la casa.",
			"I'd like to talk to the landlord directly about the repairs",
			"is anyone really there?",
		},
		"distress": {
			"living out of my car right now, need anything cheap",
			"it's been a miserable year, my husband left and the bills piled up",
			"no sé cómo volver a empezar, toda mi vida estuvo en esa casa",
			"we lost the deposit and I'm sick about it, that was our savings",
			"after what happened there I can't set foot in that house again",
		},
		"legal": {
			"the owner changed the locks on us without any notice",
			"estoy en insolvencia personal, ¿puedo rentar?",
			"me van a rematar la casa en diciembre",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"frustration": {
			"sorry to keep asking, is the showing still at 4?",
			"killer location, seriously, can we tour it friday?",
			"I'm trying to reach a person at the title company, do you have their number?",
			"what else do I have to do before the closing?",
			"if I don't hear back from the bank I'll call them myself",
			"That's what you told me yesterday, perfect, see you at 4",
			"I'm not asking again, just confirming: is it Tuesday?",
			"I'll come by myself as usual, my husband is working",
			"the photos were taken in the spring?",
		},
		"human_request": {
			"Is Birch Court available? It's close to the school.",
			"my agent called me this morning, all good now",
			"The listing agent. Very kind. Thanks again.",
		},
		"distress": {
			"the title insurance claim was denied, what now for the sale?",
			"it's been a crazy year for the market, right?",
		},
		"legal": {
			"I'm a lawyer myself, ha, I just want a quiet street",
			"do you have auction properties?",
			"the new owner is changing the locks before move-in, can I get a copy?",
		},
	})
	// A request made again, and louder, is impatience as well.
	checkTrigger(t, "frustration", true, "operator", "OPERATOR")
	checkTrigger(t, "frustration", true, "human", "human please", "human")
	checkTrigger(t, "frustration", false, "agent", "thanks")
}
