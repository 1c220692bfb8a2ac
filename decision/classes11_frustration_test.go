package decision_test

import "testing"

// The frustration classes read from fresh10's misses, each in words of its own rather than
// the set's lines, with the readings that must not come with them.
func TestFrustrationClassesReadFromFresh10(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"frustration": {
			// incredulity at what the customer is asked to bear
			"so you're telling me I pay the HOA and still shovel the walk myself?",
			"a ver si entiendo: pago la comisión y encima tengo que hacer yo las fotos",
			// one job and not done
			"you people had one job, the lockbox code",
			// the only way to get an answer
			"guess driving to your office is the only way to get an answer from you",
			// an account demanded
			"explain to me how the deposit ended up in the wrong account",
			// patience at its end, in idioms
			"esto ya colmó el vaso, tercera vez sin agua caliente",
			"this is the last straw with the leasing office",
			// mock praise of the service
			"vaya servicio, una semana sin respuesta",
			// leaving for good, or warning others
			"jamás vuelvo a rentar con ustedes",
			"vamos a publicar en el grupo del edificio cómo nos atendieron",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"frustration": {
			// an account asked calmly
			"could you explain how the earnest money gets returned if we walk?",
			// one job among the customer's own
			"I have one job and two kids, so evenings work best",
			// distress said in an idiom of the customer's own life
			"I'm at the end of my rope with the medical bills",
			// another agent asked for, not a move away
			"¿me pueden pasar con otro agente? el mío está de vacaciones",
			"el notario dice que así no se puede escriturar, ¿qué hacemos?",
			// an accusation against the customer, a party ignoring an order, stopping a thing
			"the buyer claims we hid the water damage, is that a legal problem?",
			"the court ordered him to sign, but he keeps ignoring it",
			"can I buy it back or stop it somehow?",
			// praise that is meant
			"vaya servicio tan rápido, ¡gracias!",
		},
	})
	// Nudged twice after something said; greetings are no nudges.
	checkTrigger(t, "frustration", true, "the disclosure for 12 Oak?", "hello", "anyone")
	checkTrigger(t, "frustration", true, "status of the repair at unit 3", "hello", "is anyone there")
	checkTrigger(t, "frustration", false, "hi", "hello", "hey")
	checkTrigger(t, "frustration", false, "thanks!", "hello", "one more thing: is parking included?")
}
