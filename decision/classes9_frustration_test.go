package decision_test

import "testing"

// The frustration classes read from fresh8's misses, each in words of its own rather than
// the set's lines, with the readings that must not come with them.
func TestFrustrationClassesReadFromFresh8(t *testing.T) {
	checkTriggers(t, true, map[string][]string{
		"frustration": {
			// a promise held against the calendar
			"The inspector was supposed to come Monday. Today is Friday.",
			"me dijeron que el martes me llamaban. Hoy es jueves.",
			"you promised the keys by the weekend. That was last week.",
			// time sunk into the chat
			"I've been typing on here for half an hour and still no price",
			"llevo una hora en este chat para saber si aceptan perros",
			"gracias por hacerme perder la mañana con esa visita",
			// a curt order
			"just answer the question. is parking included or not",
			"pónganse las pilas, el anuncio sigue con el precio viejo",
			// giving up, for someone else
			"ugh whatever",
			"never mind, I'll just switch to Zillow",
			"mejor me voy con Fotocasa",
			"whatever i guess",
			"bueno, da igual pues",
			// whether it even works, or understands
			"does this chat even work",
			"¿es que no entienden? ya lo expliqué dos veces",
			// an oversight questioned
			"how was the lien not caught before we signed",
			"¿cómo nadie se dio cuenta de que faltaba la firma?",
			// answered beside the point
			"I asked about the HOA fee and you sent me a mortgage calculator",
			"pedí el plano y me mandan un video del barrio",
			// told already, and still
			"you already sent me that, I need the disclosure",
			"les avisé que ya vendimos y siguen llamando para visitas",
			// futility
			"honestly don't know why i bother asking here",
			"¿para qué sigo escribiendo si nadie lee esto?",
			// patience in the body
			"I'm about to chuck my laptop out the window with this portal",
			"me dan ganas de tirar el celular contra la pared",
			// wearing thin
			"me estoy cansando de esperar su respuesta",
			"this is wearing me down, three weeks of nothing",
			// all you do
			"all you people do is send me links to the FAQ",
			// disbelief
			"a $400 'admin fee'? is this some kind of joke",
			"¿me están tomando el pelo con esa tasación?",
			// the nth time
			"for the hundredth time, the unit is 4B, not 4D",
			"por milésima vez, no quiero recibir llamadas",
			// thanks that close a complaint
			"the showing got cancelled again with no notice. Thanks a bunch.",
		},
	})
	checkTriggers(t, false, map[string][]string{
		"frustration": {
			// the day said plainly
			"it's Friday, could we see the house on Saturday morning?",
			"if it's Monday, is the office open for key pickup?",
			// time on the site, happily
			"been browsing your listings for an hour, love the lofts!",
			// a deposit left, not a request ignored
			"¿cuánto se deja de anticipo para apartar el depa?",
			// sincere thanks
			"thanks a lot for the quick reply!",
			"got the disclosures, thanks a lot!",
			"great job everyone, we closed today and got the keys!",
			// a competitor's estimate, not a move
			"we are going with Zillow's estimate for now",
			// calm questions near the classes
			"I asked for the floor plan and you sent it right away, thanks!",
			"pedí el plano y me lo mandaron enseguida, gracias",
			"can you answer a question about the roof?",
			"how long does it usually take to hear back on an offer?",
			"does the seller throw in the washer and dryer?",
			"all you need is the pre-approval letter?",
			"ok whatever you think is best",
			"do you actually work weekends?",
			"how was the inspection, did it go ok?",
			"how does this even work with an FHA loan?",
		},
	})
}
