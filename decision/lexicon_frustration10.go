package decision

// Read in the round that opened fresh9: fees or a service called a joke ("your fees are a
// joke"), the slowest process there is ("we could have built a house from scratch by now"),
// passive aggression ("not like my schedule matters"), a pointed "is there a reason ...
// still", how long it will go on ("¿hasta cuándo?", "ya no sé cómo pedirlo"), outrage at a
// breach ("isn't that illegal??"; "is that even legal?" asks), all a system does ("all your system does is send
// reminders"), and the same failure again ("¿otra vez se cayó la página?").
var frustrationCues10 = []lexEntry{
	// The fees or the service called a joke: "Your fees are a joke.", "sus comisiones son un chiste".
	{0.8, "called a joke", "fees|fee|commission|commissions|service|prices|rates|rent|process|support|answers|replies|" +
		"comisiones|comision|servicio|precios|tarifas|respuestas|atencion ..1 are|were|is|was|son|es|eran|era ?a|an|un|una ..1 " +
		"joke|chiste|broma|burla|robo|ripoff|scam|estafa"},
	// The slowest there is, or a house built by now: "this is the slowest process ever", "we
	// could have built a house from scratch by now", "a este paso me jubilo".
	{0.8, "slowest there is", "slowest|longest ..3 (ever|in history|on earth|in the world|of my life); " +
		"(could have|could of|couldve|would have) ..2 built|build|bought|sold|grown|finished ..6 by now; " +
		"(a este paso|at this rate) ..3 (me jubilo|me muero|nos morimos|i will be retired|i will be dead|we will be dead|" +
		"ill be retired|ill be dead|ill be #|we will be retired|termino de viejo)"},
	// Passive aggression: "not like my schedule matters", "guess our time doesn't matter",
	// "como si mi tiempo no importara".
	{0.8, "as if it did not matter", "(not like|its not like|it is not like|as if) ..1 my|our ..1 " +
		"schedule|time|opinion|money|feelings|input|questions|needs|concerns matters|matter|counts|count|mattered; " +
		"(guess|i guess|apparently|clearly|obviously) my|our ..1 schedule|time|opinion|money|questions|concerns " +
		"(does not matter|do not matter|is not important|are not important|means nothing|mean nothing); " +
		"(como si|parece que) ..1 mi|nuestro|nuestra|nuestros|mis ..1 tiempo|horario|opinion|dinero|preguntas ..1 " +
		"(no importara|no importaran|no importa|no importan|no contara|no valiera|no vale)"},
	// A pointed question why it is still not done: "Is there a reason my deposit still hasn't
	// been returned??", "¿hay alguna razón por la que todavía no me contestan?".
	{0.8, "a pointed why", "(is there a reason|is there any reason|any reason why|is there a good reason) ..6 (still|" +
		"has not|have not|is not|are not|was not|did not|does not|nobody|no one|never); " +
		"(hay alguna razon|hay algun motivo|alguna razon|algun motivo) ..6 (todavia|aun|nadie|nunca|no me|no nos|no han|no ha)"},
	// How long it will go on: "¿Hasta cuándo?", "ya no sé cómo pedirlo", "how much longer".
	{0.8, "how long will it go on", "(hasta cuando|how many more days|how many more weeks|how long are you going to|" +
		"how long do i have to keep|how long am i supposed to); how much longer do|will|are|is|am|must|until|before; (ya no se como|no se ya como|no se de que otra forma|" +
		"no se de que otra manera|i do not know how many more ways) ..1 pedirlo|pedir|" +
		"decirlo|decir|explicarlo|explicar|preguntar|preguntarlo|ask|say|explain|put"},
	// Outrage at a breach: "isn't that illegal??", "¿eso no es ilegal?", "how is that even legal".
	{0.75, "outrage at a breach", "(is not that illegal|is not this illegal|" +
		"how is that legal|how is this legal|how is that even legal|how is this even legal|eso no es ilegal|esto no es ilegal|" +
		"como es eso legal|como puede ser legal|eso es legal siquiera)"},
	// All a system does: "all your system does is send me automated reminders", "lo único que
	// hace su sistema es mandar correos".
	{0.8, "all it does", "all your|the ..1 system|bot|app|site|website|company|chat|office (does is|do is|ever does is|ever do is); " +
		"(lo unico que hace|todo lo que hace) ..1 su|tu|el|este ..1 sistema|bot|app|pagina|chat|oficina"},
	// The same failure again: "¿otra vez se cayó la página?", "down AGAIN", "the portal crashed again".
	{0.8, "the same failure again", "(otra vez|de nuevo|again) ..1 (se cayo|caida|caido|fallo|falla|no funciona|no carga|no abre|" +
		"no sirve|no jala|down|broken|crashed|not working|failed); (down|broken|crashed|failed|not working|is not working|" +
		"does not work|will not load) again; (se cayo|fallo|no funciona|no carga|no abre|no sirve|no jala) ..3 (otra vez|de nuevo)"},
	// A Mexican exclamation that only adds: "No manches, ¿otra vez?".
	{0.5, "exclamation", "(no manches|no mames|no inventes|no jodas|que onda con)"},
}

// frustrationNeutral10: what takes those cues, or older ones, back: a question how long a
// step takes ("¿hasta cuándo tengo para firmar?"), a law asked about calmly ("is that even
// legal for a landlord to do? just curious"), mock approval said of good news ("lol love
// that for me, we got the house!"), and trash as a service of the home ("is trash pickup
// included?").
var frustrationNeutral10 = []neutralizer{
	// A deadline asked: "¿hasta cuándo tengo para firmar?", "¿hasta cuándo está disponible?".
	{trigFrustration, scopeClause, "hasta cuando ..2 tengo|tenemos|tiene|tienen|esta|estan|es|puedo|podemos|dura|vale|" +
		"sigue|aplica|aceptan|recibe|reciben|hay", "how long will it go on"},
	// Curiosity about a law, not outrage: "is that even legal? just curious".
	{trigFrustration, scopeMessage, "(just curious|just wondering|solo curiosidad|por curiosidad|asking for a friend|" +
		"out of curiosity)", "outrage at a breach"},
	// Mock approval said of good news is approval: "lol love that for me, we got the house!".
	{trigFrustration, scopeMessage, "(we got the house|we got it|got the keys|got the house|got approved|we closed|" +
		"offer was accepted|offer got accepted|accepted our offer|they accepted|nos aceptaron|nos dieron las llaves|" +
		"we got the apartment|got the apartment|so happy|so excited|muy feliz|muy felices)", "sarcasm"},
	// Trash as a service of the home: "is trash pickup included?", "garbage collection day".
	{trigFrustration, scopeOverlap, "trash|garbage (pickup|collection|day|service|bins|cans|included|fee|removal|and recycling); " +
		"(water and|water sewer and|sewer and|water sewer) trash|garbage", "exasperation"},
}
