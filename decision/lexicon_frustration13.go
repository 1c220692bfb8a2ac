package decision

// Read in the round that opened fresh12: an ultimatum over a repair ("if this isn't fixed by
// Friday I'm leaving reviews"), escalation to an authority ("next stop is the city housing
// office"), mock cheer at an automated reply, "convenient for who?", a fee charged anyway on
// top of a hardship, the service shrugging a problem off ("ustedes ni caso"), a threat of
// court or a lawyer, a one-star review in Spanish, and a plea for respect.
var frustrationCues13 = []lexEntry{
	{0.85, "an ultimatum", "if|si ..3 not|no ..2 fixed|resolved|sorted|done|arreglado|arreglada|arreglan|resuelto|" +
		"resuelven ..8 leaving|posting|calling|cancelling|canceling|reporting|suing|dejo|llamo|cancelo|denuncio|demando"},
	{0.85, "escalation to an authority", "(next stop is|next step is|i am going to|im going to|i will go to|ill go to|" +
		"i am calling|im calling|i will call|ill call|voy a ir a|voy a llamar a|me voy a quejar a|me quejo a) ..3 " +
		"(housing office|code enforcement|tenant board|housing authority|attorney general|better business bureau|" +
		"bbb|profeco|oficina de vivienda|defensa del consumidor)"},
	{0.8, "mock cheer at an automated reply", "(oh good|oh great|oh perfect|oh wonderful|oh look|que bien|genial|perfecto) " +
		"..3 (automated|canned|we value your feedback|your call is important|respuesta automatica|mensaje automatico|" +
		"another form|otro formulario|the bot again|el bot otra vez)"},
	{0.85, "sarcasm", "(convenient for who|convenient for whom|conveniente para quien|" +
		"comodo para quien|value it by|prove it by)"},
	{0.85, "charged anyway", "(you still|y aun asi|and still|y todavia) ..2 slapped|charged|charge|" +
		"hit|cobraron|cobran|cobrar|pusieron|metieron ..4 fee|fees|recargo|multa|cargo|penalty|cargos"},
	{0.85, "shrugged off", "(just shrugging|shrugging it off|shrugged it off|shrug it off|ustedes ni caso|y ustedes ni caso|" +
		"ni caso nos hacen|ni caso me hacen|se lavan las manos|washing your hands of)"},
	{0.85, "a threat of court", "(my attorney will be in touch|my lawyer will be in touch|you will hear from my lawyer|" +
		"you will hear from my attorney|see you in court|nos vemos en la corte|nos vemos en el juzgado|" +
		"esto va a terminar en juicio|esto termina en juicio|esto acaba en los tribunales|mi abogado se pondra en contacto)"},
	{0.85, "poor service", "(resena de una estrella|resena de 1 estrella|una estrella en google)"},
	{0.85, "a plea for respect", "(un poco de respeto|algo de respeto|tengan respeto|tengan un poco de respeto|" +
		"have some respect|show some respect|a little respect|some decency|un poco de decencia)"},
}

// frustrationNeutral13: praise said to be meant ("That price is insane!! In a good way."), and
// a party to the customer's deal asking again ("they keep asking for extensions").
var frustrationNeutral13 = []neutralizer{
	{trigFrustration, scopeMessage, "(in a good way|en el buen sentido|de la buena manera|in the best way)", ""},
	{trigFrustration, scopeOverlap, "buyer|buyers|seller|sellers|they|tenant|tenants|lender|bank|comprador|vendedor|" +
		"ellos ..1 keep|keeps|siguen|sigue asking|pidiendo ..2 (for extensions|for an extension|for more time|" +
		"una prorroga|prorrogas|mas tiempo)", ""},
}
