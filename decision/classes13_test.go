package decision_test

import "testing"

// The classes read from fresh12's misses, in words of their own, with the readings that must
// not come with them.
func TestClassesReadFromFresh12(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"frustration": {
			"if the heat isn't fixed by monday I'm calling the city and posting everywhere",
			"next step is code enforcement, I've waited long enough",
			"oh great, another automated 'your call is important' reply",
			"a 'processing fee' for paying on time? convenient for who",
			"my hours were cut and you still charged me a late fee",
			"the buyer walked and your agent is just shrugging it off",
			"see you in court",
			"les dejo una reseña de una estrella, se lo ganaron",
			"i'm filing a complaint with the housing authority",
			"mi mamá está en el hospital y ustedes llamando a las 7am. un poco de respeto",
		},
		"human_request": {
			"can a lawyer from your office call me about the addendum?",
			"is there a manager there who actually answers calls?",
		},
		"distress": {
			"the debt on top of the move is crushing me",
			"con la mudanza y el bebé no sé ni cómo me llamo",
		},
		"legal": {
			"does my right of first refusal still hold if the owner sells to his cousin?",
			"the bank never released the 2004 lien, it still shows on the title",
			"el piso tiene una carga registral de un préstamo viejo",
			"his kids say I have to move out now that he's gone",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"frustration": {
			"the price is crazy!! in a good way, still available?",
			"the sellers keep asking for more time, is that normal?",
			// calm uses of the same words
			"is Tuesday at 5 convenient for you?",
			"if the roof is not done by closing, we are going to ask for a credit",
			"and you charge a fee for the application, right? how much?",
			"I'm going to the city on Friday, can we see it Saturday?",
			"¡se la ganaron, felicidades por la casa nueva!",
		},
		"human_request": {
			"is there a human-readable version of the lease?",
		},
	})
}
