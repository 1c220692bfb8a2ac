package decision

// Read in the round that opened fresh16: a warning to everyone else (reviews on every site,
// telling every colleague exactly why, not recommending the business, "estáis avisados"),
// leaving the business told with what it never did ("not once did anyone call"), a mock
// definition ("interesting definition of urgent"), thanks for losing or ignoring, the promise
// quoted back, the refund that never came, hours spent chasing the office, a ticket closed as
// resolved that is not, a job that left things worse, and a customer who has lost their mind
// too.
var frustrationCues17 = []lexEntry{
	{0.85, "a public warning", "sharing|share|posting|post|telling|tell|writing|write|publicar|contar|compartir ..6 " +
		"(every|all|todas las|todos los) ..1 review|reviews|resenas|opiniones ..1 site|sites|platform|platforms|app|apps|" +
		"sitios|portales|paginas; (van a saber|se van a enterar|will know|are going to know|will hear|will find out|" +
		"are going to hear|are going to find out) ..2 (exactly why|precisely why|exactamente por que|exactamente porque); " +
		"(would not|wouldnt|can not|cant|could not|couldnt|never|will not|wont) recommend (you|your company|your agency|" +
		"your office|y all|yall); no los|les recomiendo|recomendaria; " +
		"review|reviews|resena|resenas|opinion|opiniones|rating|ratings ..4 (every site|every website|every platform|" +
		"every app|everywhere|all over|todos lados|todos los sitios|todas partes|todas las plataformas|" +
		"todas las redes|todos los portales); (telling|tell|warn|warning|explain to|contarle|contarles|decirle|decirles) " +
		"..4 every|everyone|everybody|all|todos|cada ..5 (exactly why|precisely why|exactamente por que|exactamente porque); " +
		"(you have been warned|youve been warned|consider yourself warned|consider yourselves warned|consider this your warning|" +
		"estais avisados|estan avisados|quedan avisados|quedas avisado|quedan advertidos|estan advertidos)"},
	// Alone a plan ("how do I cancel my listing agreement?"); beside what was never done, a
	// customer leaving over it.
	{0.6, "leaving the business", "pulling|pull|yanking|yank our|my listing|listings|house|home|property; " +
		"(cancelling|canceling|cancel|terminating|terminate|ending|end) my|our|the ..1 agreement|contract|listing; " +
		"(nos salimos|me salgo|nos vamos|rescindimos|rescindo|cancelamos|cancelo) " +
		"..1 (del contrato|el contrato|de la exclusiva|la exclusiva|del servicio|el servicio)"},
	{0.6, "never once", "(not once|ni una vez|ni una sola vez|ni una sola llamada|ni una llamada|ni un correo|ni un mensaje|" +
		"ni una respuesta|ni un aviso|not a single call|not a single email|not one call|not one email|zero feedback|" +
		"cero llamadas|cero respuestas); did|didnt|never ..3 (a single one|one single|a single thing)"},
	{0.8, "sarcasm", "(interesting|fascinating|creative|funny|curious|novel|unique|interesante|curiosa|creativa|original|" +
		"peculiar) definition|interpretation|version|definicion|interpretacion|version|concepto of|de; " +
		"(interesting|funny|creative|curious|interesante|curioso|curiosa) sense|idea|concepto|sentido of|de urgency|" +
		"urgent|soon|asap|fast|urgencia|urgente|pronto|rapido"},
	{0.85, "sarcastic thanks", "(thanks|thank you|thx|gracias|muchas gracias|mil gracias) ..2 for|por losing|perder|" +
		"perderme|ignoring|ignorar|ignorarme|forgetting|olvidar|olvidarse|olvidarte|wasting|misplacing|extraviar|" +
		"ruining|arruinar|arruinarme"},
	// Alone a reference ("per your email, here are the documents"); beside what has not
	// happened since, the promise held up against it.
	{0.6, "a promise quoted back", "(segun su correo|segun su mensaje|segun su email|segun tu correo|segun lo que me dijeron|" +
		"per your email|per your message|according to your email|according to your message|as per your email|" +
		"your email said|your email says|your own email says|you wrote that|i was told on the phone|we were told on the phone|" +
		"me dijeron por telefono|nos dijeron por telefono)"},
	{0.6, "no refund", "(no refund|still no refund|never got a refund|never got my refund|never refunded|sin reembolso|" +
		"ni reembolso|ningun reembolso|nunca me reembolsaron|nunca me devolvieron|no me han devuelto|no me devolvieron)"},
	// Time spent after the business, not a plan ("I'll be chasing your team for the keys on
	// Friday").
	{0.8, "chasing the business", "been|spent|spend|spending|keep|kept|still|tired|sick|done|hours|days|weeks|months ..4 " +
		"chasing|chase|chased (you|your office|your team|your agent|your agents|your staff|" +
		"your people|your company|your department|your front desk|you guys|y all|yall); " +
		"(persiguiendo|perseguir|detras de|correteando) ..1 (ustedes|su oficina|su equipo|su gente|su personal|" +
		"su empresa|su agente)"},
	// A preface that announces a complaint; alone it asks for nothing.
	{0.6, "holding back", "(not to be dramatic|no quiero ser dramatico|no quiero ser dramatica|not to complain but|" +
		"no es por quejarme|hate to complain|odio quejarme|i dont want to be that person|no quiero ser pesado|" +
		"no quiero ser pesada)"},
	{0.85, "closed unsolved", "(stop|quit|dejen de|deja de|dejar de) marking|closing|cerrar|cerrando|marcar|marcando ..4 " +
		"resolved|closed|done|complete|completed|fixed|resuelto|resuelta|cerrado|cerrada|completado|arreglado"},
	{0.8, "left worse", "left|leave|dejaron|dejo|dejan ..4 (dirtier than|worse than|messier than|filthier than|" +
		"more of a mess than|peor que|peor de lo que|mas sucio que|mas sucia que|mas sucio de lo que|mas sucia de lo que)"},
	{0.8, "exasperation", "lost|losing ..1 (his mind|her mind|its mind|their mind|their minds|la cabeza|el juicio) ..5 " +
		"(so have i|so am i|me too|yo tambien|y yo igual)"},
}

// frustrationNeutral17: coming back to the business is loyalty ("we'll list with you again");
// a scam by strangers is a loss, not the business cheating; a landlord who comes in without
// notice is a tenant's rights question, not a reply that never came. (Every time one packs a
// parent's things, read in the same round, stands beside its twin in frustrationNeutral8.)
var frustrationNeutral17 = []neutralizer{
	{trigFrustration, scopeOverlap, "(with you again|use you again|hire you again|choose you again|pick you again|" +
		"recommend you again|call you again)", "again"},
	{trigFrustration, scopeOverlap, "(phone scam|email scam|text scam|online scam|scam call|scam calls|scammer|scammers|" +
		"estafa telefonica|estafador|estafadores); (fell for|victims of|victim of|cayo en|caimos en|victimas de|" +
		"victima de) ..1 a|an|una|un ..1 scam|estafa", "feels cheated"},
	{trigFrustration, scopeOverlap, "entro|entra|entran|entraron|entrar|entered|enters|entering|entrado ..5 " +
		"(sin avisar|sin aviso|sin previo aviso|without notice|without warning)", "nobody answers"},
}
