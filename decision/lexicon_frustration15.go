package decision

// Read in the round that opened fresh14: asking for anyone "with a pulse", a reproach for
// what the customer was not told ("you could have told me") or what the business knew, the
// business's own system blamed for a failure or for wiping what was typed, a fee charged on
// top of it or a charge made twice, no more excuses wanted, the worst experience of one's
// life, listings used as bait, the same thing given again and again, a lawsuit against the
// business itself, and being mocked ("¿se burlan de uno?").
var frustrationCues15 = []lexEntry{
	{0.8, "anyone with a pulse", "anyone|anybody|someone|somebody|alguien|person|human|persona ..2 (with a pulse|with a brain|" +
		"with half a brain|with a heartbeat|with common sense|con pulso|con cerebro|con dos dedos de frente|que piense)"},
	{0.8, "not told", "(you could have|you couldve|you coulda|you should have|you shouldve|" +
		"me pudieron haber|me podrian haber|me hubieran|nos hubieran|nos podrian haber|" +
		"nos pudieron haber) ..1 told|warned|mentioned|called|let|avisado|dicho|llamado|avisar|decir; " +
		"(would it have killed you to|would it kill you to) ..1 call|tell|warn|mention|let|text|email"},
	{0.6, "their system failed", "your|su|sus ..1 system|app|portal|website|site|software|sistema|pagina|plataforma|" +
		"aplicacion ..3 failed|fails|crashed|broke|lost|glitched|fallo|perdio; " +
		"your|su ..1 system|app|portal|website|site|software|sistema|pagina|plataforma|aplicacion ..3 " +
		"(did not process|didnt process|never processed|no proceso|no registro|nunca proceso)"},
	{0.75, "their system failed", "app|site|website|portal|system|form|page|aplicacion|pagina|sistema|formulario ..7 wiped|" +
		"erased|deleted|borro|perdio ..1 everything|todo|all"},
	// Knowing and saying nothing; "your agent knew the area well" is praise.
	{0.8, "they knew", "you|your|ustedes|su ..2 knew|sabian|sabia ..4 (all along|the whole time|and said nothing|" +
		"and did nothing|and never said|y no dijeron nada|y no dijo nada|todo el tiempo|desde el principio)"},
	{0.6, "charged twice", "(charged twice|charged me twice|charged us twice|double charged|cobraron dos veces|" +
		"cobraron doble|cargo doble|doble cargo|doble cobro)"},
	{0.8, "no more excuses", "(i do not want to hear|i dont want to hear|we do not want to hear|no quiero escuchar|" +
		"no quiero oir) excuses|excuse|another|please|otra|otro|excusas|pretextos; (any more excuses|anymore excuses|" +
		"no more excuses|basta de excusas|no mas excusas)"},
	{0.6, "a fee on top of it", "hit|slapped|hitting|slapping ..2 me|us ..1 with ?a|an ..2 fee|fees|charge|penalty; " +
		"encima ..3 recargo|multa|cargo|cobran|cobraron|recargos"},
	{0.85, "the worst of its kind", "worst|peor ..3 experience|experiences|experiencia|experiencias ..1 (of my life|of our lives|" +
		"ever|de mi vida|de nuestra vida|de todas)"},
	{0.85, "used as bait", "(as bait|like bait|just bait|only bait|all bait|bait to|bait listing|bait listings|" +
		"bait and switch|clickbait|click bait|de gancho|como gancho|como carnada|de carnada|como anzuelo)"},
	// Not "podemos demandarlos" alone: in Spanish "los" may be the sellers.
	{0.85, "a lawsuit against us", "sue|suing|sued|demandar|demandarlos|demando|demandaremos ..1 you|yall|ustedes; " +
		"sue|suing|sued ..4 (your brokerage|your company|your agency|your firm|your office|your agent|your team|you guys|" +
		"you all); " +
		"(take you to court|taking you to court|demandar a la inmobiliaria|demandar a la agencia|demandar a su empresa)"},
	{0.8, "done again and again", "(given you|gave you|given yall|gave yall|les he dado|les di|te di|te he dado|" +
		"les he repetido|les repeti) ..4 # times|veces"},
	{0.85, "mocked", "(me toman el pelo|nos toman el pelo|me estan tomando el pelo|" +
		"nos estan tomando el pelo|me toman por tonto|me toman por tonta|nos toman por tontos|me creen tonto|me creen tonta|" +
		"are you mocking me|are you making fun of me|you think i am stupid|you think im stupid|take me for a fool|" +
		"take me for an idiot|take us for fools); (se burlan|se estan burlando|burlandose) de (uno|mi|nosotros|la gente|los clientes|sus clientes)"},
}

// frustrationNeutral15: an apology for the customer's own rambling ("sorry if this is a
// mess"), somebody else who bailed (a roommate, a buyer), and the customer's own search that
// has found nothing yet ("two weeks and we still have nowhere to go"): none is the service's
// doing.
var frustrationNeutral15 = []neutralizer{
	{trigFrustration, scopeOverlap, "sorry|apologies|perdon|perdona|disculpa|disculpen ..4 mess|messy|rambling|typos|" +
		"desorden|desordenado|enredo", "poor service"},
	{trigFrustration, scopeOverlap, "roommate|roommates|roomie|partner|cosigner|buyer|buyers|seller|tenant|ex|boyfriend|" +
		"girlfriend|husband|wife|fiance|contractor|mover|movers ..1 bailed|flaked", "no reply"},
	{trigFrustration, scopeOverlap, "still ..1 nowhere|no|nothing ..1 to|place|lined|found|that|fits|we|i; " +
		"still have not|havent found; " +
		"no ..1 encontramos|encuentro|encontrado|conseguimos|consigo nada|lugar|donde|casa|departamento|depa|piso",
		"no reply|nobody answers"},
	// The worst of the house, not of the service: "the worst part of the house is the closet".
	{trigFrustration, scopeOverlap, "worst|peor part|thing|parte|cosa ..1 of|about|de|del ?the|this|that|la|el|esta|este " +
		"house|home|place|unit|apartment|condo|property|casa|depa|piso|departamento", "poor service"},
}
