package decision

// Read in the round that opened fresh13: a refusal to ask again ("I'm not asking again"), a
// deadline to hear back, being left to guess ("so I'm just supposed to guess?"), a threat
// that it will not end there ("esto no va a quedar así"), a promise quoted back
// ("that's what you said last Tuesday"), doing it oneself as always, expecting nothing
// better, a fee charged anyway, a failure for the second month in a row, photos from another
// decade, advice to disclose what the listing hid, and an assurance that proved wrong.
var frustrationCues14 = []lexEntry{
	{0.85, "an ultimatum", "(i am not asking again|im not asking again|i will not ask again|i wont ask again|" +
		"not going to ask again|no lo vuelvo a pedir|no lo voy a repetir|no lo vuelvo a repetir|no pienso repetirlo|" +
		"es la ultima vez que lo pido|es la ultima vez que pregunto)"},
	{0.85, "an ultimatum", "if ..2 not|no ..1 hear|heard|tengo|recibo ..1 back|from|anything|noticias|nada|respuesta ..6 " +
		"(pulling out|walking away|leaving|cancelling|canceling|switching|cancelo|me retiro|going with|going elsewhere|" +
		"going to another|going to someone else|me voy con|me voy a otra|me cambio de)"},
	{0.8, "left to guess", "so|and|entonces i|we am|are ?just supposed to ?just guess|figure|know|magically|imagine|read; " +
		"(entonces tengo que adivinar|o sea que tengo que adivinar|tengo que adivinar)"},
	{0.85, "a threat", "(esto no va a quedar asi|esto no se va a quedar asi|no se va a quedar asi|esto no se queda asi|" +
		"esto no termina aqui|this is not over|this isnt over|this will not end here|this wont end here|this is not the end of it)"},
	{0.85, "a promise quoted back", "(that is what|thats what|eso es lo que|eso mismo|lo mismo que) ..1 (you said|you told me|" +
		"you told us|you guys said|me dijeron|nos dijeron|dijeron|me dijiste|me dijo|nos dijo) ..3 last|yesterday|before|ayer|" +
		"hace|pasada|pasado|monday|tuesday|wednesday|thursday|friday|lunes|martes|miercoles|jueves|viernes|week|weeks|time|vez"},
	{0.8, "left to do it alone", "(on my own|on our own|por mi cuenta|por nuestra cuenta|por mi lado) ..2 " +
		"(as always|as usual|like always|como siempre|como de costumbre); look|looking|search|searching|hunt|hunting|" +
		"find|figure ..3 (by myself|by ourselves|myself) ..1 (as always|as usual|like always)"},
	{0.85, "expected nothing better", "why|por|porque ..3 expected|expect|esperaba|espere|esperar ..1 anything|something|" +
		"algo|nada ..1 different|else|better|distinto|diferente|mejor"},
	{0.85, "charged anyway", "got|get|getting|charged|hit|slapped|cobraron|pusieron|llego ..4 fee|fees|penalty|multa|" +
		"recargo|cargo ..1 (anyway|anyways|igual|de todas formas|de todos modos|aun asi)"},
	{0.5, "again and again", "(second|third|fourth|fifth|2nd|3rd|4th|5th) (month|week|time|weekend) in a row; " +
		"(segundo|tercer|cuarto|quinto) mes (seguido|consecutivo); (segunda|tercera|cuarta) (vez|semana) (seguida|consecutiva)"},
	{0.6, "asked again", "(que mas tengo que hacer|what else do i have to do|what more do i have to do|" +
		"what more do i need to do|que mas necesitan que haga|what more do you want)"},
	{0.6, "asked day after day", "monday|tuesday|wednesday|thursday|" +
		"friday|saturday|sunday|yesterday|lunes|martes|miercoles|jueves|viernes|sabado|domingo|ayer " +
		"(and today|and again today|and now today|y hoy|y otra vez hoy|y ahora hoy)"},
	{0.8, "the listing misled", "photos|pictures|pics|fotos ..1 (must have been taken|mustve been taken|must be from|" +
		"deben ser de|deben ser del|son de hace)"},
	{0.8, "the listing hid it", "(might want to|might wanna|may want to|may wanna|probably want to|podrian|deberian) " +
		"mention|disclose|say|put|add|poner|mencionar|avisar|decir ..4 (somewhere|upfront|up front|before people|" +
		"before anyone|antes de que|en el anuncio|in the listing|in the ad|on the website|on the site)"},
	{0.85, "an assurance that proved wrong", "told|said|dijo|dijeron ..6 (no big deal|nothing to worry about|not a big deal|" +
		"not a problem|no problem|nada grave|no pasaba nada|no era problema|no habia problema|sin problema) ..4 " +
		"(and now|y ahora|pero ahora)"},
}

// frustrationNeutral14: an apology for asking again ("sorry I keep asking the same things"),
// a customer saying they are the one trying to reach a person, which asks for one rather than
// complains, a third time that is loyalty ("the third time I've bought with you"), a deal
// said to be killer, and a promise or a question repeated to confirm it.
var frustrationNeutral14 = []neutralizer{
	{trigFrustration, scopeOverlap, "sorry|perdon|disculpa|disculpe|disculpen ..3 keep|asking|repeating|repeat|preguntar|" +
		"pregunto|repetir|insistir", ""},
	{trigFrustration, scopeOverlap, "(i am|im) trying to reach {DET} ..2 {PN}", "nobody answers"},
	{trigFrustration, scopeOverlap, "second|third|fourth|fifth|segunda|tercera|cuarta|quinta time|vez ..4 bought|buy|buying|" +
		"purchased|sold|selling|rented|renting|worked|working|used|using|compramos|compro|vendemos|alquilamos|trabajamos", "asked again"},
	{trigFrustration, scopeMessage, "killer deal|price|view|views|location|kitchen|yard|backyard|layout", ""},
	// A promise or a question repeated to confirm it: "that's what you told me yesterday,
	// perfect, see you at 4", "I'm not asking again, just confirming". Not "right" or
	// "correct" alone: "I'm not asking again, send it right now".
	{trigFrustration, scopeMessage, "(perfect|perfecto|perfecta|just confirming|solo confirmando|solo para confirmar|" +
		"see you|nos vemos|sounds good|suena bien|is that right|is that correct|es correcto|verdad que)",
		"a promise quoted back|an ultimatum"},
}
