package decision_test

import "testing"

// The classes read from fresh5's misses, each in words of its own rather than the set's lines,
// with the readings that must not come with them.
func TestClassesReadSinceFresh5(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"human_request": {
			"could someone from your sales team just call me tomorrow",
			"I would like to go over the terms of my late aunt's flat with a senior representative of your company",
			"any chance of a quick word with one of your leasing team?",
			"please have one of your salespeople telephone me after six",
			"¿podría uno de sus vendedores llamarme por la tarde?",
			"mejor que me llame un asesor, estoy manejando",
			"no entiendo al bot, mejor con un asesor",
		},
		"frustration": {
			"oh wonderful, yet another link to the help center",
			"sure you are. that's what you said last week",
			"you billed me twice and I have the receipt. fix it.",
			"the photographer never came. how is that even possible?",
			"if the deposit is not back by Monday I will be filing in small claims against you",
			"les expliqué todo y les vale",
			"o me devuelven el depósito o nos vemos en el juzgado",
		},
		"distress": {
			"a flood took the first floor and we are staying in an emergency shelter",
			"the county issued an evacuation order for our street last night",
			"my boyfriend hits me and I need to move out without him knowing",
			"con lo que gano ya no me alcanza para la renta",
			"nos van a subir el alquiler y no sé a dónde vamos a ir",
		},
		"legal": {
			"the title report shows an unreleased lien from 2004",
			"la nota simple tiene una hipoteca sin cancelar",
			"our tenant sublet the unit without permission",
			"the HOA says our fence violates the covenants",
		},
	})
	checkTrigger(t, "frustration", true, "hola, quería saber si hay estacionamiento", "hola??", "HOLA")
	checkTriggers(t, false, map[string][]string{
		"human_request": {
			"el bot es mejor que hablar con un asesor",
			"the agent just called me about the offer",
		},
		"frustration": {
			"how does that even work when three heirs disagree?",
			"can a short sale stop it?",
			"necesito terminar el contrato de alquiler porque me mudo a otra ciudad",
			"the kitchen in the corner unit is insane, can we see it Saturday?",
		},
		"distress": {
			"my mom is moving to assisted living, can we list her condo?",
			"we got a notice of default, how long before the sale?",
			"¿nos conviene echarnos para atrás con esta oferta?",
			"overwhelmed by choice in a good way, so many nice places!",
			"the tenant's lawyer claims the unit is uninhabitable until the roof is fixed",
			"I was panicking about the deadline, but it's the 5th. crisis averted",
		},
		"legal": {
			"the survey shows the usual utility easement, that's normal right?",
			"our foreclosure scare turned out to be a clerical error years ago",
		},
	})
}
