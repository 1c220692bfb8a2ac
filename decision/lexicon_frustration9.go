package decision

// Read in the round that opened fresh8: a promise held against the calendar ("you said
// Friday. It's Wednesday.", "that was Monday"), time sunk into the chat ("been on this site
// for an hour", "thanks for wasting my saturday"), a curt order to the service ("do better.",
// "answer the question."), giving up for a competitor ("forget it, I'll just go with
// Redfin", "ugh nvm", "k whatever"), whether it even works ("do u even work"), an
// oversight questioned ("How was that missed??"), answered beside the point ("pregunté por
// el estacionamiento y me manda el reglamento de mascotas"), told already and still ("eso ya me lo dijiste", "les dije que
// falleció y siguen mandando cartas"), futility ("idk why i bother", "bots all the way
// down"), patience at its end in the body ("ready to throw my phone across the room"),
// wearing thin ("esto ya me está cansando"), all the service does ("lo único que hacen es
// mandarme recordatorios"), disbelief ("is this a joke??"), the nth time ("por enésima
// vez"), and thanks that close a complaint ("... Thanks a lot.").
var frustrationCues9 = []lexEntry{
	// A promise held against the calendar: "You said the listing would be live by Friday.
	// It's Wednesday.", "Les mandé todo el lunes y hoy es viernes".
	{0.8, "promise against the calendar", "(it is|its|it is now|its now|today is|and today is|hoy es|y hoy es|hoy ya es|ya es|" +
		"ya estamos a|hoy estamos a) monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|" +
		"miercoles|jueves|viernes|sabado|domingo; (that was|eso fue|eso era|eso fue el|that was on|that was last) monday|tuesday|" +
		"wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo|week|semana|month|mes"},
	// Time sunk into the chat: "Been on this site for an hour", "llevo media hora en este chat".
	{0.8, "time sunk into the chat", "(been|have been|we have been|i have been|llevo|llevamos|estuve|estuvimos) ..1 (on this site|" +
		"on this chat|on this app|on here|on this website|chatting|typing|going back and forth|en esta pagina|en este chat|" +
		"en esta app|en la pagina|chateando|escribiendo|dando vueltas) ..2 #|an|a|half|media|una ..1 hour|hours|min|mins|minutes|" +
		"hora|horas|minutos|rato|dia|day; (llevo|llevamos) ..2 #|media|una ..1 hora|horas|minutos ..3 (en este chat|en esta pagina|" +
		"chateando|escribiendo|con esto|con el bot|para saber|para averiguar); " +
		"(thanks for wasting|thank you for wasting|thx for wasting|gracias por hacerme perder|gracias por perder) ..2 my|our|mi|" +
		"nuestro|el|la ..1 time|day|morning|afternoon|evening|weekend|saturday|sunday|tiempo|dia|manana|tarde|fin|sabado|domingo; " +
		"wasted|wasting|ruined|arruinaron|arruinaste|perdi my|our|mi|nuestro|nuestra|todo|toda|el|la ..2 saturday|sunday|" +
		"weekend|morning|afternoon|sabado|domingo|manana|tarde"},
	// A curt order to the service: "do better.", "answer the question.", "pónganse las pilas".
	{0.8, "curt order", "(do better|be better|get it together|get your act together|get your act straight|step it up|" +
		"ponganse las pilas|pongase las pilas|ponte las pilas|hagan su trabajo|haz tu trabajo|do your job|do your jobs|" +
		"answer the question|answer my question already|just answer the question|responde la pregunta|contesta la pregunta|" +
		"responda la pregunta|conteste la pregunta|responde lo que te pregunte|contesta lo que te pregunte)"},
	// Giving up, or for a competitor: "Forget it. I'll just go with Redfin.", "ugh nvm",
	// "uf, olvídalo", "mejor me voy con Idealista".
	{0.8, "giving up, for someone else", "(ugh|uf|uff|ufff|argh|ugh ok|uggh|ughh) ..1 (nvm|never mind|nevermind|forget it|" +
		"whatever|olvidalo|dejalo|da igual|ni modo|ya fue); " +
		"(i will|ill|i am|im|we will|i guess i will|gonna|i am going to) ?just go|going|use|try|switch ..1 with|to ?a ..1 redfin|" +
		"zillow|trulia|opendoor|offerpad|craigslist|another|different|someone|somebody|other; " +
		"(mejor me voy|me voy|mejor voy|mejor uso|mejor busco|me paso|mejor me paso) con|a|en ..1 idealista|fotocasa|" +
		"inmuebles24|zonaprop|portal|mercadolibre|vivanuncios|otra|otro; " +
		"(nvm|nevermind|never mind|forget it|whatever|olvidalo|dejalo|da igual) (ig|i guess|supongo|pues); " +
		"(k|kk|ok|okay|fine|vale|ya) (whatever|da igual|como sea)"},
	// Whether the service works at all, or whether it understands: "do u even work", "¿acaso
	// no entienden?".
	{0.8, "does it even work", "(do you|do u|does this|does this thing|does it|is this thing|are you|r u) even " +
		"work|working|function|on|there|exist|read|listen; (do you|do u|are you|r u|does this chat|does this site|does this bot|does this app|" +
		"does your|is this chat|is this bot|is this site|is your) ..2 even work|working|function|" +
		"functioning|read|listen|listening; (acaso no entienden|acaso no entiendes|acaso no entiende|es que no entienden|" +
		"es que no entiendes|do you not understand|do you people not understand|do you guys not understand|dont you understand|" +
		"do you people understand|do you guys understand|funciona esto siquiera|sirve para algo esto|esto sirve para algo)"},
	// An oversight questioned: "How was that missed??", "¿cómo nadie lo vio?".
	{0.8, "an oversight questioned", "how was|is|did|could|were|does this|that|it|these|something ?get|be|been missed|overlooked; " +
		"how was|is|were|did|could ..3 (not caught|not noticed|not flagged|not disclosed|" +
		"not mentioned|unnoticed|undisclosed); " +
		"(como se les paso|como se le paso|como se te paso|como nadie lo vio|como nadie se dio cuenta|como no lo vieron|" +
		"como no se dieron cuenta|como no lo notaron)"},
	// Answered beside the point: "pregunté por el estacionamiento y me manda el reglamento de
	// mascotas", "I ask about escrow and you answer me the weather".
	{0.8, "answered beside the point", "(pregunte|pregunto|pedi|pido|i asked|i ask|asked|ask|i said|dije) ..1 por|about|for|" +
		"sobre|el|la|un|una|que ..5 (y me|and you|y tu|y usted|y ustedes|and i get|and i got|and it|y el bot|and the bot|y me) ..1 " +
		"manda|mandas|mandan|mando|envia|envian|responde|respondes|contesta|contestas|das|dan|dio|dieron|send|sent|sends|" +
		"give|gave|gives|answer|answered|recommend|recommended|recommends|show|showed|get|got|reply|replied|sale|salen|" +
		"tells|told|says|said; " +
		"(nothing to do with|nada que ver con|no tiene nada que ver con) (what i asked|my question|lo que pregunte|mi pregunta|" +
		"lo que pedi|what i said|lo que dije)"},
	// Told already, and still: "eso ya me lo dijiste hace rato", "Les dije que mi esposo
	// falleció y siguen mandando cartas".
	{0.8, "told already, and still", "(ya me lo dijiste|ya me lo dijeron|ya me lo dijo|ya me lo habias dicho|ya me lo habian dicho|" +
		"ya me lo mandaste|ya me lo mandaron|ya me lo enviaste|ya me lo enviaron|ya me mandaste eso|you already sent me that|" +
		"you already sent that|you sent me that already|you said that already|you told me that already|you already said that); " +
		"(les dije|te dije|le dije|les avise|les explique|i told you|we told you|i told them|i already told|told you people) " +
		"..8 (y siguen|y sigues|y sigue|pero siguen|pero sigues|and you still|and you are still|and you keep|and they still|" +
		"and still|y todavia|y aun asi|and yet)"},
	// Futility, said another way: "idk why i bother", "is it bots all the way down",
	// "ni sé para qué escribo".
	{0.8, "futility", "(why i bother|why i even bother|why i keep trying|why i keep asking|why i keep writing|" +
		"para que me molesto|para que pregunto|para que escribo|para que sigo preguntando|para que sigo escribiendo|" +
		"bots all the way down|nothing but bots|just bots here|only bots here|puros bots|puro bot|nada mas bots|solo hay bots)"},
	// Patience at its end, in the body: "ready to throw my phone across the room", "me dan
	// ganas de tirar el celular por la ventana".
	{0.8, "patience in the body", "throw|throwing|chuck|tirar|aventar|lanzar|estrellar ..3 phone|laptop|computer|" +
		"tablet|telefono|celular|movil|compu|computadora|ordenador ..3 (across the room|out the window|at the wall|against the wall|" +
		"por la ventana|contra la pared|al piso); (bang my head|banging my head|beating my head|darme cabezazos|darme de cabezazos|" +
		"darme contra la pared|pull my hair out|pulling my hair out|arrancarme los pelos|tirarme de los pelos|jalarme los pelos)"},
	// Wearing thin: "la verdad esto ya me está cansando un poquito", "me estás colmando la paciencia".
	{0.8, "wearing thin", "me esta|estan|estas|va ..1 cansando|hartando|colmando|hinchando|fastidiando; " +
		"(me estoy cansando de|me estoy hartando de|nos estamos cansando de|me estan colmando|me estas colmando|" +
		"getting tired of|getting sick of|growing tired of|wearing thin|wearing me down|wearing me out) ..3 this|esto|you|ustedes|" +
		"it|all|these|waiting|esperar|tanto|runaround"},
	// All the service does: "lo único que hacen es mandarme recordatorios automáticos", "all
	// you people do is send links".
	{0.8, "all you do", "(lo unico que hacen|lo unico que haces|lo unico que hace|lo unico que saben|lo unico que sabes|" +
		"todo lo que hacen es|all you do is|all you ever do is|all you people do|all you guys do|all you can do is|all you ever)"},
	// Disbelief at the service: "Is this a joke??", "¿me están tomando el pelo?".
	{0.8, "disbelief", "(is this a joke|is this some kind of joke|is that a joke|this has to be a joke|this must be a joke|" +
		"es una broma|esto es una broma|debe ser una broma|tiene que ser una broma|me estan tomando el pelo|" +
		"me estas tomando el pelo|me toman el pelo|nos estan tomando el pelo)"},
	// The nth time: "Por enésima vez: ...", "for the hundredth time".
	{0.8, "nth time", "(por enesima vez|por milesima vez|por centesima vez|por decima vez|por vigesima vez|" +
		"for the hundredth time|for the thousandth time|for the millionth time|for the nth time|for the tenth time|" +
		"for the twentieth time)"},
	// Thanks that close a complaint: "... talked to a lawyer about breaking the lease. Thanks a lot."
	{0.8, "thanks that close a complaint", "(thanks a lot|thanks a bunch|thanks a ton|muchas gracias eh|" +
		"great work everyone|great job everyone|great job guys|nice work everyone|good job everyone|" +
		"buen trabajo a todos|excelente trabajo a todos)"},
}

// frustrationNeutral9: what takes those cues, or older ones, back: a deposit left ("se deja
// de seña"), a weekday said as a plan ("it's Friday, can we go Saturday?"), sincere thanks
// and praise ("thanks a lot for the quick reply", "great job everyone, we closed"), what was
// asked and given ("you sent it right away"), a question of how a thing works, and an easy
// yes ("whatever works for you").
var frustrationNeutral9 = []neutralizer{
	// "¿Cuánto se deja de seña?": a deposit left, not a request ignored.
	{trigFrustration, scopeOverlap, "deja|dejar|dejan|dejo|dejamos|deje ..1 de sena|senal|anticipo|deposito|garantia|" +
		"enganche|adelanto|reserva|arras|apartado", ""},
	// The day said plainly: "turns out it's Friday not Thursday", "it's Friday, can we go Saturday?".
	{trigFrustration, scopeClause, "(turns out|resulta que|not|no) ..3 monday|tuesday|wednesday|thursday|friday|saturday|sunday|" +
		"lunes|martes|miercoles|jueves|viernes|sabado|domingo; (if|si|since|ya que|because|porque|whether) ..3 " +
		"monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo",
		"promise against the calendar"},
	// The day as the start of a plan, not the end of a wait: "it's Friday, could we see it Saturday?".
	{trigFrustration, scopeMessage, "(could we|can we|can i|could i|may i|would it be|is it possible|podemos|puedo|podriamos|" +
		"podria|se puede|happy|excited|yay|por fin|finally)", "promise against the calendar"},
	// Asked and given: "I asked for the floor plan and you sent it right away", "pedí el plano y
	// me lo mandaron". (Not any thanks in the message: "thanks. so helpful." is sarcasm, and a
	// neutralized cue takes the classifier's reading with it.)
	{trigFrustration, scopeClause, "sent|send|gave|give|got|get|emailed|forwarded it|them|over|right|back|quickly|straight; " +
		"me|nos lo|la|los|las mandaron|mando|manda|mandan|enviaron|envio|envia|envian|dieron|dio|dan|da|pasaron|paso",
		"answered beside the point"},
	// Sincere thanks for something given: "thanks a lot for the quick reply!".
	{trigFrustration, scopeOverlap, "(thanks a lot|thanks a bunch|thanks a ton|muchas gracias eh) ?for|por ..3 help|info|" +
		"information|reply|answer|answers|update|time|sending|explaining|getting|quick|fast|list|link|links|tip|tips|advice|" +
		"everything|this|that|ayuda|informacion|respuesta|todo", "thanks that close a complaint"},
	// How a thing works, asked: "how does this even work with an FHA loan?".
	{trigFrustration, scopeOverlap, "how|como does|do|would ..3 even work|function", "does it even work"},
	// An easy yes: "k whatever works for you", "ok, whatever is easiest".
	{trigFrustration, scopeOverlap, "(whatever|como sea|da igual) ..1 (works|suits|is easiest|is best|is easier|you prefer|" +
		"you think|te funcione|les funcione|prefieras|prefieran|sea mas facil|te quede|les quede)", "giving up, for someone else"},
	// Thanks for something received: "got the disclosures, thanks a lot!".
	{trigFrustration, scopeMessage, "(got it|got them|got the|received it|received them|perfect|perfecto|awesome|" +
		"appreciate|you are the best|so much|very much|love it|recibido|recibidos|lo recibi|te lo agradezco)",
		"thanks that close a complaint"},
	// Sincere praise: "great job everyone, we closed!".
	{trigFrustration, scopeMessage, "(we closed|closed today|we got the house|we got it|got the keys|cerramos|" +
		"nos dieron las llaves|conseguimos la casa|we did it|lo logramos|so happy|muy contento|muy contenta|muy felices)",
		"thanks that close a complaint"},
}
