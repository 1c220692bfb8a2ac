package decision

// Read in the round that opened fresh10: incredulity at what the customer is asked to bear
// ("so let me get this straight, I pay 8% and fix the leak myself?"), one job and not done
// ("you guys had ONE job"), the only way to get an answer ("apparently that's the only way to
// get an answer around here"), an account demanded ("explain to me how that happened"),
// idioms of patience at its end ("esto ya pasa de castaño oscuro", "¿hay vida inteligente
// ahí?"), mock praise of the service ("qué maravilla de atención"), and leaving for good or
// warning others ("nunca más compro con ustedes", "voy a contar en todos los grupos cómo nos
// trataron").
var frustrationCues11 = []lexEntry{
	// Incredulity at what the customer is asked to bear: "so let me get this straight", "a ver
	// si entiendo".
	{0.8, "incredulity", "(let me get this straight|let me see if i understand this|so you are telling me|" +
		"are you seriously telling me|you are seriously telling me|a ver si entiendo|o sea que me estas diciendo|" +
		"me estas diciendo en serio|me esta diciendo en serio|me estan diciendo en serio)"},
	// One job and not done: "You guys had ONE job.", "tenían una sola tarea".
	{0.85, "one job", "(you had|you guys had|you all had|yall had|you people had|y all had|you literally had) ?only " +
		"one|1 job; (tenian una sola tarea|tenian un solo trabajo|tenian una sola cosa que hacer|" +
		"una sola cosa que hacer|era lo unico que tenian que hacer|was the only thing you had to do)"},
	// The only way to get an answer: "apparently that's the only way to get an answer around
	// here", "por lo visto es la única forma de que me contesten".
	{0.8, "the only way to get an answer", "(only way|only way i|only way we) ..2 get|getting ..2 answer|answers|response|" +
		"reply|anything|something|help|callback ..3 (around here|from you|from you guys|from you people|with you); " +
		"(apparently|aparentemente|por lo visto|al parecer) ..3 (only way|unica forma|unica manera); " +
		"(unica forma|unica manera) de que ..2 contesten|respondan|hagan caso|atiendan|llamen"},
	// An account demanded: "Explain to me how that happened.", "explíquenme cómo pasó esto".
	{0.8, "an account demanded", "(explain to me|explain to us|explain|expliquenme|expliqueme|explicame|expliquen|explique) " +
		"how|why|como ..2 that|this|it|eso|esto ?even|pudo|could happened|happens|happen|paso|pasar|ocurrio; " +
		"(explain to me|explain to us|expliquenme|expliqueme|explicame) how|why|como|por ..6 happened|ended|possible|paso|pudo|" +
		"acabo|termino|ocurrio"},
	// Patience at its end, in idioms: "esto ya pasa de castaño oscuro", "¿hay
	// vida inteligente ahí?".
	{0.85, "patience at its end", "(pasa de castano oscuro|pasando de castano oscuro|paso de castano oscuro|" +
		"hay vida inteligente|alguien con dos dedos de frente|this is beyond a joke|beyond a joke|last straw|ultima gota|" +
		"gota que colmo|colmo el vaso|colma el vaso|the final straw|i have had it|ive had it)"},
	// Mock praise of the service: "qué maravilla de atención", "what stellar service".
	{0.8, "mock praise of the service", "(que maravilla de|que joya de|que belleza de|que eficiencia de|vaya|menuda|menudo) " +
		"atencion|servicio|comunicacion|eficiencia|profesionalismo; (stellar|top notch) service|communication|work|job"},
	// Leaving for good: "Nunca más compro con ustedes.", "never using you people again",
	// "estoy pensando en llevarme el piso a otra agencia".
	{0.85, "leaving for good", "(nunca mas|jamas) ..2 compro|vuelvo|trabajo|contrato|rento|alquilo|recomiendo|uso ..2 con|a " +
		"ustedes|esta|este|su; (never|not) ..2 (using you again|use you again|work with you again|doing business with you); " +
		"(llevarme|llevar|llevo|me llevo) ..3 (a otra agencia|" +
		"con otra agencia|a otra inmobiliaria|con otra inmobiliaria|a otro agente|con otro agente|a la competencia); " +
		"(cancelar la exclusiva|cancel the listing agreement|cancel our listing agreement|terminate the listing agreement|" +
		"romper la exclusiva)"},
	// Warning others: "Voy a contar en todos los grupos del barrio cómo nos trataron", "I'm
	// telling everyone I know".
	{0.85, "warning others", "(voy a contar|voy a publicar|voy a poner|vamos a contar|vamos a publicar) ..8 (como nos trataron|" +
		"como me trataron|como nos atendieron|como me atendieron|lo que nos hicieron|lo que me hicieron|para que nadie mas); " +
		"(para que nadie mas caiga|para que nadie mas pase por esto|so nobody else falls for|so no one else falls for|" +
		"so nobody else has to|so no one else has to); (telling everyone|tell everyone|warn everyone|warning everyone|advertir a todos|contarle a todos) " +
		"..4 (about you|about this|how you|how we were treated|como nos trataron|sobre ustedes)"},
}

// frustrationNeutral11: what takes those cues, or older ones, back: an account asked calmly
// ("can you explain how escrow works?"), an accusation against the customer ("claiming we
// misrepresented"), a party to the customer's matter ignoring it ("he's ignoring the court
// order"), stopping a thing asked about ("or stop it somehow?"), and praise that is meant
// ("vaya servicio tan rápido, ¡gracias!").
var frustrationNeutral11 = []neutralizer{
	// How a thing works, asked: "can you explain to me how the escrow happens?".
	{trigFrustration, scopeOverlap, "(can you|could you|would you|puedes|podrias|puede|podria|please|por favor) ..1 " +
		"explain|explicar|explicarme|explicame", "an account demanded"},
	// An accusation against the customer, not by them: "the buyer's attorney sent a letter
	// claiming we misrepresented the square footage".
	{trigFrustration, scopeOverlap, "claim|claims|claiming|claimed|says|said|alleges|alleging|alleged|accuse|accuses|accusing|" +
		"accused|dice|dicen|alega|alegan|acusa|acusan ..2 we|i|us|me|que ..2 misrepresented|lied|hid|concealed|mintio|mentimos|" +
		"ocultamos|oculte", ""},
	// A party to the customer's matter ignoring it, not the service ignoring the customer: "the
	// court order says he has to sign it over, but he's ignoring it".
	{trigFrustration, scopeOverlap, "he|she|hes|shes|ex|seller|sellers|buyer|buyers|tenant|tenants|neighbor|neighbour|" +
		"contractor|builder ?is|are|keeps|keep|just ignoring|ignores|ignored", ""},
	// Stopping a thing asked about: "can I buy it back or stop it somehow?".
	{trigFrustration, scopeOverlap, "(or|can i|can we|could i|could we|how to|how do i|how do we|how can i|how can we|way to) " +
		"..1 stop it|this|them", ""},
	// Meant: "vaya servicio tan rápido, ¡gracias!".
	{trigFrustration, scopeMessage, "(thank you|thanks|gracias|muchas gracias|mil gracias|appreciate it|te lo agradezco|" +
		"les agradezco|so happy|muy contento|muy contenta|you are the best|son los mejores)", "mock praise of the service"},
}
