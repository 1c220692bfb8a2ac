package decision

// Read in the round that opened fresh11: a count of the messages already sent ("per my last
// three messages"), taking the business elsewhere ("I'll list with someone else"), speechless
// ("Wow. Just wow."), a rhetorical question ("is anybody actually going to do something"), what
// was promised never happening ("a viewing that never happens"), being made to chase ("I
// shouldn't have to chase you"), someone to be fired for the service ("whoever set up this
// bot should be fired"), an account demanded of a fact ("explain that to me"), mock praise of a failure
// ("nice job losing the keys"), and a one-star review left so that someone answers ("a ver si
// así me hacen caso").
var frustrationCues12 = []lexEntry{
	// A count of the messages already sent: "per my last three emails", "as per my previous
	// two texts".
	{0.8, "asked again", "(per my last|per my previous|as per my last|as per my previous|per my earlier) # " +
		"messages|emails|texts|requests|calls|voicemails"},
	// Taking the business elsewhere: "I'll list with someone else", "me voy con otro agente".
	{0.8, "taking the business elsewhere", "list|listing|sell|selling ..1 with (someone else|somebody else|" +
		"a different agent|a different agency|a different realtor|a different brokerage|another realtor|another agent|" +
		"another agency|another brokerage|the competition); go|going|switch|switching|move|moving ..1 with|to " +
		"(a different agency|a different realtor|a different brokerage|another realtor|another agency|another brokerage|" +
		"the competition); " +
		"(me voy con|nos vamos con|vendo con|vendemos con|lo pongo con|la pongo con) (otro agente|otra agencia|" +
		"otra inmobiliaria|otro corredor|la competencia|alguien mas)"},
	// Speechless: "Wow. Just wow.", "sin palabras".
	{0.8, "speechless", "(just wow|wow just wow|speechless|i am speechless|im speechless|sin palabras|me dejaron sin palabras|" +
		"no tengo palabras|i have no words)"},
	// Someone to be fired for the service: "whoever set up this bot should be fired",
	// "deberían despedir al que hizo esto".
	{0.85, "someone should be fired", "should|ought|needs|deserves ..1 be fired|sacked|canned; " +
		"(deberia ser|deberian ser|merece ser|merecen ser) despedido|despedida|despedidos|corrido|corridos|echado|echados; " +
		"(deberian despedir|deberian correr|hay que despedir|hay que correr) ..2 al|a|quien"},
	// An account demanded of a fact: "... since May. Explain that to me.", "expliquen eso".
	{0.75, "an account demanded", "(explain that to me|explain this to me|explain that to us|explain this to us|" +
		"explicame eso|expliquenme eso|expliqueme eso|expliquen eso|explique eso|expliquenme esto|explicame esto)"},
	// Mock praise of a failure: "nice job losing our deposit check", "bravo por perder las
	// llaves".
	{0.9, "mock praise of a failure", "great|nice|good|fantastic|amazing|awesome|wonderful|stellar|brilliant|excellent|" +
		"terrific job|work ..1 losing|forgetting|ignoring|missing|cancelling|canceling|double|messing|screwing|ghosting|" +
		"misplacing|mixing; (bravo|felicidades|enhorabuena|muy bien) por perder|olvidar|ignorar|cancelar|perdernos|olvidarse"},
	// A rhetorical question about whether anyone will act: "is anybody actually going to do
	// something or", "is anyone even gonna answer".
	{0.8, "a rhetorical question", "(is anyone|is anybody|is someone|is somebody|are you|are you guys|are you people|" +
		"are yall) actually|even|ever ..1 going|gonna ..2 do|fix|answer|respond|reply|call|help|get|read|look|care"},
	// What was promised never happens: "a viewing that never happens", "una visita que nunca
	// llega".
	{0.8, "never happens", "viewing|viewings|showing|showings|visit|call|callback|appointment|repair|repairs|visita|cita|" +
		"llamada|reparacion ..2 that|which|que never|nunca happens|happened|comes|came|arrives|arrived|llega|llego|pasa|ocurre"},
	// Made to chase: "I shouldn't have to chase you for my own deposit", "no debería tener que
	// rogarles".
	{0.8, "made to chase", "(should not have to|should not need to|should not be having to|no deberia tener que|" +
		"no tendria que|no deberiamos tener que) ..2 chase|beg|remind|nag|hound|perseguir|rogar|rogarles|recordarles|insistir"},
	// A review left so that someone answers: "a ver si así me hacen caso", "maybe now someone
	// will answer".
	{0.8, "a review to be heard", "(a ver si asi|para ver si asi|a ver si ahora|haber si asi) ..2 (me hacen caso|nos hacen caso|" +
		"me contestan|nos contestan|me responden|nos responden|me atienden|nos atienden|me llaman|nos llaman); " +
		"(maybe now|maybe then|maybe that way|maybe this way) ..2 (someone|somebody|anyone|you|you guys) ..2 will|would|" +
		"answer|answers|respond|responds|listen|listens|call|calls|reply|replies"},
}

// frustrationNeutral12: what takes those cues, or older ones, back: praise after "wow" ("Wow.
// Just wow. What a view!"), an account asked for again because the customer did not follow
// ("explain that to me again, I didn't get it"), a crowd ("INSANE, so many people!!"), upset
// by an illness in the family, a question about the market ("how hard is it to get approved
// with a 640 score?"), a house that sold fast, waiting on the customer's own lender, and a
// one-star thing that is not a review ("one star hotels near the property?").
var frustrationNeutral12 = []neutralizer{
	// Praise, not a loss for words: "wow, just wow, the kitchen is stunning".
	{trigFrustration, scopeMessage, "gorgeous|stunning|beautiful|amazing|love|loved|perfect|incredible|breathtaking|" +
		"hermosa|hermoso|preciosa|precioso|increible|encanta|encanto|perfecta|perfecto|espectacular", "speechless"},
	// Not followed: "explain that to me again please, I didn't get it".
	{trigFrustration, scopeMessage, "(again please|once more|one more time|did not get it|did not understand|do not " +
		"understand|i am confused|im confused|otra vez por favor|de nuevo por favor|no entendi|no lo entendi|no entiendo)",
		"an account demanded"},
	// A crowd, not exasperation: "the open house was INSANE, so many people!!".
	{trigFrustration, scopeMessage, "(so many people|so many buyers|so many offers|packed|crowded|lines out the door|" +
		"line out the door|tanta gente|mucha gente|llenisimo|lleno de gente|full of people)", "exasperation|shouting"},
	// Upset by an illness or a death in the family, not by the service: "sorry, I'm just upset,
	// my son is in the hospital".
	{trigFrustration, scopeMessage, "(in the hospital|en el hospital|passed away|fallecio|funeral|velorio|diagnosed|" +
		"diagnosticaron|cancer|icu|terapia intensiva|cuidados intensivos)", "complaint"},
	// A question about the market, not an exasperated one: "how hard is it to get approved with a
	// 640 score?", "I've been patient with the market".
	{trigFrustration, scopeOverlap, "(how hard is it to|how hard is it|is it hard to) ..1 get|qualify|find|buy|sell|rent|" +
		"afford|refinance; patient with|about ?the market|rates|prices|search|mercado|tasas|precios", ""},
	// A house that sold fast: "you've got to be kidding me, it sold in ONE day? lucky buyers".
	{trigFrustration, scopeMessage, "sold|gone|went|vendio|vendieron ..2 in|en|within ?one|a|un|una|# day|days|hours|" +
		"dia|dias|horas; (lucky buyers|lucky them|que suerte)", "exasperation|shouting"},
	// Waiting on the customer's own side, not on the service: "still waiting on my lender".
	{trigFrustration, scopeOverlap, "(still waiting|waiting|sigo esperando|esperando) on|for|a my|our|mi|nuestro|nuestra lender|bank|banco|husband|" +
		"wife|partner|boss|employer|accountant|cpa|hr|esposo|esposa|jefe|contador|prestamista", ""},
	// One-star as a grade of a place, not a review: "one star hotels near the property?".
	{trigFrustration, scopeOverlap, "(one star|1 star|una estrella) hotel|hotels|restaurant|restaurants|restaurante|" +
		"restaurantes|motel|motels", ""},
}
