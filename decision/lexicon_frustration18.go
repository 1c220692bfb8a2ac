package decision

// Read in the round that opened fresh17: a reproach put as a question ("do you understand how
// many leads we lost?"), a system that keeps failing the customer, the tally of times ("3
// times now"), a bot told to stop pretending, a promise called a lie, a demand to fix their
// system, bills that keep coming after paying, Argentina's "re caliente" and Spain's "qué
// cabreo", a bad review promised in Spanish word order ("una reseña bien mala"), and "que
// conste" (for the record).
var frustrationCues18 = []lexEntry{
	{0.85, "a reproach", "(do you understand|do you realize|do you realise|do you even know|do you have any idea|" +
		"any idea) ..2 how many|much|long ..3 lost|wasted|cost|time|money|leads|customers|sales; " +
		"(se dan cuenta|te das cuenta|tienen idea|tienes idea|saben) ..2 cuantos|cuantas|cuanto|cuanta ..3 perdimos|perdi|" +
		"perdido|costo|tiempo|dinero|clientes|ventas"},
	{0.8, "the system fails", "keeps|keep|sigue|siguen (logging me out|kicking me out|crashing|freezing|glitching|" +
		"timing out|erroring|deleting|wiping|cerrandose|cerrando la sesion|colgandose|cayendose|trabandose|borrando); " +
		"(se cae cada dos por tres|se cuelga cada dos por tres|cada dos por tres se cae|se traba a cada rato|se cae a cada rato)"},
	// Alone a count ("I've seen the house 3 times now and love it"); beside a failure, a tally.
	{0.6, "again and again", "# (times now|times already|veces ya|veces seguidas); (ya van|van ya) # veces"},
	{0.85, "anger", "(stop pretending|quit pretending|deja de fingir|dejen de fingir|deja de hacerte|dejen de hacerse); " +
		"(que cabreo|menudo cabreo|vaya cabreo|estoy cabreado|estoy cabreada|estamos cabreados|me cabrea|me tienen cabreado|" +
		"me tienen cabreada); (estoy|estamos) ?re|muy|bien|super caliente|calientes con ustedes|vos|esto|ustedes"},
	{0.85, "a lie", "(was a lie|were a lie|was all a lie|were lies|was a flat out lie|fue mentira|era mentira|" +
		"fue una mentira|era una mentira|todo mentira|puras mentiras|you lied|lied to me|lied to us|nos mintieron|" +
		"me mintieron|me mintio|nos mintio)"},
	{0.8, "fix it", "(fix your|arreglen su|arregla tu|arreglen sus|fix your own) system|app|website|site|portal|billing|" +
		"sistema|app|pagina|web|portal|facturacion; (i paid|we paid|pague|pagamos|already paid|ya pague|ya pagamos) ..8 " +
		"(still|keep|siguen|sigue|todavia) ..3 (getting|sending|charging|billing|llegando|cobrando|mandando|enviando)"},
	{0.85, "poor service", "resena|resenas|review|opinion|calificacion ?bien|muy|super|re mala|malisima|negativa|" +
		"horrible|pesima|terrible"},
	// For the record: alone a formality, beside a grievance a warning.
	{0.6, "for the record", "(que conste|que quede claro|para que conste|for the record|let the record show|" +
		"just so you know|just so we are clear)"},
}

// frustrationNeutral18: the customer's own "not even" ("ni siquiera califico para un
// arriendo") is a hardship or a surprise; visits to a house counted are interest; a sibling or
// an executor acting "sin avisarnos" is a family's dispute, not the business's silence; a
// contract one asks how to end early is a question, not a service that failed; and an ad
// platform's "alleged misleading claims" are a charge against the customer, not the customer
// feeling cheated.
var frustrationNeutral18 = []neutralizer{
	{trigFrustration, scopeOverlap, "ni siquiera (califico|calificamos|me alcanza|nos alcanza|tengo para|tenemos para|" +
		"puedo pagar|podemos pagar|me aprueban|nos aprueban|sabia|sabiamos|conocia|conociamos|imaginaba|imaginabamos|" +
		"pensaba|pense)", ""},
	// Visits counted for a house one likes: "I've toured it 2 times now and I'm ready to offer".
	{trigFrustration, scopeOverlap, "toured|seen|visited|viewed|been|visto|visitado|ido|recorrido ..3 # (times now|" +
		"times already|veces ya)", ""},
	{trigFrustration, scopeOverlap, "(mi hermano|mi hermana|mis hermanos|mis hermanas|el albacea|la albacea|mi ex|" +
		"my brother|my sister|my siblings|the executor|my ex) ..8 (sin avisarnos|sin avisarme|sin decirnos|sin decirme|" +
		"without telling us|without telling me|without asking us|without asking me)", ""},
	{trigFrustration, scopeOverlap, "(hay forma de|hay manera de|se puede|puedo|podemos|como puedo|como podemos|" +
		"is there a way to|can i|can we|how can i|how do i|how do we) ..1 terminar|cancelar|rescindir|terminate|cancel|" +
		"end|break ..2 contrato|contract|lease|arriendo|alquiler", "service failure"},
	{trigFrustration, scopeOverlap, "(alleged|allegedly|supposedly|supuestamente|presunta|presuntamente|presuntos) ..2 " +
		"misleading|deceptive|fraud|fraudulent|enganosa|enganosas|enganosos|fraude", "feels cheated"},
}
