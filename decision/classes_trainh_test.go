package decision_test

import "testing"

// The classes read from train-h's misses, in words of their own, with the near misses that
// must stay calm.
func TestClassesReadFromTrainH(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"frustration": {
			// an ultimatum, the bot that never understands, love of a mistreatment
			"if nobody calls me by noon I'm going with another agency, I am done",
			"you never listen, I said two bedrooms",
			"love getting transferred three times for one question",
			"me encanta que me cuelguen a media llamada",
			// anger said plainly, a demand back
			"I'm livid about the cleaning fee",
			"we want our application fee refunded, today",
			// passed around, the same thing again and again
			"you're the fourth different person I've talked to about the leak",
			"I've uploaded my pay stubs 4 times now",
			"no voy a llenar la solicitud otra vez",
			// the customer's business lost, absurd means, insults, a shambles
			"your typo in the address is costing us buyers",
			"should I try smoke signals next?",
			"this booking system is an absolute farce",
			"tu asistente tiene memoria de pez",
			// talking to a wall, no talking to the service
			"hola?? estoy hablando sola o qué",
			"does anyone even read these messages",
			"con ustedes no hay manera, de verdad",
			// mock congratulations, the worst of its kind, what more, what the fee buys
			"perdimos la casa por su retraso, felicidades a todos",
			"the slowest brokerage in the state, honestly",
			"la agencia más desorganizada que he visto... no, la peor",
			"ya mandé todo, ¿qué más quieren de mí?",
			"this is what we pay you 6% for?",
			// made clear, a price raised on the customer, a sarcastic good to know
			"I specifically asked for ground floor and you send me a walk-up",
			"they raised the rent after we signed the renewal form",
			"good to know that 'asap' means two weeks here",
		},
	})
	// A curt dismissal as the whole message, after a wrong answer.
	checkTrigger(t, "frustration", true, "show me condos with parking", "none of these have parking", "ugh")
	checkTrigger(t, "frustration", true, "pets allowed?", "that one says no pets", "whatever")
	checkTriggers(t, false, map[string][]string{
		"frustration": {
			// someone else's complaint, with the customer's own praise
			"my cousin says your office never calls back, but you've been quick with me",
			// a seller's price, a lucky try, the customer's own slip
			"the owners want a crazy number for that duplex, comps?",
			"fourth offer, third time's the charm wasn't true but fingers crossed",
			"sorry, I forgot what you said about parking, is it included?",
			// a review ruled out, real help, a joke
			"not going to leave a bad review, just asking about the pool",
			"that rent calculator saved us so much time",
			"is the attic haunted? jk. seriously though, is it insulated?",
			// others who keep calling, pay that does not stretch
			"the tenants keep calling about the parking spots, can you help me draft a notice?",
			"con mi sueldo no llego a ese precio, ¿hay algo más barato?",
			// a curt word that is the customer's own slip
			"ugh, I forgot my ID, can we move the showing?",
		},
		"human_request": {
			"¿la doctora de la casa de al lado vende también?",
		},
	})
	checkTrigger(t, "human_request", true, "¿Está disponible el licenciado Paredes? Nos ayudó con el contrato.")
	checkTrigger(t, "legal", true, "me acogí a la ley de segunda oportunidad, ¿puedo comprar?")
}
