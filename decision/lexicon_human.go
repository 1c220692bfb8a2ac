package decision

// humanCues: the customer asks for a person, a call from one, or to be put through.
var humanCues = []lexEntry{
	{0.9, "asked for a person", "speak~|talk~|chat|speaking|talking|chatting ?to|with|w|2 ..4 {PN}; " +
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
		"pasame|paseme|pasenme|pasar|pasarme|pasas|pases|pasen|transfiera|transfierame|transfiereme|transferir|transferirme|transfiere|" +
		"comuniqueme|comunicame|comunica|comunique|comuniquen|conecteme|conectame|conectar|conectarme ?con|a|me .. {PN}"},
	{0.85, "asked for a person", "want|need|prefer|request|demand|require|wants|needs ..2 {PNF}; " +
		"want|need|prefer ..4 {PNF}; help|assistance|ayuda|atencion from|de ..2 {PNF}; (human assistance|human help|" +
		"human support|person to person|atencion personalizada|atencion humana); {PNF} ..2 take|step|jump over|in; " +
		"no hay nadie|alguien ..4 hablar|atender|atienda|ayudar|ayude; nadie ..2 puede|pueda ..2 atender|atenderme|ayudar|" +
		"ayudarme|llamar|llamarme|hablar; (is there nobody|can nobody|can no one) ..3 help|talk|call; " +
		"want|need|prefer ..2 {PNI} real|from|de|who|to|that|on; do|does you|they have ..2 {PN} .. talk|speak|call|chat|available; " +
		"tienen ..2 {PN} disponible|available; (get in touch|in touch|be in contact) with .. {PN}; " +
		"how|can|could|where|want|need|like ..3 reach|contact ..2 {PNF}; " +
		"(book|schedule|set up|arrange|request) ?a|an consultation|appointment|meeting|call; " +
		"(agendar|programar|hacer) ?una cita|llamada|reunion|videollamada|consulta; (would like|would prefer|would rather|rather|would love) ..4 {PNF}; " +
		"want|need|request|like ..2 (callback|call back|phone call); ocupo|ocupamos|requiero|necesitamos|queremos|quisieramos ..3 {PN}; " +
		"(can i|could i|may i|can we|could we) get|have ..2 {PNF}; who can i talk|speak|call; escalate|escalation; " +
		"quiero|kiero|quisiera|necesito|prefiero|deseo|pido|solicito|gustaria|exijo ..3 {PN}"},
	{0.85, "asked for a call from a person", "can|could|would|will|may|please|have|need|want|like|get|let ..2 {PN} .. call|phone|ring|" +
		"contact|reach|text|email me|us|my|back|out; {PN} please call|phone|contact|reach; " +
		"get|have|send {DET} ?real|live|actual|human {PN} .. call|phone|ring|contact|reach|on; " +
		"{PN} ..2 llame|llamara|llamen|llamar|llamarme|atienda|atender|atiende|contacte|contactar|marque|comunique|hable|hablen|escriba; " +
		"me ..2 llamar|llame|llamara|marcar|atender|atienda|atiende|atiendan|contactar|contacte|comunique|hable|hablen|escriba|" +
		"contestar|conteste|responder|responda ..2 {PN}; " +
		"llamarme|atenderme|contactarme ..2 {PN}; can|could|would|please|need|want|let ..2 {PNF} .. help|assist me|us"},
	{0.6, "asked for a call", "(can you|could you|would you|will you|please) ?please call|phone|ring me|us"},
	{0.6, "does not want a bot", "(do not want|do not wanna|no quiero|ya no quiero|tired of|sick of|done with|stop) ..3 bot|bots|robot|" +
		"chatbot|maquina|machine|computer|computadora|automated|automatic|ai"},
	{0.85, "asked to meet a person", "call|meeting|appointment|conversation|consultation|zoom|facetime ?call|meeting with .. {PNF}; " +
		"llamada|cita|reunion|videollamada con .. {PNF}"},
	{0.85, "asked whether a person is there", "is|are ?not there|ther|thre ..2 {PN} .. talk|speak|call|here|available|real|there|online|around; " +
		"is|are|any ..2 {PN} available|there|around|online|here|awake; anyone|anybody|alguien there|here|ahi|alli|around|online; " +
		"hay ..2 {PN} .. hablar|atender|atienda|disponible|real|verdad|que|con; any|some humans|people|persons here|there|around"},
}

// withdrawnCues: the customer no longer wants a person.
var withdrawnCues = []lexEntry{
	{0.9, "no longer wants a person", "(never mind|nevermind|forget it|scratch that); do not need ..3 {PN}|anyone|anybody|anymore; " +
		"no need ..3 {PN}|anyone|anybody; you ?have answered|solved|sorted; olvidalo|olvidelo|olvidenlo; " +
		"(ya no hace falta|ya no es necesario|no hace falta); ya me resolviste|resolvieron|ayudaste"},
}
