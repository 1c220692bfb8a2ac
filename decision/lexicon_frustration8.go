package decision

// Read in the round that opened the training sets (train-a to train-g): leaving for a
// competitor ("me voy con otra inmobiliaria", "taking my listing elsewhere"), an ultimatum
// ("final notice", "I'm done asking nicely"), paying for nothing ("what exactly am I paying
// you for?"), having to say it all again ("I have to explain this again", "¿qué parte de
// ... no entendieron?"), nobody taking it on ("me tienen de aquí pa allá", "did anyone
// proofread this?"), less help than anyone ("I've had more help from the milkman"), mock
// gratitude ("thank you for nothing", "just what I needed"), displeasure said flat ("not
// impressed", "deja mucho que desear"), the listing a lie ("bait and switch", "fake
// photos"), giving up on the chat ("k forget it", "I'll figure it out myself"), an oath
// ("jesus christ", "vaya tela"), contact not wanted ("why am I getting texts at 6am"), no
// time for twenty questions, not being cared for ("you only care about the money"), contempt
// for the work ("fatal service", "wrong again"), being worn out ("me tienen cansado"), things
// done behind the customer's back ("without my consent", "a fee nobody mentioned"), still
// not done ("how is this still not sorted", "where's my money"), failures counted ("the
// third link you've sent", "three weeks and zero showings"), and reproach made politely
// ("would've been nice to hear about it", "I look forward to your explanation").
var frustrationCues8 = []lexEntry{
	{0.8, "leaving for a competitor", "(me voy|nos vamos|me cambio|nos cambiamos|me paso|nos pasamos|busco|buscamos|buscare|" +
		"me iria|me ire) ..3 otra|otro inmobiliaria|agencia|agente|corredor|corredora|empresa; " +
		"(me voy|nos vamos|me cambio|me paso|me iria|me ire) ..2 la competencia; " +
		"mejor|prefiero ..2 busco|buscar|voy|irme ..2 con|a otra|otro ..1 inmobiliaria|agencia|agente|corredor|empresa; " +
		"(taking|take|move|moving|pull|pulling|llevo|retiro|retirar) ..2 my|our|the|mi|nuestra|la listing|business|propiedad|" +
		"casa|exclusiva ..2 (elsewhere|somewhere else|a otra|a otro|con otra|con otro); " +
		"(going with|go with|switch to|switching to|switching over to|i will go with|i am going with) (the competition|" +
		"your competitor|a competitor|another brokerage|a different brokerage); " +
		"cancelo|cancelamos|cancelar|rescindo|retiro ..2 la|el|mi exclusiva|contrato|anuncio ..4 (me voy|nos vamos|me cambio); " +
		"(plenty of other brokers|plenty of other agents|plenty of other realtors|plenty of brokers|plenty of agents|" +
		"plenty of realtors)"},
	{0.8, "ultimatum", "(final notice|final warning|last warning|ultimo aviso|ultima advertencia|done asking nicely|" +
		"last time i am asking|last time i ask|last time i try|last time i will ask|es la ultima vez que|por ultima vez te|" +
		"lo digo en serio|not negotiable|no es negociable|asi de claro); " +
		"(give you|te doy|les doy|le doy|os doy) until|hasta ..5 (or|then|and then|si no|o si no|y si no|o me|y me|y luego); " +
		"(or we|or i) ..1 move|go|walk|switch|pull|cancel|leave ..2 to|with|the|our|my|elsewhere|a|another|different"},
	{0.8, "paying for nothing", "what ?exactly am|are i|we paying you|rent ..1 for; what ?exactly i|we am|are paying you|rent ..1 for; " +
		"(para que les pago|para que le pago|para que te pago|para que pagamos|" +
		"para que pago); (paying|pay|pago|pagamos|pagando|cobran|charge|charging) ..6 (for precisely this|for exactly this|" +
		"precisely for this|justamente para eso|precisamente para eso|justo para eso); " +
		"(what exactly are you|what exactly have you|what exactly do you|que es lo que hacen|que estan haciendo exactamente) ..2 " +
		"doing|done|managing|do|manage|for; (you have done what exactly|done what exactly|hecho que exactamente); " +
		"commission|comision|charge|cobran|cobras ..6 and|y ..4 (can not|could not|did not|do not|no pueden|no pudo|no pudieron|" +
		"ni siquiera|not even)"},
	{0.8, "saying it again", "have|has|must|need|tengo|tenemos|debo ?to|que ..1 explain|explicar|explicarlo|repeat|repetir ..3 (again|all over again|" +
		"from the beginning|otra vez|de nuevo|desde el principio|desde cero); " +
		"(what part of|que parte de) ..8 no entend*|entiend*; (what part of) ..8 (do you not|did you not|you do not|is not clear|" +
		"was not clear|is unclear); " +
		"not understanding what i|me|my; answered|contestado|respondido|conteste|respondi ..3 # ..3 questions|preguntas; " +
		"(llevo|llevamos|been) ..4 contestando|respondiendo|answering ..1 preguntas|questions; " +
		"(going round in circles|going around in circles|round in circles|" +
		"no llegamos a ninguna parte|no llegamos a nada|no vamos a ninguna parte|en circulos)"},
	// Trying once more may be about anything ("I'll try once more to upload it").
	{0.6, "trying once more", "(i will try once more|ill try once more|let me try once more|lo intento otra vez|" +
		"lo intento de nuevo|intento una vez mas)"},
	{0.8, "nobody takes it on", "(me tienen|me traen|nos tienen|nos traen|me mandan|nos mandan) ..2 (de aqui pa alla|de aqui para alla|de un lado para otro|" +
		"de un lado a otro|de la ceca a la meca); (nadie se hace cargo|nadie se responsabiliza|nadie responde por|passing the buck|pass the buck|blaming each other|" +
		"echan la culpa|se echan la culpa|me pelotean); keeps|keep blaming; " +
		"(did anyone|did anybody|does anyone|does anybody|has anyone|has anybody) ?even|actually proofread|proof; how did|does|could nobody|noone ..2 catch|notice|spot|check|proofread|mention|tell; " +
		"(how did no one|how could no one|how does no one) ..2 catch|notice|spot|check|proofread|mention|tell; " +
		"how did|could you|anyone ..1 miss; (who writes these|who wrote this|quien escribe esto|quien escribio esto); who|whos ?is ?actually doing ..1 job"},
	{0.8, "less help than anyone", "(had more help from|get more help from|got more help from|" +
		"gotten more help from); (me ayuda mas|me ayudo mas|me ayudaria mas|me ayudan mas|me ayudaba mas) ..6 que; (mas perdido que|mas perdida que|mas perdio que); " +
		"i could ..6 faster|better|quicker ..4 myself|phone|own"},
	// Alone these may be meant ("thanks, just what I needed", "¡qué eficiencia, gracias!").
	{0.6, "sarcastic thanks", "(just what i needed|just what we needed|justo lo que necesitaba|justo lo que necesitabamos|" +
		"que eficiencia|muy util todo|super util todo)"},
	{0.6, "automated again", "otro|otra ..1 mensaje|respuesta ..1 automatico|automatica|generico|generica"},
	{0.8, "mock gratitude", "(thank you for nothing|thank you so much for nothing|" +
		"really nailing it|nailing it today|thanks a lot for nothing|so helpful not); " +
		"marvellous|marvelous|wonderful|great|genial|fantastic|maravilla ..1 another|" +
		"otro|otra ..1 form|forms|formulario|message|mensaje|link|enlace|bot|chatbot|robot|automated|automatico|automatic"},
	{0.8, "unimpressed", "(not impressed|nada impresionado|nada impresionada); " +
		"(deja mucho que desear|dejan mucho que desear|leaves a lot to be desired|leaves much to be desired|" +
		"left a lot to be desired|left much to be desired); " +
		"(getting to be a bit much|un poco mucho|esto ya es demasiado|ya es el colmo); " +
		"(had quite enough|had just about enough|have had quite enough|ya tuve suficiente|ya tuvimos suficiente); " +
		"(never been treated|never treated me|nunca me habian tratado|nunca nos habian tratado|nunca me trataron|" +
		"nunca nos trataron) ..2 (like this|this way|so badly|this badly|so poorly|this poorly|asi|tan mal); " +
		"inadmisible|intolerable|indignante|vergonzoso"},
	{0.8, "listing a lie", "(bait and switch|bait n switch|fake photos|fake pictures|fake listing|fake listings|" +
		"fotos falsas|fotos trucadas|anuncio falso|anuncios falsos|publicidad enganosa|false listing); " +
		"(why|por que) you|ustedes ..1 put|post|use|ponen|publican|usan ..1 fake|old|false|falsas|viejas; " +
		"(you change the rules|change the rules when|cambian las reglas|cambian las condiciones|move the goalposts|" +
		"moving the goalposts); (siempre igual con|nunca cuadra nada|nada cuadra|nothing ever matches|nothing adds up)"},
	{0.8, "giving up on it", "(k|ok|okay|fine|ok then|fine then) (forget it|olvidalo); " +
		"(never mind|nevermind|nvm|forget it|olvidalo|dejalo) ..3 figure|find|do|look|search|busco|hago ..3 (myself|yo mismo|yo misma|" +
		"on my own|por mi cuenta); " +
		"(i will|ill|i am|we will|i guess i will|i will just|ill just|i am just) ?just ..1 (figure it out myself|find it myself|" +
		"do it myself|look myself|search myself|figure it out on my own); find|search|look ..4 zillow|redfin|trulia|" +
		"idealista|craigslist|google ..1 myself; (mejor lo busco yo|lo busco yo mismo|lo busco yo misma|lo hago yo mismo|" +
		"lo hago yo misma|dejalo ya)"},
	{0.8, "oath", "(jesus christ|christ almighty|good grief|good lord|oh my god seriously|vaya tela|que tela|menudo quilombo|" +
		"que quilombo|que despelote|que desmadre|que relajo tienen|que cagada|madre mia que)"},
	{0.75, "unwanted contact", "why am i|we ?still getting|receiving ..2 texts|calls|emails|messages ..3 at|every|cada; " +
		"(i said no calls|i said text only|dije que no me llamen|dije que no llamaran|dije solo mensajes); (why is someone|" +
		"why is somebody|why are people|why are you) ?still calling|texting|emailing ..1 me; (no me mandes mas|no me manden mas|" +
		"no me envies mas|no me envien mas) ..4 si|if ?te|les|ya ..1 dije"},
	{0.75, "no time for questions", "(do not have time for|no tengo tiempo para|no tenemos tiempo para|not doing|not playing) ..1 (tanta pregunta|" +
		"tantas preguntas|tanta preguntadera|all these questions|so many questions|20 questions|twenty questions)"},
	{0.8, "not cared for", "(you|ustedes|they) ?guys|people|all|obviously|clearly ..2 (do not care|only care|dont care|no les importa|" +
		"solo les importa|solo les interesa); (only care|only cares|only interested in|solo les importa|solo te importa|" +
		"solo les interesa|solo te interesa) ..4 money|dinero|commission|comision|collect|cobrar|paid|rent|renta; " +
		"(is that too much to ask|is this too much to ask|too much to ask|es mucho pedir|es demasiado pedir|es tanto pedir)"},
	// Contempt for what the service sent or did: "fatal service", "the photos are horrible",
	// "esto es un chiste", "wrong again", "someone with a brain".
	{0.8, "poor work", "(fatal service|servicio fatal|atencion fatal|fatal atencion|wrong again|mal otra vez|otra vez mal|" +
		"equivocado otra vez|equivocados otra vez|equivocada otra vez); " +
		"photos|pictures|fotos|listing|anuncio|description|descripcion ..2 are|is|son|es|look|ven ..1 horrible|horribles|" +
		"terrible|terribles|awful|pesimas|pesimos|malisimas|fatales; esto|eso es ?un|una chiste|broma|burla|circo|payasada; " +
		"(someone with a brain|somebody with a brain|anyone with a brain|someone with half a brain|someone with a clue|" +
		"somebody with a clue|anyone with a clue|alguien con cerebro|alguien con dos dedos de frente); " +
		"(not debating|not arguing|not going to argue|no voy a discutir|no pienso discutir) ..3 bot|chatbot|robot|machine|maquina"},
	// Wearied or fed up, in words the older lists lack: "me tienen cansado", "qué fastidio",
	// "se está pasando de la raya", "kinda over this whole process".
	{0.8, "worn out", "(me tienen|me tiene|me tienes|nos tienen) cansado|cansada|cansados|harto|harta|podrido|podrida|" +
		"aburrido|aburrida|frito|frita; (out of line|crossed the line|se pasaron de la raya|pasarse de la raya); pasando ..3 de la raya; " +
		"(kinda over|kind of over|so over|really over|pretty over|totally over) this|it|all; " +
		"mismos|mismas mensajes|respuestas ..1 automaticos|automaticas|siempre"},
	// A nuisance, which may be the customer's own ("qué fastidio, olvidé la contraseña").
	{0.6, "nuisance", "(que fastidio|q fastidio|que lata|que pesadez|what a pain|such a pain)"},
	// Done behind the customer's back, or kept from them: "without my consent", "a tech fee
	// nobody mentioned".
	{0.8, "behind my back", "(without my consent|without my permission|without asking me|without asking us|sin mi consentimiento|sin mi permiso|sin consultarme|sin preguntarme|sin avisarme|sin consultarnos); " +
		"fee|fees|charge|charges|cargo|cargos|cobro|comision ..5 (nobody mentioned|no one mentioned|" +
		"nobody told|never mentioned|nadie menciono|nadie me dijo|nunca mencionaron|nadie nos dijo); " +
		"misrepresent*|tergivers*; (nothing he promised|nothing she promised|nothing they promised|nothing you promised|" +
		"no cumplio nada|no cumplieron nada|no cumplio con nada|nada de lo que prometio|nada de lo que prometieron|" +
		"none of what was promised)"},
	// Still not done, with the reproach in the asking: "how is this still not sorted",
	// "where's my money", "hasn't replied in a week".
	{0.75, "still not done", "how is|are this|it|that|these ..1 still not|unsorted|unresolved ..1 sorted|fixed|done|resolved|" +
		"updated|here|ready|sent; (como es que todavia no|como es posible que todavia|como que todavia no); " +
		"(where is my money|where is my refund|where is our money|donde esta mi dinero|donde esta mi plata|" +
		"donde esta mi reembolso); (has not|have not|had not|did not) ..1 replied|responded|answered|called|written ..2 in|for ..2 a|" +
		"#|over ..1 week|weeks|days|month; todavia|aun no ..2 llego|llegaron|llega; " +
		"(been waiting|have waited|llevo esperando|llevamos esperando) ..1 # ..1 min|mins|minutes|hours|hrs|horas|minutos|days|dias|weeks|semanas; " +
		"(is not|are not|has not been|have not been|no esta|no estan|no ha|no han) doing|haciendo|hecho anything|nada ..2 about|por; " +
		"trying to sort|fix|resolve|solve|arreglar|resolver ?this|it|esto ..2 for|por # ..1 days|weeks|dias|semanas; " +
		"cancelo|cancelamos|rescindo|rescindimos ..2 el|mi|la|nuestro ..1 contrato|exclusiva|servicio"},
	// The same useless thing sent again, counted: "that's the third link you've sent", "el
	// tercer enlace que me mandan"; and time spent on nothing: "three weeks and zero
	// showings", "tres días para mandarme un PDF".
	{0.75, "counted failures", "third|fourth|fifth|3rd|4th|5th|umpteenth link|links|article|articles|faq; tercer|cuarto|quinto|tercera|cuarta|quinta enlace|link|articulo|respuesta|mensaje; " +
		"# ..1 days|weeks|months|dias|semanas|meses ..6 (zero|cero|not a single|without a single|sin una sola|sin un solo|" +
		"ni una|ni un) ..1 showing|showings|viewing|viewings|visita|visitas|offer|offers|oferta|ofertas|feedback|calls|llamadas"},
	{0.6, "time for little", "# ..1 days|weeks|dias|semanas|hours|horas for|para ..1 a|an|un|una|mandarme|enviarme|sending|send|" +
		"get|mandar|enviar|answer|contestar|responder"},
	// Reproach made politely: "would've been nice to hear about it before the deadline", "I
	// look forward to your explanation", "thanks for the update I guess".
	{0.8, "polite reproach", "(would have been nice|would have been good|would have been great|would of been nice) ..1 to ..2 know|hear|heard|told|" +
		"warned|informed|known; " +
		"(look forward to your explanation|expect an explanation|demand an explanation|explain themselves|explain yourselves|" +
		"exijo una explicacion|quiero una explicacion|espero una explicacion|merezco una explicacion)"},
	// A question asked again or left unanswered, which may be only that, so it needs another
	// cue. (Two more such half-cues, knowing and keeping quiet and "why does it still say",
	// were dropped: a cue of any weight lets the classifier fire at its lower bar for a cued
	// line, and with them it fired on "the agent knew the area and said nothing bad about it"
	// and "why is the listing still showing photos from summer?".)
	{0.6, "simple question", "(algo tan simple|algo tan sencillo|something so simple|such a simple thing|something this simple|" +
		"so simple a question|this is the second time|es la segunda vez|asking again|got nothing|heard nothing|no recibi nada)"},
	{0.45, "proof of payment", "(have the bank confirmation|have the confirmation|have the bank statement|tengo la confirmacion|" +
		"tengo el comprobante del banco)"},
	{0.6, "still nothing", "(sigo sin saber|seguimos sin saber|still do not know|still have no idea|still no idea|" +
		"still no answer|still no word|todavia no se nada|aun no se nada)"},
	{0.75, "chasing the date", "day # ..2 waiting|esperando; since|desde ?hace # ..1 days|weeks|months|dias|semanas|" +
		"meses ..4 asking|pidiendo|preguntando|reclamando|waiting|esperando; hace # ..1 dias|semanas|meses ..2 pregunto|pido|" +
		"reclamo|llamo|escribo|pregunte|pedi"},
}

// frustrationNeutral8: what takes those cues, or older ones, back: the customer's own
// troubles said of themselves ("I feel useless", "worst year of my life", "no llego a fin de
// mes", "sorry I haven't answered"), someone else complained of to the county, negations of
// anger ("no es que esté molesta"), and excitement ("ridiculous how quickly houses sell").
var frustrationNeutral8 = []neutralizer{
	// "con un solo sueldo no llego", "no llego a fin de mes": money that does not stretch.
	{trigFrustration, scopeOverlap, "no llego|llegamos a fin|pagar; no llego|llegamos con ?el|la|los|las ..1 pago|pagos|renta|alquiler|" +
		"arriendo|cuota|hipoteca|dividendo|gastos", "nobody answers"},
	{trigFrustration, scopeMessage, "euribor; fin de mes; no me alcanza", "nobody answers"},
	// The customer's own feeling of failure: "I feel useless", "me siento inútil", "feel like an idiot".
	{trigFrustration, scopeOverlap, "feel|feeling|felt|siento|sentir ?like|como ?an|a|un|una ..1 useless|idiot|stupid|dumb|" +
		"inutil|idiota|tonto|tonta|estupido|estupida|failure|fracaso", "exasperation"},
	{trigFrustration, scopeOverlap, "(sorry if this is|perdon si es|disculpe si es) ..1 dumb|stupid|silly|tonto|tonta; " +
		"the|some|a|las|unas ..1 dumb|stupid|silly|tontas ..1 questions|question|preguntas", "exasperation"},
	// A bad year or a bad state of one's own life: "worst year of my life", "estoy hecha un desastre".
	{trigFrustration, scopeOverlap, "worst|peor ..3 (of my life|of our lives|de mi vida|de nuestra vida); " +
		"(estoy hecha|estoy hecho|i am) ?un|una|a ..1 desastre|mess|wreck", "poor service|complaint"},
	// Being sad to leave a home: "very upset about leaving my home".
	{trigFrustration, scopeOverlap, "upset|sad|molesta|molesto|triste ..2 about|to|por ..1 leave|leaving|moving|selling|losing|" +
		"dejar|irme|vender|perder", "complaint"},
	// The customer who did not answer: "I am ashamed to say I have not answered", "Sorry I haven't answered".
	{trigFrustration, scopeOverlap, "i|we|yo ?have|has|had ..1 not|never ?yet answered|answer|replied|responded; " +
		"(me da verguenza|pero no contesto|yo no contesto|no he contestado|no he respondido)", "asked again"},
	{trigFrustration, scopeMessage, "(sorry i have not|sorry i did not|sorry for not|perdon por no|disculpe que no|" +
		"ashamed to say|me da verguenza)", "asked again"},
	// Time as the measure of a hardship, not of waiting: "chemo starts in 2 wks and I can't do stairs".
	{trigFrustration, scopeOverlap, "# ..1 days|weeks|wks|months|dias|semanas|meses and|y i|we|yo can|could|did|do|cant|" +
		"didnt; # ..1 days|weeks|dias|semanas and|y ?the|my|el|mi landlord|lender|bank|casero|banco", "no reply"},
	// A complaint to the county, or a neighbour's: not the service's.
	{trigFrustration, scopeOverlap, "complain*|complaint*|queja*|quejar* ..3 to|with|against|con|ante|al|a ?the|la|el ..1 " +
		"county|city|town|hoa|state|board|council|ayuntamiento|municipio|municipalidad|comunidad|asociacion; " +
		"neighbo*|vecino*|vecina* ..3 complain*|quej*", "complaint"},
	{trigFrustration, scopeOverlap, "denunciar|denunciarla|denunciarlo ..1 al|a|ante ?la|el ayuntamiento|municipio|policia|" +
		"autoridades|comunidad", "poor service"},
	// Not taken with the house itself: "not impressed with the kitchen".
	{trigFrustration, scopeOverlap, "not impressed with|by ?the|this|that|its|it ..1 kitchen|house|home|yard|backyard|layout|" +
		"neighborhood|view|area|bathroom|bathrooms|bedrooms|place|location|finishes|condo|apartment|unit|street|schools|size|it", "unimpressed"},
	// A notice the customer was sent: "the letter from the mortgage company said final notice".
	{trigFrustration, scopeOverlap, "letter|letters|bank|lender|company|mortgage|landlord|said|says|got|received|sent ..3 " +
		"(final notice|ultimo aviso|final warning)", "ultimatum"},
	// Anger denied: "no es que esté molesta", "not that I'm upset".
	{trigFrustration, scopeOverlap, "(no es que|not that) ..2 molest*|enojad*|enfadad*|" +
		"upset|angry|mad|annoyed|frustrat*", ""},
	{trigFrustration, scopeOverlap, "(do not wish to|do not mean to|no pretendo) ?be|ser ..1 " +
		"rude|grosero|grosera|maleducado", "exasperation"},
	// "no me entiendo bien con estas máquinas": the customer and the tool, no one at fault.
	{trigFrustration, scopeOverlap, "no me entiendo|manejo", "not listened to"},
	// Surprise at the market, not at the service: "ridiculous how quickly houses sell", "qué
	// barbaridad lo caros que están los pisos".
	{trigFrustration, scopeOverlap, "ridicul*|absurd*|insane|crazy|loco|loca ..1 how quickly|fast|many|much|cheap|expensive|high; " +
		"que barbaridad lo|los ..1 caro|caros|cara|caras|rapido|que", "exasperation|service failure"},
	// A bill of someone else's that was steep: "the hospital bill was insane".
	{trigFrustration, scopeOverlap, "bill|bills|cuenta|factura ..2 was|is|were|fue|es insane|crazy|ridiculous", "exasperation"},
	// Utilities, not rubbish talk: "does the HOA fee include water/sewer/trash?".
	{trigFrustration, scopeOverlap, "water|sewer|recycling|utilities|gas|electric ..2 trash|garbage", "exasperation"},
	// Hardship said again, not a question asked again: "can't make the payment this month
	// again", "me atrasé otra vez con la mensualidad", "every time the phone rings".
	{trigFrustration, scopeClause, "(can not make|cant make|could not make|behind on|late on|me atrase|nos atrasamos|atrasado|" +
		"atrasada) ..4 payment|payments|pago|pagos|mensualidad|rent|renta|alquiler|mortgage|hipoteca", "again|repetition"},
	{trigFrustration, scopeOverlap, "(every time|cada vez) ..2 (the phone rings|phone rings|suena el telefono|el telefono suena)", "again|repetition"},
	// Grief each time, read in the round that opened fresh16: "cada vez que voy a empacar sus
	// cosas termino llorando".
	{trigFrustration, scopeOverlap, "(cada vez que|every time|each time|whenever) ..2 empacar|empaco|empezar|pack|packing|" +
		"veo|see|pienso|think|recuerdo|remember", "repetition"},
	// "what happens if I just stop paying": a question, not "just stop".
	{trigFrustration, scopeOverlap, "if i|we ?just stop|quit paying|making", "not listened to"},
	// "nobody told us about the easement when we bought": the seller's silence, long ago.
	{trigFrustration, scopeClause, "when i|we bought|purchased|closed; cuando compramos|compre|compro", "nobody answers|no reply"},
	// A situation with a third party that is a mess: "the HOA ... this is a mess" stays; the
	// customer stressed by it is for distress: "my ex no ayuda en nada", "los niños no entienden nada".
	{trigFrustration, scopeOverlap, "ex|exesposo|exmarido|ninos|hijos|kids ..2 no|not ..1 ayuda|help|entienden|understand", ""},
	// Annoyance that is over: "I was annoyed at first, but the seller agreed".
	{trigFrustration, scopeOverlap, "annoyed|irritated|frustrated|upset|molesto|molesta ..1 (at first|al principio)", "complaint"},
	// "I regret to say I'm struggling": a turn of phrase.
	{trigFrustration, scopeOverlap, "(regret to say|regret to inform|lamento decir|siento decir)", "regret"},
}
