package decision

import "slices"

// neutralizers take cues back where the words mean something else. Each cancels the cues of
// one trigger that it overlaps (scopeOverlap), that share its clause (scopeClause), or
// anywhere in the message (scopeMessage).
type scope uint8

const (
	scopeOverlap scope = iota
	scopeClause
	scopeMessage
)

type neutralizer struct {
	trig  trigger
	scope scope
	pats  string
	// only, when set, names the labels ("a|b") of the cues it cancels; the others stand.
	only string
}

// neutralizers: the first ones here, then those of each trigger's later rounds, kept beside
// their cues.
var neutralizers = slices.Concat(neutralBase, humanNeutral8, frustrationNeutral8, distressNeutral8, legalNeutral8,
	humanNeutral9, frustrationNeutral9, distressNeutral9, legalNeutral9, frustrationNeutral10, legalNeutral10, frustrationNeutral11, distressNeutral11, frustrationNeutral12,
	frustrationNeutralTrainH, frustrationNeutral13, humanNeutral13,
	frustrationNeutral14, distressNeutral14, legalNeutral14,
	frustrationNeutral15, distressNeutral15,
	frustrationNeutral16, distressNeutral16, legalNeutral16, humanNeutral16,
	frustrationNeutral17, distressNeutral17, legalNeutral17, humanNeutral17,
	frustrationNeutral18, legalNeutral18, humanNeutral18)

var neutralBase = []neutralizer{
	// "my agent said", "better than a real agent", "meeting in person", "human resources".
	{trigHuman, scopeOverlap, "{MY} ?own|real|listing|buying|selling|loan|former|old|previous|new ?estate {PN}; " +
		"better|worse|faster|smarter than|then .. {PN}; mejor|peor que ?hablar|tratar|trabajar ?con|a ?cualquier {DET} ?{REALQ} {PN}; in|en person|persona; " +
		"human resources|rights|error|nature; " +
		// Any comparison: "more helpful than a real agent", "más útil que un asesor".
		"than ..3 {PN}; mas|menos ..3 que ..2 {PN}; " +
		"hire|hiring|choose|interview|using|contratar {DET} ..2 {PN}; " +
		// Whether one needs an agent at all: "Do I need an agent to buy new construction?"
		// ("how do I get an agent on the phone" asks for one; "do I get an agent or a bot?" does not.)
		"(do i|does one|do we|should i|should we|do you) ?really|even|actually need|hire ..3 {PN}; " +
		"(do i|does one|do we|should i|should we|do you) get ..3 {PN} ..3 or|assigned|automatically|" +
		"included|free; (do i|do we) get ..3 {PN} ..1 when|if|with|for; " +
		// People of the customer's own life: "a person from my family", "someone at the bank".
		"{PN} from|of|de|at|en|del ?my|our|mi|mis|nuestra|nuestro|the|el|la ..1 family|familia|friends|amigos|work|job|trabajo|" +
		"bank|banco|church|iglesia|lender|school|escuela|insurance|seguro|city|county|ciudad; " +
		// A decline inside a request: "I'd rather not deal with anyone", "no quiero que me llame nadie".
		"(rather not|prefer not|prefiero no|preferiria no|no quiero|no necesito|do not want|do not need|do not wanna|no need|" +
		"no hace falta|no es necesario|nobody needs|no one needs); " +
		// Whether someone else is a person: "is the seller a real person or a company?"
		"seller|buyer|owner|landlord|tenant|neighbor|vendedor|comprador|dueno|duena|inquilino|vecino ..3 {REALQ} {PN}; " +
		// A person the customer already has: "I'm already working with a human agent".
		"already|currently|ya ..2 working|work|trabajando|trabajamos|tenemos|tengo|have|got|has ..3 {PN}", ""},
	{trigHuman, scopeClause, "(do i have to|do you recommend); was|were|been talking|speaking; talked|spoke to|with; " +
		"at|from|with|de|en|con another|other|otra|otro|different brokerage|agency|company|firm|inmobiliaria|empresa|agencia; " +
		"will|already called|call|contacted|contact ..2 me|us; just called|contacted ..2 me|us; i|we will call|phone|contact|text|email", ""},
	// Whether it is a person or a bot, asked for its own sake: "are you a real person or a bot
	// lol", "¿hablo con una persona o con un bot? es por curiosidad".
	{trigHuman, scopeClause, "(are you|r you|am i talking to|am i chatting with|is this|eres|es usted|estoy hablando con|" +
		"hablo con) ..3 {PN} or|o ?with|con ?a|an|un|una {BOT}; (are you|r you|am i talking to|am i chatting with|eres|" +
		"es usted|estoy hablando con|hablo con) ..3 {BOT} or|o ..2 {PN}", ""},
	{trigHuman, scopeMessage, "(just curious|just wondering|por curiosidad|es curiosidad|out of curiosity|nomas pregunto|solo pregunto)", ""},
	// What a person will do, said as news rather than asked for: "our agent will call the
	// seller's agent".
	{trigHuman, scopeOverlap, "{PN} will|would ?be ..1 call|calling|contact|contacting|phone|reach|reaching", "asked to call a person"},
	// A question whether something can be stopped: "Can selling stop it?", "how do I stop this".
	{trigFrustration, scopeOverlap, "can|could|would|will|does|do|to|help|might|how ..3 stop|quit it|this|that", "not listened to"},
	// Ending a lease for the customer's own reasons: "necesito terminar el contrato de arriendo
	// para irme donde mi familia".
	{trigFrustration, scopeOverlap, "need|needs|have|has|want|necesito|necesitamos|tengo|tenemos|quiero|queremos ?to|que ..1 " +
		"cancel|terminate|break|end|terminar|cancelar|romper ..4 lease|contrato|arriendo|alquiler|renta|arrendamiento", "complaint|poor service|service failure|exasperation|feels cheated|anger"},
	// "les vale la pena": worth it.
	{trigFrustration, scopeOverlap, "vale|valio la pena", ""},
	// What the customer told someone of their own: "I already told my husband about it".
	{trigFrustration, scopeOverlap, "already told|said|explained|mentioned ?it|this|that ?to {MY}|him|her|them", "asked again"},
	// "ridiculous how fast houses sell", "crazy good deal", "the garbage disposal".
	{trigFrustration, scopeOverlap, "ridicul*|absurd*|insane|crazy ?how|so good|great|fast|cheap|nice|low|quick|easy|beautiful|gorgeous|" +
		"amazing|affordable|deal|price|prices|many; insanely|ridiculously|crazy|stupid|absurdly good|great|fast|cheap|nice|low|quick|easy|" +
		"beautiful|gorgeous|amazing|affordable; garbage|trash disposal|pickup|can|cans|bin|bins|day|collection|service; " +
		"stupid|dumb|silly|ridiculous|weird|odd|tonta|rara question|pregunta|q; fraud alert; " +
		// Frustration with someone else, not the service: "I'm frustrated with my lender, not you".
		"frustrated|angry|upset|mad|annoyed|molesto|molesta|enojado|enojada ..3 with|at|con my|the|mi|el|la lender|bank|banco|" +
		"employer|landlord|husband|wife|job|boss|insurance|contractor|city|county|seller|sellers|vendedor|esposo|esposa|jefe; " +
		// The customer's own slip: "oops I sent the wrong document".
		"i|we|yo ..2 sent|gave|put|booked|typed|wrote|entered|uploaded|attached|mande|envie|puse|subi ..5 wrong|equivocad*|" +
		"incorrect*; " +
		// The market, not the service: "this market is insane", "los precios están de locos".
		"market|prices|rates|demand|competition|inventory|bidding|mercado|precios|tasas|demanda|competencia ..2 is|are|esta|" +
		"estan|es|son|been|got|gotten|se ..2 insane|crazy|ridicul*|nuts|wild|brutal|bonkers|absurd*|locura|loco|loca|locos|intense|" +
		"cruel; " +
		// Hardship in the customer's life, not the service: "going through a really awful divorce".
		"awful|terrible|horrible|rough|brutal|pesimo|pesima|nasty|ugly ..2 divorce|divorcio|diagnosis|diagnostico|illness|" +
		"enfermedad|accident|accidente|loss|perdida|breakup|separation|separacion|situation|situacion|year|ano|news|noticia|" +
		"noticias|custody|custodia; " +
		// Admiration: "qué barbaridad de cocina", "unbelievable views".
		"(que barbaridad de|una barbaridad de|que locura de|una locura de); (que barbaridad|que locura|increible|impresionante) " +
		"lo|como|que ..2 rapido|rapidos|rapida|rapidas|bien|bonito|bonita|barato|barata|grande|facil|pronto; " +
		"unbelievable|incredible|insane|crazy|sick|unreal|" +
		"ridiculous|absurd|increible view|views|kitchen|backyard|yard|pool|location|deal|house|home|place|property|space|light|" +
		"layout|vista|vistas|cocina|jardin|patio|alberca|ubicacion|casa; view|views|kitchen|backyard|yard|pool|location|deal|" +
		"house|home|place|property|space|light|layout|closet|closets|bathroom|vista|vistas|cocina|jardin|patio|alberca|casa ..5 " +
		"is|are|looks|look|esta|estan|se ..2 insane|crazy|sick|unreal|ridiculous|absurd|unbelievable|incredible|nuts|wild|" +
		"increible|brutal|locura", ""},
	// "stressful market", "I'd hate to miss it", "dying to see it", a death or a divorce years ago.
	// Each cancels only the cue it qualifies: "we bought it 20 years ago and now I can't afford
	// it" keeps its distress.
	// "echarnos atrás": backing out of a deal, not being thrown out; "overwhelmed by choice in
	// the best way".
	{trigDistress, scopeOverlap, "echar|echarnos|echarme|echarse|echarte ?para atras; (in the best way|in a good way|" +
		"en el buen sentido|in the best possible way); overwhelmed|abrumad* by|with|por ..2 choice|choices|options|opciones|" +
		"listings|great|beautiful|so", ""},
	// A landlord cutting the water is a lockout, the legal matter's, not bills unpaid.
	{trigDistress, scopeOverlap, "landlord|he|she|owner|casero|dueno|duena|arrendador ..2 shut|cut|turned|corto ?off ..3 power|" +
		"electricity|water|utilities|agua|luz", "can't pay"},
	// Tears of joy: "lloré de la emoción", "happy tears".
	{trigDistress, scopeClause, "(de la emocion|de emocion|de alegria|de felicidad|tears of joy|happy tears|happy cry|" +
		"crying happy|llorar de felicidad)", ""},
	// A fright that passed as it came: "I panicked for a sec when I saw the price".
	// ("por un momento" is left out: "pasando por un momento difícil" is a hard time, not a short one).
	{trigDistress, scopeClause, "(for a sec|for a second|for a moment|for a minute|momentarily|por un segundo|por un instante)", ""},
	{trigDistress, scopeOverlap, "stress*|nervous|worried ..2 market; market ..3 stress*; (would hate|hate to) ..3 lose|miss|see; " +
		"dying to; muero por; lose|losing|lost|miss|perder|perdimos|perdi ..4 (another offer|another buyer|another bidder|someone else|to another|" +
		"to someone|otro comprador|otra oferta); scared|afraid|nervous|worried|miedo ..7 (missing out|miss out|lose out|fomo|" +
		"someone else|another buyer|another offer|outbid|otro comprador); hard|difficult|dificil ..3 (to decide|to choose|to pick|" +
		"decidir|escoger|elegir); (do not know|no se) ..2 which|what|cual|que ..2 (to choose|to pick|to decide|escoger|elegir|decidir); " +
		"sad|triste ..2 (to leave|to sell|to move|to go|de dejar|de vender|de irnos|de mudarnos); " +
		"(hate to miss|scared to miss|afraid to miss|would hate to miss); sick of|and; homesick; " +
		"(you are|you people are|you guys are|they are|this is|it is) hopeless|helpless; " +
		"died|passed|away|lost|divorce|divorced|divorcing|divorcio|divorciamos|divorciados|murio|fallecio|separated|accident|" +
		"accidente ..5 (years ago|" +
		"decades ago|long ago|many years|hace anos|hace mucho|hace tiempo|hace muchos anos|in #|en #); " +
		"died|passed|away|lost|murio|fallecio ..5 {MONTH} ?of|de #; " +
		// Illness as a line of work or a place: "my wife is a cancer researcher", "the medical center".
		"cancer|medical|hospital|oncology|dementia|alzheimer ..1 researcher|research|doctor|nurse|center|centre|school|field|" +
		"office|district|institute|survivor|free|walk|fundraiser|clinic|building|campus|job|work; " +
		"laid|fired|let|unemployed|despidieron|corrieron|bankrupt|bankruptcy ..5 (years ago|long ago|hace anos|hace mucho|" +
		"hace tiempo|in #|en #); " +
		// Things die too: "our furnace died last week".
		"furnace|car|phone|battery|ac|heater|fridge|refrigerator|washer|dryer|laptop|computer|tv|plant|plants|dishwasher|" +
		"lawn|grass|engine|compressor|hvac|boiler|pump|wifi|internet|computadora|celular|carro|coche|refri|calentador|lavadora|" +
		"secadora|bateria|planta|plantas|dog|cat|puppy|kitten|pet|fish|bird|hamster|perro|perrito|gato|gatito|mascota ..2 " +
		"died|dead|murio|passed; " +
		"divorce|divorcio ..4 final|finalized|over|done|finalizado; deal|sale|contract|closing ..2 falling apart", ""},
	// "real estate", "estate sale", a lien released, a routine easement, a tennis court, market demand.
	{trigLegal, scopeOverlap, "real estate|estates; estate sale|sales|agent|agents|home|lot|property|style|planning|attorney|lawyer; luxury estate; " +
		"lien search|searches|check|checks|waiver|waivers; court house|houses; " +
		"tennis|basketball|food|pickleball|volleyball|sport|sports|half court|courts; court|courts|cancha|canchas ..3 tennis|" +
		"basketball|pickleball|volleyball|sport|sports|play|playing|kids|padel|squash|racquetball|handball|futbol|soccer; " +
		"court side|view|yard|facing; court in|on ?the backyard|yard|garden; mucha|alta|poca|gran demanda; inherited money|savings|cash|funds; " +
		"standard|routine|normal|typical|recorded ?utility easement; any|buying|buy foreclos*; list of foreclos*; " +
		// A kind of deal to invest in: "is probate real estate a good deal?"
		"probate|foreclosure|foreclosed|reo ..1 estate|property|properties|homes|listings|deals|investing|investment", ""},
	// An estate as a place ("an estate on the lake"); a life estate on a property stays legal.
	{trigLegal, scopeOverlap, "estate on|at|near|off|along|by|for", "estate"},
	{trigLegal, scopeOverlap, "lawyer|attorney|abogado|abogada ..4 recommend*|referred|recomendo|recomendaron|refirio|friend|amigo|amiga; " +
		"listing|ad|post|page|website title; interested|looking|shopping ..2 foreclos*; judge for yourself; judging by; " +
		"your|my|good|best|own judgment|judgement; " +
		"inheritance|inherited|herencia ..5 (down payment|downpayment|enganche|deposit|buy|comprar|savings|money|cash|funds)", ""},
	// An estate that was settled: "Probate wrapped up last spring", "la sucesión se cerró en 2019".
	{trigLegal, scopeMessage, "probate|sucesion|estate|herencia|testamentaria|intestado ..5 (wrapped up|was closed|was finalized|" +
		"was completed|was settled|has closed|is closed|is done|is over|is complete|is finished|got closed|closed last|closed in|" +
		"closed years|finished in|finished last|completed in|completed last|wrapped|se cerro|se termino|se concluyo|concluyo|quedo cerrada|ya se cerro|ya termino|termino hace)", "estate"},
	{trigLegal, scopeClause, "(looks good|all good|good to go|looks fine|looks standard|looks normal|looks ok|looks okay|" +
		"is standard|pretty standard|parece normal|no issues|no problems|everything is fine|todo bien|" +
		"todo en orden|sin problema|sin problemas); recommend ..3 lawyer|attorney|abogado", ""},
	// A vehicle taken back is no foreclosure: "my car got repossessed".
	{trigLegal, scopeOverlap, "car|truck|vehicle|auto|carro|coche|camioneta ..3 repossess*|reposeid*", ""},
	// Whether a lawyer is needed at all: "Should I get a lawyer for a normal purchase?", "does a
	// lawyer need to be there?"
	{trigLegal, scopeOverlap, "does|do|will|would|is|should ?a|an|the|un|el lawyer|attorney|abogado|abogada ..2 need|needs|" +
		"have|has|tiene|necesita|be|go|come", ""},
	{trigLegal, scopeOverlap, "(should i|do i need|do we need|should we|is it worth|do you recommend|necesito|conviene) ..3 " +
		"get|hire|have|use|getting|hiring|contratar|tener ?a|an|un|una lawyer|attorney|abogado|abogada", ""},
	{trigLegal, scopeMessage, "(se cancelo|se levanto|fue cancelado|fue cancelada|fue levantado|fue levantada); " +
		// Paid off, said as done: not "does it have to be paid off before closing?".
		"was|were|is|are|been|got|already|fully|finally|we|i|they|he|she|seller|owner (paid off); " +
		"(released|satisfied|discharged|lifted|liberado|liberada|levantado|cancelado|pagado|release letter|lien release|" +
		"release of lien|paid at closing|paid in full|carta de liberacion); " +
		"(se libero|se liberaron|lo liberaron|la liberaron|fue liberado|fue liberada|ya se pago|ya pagamos|ya lo pagamos|" +
		"ya la pagamos|esta pagado|esta pagada|fue pagado|fue pagada|levantaron el|quedo liberado|quedo liberada); " +
		"was|were|is|been dismissed|settled|resolved|final|finalized; already|fully|all settled|resolved|finalized|cleared|sorted; " +
		// A scare that was nothing: "Our foreclosure scare last year turned out to be a bank error".
		"(turned out to be|resulto ser|resulto que era|fue solo) ..3 error|mistake|misunderstanding|nothing|confusion|" +
		"equivocacion|malentendido|nada; " +
		// Paid, of what was owed; not "we already paid for the inspection".
		"(already paid off|already been paid|fully paid|all paid off|already paid it|already paid them)", ""},
	// A wait the customer excuses is no complaint: "never heard back, no rush", "sin prisa".
	{trigFrustration, scopeMessage, "(no rush|no hurry|no big rush|sin prisa|no hay prisa|no hay apuro|sin apuro|whenever you can|" +
		"whenever you get a chance|cuando puedan|cuando pueda)", "no reply|service failure|nobody answers"},
	// Thanks for a fix name the failure fixed: "thanks for sorting out the double booking".
	{trigFrustration, scopeClause, "thanks|thank|gracias|appreciate ..4 sorting|fixing|resolving|" +
		"handling|solving|arreglar|resolver|solucionar|arreglarlo|resolverlo|arreglarme|resolverme", ""},
	// A house lost to another offer is no home lost: "perdimos la casa porque no mandaron la oferta".
	{trigDistress, scopeClause, "lost|perdimos|perdi|perdieron ..3 house|casa|home|place|bid|deal ..6 offer|oferta|bid|outbid|" +
		"buyer|comprador", "lost the home"},
	// "Es un abuso" is an outrage at the business, not abuse at home.
	{trigDistress, scopeOverlap, "(es un abuso|esto es un abuso|que abuso|un abuso total|abuso de confianza|abuso de poder|" +
		"abuse of power|abuse of process)", "unsafe at home"},
	// An apology for asking again is politeness, not exasperation: "Sorry I keep asking, but
	// what's the address again?". A complaint in the same message still counts.
	{trigFrustration, scopeMessage, "(sorry|perdon|disculpa|disculpe|disculpen|apologies|apologize) ..4 (keep asking|asking again|" +
		"ask again|asking so much|so many questions|all the questions|the questions|bother|bothering|molestar|molestia|insistir|" +
		"preguntar tanto|preguntar otra vez|preguntar de nuevo|la insistencia)", "asked again|again|repetition"},
	// Nor is an apology for the customer's own slowness: "perdón si no contesto rápido".
	{trigFrustration, scopeMessage, "(sorry|perdon|disculpa|disculpe|disculpen|apologies|apologize) ..4 (si no contesto|" +
		"si no respondo|si tardo|if i am slow|if i do not answer|if i do not reply|for the delay|por la demora|late reply|" +
		"slow to reply|slow to respond|slow to answer)", "asked again|again|repetition"},
}
