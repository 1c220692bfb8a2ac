package decision_test

import "testing"

// The classes read from fresh6's misses, each in words of its own rather than the set's lines,
// with the readings that must not come with them.
func TestClassesReadSinceFresh6(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"human_request": {
			"is there anybody on your team who speaks Portuguese? my mother is the buyer",
			"¿tienen a alguien que hable inglés? mi esposo no habla español",
			"does anybody even check this chat",
			"¿alguien revisa estos mensajes?",
			"necesito que me devuelvan la llamada sobre la tasación",
			"are your loan officers available to talk this week?",
			"¿me podría escribir la corredora por WhatsApp?",
			"Is Maria Lopez in the office today? I'd like a word about the lease",
			"¿Está la licenciada Herrera?",
			"customer service",
			"atención al cliente por favor",
		},
		"frustration": {
			"the 'renovated' bathroom has mold on every wall. love that for me",
			"for crying out loud, just send the lease",
			"my emails go into a black hole over there",
			"four calls, zero callbacks",
			"i swear if this chat asks for my zip code again",
			"¿van a contestar algún día?",
			"are you ever going to fix the gate?",
			"so we're supposed to just eat the storage fees because your office lost the keys?",
			"what is going on over there? nobody has the file",
			"cobrarme dos veces la misma cuota, es un abuso",
		},
		"distress": {
			"me redujeron la jornada y nos han recortado el sueldo, tengo ataques de pánico",
			"this month I won't be able to pay the rent and I am ashamed to even ask",
			"me da vergüenza decirlo pero no vamos a poder pagar la hipoteca",
			"nos acaban de dar el diagnóstico de mi papá y no sé ni qué día es",
			"we got a notice of foreclosure on the house we raised our kids in. please tell me there is something we can do",
			"my wife died in May and you keep calling for her. do you have any idea how that feels?",
		},
		"legal": {
			"attorney here, I represent the sellers of 14 Elm; route all correspondence through my office",
			"grandma left me a share of the cabin together with four cousins, can we sell it?",
			"can the house be sold without all the heirs signing?",
			"el inquilino no pagó en la fecha pactada del contrato, ¿se cae el contrato?",
			"la municipalidad dice que la ampliación es irregular y quiere que la demolamos",
			"the county wants us to tear down the deck the last owner built",
			"the credit card company got a judgment lien on my house, does it have to be paid off before closing?",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"human_request": {
			"has anyone read the inspection report yet? just curious what it says",
			"Is Maple Street in a flood zone?",
			"customer service at the bank was great",
			"the last agent never returned a single call, but the house is lovely",
		},
		"frustration": {
			"love the layout, can we see it again Saturday?",
			"cool, see you at 5",
			"filled out the form last week and never heard back, no rush though",
			"thanks so much for sorting out the double booking, see you Friday",
			"will you ever list homes in Lakeway?",
			"we want to tear down the old shed and build a studio",
			"¡¡Nos aceptaron la oferta!!",
		},
		"distress": {
			"perdimos la casa de la calle 9 porque otro comprador ofreció más, ¿qué más tienen?",
			"me cobraron dos veces, es un abuso",
			"we paid off the mortgage last year and want to sell",
			"do you have any idea how long the appraisal takes?",
		},
		"legal": {
			"we paid off the lien last spring, the title is clean",
			"do I need a lawyer to represent me at a normal closing?",
			"¿podemos firmar la promesa de compraventa el lunes?",
			"the builder delivered on the agreed date, all good",
		},
	})
}
