package decision_test

import "testing"

// The classes of a request for a person read from the training sets' misses, each in words
// of its own rather than the sets' lines, with the readings that must not come with them.
func TestHumanClassesReadSinceTrainingSets(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"human_request": {
			// A named person wanted on the deal, after asking whether they are still there.
			"Is Rosa still around? We want her on this sale.",
			"we'd like him to handle the listing again if he can",
			"quiero tratar directamente con ella, nos vendió la casa",
			// A message passed on to someone.
			"could you pass my details along to him? he knows the file",
			"please forward this to whoever does commercial leases",
			"¿le puede decir que me llame cuando pueda?",
			// Someone asked to meet the customer or come.
			"could an agent come by the condo on Sunday to look at it?",
			"I was wondering if somebody might be able to meet us at the lot",
			"¿puede venir alguien a ver el local el lunes?",
			// A number to ring.
			"what's the office phone number? I'd rather call",
			"is there a number we can ring about the deposit",
			"¿me pasas el teléfono de la sucursal del centro?",
			// Whether they have a person who handles something.
			"do you guys have an agent who knows farmland?",
			"who in your office handles short sales",
			"¿tienen un asesor que me pueda llamar hoy?",
			"¿hay alguien con quien pueda hablar de la renta?",
			// Someone asked to call or write, said indirectly.
			"please have the leasing manager call me before noon",
			"perhaps somebody could ring me this afternoon",
			"for me it's easier if someone calls me, I don't type well",
			"¿alguien de la oficina me puede escribir por correo?",
			"si mañana no me llama nadie me busco otra opción",
			// A callback asked for politely or tersely.
			"we'd appreciate a quick callback, thanks",
			"callback needed re: unit 12",
			// Someone in charge.
			"I'd like a word with your office manager",
			"necesito hablar con un responsable de la inmobiliaria",
			"who's your supervisor?",
			// A person by a plain noun or title.
			"¿me comunicas con el muchacho que nos enseñó la casa?",
			"¿me lo podría comunicar, por favor?",
			// One of theirs by a longer name, assigned or referred.
			"could one of your listing agents call us this week?",
			"¿nos pueden asignar una asesora para la compra?",
			"¿me canalizan con un corredor de locales?",
			// A person set against the system.
			"¿esto lo revisa una persona o nomás el sistema?",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"human_request": {
			// A question about a person, not a wish for one.
			"Does Rosa still work there? She sold my sister's condo.",
			// A document for the customer's own people, a number of something else.
			"can you forward it to my accountant?",
			"my lawyer wants to read the lease first, can you send it to her?",
			"¿me pasas el número de cuenta para el depósito?",
			"what is the number of units in the building?",
			// A person wanted to sell the house: a service, not a person to talk to.
			"necesito que alguien la venda rápido, ya me mudé",
			// Comparisons, reaching further than a few words.
			"this chat beats talking to a real agent, super quick",
			"honestly faster than dealing with a real live agent. what's the HOA fee?",
			"responde más rápido que un asesor de carne y hueso jaja",
			// Someone who is not of the business.
			"is there any landlord who would take a cat?",
			"someone from your office will call me tomorrow, thanks",
			// A repair, not a person to deal with.
			"can someone come out and fix the garbage disposal?",
			// An agent's fee, not a wish for one.
			"do you have an agent fee for rentals?",
		},
	})
}
