package decision_test

import "testing"

// The distress classes read from the seven training sets' misses (train-a to train-g), each in
// words of its own rather than the sets' lines, with the near-misses that must not read as
// distress: a stranger's nerves or death, an illness told for a power of attorney, a job lost
// long ago, eagerness, a fright already over, a landlord's tenant, and the ordinary uses of the
// new cues' words.
func TestDistressClassesReadSinceTrainingSets(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"distress": {
			// An eviction under way; nights in a car.
			"our landlord says we're being evicted at the end of the month",
			"me están desalojando y tengo dos niños",
			"my son and I have been sleeping in the truck since Sunday",
			"llevamos tres noches durmiendo en el coche",
			// A job being cut, or lost.
			"they're eliminating my position at the clinic in June",
			"eliminaron mi plaza en el hospital",
			"mi esposo perdió la chamba",
			// A relative in hospital, bad news from the doctor, a bill from the ER.
			"mi mamá sigue internada desde el martes, perdón la demora",
			"my dad has been in intensive care since Sunday, can we push the inspection?",
			"just back from the oncologist and the results were not good, still shaken",
			"had an ER visit in May and the bill is more than my rent",
			// The body's alarm; holding oneself together.
			"I'm reading the bank's letter and my hands won't stop shaking",
			"tengo el corazón en la boca desde que llamó el banco",
			"I'm trying to keep it together for the kids",
			"trato de no llorar cada vez que veo la casa vacía",
			// The worst year of one's life; what is hard to say.
			"this has been the hardest year of my life",
			"ha sido el peor año de mi vida",
			"he moved out in the spring, it's hard to talk about",
			// A death of last night, a burial.
			"my grandmother died last night, please cancel tomorrow's showing",
			"mi abuelo falleció esta mañana",
			"we buried my father on Saturday",
			// Not functioning.
			"no tengo fuerzas para nada",
			"I'm barely functioning since the separation",
			// Arrears in instalments; despair about what comes next; a partner gone with the money.
			"ya debemos tres cuotas del crédito",
			"we're up to our necks in bills",
			"no sé qué vamos a hacer si nos suben la renta otra vez",
			"my ex drained our joint account",
			// A home fled; drowning; a child in treatment; savings about to be lost.
			"hui de mi casa por violencia y necesito algo ya",
			"siento que me ahogo con tantas deudas",
			"estoy hecha un desastre",
			"mi hijo está en tratamiento y necesitamos algo cerca del hospital",
			"si no aprueban el crédito perderíamos todos nuestros ahorros",
			// Leaving one's home; grief as an absence; a joke taken back.
			"I'm really upset about leaving my home after 40 years",
			"desde que no está, no soy capaz de entrar a su cuarto",
			"haha we'll be homeless in a week, I wish I was joking",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"distress": {
			// Someone else's eviction; the ordinary uses of the new cues' words.
			"is the tenant getting evicted before closing or after?",
			"the heater is barely functioning, can you send someone",
			"my heart is racing, I love this house!",
			// Eagerness; a job lost long ago; a stranger's death; a power of attorney.
			"I'd be devastated if we lose this one, what else can we offer?",
			"me muero si se me va esta casa",
			"Lost my job in 2019 but I've been at my current job four years now, does that matter for the loan?",
			"me quedé sin trabajo hace años pero ya llevo tres años en la misma empresa",
			"the previous owner died in 2015, does that need disclosure?",
			"mi mamá tiene Alzheimer y tengo un poder notarial, ¿puedo firmar por ella?",
			// A landlord's tenant; a lease's months; a fence moved; a listing taken down.
			"our tenant is 2 months behind, can we still list the duplex?",
			"we still have 6 months left on our lease, can we break it?",
			"el vecino me corrió la cerca dos metros",
			"quiten mi casa del listado por favor",
			// Another's nerves; a fee breakdown; a fright already over; an estate's history.
			"the lender is freaking out about the appraisal gap",
			"can you send me the fee breakdown?",
			"me entró el pánico pensando que había perdido la cita, pero era mañana",
			"my father passed in March and my sister and I inherited the house, how do we list it?",
			"the emergency room is five minutes from the house, right?",
			"trying not to fall in love with this kitchen lol",
			"el piso está hecho pedazos, ¿lo arreglan antes de la entrega?",
			"the inspection passed today!",
			"no puedo vender la casa hasta que se cierre la sucesión",
			"esto ya es demasiado, cuarta vez que cambian la cita",
			"my husband took money out of the account for the deposit",
			"me daba miedo la tasación pero quedó clarísimo, gracias",
			"we're in the car on the way to the showing",
		},
	})
}
