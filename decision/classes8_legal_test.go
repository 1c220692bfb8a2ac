package decision_test

import "testing"

// The legal classes read from the training sets' misses, each in words of its own rather than
// the sets' lines, with the readings that must not come with them.
func TestLegalClassesReadSinceTrainingSets(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"legal": {
			// Something kept back by the seller.
			"the sellers never mentioned the open permit on the garage, we found it ourselves",
			"la vendedora no nos dijo nada de la demanda con los vecinos",
			// The customer's own counsel copied or reviewing.
			"please keep my attorney copied on every email about the closing",
			"our solicitor wants the title papers before we go any further",
			"la escribana no quiere firmar hasta que aparezca el plano",
			// Anything judicial.
			"el condominio inició un proceso judicial por las expensas",
			// A party backing out once it is signed.
			"the sellers want to back out after signing the contract last week",
			"el comprador firmó la promesa y ahora se quiere echar para atrás",
			// A builder past the contract's date, and the deposit wanted back.
			"the contract said completion in March, it's August, can we get our deposit back?",
			// Someone says part of the property is theirs.
			"my uncle says the back half of the farm is his",
			"los primos dicen que tienen derecho a la casa del abuelo",
			// A home in the name of someone who died or cannot sign.
			"mi papá tiene un derrame y no sé si puedo firmar por él",
			"the condo is only in her name and she passed last month",
			// A home seized for a debt.
			"le van a embargar el departamento a mi hermano por una deuda",
			// An officer at the door.
			"vino el alguacil con una orden y nos da una semana",
			// The law of land use.
			"the state wants part of our lot through eminent domain",
			"the HOA's deed restrictions say no fences, can we fight that?",
			// A lender's or a regulator's claim on the property.
			"there's a UCC filing against the house from the roofing company",
			"if the buyer slips on the ice before closing, are we liable?",
			"the power company claims it has the right to cross our lot with a new line",
			// A boundary the plans disagree on.
			"the neighbor pulled up the survey markers last night",
			"el plano de la municipalidad y la escritura tienen 3 metros de diferencia",
			// A written promise broken.
			"the builder promised in writing a finished basement and delivered it bare",
			// Fines the city threatens.
			"el ayuntamiento dice que nos va a multar por la barda",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"legal": {
			"we had a bankruptcy back in 2015, credit is great now, what can we afford?",
			"a pool like that would bankrupt me haha, anything cheaper?",
			"watch out for wire fraud, call us before you send money",
			"if we break the lease early is there a penalty?",
			"I'm not pre-approved yet, can I still see the house?",
			"the survey found no encroachments, good to go",
			"their attorney made a few minor edits, looks fine to me",
			"la sucesión ya está cerrada, queremos listar la casa",
			"the plat shows a utility easement along the back fence",
			"¿la casa tiene algún gravamen?",
			"trabajo en el poder judicial y quiero saber cuánto crédito me dan",
			"the inspection was bad so we walked away, on to the next one",
			"the lot is on a quiet street, 2 metros from the park",
			"our agent says the buyer has the right to an inspection",
			"el asesor dice que tenemos derecho a cancelar en 3 días",
		},
	})
}
