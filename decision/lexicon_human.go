package decision

// humanCues: the customer asks for a person, a call from one, or to be put through.
var humanCues = []lexEntry{
	{0.9, "asked for a person", "speak~|talk~|chat|speaking|talking|chatting ?to|with|w|2 ..4 {PN}; " +
		"speak~|talk~|chat|hablar ?to|with|con ..5 {TEAM} member|members|miembro|miembros; " +
		"hablar~|hablo|platicar|conversar|comunicar|comunicarme|comunicarse|contactar ?con|a ..4 {PN}; " +
		"who do|can|should i|we talk|speak|call|contact; con quien ..2 hablar|comunicarme|hablo; " +
		"(callback|call back|phone call|call|calls) from .. {PN}; (deal with|work with|talk to|speak to|speak with|talk with|" +
		"hablar con|tratar con) people|humans|gente|personas; tienen|tiene a ..2 {PN} que|quien; " +
		"(who is in charge|who is your boss|quien esta a cargo|quien es el encargado|quien es su jefe)"},
	{0.7, "asked to be put through", "(transfer me|transfer us|please transfer|transfer please|transfierame|comuniqueme|" +
		"transfiereme|connect me|put me through|patch me through|conecteme|live chat|live support|live help); " +
		"(trying|tried) to reach|contact ..2 {PN}; (any real people|any humans|any real humans|alguna persona real); " +
		"where|how can|do i ..2 find|get|reach ..2 {PNF}"},
	{0.6, "asked to call a person", "call|phone|ring ..2 {PNF}"},
	{0.9, "asked to be put through", "connect|transfer|escalate|redirect ?me|us|this|it ?to|with|through ..4 {PN}; " +
		"put|pass|patch|forward|send|get|bring|give me|us ?through|over ?to|with ..4 {PN}; bring in .. {PN}; " +
		"mandame|mandeme|mandenme|enviame|envieme|envienme ..2 {PN}; " +
		// A department of the business: "me comunica con ventas", "connect me to sales".
		"connect|transfer|put|patch|comunica|comunicame|comuniqueme|comuniquen|pasame|paseme|pasenme|conecteme|conectame|" +
		"transfiereme|transfierame ?me|us ?through ?to|with|con|a|al ?the|el|la ..1 {DEPT}; " +
		"connect|transfer|put|patch|comunica|comunicame|comuniqueme|comuniquen|pasame|paseme|pasenme|conecteme|conectame|" +
		"transfiereme|transfierame ?me|us ?through ?to|with|con|a|al ?the|el|la ..1 {DEPTS}; " +
		"put|get|bring|have {DET} ?{REALQ} {PN} on|in|here|online; " +
		"pones|pone|ponen|ponga|pongan|ponme|ponerme|pongame|pasas|pasa ?me|nos ..1 con|a ..3 {PN}; " +
		"transferred|connected|patched|passed|transferido|transferida|comunicado|comunicada ..2 to|with|a|con ..2 {PN}|sales|" +
		"ventas|support|soporte|office|oficina|leasing|team|equipo; (to be|ser|be) contacted|called|reached|helped|assisted|" +
		"llamado|llamada|contactado|contactada|atendido|atendida by|por ..3 {PN}; " +
		"pasame|paseme|pasenme|pasar|pasarme|pasas|pases|pasen|transfiera|transfierame|transfiereme|transferir|transferirme|transfiere|" +
		"comuniqueme|comunicame|comunica|comunique|comuniquen|conecteme|conectame|conectar|conectarme ?con|a|me .. {PN}"},
	{0.85, "asked for a person", "want|need|prefer|request|demand|require|wants|needs ..2 {PNF}; " +
		"ask|asking|asked|pedir|pido|pedi ?for|por ..3 {PNF}; {PNI} from|de|del ?the|el|la ..1 {DEPT}; {PNI} from|de|del ?the|el|la ..1 {DEPTS}; " +
		"want|need|prefer ..4 {PNF}; help|assistance|ayuda|atencion from|de ..2 {PNF}; (human assistance|human help|" +
		"human support|person to person|atencion personalizada|atencion humana); {PNF} ..2 take|step|jump over|in; " +
		"no hay nadie|alguien ..4 hablar|atender|atienda|ayudar|ayude; nadie ..2 puede|pueda ..2 atender|atenderme|ayudar|" +
		"ayudarme|llamar|llamarme|hablar; (is there nobody|can nobody|can no one) ..3 help|talk|call; " +
		"want|need|prefer ..2 {PNI} real|from|de|who|to|that|on; do|does you|they have ..2 {PN} .. talk|speak|call|chat|available; " +
		"tienen ..2 {PN} disponible|available; (get in touch|in touch|be in contact) with .. {PN}; " +
		"how|can|could|where|want|need|like ..3 reach|contact|ahold|hold ..3 {PNF}; loop|pull ?in ..4 {PN}; " +
		"hablame|hableme|hablenme ..2 con|a ..2 {PN}; " +
		"(can i|may i|could i|can you|could you|please|puedo|me das|me pasas|me puede dar|me podrias dar|me puedes dar|me da|" +
		"me dan|me pasa|me pasan|me podria dar|me regala|me comparte|give me|send me) ..3 " +
		"number|numero|phone|telefono|contact|contacto|email|correo|whatsapp ..2 of|for|de|del ..3 {PNF}; " +
		"prefer|like|want|need|rather|wish|hope|prefiero|quisiera|quiero|necesito|deseo ..2 discuss|go|review|revisar|platicar|ver|hablar|talk|" +
		"hablarlo|platicarlo|verlo|comentarlo|revisarlo|discutirlo ..4 " +
		"with|con ..3 {PN}; " +
		"number|phone|numero|telefono|line|linea|way ..4 reach|call|contact|talk|speak|hablar|llamar|contactar|comunicarme ..3 {PN}; " +
		"(book|schedule|set up|arrange|request) ?a|an consultation|appointment|meeting|call; " +
		// A long wish, one clause: "I wish to discuss the sale of my property at 9 Kensington
		// Court with a qualified representative of your firm".
		"(wish to|hope to|would like to|want to|like to|quisiera|me gustaria|deseo|quiero) discuss|discutir|tratar|hablar|" +
		"platicar|revisar|review|talk|speak|go ..9 with|con {DET} ..2 {PNF}; " +
		// Someone of the business's: "a proper chat with one of your lettings team".
		"chat|speak|talk|word|hablar|platicar ?to|with|con one|someone|somebody|anyone|uno|alguien|alguno|alguna of|from|de " +
		"?your|ur|the|su|sus|la|el ..2 {TEAM}; " +
		// Rather a person: "no le entiendo al bot, mejor una persona", "mejor con un asesor".
		"mejor ?con|hablar|hablo ?con {DET} ?{REALQ} {PH}|asesor|asesora|agente; " +
		"(agendar|programar|hacer) ?una cita|llamada|reunion|videollamada|consulta; (would like|would prefer|would rather|rather|would love) ..4 {PNF}; " +
		"want|need|request|like ..2 (callback|call back|phone call); ocupo|ocupamos|requiero|necesitamos|queremos|quisieramos ..3 {PN}; " +
		"(can i|could i|may i|can we|could we) get|have ..2 {PNF}; who can i talk|speak|call; escalate|escalation; " +
		"quiero|kiero|quisiera|necesito|prefiero|deseo|pido|solicito|gustaria|exijo ..3 {PN}"},
	{0.85, "asked for a call from a person", "can|could|would|will|may|please|have|need|want|like|get|let ..4 {PN} .. call|phone|ring|" +
		"telephone|contact|reach|text|email|hit me|us|my|back|out|up; {PN} please call|phone|telephone|contact|reach; " +
		// One of the business's salespeople, by trade: "have one of your salesmen telephone me",
		// "¿podría un vendedor llamarme?".
		"can|could|would|will|may|please|have|need|want|like|get|let|podria|puede|pueden|podrian|que ..2 a|an|one|some|any|" +
		"un|una|uno|alguno|alguna ?of|de ?your|sus|ustedes ?{SALES} ..3 call|phone|telephone|ring|contact|reach|{CALLV}; " +
		"get|have|send {DET} ?real|live|actual|human {PN} .. call|phone|ring|contact|reach|on; " +
		"{PN} ..3 {CALLV}; me|nos ..2 {CALLV} ..2 {PN}; " +
		"llamarme|atenderme|contactarme|llamarnos|atendernos ..2 {PN}; can|could|would|please|need|want|let ..2 {PNF} .. help|assist me|us"},
	{0.6, "asked for a call", "(can you|could you|would you|will you|please) ?please call|phone|ring me|us; " +
		// Help by phone: "can somebody explain it to me on the phone".
		"can|could|would|please|puede|podria {PNI}|you|alguien ..6 (on the phone|over the phone|by phone|por telefono|" +
		"por llamada); " +
		"give|gimme me|us ?a call|ring|buzz; call|phone|ring me|us ?back asap|please|now|today|tomorrow|urgently|back; " +
		"llamenme|llameme|llamame|marquenme|marqueme|marcame|contactenme|contacteme|contactame; " +
		"me|nos pueden|puede|podrian|podria|puedes|podrias|podeis|podriais ..2 llamar|marcar|contactar|hablar; " +
		"(phone call|llamada|llamadita|call) (please|pls|por favor|porfa)"},
	{0.6, "does not want a bot", "(do not want|do not wanna|no quiero|ya no quiero|tired of|sick of|done with|stop|no more|" +
		"enough with|enough of|basta de|instead of|rather than|en vez de|en lugar de|not just|nada de) ..3 {BOT}"},
	// A person of theirs within reach of a wish the customer voices: "Can I have one of your
	// agents reach out", "I'd prefer to discuss this with one of your agents", "quisiera que
	// un asesor...". Broad, so it counts less than the phrases above.
	{0.7, "asked for a person", "(can i|could i|may i|can we|could we|would like|would love|would prefer|would rather|" +
		"would appreciate|appreciate it if|" +
		"let me|let us|puedo|podria|podemos|quisiera|quisieramos|me gustaria|nos gustaria|prefiero|preferiria|preferimos) ..5 {PNF}; " +
		// "le agradecería mucho si uno de sus asesores pudiera...": the "si" is the wish's own.
		"agradeceria|agradeceriamos|agradecere ?mucho|muchisimo|bastante si ..4 {PNF}"},
	// A person marked as not a bot: "a real person", "an actual agent", "alguien de verdad",
	// "someone who isn't a machine", "somebody who actually works there". Said to a bot, that
	// is a wish for one.
	{0.7, "asked for a real person", "{REALQ} ?live|human|actual {PN}; {PN} (real|reales|humano|humana|de verdad|de carne|" +
		"en vivo|viva|vivo|alive|for real); {PN} ..3 not|no|nor ?a|an|un|una|sea|es|con ?a|an|un|una {BOT}; " +
		"{PN} who|that|que|q ?actually|really|truly|realmente|si work|works|working|trabaje|trabaja|trabajen|trabajan there|here|for|" +
		"at|in|ahi|alli|aqui|con|en|para; (ser humano|human being|flesh and blood|carne y hueso)"},
	{0.9, "asked whether a person is there", "is|are there|ther|thre ?a|an|any|some ?real|live|actual {PH}; " +
		"(is anyone|is anybody|is there anyone|is there anybody) ?actually real|human|alive"},
	{0.85, "asked for a person", "can|could|would|please ..2 {DET} ?real|actual|live|human human|person|persona|humano|representative|rep|" +
		"operator|agent|agente|asesor ..3 look|check|review|help|" +
		"assist|handle|explain|answer|take|see|walk|go; (would rather|rather|would prefer|prefer|prefiero|preferiria|preferimos|" +
		"would like|want|need|quiero|queremos|necesito) ..2 deal|work|tratar|lidiar|trabajar|hablar with|w|con ..3 {PN}; " +
		"can|could|would|will|please|have|need|want|like|get|let ..4 your|ur|the|su|sus|tu|tus|del|de ?sales|la ..1 {TEAM} ..3 " +
		"call|phone|ring|contact|reach|text|email|llame|llamen|contacte|contacten|comunique|comuniquen; " +
		"{PN} ..2 from|de|del ?your|ur|the|su|la ..1 {TEAM} ..3 call|phone|ring|contact|reach|text|email|give|llame|llamen|contacte"},
	{0.85, "asked to meet a person", "call|meeting|appointment|conversation|consultation|zoom|facetime ?call|meeting with .. {PNF}; " +
		"llamada|cita|reunion|videollamada con .. {PNF}"},
	{0.9, "asked whether a person is there", "is|are ?not there|ther|thre ..2 {PN} .. talk|speak|call|here|available|real|there|online|around; " +
		"is|are|any ..2 {PN} available|there|around|online|here|awake; " +
		"is|are ?there ?a|an|any ?real|actual {PH} monitoring|reading|watching|seeing|checking|behind ..3 chat|this|conversation|" +
		"messages; anyone|anybody|alguien there|here|ahi|alli|around|online; " +
		"hay ..2 {PN} .. hablar|atender|atienda|disponible|real|verdad|que|con; any|some humans|people|persons here|there|around"},
}

// Read in the round that opened fresh6: who speaks the customer's language ("do you have
// someone who speaks Portuguese?"), whether a person reads the chat at all ("does anybody even
// check these messages", "¿alguien revisa este chat?"), and a call returned ("necesito que me
// devuelva la llamada").
var humanCues6 = []lexEntry{
	{0.85, "asked for a person who speaks their language", "(do you have|do you guys have|does your team have|does your office have|" +
		"is there|are there|have you got|any chance of|tienen|tiene|hay) ..3 {PN} ..4 who|that|que ?can|pueda " +
		"speaks|speak|habla|hable|hablen|hablan"},
	{0.85, "asked whether a person reads", "does|do|is|are|will anyone|anybody|someone|somebody|humans ?actually|really|even|ever " +
		"read|reads|reading|see|sees|check|checks|checking|monitor|monitors ..2 this|these|messages|chat|inbox; " +
		"alguien ..2 lee|leen|revisa|revisan|ve|mira ..2 esto|estos|mensajes|chat|este"},
	{0.85, "asked for a call back", "(regrese|regresen|devuelva|devuelvan|regreses|devuelvas|regresar|devolver|regresarme|devolverme|" +
		"regresenme|devuelvanme) la|mi|las llamada|llamadas; (return my call|return our call|return my phone call)"},
}

// neverMind labels the withdrawal that only looks back.
const neverMind = "never mind"

// withdrawnCues: the customer no longer wants a person.
var withdrawnCues = []lexEntry{
	// "Never mind" takes back what came before it, not what follows: "actually nvm can i just
	// talk to someone" asks (see scoreMessage).
	{0.9, neverMind, "(never mind|nevermind|forget it|scratch that)"},
	{0.9, "no longer wants a person", "do not need ..3 {PN}|anyone|anybody|anymore; " +
		"no need ..3 {PN}|anyone|anybody; you ?have answered|solved|sorted; olvidalo|olvidelo|olvidenlo; " +
		"(ya no hace falta|ya no es necesario|no hace falta); ya me resolviste|resolvieron|ayudaste"},
	// Doing without one: "can someone tour the house without an agent?", "¿puedo comprar sin
	// corredor?". Read as a wish for no person, it also keeps the classifier, which weighs
	// "someone" and "agent" as a request, from firing.
	{0.9, "wants no person", "without|sin ?a|an|the|any|un|una|el|la|ningun|ninguna {PNF}|{SALES}; without|sin ?a|an|the|any|un|una|el|la {REALQ} {PNF}"},
}

// Read in the round that opened fresh7: sitting down with someone, someone asked to get back
// to the customer, one of the business's people asked for, a call back asked for tersely
// ("callback please", "quiero que me llamen"), a direct line or the office's number to call,
// whether anybody real is working, a manager of someone named by a possessive ("speak with
// her manager"), and a named person asked for by title ("me comunica con la señora
// Martínez").
var humanCues7 = []lexEntry{
	{0.85, "asked to meet a person", "sit|sitting down with ..2 {PN}; sit|sitting down with (one of you|uno de ustedes|alguno de ustedes)"},
	{0.85, "asked for someone to get back", "can|could|would|please|have|need|want|like|get ..3 {PNI} ..7 get|reach|follow|circle ?back|out|up ?to|with me|us"},
	{0.85, "asked for one of your people", "can|could|would|will|please|have|like|want|need|puede|podria|pueden|podrian|quiero|" +
		"quisiera|necesito|me ..4 (one of your|one of ur|one of the|uno de sus|una de sus|alguno de sus|alguna de sus|alguno de tus|" +
		"alguna de tus|uno de tus|uno de los|alguno de los) ?{REALQ} {PNF}|{SALES}"},
	{0.85, "asked for a call back", "(callback please|call back please|callback pls|callback plz|callback asap|request a callback|" +
		"requesting a callback|callback request|call me back please|call me back asap|call me asap|pls call me|plz call me); " +
		"(quiero|quisiera|queria|necesito|me gustaria|prefiero|preferiria|ocupo) que ?me|nos {CALLV}"},
	{0.8, "asked for a number to call", "(direct line|direct number|linea directa|numero directo|best number to reach|best number to call|" +
		"office number|office phone|phone number for the office|number for the office|telefono de la inmobiliaria|telefono de la oficina|" +
		"numero de la oficina|numero de la inmobiliaria); (prefiero llamar|prefer to call|would rather call|rather call|prefer calling)"},
	{0.9, "asked whether a person is there", "{PNI} {REALQ} ..2 working|around|available|on|in|trabajando|disponible"},
	{0.9, "asked for a manager", "speak|talk|hablar|habla ?with|to|con ..3 her|his|their|your|su|tu ..1 manager|supervisor|boss|" +
		"jefe|jefa|gerente|superior|superiors"},
	{0.85, "asked for a named person", "(me comunica|me comunicas|me comunique|me comunican|comunicarme|me pasa|me pasas|me pone|me pones|" +
		"me puede comunicar|me podria comunicar) con ?el|la senor|senora|sr|sra|senorita|srta|don|dona|licenciado|licenciada|lic|" +
		"ingeniero|ingeniera|arquitecto|arquitecta|doctor|doctora"},
}

// Read in the round that opened the training sets (train-a to train-g): a named person wanted
// on the deal, looked for by title or to work with again ("I want him on this one", "busco a
// la señora Molina", "we'd love to work with her again"); a message to be passed on to someone ("pls pass this to priya", "¿le puede decir
// que me marque?"); someone asked to meet the customer or come ("can an agent meet me at the
// house"); a number asked for to ring the office ("is there a number i can call instead", "me
// pasan el fijo de la oficina"); whether they have a person who handles something ("yall have
// a manager or nah", "¿hay alguien con quien pueda hablar?"); someone asked to call,
// write or try again, said indirectly ("please have Mrs. Grant call me", "perhaps someone
// could telephone me", "alguien del equipo me puede escribir"); a callback asked for politely
// or tersely ("I'd be grateful for a callback", "callback requested"); someone in charge
// ("a word with your branch manager", "quiero hablar con un responsable", "who's your
// manager"); a person by a plain noun or title ("la muchacha que enseña los apartamentos",
// "me la podría comunicar"); one of theirs by a longer name ("one of your buyer agents"); a
// person assigned or referred ("¿nos pueden asignar un asesor?", "¿me derivan con un
// corredor?"), and a person set against the system ("¿esto lo lee alguien o solo contesta el sistema?").
var humanCues8 = []lexEntry{
	// Whether a named person still works there is only a question ("Does Maria still work
	// there? She sold our last house."); the wish that follows it is the request.
	{0.85, "asked for a named person", "want|need|like|quiero|necesito him|her|lo|la on|en this|it|our|my|este|esta ..1 one|deal|" +
		"sale|listing|case|file|house|home|caso|venta; (would like|should like|want|need|prefer|would prefer) him|her to handle|" +
		"represent|take|list|manage; " +
		"busco|buscamos|pregunto|preguntar|preguntara ?a|por ?el|la senor|senora|sr|sra|senorita|srta|licenciado|licenciada|lic|" +
		"ingeniero|ingeniera|don|dona; " +
		"(quisiera|quiero|queremos|prefiero|preferimos|me gustaria|nos gustaria) ..3 con ?el|la senor|senora|sr|sra|senorita|srta|" +
		"licenciado|licenciada|lic|ingeniero|ingeniera|arquitecto|arquitecta|don|dona; " +
		"work|working|deal|trabajar|tratar with|con her|him|ella ..1 again|otra|de; " +
		"tratar|trabajar|hablar|work|deal|speak|talk directly|directamente with|con her|him|ella|ellos|ellas|them"},
	{0.8, "asked to pass a message on", "pass|forward|relay this|it|my ?message|info|information|details|number|contact|note " +
		"?on|along to|over ?to whoever|mr|mrs|ms|miss|{PN}; " +
		"pass|forward|relay|give|send my|this ..1 info|information|details|number|contact|message ?on|along to her|him|them; " +
		"(pass this to|forward this to|pass this along to|forward this message to|pass this message to|pass this on to|pass it on to); " +
		"tell|ask ?to mr|mrs|ms|miss|her|him ..3 call|ring|phone|contact|reach|get ..2 me|us|touch|back; " +
		"decir|diga|digale|dile|digan|avise|avisele|avisale|pedir|pidale ..3 que ?me|nos {CALLV}|marque|hable|escriba"},
	{0.85, "asked to meet a person", "can|could|would|please|for|possible|might ..3 {PN} ..4 meet|come|visit; " +
		"can|could|would|please|for|possible|might ..3 {PN} ..4 (stop by|drop by|swing by|stop in|drop in); " +
		"(wonder if|wondering if|wonder whether|wondering whether) ..3 {PN} ..4 meet|come|visit; (like to meet|want to meet|love to meet|wish to meet|hope to meet) " +
		"?with ..2 {PNF}; {PNI} can|could come down|over|out|by; " +
		"puede|podria|pueden|podrian|podra ..2 venir|pasar|visitar|vernos|verme ..2 {PN}; {PN} ..2 pueda|pudiera|podria|puede " +
		"venir|visitarnos|visitarme|vernos|verme|pasar; (a call|hop on a call|get on a call|jump on a call|meeting|chat) with " +
		"whoever|someone|somebody"},
	{0.8, "asked for a number to call", "number|numero ..3 i|we|yo can|could|may|pueda|puedo call|ring|phone|reach|llamar|marcar; " +
		"number for|to call|calling|ring|phone; (what is|whats|what s|need|give me|send me|can i get|can i have) ?your|ur|the " +
		"?office|direct|main|local (phone number|telephone number|contact number); (what is|whats|what s) ?your|ur|the " +
		"(office number|direct number|main number); " +
		"number|numero|telefono for|of|de|del ?your|ur|the|su|la|el ..3 office|branch|department|dept|team|oficina|sucursal|departamento; " +
		"(can i|could i|may i|can we|could we) ?just call|ring|phone|telephone ..2 {PN}|you|someone|somebody; " +
		"(should prefer|would prefer|prefer|rather|would rather) ?to ring|call|phone ..2 them|you|yourselves|myself|office; " +
		"(me pasas|me pasan|me das|me dan|me puede pasar|me pueden pasar|me puedes pasar|me podria pasar|me podrias pasar|" +
		"pasame|paseme|pasenme) ?el numero|telefono|celular|cel|fijo|whatsapp|contacto de|del ?la|el ..1 " +
		"oficina|inmobiliaria|sucursal|asesor|asesora|agente|licenciado|licenciada|senor|senora; " +
		"(me pasas|me pasan|me das|me dan|me puede pasar|me pueden pasar|me puedes pasar|pasame|pasenme) el fijo; " +
		"(me pasas|me pasan|me das|me dan|me puede pasar|me pueden pasar|me puedes pasar|pasame|pasenme) el numero|telefono|" +
		"celular|cel|whatsapp|contacto de|del"},
	{0.85, "asked whether they have a person", "(do you|do u|do ya|do you guys|do u guys|yall|y all|you guys|ustedes) have|got " +
		"..2 person|persona|manager|supervisor|human|realtor|agent|specialist|representative|rep|gerente|asesor|encargado|jefe; " +
		"is|are there ?a|an|any|some ..1 {PN}|gentleman|lady|man|woman ..4 who|whom|that ..1 could|can|might|would|handles|deals|" +
		"knows|speaks; " +
		"{PN} ..3 that|who|whom|que|q i|we|yo could|can|might|pueda|podamos contact|call|reach|speak|talk|ring|phone|llamar|hablar|contactar; " +
		"(no hay|no tienen|hay|tienen) ..2 alguien|{PH} con quien ?yo ?pueda|podamos|puedo hablar|platicar|" +
		"tratar|comunicarme; tienen|tiene|tendran|tendra|hay ?un|una|algun|alguna ..1 {PNF} que|quien|q ?me|nos ?pueda|puedan|" +
		"podria ..2 call|llamar|hablar|atender|ayudar|{CALLV}; " +
		"(who is|whos|who s) the owner|boss|head|jefe|dueno of|de ?this|the|your|la|esta company|firm|agency|office|business|" +
		"empresa|inmobiliaria|agencia|oficina; " +
		"who|whoever|quien in|on|at|from|de|en ?your|ur|the|su|la|el ..2 office|team|firm|company|agency|side|department|dept|" +
		"oficina|equipo ..1 handles|does|deals|covers|runs|knows|works|maneja|lleva|ve"},
	{0.85, "asked for a call from a person", "{PNI} could|can|might ?please|perhaps ?be ?able ?to call|phone|ring|telephone|" +
		"contact|reach|text|email|hit|try me|us; " +
		"(please have|can you have|could you have|can u have|would you have|arrange for|please get|can you get|could you get) ..12 " +
		"call|ring|phone|telephone|contact|reach me|us; " +
		"(please have|can you have|could you have|can u have|would you have|arrange for|please get|can you get|could you get) ..12 " +
		"(get in touch|reach out|get back to|call back|ring back); " +
		"can|could|would|will|please ..2 hit me|us back; " +
		"can|could|would|please|have ..1 {PNI} from|in|at|on your|ur|the ..3 call|phone|ring|contact|reach|email|text me|us; whoever ..3 try|call|ring me|us; " +
		"(try me again|try us again|call me again|ring me again); " +
		"(would like|should like|want|need) ..4 to ring|call|phone|telephone|contact me|us; " +
		"{PN} ..3 me|nos puede|pueda|podria|puedan|pueden ..1 escribir|llamar|marcar|contactar|hablar|{CALLV}; " +
		"(mas facil|mejor|prefiero|preferible|seria mejor) si ..2 {PN} me|nos llama|llamara|marca|habla|explica|escribe; " +
		"me|nos devuelve|devuelven|regresa|regresan la|mi llamada; " +
		// A call asked for as a condition: "si hoy no me llama nadie cancelo", "if nobody calls me today".
		"if|si ..2 no me|nos llama|llaman|contesta|contestan|atiende|atienden|marca|marcan|habla ..2 nadie|alguien|{PNF}; " +
		"if|unless nobody|someone|somebody|anyone ..2 call|calls|phones|contacts|rings ..2 me|us; " +
		"(quiero|queremos|quisiera|necesito|necesitamos|preferimos|quisieramos|mejor) que {DET} ..1 {PN} me|nos {CALLV}|escriba|" +
		"escriban|marque|hable; (preferimos|queremos|necesitamos|quisieramos|prefeririamos) que ?me|nos {CALLV}"},
	{0.8, "asked for a call back", "grateful|appreciate|appreciative|agradeceria ?for|of a|an|una ?quick|brief|prompt callback|" +
		"call|ring|llamada; (callback|call back) requested|needed|wanted|required; call|ring|phone|text me|us at|on #|my|this"},
	{0.9, "asked for a manager", "(a word with|a quick word with|una palabra con) ..3 {PN}; " +
		"hablar|hablo|talk|speak|pasas|pasame|pasenme|comunica|comunicame ?to|with|con ..2 su|your|ur|un|una|el|la responsable|" +
		"encargado|encargada; hablar|talk|speak|pasas|pasame|pasenme ..2 con|with|to su|your|ur abogado|abogada|lawyer|attorney; " +
		"(pasas|pasame|pasenme|paseme|comunicas|comunicame|comuniqueme) con el|la abogado|abogada|responsable; " +
		"speak|talk|chat ?to|with a|some people|ppl|peeps; speak|talk|chat ?to|with ?the|a|your|ur mgr|mngr; speak|talk|hablar ?to|with (some one|sum one|any one); " +
		"que me|nos transfiriera|transfiera|transfieran|pasara|pase|pasen|comunicara|comunique|comuniquen|conectara|conecte con|a " +
		"..3 {PN}|responsable|jefe|jefa|gerente; (whos|who is|who s) ?your|ur manager|supervisor|boss|jefe|gerente|superior"},
	{0.85, "asked for a person by title", "(comunica|comunicas|comunique|comunican|pasa|pasas|pone|pones|comunicarme) con ?el|" +
		"la muchacha|muchacho|chica|chico|senora|senor|senorita|joven|chava|chavo|dama|caballero; " +
		"me la|lo ?pueden|puede|podria|podrias|puedes|podrian comunicar|comunica|comunicas|comunican; " +
		"(is there a gentleman|is there a lady|a gentleman or lady|a lady or gentleman) ..4 who|that|in|from; " +
		"(put|transfer|connect|patch) me ?through with|to him|her|them"},
	{0.85, "asked for one of your people", "can|could|would|please|have|like|may|might|wonder|if ..2 (one of your|one of ur|" +
		"uno de sus|una de sus|alguno de sus|one of the) ..2 {PNF}|{SALES} ..4 call|zoom|meet|set|contact|reach|phone|ring|llame|" +
		"llamar|contacte; appointment|call|meeting|cita|llamada with|con (one of your|one of ur|uno de sus|alguno de sus) ..2 {PNF}; " +
		"asignar|asignen|asigne|asignarme|asignarnos|assign ..3 {PNF}; " +
		"derivan|derive|deriven|derivar|derivame|derivenme|deriveme|canalizar|canalizan|canalicen|canalice|canalizame ?me|nos ..2 con|a ..3 {PN}; " +
		"refer|referir me|us|nos ..2 to|con|a ..3 {PN}; " +
		"talk|talking|speak|speaking|go|going|walk|walking|discuss|discussing ?this|it|things|everything through|over with ..4 {PN}"},
	{0.8, "asked whether a person reads", "lee|leen|revisa|revisan|ve|contesta|responde ?un|una alguien|{PH} ?real ..1 o ?solo|nomas|nada ..2 " +
		"{BOT}|sistema|automatico; hay (algun|alguna|un|una) ?{REALQ} humano|humana|humanos"},
}

// humanNeutral8: what takes those cues, or older ones, back: a comparison reaching further
// than the first ones do ("better than talking to a real agent", "más rápido que un agente de
// carne y hueso"), and someone wanted to sell or buy the house, which is a service asked
// for, not a person ("necesito que alguien la venda por mí").
var humanNeutral8 = []neutralizer{
	{trigHuman, scopeOverlap, "better|worse|faster|quicker|easier|nicer|smarter|rapido|util than|then|que ..5 {PN}; beats|beat|beating ..4 {PN}; " +
		"mas|more|menos|less ..4 que|than ..3 {PN} ..4 (carne y hueso|flesh and blood|de verdad|human being)", ""},
	{trigHuman, scopeOverlap, "{PN} ?to|que ?me|nos|la|lo sell|list|vender|venda|vendan|vendiera|listar ..2 la|it|the|my|mi|our|nuestra|this ..1 " +
		"casa|house|home|propiedad|place; {PN} la|lo venda|vendan|compre|compren|vendiera", ""},
	// Someone to come and fix something: a repair asked for, not a person to deal with.
	{trigHuman, scopeOverlap, "{PN} ..4 come|venir|vengan|venga ..2 fix|repair|arreglar|reparar|replace|unclog|cambiar", ""},
	// A document sent to the customer's own people: "forward this to my lawyer".
	{trigHuman, scopeOverlap, "pass|forward|relay|send this|it ?on|along to {MY}", ""},
	// A number of something else asked for: "me pasas el número de cuenta".
	{trigHuman, scopeOverlap, "numero|telefono|celular|contacto de|del ?la|el|su|mi cuenta|referencia|folio|expediente|lote|contrato|" +
		"reserva|tarjeta|banco|clabe|cbu|seguimiento|orden|pedido|ticket|caso|casa|departamento|apartamento|unidad|vendedor|dueno|" +
		"propietario|inquilino|plomero|cerrajero|notario|tasador|inspector|recibo|factura", "asked for a number to call"},
	// Whether an agent's fee is charged, not a wish for one: "do you have an agent fee?"
	{trigHuman, scopeOverlap, "{PNF} fee|fees|commission|commissions|discount|rebate|comision|comisiones|tarifa", ""},
}

// Read in the round that opened fresh8: the bot itself asked to ring the customer ("can you just
// call me?"); whether a person will be there to talk to ("will there be an agent at the open
// house I can talk to", "¿no habrá alguien con quien pueda hablar?"); a replacement for the
// customer's own agent ("could you assign me a new one"); being put through to whoever runs the
// building ("¿podrían comunicarme con el administrador?").
var humanCues9 = []lexEntry{
	{0.85, "asked to be called", "can|could|would|will you|u|ya ?just|please|pls ?please|pls call|ring|phone me|us; " +
		"(can not|cannot) you ?just call|ring|phone me|us"},
	{0.9, "asked whether a person is there", "will|would there be ?a|an|any|some ..2 {PN}|realtor|manager|rep|representative ..5 " +
		"who|that|whom ..1 i|we|could|can ..1 can|could|talk|speak|ask|chat; " +
		"(no habra|habra|no habria|habria) ..2 alguien|{PH} con quien|que ?yo ?pueda|podamos|puedo hablar|platicar|tratar|" +
		"comunicarme|atender|atienda"},
	{0.85, "asked for a new agent", "assign|reassign|asignar|asignen|asigname|asignenme|asigneme|asignarme|asignarnos ?me|us|nos " +
		"?a|an|un|una|otro|otra ?new|different|another|nuevo|nueva|otro|otra one|{PNF}|realtor|rep|asesor|asesora|corredor|" +
		"corredora; (need|want|like|necesito|necesitamos|quiero|quisiera) ?a|an|un|una new|different|another|nuevo|nueva|" +
		"otro|otra {PNF}|realtor|asesor|asesora|corredor|corredora"},
	{0.85, "asked to be put through to the office", "comunicar|comunicarme|comunicarnos|comunicame|comuniqueme|comuniquenme|pasame|" +
		"pasenme|paseme|ponme|ponerme con|a ?el|la|su administrador|administradora|administracion|conserje|portero|porteria|" +
		"supervisor|supervisora|gerencia|direccion|oficina; " +
		"(put me through|connect me|transfer me|patch me through) to|with ..2 building|property|office|leasing manager|" +
		"management|super|superintendent|landlord|office"},
}

// humanNeutral9: what takes those cues, or older ones, back: owners and sellers as actors in the
// customer's story, not people asked for ("the seller wants to do owner financing", "lo
// necesito luego porque el dueño vende").
var humanNeutral9 = []neutralizer{
	{trigHuman, scopeOverlap, "owner|owners|dueno|duena|duenos|propietario|propietaria|landlord|casero ..1 (financing|finance|" +
		"financed|carry|occupied|occupant|vende|vendio|vendera|sells|sold|is selling|nos dio|me dio|gave|quiere|wants); " +
		"(owner financing|owner finance|seller financing)", ""},
}

// Read in the round that opened fresh10: how to get a person on the phone ("How do I get a real
// agent on the phone"), an agent's own contact asked for to write to directly ("mándame el
// whatsapp de un agente"), and someone asked to attend to the customer ("¿No me puede atender
// alguien por llamada?").
var humanCues11 = []lexEntry{
	{0.85, "asked how to reach a person", "(how do i|how can i|how do we|how can we|how would i|como puedo|como hago para|" +
		"como le hago para) ..1 get|reach|contact|talk|speak|hablar|contactar|comunicarme ..3 {PN} ..3 (on the phone|on the line|" +
		"in person|por telefono|en persona); (how do i|how can i|how do we|how can we) get ?a|an|the ?real|actual|live " +
		"{PNF}"},
	{0.85, "asked for a person's contact", "whatsapp|numero|telefono|celular|cel|contacto|correo|mail|email|number|cell|phone " +
		"de|of ?un|una|an|a|the|el|la|your|su|sus {PNF}|asesor|asesora|corredor|corredora|realtor ..3 " +
		"(pa escribirle|para escribirle|para llamarle|pa llamarle|to text|to call|to message|to write)"},
	{0.85, "asked to be attended", "(me puede|me pueden|me podria|me podrian|nos puede|nos pueden|no me puede|no me pueden|" +
		"no me podria|no me podrian) atender (alguien|una persona|un asesor|una asesora|un agente|una agente)"},
}

// Read in the round that opened fresh11: the bot refused ("I don't want to use the bot",
// "not interested in chatting with software"), the office's phone asked for instead ("can I
// call the office instead"), a person asked for by title ("¿está disponible la licenciada
// Ruiz?"), and a former agent wanted back ("we'd love to have her help us again").
var humanCues12 = []lexEntry{
	{0.8, "refused the bot", "(do not want|dont want|do not wanna|dont wanna|no quiero|no queremos|i refuse) ..2 " +
		"use|talk|chat|deal|usar|hablar|tratar|chatear ?to|with|con ?a|an|the|this|un|una|el|la|este|esta {BOT}"},
	{0.8, "refused the bot", "(not interested in|no me interesa|no quiero estar) ..1 chatting|talking|chat|texting|hablar|" +
		"chatear|hablando|chateando ..1 with|to|con ..2 {BOT}|software|app"},
	{0.75, "asked to call the office", "call|phone|ring|llamar|marcar|hablar ?to|a ?the|la|your|su {TEAM} instead|" +
		"mejor|directamente|directly"},
	{0.75, "asked for a person by title", "(esta disponible|estara disponible|se encuentra) (la licenciada|" +
		"el licenciado|la lic|el lic|la senora|el senor|la doctora|el doctor); is|esta (mr|mrs|ms|miss|la licenciada|" +
		"el licenciado) ..3 available|disponible|there|in|today|hoy"},
	{0.7, "asked for a former agent back", "(love|like|want|prefer|rather|gustaria|encantaria) ..2 (to have|have|que) " +
		"(her|him|ella) ..2 help|handle|represent|work|ayude|ayudara|atienda|lleve|represente ..3 again|otra|nuevo"},
}

// Read in the round that opened fresh12: a lawyer of the business asked to call ("Can an
// attorney on your side call me?", "Necesito que un abogado de ustedes me llame"), and a
// manager sought who answers ("Is there ANY manager in this company who answers emails?").
var humanCues13 = []lexEntry{
	{0.8, "asked for a lawyer of yours", "(an attorney|a lawyer|un abogado|una abogada|your attorney|your lawyer|" +
		"su abogado|su abogada) ..4 (on your side|of yours|de ustedes|de su oficina|from your office|from your team|" +
		"de la inmobiliaria|de la agencia) ..3 call|llame|contact|contacte|phone|email|reach|escriba"},
	{0.8, "asked whether a person answers", "(is there any|is there a|is there one|hay algun|hay alguna) " +
		"{PNF} ..5 who|that|que ..1 answers|responds|replies|reads|returns|contesta|responde|lee"},
}

// humanNeutral13: "human" as an adjective of a thing ("a human-friendly version of the rules").
var humanNeutral13 = []neutralizer{
	{trigHuman, scopeOverlap, "human friendly|readable|language|version|terms|error", ""},
}

// Read in the round that opened fresh13: the landlord or owner asked for directly ("Can I
// talk to the landlord directly?"), and whether anybody is really there, after being left
// unanswered ("hello??" "anyone?" "is anybody actually there").
var humanCues14 = []lexEntry{
	{0.75, "asked whether a person is there", "is|are anybody|anyone|somebody|someone|alguien (actually|really|de verdad|realmente) " +
		"(there|out there|on the other end|in there|ahi|alli)"},
	{0.8, "asked for the owner", "talk|speak|hablar|comunicarme ?to|with|con ?the|el|la|al (landlord|property owner|homeowner|" +
		"home owner|casero|casera|arrendador|arrendadora|propietario|propietaria) (directly|directamente|personally|personalmente)"},
}

// humanNeutral16, read in the round that opened fresh15: an owner's statements and a broker's
// price opinion are documents, not people asked for.
var humanNeutral16 = []neutralizer{
	{trigHuman, scopeOverlap, "owner|owners statement|statements|portal|account|draw|draws|distribution|distributions|" +
		"report|reports|packet; (broker price opinion|brokers price opinion|broker opinion of value|agent price opinion)", ""},
}

// humanNeutral17, read in the round that opened fresh16: advice the customer passes on ("my
// brother says I should demand to speak to a supervisor") names a person someone else would
// ask for, not one the customer asks for.
var humanNeutral17 = []neutralizer{
	{trigHuman, scopeOverlap, "(says i should|said i should|say i should|told me to|tells me to|telling me to|me dice que|" +
		"me dijo que|me dicen que|me decia que|dice que|always says|always said|always tells me|siempre dice|siempre decia|" +
		"likes to say|used to say|solia decir) ..2 demand|ask|insist|exija|exigir|pida|pedir|pedirle|insista ..2 " +
		"speak|talk|hablar|for|por|a|an|the|un|una|el|al|la", ""},
}

// humanNeutral18, read in the round that opened fresh17: a representative sample is data,
// not a person.
var humanNeutral18 = []neutralizer{
	{trigHuman, scopeOverlap, "representative|representativa|representativo sample|samples|example|examples|data|set|" +
		"muestra|muestras|ejemplo|ejemplos|datos; (muestra representativa|ejemplo representativo|muestras representativas)", ""},
}
