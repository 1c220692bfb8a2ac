package decision

import "strings"

// The trigger lexicons: what a customer says when they want a person, are angry, are in
// distress, or are in a legal situation, in English and Spanish. Each entry is a weight (how
// sure one such phrase makes us, 0 to 1; distinct phrases combine as 1-Π(1-w)), a label
// (shown with the quoted words in the decision's reasons) and patterns (see pattern; ";"
// separates them). They were written from the kinds of situation an agent meets and checked
// against the tune half of the labelled set in testdata/triggers; the other half is never read
// while tuning (see the README's "Trigger analysis").

// trigger is what a cue is evidence of.
type trigger uint8

const (
	trigHuman trigger = iota
	trigFrustration
	trigDistress
	trigLegal
	// trigComplexity: makes a transaction complex without being legal (1031, relocation).
	trigComplexity
	// trigResolved: the customer says a problem is settled; earlier frustration and worry fade.
	trigResolved
	// trigWithdrawn: the customer no longer wants a person.
	trigWithdrawn
	// trigRelieved: the customer says a worry is gone ("I feel much better"); distress fades too.
	trigRelieved
	numTriggers
)

// macros shared by the patterns. PN is who a customer asks for; PNI the indefinite ones
// ("someone"), which need more context before "I need ..." means a person of ours.
var macros = map[string]string{
	"PNF": "human~|humans|humano~|humanos|person~|persona~|personas|agent~|agents|agente~|agentes|" +
		"representative~|representatives|rep|reps|representante~|representantes|manager~|supervisor~|supervisora|" +
		"operator~|operador~|operadora|asesor~|asesora|asesores|advisor~|adviser|realtor~|broker|gerente|" +
		"encargado|encargada|ejecutivo|ejecutiva|hooman|specialist|especialista|staff|boss|jefe|jefa|owner|dueno|duena|" +
		"director|directora|coordinator|coordinador|coordinadora",
	"PNI":  "someone~|somebody~|anyone~|anybody~|alguien~|whoever",
	"PN":   "{PNF}|{PNI}",
	"DET":  "?a|an|the|one|some|un|una|el|la|algun|alguna",
	"REL":  "mom|mother|dad|father|husband|wife|son|daughter|baby|child|partner|brother|sister|grandma|grandmother|grandpa|grandfather|aunt|uncle|parent|parents|spouse|fiance|fiancee",
	"RELS": "mama|madre|papa|padre|esposo|esposa|hijo|hija|bebe|hermano|hermana|abuela|abuelo|tia|tio|pareja|marido",
	"MY":   "my|our|his|her|their|mi|mis|nuestro|nuestra|nuestros",
}

type lexEntry struct {
	w     float64
	label string
	pats  string
}

var lexicon = map[trigger][]lexEntry{
	trigHuman: {
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
	},
	trigWithdrawn: {
		{0.9, "no longer wants a person", "(never mind|nevermind|forget it|scratch that); do not need ..3 {PN}|anyone|anybody|anymore; " +
			"no need ..3 {PN}|anyone|anybody; you ?have answered|solved|sorted; olvidalo|olvidelo|olvidenlo; " +
			"(ya no hace falta|ya no es necesario|no hace falta); ya me resolviste|resolvieron|ayudaste"},
	},
	trigFrustration: {
		{0.85, "anger", "furious|fuming|livid|outraged|enraged|irate|infuriat*|pissed|seething|furios*|enojad*|enfadad*|encabronad*|indignad*; " +
			"(fed up|had enough|done being patient|sick and tired|out of patience); lost|losing|running my|of patience; " +
			"beyond irritated|frustrated|annoyed|angry; tired|sick of waiting|this|you|your|being|getting|asking|repeating|chasing|dealing; " +
			"estoy|estamos|tienen|tiene harto|harta|hartos|hartas; harto|harta de; cansad* de; me canse|harte; ya basta; basta ya; " +
			"desesperante; (es el colmo|me estan tomando el pelo|tomadura de pelo|que coraje|me da coraje|que rabia|me da rabia|" +
			"que poca madre|hasta la madre|enough is enough|i give up|never again); disgust*|appall*|insult*|offended|offensive|" +
			"madden*|outrage|inept*|incompetent*; (i am|we are) done with you|this|your"},
		{0.75, "service failure", "showed|show|arrived|came|llego|llegaron ?up ..3 late|tarde; late again; tarde otra vez; " +
			"(never|did not|have not|has not|still have not|still has not) ..2 receive|received|got|gotten|get|heard ..4 email|emails|" +
			"documents|call|paperwork|keys|update|link|confirmation|contract|reply|response|information|anything|back; " +
			"lost|misplaced|perdieron|extraviaron ..3 documents|paperwork|file|application|papers|documentos|papeles; " +
			"charged|cobraron ..3 twice|extra|double|de mas; overcharged; hidden fee|fees|charges; (cobro extra|cargo extra|cobros ocultos); " +
			"(was not|were not|was never|were never) told|informed|notified|warned; (sin avisarnos|no me avisaron|no nos avisaron|" +
			"nadie nos dijo|nadie me dijo|nadie me aviso); wrong|incorrect ..2 address|time|date|house|unit|price|information|info|code|" +
			"key|keys|listing|photos|directions; made|kept|left me|us waiting; double booked; cancel* on me|us; " +
			"another cancellation|delay|excuse|mistake|reschedule; why did|has|have|was|were|is|does|do|are ..2 not ..3 tell|told|call*|" +
			"answer*|inform*|respond*|repl*|let|show*|return*|fix*|send|sent; still ..2 not heard|received|gotten|answered|called|fixed; " +
			"todavia|aun no ..3 llamado|contestado|respondido|mandado|enviado|recibido|arreglado; " +
			"want|need|demand|quiero|exijo ..2 refund|reembolso; (been|have been) ..2 patient; (more than patient|shame on you|" +
			"you should be ashamed|what a mess|que relajo|que cochinero|expected better|expected more|esperaba mas|" +
			"esperaba algo mejor|do your job|hagan su trabajo|hasta el gorro|hasta la coronilla|me hartaron|not fair|no es justo); " +
			"unhappy|dissatisfied|insatisfech*|inconforme|descontent*|unimpressed|not happy|not satisfied|not impressed ..3 service|you|" +
			"your|how|way|process|communication|response|responses|agent|agents|company|brokerage|experience|treatment|atencion|" +
			"servicio|ustedes|trato|team; unfair|injust*; " +
			"(give me a break|so over it|so over this|i am over it|i am over this|i have had it|had it with|que barbaridad|una barbaridad|ya estuvo bueno|" +
			"estoy que exploto|echando chispas|no puede seguir asi|total disaster|what a disaster); this|that|it is a disaster; " +
			"(is|are) anyone|anybody|someone even; exijo|exigimos; (my money back|mi dinero de vuelta|que me devuelvan|take my business elsewhere); " +
			"cancel|terminate|cancelar|terminar ..2 my|our|the|mi|el|nuestro ..2 contract|agreement|listing|contrato|servicio"},
		{0.75, "complaint", "frustrat*|annoy*|irritat*|aggravat*|exasperat*|angry|angrier|upset|disappoint*|displeased|molesto|molesta|" +
			"molestos|molestas|decepcion*|frustrad*; mad at; complain*|complaint*|queja*|quejar*"},
		{0.8, "poor service", "worst|terrible|horrible|awful|pathetic|lousy|appalling|atrocious|dreadful|shoddy ?customer " +
			"service|experience|communication|support|agent|agents|company|brokerage|app|website|bot|process|response|job; worst; " +
			"poor|bad ?customer service|communication|support; pesim*|malisim*; mal servicio|trato; mala atencion|experiencia; " +
			"servicio terrible|horrible|pesimo; falta de seriedad|respeto|profesionalismo|consideracion; poca seriedad; " +
			"(nada profesional|muy poco profesional|no sirve|no sirven|no sirves|not acceptable|no es aceptable|siempre es lo mismo|" +
			"un desastre|que desastre|no saben nada|no saben lo que hacen|dropped the ball|let us down|let me down|failed us|failed me|" +
			"stood me up|stood us up|me dejaron plantado|me dejaron plantada|me dejaron esperando); " +
			"screwed|messed|mixed up; botched|sloppy|careless|lazy|desastroso; this|that|it is terrible|awful|horrible|unbelievable|" +
			"nuts|crazy|nonsense|insane; this|that|it is a mess; bad|negative|terrible|horrible review|reviews; (one star|1 star|better business bureau|" +
			"report you|reporting you|queja formal|denunciar|profeco); going|go|switching|switch|find|finding|hire|hiring ..2 another|" +
			"different|other|new agent|agency|brokerage|realtor|company; " +
			"(you are|you people are|you guys are|you all are) hopeless|useless|incompetent|clueless|a joke; you people"},
		{0.8, "exasperation", "unacceptable|inaceptable|ridicul*|absurd*|ludicrous|insane|outrageous|pathetic|useless|worthless|pointless|inutil*|" +
			"garbage|trash|rubbish|crap|sucks|junk|basura|porqueria|incompetent*|unprofessional|rude|disrespectful|clueless|" +
			"groser*|irrespetuos*|stupid|dumb|idiot*|estupid*|idiota|clowns|amateurs|morons|imbeciles|crooks|thieves|bozos|payasos|" +
			"ladrones|rateros|mentirosos|inutiles|tarados|pendejos|dumbest|lazy; waste of ?my|our time|money; wasted ?my|our ..2 time|day|" +
			"saturday|sunday|morning|afternoon|weekend|trip|money; (thanks for nothing|gracias por nada|what a joke|is a joke|" +
			"kidding me|una burla|es una broma|que verguenza|una verguenza|perdiendo el tiempo|perdida de tiempo); are you kidding|joking"},
		{0.8, "feels cheated", "scam|scammed|scammers|scamming|ripoff|estafa|estafad*|enganad*|misleading|misled|deceptive|" +
			"lied|lying|liars|mintieron|mentira*; (rip off|ripped off|false advertising)"},
		{0.75, "nobody answers", "(nobody|noone|no one) ?ever|even|has|is|will ..2 answer*|respond*|repl*|call*|get*|got|told|tell*|" +
			"help*|follow*|contact*; nadie ?me|nos|nunca ..2 contesta*|respond*|atiend*|llam*|avis*|dijo|menciono|explic*|ayud*; " +
			"nadie ..2 hace caso; still waiting|nothing; still no answer|response|reply|word|update|news; " +
			"(sigo esperando|seguimos esperando|todavia espero|sin respuesta); never heard|got|called back; llev* ..3 esperando; " +
			"not|never show|shown|showed|turned up; no show; me|nos prometieron ..4 nada; y nada; sin avisar; " +
			"(been waiting|have waited|waited|been on hold|on hold) ..3 hours|days|weeks|forever|ages|horas|dias|semanas; " +
			"(not helping|not helpful|no help at all|does not help|did not help|of no help); (not anyone|not anybody|not one) ..2 call*|" +
			"answer*|respond*|repl*|contact*|got|get*; impossible|hard|difficult to reach|contact|get; nadie ..2 regres*|devuel*|devolvio; " +
			"nothing changes|happens; nothing gets done; (nobody|no one|nadie) ..2 know*|care*|cares|seem*|sabe|importa|pick*|picked; " +
			"(trying to reach|tried to reach|trying to get a hold|trying to get hold|trying to get through|tratando de comunicarme|" +
			"intentando comunicarme); " +
			"(going nowhere|getting nowhere|taking forever|takes forever|so long|this long|too long|nadie vino|nadie llego|" +
			"no llego|no se presento|ni siquiera); (you promised|i was promised|we were promised|me prometieron|nos prometieron)"},
		{0.8, "asked again", "how many times; cuantas veces; third|fourth|fifth|3rd|4th|5th|umpteenth|tenth time|reschedul*|cancel*|attempt|" +
			"email|call|message|request; tercera|cuarta|quinta vez; i ?have|already asked ?you ..2 this|that|already|yesterday|before|" +
			"earlier|twice|last; just answer ?the|my question; cancel*|resched*|postpon* again; cancelaron|cambiaron otra vez; " +
			"(otra vez|de nuevo) cancelaron|cambiaron|cancelan; " +
			"i ?have|already asked|told|said ..3 times|twice|before; not what i asked|said|meant; (did not|have not|has not) answer*; " +
			"never answered; not answering; no contestaste|respondiste|contesto|respondio; no es lo que pregunte; ya les|le|te dije"},
		{0.8, "not listened to", "are|do you even|ever ?actually read*|listen*|answer*|understand*|care|know; you keep ?on misunderstand*|" +
			"sending|ignoring|asking|getting|giving|repeating|changing|rescheduling|cancel*|pasting|missing; no me ?estan escuch*; " +
			"no me escuchan|responden|contestan; no me hacen caso; no me toman en cuenta; ignor*; going in circles; runaround; " +
			"paste links; copy paste; stop sending|calling|texting|emailing|asking|spamming|it; just stop; deja|dejen de; " +
			"enough with|already; that is enough"},
		{0.75, "exasperation", "wtf|wth|ffs|omfg|bullshit|ugh|argh|smh|uff|chale"},
		{0.7, "sarcasm", "oh great|wonderful|perfect|fantastic|lovely|joy|brilliant; just great|perfect|wonderful; real helpful; " +
			"gee thanks; very|so helpful not; que bien eh; muy bonito eh; (love that for me|great job guys|nice job guys)"},
		{0.65, "awful", "horrible|terrible|awful|atrocious|appalling|dreadful|pesimo|pesima"},
		{0.75, "regret", "regret|arrepentid*; what is wrong with you|your; (que les pasa|que te pasa|que onda con ustedes); " +
			"same ?automated|canned|generic reply|answer|response|message|thing ..3 every|again|over; sent|gave|told|mandaron|enviaron ..3 wrong|" +
			"equivocada|equivocado|equivocadas|incorrecta"},
		{0.6, "repetition", "(multiple times|several times|so many times|over and over|tres veces|varias veces|mil veces|twice|" +
			"three times|every time|cada vez|automated reply|automated response|es en serio|en serio)"},
		{0.6, "exasperation", "seriously|jeez|geez|odio|detesto|generic|canned|unbelievable|increible; no puede ser; no es posible; " +
			"(no lo puedo creer|no puedo creer|i can not believe|cant believe|how hard is it|is it that hard|what is going on|" +
			"what the hell|what the heck|que pasa con ustedes|que onda con); " +
			"why is|does this|it ..2 so hard|difficult|complicated; por que es tan dificil|complicado; " +
			"(are you serious|come on|for god sake|damn it|for nothing|que mal); hate this|your|dealing; hate it when"},
		{0.6, "again", "(otra vez|de nuevo|ya pregunte|i asked|i have asked|already asked|already said|already told); " +
			"le|les|te pregunte; no answer|response|reply; again"},
	},
	trigDistress: {
		{0.85, "job loss", "lost|lose|losing ?my|our|his|her job|jobs|income|work; (laid off|out of work|pay cut|got fired|been fired); " +
			"layoff|layoffs|furlough*|unemploy*|jobless; hours ..2 cut; perdi|perdimos|perdio ?mi|su|el|nuestro trabajo|empleo|chamba; " +
			"sin trabajo|empleo; desemplead*; me despidieron|corrieron; me quede sin trabajo; (went out of business|business failed|" +
			"business closed|company closed|lost the business|lost our business|cerro la empresa|cerraron la empresa|" +
			"quebro el negocio|perdimos el negocio|forced to retire)"},
		{0.85, "can't pay", "(can not|could not|unable to|no longer) ?afford|pay|make|cover|keep ..3 mortgage|mortgages|payment|payments|" +
			"bills|note|rent|hipoteca; (can not|no longer) afford ..3 anymore|alone|myself|ourselves|income; " +
			"behind|late on|with ..2 mortgage|payment|payments|rent|bills; missed|missing ..2 payment|payments|mortgage; " +
			"savings ..2 gone|wiped|depleted|drained|spent; wiped out ..2 savings; medical|hospital bills; " +
			"bills|debt|debts ..2 piling|pile|mounting|crushing; falling|fell|fall behind; head above water; paycheck to paycheck; " +
			"(barely getting by|barely making it|barely keeping up|can barely afford); bank|lender|collectors keep|keeps calling; " +
			"(not sure|do not know if|do not know how|no se si|no se como) ..4 pay|make|afford|pagar ..3 mortgage|payment|payments|hipoteca|" +
			"pagos|bills|rent|renta; no puedo|podemos|pude ?pagar ..3 hipoteca|pagos|pago|mensualidad*|renta|" +
			"deudas|cuentas; no puedo|podemos pagarla|pagarlo|mantenerla; ya no puedo pagar; atrasad* ..3 pago|pagos|hipoteca|mensualidad*; " +
			"sin ahorros; cuentas del hospital; cuentas|gastos medicos; # ..2 payments|months|pagos|meses behind|atrasados|atrasadas; " +
			"(we are broke|i am broke|out of money|no money left|sin dinero|no tenemos dinero|no tengo dinero|estamos quebrados|" +
			"financial hardship|hardship|financial trouble|financial problems|money problems|problemas economicos|problemas financieros|" +
			"crisis economica|debt collectors|cobradores|collection agency|in collections|cobranza|eviction notice|aviso de desalojo); " +
			"lost|lose|perdimos ?all ?our|my savings|ahorros; perdimos|perdi todo; (can not make ends meet|could not make ends meet|barely make ends meet|" +
			"struggling to make ends meet|no llegamos a fin de mes|no llego a fin de mes|loan modification|forbearance|" +
			"hardship letter|balloon payment|quedarnos en la calle|quedar en la calle|terminar en la calle); " +
			"no tenemos|no tengo para ..2 renta|hipoteca|pagar|comer; hours|horas|sueldo|salario ..2 cut|reduced|redujeron|recortaron; " +
			"redujeron|recortaron ..2 horas|sueldo|salario; struggling|struggle|batallando ..3 pay|payments|mortgage|bills|afford|pagar; " +
			"garnish*; (shut off|cut off|disconnected) ..3 power|electricity|water|utilities; " +
			"behind on|with ..2 payments|pagos"},
		{0.85, "fear of losing the home", "lose|losing ?our|my|the home|house|place|everything; nowhere ?else to go; no place to go; " +
			"where ?will we|i ?will go; homeless; perder ?mi|la|nuestra|su casa|hogar|todo; a donde ir|vamos; donde vamos a vivir; " +
			"quitar|quitarnos|quitarme ..2 casa; bank ..4 take|taking|repossess* ..2 house|home; (kicked out|thrown out|" +
			"sacarnos de la casa|nos van a sacar|echarnos|living in our car|living in my car|in a shelter|couch surfing)"},
		{0.8, "disaster", "(burned down|burnt down|house fire|lost everything|nothing left|se quemo|se incendio|lo perdimos todo); " +
			"hurricane|tornado|earthquake|wildfire|flood|huracan|inundacion ..3 destroyed|damaged|took|wiped|destruyo"},
		{0.65, "bereavement", "died|widow|widowed|widower|death|muerte|buried|entierro|sepelio; passed away; {REL}|she|he passed; " +
			"lost my|our|a {REL}; {REL}|he|she is gone; (no longer with us|ya no esta con nosotros); " +
			"murio|murieron|fallecio|fallecieron|falleci|fallecimiento|viuda|viudo; perdi|perdimos a ?mi|nuestro|nuestra {RELS}; " +
			"perdimos ..2 bebe"},
		{0.85, "recent loss", "funeral|grieving|grief|bereave*|mourning|velorio|luto|duelo; just|recently|suddenly died|passed; " +
			"died|passed|murio|fallecio ..3 last|this week|month|year|weekend; died|passed|away|murio|fallecio ..2 suddenly|recently|yesterday|" +
			"unexpectedly|ayer|repentinamente; died|passed|away|murio|fallecio|falleci ..4 days|weeks|months ago; " +
			"died|passed|away|murio|fallecio ..3 hace #|dos|tres|unos|unas|pocos|pocas dias|semanas|meses; " +
			"(hace poco|el mes pasado|la semana pasada|el ano pasado|este ano|de repente|acaba de morir|acaba de fallecer)"},
		{0.85, "serious illness", "leukemia|lymphoma|parkinson*|sclerosis|transplant|radiation|seizure|seizures|coma|amputat*|" +
			"leucemia|linfoma|trasplante|convulsiones|esclerosis|cirrosis|cancer|chemo*|tumor|terminal*|dementia|alzheimer*|stroke|icu|hospice|dialysis|quimio*|demencia|" +
			"infarto|dialisis|hospitalized|hospitalizad*|diagnosticar|diagnosticaron; heart attack; memory care; in|en ?the|el hospital; " +
			"diagnosed with; very|really|seriously|gravely|so sick|ill; muy|gravemente enferm*; is|esta dying|muriendo; " +
			"(months to live|meses de vida|car accident|accidente|injured|injury|paralyzed|paralizad*|mental illness|assisted living|" +
			"nursing home|care home|residencia de ancianos|asilo|life support|stage 4|stage four|kidney failure|heart failure|" +
			"liver failure|going blind|insuficiencia renal); broke her|his hip"},
		{0.75, "medical costs", "(medical debt|medical expenses|out of pocket|no insurance|uninsured|sin seguro|gastos del hospital); " +
			"insurance|seguro ..4 (denied|will not cover|does not cover|no cubre|nego|rechazo)"},
		{0.5, "illness", "sick|illness|surgery|treatment|diagnos*|enferm*|cirugia|tratamiento|hospital|medical|medicos"},
		{0.85, "panic", "terrified|petrified|panic*|gutted|shattered|breakdown|sleepless|insomnia|ptsd|traumatiz*|desolate|distressed|" +
			"desperate|desperately|desesperad*|devastat*|heartbroken|heartbreak*|distraught|despair|" +
			"hopeless|helpless|miserable|overwhelmed|abrumad*|agobiad*|angustiad*|aterrad*|aterroriz*|destrozad*|deprimid*|depressed|" +
			"depression|suicid*|unbearable|insoportable|crying|cried|tears|llorando|llore|lloro|lagrimas; " +
			"breaking|breaks|broke my heart; me rompe|parte el corazon|alma; (beside myself|falling to pieces|rock bottom|worried sick|" +
			"sick with worry|scared to death|freaking out|freaked out|losing hope|lost hope|no hope|out of options|nowhere to turn|" +
			"last resort|in shock|anxiety attack|anxiety attacks|nervous breakdown|no tengo a quien recurrir|no tengo a nadie|" +
			"muerta de miedo|muerto de miedo|sin esperanza|no veo salida|al borde|have not slept|not sleeping|barely sleeping|" +
			"no he dormido|cry every|cry all|i cry|cries every|i am a mess|i am a wreck|been a nightmare|has been hell|living hell|" +
			"es una pesadilla|fell apart|fallen apart|se me cae el mundo|se me vino el mundo|no he podido dormir|" +
			"not been able to sleep|alma en un hilo|estoy deshecha|estoy deshecho|me duele mucho); llor*|angustia|ahogad*; " +
			"being|getting|about to be evicted; nos van a desalojar|desalojan; " +
			"(estoy|me siento|estamos) ?muy mal|fatal|terrible|destrozada|destrozado"},
		{0.85, "can't cope", "(can not|could not|unable to) ?even|stop sleep|sleeping|eat|eating|breathe|think|cope|bear|function|focus; " +
			"can not stop crying|shaking; can not handle|take|do this|it ?any more|anymore; can barely|hardly think|sleep|breathe|" +
			"function|cope; (falling apart|breaking down|losing my mind|going crazy|all too much|too much for me|drowning|" +
			"end of my rope|wits end|no duermo|ya no puedo mas|no aguanto|no soporto|no puedo con esto|es demasiado|no puedo ni); " +
			"no puedo dormir|mas|pensar; volviendo loca|loco; losing|lost sleep; (can not deal|sin dormir|no he dormido); " +
			"(can not|could not) handle|manage|cope|do ..5 alone|anymore|myself|own; (no podemos seguir|no puedo seguir|" +
			"not doing great|not doing well|not doing ok|not okay|not in a good place|not coping)"},
		{0.85, "unsafe at home", "abuse|abusive|abused|abuso|maltrato; domestic violence; violencia domestica; not safe|unsafe at home; " +
			"get away from him|her; huir de"},
		{0.8, "wrecked", "wrecked|ruined|destroyed me|us; divorce|separation|divorcio|separacion|breakup ..3 brutal|devastating|" +
			"awful|horrible|hard|painful|killing|destroying|tough|rough|dificil|duro|doloroso|terrible|ugly|nasty|messy; marriage|matrimonio ..3 falling|fell|ending|ended|over|termino|acabo; " +
			"painful|messy|ugly|nasty|bitter|hard|difficult|devastating ..2 divorce|separation|" +
			"breakup|split; my|mi wife|husband|partner|boyfriend|girlfriend|esposo|esposa|novio|novia|pareja ?me left|dejo|abandono; " +
			"me destrozo|arruino"},
		{0.75, "fear", "scared|frightened|fearful|asustad*|miedo|temo"},
		{0.8, "worried about losing", "worried|worry|worrying|preocupad*|preocupa|scared|afraid|miedo|fear|temo|stress*|estres*|" +
			"anxious|ansiedad ..5 lose|losing|afford|pay|keep|perder|pagar|mantener|foreclos*|evict*|mortgage|payments|bills|debt|" +
			"money|rent|hipoteca|pagos|deudas|dinero|renta"},
		{0.7, "stressed", "(i am|i feel|i have been|we are|estoy|me siento|estamos|ando) ..2 stressed|estresad*|anxious|ansios*|" +
			"overwhelm*|agobiad*; under ..2 stress|pressure; (so much stress|a lot of stress|tanto estres|mucho estres|" +
			"mucha presion|at my limit|breaking point|al limite|no doy mas|at a loss|holding it together|barely holding)"},
		{0.5, "fear", "afraid"},
		{0.75, "lost", "feel|feeling|felt ..2 lost|alone|empty|broken|hopeless; me siento ..2 perdida|perdido|sola|solo|vacia|vacio"},
		{0.75, "hard situation", "situacion|situation ..2 dificil|complicada|critica|delicada|grave|desperate|dire; " +
			"(la estamos pasando mal|lo estamos pasando mal|estamos pasando por mucho|going through a lot|so much going on)"},
		{0.6, "struggling", "struggling|struggle|sufriendo|suffering|batallando|heartache|shaken|numb|exhausted|agotad*|deuda|deudas|" +
			"disability|disabled|" +
			"nightmare|pesadilla|endeudad*; (so emotional|very emotional|too painful|so painful|it hurts|dark place|dark time|" +
			"momento oscuro); emotionally; wheelchair; silla de ruedas"},
		{0.6, "sadness", "triste|tristeza|sad|lonely|ashamed|humiliated|avergonzad*"},
		{0.45, "can't afford", "(can not|could not|no longer|no podemos|no puedo) afford|pagarla|pagarlo|costear"},
		{0.6, "hard for me", "hard|difficult for me; this is hard; muy dificil; es dificil para mi; es muy duro"},
		{0.6, "at a loss", "do not ?even know what|where|how; no se que|como|donde; at a loss"},
		{0.6, "asks for help", "need help; please help; necesito ayuda; ayuda por favor; ayudenme; ayudeme"},
		{0.8, "hard time", "(going through|pasando por|passing through) ..3 hard|rough|tough|difficult|terrible|dificil|duro|dura|" +
			"terrible|mal|complicado; (sin ingresos|no alcanza|no nos alcanza|no me alcanza|no income|lost our income); " +
			"miscarriage|stillbirth|depresion; (aborto espontaneo|perdi al bebe|perdi el bebe|perdimos al bebe); " +
			"no puedo con ?esto|todo|tanto|la casa"},
		{0.45, "stress", "stressed|stress|stressful|estres*|anxious|anxiety|ansiedad|ansios*|worried|worry|worrying|preocupad*|nervous|" +
			"nervios*"},
	},
	trigLegal: {
		{0.8, "lien", "lien|liens|gravamen|gravamenes|embargo"},
		{0.45, "easement", "easement|easements|servidumbre; right of way"},
		{0.8, "title defect", "easement ..3 problem|issue|dispute|defect|blocking|claim|fight; clouded|defective title; cloud on ?the title; " +
			"title defect*|issue|issues|problem|problems|dispute|claim; (chain of title|break in the chain|quiet title|quitclaim|" +
			"quit claim|still showing on the title|sigue en la escritura); never|not ?been ?properly released|recorded|transferred|" +
			"cancelled|canceled|discharged; still in ?her|his|their|my|its ..2 name; name ..3 still on the title|deed; " +
			"defecto ..4 titulo; titulo ..4 defecto; problema ..3 titulo|escritura|escrituras; nunca se cancelo|registro|transfirio|pago; " +
			"permit|permits|permiso ..4 never|not|nunca finalized|closed|approved|cerrado|aprobado; code enforcement"},
		{0.75, "boundary dispute", "boundary|boundaries|encroach*|lindero|linderos|invade|invadiendo|prescriptive; property|lot line; " +
			"adverse possession; claim|claims|claiming ..3 (easement|ownership|our land|our lot|part of); " +
			"built|construyo|construyeron|put|puso|installed ..3 (en nuestro|on our|onto our|en mi|on my|dentro de) terreno|lote|land|lot|" +
			"property|propiedad|yard; crosses ?our|my|the lot|property|land; " +
			"onto|into ?our|my|the lot|property|land|yard; dentro de ?nuestro|mi lote|terreno|propiedad; survey ..2 shows|showed|found"},
		{0.8, "lawyer consulted", "talking|talk|consulting|consulted|calling|called|contacted|seeing|hired|hiring|retained|" +
			"consultando|hablando ..3 lawyer|lawyers|attorney|attorneys|abogado|abogada|abogados"},
		{0.8, "litigation", "sue|sued|suing|lawsuit|lawsuits|litigation|litigat*|court|courts|judge|judgment|judgement|subpoena|deposition|" +
			"arbitration|injunction|contesting|contested|impugn*|litigio|pleito|juicio|juez|jueza|tribunal|demandar|demandaron|demando|" +
			"demandado|demandados|demandarnos|demandarme; (demand letter|legal action|legal dispute|small claims|lis pendens|" +
			"restraining order|demanda pendiente|lawyers involved); una|la demanda; hired|get|got ?a lawyer|attorney; contratar ..2 abogado"},
		{0.8, "estate", "probate|executor|executrix|estate|estates|heir|heirs|inherit*|beneficiar*|intestate|sucesion|sucesorio|" +
			"testamento|albacea|herencia|heredero*|heredamos|heredaron|heredo|intestado; without a will; no will; " +
			"(did not leave a will|never made a will|no hay testamento|no dejo testamento|sin testamento|no hizo testamento)"},
		{0.8, "court order", "divorce decree|settlement; settlement hearing; divorce ?is pending; pending divorce; court ordered|order|orders; " +
			"ordered ..3 sold|sale|sell; standing order; community|marital property; custody; separation agreement; " +
			"decreto|acuerdo|sentencia de divorcio; orden del juez; orden judicial; ordeno vender; bienes gananciales|mancomunados"},
		{0.35, "divorce", "divorce|divorced|divorcing|divorcio|divorciando|divorciamos|divorciad*|separation|separated|separacion|" +
			"exesposo|exesposa|exmarido; my|mi ex; ex husband|wife; proceso de divorcio"},
		{0.8, "foreclosure", "foreclos*|repossess*|remate|reposesion; notice of default|sale; default notice; trustee|sheriff sale; " +
			"ejecucion hipotecaria; embargo ..2 casa"},
		{0.8, "bankruptcy", "bankrupt*|bancarrota|quiebra|insolvencia; chapter 7|11|13; trustee approval"},
		{0.75, "violation and fines", "violation*|violated|violating|violacion*|infraccion*|fined|fining|fines|penalty|penalties|unpermitted|" +
			"multa|multas|multo|multaron|multad*|clausurad*|condemned; without ?a permit|permits; no permit; open permits; " +
			"certificate of occupancy; sin permiso|permisos|licencia; # fine; a fine of"},
		{0.75, "nondisclosure", "nondisclos*|concealed|ocult*; (never disclosed|did not disclose|failed to disclose|hid the|" +
			"no nos dijeron|no nos informaron)"},
		{0.75, "contract dispute", "breach*|defaulted|incumpl*|fraud|fraudulent|fraude|dispute|disputes|disputing|disputed|disputa|disputas; " +
			"default on; in default; refus* to close; keep ?our|my|the earnest money; earnest money dispute; specific performance; " +
			"se echo para atras; is it|that legal; es legal; fighting|pelean|peleando over|por ?the|la house|casa"},
		{0.45, "refuses to sign", "(will not|refuses to|refused to|refusing to) sign|agree|cooperate|respond|refinance|communicate; " +
			"no quiere firmar; se niega a"},
		{0.5, "trustee", "trustee|trustees|fideicomiso; title insurance claim; claim on|against the property|title|house"},
		{0.45, "lawyer", "lawyer|lawyers|attorney|attorneys|counsel|abogado|abogada|abogados"},
		{0.8, "lawyer involved", "lawyer|attorney|abogado|abogada|notario|notaria ..3 wants|want|says|said|told|advised|review*|revisar|dice|dijo|quiere|sent|" +
			"filed|called|thinks; lawyer|attorney|abogado|abogada ..3 recomienda que"},
		{0.8, "eviction", "evict*|desalojo|desaloj*|desahuci*|squatter*|okupa*|paracaidista*; refuses|refuse|refusing to leave|move; " +
			"will not leave; no se quiere|quieren ir|salir"},
		{0.7, "guardianship", "guardianship|conservator*|tutela|adeudo|adeudos; (power of attorney|poder notarial|back taxes|" +
			"delinquent taxes|unpaid taxes|tax debt|predial atrasado|impuestos atrasados); tax lien|sale"},
		{0.3, "tenants", "tenant|tenants|renter|renters|inquilino*|lease|leased|arrendamiento"},
		{0.3, "short sale", "short sale; underwater"},
		{0.2, "hoa", "hoa"},
	},
	trigComplexity: {
		{0.25, "1031 exchange", "1031"},
		{0.25, "co-owners", "co owner|owners; joint owners; co owned"},
		{0.25, "trust", "living|family trust"},
		{0.25, "relocation", "relocation|relocating"},
		{0.25, "contingency", "contingent|contingency; sell first; bridge loan"},
		{0.25, "repairs", "foundation|mold|asbestos|structural"},
	},
	trigResolved: {
		{0.8, "settled", "all good|set|sorted; sorted now; that works|worked|helps|helped|answers; works now; fixed|solved|resolved|sorted it; " +
			"(fixed now|problem solved|helped a lot|very helpful|resuelto|todo bien|listo gracias|perfecto gracias|ya me aclaraste); " +
			"ya quedo|esta|funciona|cargaron|cargo|resolvio; ya se resolvio; (me lo|lo) aclaraste|aclaro|aclararon"},
		{0.4, "thanks", "thanks|thank|gracias"},
	},
	trigRelieved: {
		{0.85, "relieved", "relieved|relief|aliviad*|alivio; (feel a lot better|no longer worried|not worried anymore|me siento mejor|" +
			"me quedo tranquila|me quedo tranquilo|that is a relief|what a relief|que alivio|peace of mind); feel ?much|so|way better; " +
			"mas|muy tranquil*"},
	},
}

// neutralizers take cues back where the words mean something else. Each cancels the cues of
// one trigger that it overlaps (scopeOverlap), that share its clause (scopeClause), or
// anywhere in the message (scopeMessage).
type scope uint8

const (
	scopeOverlap scope = iota
	scopeClause
	scopeMessage
)

var neutralizers = []struct {
	trig  trigger
	scope scope
	pats  string
}{
	// "my agent said", "better than a real agent", "meeting in person", "human resources".
	{trigHuman, scopeOverlap, "{MY} ?own|real|listing|buying|selling|loan|former|old|previous|new ?estate {PN}; " +
		"better|worse|faster|smarter|mejor|peor ?than|que .. {PN}; in|en person|persona; human resources|rights|error|nature; " +
		"hire|hiring|choose|interview|using|contratar {DET} ..2 {PN}"},
	{trigHuman, scopeClause, "do|does|should i|we need|get|hire; (do i have to|do you recommend); was|were|been talking|speaking; talked|spoke to; " +
		"will|already|just called|call|contacted|contact ..2 me|us; i|we will call|phone|contact|text|email"},
	// "ridiculous how fast houses sell", "crazy good deal", "the garbage disposal".
	{trigFrustration, scopeOverlap, "ridicul*|absurd*|insane|crazy ?how|so good|great|fast|cheap|nice|low|quick|easy|beautiful|gorgeous|" +
		"amazing|affordable|deal|price|prices|many; insanely|ridiculously|crazy|stupid|absurdly good|great|fast|cheap|nice|low|quick|easy|" +
		"beautiful|gorgeous|amazing|affordable; garbage|trash disposal|pickup|can|cans|bin|bins|day|collection|service; " +
		"stupid|dumb question; fraud alert"},
	// "stressful market", "I'd hate to miss it", "dying to see it", a death or a divorce years ago.
	// Each cancels only the cue it qualifies: "we bought it 20 years ago and now I can't afford
	// it" keeps its distress.
	{trigDistress, scopeOverlap, "stress*|nervous|worried ..2 market; market ..3 stress*; (would hate|hate to) ..3 lose|miss|see; " +
		"dying to; muero por; lose|losing|miss|perder ..4 (another offer|another buyer|another bidder|someone else|to another|" +
		"to someone|otro comprador|otra oferta); scared|afraid|nervous|worried|miedo ..7 (missing out|miss out|lose out|fomo|" +
		"someone else|another buyer|another offer|outbid|otro comprador); hard|difficult|dificil ..3 (to decide|to choose|to pick|" +
		"decidir|escoger|elegir); do not know|no se ..2 which|what|cual|que ..2 (to choose|to pick|to decide|escoger|elegir|decidir); " +
		"sad|triste ..2 (to leave|to sell|to move|to go|de dejar|de vender|de irnos|de mudarnos); " +
		"(hate to miss|scared to miss|afraid to miss|would hate to miss); sick of|and; homesick; " +
		"(you are|you people are|you guys are|they are|this is|it is) hopeless|helpless; " +
		"died|passed|away|lost|divorce|divorced|divorcing|divorcio|divorciamos|divorciados|murio|fallecio|separated ..5 (years ago|" +
		"decades ago|long ago|many years|hace anos|hace mucho|hace tiempo|hace muchos anos|in #|en #); " +
		"divorce|divorcio ..4 final|finalized|over|done|finalizado; deal|sale|contract|closing ..2 falling apart"},
	// "real estate", "estate sale", a lien released, a routine easement, a tennis court, market demand.
	{trigLegal, scopeOverlap, "real estate|estates; estate sale|sales|agent|agents|home|lot|property|style|planning|attorney|lawyer; luxury estate; " +
		"tennis|basketball|food|pickleball|volleyball|sport|sports|half court|courts; court in|on ?the backyard|yard|garden; mucha|alta|poca|gran demanda; inherited money|savings|cash|funds; " +
		"standard|routine|normal|typical|recorded ?utility easement; any|buying|buy foreclos*; list of foreclos*"},
	{trigLegal, scopeOverlap, "lawyer|attorney|abogado|abogada ..4 recommend*|referred|recomendo|recomendaron|refirio|friend|amigo|amiga; " +
		"listing|ad|post|page|website title; interested|looking|shopping ..2 foreclos*; judge for yourself; judging by; " +
		"your|my|good|best|own judgment|judgement; " +
		"inheritance|inherited|herencia ..5 (down payment|downpayment|enganche|deposit|buy|comprar|savings|money|cash|funds)"},
	{trigLegal, scopeClause, "(looks good|all good|good to go|looks fine|no issues|no problems|everything is fine|todo bien|" +
		"todo en orden|sin problema|sin problemas); recommend ..3 lawyer|attorney|abogado"},
	{trigLegal, scopeMessage, "(released|paid off|satisfied|discharged|lifted|liberado|liberada|levantado|cancelado|pagado); " +
		"was|were|is|been dismissed|settled|resolved|final|finalized; already|fully|all settled|resolved|finalized|cleared|paid"},
}

// terseFillers may surround a person noun in a one-line request ("human pls", "Manager,
// please.", "operador", "REPRESENTATIVE!!!").
var terseFillers = toSet("customer|cliente|atencion|al|please|por|favor|now|ahora|ya|lol|ugh|thanks|hey|hi|hello|hola|oye|a|an|the|un|una|el|la|just|me|i|" +
	"want|need|quiero|necesito|ok|okay|asap|pronto|urgente|urgent|seriously|can|get|give|transfer|connect|talk|speak|to|with|" +
	"con|a|hablar|real|live|actual|human|being|de|verdad|you|x|una|pasame|paseme|again|otra|vez|only|solo")

// acronyms in capitals are names, not shouting.
var acronyms = toSet("hoa|fha|va|usda|icu|irs|heloc|mls|hvac|llc|usa|tx|ny|fl|ca|ok|tv|ac|pdf|id|ssn|atm|asap|dm|pm|am|ut|adu|" +
	"arm|apr|pmi|cma|reo|fsbo|ibr|btw|fyi|ceo|cpa|diy|gps|sqft|wifi|ira|llp|dba|mf|cdmx|eeuu")

func toSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Split(s, "|") {
		out[w] = true
	}
	return out
}
