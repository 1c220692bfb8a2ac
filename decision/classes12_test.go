package decision_test

import "testing"

// The classes read from fresh11's misses, each in words of its own rather than the set's
// lines, with the readings that must not come with them.
func TestClassesReadFromFresh11(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"frustration": {
			// a count of the messages already sent
			"per my last four texts, the mailbox key is still missing",
			// taking the business elsewhere
			"never mind, we're listing with a different brokerage",
			"nos vamos con otra agencia, gracias por nada",
			// speechless
			"Wow. Just wow. Three days and no keys.",
			// a rhetorical question about whether anyone will act
			"is anyone even going to call me back or",
			// what was promised never happens
			"another Saturday lost for a showing that never happened",
			// made to chase
			"I shouldn't have to beg for a callback",
			// someone to be fired
			"honestly whoever answers these emails ought to be fired",
			"deberían despedir al que maneja las citas",
			// an account demanded of a fact
			"the pool's been closed all summer and we pay for it. explain that to me.",
			// mock praise of a failure
			"great job cancelling on us the morning of the move",
			// a review left to be heard
			"ya puse la queja en Google, a ver si así nos contestan",
			// the service's verdict
			"the leasing office is a disaster",
			"I have never been treated this poorly by a landlord",
			// one sentence cut into words
			"send. the. lease.",
			"nobody in Spain picks up: llevo dos horas llamando y nadie coge",
		},
		"human_request": {
			"no quiero hablar con un bot, ¿puedo llamar a la oficina directamente?",
			"I don't wanna deal with a chatbot",
			"not interested in texting with an app, is there a human",
			"we'd love to have him handle our sale again",
		},
		"distress": {
			"the divorce is killing me, I can't think straight about the house",
			"Dios mío, no sabemos qué hacer, la casa se inundó y el seguro no paga",
			"my husband's stroke, the move, the kids... I'm at my breaking point",
		},
		"legal": {
			"el vecino nos denunció por la cerca",
			"the estate lawyer says we can't list until the will is through probate",
			"we're still waiting on letters of administration from the court",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"frustration": {
			// praise after "wow", a crowd, a house that sold fast
			"Wow. Just wow. That view is stunning!",
			"Sunday's open house was NUTS, packed all afternoon",
			"are you kidding me, it went in two days? lucky buyers",
			// not followed, and asking calmly
			"can you explain that to me again? I didn't get the escrow part",
			// the customer's own side, the market, a grade of a place
			"still waiting on my lender, I'll let you know",
			"how hard is it to qualify for an FHA loan?",
			"any one star hotels near the listing? just kidding, three star",
			// upset by a family illness, not the service
			"sorry, I'm upset, my mom is in the hospital, can we move the showing",
			// a list said word by word
			"Dallas. Austin. Houston.",
		},
		"human_request": {
			// a mention of a person beside the bot is no decline of it
			"my agent said the bot can book viewings",
			"no need for a person, the bot is fine",
			"we'd love to have a garden for the kids",
			"me gustaría que el banco nos ayude con el enganche",
			"I'd like to have him handle the paperwork, he's our lawyer",
			"I don't want a house near the highway",
		},
		"distress": {
			"I'm dying to see it, the suspense is killing me!",
			"My dad's illness is behind us now, we're ready to buy",
			"omg what do i do, both kitchens are gorgeous",
			"I was laid off last year but I've been at my new job for a year",
		},
	})
	// Mock praise carried over messages still reads as a complaint.
	checkTrigger(t, "frustration", true, "Nice job losing the signed lease.", "Truly great work.", "👏👏")
}
