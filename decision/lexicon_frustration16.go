package decision

// Read in the round that opened fresh15: thanks for not answering, a Saturday spent well
// (sarcastically), technology praised for failing, the bot that does not know or keeps saying
// the same, how much clearer the customer can be, patience or politeness running out, thanks
// for not returning calls, paying to live with what is broken, an ultimatum about the customer's own yard
// ("or it goes in the dumpster"), Spain's "hasta las narices" and "ni caso", emails sent by
// the dozen, and days taken to answer.
var frustrationCues16 = []lexEntry{
	{0.85, "sarcastic thanks", "(thanks|thank you|thx|gracias|muchas gracias|mil gracias) ..2 for|por not|no|never|nunca ..1 " +
		"answering|responding|replying|calling|helping|telling|showing|responder|responderme|contestar|" +
		"contestarme|llamar|llamarme|avisar|avisarme|ayudar|ayudarme|decirme|venir|aparecer"},
	{0.8, "sarcasm", "great|nice|wonderful|fantastic|excellent|lovely|perfect|buena|excelente|linda (use of my|use of our|" +
		"way to spend my|way to spend our|way to waste my|forma de perder mi|manera de perder mi|forma de pasar mi) ..1 time|" +
		"day|saturday|sunday|weekend|morning|afternoon|evening|lunch|tarde|dia|sabado|domingo|manana|finde; " +
		"(cutting edge stuff|real cutting edge|truly cutting edge|state of the art stuff|high tech stuff|real high tech|" +
		"peak technology|tecnologia de punta eh)"},
	{0.75, "the bot fails", "bot|chatbot|robot|bots|assistant|maquina|asistente ..2 (does not know|doesnt know|" +
		"does not even know|doesnt even know|does not understand|doesnt understand|can not understand|cant understand|" +
		"no sabe|no entiende|ni sabe|ni entiende|keeps saying|keeps asking|keeps telling); (you keep saying|you keep asking|" +
		"you keep telling me|it keeps saying|it keeps asking|sigues diciendo|sigues preguntando)"},
	{0.8, "asked again", "(how much clearer can i|how much clearer do i|how much clearer i can|how much clearer could i|" +
		"how much more clearly can i|how else can i say|how else do i say|" +
		"how many ways can i say|mas claro no puedo|mas claro imposible|mas claro no se puede|como mas te lo digo|" +
		"como mas se los digo|como mas se lo digo)"},
	{0.85, "anger", "(running out of polite|out of polite|out of nice|done being nice|done being polite|done being patient|" +
		"se me acabo la paciencia|se me esta acabando la paciencia|se me acaba la paciencia|se me agoto la paciencia); " +
		// Polite for weeks, not "nice neighbours for ten years".
		"(i have been|we have been|he sido|hemos sido) ..2 polite|nice|courteous|amable|amables|educado|educada|educados|" +
		"cordial ..1 for|por|durante ..1 days|weeks|months|dias|semanas|meses"},
	// Not "can I park there or will it get towed?".
	{0.8, "an ultimatum", "or|o ?else ..2 it|they|everything|todo|lo|la|se ..2 goes|go|going|ends|va|van|acaba|termina ..2 " +
		"dumpster|trash|garbage|curb|basura; or|o ?else ..2 (throw it out|throw it away|toss it|tirarlo|lo tiro|la tiro|" +
		"lo voy a tirar|la voy a tirar|gets towed|will be towed|ill have it towed|i will have it towed|im having it towed|" +
		"i am having it towed|i call a tow|llamo a la grua|se lo lleva la grua)"},
	{0.85, "sarcastic thanks", "(appreciate you|i appreciate you|love that you|love how you) not|never ..1 returning|" +
		"answering|responding|replying|calling; (para eso les pago|para eso te pago|para eso pago|para que les pago|" +
		"thats what i pay you for|that is what i pay you for)"},
	{0.8, "paying for nothing", "(i pay|we pay|pago|pagamos|paying|i am paying|we are paying) ..5 to|para live|vivir ..1 " +
		"with|con ..2 broken|mold|moho|leak|leaks|roaches|cucarachas|goteras|rats|ratas|mice; (i pay|we pay|pago|pagamos|" +
		"paying|i am paying|we are paying) ..5 to|para live|vivir ..1 with|con ..1 (no heat|no water|no hot water|no ac|" +
		"no air|no heating|sin agua|sin luz|sin calefaccion|sin gas|sin agua caliente); " +
		"(ill just keep paying|i will just keep paying|i guess i will keep paying|i guess ill keep paying|sigo pagando|" +
		"seguire pagando) ..6 no|without|broken|sin"},
	{0.85, "fed up", "(hasta las narices|hasta el mono|hasta el copete|hasta la tusa|hasta los huevos|hasta el culo)"},
	{0.8, "nobody answers", "(y ni caso|ni caso me hacen|ni caso nos hacen|no me hacen ni caso|no nos hacen ni caso|" +
		"ni puto caso|ni pinche caso)"},
	{0.6, "done again and again", "mandado|enviado|escrito|sent|left|written|mande|envie|deje|escribi ..3 # correos|emails|" +
		"mails|mensajes|messages|voicemails|llamadas|calls|whatsapps|texts"},
	{0.8, "no reply", "# ..1 days|hours|weeks|dias|horas|semanas (to answer|to reply|to respond|to get back|para contestar|" +
		"para responder|en contestar|en responder|para que me contesten|para que me respondan)"},
}

// frustrationNeutral16: weeks of one's own anxiety are distress, not a problem left unsolved
// ("llevo semanas con ataques de ansiedad"); a nice use of the weekend asked about is a plan;
// the trash room and the dumpster are where rubbish goes.
var frustrationNeutral16 = []neutralizer{
	{trigFrustration, scopeOverlap, "(would it be|will it be|is it|is that|would that be|could it be|sera|seria) ..1 great|" +
		"nice|wonderful|fantastic|excellent|lovely|perfect|buena|excelente|linda", "sarcasm"},
	{trigFrustration, scopeOverlap, "trash|garbage room|rooms|can|cans|bin|bins|chute|pickup|day|days|service|collection|" +
		"bag|bags|area|enclosure; dumpster|dumpsters ..3 trash|garbage", "exasperation"},
	// A deadline the customer has, not a wait: "we have 3 days to answer the counteroffer".
	{trigFrustration, scopeOverlap, "have|tenemos|tengo|tienen|tiene|within|deadline ?only|just # ..1 days|hours|weeks|dias|" +
		"horas|semanas; (dentro de|plazo de|solo tenemos|solo tengo) # ..1 dias|horas|semanas", "no reply"},
	{trigFrustration, scopeOverlap, "llevo|llevamos ..3 con ..2 ansiedad|ataques|insomnio|dolor|dolores|depresion|miedo|" +
		"panico|nervios|llanto|angustia", "nothing solved"},
}
