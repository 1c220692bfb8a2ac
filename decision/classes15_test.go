package decision_test

import "testing"

// The classes read from fresh14's misses, in words of their own, with the readings that must
// not come with them.
func TestClassesReadFromFresh14(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"frustration": {
			"is there a single person with a brain working there",
			"you should have warned me the unit was gone before I drove 40 minutes",
			"your portal failed again and now you slapped me with a late fee",
			"worst rental experience ever",
			"those cheap listings are just bait and switch",
			"keep this up and I'll sue your company",
			"¿me están tomando el pelo?",
			"I've given you my phone number like 3 times",
			"ya les di mi correo como cuatro veces",
			"your agent knew about the mold the whole time",
			"the site crashed and erased everything I typed",
			"olvídalo",
			"I don't want to hear another excuse about the keys",
			"no quiero escuchar otra excusa, quiero mi depósito",
		},
		"human_request": {
			"leasing agent please",
			"loan officer",
			"asesor hipotecario por favor",
		},
		"distress": {
			"if nothing opens up by the 1st we'll be on the street",
			"I don't know who else to turn to, they're cutting off our water",
			"I miss my dad so much, I can't sort his things",
			"las cuentas del hospital nos dejaron sin nada",
			"me rajaron del laburo y no sé qué hacer",
			"I'm so ashamed, I've never missed a payment before",
			"me da tanta vergüenza no poder pagar",
		},
		"legal": {
			"the legal description on our deed is wrong",
			"my landlord keeps walking in without notice",
			"is our HOA allowed to fine us for this?",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"frustration": {
			"the seller gave us 2 times to choose from",
			"mi abogado dice que podemos demandarlos a ellos",
			"sorry if this is a mess, I'm typing on my phone",
			"my cosigner bailed, can I still apply alone?",
			"does your agent know the HOA rules?",
			"forget it, I found the email",
			"your agent knew the area really well",
			"su agente sabía mucho del barrio",
			"can I sue the seller if your inspector missed it?",
			"los niños se burlan de él en la escuela",
			"I don't want to hear about the HOA drama, just the price",
			"I don't want to hear any noise from the highway",
			"spare me the details, what's the price?",
		},
		"human_request": {
			"mortgage rates please",
			"the loan officer said Friday",
		},
		"distress": {
			"we lost the house to a higher offer, anything similar nearby?",
			"the water will be shut off Tuesday for maintenance",
			"is the house on the street behind the school?",
			"I miss the old neighborhood already",
		},
		"legal": {
			"the legal description matches the survey",
			"is the owner allowed to rent it on airbnb?",
		},
	})
	// A request called off after a wrong answer is exasperation; a search called off is not.
	checkTrigger(t, "frustration", true, "can you send the floor plan?", "that's the wrong house", "forget it")
	checkTrigger(t, "frustration", false, "my lease ends in two weeks and we still have nowhere lined up")
	checkTrigger(t, "frustration", false, "el contrato se acaba en dos semanas y no encontramos nada")
}
