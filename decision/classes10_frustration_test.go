package decision_test

import "testing"

// The frustration classes read from fresh9's misses, each in words of its own rather than
// the set's lines, with the readings that must not come with them.
func TestFrustrationClassesReadFromFresh9(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"frustration": {
			// shouted, asking why it is still so, whatever good words it holds
			"WHY IS MY OFFER STILL PENDING WHEN THE SELLER APPROVED IT ON MONDAY",
			// a curt verdict beside a report that nothing came
			"Sent the lease back two weeks ago. Nothing since. Unbelievable.",
			"Still no keys. Incredible.",
			// praise that mocks a failure
			"Oh great, another fee nobody mentioned.",
			"cuarta vez que cambian la cita. genial",
			// called a joke
			"your closing costs are a joke",
			"sus comisiones son un robo",
			// the slowest there is
			"slowest closing in history, honestly",
			"at this rate I'll be retired before we close",
			// as if it did not matter
			"sure, move it again, it's not like our time matters",
			"como si mi tiempo no importara, otra vez me cambian la visita",
			// a pointed why
			"is there any reason nobody has called me about the inspection",
			"¿hay algún motivo por el que todavía no me contestan?",
			// how long will it go on
			"¿hasta cuándo vamos a estar así?",
			"how much longer do I have to wait for the appraisal",
			"ya no sé cómo explicarlo, el depa tiene humedad",
			// outrage at a breach
			"they kept the whole deposit for a scuffed wall, isn't that illegal",
			// all it does
			"all your app does is log me out",
			// the same failure again
			"the payment portal is down again",
			"¿de nuevo no carga la página de pagos?",
			// mock approval laughed at is derision, not levity
			"lol so the 'spacious' yard is a strip of gravel. love that for me",
			// "another" after praise said with "qué" or as a sentence of its own
			"Splendid. Another disclosure to initial.",
			"qué maravilla, otro trámite más",
			// a demand closing a request for a person
			"manager. now.",
			"Páseme con un asesor. Ya.",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"frustration": {
			// good news shouted, with no why and nothing still
			"WE ACCEPTED AN OFFER TODAY!!!",
			// amazement that is praise
			"The view from the deck. Incredible.",
			// praise without a failure, or "another" without "oh"
			"Great, another question: is parking included?",
			"Perfect, one more thing, do you allow cats?",
			// a law asked about
			"is that even legal for a landlord to do? just curious",
			"the HOA wants a fee for the fence, is that even legal?",
			// how long a step takes
			"¿hasta cuándo tengo para firmar la promesa?",
			"I'm not sure how much longer I can keep up with the payments",
			// a joke that is no complaint
			"my husband's jokes about the basement are a joke of their own lol",
			// trash as a service of the home
			"is trash pickup included in the rent?",
			"water and trash are covered by the HOA?",
			// approval said of good news, a next question, a request said calmly
			"lol love that for me, we got the house!",
			"Perfecto, otra pregunta: ¿aceptan mascotas?",
			"Lovely, another question: is the garage heated?",
			"can I talk to an agent now?",
			"quiero hablar con un asesor, ya que tengo dudas del crédito",
			// a first outage, asked about
			"is the payment portal down?",
			"no manches, ¡qué bonita cocina!",
		},
	})
}
