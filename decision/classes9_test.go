package decision_test

import "testing"

// The classes read from fresh8's misses, for requests for a person, distress and legal
// complexity, each in words of its own rather than the set's lines, with the readings that must
// not come with them.
func TestClassesReadSinceFresh8(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"human_request": {
			// The bot itself asked to ring the customer.
			"could you please call me, typing on this phone is a pain",
			// Whether a person will be there to talk to.
			"would there be a manager at the model home tomorrow who I could ask about upgrades?",
			"¿habría alguien con quien pueda tratar lo del contrato?",
			// A replacement for the customer's own agent.
			"our old agent moved away, can you assign us a different realtor?",
			"asígnenme otra asesora por favor, la anterior ya no contesta",
			// Put through to whoever runs the building.
			"¿me pueden comunicar con la administración del condominio?",
			"please connect me with the property manager for unit 4",
		},
		"distress": {
			// Close to tears.
			"I'm so overwhelmed I could just cry, the loan fell through again",
			"estoy a punto de llorar, nos rechazaron el crédito otra vez",
			// Crushed by what happened.
			"just feeling completely defeated after this week",
			"me siento destrozada, perdimos la casa que queríamos y no tenemos plan",
			// No home of one's own.
			"we've been living in our car for a month now",
			"estamos durmiendo en el sofá de mi cuñada con los niños",
			// A death told again to people who keep writing to the dead.
			"I already told you my wife passed away and you keep sending her flyers",
			"le avisé que mi mamá murió y siguen llamando para preguntar por ella",
		},
		"legal": {
			// A building over a setback, a removal ordered.
			"the deck sits 2 feet into the side setback and the city says it has to come down",
			"el municipio exige demoler la ampliación porque invade el retiro",
			// A line pushed across one's land.
			"the power company plans to lay a cable through our lot and nobody asked us",
			// A lease broken over repairs.
			"can my lease be terminated since the landlord never fixed the mold?",
			// A signature forged, a loan behind one's back.
			"my brother forged my signature on the deed",
			"mi hermano sacó un préstamo con la casa sin mi consentimiento",
			// An ex still on the title who will not sign.
			"my ex-wife's name is still on the title and she refuses to sign the deed",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"human_request": {
			"will there be food at the open house?",
			"will there be an agent fee?",
			"assign the parking spot to unit 4 please",
			"la administración del edificio ya arregló la fuga, gracias",
			"the owner is selling it fast, any other houses?",
			"the seller wants to do owner financing, is that common here?",
		},
		"distress": {
			"I could cry, the house is perfect",
			"the crushed granite patio is gorgeous",
			"the listing says it comes with a sofa and a car port",
			"my parents were living in their car back in the 70s before they bought this house",
			"vivimos en el piso 3 y queremos algo más grande",
			"I told you my dad passed in 2015 and the deed is still in his name, can I list it?",
		},
		"legal": {
			"the setback is 20 feet right?",
			"the house sits well beyond the front setback, plenty of yard",
			"is a variance needed to add a porch?",
			"the gas line runs across the property, is that normal?",
			"can I break my lease early if I buy a house?",
			"I forged ahead and made an offer",
			"my ex still lives nearby, no issues with the house",
		},
	})
}
