package decision_test

import "testing"

// The classes read from fresh16's misses, in words of their own, with the readings that must
// not come with them.
func TestClassesReadFromFresh16(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"frustration": {
			"if nobody fixes the AC by Monday you'll see reviews on every site",
			"I'm going to tell every agent in my office exactly why we stopped using you",
			"Consider yourselves warned.",
			"We're pulling our house off your site. Not once did anyone send a buyer.",
			"Vamos a cancelar el contrato. Ni una sola llamada en dos meses.",
			"wow, interesting definition of 'same day service'",
			"gracias por perder mis papeles otra vez",
			"thanks so much for ignoring my three emails",
			"Per your email the deposit would be back in 10 days. It has been 30 days.",
			"I was told on the phone the fee would be waived. Still no refund.",
			"I've spent all week chasing your office for a simple signature",
			"Not to be dramatic, but I've called your front desk nine times.",
			"stop closing my work order as completed, the sink still leaks",
			"the painters left the hallway worse than they found it",
			"the neighbours' dog has lost its mind over the showings and so have I",
		},
		"legal": {
			"can we get the old easement released so we can build the garage?",
			"the tenant is filing a claim against us in small claims court",
			"is a handshake deal on the fence line enforceable?",
			"my neighbor keeps blocking the driveway we share with his truck",
			"el catastro tiene dos escrituras para la misma parcela",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"frustration": {
			"I'd like to cancel my listing agreement, we decided to stay. Thanks for everything!",
			"How do I end the lease early? We're relocating for work.",
			"Is there a refund if the showing is cancelled? no refund is fine too",
			"Per your email, attached are the bank statements.",
			"thanks for losing weight tips lol jk, when is the open house",
			"every time I see the photos I love this house more",
			"the previous owners left the yard in better shape than expected",
			"Not once have we had a problem with the HOA, great community.",
			"the definition of the lot lines on the survey looks off",
			"we fell for a phone scam and lost our down payment",
			"el dueño entró sin avisar al departamento, ¿eso es legal?",
		},
		"human_request": {
			"My cousin told me to demand a manager for everything haha, but you've been lovely",
			"mi tía me dijo que pidiera hablar con el gerente, pero no hace falta",
		},
		"distress": {
			"we lost the house we bid on to another buyer, can you send new listings?",
			"this chat is my last resort before I call the city about the broken heater",
		},
		"legal": {
			"is there a late fee if rent comes in on the 3rd?",
			"the lease is in both our names, can my roommate pick up the keys?",
		},
	})
}
