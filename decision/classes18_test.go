package decision_test

import "testing"

// The classes read from fresh17's misses, in words of their own, with the readings that must
// not come with them.
func TestClassesReadFromFresh17(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"frustration": {
			"do you have any idea how much money we lost on that open house?",
			"the campaign ran with the wrong logo, do you understand how much that cost us?",
			"the portal keeps kicking me out before I can pay rent",
			"the app crashed and ate my application, 4 times now",
			"stop pretending you read my message",
			`so the "move-in ready" part was a lie`,
			"fix your billing system, I got charged for a month I wasn't there",
			"already paid the invoice and you keep sending me reminders",
			"qué cabreo con el tema de la fianza",
			"estoy re caliente con ustedes, nadie me avisó de la visita",
			"les dejo una reseña bien negativa en Google",
		},
		"distress": {
			"siento que le estoy fallando a mis hijos, no encuentro nada que pueda pagar",
			"llevo dos meses de atraso con la renta",
		},
		"legal": {
			"la casa tiene usufructo a favor de la abuela",
			"There's a life estate on the cottage, can it still be sold?",
			"our logo might infringe a competitor's trademark",
			"the shed is built over the property line of the neighbor",
			"my siblings are fighting over the house since dad died",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"frustration": {
			"I've been to the house 3 times now and we love it",
			"do you have any idea how many bedrooms the Elm St house has?",
			"is there a way to cancel the lease early? we're moving for work",
			"for the record, the kitchen was perfect",
			"mi hermano vendió su carro sin avisarnos jaja",
			"ni siquiera califico para el préstamo, ¿qué opciones tengo?",
		},
		"human_request": {
			"is it a representative sample of the neighborhood?",
		},
		"legal": {
			"the agency charged $300 for edits we never approved",
			"beautiful estate on the lake, 5 acres",
		},
	})
	// The same bare request word for word: asked again, losing patience.
	checkTrigger(t, "frustration", true, "agent please", "Agent please!")
	checkTrigger(t, "frustration", false, "agent please", "an agent for the Elm St house please")
}
