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
	numTriggers
)

// macros shared by the patterns. PN is who a customer asks for; PNI the indefinite ones
// ("someone"), which need more context before "I need ..." means a person of ours.
var macros = map[string]string{
	"PNF": "human~|humans|humano~|humanos|person~|persona~|personas|agent~|agents|agente~|agentes|" +
		"representative~|representatives|rep|reps|representante~|representantes|manager~|supervisor~|supervisora|" +
		"operator~|operador~|operadora|asesor~|asesora|asesores|advisor~|adviser|realtor~|broker|gerente|" +
		"encargado|encargada|ejecutivo|ejecutiva|hooman|specialist|especialista|staff",
	"PNI":  "someone~|somebody~|anyone~|anybody~|alguien~",
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
		{0.9, "asked for a person", "speak|talk|chat|speaking|talking|chatting ?to|with .. {PN}; " +
			"hablar|hablo|platicar|conversar|comunicar|comunicarme|comunicarse|contactar ?con|a .. {PN}"},
		{0.9, "asked to be put through", "connect|transfer|escalate|redirect ?me|us|this|it ?to|with|through .. {PN}; " +
			"put|pass|patch|forward|send|get|bring|give me|us ?through|over ?to|with .. {PN}; bring in .. {PN}; " +
			"pasame|paseme|pasenme|pasar|pasarme|transfiera|transfierame|transfiereme|transferir|transferirme|transfiere|" +
			"comuniqueme|comunicame|comunica|comunique|comuniquen|conecteme|conectame|conectar|conectarme ?con|a|me .. {PN}"},
		{0.85, "asked for a person", "want|need|prefer|request|demand|require|wants|needs ..2 {PNF}; " +
			"want|need|prefer ..2 {PNI} real|from|de|who|to|that|on; (would like|would prefer|would rather|rather) ..4 {PNF}; " +
			"(can i|could i|may i|can we|could we) get|have ..2 {PNF}; who can i talk|speak|call; escalate|escalation; " +
			"quiero|kiero|quisiera|necesito|prefiero|deseo|pido|solicito|gustaria|exijo ..3 {PN}"},
		{0.85, "asked for a call from a person", "{PN} .. call|phone|ring|contact|reach|text|email me|us|my|back; " +
			"get|have|send {DET} ?real|live|actual|human {PN} .. call|phone|ring|contact|reach|on; " +
			"{PN} ..2 llame|llamara|llamen|llamar|llamarme|atienda|atender|atiende|contacte|contactar|marque|comunique; " +
			"me ..2 llamar|llame|llamara|marcar|atender|atienda|contactar ..2 {PN}; llamarme|atenderme|contactarme ..2 {PN}; " +
			"{PNF} .. help|assist me|us"},
		{0.6, "asked for a call", "(can you|could you|would you|will you|please) ?please call|phone|ring me|us"},
		{0.85, "asked to meet a person", "call|meeting|appointment|conversation|consultation|zoom|facetime ?call|meeting with .. {PNF}; " +
			"llamada|cita|reunion|videollamada con .. {PNF}"},
		{0.85, "asked whether a person is there", "is|are there|ther|thre ..2 {PN} .. talk|speak|call|here|available|real|there|online|around; " +
			"{PN} available|there|around|online|disponible; hay ..2 {PN} .. hablar|atender|atienda|disponible|real|verdad|que|con"},
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
			"desesperante; (es el colmo|me estan tomando el pelo)"},
		{0.75, "complaint", "frustrat*|annoy*|irritat*|aggravat*|exasperat*|angry|angrier|upset|disappoint*|displeased|molesto|molesta|" +
			"molestos|molestas|decepcionad*|frustrad*; mad at; not happy with; complain*|complaint*|queja*|quejar*"},
		{0.8, "poor service", "worst|terrible|horrible|awful|pathetic|lousy|appalling|atrocious|dreadful|shoddy ?customer " +
			"service|experience|communication|support|agent|agents|company|brokerage|app|website|bot|process|response|job; worst; " +
			"poor|bad ?customer service|communication|support; pesim*|malisim*; mal servicio|trato; mala atencion|experiencia; " +
			"servicio terrible|horrible|pesimo; falta de seriedad|respeto|profesionalismo|consideracion; poca seriedad; " +
			"(nada profesional|muy poco profesional|no sirve|no sirven|no sirves); this|that|it is terrible|awful|horrible|unbelievable; " +
			"(you are|you people are|you guys are|you all are) hopeless|useless|incompetent|clueless|a joke; you people"},
		{0.8, "exasperation", "unacceptable|inaceptable|ridicul*|absurd*|ludicrous|insane|outrageous|pathetic|useless|worthless|pointless|inutil*|" +
			"garbage|trash|rubbish|crap|sucks|junk|basura|porqueria|incompetent*|unprofessional|rude|disrespectful|clueless|" +
			"groser*|irrespetuos*|stupid|dumb|idiot*|estupid*|idiota; waste of ?my|our time|money; wasted ?my|our ..2 time|day|" +
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
			"(not helping|not helpful|no help at all|does not help|did not help|of no help); " +
			"nothing changes|happens; nothing gets done"},
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
		{0.6, "exasperation", "seriously|jeez|geez|odio|detesto|generic|canned|unbelievable|increible; no puede ser; no es posible; " +
			"(are you serious|come on|for god sake|damn it|for nothing|que mal); hate this|your|dealing; hate it when"},
		{0.6, "again", "(otra vez|de nuevo|ya pregunte|i asked|i have asked|already asked|already said|already told); " +
			"le|les|te pregunte; no answer|response|reply; again"},
	},
	trigDistress: {
		{0.85, "job loss", "lost|lose|losing ?my|our|his|her job|jobs|income|work; (laid off|out of work|pay cut|got fired|been fired); " +
			"layoff|layoffs|furlough*|unemploy*|jobless; hours ..2 cut; perdi|perdimos|perdio ?mi|su|el|nuestro trabajo|empleo|chamba; " +
			"sin trabajo|empleo; desemplead*; me despidieron|corrieron; me quede sin trabajo"},
		{0.85, "can't pay", "(can not|could not|unable to|no longer) ?afford|pay|make|cover|keep ..3 mortgage|mortgages|payment|payments|" +
			"bills|note|rent|hipoteca; (can not|no longer) afford ..3 anymore|alone|myself|ourselves|income; " +
			"behind|late on|with ..2 mortgage|payment|payments|rent|bills; missed|missing ..2 payment|payments|mortgage; " +
			"savings ..2 gone|wiped|depleted|drained|spent; wiped out ..2 savings; medical|hospital bills; " +
			"bills|debt|debts ..2 piling|pile|mounting|crushing; falling|fell|fall behind; head above water; paycheck to paycheck; " +
			"(barely getting by|barely making it|barely keeping up|can barely afford); bank|lender|collectors keep|keeps calling; " +
			"(not sure|do not know if|do not know how|no se si|no se como) ..4 pay|make|afford|pagar ..3 mortgage|payment|payments|hipoteca|" +
			"pagos|bills|rent|renta; no puedo|podemos|pude ?pagar ..3 hipoteca|pagos|pago|mensualidad*|renta|" +
			"deudas|cuentas; no puedo|podemos pagarla|pagarlo|mantenerla; ya no puedo pagar; atrasad* ..3 pago|pagos|hipoteca|mensualidad*; " +
			"sin ahorros; cuentas del hospital; cuentas|gastos medicos"},
		{0.85, "fear of losing the home", "lose|losing ?our|my|the home|house|place|everything; nowhere ?else to go; no place to go; " +
			"where ?will we|i ?will go; homeless; perder ?mi|la|nuestra|su casa|hogar|todo; a donde ir|vamos; donde vamos a vivir; " +
			"quitar|quitarnos|quitarme ..2 casa; bank ..4 take|taking|repossess* ..2 house|home"},
		{0.8, "disaster", "(burned down|burnt down|house fire|lost everything|nothing left|se quemo|se incendio|lo perdimos todo); " +
			"hurricane|tornado|earthquake|wildfire|flood|huracan|inundacion ..3 destroyed|damaged|took|wiped|destruyo"},
		{0.65, "bereavement", "died|widow|widowed|widower; passed away; {REL} passed; lost my|our|a {REL}; " +
			"murio|murieron|fallecio|fallecieron|falleci|fallecimiento|viuda|viudo; perdi|perdimos a ?mi|nuestro|nuestra {RELS}; " +
			"perdimos ..2 bebe"},
		{0.85, "recent loss", "funeral|grieving|grief|bereave*|mourning|velorio|luto|duelo; just|recently|suddenly died|passed; " +
			"died|passed|murio|fallecio ..3 last|this week|month|year|weekend; died|passed|murio|fallecio ..2 suddenly|recently|yesterday|" +
			"ayer|repentinamente; (hace poco|el mes pasado|la semana pasada|este ano|de repente|acaba de morir|acaba de fallecer)"},
		{0.85, "serious illness", "cancer|chemo*|tumor|terminal*|dementia|alzheimer*|stroke|icu|hospice|dialysis|quimio*|demencia|" +
			"infarto|dialisis|hospitalized|hospitalizad*|diagnosticar|diagnosticaron; heart attack; memory care; in|en ?the|el hospital; " +
			"diagnosed with; very|really|seriously|gravely|so sick|ill; muy|gravemente enferm*"},
		{0.5, "illness", "sick|illness|surgery|treatment|diagnos*|enferm*|cirugia|tratamiento|hospital|medical|medicos"},
		{0.85, "panic", "terrified|petrified|panic*|desperate|desperately|desesperad*|devastat*|heartbroken|heartbreak*|distraught|despair|" +
			"hopeless|helpless|miserable|overwhelmed|abrumad*|agobiad*|angustiad*|aterrad*|aterroriz*|destrozad*|deprimid*|depressed|" +
			"depression|suicid*|unbearable|insoportable|crying|cried|tears|llorando|llore|lloro|lagrimas; " +
			"breaking|breaks|broke my heart; me rompe|parte el corazon|alma"},
		{0.85, "can't cope", "(can not|could not|unable to) ?even|stop sleep|sleeping|eat|eating|breathe|think|cope|bear|function|focus; " +
			"can not stop crying|shaking; can not handle|take|do this|it ?any more|anymore; can barely|hardly think|sleep|breathe|" +
			"function|cope; (falling apart|breaking down|losing my mind|going crazy|all too much|too much for me|drowning|" +
			"end of my rope|wits end|no duermo|ya no puedo mas|no aguanto|no soporto|no puedo con esto|es demasiado|no puedo ni); " +
			"no puedo dormir|mas|pensar; volviendo loca|loco; losing|lost sleep; (can not deal|sin dormir|no he dormido); " +
			"(can not|could not) handle|manage|cope|do ..4 alone|anymore|myself|own"},
		{0.8, "wrecked", "wrecked|ruined|destroyed me|us; painful|messy|ugly|nasty|bitter|hard|difficult|devastating ..2 divorce|separation|" +
			"breakup|split; my|mi wife|husband|partner|esposo|esposa left|dejo; me destrozo|arruino"},
		{0.65, "fear", "scared|frightened|fearful|asustad*|miedo|temo"},
		{0.5, "fear", "afraid"},
		{0.75, "lost", "feel|feeling|felt ..2 lost|alone|empty|broken|hopeless; me siento ..2 perdida|perdido|sola|solo|vacia|vacio"},
		{0.6, "struggling", "struggling|struggle|sufriendo|suffering|batallando|ashamed|humiliated|triste|tristeza|sad|lonely|" +
			"heartache|shaken|numb|exhausted|agotad*|" +
			"nightmare|pesadilla|ayudenme; hard|difficult for me; this is hard; muy dificil; es dificil para mi; " +
			"do not ?even know what|where|how; no se que|como|donde; need help; please help; necesito ayuda; ayuda por favor"},
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
			"defecto ..4 titulo; titulo ..4 defecto; problema ..3 titulo|escritura; nunca se cancelo|registro|transfirio|pago"},
		{0.75, "boundary dispute", "boundary|boundaries|encroach*|lindero|linderos|invade|invadiendo|prescriptive; property|lot line; " +
			"adverse possession; claim|claims|claiming ..3 easement|ownership|our land|our lot|part of; crosses ?our|my|the lot|property|land; " +
			"onto|into ?our|my|the lot|property|land|yard; dentro de ?nuestro|mi lote|terreno|propiedad; survey ..2 shows|showed|found"},
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
		{0.75, "contract dispute", "breach*|defaulted|incumpl*|fraud|fraudulent|fraude|dispute|disputes|disputing|disputed|disputa|disputas; " +
			"default on; in default; refus* to close; keep ?our|my|the earnest money; earnest money dispute; specific performance; " +
			"se echo para atras; is it|that legal; es legal; fighting|pelean|peleando over|por ?the|la house|casa"},
		{0.45, "refuses to sign", "(will not|refuses to|refused to|refusing to) sign|agree|cooperate|respond|refinance|communicate; " +
			"no quiere firmar; se niega a"},
		{0.5, "trustee", "trustee|trustees|fideicomiso; title insurance claim; claim on|against the property|title|house"},
		{0.45, "lawyer", "lawyer|lawyers|attorney|attorneys|counsel|abogado|abogada|abogados"},
		{0.8, "lawyer involved", "lawyer|attorney|abogado|abogada ..3 wants|want|says|said|told|advised|review*|revisar|dice|dijo|quiere|sent|" +
			"filed|called|thinks; lawyer|attorney|abogado|abogada ..3 recomienda que"},
		{0.8, "eviction", "evict*|desalojo|desaloj*|desahuci*|squatter*|okupa*|paracaidista*; refuses|refuse|refusing to leave|move; " +
			"will not leave; no se quiere|quieren ir|salir"},
		{0.7, "guardianship", "guardianship|conservator*|tutela; (power of attorney|poder notarial|back taxes); tax lien|sale"},
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
			"(fixed now|problem solved|helped a lot|very helpful|relieved|resuelto|me siento mejor|todo bien|listo gracias|perfecto gracias|" +
			"ya me aclaraste|feel a lot better|no longer worried|not worried anymore); feel ?much|so|way better; " +
			"ya quedo|esta|funciona|cargaron|cargo|resolvio; ya se resolvio; (me lo|lo) aclaraste|aclaro|aclararon; mas|muy tranquil*"},
		{0.4, "thanks", "thanks|thank|gracias"},
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
		"hire|hiring|find|finding|choose|interview|using|contratar {DET} ..2 {PN}"},
	{trigHuman, scopeClause, "do|does|should i|we need|get|hire; (do i have to|do you recommend); was|were|been talking|speaking; talked|spoke to"},
	// "ridiculous how fast houses sell", "crazy good deal", "the garbage disposal".
	{trigFrustration, scopeOverlap, "ridicul*|absurd*|insane|crazy ?how|so good|great|fast|cheap|nice|low|quick|easy|beautiful|gorgeous|" +
		"amazing|affordable|deal|price|prices|many; insanely|ridiculously|crazy|stupid|absurdly good|great|fast|cheap|nice|low|quick|easy|" +
		"beautiful|gorgeous|amazing|affordable; garbage|trash disposal|pickup|can|cans|bin|bins|day|collection|service; " +
		"stupid|dumb question; fraud alert"},
	// "stressful market", "I'd hate to miss it", "dying to see it", a death or a divorce years ago.
	{trigDistress, scopeClause, "stress*|nervous|worried ..2 market; market ..3 stress*; would hate; hate to; dying to; muero por; " +
		"another offer|buyer|bidder; someone else; missing out|miss out|lose out|fomo; to miss; sick of|and; homesick; " +
		"(you are|you people are|you guys are|they are|this is|it is) hopeless|helpless; " +
		"years|decades ago; long ago; many years; hace ..2 anos|tiempo|mucho; finalized; the deal|sale|contract|closing ..3 fall*; " +
		"deal|sale|contract|closing ..2 falling apart"},
	// "real estate", "estate sale", a lien released, a routine easement, a tennis court, market demand.
	{trigLegal, scopeOverlap, "real estate|estates; estate sale|sales|agent|agents|home|lot|property|style|planning; luxury estate; " +
		"tennis|basketball|food|pickleball|volleyball|sport|sports|half court|courts; court in|on ?the backyard|yard|garden; mucha|alta|poca|gran demanda; inherited money|savings|cash|funds; " +
		"standard|routine|normal|typical|recorded ?utility easement; any|buying|buy foreclos*; list of foreclos*"},
	{trigLegal, scopeMessage, "(released|paid off|satisfied|discharged|lifted|liberado|liberada|levantado|cancelado|pagado); " +
		"was|were|is|been dismissed|settled|resolved"},
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
