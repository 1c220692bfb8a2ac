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
	{0.85, "asked whether a person is there", "is|are there|ther|thre ?a|an|any|some ?real|live|actual {PH}; " +
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
	{0.85, "asked whether a person is there", "is|are ?not there|ther|thre ..2 {PN} .. talk|speak|call|here|available|real|there|online|around; " +
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

// withdrawnCues: the customer no longer wants a person.
var withdrawnCues = []lexEntry{
	{0.9, "no longer wants a person", "(never mind|nevermind|forget it|scratch that); do not need ..3 {PN}|anyone|anybody|anymore; " +
		"no need ..3 {PN}|anyone|anybody; you ?have answered|solved|sorted; olvidalo|olvidelo|olvidenlo; " +
		"(ya no hace falta|ya no es necesario|no hace falta); ya me resolviste|resolvieron|ayudaste"},
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
	{0.85, "asked whether a person is there", "{PNI} {REALQ} ..2 working|around|available|on|in|trabajando|disponible"},
	{0.9, "asked for a manager", "speak|talk|hablar|habla ?with|to|con ..3 her|his|their|your|su|tu ..1 manager|supervisor|boss|" +
		"jefe|jefa|gerente|superior|superiors"},
	{0.85, "asked for a named person", "(me comunica|me comunicas|me comunique|me comunican|comunicarme|me pasa|me pasas|me pone|me pones|" +
		"me puede comunicar|me podria comunicar) con ?el|la senor|senora|sr|sra|senorita|srta|don|dona|licenciado|licenciada|lic|" +
		"ingeniero|ingeniera|arquitecto|arquitecta|doctor|doctora"},
}

// Read in the round that opened the training sets (train-a to train-g).
var humanCues8 = []lexEntry{}

// humanNeutral8: what takes those cues, or older ones, back.
var humanNeutral8 = []neutralizer{}
