package decision_test

import "testing"

// The frustration classes read from the training sets' misses, each in words of its own
// rather than the sets' lines, with the readings that must not come with them.
func TestFrustrationClassesReadSinceTraining(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"frustration": {
			// leaving for a competitor
			"one more week like this and we're taking our business elsewhere",
			"si no me resuelven esto hoy me cambio a otra agencia",
			// an ultimatum
			"Send the signed counter by noon. Last warning.",
			"les doy hasta el lunes o si no retiro la casa",
			// paying for nothing
			"what exactly are we paying you for at this point",
			"¿para qué les pago la comisión entonces?",
			// saying it all again
			"so I have to explain this again from the beginning?",
			"¿qué parte de 'sin mascotas' no entendiste?",
			// nobody takes it on
			"the lender and your office keep blaming each other and I'm stuck",
			"nos tienen de un lado para otro con el papeleo",
			// less help than anyone
			"honestly I've gotten more help from the grocery store clerk",
			// displeased, said flat
			"your communication leaves a lot to be desired",
			"nunca me habían tratado así en una inmobiliaria",
			// the listing a lie
			"the ad said renovated, the place hasn't been touched since 1990. total bait and switch",
			// giving up on the chat
			"ok forget it, I'll find it on Zillow myself",
			// contempt for the work
			"the pictures on the listing are awful, who took them",
			"wrong again. that's the wrong unit number",
			// worn out
			"ya me tienen harta con las llamadas de las 7 de la mañana",
			// done behind the customer's back
			"you dropped my asking price without my consent",
			"there's a processing fee on the invoice that no one mentioned",
			// still not done
			"how is the repair still not done, it's been reported twice",
			"where is my money? the refund was due a month ago",
			// reproach made politely
			"it would have been nice to be told the showing was cancelled",
			// waiting counted
			"hace dos semanas que pido el contrato y nada",
			"I have been waiting 50 minutes for someone to confirm the walkthrough",
			// someone who never came, whatever the neutralizer of "no llego" (money) says
			"el plomero no llegó a la cita y nadie avisó",
			// failures counted
			"this is the fourth link you've sent me and none of them has the HOA fees",
			"two months listed and not a single showing",
			// no time for twenty questions
			"no tenemos tiempo para tantas preguntas, solo dime si está disponible",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"frustration": {
			// a move of the customer's own, not a threat
			"we're moving to another city next spring, can you help us sell?",
			// sincere thanks
			"thanks, just what I needed!",
			"¡qué eficiencia, gracias por mandarlo tan rápido!",
			// the customer's own troubles
			"I feel so useless since the surgery, we need a one-story house",
			"ha sido el peor año de mi vida, necesito vender rápido",
			"con el sueldo de mi esposo solo no llego a fin de mes",
			"sorry I haven't answered, we were traveling all week",
			"my kids don't understand why we have to move",
			// a complaint of someone else's, to someone else
			"the neighbor complained to the city about our fence, will that affect the sale?",
			// a notice the customer was sent
			"the bank sent me a letter that says final notice, what does that mean?",
			// not impressed with the house, not with the service
			"not impressed with the layout, anything else in that area?",
			// anger denied
			"no es que esté enojada, solo quiero saber el precio",
			// surprise at the market
			"ridiculous how quickly things sell around here, what's new this week?",
			// questions that only sound like the classes
			"what exactly are we paying for in closing costs?",
			"can you explain again how escrow works? sorry, first time buying",
			"I'll try once more to upload the file, one sec",
			"we are going with Zillow's estimate for now",
			"waiting 2 days for the appraisal is normal?",
			"the second answer was helpful, thanks",
			"k whatever works for you",
			"no time for questions today, can we do tomorrow?",
			"i'm so over the moon about this house",
			"plenty of other houses in the area?",
			"the agent knew the area well and said nothing bad about it",
			"Why is the listing still showing photos from summer?",
			"hay muchas inmobiliarias en la zona, ¿cuál me recomiendas?",
			"where is my deposit held until closing?",
		},
	})
}
