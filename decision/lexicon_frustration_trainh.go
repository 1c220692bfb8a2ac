package decision

// Read from train-h's misses, the training set written for frustration in all its forms: an
// ultimatum with a deadline, the bot that never understands, love of a mistreatment, anger
// said plainly ("so mad"), money or a repair demanded back, being passed from agent to agent,
// the same form filled in again, the customer's business lost because of the service, the
// absurd means left ("carrier pigeon"), insults to the bot's memory, a shambles, talking to a
// wall, no talking to the service, mock congratulations, the worst of its kind, "what more do
// you want?", what the commission buys, a problem reported time after time, a price raised on
// the customer, and a sarcastic "good to know".
var frustrationCuesTrainH = []lexEntry{
	// An ultimatum: "if I don't hear from someone by 5 I'm signing with another brokerage".
	{0.8, "an ultimatum", "(if i do not hear|if we do not hear|if nobody|if no one|if i do not get|if we do not get|" +
		"si no me|si no nos|si nadie) ..8 (i am signing|im signing|i will sign|we will sign|i am going with|we are going with|" +
		"i am cancelling|i am canceling|i will cancel|i am done|we are done|firmo con|me voy con|nos vamos con|cancelo)"},
	// The bot that never understands: "You never understand anything.", "nunca entiendes nada".
	{0.8, "never understands", "(you never understand|you never listen|you never get it|you do not understand anything|" +
		"you understand nothing|nunca entiendes|nunca entienden|no entiendes nada|no entienden nada|no me entiendes nada)"},
	// Love of a mistreatment: "Love being put on hold by a robot.", "me encanta que me ignoren".
	{0.85, "mock love", "love|loving|adore being|getting put|ignored|transferred|bounced|charged|ghosted|redirected|" +
		"left|told; (me encanta que me|me fascina que me|nos encanta que nos) ignoren|dejen|cobren|manden|pasen|cuelguen"},
	// Anger said plainly: "I'm so mad I can't even type".
	{0.8, "angry", "(so mad|really mad|very mad|i am mad|pretty mad|super mad|mad at you|mad as hell|beyond mad|" +
		"fuming|seething|livid|encabronado|encabronada|emputado|emputada|cabreadisimo|cabreadisima|rabiando)"},
	// Money or a repair demanded back: "I want my $1,875 back", "I want my water heater fixed".
	{0.8, "demanded back", "(i want|we want|give me|give us|quiero|queremos|devuelvanme|devuelvannos) my|our|mi|mis|" +
		"nuestro|nuestra ..3 (back|refunded|fixed|repaired|returned|de vuelta|devuelta|devuelto|arreglado|arreglada)"},
	// Passed from agent to agent: "the 5th agent I've been reassigned to".
	{0.8, "passed around", "(third|fourth|fifth|sixth|3rd|4th|5th|6th|tercer|tercera|cuarto|cuarta|quinto|quinta) " +
		"?different|distinto|distinta agent|person|rep|representative|asesor|asesora|persona|agente|contact|contacto; " +
		"(to three different|to four different|to three people|to four people|a tres personas|a cuatro personas|" +
		"a tres agentes|a tres asesores)"},
	// The same thing done again and again: "filled out the questionnaire 3 times", "lo he
	// reportado cuatro veces".
	{0.8, "done again and again", "filled|sent|submitted|uploaded|reported|explained|llene|mande|envie|subi|reportado|" +
		"reporte|explicado|explique|avisado|avise ..5 # times|veces; (i am not doing this again|im not doing this again|" +
		"not filling|no voy a llenar|no lo voy a hacer otra vez|no pienso repetir)"},
	// The customer's business lost because of the service: "you are literally costing us
	// showings", "y'all are about to lose a client".
	{0.85, "costing the customer", "(you are|youre|you all are|yall are|you guys are) ..1 costing us|me; " +
		"(is costing us|is costing me|are costing us|has been costing us|have been costing us) ..1 (buyers|showings|" +
		"offers|clients|customers|money|the sale|the deal|compradores|visitas|ofertas|clientes|dinero); (lose a client|losing a client|lose a customer|losing a customer|perder un cliente|perder una clienta|" +
		"perder a un cliente|perdiendo un cliente)"},
	// Absurd means left: "what's next, carrier pigeon?", "¿por señales de humo?".
	{0.85, "absurd means left", "(carrier pigeon|smoke signals|paloma mensajera|senales de humo|telegram next|" +
		"message in a bottle)"},
	// Insults to the bot's wits: "has the memory of a goldfish".
	{0.85, "insult", "(memory of a goldfish|goldfish memory|memoria de pez|memoria de teflon)"},
	// A shambles: "a proper shambles", "esto es un cachondeo".
	{0.8, "a shambles", "(shambles|omnishambles|farce|chapuza|cachondeo|tomadura de pelo|clown show|circo de payasos)"},
	// Talking to a wall: "¿estoy hablando sola?", "am I talking to a wall?".
	{0.85, "talking to a wall", "(talking to myself|talking to a wall|talking to the wall|hablando solo|hablando sola|" +
		"hablando con la pared|hablandole a la pared); (does anyone|does anybody|is anyone|is anybody|alguien) ?even|" +
		"actually|ever read|reading|lee|leen ..1 these|this|my|estos|esto|mis"},
	// No talking to the service: "Contigo no se puede hablar.", "there's no talking to you".
	{0.85, "no talking to you", "(contigo no se puede|con ustedes no se puede|con ustedes no hay manera|" +
		"there is no talking to you|no talking to you|impossible to talk to you|impossible to deal with you)"},
	// Mock congratulations after a failure: "Felicidades a todos ahí.", "congrats to everyone
	// there".
	{0.8, "mock congratulations", "(felicidades a todos|enhorabuena a todos|felicitaciones a todos|congrats to everyone|" +
		"congratulations to everyone|congrats to all of you|bravo a todos)"},
	// The worst of its kind: "la inmobiliaria más lenta de todo Madrid".
	{0.85, "the worst of its kind", "(the slowest|the worst|la mas lenta|el mas lento|la peor|el peor|los peores|" +
		"las peores) ?real ?estate agency|agent|agents|company|service|office|brokerage|landlord|inmobiliaria|agencia|" +
		"servicio|empresa|agente|oficina|atencion; la|el|los|las inmobiliaria|agencia|empresa|agente|oficina|atencion|" +
		"servicio (mas lenta|mas lento|mas lentas|mas lentos|peor|peores|mas inutil|mas desorganizada)"},
	// What more do they want: "¿Qué más quieren?".
	{0.8, "what more do you want", "(que mas quieren|que mas quiere|que mas necesitan|what more do you want|" +
		"what else do you want|what more do you need|what else could you possibly need)"},
	// What the commission buys: "¿esto es lo que hacéis por el 4%?".
	{0.8, "what the fee buys", "(esto es lo que|this is what) ..2 (hacen por|haceis por|hace por|you do for|i pay you for|" +
		"we pay you for|les pago|les pagamos|os pago|os pagamos); (this is what|esto es lo que) (we pay you|i pay you|" +
		"we are paying you|im paying you|les pagamos|les pago|os pagamos|os pago) ..3 for|por"},
	// Made clear and ignored: "Puse clarísimo que necesito planta baja", "I specifically said".
	{0.75, "made clear", "(puse clarisimo|dije clarisimo|lo dije clarito|lo deje claro|lo deje clarisimo|i made it clear|" +
		"i was very clear|i specifically said|i specifically asked|i clearly said|i clearly stated|dije especificamente|" +
		"pedi especificamente)"},
	// A price raised on the customer: "You raised the price AFTER I applied?", "¿lo subís cada
	// vez que alguien pregunta?".
	{0.8, "price raised on the customer", "raised|increased|upped|hiked|subieron|subio|subis|suben ..3 price|rent|" +
		"precio|renta|alquiler ..4 (after i|after we|despues de que); (lo suben cada vez|lo subis cada vez|" +
		"lo subes cada vez|la suben cada vez|raise it every time|raise it whenever)"},
	// A sarcastic "good to know": "good to know that 'urgent' means next week".
	{0.75, "sarcasm", "(good to know|nice to know|glad to know|que bueno saber) ..8 means|significa|counts|cuenta"},
}

// frustrationNeutralTrainH: the near misses of train-h: someone else's complaint reported
// with the customer's own praise ("my friend says you never call back, but you called me
// within an hour"), a seller's price ("the seller is asking an insane amount"), a lucky
// third try, the customer's own forgetfulness ("sorry, I asked this before, I forgot"), a
// bad review ruled out, real help ("that calculator saved me hours"), others who keep calling
// ("the tenants keep calling"), a joke just made ("jk. But seriously"), pay that does not
// stretch ("con mi sueldo no llego"), friendly slang beside praise ("qué bárbaro, boludo, ¡qué
// vista!").
var frustrationNeutralTrainH = []neutralizer{
	{trigFrustration, scopeMessage, "(my brother|my sister|my friend|my friends|a friend|my coworker|my neighbor|" +
		"my neighbour|people online|mi hermano|mi hermana|mi amigo|mi amiga|un amigo|una amiga|mi vecino|mi vecina) " +
		"..1 swears|says|said|told|warned|complains|complained|complaining|dice|dijo|decia|advirtio|quejaba", ""},
	{trigFrustration, scopeOverlap, "asking|asks|want|wants|wanting|pide|piden|pidiendo ..3 insane|crazy|ridiculous|absurd|" +
		"locura|barbaridad", ""},
	{trigFrustration, scopeMessage, "(third time is the charm|third times the charm|third time lucky|" +
		"a la tercera va la vencida|fingers crossed|cruzamos los dedos|crucemos los dedos)", ""},
	{trigFrustration, scopeMessage, "(i forgot|i just forgot|se me olvido|me olvide|soy un desastre|my bad|mi culpa|" +
		"sorry to ask again|perdona que te lo vuelva|perdon por preguntar otra vez|disculpa que pregunte otra vez)", ""},
	{trigFrustration, scopeOverlap, "(not going to|not gonna|no voy a|no pienso) ..1 leave|write|post|dejar|poner|escribir " +
		"?a|an|una|un ?bad|negative|mala|negativa review|resena|calificacion", ""},
	{trigFrustration, scopeMessage, "(saved me|saved us|me ahorro|nos ahorro) ..2 (hours|time|money|a ton|a lot|horas|" +
		"tiempo|dinero|mucho)", ""},
	// Others who keep calling the customer: "the tenants keep calling".
	{trigFrustration, scopeOverlap, "tenants|tenant|inquilinos|inquilino|creditors|collectors|acreedores|neighbors|" +
		"neighbours|vecinos ..1 keep|keeps|siguen|sigue calling|texting|emailing|llamando|escribiendo", ""},
	// A joke just made: "Is the house haunted? jk. But seriously, how old is it?".
	{trigFrustration, scopeMessage, "(jk|just kidding|just joking|es broma|es chiste|no es cierto)",
		"exasperation|curt exasperation"},
	// Pay that does not stretch is hardship, not a reply that never came: "con mi sueldo no
	// llego".
	{trigFrustration, scopeMessage, "sueldo|salario|ingresos|pension|quincena|paycheck", "nobody answers"},
	{trigFrustration, scopeMessage, "(que vista|que lindo|que linda|que hermoso|que hermosa|que bueno|que buena|" +
		"que divino|que divina|que chimba)", "insult"},
}
