package decision

// frustrationCues: anger, exasperation, complaints about the service, and asking again.
var frustrationCues = []lexEntry{
	{0.85, "anger", "furious|fuming|livid|outraged|enraged|irate|infuriat*|pissed|seething|furios*|enojad*|enfadad*|encabronad*|indignad*; " +
		"(fed up|had enough|done being patient|sick and tired|out of patience); lost|losing|running my|of patience; " +
		"beyond irritated|frustrated|annoyed|angry; tired|sick of waiting|this|you|your|being|getting|asking|repeating|chasing|dealing; " +
		"estoy|estamos|tienen|tiene harto|harta|hartos|hartas; harto|harta de; cansad* de; me canse|harte; ya basta; basta ya; " +
		"desesperante; (es el colmo|me estan tomando el pelo|tomadura de pelo|que coraje|me da coraje|que rabia|me da rabia|que bronca|me da bronca|" +
		"que poca madre|hasta la madre|enough is enough|i give up|never again); disgust*|appall*|insult*|offended|offensive|" +
		"madden*|outrage|inept*|incompetent*; (i am|we are) ?so|just|really|totally|completely|literally|officially done with|w you|this|" +
		"your|ustedes|it|y|these|everything|them; (i am|we are|estoy|estamos) ?so|just|really|totally|completely|so over it|this|you|ustedes|everything; " +
		"(pinche|pinches|malditos|maldito|carajo|joder|no mames|puta madre|me vale|que pedo)"},
	{0.75, "service failure", "showed|show|arrived|came|llego|llegaron ?up ..3 late|tarde; late again; tarde otra vez; " +
		"(never|did not|have not|has not|still have not|still has not) ..2 receive|received|got|gotten|get|heard ..4 email|emails|" +
		"documents|call|paperwork|keys|update|link|confirmation|contract|reply|response|information|anything|back; " +
		"lost|misplaced|perdieron|extraviaron ..3 documents|paperwork|file|application|papers|documentos|papeles; " +
		"charged|cobraron ..3 twice|extra|double; cobraron ..3 de mas; overcharged; hidden fee|fees|charges; (cobro extra|cargo extra|cobros ocultos); " +
		"(was not|were not|was never|were never) told|informed|notified|warned; (sin avisarnos|no me avisaron|no nos avisaron|" +
		"nadie nos dijo|nadie me dijo|nadie me aviso); wrong|incorrect ..2 address|time|date|house|unit|price|information|info|code|city|town|location|neighborhood|street|map|" +
		"key|keys|listing|photos|directions; made|kept|left me|us waiting; double booked; cancel* on me|us; " +
		"another cancellation|delay|excuse|mistake|reschedule; why did|has|have|was|were|is|does|do|are ..2 not ..3 tell|told|call*|" +
		"answer*|inform*|respond*|repl*|let|show*|return*|fix*|send|sent; still ..2 not heard|received|gotten|answered|called|fixed; " +
		"todavia|aun no ..3 llamado|contestado|respondido|mandado|enviado|recibido|arreglado; " +
		"want|need|demand|quiero|exijo ..2 refund|reembolso; (been|have been) ..2 patient; (more than patient|shame on you|" +
		"you should be ashamed|what a mess|que relajo|que cochinero|" +
		"esperaba algo mejor|do your job|hagan su trabajo|hasta el gorro|hasta la coronilla|me hartaron|not fair|no es justo); expected|expecting|esperaba|esperabamos ..2 better|more|mas|mejor; " +
		"(not happy|not satisfied|not impressed|no estoy contento|no estoy contenta|no estoy satisfecho|no estoy satisfecha) ..3 " +
		"(at all|para nada); " +
		"(unhappy|dissatisfied|insatisfech*|inconforme|descontent*|unimpressed|not happy|not satisfied|not impressed) ..3 service|you|" +
		"your|how|way|process|communication|response|responses|agent|agents|company|brokerage|experience|treatment|atencion|" +
		"servicio|ustedes|trato|team; unfair|injust*; " +
		"(give me a break|so over it|so over this|i am over it|i am over this|i have had it|had it with|que barbaridad|una barbaridad|ya estuvo bueno|" +
		"estoy que exploto|echando chispas|no puede seguir asi|total disaster|what a disaster); this|that|it is a disaster; " +
		"(is|are) anyone|anybody|someone even; (is|are) anyone|anybody|someone actually there|here|reading|listening|working; exijo|exigimos; (my money back|mi dinero de vuelta|que me devuelvan|take my business elsewhere); " +
		"cancel|terminate|cancelar|terminar ..2 my|our|the|mi|el|nuestro ..2 contract|agreement|listing|contrato|servicio; " +
		"cancel|cancela|cancelen|terminate ..1 everything|todo"},
	{0.75, "complaint", "frustrat*|annoy*|irritat*|aggravat*|exasperat*|angry|angrier|upset|disappoint*|displeased|molesto|molesta|" +
		"molestos|molestas|decepcion*|frustrad*; mad at; complain*|complaint*|queja*|quejar*"},
	{0.8, "poor service", "worst|terrible|horrible|awful|pathetic|lousy|appalling|atrocious|dreadful|shoddy ?customer " +
		"service|experience|communication|support|agent|agents|company|brokerage|app|website|bot|process|response|job; worst; " +
		"poor|bad ?customer service|communication|support; pesim*|malisim*; mal servicio|trato; mala atencion|experiencia; " +
		"servicio terrible|horrible|pesimo; falta de seriedad|respeto|profesionalismo|consideracion; poca seriedad; " +
		"(nada profesional|muy poco profesional|no sirve|no sirven|no sirves|not acceptable|no es aceptable|siempre es lo mismo|" +
		"un desastre|que desastre|no saben nada|no saben lo que hacen|dropped the ball|dropping the ball|drop the ball|let us down|let me down|failed us|failed me|" +
		"stood me up|stood us up|me dejaron plantado|me dejaron plantada|me dejaron esperando); " +
		"screwed|messed|mixed up; botched|sloppy|careless|lazy|desastroso; this|that|it is terrible|awful|horrible|unbelievable|" +
		"nuts|crazy|nonsense|insane; this|that|it is a mess; bad|negative|terrible|horrible review|reviews; (one star|1 star|better business bureau|" +
		"report you|reporting you|queja formal|denunciar|profeco); going|go|switching|switch|find|finding|hire|hiring ..2 another|" +
		"different|other|new agent|agency|brokerage|realtor|company; " +
		"(you are|you people are|you guys are|you all are) (hopeless|useless|incompetent|clueless|a joke); you people"},
	{0.8, "exasperation", "unacceptable|inaceptable|ridicul*|absurd*|ludicrous|insane|outrageous|pathetic|useless|worthless|pointless|inutil*|" +
		"garbage|trash|rubbish|crap|sucks|junk|basura|porqueria|incompetent*|unprofessional|rude|disrespectful|clueless|" +
		"groser*|irrespetuos*|stupid|dumb|idiot*|estupid*|idiota|clowns|amateurs|morons|imbeciles|crooks|thieves|bozos|payasos|" +
		"ladrones|rateros|mentirosos|inutiles|tarados|pendejos|dumbest|lazy; waste of ?my|our time|money|day|morning|afternoon|saturday|sunday|weekend|trip|gas; " +
		"wasting|perdiendo ..2 my|our|mi|nuestro ..1 time|tiempo; (hacerme perder|me hacen perder|me hicieron perder) ..2 tiempo; (do not appreciate|did not appreciate|no aprecio|" +
		"no me gusta como|no me gusto como|no me parece justo|i do not like how|i did not like how); wasted ?my|our ..2 time|day|" +
		"saturday|sunday|morning|afternoon|weekend|trip|money; (thanks for nothing|gracias por nada|what a joke|is a joke|" +
		"kidding me|una burla|es una broma|que verguenza|una verguenza|perdiendo el tiempo|perdida de tiempo); are you kidding|joking"},
	// Trust lost: "kind of hard to trust any of this", "looks nothing like the photos".
	{0.75, "distrust", "(hard to trust|can not trust|could not trust|how can i trust|how am i supposed to trust|no puedo confiar|" +
		"no se puede confiar|cuesta confiar|dificil confiar|looks nothing like|nothing like the photos|nada que ver con las fotos)"},
	{0.8, "feels cheated", "scam|scammed|scammers|scamming|ripoff|estafa|estafad*|enganad*|misleading|misled|deceptive|" +
		"lied|lying|liars|mintieron|mentira*; (rip off|ripped off|false advertising)"},
	{0.75, "nobody answers", "(nobody|noone|no one) ..4 answer*|respond*|repl*|call*|get*|got|told|tell*|" +
		"help*|follow*|contact*; nadie ?me|nos|nunca|lo ..2 contesta*|respond*|atiend*|llam*|coge|cogen|descuelga|" +
		"avis*|dijo|dice|dicen|informa*|menciono|" +
		"explic*|ayud*; hace # ..1 semana|semanas|dias|dia|mes|meses ..1 que ..1 espero|esperamos|esperando; " +
		"nadie ..2 hace caso; still waiting|nothing; still|todavia|aun no|not|nada|sin ..1 {OWED}; " +
		"(sigo esperando|seguimos esperando|todavia espero|sin respuesta); (been waiting|waiting|waited|esperando|espere) ..2 " +
		"all|todo|toda ..1 day|morning|afternoon|week|dia|manana|tarde|semana; never heard|got|called back; llev* ..3 esperando; " +
		"not|never show|shown|showed|turned up; no show; me|nos prometieron ..4 nada; y nada; sin avisar; " +
		"(been waiting|have waited|waited|been on hold|on hold) ..3 hours|days|weeks|forever|ages|horas|dias|semanas; " +
		"(not helping|not helpful|no help at all|does not help|did not help|of no help); (not anyone|not anybody|not one) ..2 call*|" +
		"answer*|respond*|repl*|contact*|got|get*; impossible|hard|difficult to reach|contact|get; nadie ..2 regres*|devuel*|devolvio; " +
		"nothing changes|happens; nothing gets done; (nobody|no one|nadie) ..2 know*|care*|cares|seem*|sabe|sepa|sepan|importa|pick*|picked; " +
		"(trying to reach|tried to reach|trying to get a hold|trying to get hold|trying to get through|tratando de comunicarme|" +
		"intentando comunicarme); " +
		"(going nowhere|getting nowhere|taking forever|takes forever|so long|this long|too long|nadie vino|nadie llego|" +
		"no llego|no se presento|ni siquiera); (you promised|i was promised|we were promised|me prometieron|nos prometieron)"},
	{0.8, "asked again", "how many times; cuantas veces; already told|said|explained|mentioned|answered; " +
		"(per my last|per my previous|as per my last|as per my previous|as stated in my|as i mentioned in my|see my last|" +
		"como dije en mi|como le dije en mi|como te dije en mi|como mencione en mi) ..1 message|email|text|mensaje|correo; " +
		"third|fourth|fifth|3rd|4th|5th|umpteenth|tenth time|reschedul*|cancel*|attempt|" +
		"email|call|message|request; tercera|cuarta|quinta vez; i ?have|already asked ?you ..2 this|that|already|yesterday|before|" +
		"earlier|twice|last; asked|told|said|explained|mentioned|called|emailed|texted|written|wrote|pregunte|dije|explique|" +
		"escrito|llamado|preguntado|dicho|mandado|enviado|marcado|explicado|pedido|escribi|llame|marque|mande|pedi ..4 # ..1 times|veces; " +
		"(can you not read|can not you read|do you not read|no sabes leer|no saben leer|learn to read|aprende a leer); " +
		"just answer ?the|my question; cancel*|resched*|postpon* again; cancelaron|cambiaron otra vez; " +
		"(otra vez|de nuevo) cancelaron|cambiaron|cancelan; " +
		"i ?have|already asked|told|said ..3 times|twice|before; not what i asked|said|meant; (did not|have not|has not) answer*; " +
		"never answered; not answering; no contestaste|respondiste|contesto|respondio; no es|fue|era lo que ?te|le|yo pregunte|dije|pedi; " +
		"ya les|le|te dije; (i just said|i literally just said|i literally said|i just told you|i just asked|i just answered|" +
		"acabo de decir|te acabo de decir|le acabo de decir|acabo de preguntar|te lo acabo de decir)"},
	{0.8, "not listened to", "are|do you even|ever ?actually read*|listen*|answer*|understand*|care|know; " +
		"are|do you ?actually|really reading|listening|read|listen ..2 my|what|anything|me; (get your act together|get it together|" +
		"get your stuff together|get your shit together|ponganse las pilas|ponte las pilas|pongase las pilas); " +
		"you keep ?on misunderstand*|" +
		"sending|ignoring|asking|getting|giving|repeating|changing|rescheduling|cancel*|pasting|missing; no me ?esta|estas|estan escuch*|entend*; no me entiend*; " +
		"(you are not|you do not|you did not|you never|you clearly do not|you obviously do not) ?even|really|actually " +
		"listen*|read*|understand*; (talking to a wall|talking to a brick wall|hablo con la pared|hablando con la pared|" +
		"hablarle a la pared|dando largas|dan largas|dar largas|dieron largas); " +
		"(instead of|rather than|en vez de|en lugar de) ..2 sending|giving|mandar|mandarme|enviar|enviarme|pasting ..2 links|" +
		"link|enlaces|enlace|articles; is|are this|it|you ?thing|bot even working|on; " +
		"no me escuchan|responden|contestan; no me hacen caso; no me toman en cuenta; ignor*; going in circles; runaround; " +
		"(dando vueltas|me pelotean|nos pelotean|peloteando); change|changes|changed|changing the subject; " +
		"dodg*|avoid*|evad* ?my|the|mi|la question|questions|pregunta|preguntas; paste links; copy paste; stop|quit sending|calling|texting|emailing|asking|spamming|giving|telling|pasting|repeating|it; " +
		"just stop; deja|dejen de; canned|generic|scripted|robotic|automated|copy ..2 answer|answers|reply|replies|response|" +
		"responses|respuesta|respuestas; respuestas|respuesta automatica|automaticas|genericas|generica; respuestas|respuesta de robot; " +
		"enough with|already; that is enough"},
	{0.75, "exasperation", "wtf|wth|ffs|omfg|bullshit|smh|chale"},
	// A sigh: frustration with something else to go on, not alone ("ugh mondays am i right").
	{0.6, "sigh", "ugh|argh|uff|ufff|pff|pfff|sigh"},
	{0.75, "no straight answer", "(why can not|why will not|why does not|why do not|why is not|why does|por que) ..2 anyone|" +
		"anybody|nobody|no one|nadie ..3 give|answer|help|call|tell|respond|reply|get|contesta*|respond*|ayud*|llam*|dice|dar; " +
		"(straight answer|clear answer|real answer|respuesta clara|respuesta directa|una respuesta concreta)"},
	// Someone of the service who never came: "el agente nunca llegó a la cita y ni avisó".
	{0.75, "no-show", "{PNF}|inspector|photographer|fotografo|appraiser|valuador|plumber|contractor|cleaner|movers ..3 never|nunca|no|not " +
		"..2 show|showed|shown|came|come|arrived|llego|llegaron|vino|vinieron|aparecio|presento; ni aviso|avisaron|llamo|llamaron|" +
		"contesto|contestaron"},
	// A verdict on the whole of it: "this whole process has been a nightmare with your company".
	{0.75, "nightmare service", "process|experience|transaction|sale|purchase|company|service|proceso|experiencia|compra|venta|" +
		"servicio|empresa|management|administracion|office|oficina|communication|comunicacion|support|soporte|agency|agencia " +
		"..3 been|is|was|es|ha|fue|sido ..2 nightmare|disaster|mess|joke|circus|pesadilla|desastre|relajo|" +
		"chiste|burla|circo"},
	// Why something owed has not happened, however the sentence runs to it.
	{0.75, "not done", "(why|por que) ..5 (has not|have not|had not|did not|was not|were not|is not|are not|no me han|no nos han|" +
		"no han|no ha|no me|no nos) ..3 been|gotten|received|returned|sent|fixed|processed|answered|called|responded|replied|" +
		"refunded|paid|done|told|informed|contacted|devuelto|contestado|llamado|respondido|mandado|enviado|pagado|arreglado|" +
		"resuelto|regresado|devuelven|contestan|llaman|responden; (que les cuesta|que te cuesta|que le cuesta|how hard is it to|" +
		"is it so hard to|would it kill you to|es tanto pedir|is it too much to ask)"},
	// The service, as the subject of a bad verdict: "your service has been terrible".
	{0.8, "poor service", "service|experience|communication|support|company|app|website|process|response|responses|" +
		"servicio|atencion|experiencia|comunicacion|empresa ..3 is|was|has|have|been|are|were|es|ha|fue|sido|esta ..2 terrible|" +
		"horrible|awful|pathetic|lousy|appalling|atrocious|dreadful|shoddy|bad|poor|useless|unprofessional|pesimo|pesima|malisimo|" +
		"malisima|fatal|horrible|desastroso|nefasto|nefasta"},
	{0.7, "sarcasm", "oh great|wonderful|perfect|fantastic|lovely|joy|brilliant; just great|perfect|wonderful; real helpful; " +
		"gee thanks; very|so helpful not; que bien eh; muy bonito eh; (love that for me|great job guys|nice job guys)"},
	// Disbelief said back: "sure you do", "sí, cómo no"; and the same useless help once more:
	// "another link to the FAQ", "otra vez las preguntas frecuentes".
	{0.8, "sarcasm", "(sure you do|sure you are|sure you will|sure you did|sure it is|yeah right|si como no|si claro que si|como no); " +
		"another|otro|otra ..3 (faq|faqs|help article|help center|canned|automated reply|automated response|generic reply|" +
		"generic response|template|respuesta automatica|preguntas frecuentes|articulo de ayuda)"},
	// Disbelief at a failure: "How does that even happen?", "¿cómo es posible?".
	// "How does that even work?" is a question; "happen", "possible", "allowed" are not.
	{0.8, "incredulity", "(how does|how did|how could|how can|how is|how was) that|this|it even ..1 happen|happened|possible|" +
		"allowed|legal|acceptable; (how could you miss|how did you miss|how do you miss|como es posible que|como es posible esto|" +
		"como se les paso|como pudieron)"},
	// The business told it does not care: "you clearly don't care", "les expliqué y les vale".
	{0.8, "uncaring", "you|they|ustedes ?clearly|obviously|just|really|simply do not ?even|really care; " +
		"les|le|te vale|valio; (no les importa|no le importa|les importa un|les da igual|les vale madre|les vale gorro)"},
	// A threat of action against the business: "I will be filing in small claims", "los voy a
	// demandar", "or I'll see you in court". The legal matter is counted apart.
	{0.8, "threat", "(see you in court|nos vemos en el juzgado|nos vemos en la corte|nos vemos en los tribunales|" +
		"nos vemos en tribunales|take you to court|sue you|report you|llevarlos a juicio|llevarlos a juicio); " +
		"i|we ?will|am|are ?be|going ?to filing|file|sue|report ..3 (small claims|against you|against your|your company|" +
		"your agency|you); los|les|te voy|vamos a demandar|denunciar|reportar"},
	// A charge the customer can show is wrong, and a demand to fix it: "you charged me a late
	// fee when I paid on time. I have the bank receipt. fix it." Each alone is a question.
	{0.45, "wrong charge", "charged|billed|cobraron|cobran|cobro ?me|us|nos ..3 fee|late|twice|double|penalty|recargo|cargo|" +
		"intereses|multa"},
	{0.45, "proof of payment", "(paid on time|paid in full|already paid|have the receipt|have the bank receipt|have proof|" +
		"pague a tiempo|pagamos a tiempo|ya pague|ya pagamos|tengo el comprobante|tengo el recibo|tengo pruebas)"},
	{0.6, "demand", "(fix it|fix this|fix that|sort it out|make it right|arreglenlo|arreglalo|arreglen esto|arreglen eso|" +
		"solucionenlo|resuelvanlo|corrijanlo)"},
	{0.65, "awful", "horrible|terrible|awful|atrocious|appalling|dreadful|pesimo|pesima"},
	{0.75, "regret", "regret|arrepentid*; what is wrong with you|your; (que les pasa|que te pasa|que onda con ustedes); " +
		"same ?automated|canned|generic reply|answer|response|message|thing ..3 every|again|over; sent|gave|told|mandaron|enviaron|booked|scheduled|emailed|put ..5 wrong|" +
		"equivocada|equivocado|equivocadas|incorrecta"},
	{0.6, "repetition", "(multiple times|several times|so many times|over and over|tres veces|varias veces|mil veces|twice|" +
		"three times|every time|cada vez|automated reply|automated response|es en serio|en serio)"},
	{0.6, "exasperation", "seriously|jeez|geez|odio|detesto|generic|canned|unbelievable|increible; no puede ser; no es posible; " +
		"need|want|quiero|necesito an|a|una ?actual|real|straight answer|respuesta; another|otro|otra link|enlace|article|" +
		"automated|template; " +
		"(no lo puedo creer|no puedo creer|i can not believe|how hard is it|how hard is this|how hard is that|is it that hard|" +
		"es tan dificil|simple question|easy question|basic question|pregunta sencilla|pregunta simple|pregunta facil); " +
		"why is|does this|it ..2 so hard|difficult|complicated; por que es tan dificil|complicado; " +
		"(are you serious|come on|for god sake|damn it|for nothing|que mal); hate this|your|dealing; hate it when"},
	{0.6, "again", "(otra vez|de nuevo|ya pregunte|i asked|i have asked|already asked|already said|already told); " +
		"le|les|te pregunte; no answer|response|reply; again"},
	// The service does not answer: ghosting, being left on read, waiting with nothing back.
	{0.8, "no reply", "ghost*; (left me on read|left us on read|left on read|dejaron en visto|me dejan en visto|nos dejan en visto|" +
		"dejo en visto|radio silence|crickets); (no one|nobody|noone|nadie) ?ever|even|has|will ..2 (got back|gets back|get back|" +
		"gotten back|getting back|came back|regreso|me regreso|nos regreso|me devolvio|nos devolvio|me contesto|nos contesto); " +
		"(never|not|has not|have not|did not|still have not|still not) ..2 (heard back|got back|gotten back|get back|got a reply|" +
		"got an answer|got a response|heard anything|heard a thing); " +
		"(waiting|waited|esperando|espere|esperamos|been asking|been requesting|pidiendo|preguntando) ..4 since|desde|for|por ..2 #|" +
		"{MONTH}|days|weeks|hours|minutes|ages|forever|monday|" +
		"tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|lunes|martes|miercoles|jueves|viernes|sabado|domingo|ayer|dias|" +
		"semanas|horas|minutos; # ..1 days|weeks|hours|minutes|months|dias|semanas|horas|minutos|meses|dia|semana|hora|" +
		"mes ..2 esperando|waiting|waited|esperamos|espere; (on hold|en espera) ..3 #|hours|minutes|forever|horas|minutos; " +
		"(how long|cuanto tiempo|what is taking|why is it taking|why is this taking|why does it take|por que tardan|por que tarda|" +
		"por que se tardan) ..3 (so long|forever|tanto|this long|ages); (taking so long|tardan tanto|tarda tanto|se tardan tanto|" +
		"se tarda tanto|takes so long|taking forever); # days|weeks|dias|semanas and|y ..2 nothing|nada|not|still|nobody|nadie; " +
		"is|are anyone|anybody|someone|alguien ?even|actually reading|listening|working|leyendo|escuchando; " +
		"(nobody|no one|noone|nadie) ..2 showed|show|shows|came|come|turned|vino|llego|aparecio|presento|" +
		"was|were|estaba|estuvo|habia; blew|blown ..2 off; flaked|flake|bailed"},
	// Demanding to know what is happening, or driven up the wall.
	{0.6, "exasperated question", "(what is going on|what the hell|what the heck|what is happening|que pasa con ustedes|que onda con|" +
		"que esta pasando|que pasa con mi|que paso con mi|which is it|so you are telling me|are you telling me|en que quedamos|" +
		"me estas diciendo que|me esta diciendo que|cual es entonces)"},
	// The same again, or a reply that cannot be meant as one: "otra vez lo mismo", "that's your answer?".
	{0.75, "same again", "(responde lo mismo|responden lo mismo|contesta lo mismo|contestan lo mismo|dice lo mismo|dices lo mismo|" +
		"same answer|same reply|same response|same thing every time|same canned|mismas respuestas|misma respuesta); " +
		"(menudo servicio|vaya servicio|valiente servicio|menuda atencion|vaya atencion|some service|what service|nice service|" +
		"que pereza|que hueva|que flojera con); " +
		"(otra vez lo mismo|lo mismo otra vez|de nuevo lo mismo|siempre lo mismo|same thing again|" +
		"same old|this is getting old|that is getting old|it is getting old|getting real old|getting really old|" +
		"that is your answer|is that your answer|that is all you have got|esa es tu respuesta|esa es su respuesta|" +
		"eso es todo lo que)"},
	{0.8, "driven crazy", "driving|drive|driven me|us ..1 crazy|nuts|insane|mad|bonkers; driving|drive|driven me|us up the wall; " +
		"(me vuelve loca|me vuelve loco|me tiene loca|me tiene loco|me estan volviendo loca|me estan volviendo loco)"},
	// Nothing received, for a time that counts: "ya pasó una semana", "it's been two weeks and still".
	{0.75, "nothing received", "no me|nos han|ha ..2 mandado|enviado|llamado|contestado|respondido|dado|regresado|avisado ..2 nada; " +
		"(it has been|it is been|been|ya paso|ya pasaron|han pasado|ya van|van) # ..1 days|weeks|months|dias|semanas|meses|" +
		"semana|mes ..5 still|todavia|aun|nothing|nada|nobody|nadie; still ..2 not|no ..2 have|tengo|tenemos|received|recibo|" +
		"recibido; (ya paso una semana|ya paso un mes|ya pasaron dos semanas)"},
	// Time gone by, said while waiting: adds to "hello?? anybody??", not enough alone.
	{0.5, "time waited", "(it has been|it is been|been|ya paso|ya pasaron|han pasado|llevo|llevamos) # ..1 hours|hour|minutes|" +
		"days|weeks|horas|hora|minutos|dias|semanas"},
	// Counting the time since the customer asked: "three business days since I requested a
	// showing". With the time itself, frustration; alone ("two weeks since I applied, what's
	// next?") a status question.
	{0.6, "waiting since", "hours|days|weeks|months|horas|dias|semanas|meses since|desde ..3 requested|asked|sent|called|emailed|" +
		"submitted|applied|wrote|messaged|contacted|texted|pedi|solicite|mande|envie|escribi|llame|pregunte"},
	// Being flooded: "14 texts today about the same listing".
	{0.7, "flooded", "# texts|emails|calls|messages|notifications|mensajes|correos|llamadas|notificaciones ..4 today|day|same|hoy|" +
		"dia|mismo|misma; (so many|too many|a million|a ton of|tantos|tantas|demasiados|demasiadas) texts|emails|calls|messages|" +
		"notifications|mensajes|correos|llamadas|notificaciones"},
	// What the bot cannot do, said of it: "the bot that can't tell me the price".
	{0.6, "useless bot", "{BOT} that|which|who|que ?still ..1 (can not|could not|does not|do not|will not|is not able to|no puede|" +
		"no sabe|no me puede) ..3 tell|answer|understand|help|give|find|get|do|read|decir|contestar|responder|entender|ayudar|dar"},
	// Asking again, or having to say it again: frustration whatever the words.
	{0.75, "asked again", "(keep|keeping|have to keep|tengo que|sigo) ..2 repeat*|repit*|asking|telling|explaining|saying|calling|" +
		"emailing|texting|chasing|following|preguntando|pidiendo|explicando|diciendo|llamando|escribiendo; repeat myself; " +
		"(like i said|as i said|as i told you|like i told you|as i already said|como ya dije|como te dije|como le dije|como les dije|" +
		"ya te dije|ya le dije|ya lo dije|lo repito|te repito|le repito|les repito|ya te lo dije|ya se lo dije|for the last time|" +
		"por ultima vez|one more time|una vez mas); van # veces; ya van # ..2 veces|dias|semanas|horas|meses|llamadas|mensajes|correos; por # vez; # veces ..2 pregunt*|dic*|dije|escrib*|llam*|" +
		"pido|pedi|mand*; (i have|have|already) ..2 called|emailed|texted|messaged|written|wrote|reached|left|sent|submitted|" +
		"uploaded|provided ?out ..4 # times|twice|times|messages|voicemails; (asking again|asking for the|asked for the) ..2 #|second|third|fourth|fifth|2nd|3rd|4th|5th ..1 " +
		"time; read what i|my; (did you read|did you even read)"},
	// Time spent on the conversation with nothing solved: "llevo media hora con este bot".
	{0.75, "nothing solved", "llevo|llevamos|been|spent|wasted ..3 (media hora|una hora|horas|dias|semanas|meses|todo el dia|" +
		"toda la manana|half an hour|an hour|hours|all day|all morning|forever) ..3 with|con|on|en|talking|chatting|hablando|going; " +
		"no ..2 resuelve|resuelven|resolvio|resolvieron|ayuda|ayudan|ayudo|ayudaron|soluciona|solucionan ..1 nada; " +
		"(has not|have not|did not|does not|do not) ..2 helped|solved|fixed|resolved|help|solve|fix|resolve ..2 anything|nothing|thing"},
	// Futility: asking is pointless ("idk why I even bother", "para qué pregunto").
	{0.75, "futility", "(why do i even bother|why i even bother|why even bother|why do i bother|why did i bother|why bother|" +
		"no point asking|no point in asking|pointless asking|para que pregunto|para que me molesto|para que pierdo el tiempo|" +
		"ni para que pregunto|no se ni para que|de que sirve preguntar|no sirve de nada preguntar|i give up on this|" +
		"me rindo con esto|forget it then|olvidalo entonces|nevermind then|never mind then)"},
	// Stale or wrong information the customer keeps meeting: "update your listings, half of
	// them are already sold", "la mitad ya están vendidas".
	{0.75, "stale information", "update|fix|actualicen|actualizar|actualizen|arreglen ..2 your|sus|su|the|la|los ..1 listings|" +
		"listing|website|site|page|info|information|pagina|anuncios|listados|informacion; " +
		"(half|most|all|every|each|none|la mitad|todas|todos|casi todas|ninguna) ..6 (already sold|already rented|already gone|" +
		"not available|no longer available|off the market|ya vendida|ya vendidas|ya se vendio|ya se vendieron|ya rentada|" +
		"ya rentadas|no disponible|no estan disponibles|ya no estan|ya no existen); " +
		"(outdated listings|listings are outdated|listings are out of date|out of date listings|info is outdated|info is wrong|" +
		"wrong info|informacion desactualizada|anuncios viejos|listados viejos)"},
	// A River Plate and Spain's insults and oaths (the Mexican ones are with the others).
	{0.8, "insult", "boludo|boluda|boludos|pelotudo|pelotuda|pelotudos|forro|forros|gilipollas|capullo|capullos|subnormal|" +
		"tarado|tarada|gil|giles|hostia|hostias|mierda; la puta madre; (me cago en|me tenes harto|" +
		"me tenes harta|me tienes harto|me tienes harta|me tenes podrido|me tenes podrida|estoy podrido|estoy podrida)"},
	// The service gets nothing right, or does nothing: "the agent hasn't done a thing".
	{0.75, "nothing goes right", "(has not|have not|had not) done ..1 (a thing|anything|a single thing); " +
		"(has done nothing|have done nothing|no ha hecho nada|no han hecho nada|no hizo nada|no hicieron nada); (can not|could not|never|no|nunca) ..2 get|do|hacen|hace|dan|hacer ..2 anything|nada|una|one ..2 right|bien|correctly; " +
		"(nothing ever works|nothing works|nothing is ever|nada funciona|nada sirve|no dan una|every single time|cada vez es lo mismo|" +
		// Nothing understood: "no entendés nada", "you don't get it at all".
		"no entiendes nada|no entendes nada|no entiende nada|no entienden nada|no entendiste nada|no entendio nada|no captas nada|" +
		"no cachas nada|you understand nothing|you do not understand anything|you do not get it|you are not getting it|" +
		"you never get it|" +
		"always something|siempre es algo|siempre pasa algo|you had one job|what is the point|de que sirve|what good is|para que sirve); " +
		"(this|that|it) is not ok|okay|acceptable|fair|normal; esto no es normal|aceptable|justo; " +
		"(this is|what|que) ?a|an|un|una ?absolute|complete|total|verdadero|verdadera joke|circus|disgrace|embarrassment|farce|" +
		"clown|clowns|chiste|circo|payasada|verguenza|burla"},
}

// Read in the round that opened fresh6: mock approval of a letdown ("love that for me"), an
// oath of exasperation ("for the love of god"), messages into a void ("zero replies"), the
// customer about to lose their temper, asking whether the business will ever act ("¿lo van a
// arreglar algún día?"), being left to carry the cost ("so I'm supposed to just..."), "¡es un
// abuso!", and "what is going on over there".
var frustrationCues6 = []lexEntry{
	{0.8, "sarcasm", "(love that for me|love that for us|love this for me|cool cool cool|me encanta jaja|que maravilla de servicio)"},
	{0.8, "exasperation", "(for the love of god|for the love of|for god sake|for gods sake|for heaven sake|for heavens sake|" +
		"for crying out loud|for pete sake|por el amor de dios|por dios santo|por lo que mas quieran|por lo que mas quieras); " +
		"(es un abuso|esto es un abuso|que abuso|un abuso total|this is an outrage|it is an outrage|what an outrage)"},
	{0.8, "no reply", "(black hole|into the void|into a void|al vacio|agujero negro|a la nada); " +
		"zero|cero|0 responses|replies|answers|callbacks|response|reply|respuestas|respuesta"},
	{0.8, "losing patience", "(i swear if|i swear to god|juro que si|te juro que si|les juro que si|i am going to lose it|" +
		"i am gonna lose it|i am about to lose it|voy a perder la paciencia|estoy perdiendo la paciencia|voy a explotar|" +
		"estoy a punto de explotar)"},
	{0.75, "will it ever", "(are you ever going to|are you ever gonna|will you ever|is anyone ever going to|is anybody ever going to|" +
		"will anyone ever|will anybody ever) ..2 fix|answer|respond|reply|call|get|send|return|show|do; " +
		"van|vas|piensan|va ..2 arreglar|responder|contestar|llamar|mandar|solucionar|reparar|devolver ..2 " +
		"(algun dia|alguna vez|o no|o que|en este siglo)"},
	{0.75, "left to carry it", "so|and|entonces ?i|we|yo am|are|tengo|tenemos|debo|debemos ?supposed|que to ?just|simplemente " +
		"pay|eat|wait|swallow|absorb|cover|pagar|esperar|aguantar|absorber|cubrir"},
	{0.8, "exasperated question", "(what is going on|what is happening|what the heck is going on|what the hell is going on|que esta pasando|" +
		"que pasa) ..1 (over there|with you|with your|alla|con ustedes|con su)"},
}

// Read in the round that opened fresh7: displeasure said flat ("not happy. at all."), a day
// wasted, the same request chased again ("checking in again ... And the 10th."), insults by
// comparison ("dumber than a box of rocks"), doing better without
// the business, giving up on what to think of it, and "read what I wrote".
var frustrationCues7 = []lexEntry{
	{0.8, "displeased", "(not happy at all|not happy|not pleased|no estoy contento|no estoy contenta|" +
		"nada contento|nada contenta|para nada contento|para nada contenta|no estoy conforme|nada conforme)"},
	{0.8, "time wasted", "(waste of|wasted) ?a|an|my|our|the|whole|entire ..2 saturday|sunday|day|morning|afternoon|evening|weekend|" +
		"trip|drive|time|hour|hours; (perdi|perdimos|perdida de|perder) ?el|la|toda|todo|una ..2 tiempo|dia|manana|tarde|sabado|domingo|viaje"},
	{0.8, "chased again", "(checking in again|following up again|checking again|" +
		"second follow up|third follow up|this is my second|this is my third|escribo de nuevo|escribo otra vez|vuelvo a escribir|" +
		"vuelvo a preguntar|pregunto de nuevo|pregunto otra vez)"},
	{0.8, "insult", "(dumber than|stupider than|more useless than|worse than useless|mas tonto que|mas inutil que|mas lento que); " +
		"dumb|stupid|useless|idiotic|brainless|tonto|inutil|estupido ..2 bot|chatbot|robot|machine|thing|app|maquina"},
	{0.75, "better off without", "(better luck|better off|mejor suerte) ..5 (myself|on my own|craigslist|zillow|elsewhere|someone else|" +
		"another agency|another company|another realtor|por mi cuenta|otra inmobiliaria|otra agencia)"},
	{0.8, "losing faith", "(no se que pensar de ustedes|no se que pensar de esta|do not know what to think of you|" +
		"not sure what to think of you)"},
	{0.8, "asked again", "(read what i wrote|read what i said|read my message|read my messages|lee lo que te escribi|lee lo que escribi|" +
		"lee lo que te puse|lee po|lee bien|leete)"},
}
