package decision

// legalCues: legal complexity of the transaction.
var legalCues = []lexEntry{
	{0.8, "lien", "lien|liens|gravamen|gravamenes|embargo"},
	{0.45, "easement", "easement|easements|servidumbre; right of way"},
	// An easement and a neighbour in one breath is a claim between them: "hay una servidumbre
	// de paso que el vecino dice que existe".
	{0.6, "easement dispute", "neighbor|neighbors|neighbour|neighbours|vecino|vecinos|vecina ..8 easement|easements|servidumbre; " +
		"easement|easements|servidumbre ..8 neighbor|neighbors|neighbour|neighbours|vecino|vecinos|vecina; " +
		"neighbor|neighbors|neighbour|vecino|vecinos ..8 right of way; right of way ..8 neighbor|neighbors|neighbour|vecino|vecinos"},
	// A deal one side broke, and a contract signed: each alone is an ordinary event ("the
	// seller accepted another offer"), together a dispute.
	{0.45, "deal broken", "(backed out|back out|backing out|pulled out|walked away|reneged|renege|se echo para atras|se retracto|" +
		"se arrepintio); took|accepted|went|taking|accepting|tomo|acepto ?with ?a|an|otra ?higher|better|another|other|new|second|" +
		"mejor offer|oferta"},
	{0.45, "deposit kept", "keep|keeping|retain|quedarnos|quedarse|quedarme ?with|con ?our|my|the|their|el|su|la ..1 deposit|" +
		"deposito|earnest|enganche"},
	{0.4, "signed contract", "(signed contract|signed purchase agreement|signed agreement|signed with us|signed the contract|" +
		"contrato firmado|firmamos contrato|firmamos el contrato|firmo con nosotros)"},
	{0.8, "title defect", "easement ..3 problem|issue|dispute|defect|blocking|claim|fight; clouded|defective title; cloud on ?the title; " +
		// Never deeded: "la casa nunca se escrituró, solo tenemos un contrato privado".
		"(nunca se escrituro|no esta escriturada|no esta escriturado|sin escriturar|sin escritura|sin escrituras|" +
		"contrato privado|never deeded|never been deeded|no deed|never recorded the deed); " +
		"title defect*|issue|issues|problem|problems|dispute|claim; (chain of title|break in the chain|quiet title|quitclaim|" +
		"quit claim|still showing on the title|sigue en la escritura); never|not ?got|been|was|were|fue ?properly released|recorded|" +
		"transferred|cancelled|canceled|discharged|liberado|cancelado|registrado; still in ?her|his|their|my|its ..2 name; name ..3 still on the title|deed; " +
		"defecto ..4 titulo; titulo ..4 defecto; problema ..3 titulo|escritura|escrituras; nunca se cancelo|registro|transfirio|pago; " +
		"permit|permits|permiso ..4 never|not|nunca finalized|closed|approved|cerrado|aprobado; code enforcement; " +
		"never|not|nunca ..3 closed|finalized|finaled|approved|cerro|cerraron|aprobaron ..3 permit|permits|permiso|permisos"},
	{0.75, "boundary dispute", "boundary|boundaries|encroach*|lindero|linderos|invade|invadiendo|prescriptive; over|across|past|onto|cross|crosses|crossing|" +
		"sobre|pasa ..2 property|lot line; " +
		"adverse possession; claim|claims|claiming ..3 (easement|ownership|our land|our lot|part of); " +
		"built|construyo|construyeron|put|puso|installed ..3 (en nuestro|on our|onto our|en mi|on my|dentro de) terreno|lote|land|lot|" +
		"property|propiedad|yard; crosses ?our|my|the lot|property|land; " +
		"onto|into ?our|my|the lot|property|land|yard; dentro de ?nuestro|mi lote|terreno|propiedad; " +
		// A survey that found something wrong, not any survey: "Survey shows the standard utility
		// easement" is routine.
		"survey ..2 shows|showed|found|revealed ..6 fence|shed|wall|driveway|garage|deck|encroach*|onto|into|over|across|" +
		"problem|issue|discrepancy|gap|overlap|wrong|off"},
	// A lien the record still shows: "an unreleased mortgage from 1998", "una hipoteca sin
	// cancelar de 1995".
	{0.8, "title defect", "unreleased|unsatisfied|undischarged ..2 mortgage|lien|liens|loan|deed; " +
		"hipoteca|hipotecas|gravamen|embargo|carga|cargas ..1 (sin cancelar|sin levantar|no cancelada|no cancelado|sin liberar)"},
	// A tenant breaking the lease, and how to end it: "subleased to 4 people without permission".
	{0.7, "lease breach", "sublet|subleased|subletting|sublease|subarrendo|subarrendaron|subarrienda|subalquila|" +
		"subalquilo ..5 without|sin ..1 permission|consent|approval|permiso|autorizacion|consentimiento"},
	{0.8, "lawyer consulted", "talking|talk|consulting|consulted|calling|called|contacted|seeing|hired|hiring|retained|" +
		"consultando|hablando ..3 lawyer|lawyers|attorney|attorneys|abogado|abogada|abogados"},
	{0.8, "litigation", "sue|sued|suing|lawsuit|lawsuits|litigation|litigat*|court|courts|judge|judgment|judgement|subpoena|deposition|" +
		"arbitration|injunction|contesting|contested|impugn*|litigio|pleito|juicio|juez|jueza|tribunal|tribunales|juzgado|juzgados|demandar|demandaron|demando|" +
		"demandado|demandados|demandarnos|demandarme|demandando|demandarte|demandarlo|demandarla|demandaran|demande|demanden; " +
		"(demand letter|legal action|legal dispute|small claims|lis pendens|" +
		"restraining order|demanda pendiente|lawyers involved|law suit|filed suit|filed a suit|file suit|class action|" +
		"partition action|partition suit|partition lawsuit|partition case|forced sale|forced partition|particion judicial); una|la demanda; hired|get|got ?a lawyer|attorney; contratar ..2 abogado"},
	{0.8, "estate", "probate|executor|executrix|estate|estates|heir|heirs|inherit*|beneficiar*|intestate|sucesion|sucesorio|" +
		"testamento|albacea|herencia|heredero*|heredamos|heredaron|heredo|intestad*; without a will; no will; " +
		"(did not leave a will|never made a will|no hay testamento|no dejo testamento|sin testamento|no hizo testamento); " +
		"left|dejo ..2 the|la|el|his|her|su|their house|home|casa|property|propiedad|farm|ranch|land|lot|lots|building|cabin|finca|" +
		"rancho|terreno|terrenos|lote|edificio|departamento|depa|piso|parcela|campo ..2 to|a ..2 us|all|both|nosotros|todos|los|las|" +
		"me|my|mi|mis|sus|ambos"},
	// A co-owner made to sell, or bought out: "can we force a sale?", "¿se puede forzar la venta?".
	{0.75, "forced sale", "force|forcing|forzar|obligar|obligarlos|obligarlas|obligarla|obligarlo ..4 (a sale|the sale|to sell|" +
		"la venta|a vender|vender); buy|buying out ..4 share|shares|part|interest|siblings|brother|" +
		"sister|brothers|sisters|heirs|cousins|parte|partes; (buy out|buyout) ..2 my|his|her|their|the ..1 share|shares|part|" +
		"interest|siblings|brother|sister|brothers|sisters|heirs|cousins|other|others; " +
		"comprar|comprarle|comprarles ..2 su|sus parte|partes|derechos"},
	// A party to the sale dies before it closes: "Seller died before closing. What happens to our contract?"
	{0.8, "death in the deal", "seller|sellers|buyer|buyers|owner|owners|vendedor|vendedora|vendedores|comprador|compradora|" +
		"dueno|duena|propietario|propietaria ?has|had|just|suddenly|recently|unexpectedly|se|ya ?just|suddenly|recently|se " +
		"died|dies|passed|murio|fallecio|falleci*|muere; " +
		"death|muerte ..3 seller|buyer|owner|vendedor|comprador|dueno|duena|propietario|propietaria"},
	// Whether the law allows it, or what the customer's rights are: "what are my rights", "is
	// that grounds to back out?".
	{0.75, "rights", "(what are my rights|what are our rights|what rights do i have|what rights do we have|my legal rights|" +
		"our legal rights|cuales son mis derechos|cuales son nuestros derechos|que derechos tengo|que derechos tenemos|" +
		"mis derechos|nuestros derechos|grounds to|grounds for|legal grounds|legal basis|fundamento legal|base legal|" +
		"motivo legal|can they legally|can i legally|can we legally|is it even legal|is that even legal|pueden legalmente|" +
		"puedo legalmente|podemos legalmente); rescind|rescinding|rescission|void|anular|rescindir ..3 contract|agreement|" +
		"sale|purchase|contrato|compra|venta"},
	{0.75, "off the title", "remove|take|quitar|sacar ..3 off|from|de|del ?the|la|el title|deed|titulo|escritura|escrituras"},
	{0.8, "court order", "divorce decree|settlement; settlement hearing; divorce ?is pending; pending divorce; divorce|divorcio ..2 " +
		"(is not final|not final|is not finalized|not finalized|not done yet|no es final|no esta finalizado|no ha terminado|" +
		"no se ha finalizado|still going|in progress|en proceso|en tramite); court ordered|order|orders; " +
		"ordered ..3 sold|sale|sell; standing order; community|marital property; custody; separation agreement; " +
		"decreto|acuerdo|sentencia de divorcio; orden del juez; orden judicial; ordeno vender; bienes gananciales|mancomunados"},
	{0.35, "divorce", "divorce|divorced|divorcing|divorcio|divorciando|divorciamos|divorciad*|separation|separated|separacion|" +
		"exesposo|exesposa|exmarido; my|mi ex; ex husband|wife; proceso de divorcio"},
	{0.8, "foreclosure", "foreclos*|repossess*|remate|reposesion; notice of default|sale; default notice; trustee|sheriff sale; " +
		"ejecucion hipotecaria; embargo ..2 casa"},
	{0.8, "bankruptcy", "bankrupt*|bancarrota|quiebra|insolvencia; chapter 7|11|13; trustee approval; " +
		"(concurso de acreedores|concurso mercantil)"},
	{0.75, "violation and fines", "violation*|violated|violating|violates|violate|violacion*|infraccion*|fined|fining|fines|" +
		"penalty|penalties|unpermitted|multa|multas|multo|multaron|multan|multarme|multarnos|multad*|clausurad*|condemned; without ?a permit|permits; " +
		"never|not ?been|was|were|got|properly ..1 permitted|approved|inspected|finaled; no permit; open permits; " +
		"certificate of occupancy; sin permiso|permisos|licencia; # fine; a fine of"},
	{0.75, "nondisclosure", "nondisclos*|concealed|ocult*; (never disclosed|did not disclose|failed to disclose|hid the|" +
		"no nos dijeron|no nos informaron|covered up|cover up|lied about|mintio sobre|mintieron sobre); " +
		// Known and kept quiet: "the seller knew about the leaks and hid them".
		"knew|sabia|sabian ..8 hid|hidden|concealed|covered|lied|escondio|escondieron|oculto|ocultaron|mintio|mintieron; " +
		"knew|sabia|sabian ..8 (never told|did not tell|did not disclose|never said|no dijo|no dijeron|nunca dijo|nunca dijeron)"},
	{0.75, "contract dispute", "enforce|enforcing ..3 contract|agreement; hacer cumplir ..2 contrato; breach*|defaulted|incumpl*|fraud|fraudulent|fraude|dispute|disputes|disputing|disputed|disputa|disputas; " +
		"default on; in default; refus* to close; keep ?our|my|the earnest money; earnest money dispute; specific performance; " +
		"se echo para atras; is it|that legal; es legal; fighting|pelean|peleando over|por ?the|la house|casa"},
	{0.45, "refuses to sign", "(will not|refuses to|refused to|refusing to|no quiere|no quieren|se niega a|se niegan a) sign|agree|" +
		"cooperate|respond|refinance|communicate|move|remove|firmar|mover|quitar|quitarla|moverla; se niega a"},
	{0.5, "trustee", "trustee|trustees|fideicomiso; title insurance claim; claim on|against the property|title|house"},
	{0.45, "lawyer", "lawyer|lawyers|attorney|attorneys|counsel|abogado|abogada|abogados"},
	{0.8, "lawyer involved", "lawyer|attorney|abogado|abogada|notario|notaria ..3 wants|want|says|said|told|advised|review*|revisar|dice|dijo|quiere|sent|" +
		"filed|called|thinks|needs|need|has|have|look|looking|check|checking|read|reading|approve*|flagged|found|revis*|" +
		"tiene|necesita|recomienda|aconseja|aconsejo|encontro|mando|envio; lawyer|attorney|abogado|abogada ..3 recomienda que"},
	// A neighbour's claim to part of the land, whoever's side it is said to be on: "the
	// neighbor says part of our driveway is on his land", "dice que la cerca está metida en su
	// terreno"; and a survey that disagrees.
	{0.75, "land claimed", "neighbor|neighbors|neighbour|neighbours|vecino|vecinos|vecina ..3 says|said|claims|claimed|insists|" +
		"thinks|dice|dijo|alega|reclama|asegura|insiste ..8 on|onto|in|into|en|dentro|metida|metido|invade|invading ..2 " +
		"our|my|his|her|their|nuestro|nuestra|mi|su|sus ..1 land|lot|property|side|yard|terreno|lote|propiedad|lado|patio; " +
		"survey|deslinde|plano|planos|agrimensor|levantamiento|escritura|escrituras ..4 (says otherwise|dice otra cosa|disagrees|" +
		"shows otherwise|does not match|no coincide|no concuerda|dicen otra cosa)"},
	{0.75, "encroachment", "neighbor|neighbors|neighbour|neighbours|vecino|vecinos|vecina ..6 fence|shed|wall|deck|driveway|" +
		"garage|structure|addition|pool|cerca|barda|pared|reja|construccion|bodega|cochera ..4 on|onto|over|into|across|en|dentro " +
		"..3 our|my|nuestro|nuestra|mi ..1 side|property|lot|land|yard|terreno|lote|propiedad|patio"},
	{0.75, "title problem", "title|titulo|escritura|escrituras ?search|report|commitment|company|estudio ..5 problem|problems|" +
		"issue|issues|defect|defects|cloud|flag|flagged|exception|exceptions|problema|problemas|defecto|defectos; " +
		// A title insurer that will not insure until something is cleared.
		"title|titulo ..2 company|insurer|insurance|compania|aseguradora ..3 (will not|would not|refuses to|refused to|can not|" +
		"no quiere|no quieren|se niega a|no puede|no va a) ..1 insure|insuring|cover|close|asegurar|cubrir|cerrar"},
	{0.75, "earnest money dispute", "(will not|refuses to|refused to|refusing to|no quiere|no quieren|se niega a|se niegan a) " +
		"return|refund|release|give|devolver|regresar|devolvernos|regresarnos ..3 earnest|deposit|money|deposito|dinero|enganche"},
	{0.7, "heirs disagree", "brother|brothers|sister|sisters|siblings|ex|cousin|cousins|coowner|coowners|heirs|hermano|" +
		"hermanos|hermana|hermanas|primo|primos|exesposo|exesposa|herederos ..6 (can not agree|do not agree|will not agree|" +
		"disagree|no nos ponemos de acuerdo|no se ponen de acuerdo|no estamos de acuerdo|wants to keep|quiere quedarse|" +
		"will not sell|no quiere vender|refuses to sell|se niega a vender)"},
	{0.75, "deed in another name", "title|deed|escritura|escrituras|titulo ..2 still|todavia|aun|sigue ..5 name|nombre; " +
		// A late spouse's or parent's name, or paperwork never done after a death.
		"name|names|nombre ..4 (late husband|late wife|late mother|late father|late mom|late dad|late spouse|difunto|difunta|" +
		"finado|finada); (never did|never done|nunca hicimos|no hicimos) ..3 paperwork|papeleo|tramites|probate|sucesion; " +
		"escritura|escrituras|titulo|deed|title ..4 (a nombre de|todavia esta|sigue a|no esta a|" +
		"no estan a|still in|still under|in the name of|in her name|in his name|in their name)"},
	{0.8, "eviction", "evict*|desalojo|desaloj*|desahuci*|squatter*|okupa*|paracaidista*; refuses|refuse|refusing to leave|move; " +
		"will not leave; no se quiere|quieren ir|salir"},
	{0.7, "guardianship", "guardianship|conservator*|tutela|adeudo|adeudos; (power of attorney|poder notarial|back taxes|" +
		"delinquent taxes|unpaid taxes|tax debt|predial atrasado|impuestos atrasados); tax lien|sale; " +
		"taxes|tax|impuestos|predial ..4 delinquent|unpaid|overdue|atrasados|atrasado|vencidos; " +
		"taxes|tax|impuestos|predial ..4 (past due|sin pagar)"},
	{0.8, "served", "(served papers|got served|been served|were served|was served|served with|nos demandaron|nos notificaron|" +
		"me notificaron|summons|citatorio|emplazamiento)"},
	{0.3, "tenants", "tenant|tenants|renter|renters|inquilino*|lease|leased|arrendamiento"},
	{0.3, "short sale", "short sale; underwater"},
	{0.2, "hoa", "hoa"},
}

// complexityCues make a transaction complex without being legal (1031, relocation).
var complexityCues = []lexEntry{
	{0.25, "1031 exchange", "1031"},
	{0.25, "co-owners", "co owner|owners; joint owners; co owned; (both own|own it together|ambos somos duenos|somos duenos los dos)"},
	{0.25, "trust", "living|family trust"},
	{0.25, "relocation", "relocation|relocating"},
	{0.25, "contingency", "contingent|contingency; sell first; bridge loan"},
	{0.25, "repairs", "foundation|mold|asbestos|structural"},
}

// resolvedCues: the customer says a problem is settled.
// Read in the round that opened fresh6: counsel writing for a party, a share of an inheritance
// held with others and a sale that needs every signature, a party that did not pay by the
// agreed date ("¿se cae el contrato?"), and building work the authorities want torn down.
var legalCues6 = []lexEntry{
	{0.8, "counsel for a party", "(lawyer here|attorney here|counsel here|i am the attorney|i am the lawyer|as counsel for|" +
		"i represent|we represent|soy el abogado|soy la abogada|represento a|en representacion de|on behalf of my client|" +
		"on behalf of our client|en nombre de mi cliente); direct|send|route ..2 communication|communications|correspondence|" +
		"inquiries ..1 through|to ..2 office|counsel|attorney|lawyer|despacho"},
	{0.8, "estate", "left|dejo|heredamos|herede|heredo|inherited ..6 share|shares|part|portion|stake|parte|porcentaje|interest ..6 " +
		"with|among|con|entre ..3 other|otros|otras|relatives|heirs|siblings|cousins|familiares|hermanos|primos"},
	{0.7, "co-owners' consent", "without|sin ..2 everyone|everybody|all|todos|todas ..3 signing|sign|signature|signatures|consent|" +
		"agreeing|firmen|firme|firma|firmas|consentimiento"},
	{0.8, "contract breach", "no pago|pagaron|cumplio|cumplieron|incumplio|incumplieron ..6 fecha|plazo|pactad*|acordad*|contrato|promesa; " +
		"se cae|cayo|caeria|cancela|rescinde|anula el|la contrato|promesa|escritura|compraventa; (void the contract|is the contract void)"},
	{0.75, "violation and fines", "construccion|obra|ampliacion|edificacion|construcciones|obras ..2 irregular|irregulares|ilegal|" +
		"clandestina|no autorizada|sin permiso|sin licencia; orden|ordenes de demolicion; quiere|quieren|ordena|ordenan|ordeno|" +
		"exige|exigen ..3 demuela|demoler|demolerla|demolamos|demolemos|demuelan|derribar|tumbar|tumbe; wants|want|ordered|orders|making|make ..2 me|us ..1 " +
		"tear|demolish|remove"},
}

var resolvedCues = []lexEntry{
	{0.8, "settled", "all good|set|sorted; sorted now; that works|worked|helps|helped|answers; works now; fixed|solved|resolved|sorted it; " +
		"(fixed now|problem solved|helped a lot|very helpful|resuelto|todo bien|listo gracias|perfecto gracias|ya me aclaraste); " +
		"ya quedo|esta|funciona|cargaron|cargo|resolvio; ya se resolvio; (me lo|lo) aclaraste|aclaro|aclararon"},
	{0.4, "thanks", "thanks|thank|gracias"},
	// The customer's own slip, owned: "nvm it was my wifi lol", "my bad".
	{0.8, "own slip", "(never mind|my bad|my fault|my mistake|user error|mi culpa|mi error|fue mi culpa|it was my|era mi|fue mi)"},
}

// relievedCues: the customer says a worry is gone.
var relievedCues = []lexEntry{
	{0.85, "relieved", "relieved|relief|aliviad*|alivio; (feel a lot better|no longer worried|not worried anymore|me siento mejor|" +
		"me quedo tranquila|me quedo tranquilo|that is a relief|what a relief|que alivio|peace of mind); feel ?much|so|way better; " +
		"mas|muy tranquil*; (all good now|ya estoy bien|ya estamos bien|estoy bien ahora); phew|whew; (menos mal|que alivio); " +
		// A fright that turned out to be nothing: "turns out it's the 5th not the 1st. crisis averted".
		"(crisis averted|false alarm|falsa alarma|panic over|all clear|susto nada mas|solo fue un susto); " +
		// The hardship itself is over: "perdí el trabajo el año pasado pero ya tengo uno nuevo".
		"(have a new job|my new job|mi nuevo trabajo|mi trabajo nuevo|landed a new job|found a new job|" +
		"tengo un nuevo trabajo|tengo nuevo trabajo|consegui un nuevo trabajo|" +
		"found a job|found work|got a job|got a new job|back to work|back at work|working again|" +
		"consegui trabajo|consegui otro trabajo|encontre trabajo|encontre otro trabajo|ya tengo trabajo|ya tengo uno nuevo|" +
		"volvi a trabajar)"},
}

// Read in the round that opened fresh7: a foreclosure auction ("rematan la casa"), the county
// or the bank about to take a home for back taxes, a survey or deed that disagree, and
// Medicaid's look-back. (An old mortgage paid but still on record was tried and left out: the
// neutralizer for a lien paid off takes back the cue and, with it, the classifier, which
// read such a line on its own.)
var legalCues7 = []lexEntry{
	{0.85, "foreclosure auction", "(goes to auction|going to auction|go to auction|sent to auction|scheduled for auction|set for auction|" +
		"auction date|sheriff sale|sheriffs sale|trustee sale|rematan|rematar|remate|van a subastar|la subastan|sale a subasta)"},
	{0.8, "home taken for debt", "(county|city|state|government|municipio|gobierno|bank|banco|irs|hacienda) ..3 take|seize|quitar|quitarnos|" +
		"quitarle|embargar ..3 house|home|casa|property|propiedad; (tax lien|tax sale|tax deed|back taxes|behind on property taxes|" +
		"impuestos atrasados|predial atrasado)"},
	{0.8, "survey or deed disagree", "survey|deed|escritura|escrituras|medicion|plano|catastro ..6 different|differ|discrepancy|" +
		"discrepancies|mismatch|distinto|distinta|distintos|distintas|diferente|diferentes; survey|deed|escritura|escrituras|" +
		"medicion|plano|catastro ..6 (no coincide|no coinciden|do not match|does not match|no concuerda|no concuerdan); medidas|metros|dimensions|measurements|superficie|lot ..2 (no coincide|" +
		"no coinciden|do not match|does not match|no concuerdan|are different|son distintas|son diferentes)"},
	{0.8, "medicaid look-back", "(medicaid|look back period|lookback period|lookback|estate recovery)"},
}

// Read in the round that opened the training sets (train-a to train-g): a seller who kept
// something back ("the disclosure said nothing about the lawsuit"), the customer's own counsel
// copied or reviewing ("my solicitor has asked to review every document"), anything judicial
// ("cobro judicial", "rectificación judicial"), a deal a party backs out of after signing ("se
// quiere echar atrás ya firmado el boleto"), a builder past the contract's date and the deposit
// wanted back, relatives or a neighbour who say part of the property is theirs ("dicen que
// también es suya"), a home in the name of someone dead or unable to sign ("no sé si puedo
// firmar por él"), a home seized for a debt ("nos van a embargar la casa", "el banco remató"),
// an officer at the door ("el alguacil me dejó un papel"), the law of land use (eminent domain,
// a deed restriction, ejido land with no deed), a lender's or a regulator's
// claim on the property (a UCC filing, a due-on-sale letter, an EPA matter), a boundary the
// plans disagree on ("tienen 2 metros de diferencia", "part of it was deeded to the
// neighbor") and fines the city threatens ("me van a multar").
var legalCues8 = []lexEntry{
	{0.8, "nondisclosure", "seller|sellers|owner|owners|disclosure|disclosures|vendedor|vendedora|vendedores|dueno|duena|" +
		"propietario|propietaria ..3 (said nothing about|says nothing about|never mentioned|did not mention|failed to mention|" +
		"no dijo nada de|no dijo nada sobre|no decia nada de|no dice nada de|no menciono|no nos menciono|nunca menciono|" +
		"nunca nos menciono|no nos dijo nada de|no nos dijo nada sobre)"},
	{0.8, "counsel reviewing", "lawyer|lawyers|attorney|attorneys|solicitor|solicitors|counsel|abogado|abogada|abogados|" +
		"escribano|escribana|notario|notaria ..4 (cc d|ccd|cc|copied|in copy|en copia|copiado|copiada|asked to review|" +
		"wants to review|will review|review every|review everything|revisar todo|revise todo|revisar cada); " +
		"solicitor|solicitors ..3 wants|asked|says|said|advised|review*|told|needs; " +
		"escribano|escribana|notario|notaria|notary ..2 (no quiere firmar|will not sign|refuses to sign|se niega a firmar|" +
		"no puede escriturar|dice que hay que|says we need|says we have to)"},
	{0.8, "judicial", "judicial|judicialmente|judiciales"},
	{0.8, "deal broken after signing", "signed|signing|firmo|firmaron|firmado|firmar|firmamos ..8 (back out|backing out|backed out|" +
		"pull out|pulled out|echar atras|echarse atras|echar para atras|echarse para atras|se echo atras|se echaron atras|" +
		"se echo para atras|se echaron para atras|se retracto|se retractaron|changed their mind|changed his mind|" +
		"changed her mind|cambio de opinion); " +
		"(back out|backing out|backed out|pull out|pulled out|echar atras|echarse atras|se echo atras|se echaron atras|" +
		"se echo para atras|se echaron para atras|se echaron para atras|se retracto|se retractaron) ..6 after|despues|cuando|" +
		"once ..4 signing|signed|firmar|firmado|firmada|firmaron|firmo|contract|contrato|boleto|promesa|plazo|vencido"},
	{0.45, "contract terms", "contract|contrato|contractual ..6 completion|deadline|entrega|entregar|plazo; contract|contrato ..6 " +
		"(closing date|fecha de entrega); completion|complete|entregar|entrega|deliver|finish|terminar ..6 contract|contrato"},
	{0.45, "deposit back", "(get the deposit back|get our deposit back|get my deposit back|get our earnest money back|" +
		"recuperar el anticipo|recuperar la sena|recuperar las arras|recuperar el deposito|derecho a quedarme con|" +
		"derecho a quedarnos con|quedarme con las arras|quedarnos con las arras|quedarme con la sena|quedarnos con la sena); " +
		"rescind|rescindir|rescindirlo|rescission|rescision"},
	{0.8, "share claimed", "says|say|said|dice|dicen|dijo|dijeron|claims|claim|claiming|insists|insist|reclama|reclaman|alega|" +
		"alegan ..8 (is his|are his|is hers|are hers|is theirs|are theirs|es suya|es suyo|son suyos|son suyas|es de el|" +
		"es de ella|le corresponde|les corresponde); says|say|said|dice|dicen|dijo|dijeron|claims|claim|claiming|insists|" +
		"insist|reclama|reclaman|alega|alegan ..8 (has the right|have the right|tiene el derecho|tienen el derecho|" +
		"have right|has right|have a right|has a right|have rights|tienen derecho|tiene derecho) ..3 part|half|share|portion|" +
		"house|home|land|lot|property|build|use|cross|parte|mitad|casa|terreno|propiedad|lote|herencia|construir|usar|pasar"},
	{0.8, "estate", "herede|heredar|heredera|herederas; (without will|without leaving a will|sin dejar testamento)"},
	{0.45, "refuses to sign", "(does not want to|do not want to|did not want to|would not) sign|cooperate"},
	{0.45, "co-owned", "(in both names|in both our names|in both of our names|a nombre de los dos|a nombre de ambos)"},
	{0.8, "signing for another", "(firmar por el|firmar por ella|firmar en su nombre|sign for him|sign for her|" +
		"sign on his behalf|sign on her behalf|sign in his place|sign in her place); interdiccion|curatela|incapacitacion; " +
		"incapacidad ..2 legal|judicial; poder general|notarial; (solo a su nombre|solamente a su nombre|only in his name|" +
		"only in her name|solely in his name|solely in her name|solo a nombre de el|solo a nombre de ella)"},
	{0.8, "seizure for debt", "embargar|embargaron|embargan|embargaran|embargara|embargado|embargada|embargados|remato|" +
		"remataron|rematado|rematada"},
	{0.8, "eviction notice", "alguacil|alguaciles|constable; (city marshal|county marshal); sheriff ..4 notice|papel|posted|" +
		"taped|left|came|knocked"},
	{0.8, "land use", "(eminent domain|expropiacion|expropiar|expropiaron|expropiada|expropiado|road widening|" +
		"deed restriction|deed restrictions|restrictive covenant|restrictive covenants|ejidal|ejido|tierra ejidal); " +
		"(no tiene escrituras|no tiene escritura|no tienen escrituras|no tiene titulo de propiedad)"},
	{0.8, "claim on the property", "(ucc filing|ucc lien|ucc 1|fixture filing|acceleration letter|acceleration clause|" +
		"due on sale|enforcement matter|enforcement action|environmental liability|superfund|legal exposure|" +
		"what is my exposure|what is our exposure|understand liability|personal liability|responsabilidad legal|" +
		"responsabilidad civil|held liable|be liable|liable for|are we liable|am i liable|is he liable|is she liable)"},
	{0.75, "land claimed", "on|onto ?the neighbor|neighbors|neighbour|neighbours ..1 land|lot|property|yard|side; " +
		"en|sobre el|la terreno|lote|propiedad|patio del|de ?la vecino|vecina; " +
		"on|en|onto|into|dentro ..2 (terreno fiscal|terreno federal|zona federal|terreno publico|terreno municipal|" +
		"terreno ajeno|public land|city land|state land|county land|federal land); " +
		"deeded|sold|transferred|cedido|cedida|escriturado|escriturada ..3 to|al|a ?the|la neighbor|neighbors|vecino|vecina; " +
		"moved|movio|movieron|quito|quitaron|pulled|removed ..3 survey|stakes|markers|pins|mojones|estacas|hitos; " +
		"deslinde|linderos|lindero|boundary ..4 (no esta claro|no estan claros|unclear|not clear|en disputa|in dispute); " +
		"(lot line|property line) ..4 (unclear|not clear|in dispute); two|dos|multiple|several ..2 owners|duenos|propietarios ..4 claim*|reclam*"},
	{0.75, "survey or deed disagree", "plano|planos|medicion|mensura|escritura|survey|deed|catastro|deslinde ..8 # metros|" +
		"meters|feet|pies|m2|metro|pie ..2 diferencia|difference; escritura|deed|plano|catastro ..2 dice|says|" +
		"shows|dicen ..2 # ..6 medicion|mensura|survey|plano|catastro|measurement ..3 dice|says|shows ..2 #; " +
		"escritura|escrituras|deed ..4 error|errores|mistake|wrong ..3 metros|medidas|superficie|linderos|measurements|" +
		"boundaries|lot; catastro|registro|mensura|medicion ..4 (dice otra cosa|says something else|dicen otra cosa|" +
		"says otherwise|shows otherwise)"},
	{0.75, "violation and fines", "multar|multara|multaran|multarian|multando"},
	{0.75, "written promise broken", "(promised in writing|promised us in writing|promised me in writing|prometio por escrito|" +
		"prometieron por escrito|nos prometio por escrito|nos prometieron por escrito)"},
}

// legalNeutral8: what takes those cues, or older ones, back. A foreclosure or a bankruptcy
// long past, with credit rebuilt ("we went through a foreclosure back in 2012"); a home that
// "would bankrupt me lol"; wire fraud, a risk of payment, not of title; the penalty for
// breaking a lease; a loan not yet pre-approved; a survey that found no encroachment; a
// lawyer's minor edits; a dispute that "got settled"; a seizure lifted ("se alzó en 2019");
// an estate already closed ("la sucesión ya está cerrada"); the customer's own past eviction;
// a utility line's easement; a buyer walking away on the inspection.
var legalNeutral8 = []neutralizer{
	{trigLegal, scopeOverlap, "foreclos*|remate|bankrupt*|bancarrota|quiebra ..4 (back in|years ago|long ago|anos atras|" +
		"hace anos|hace mucho|hace tiempo); (back in|long ago) ..6 foreclos*|remate|bankrupt*|quiebra|bancarrota; " +
		"hace # anos|ano ..6 foreclos*|remate|bankrupt*|quiebra|bancarrota; had|went|through|tuvimos|perdimos ..3 " +
		"foreclos*|bankrupt*|remate|quiebra|bancarrota ..2 in|en #", ""},
	{trigLegal, scopeOverlap, "(would bankrupt|could bankrupt|will bankrupt|gonna bankrupt) me|us; (me dejaria|nos dejaria|me dejara|" +
		"nos dejara|me deja|nos deja|me dejaria en|nos dejaria en) ?en ?la quiebra|bancarrota", ""},
	{trigLegal, scopeOverlap, "wire|wiring|email|phishing|scam ..2 fraud|fraude; fraud|fraudulent|fraude ..1 email|emails|" +
		"mail|correo|text|call|link|llamada", ""},
	{trigLegal, scopeOverlap, "(is there a|is there any|what is the|what are the|hay alguna|hay) penalty|penalties|" +
		"penalizacion|multa; early termination penalty|fee", "violation and fines"},
	{trigLegal, scopeOverlap, "not|never|no ..2 pre approved|preapproved|preaprobado|preaprobada; not|never ..2 approved ?yet for", ""},
	{trigLegal, scopeOverlap, "no|zero|ningun|ninguna|sin encroach*|lien|liens|violations|gravamen|gravamenes|invasion", ""},
	{trigLegal, scopeMessage, "(typos mostly|just typos|only typos|minor edits|minor changes|small edits|small changes|" +
		"look fine to me|looks fine to me|cambios menores)", "lawyer involved|lawyer|counsel reviewing"},
	{trigLegal, scopeMessage, "(got settled|got resolved|got sorted|se arreglo|se soluciono|quedo resuelto|quedo resuelta|" +
		"todo saldado|ya esta saldado|se alzo|se alzaron|lo alzaron|la alzaron|fue alzado|fue alzada)", ""},
	{trigLegal, scopeMessage, "sucesion|probate|herencia|estate ..3 (ya esta cerrada|ya esta cerrado|ya esta terminada|" +
		"ya termino|ya se cerro|is closed|is settled); abogado|abogada|lawyer|attorney ..2 (termino todo|finished everything|" +
		"wrapped everything up|took care of everything)", "estate|lawyer|lawyer involved"},
	{trigLegal, scopeOverlap, "evicted|desalojaron|corrieron ..3 from|de ?my|our|mi|nuestro|the|el last|previous|old|" +
		"anterior|ultimo|last", ""},
	{trigLegal, scopeOverlap, "utility|utilities|water|sewer|power|electric|gas|drainage ?line|lines easement", ""},
	{trigLegal, scopeClause, "inspection|inspeccion ..8 walked|backed|pulled away|out", "deal broken|deal broken after signing"},
	// The courts as an employer: "trabajo en el poder judicial, ¿qué crédito me dan?"
	{trigLegal, scopeOverlap, "(poder judicial|organo judicial|rama judicial)", ""},
	// Whether a lien is there, asked before an offer, is diligence: "¿tiene algún gravamen?"
	{trigLegal, scopeOverlap, "(tiene algun|tiene algunos|hay algun|hay algunos|has any|have any|are there any|is there any) " +
		"gravamen|gravamenes|lien|liens|embargo", ""},
}

// Read in the round that opened fresh8: a building over a setback, its removal ordered ("the
// garage is 3 feet over the setback line and the county wants it removed"); a line or
// easement pushed across one's land ("the utility wants to run a new line across our
// backyard"); a lease broken over repairs ("can a lease be broken if the landlord hasn't made
// repairs?"); a signature forged or a loan taken behind one's back ("he forged my signature");
// an ex still on the deed who will not sign ("he never signed the quitclaim").
var legalCues9 = []lexEntry{
	{0.85, "setback", "over|into|violat*|encroach*|across the|a|our ?front|side|rear setback|setbacks; " +
		"county|city|town|municipio|municipalidad|ayuntamiento ..2 wants|quiere|ordered|ordena|exige ..3 removed|torn|demolished|" +
		"demoler|demolamos|quitar|retirar; invade|invaden|invadimos|invadiendo ..2 retiro|retiros|servidumbre|lindero|terreno"},
	{0.8, "easement imposed", "utility|utilities|power|electric|gas|water|company|city|county|compania|empresa|municipio ..3 " +
		"run|put|lay|install|build|instalar|tender|construir ..4 across|through|over|por|atraves ?our|my|the|nuestro|nuestra|" +
		"mi ..1 yard|backyard|property|land|lot|terreno|patio|propiedad|jardin"},
	{0.85, "lease broken over repairs", "lease|leases|contract|contrato|arriendo|alquiler ..3 broken|break|terminated|" +
		"romper|rescindir|terminar ..3 if|because|since|si|porque ..3 landlord|owner|casero|dueno|duena|arrendador|propietario; " +
		"withhold|withholding|retener|retengo ..2 rent|renta|alquiler|arriendo"},
	{0.85, "forgery", "forged|forge|forging|forgery|falsifico|falsificaron|falsificada|falsificado|falsificacion ..2 " +
		"signature|signatures|firma|firmas|name|nombre|deed|escritura; " +
		"mortgage|loan|hipoteca|prestamo|credito|lien ..4 (without telling me|without my knowledge|without my consent|" +
		"without my signature|sin decirme|sin mi consentimiento|sin mi firma|sin que yo supiera)"},
	{0.8, "ex still on title", "ex|exs|husband|wife|exesposo|exesposa|exmarido|exmujer ..3 name|nombre ..2 still|sigue|todavia " +
		"on|en ?the|la deed|title|escritura; (never|will not|refuses to|refused to|refuse to|se niega a|se nego a|no quiere) ..1 sign|" +
		"signed|firmar|firmo ..2 quitclaim|deed|escritura"},
}

// legalNeutral9: what takes those cues, or older ones, back.
var legalNeutral9 = []neutralizer{}

// Read in the round that opened fresh9: an ex still on the title or deed, said without "name"
// ("my ex is still on the title even though the divorce was final").
var legalCues10 = []lexEntry{
	{0.8, "ex still on title", "ex|exs|exhusband|exwife|exesposo|exesposa|exmarido|exmujer ?is|sigue|esta ..1 still|todavia|aun " +
		"on|en ?the|la deed|title|escritura|mortgage|hipoteca"},
}

// legalNeutral10: a property said to be free of liens ("libre de gravamen", "free and clear",
// "lien free") names the liens it does not have.
var legalNeutral10 = []neutralizer{
	{trigLegal, scopeOverlap, "(libre de|libres de|limpia de|limpio de) ?todo gravamen|gravamenes|cargas|embargos|deudas; " +
		"(free and clear|free of liens|free of encumbrances|clear of liens|clear of all liens|free and clear of liens|" +
		"free and clear of all liens|no liens|lien free|without liens|sin gravamen|sin gravamenes)", "lien"},
}

// Read in the round that opened fresh10: an association banning rentals over a signed lease,
// a claim pursued against a party ("we want to go after them for it"), heirs fighting over a
// house ("mis tíos se pelean por quién se queda con qué"), and a builder gone bankrupt before
// delivering ("la constructora quebró antes de entregarnos el departamento").
var legalCues11 = []lexEntry{
	{0.85, "rental ban", "hoa|association|board|condo|asociacion|junta|comunidad ..5 (banning rentals|ban rentals|banned rentals|" +
		"rental ban|prohibits rentals|prohibiting rentals|prohibited rentals|no rentals|prohibe rentar|prohibio rentar|" +
		"prohibe alquilar|prohibio alquilar|prohibe los alquileres|prohibio los alquileres)"},
	{0.8, "a claim pursued", "(go after|going after|sue|suing|demandar|demandarlos|ir contra) ..2 (them|him|her|" +
		"the seller|the sellers|the buyer|the contractor|el vendedor|los vendedores|ellos) ..3 for|por ..2 it|this|that|eso|" +
		"damages|danos|money|dinero"},
	{0.85, "heirs in dispute", "(mis tios|mis hermanos|los herederos|mis primos|la familia|my siblings|my uncles|my aunts|" +
		"the heirs|my brothers|my sisters|my cousins) ..3 (se pelean|pelean|peleando|disputan|fighting|arguing|disputing|" +
		"fight|argue) ..3 over|about|por|quien|who"},
	{0.85, "builder bankrupt", "constructora|desarrolladora|inmobiliaria|builder|developer|contractor ..2 (quebro|quebrada|" +
		"quiebra|bankrupt|bankruptcy|insolvent|went under|went out of business)"},
}

// Read in the round that opened fresh11: a complaint filed against the customer ("la
// comunidad nos ha denunciado"), Spain's personal insolvency ("la ley de segunda
// oportunidad"), and the court papers an estate waits for ("letters of administration").
var legalCues12 = []lexEntry{
	{0.85, "litigation", "nos|me ?han|ha|habian denunciado|denuncio|denunciaron|denunciaran; " +
		"(nos van a|me van a|nos quieren|me quieren) denunciar"},
	{0.85, "bankruptcy", "(ley de segunda oportunidad|concurso de acreedores|concurso personal|me exoneraron las deudas|" +
		"nos exoneraron las deudas|exoneracion de deudas)"},
	{0.85, "estate", "(letters of administration|letters testamentary|letter of administration|estate attorney|" +
		"estate lawyer|declaratoria de herederos|albacea|juicio sucesorio)"},
}

// Read in the round that opened fresh12: a right of first refusal, an old mortgage never
// cancelled in the registry ("una hipoteca de 1998 que nunca se canceló en el registro"), an
// encumbrance on the registry ("una carga en el Registro"), and a late partner's family
// claiming the home ("sus hermanos dicen que tengo que irme").
var legalCues13 = []lexEntry{
	{0.85, "right of first refusal", "(right of first refusal|derecho de tanteo|derecho de retracto|derecho de preferencia)"},
	{0.85, "title defect", "hipoteca|lien|mortgage|gravamen|embargo ..6 (nunca se cancelo|no se ha cancelado|nunca se levanto|" +
		"never released|never removed|was never released|still shows on the title|sigue en el registro|sigue apareciendo); " +
		"(carga en el registro|carga registral|cargas registrales|anotacion de embargo|anotacion preventiva)"},
	{0.85, "heirs in dispute", "(sus hermanos|sus hijos|su familia|his family|her family|his siblings|her siblings|" +
		"his kids|her kids) ..3 (dicen que|say|want|quieren|claim|reclaman) ..3 (tengo que irme|me vaya|irme|move out|" +
		"get out|leave the house|sacarme|the house|la casa)"},
}

// Read in the round that opened fresh13: a landlord locking a tenant out, personal
// insolvency proceedings as Chile and Colombia name them, and a home being auctioned off
// ("nos están rematando la casa").
var legalCues14 = []lexEntry{
	// Changing the locks is routine for a new owner; on a tenant, or without notice, it is not.
	{0.85, "illegal eviction", "landlord|owner|casero|casera|dueno|duena|arrendador|manager ..6 lock|locked|locking|" +
		"dejo|dejaron ..2 me|us|nos ..1 out|afuera|fuera; landlord|owner|casero|casera|dueno|duena|arrendador|manager ..6 " +
		"changed|changing|cambio|cambiaron the|la|las locks|cerradura|cerraduras|chapa ..4 (on me|on us|while i|while we|" +
		"without notice|without telling|without warning|sin avisar|sin aviso|mientras); " +
		"(illegal eviction|illegal lockout|desalojo ilegal|desalojo sin orden|lock me out illegally|locking me out illegally|" +
		"evict me illegally|evicting me illegally|echarme ilegalmente|sacarme ilegalmente)"},
	{0.85, "bankruptcy", "(liquidacion personal|liquidacion de deudas|liquidacion patrimonial|reorganizacion de deudas|" +
		"insolvencia personal|insolvencia de persona natural)"},
	{0.85, "foreclosure", "(nos estan rematando|me estan rematando|nos van a rematar|me van a rematar|van a rematar la casa|" +
		"van a rematar mi casa|van a rematar nuestra casa|rematar mi casa|rematar nuestra casa|remate judicial|" +
		"subasta judicial|van a subastar la casa|van a subastar mi casa|la van a subastar|la van a rematar)"},
}

// legalNeutral14: the customer's own trade ("I'm a divorce attorney myself").
var legalNeutral14 = []neutralizer{
	{trigLegal, scopeClause, "(i am|im|i work as|soy|trabajo como) ?a|an|un|una ..1 attorney|lawyer|abogado|abogada|paralegal " +
		"myself|too|tambien|ha|haha|lol", ""},
}

// Read in the round that opened fresh14: a deed whose legal description is wrong, and a
// landlord who comes in without notice or asks whether one may.
var legalCues15 = []lexEntry{
	{0.8, "deed error", "(legal description|descripcion legal) ..4 wrong|error|incorrect|mistake|equivocad*|incorrect*|erroneous; " +
		"wrong|incorrect|erroneous|bad (legal description)"},
	{0.8, "tenant rights", "landlord|casero|casera|arrendador|arrendadora|manager ..6 come|comes|came|coming|enter|enters|" +
		"entered|entering|walk|walks|walked|entra|entro|entrar|entrando|mete|metio ..8 without|sin ..2 notice|permission|asking|" +
		"telling|warning|aviso|avisar|permiso|consent|consentimiento; is|are ?my|the|our landlord|hoa ..1 allowed|permitted to"},
}

// Read in the round that opened fresh15: a structure the city demands be removed, and who is
// liable.
var legalCues16 = []lexEntry{
	{0.85, "setback", "county|city|town|hoa|municipio|municipalidad|ayuntamiento ..2 demanding|demands|demanded|requiring|" +
		"requires|exigiendo|exigio|exige ..3 removed|remove|torn|demolished|demoler|quitar|retirar"},
	{0.75, "liability", "(who is liable|whos liable|am i liable|are we liable|is he liable|is she liable|are they liable|" +
		"is the seller liable|is the landlord liable|legally liable|legally responsible|responsable legalmente|" +
		"responsabilidad legal)"},
}

// legalNeutral16: a landlord's or an owner's representative ("I represent Greystone Holdings
// LLC") speaks for a company, not as its counsel.
var legalNeutral16 = []neutralizer{
	{trigLegal, scopeOverlap, "i|we represent ..4 llc|inc|holdings|company|properties|group|corp|corporation|partners|" +
		"investors|family|owners|ownership", "counsel for a party"},
}
