package decision

// distressCues: distress from life circumstances: money, work, health, loss, fear of losing the home.
var distressCues = []lexEntry{
	{0.85, "job loss", "lost|lose|losing ?my|our|his|her|the|a job|jobs|income|work; (laid off|out of work|pay cut|got fired|been fired); " +
		"layoff|layoffs|furlough*|unemploy*|jobless; hours ..2 cut; cut|reduced|recortaron ..2 my|our|mis|nuestras hours|horas; perdi|perdimos|perdio ?mi|su|el|nuestro trabajo|empleo|chamba; " +
		"sin trabajo|empleo; desemplead*; me despidieron|corrieron; me quede sin trabajo; (went out of business|business failed|" +
		"business closed|company closed|lost the business|lost our business|cerro la empresa|cerraron la empresa|" +
		"quebro el negocio|perdimos el negocio|forced to retire)"},
	{0.85, "can't pay", "(can not|could not|unable to|no longer) ?afford|pay|make|cover|keep ..3 mortgage|mortgages|payment|payments|" +
		"bills|note|rent|hipoteca; (can not|no longer) afford ..3 anymore|alone|myself|ourselves|income; " +
		"behind|late on|with ..2 mortgage|payment|payments|rent|bills; missed|missing ..3 payment|payments|mortgage; " +
		"mortgage|payment|payments|rent|hipoteca|renta ..1 is|are|was|esta|va late|behind|overdue|atrasad*; " +
		"savings ..2 gone|wiped|depleted|drained|spent; wiped out ..2 savings; medical|hospital bills; " +
		"{PAY}|debt|debts ..2 piling|pile|mounting|crushing|acumulando|acumulan; {PAY}|notices ..2 keep|keeps coming|llegando; falling|fell|fall behind; head above water; paycheck to paycheck; " +
		"(barely getting by|barely making it|barely keeping up|can barely afford); bank|lender|collectors keep|keeps calling; " +
		"(not sure|do not know if|do not know how|no se si|no se como) ..4 pay|make|afford|pagar ..3 mortgage|payment|payments|hipoteca|" +
		"pagos|bills|rent|renta; (can not|could not) ?even afford|pay it|this|that (any more|anymore); " +
		"have|tengo|tenemos ?only|just|solo ..1 # ..3 (in the bank|left|en el banco|en la cuenta); " +
		"no puedo|podemos|pude ?pagar ..3 hipoteca|pagos|pago|mensualidad*|renta|casa|" +
		"deudas|cuentas; no puedo|podemos pagarla|pagarlo|mantenerla; ya no puedo pagar; atrasad* ..3 pago|pagos|hipoteca|mensualidad*; " +
		"sin ahorros; cuentas del hospital; cuentas|gastos medicos; # ..2 payments|months|pagos|meses behind|atrasados|atrasadas; " +
		"(we are broke|i am broke|out of money|no money left|sin dinero|no tenemos dinero|no tengo dinero|estamos quebrados|" +
		"financial hardship|hardship|financial trouble|financial problems|money problems|problemas economicos|problemas financieros|" +
		"crisis economica|debt collectors|cobradores|collection agency|in collections|cobranza|eviction notice|aviso de desalojo); " +
		"lost|lose|perdimos ?all ?our|my savings|ahorros; perdimos|perdi todo; (can not make ends meet|could not make ends meet|barely make ends meet|" +
		"struggling to make ends meet|no llegamos a fin de mes|no llego a fin de mes|loan modification|forbearance|" +
		"hardship letter|balloon payment|quedarnos en la calle|quedar en la calle|terminar en la calle); " +
		"no tenemos|tengo ?para|con|dinero|money|lana ..3 pagar|pay|comer|eat|{PAY}; hours|horas|sueldo|salario ..2 cut|reduced|redujeron|recortaron; " +
		"redujeron|recortaron ..2 horas|sueldo|salario; struggling|struggle|batallando ..3 pay|payments|mortgage|bills|afford|pagar; " +
		"garnish*; (shut off|cut off|disconnected) ..3 power|electricity|water|utilities; " +
		"behind on|with ..2 payments|pagos"},
	// Ruin, said plainly: "my credit is ruined ... or am I just screwed".
	{0.75, "ruined", "(credit is ruined|credit is shot|credit is wrecked|credit is destroyed|ruined my credit|ruined credit|am i screwed|am i just screwed|i am screwed|" +
		"we are screwed|i am so screwed|we are so screwed|estoy jodido|estoy jodida|estamos jodidos|estoy perdido|estoy perdida|" +
		"estamos perdidos|se me cae el mundo)"},
	// Work about to end, with a home to pay for: "my company is closing", "la fábrica va a
	// cerrar". A closure said as news of someone else's business is ordinary, so this only adds.
	{0.6, "work ending", "company|employer|plant|factory|store|office|mill|mine|hospital|school|empresa|fabrica|planta|tienda|" +
		"negocio|oficina|maquiladora ..3 (is closing|is shutting|closing down|shutting down|going under|is going bankrupt|" +
		"announced layoffs|is laying off|va a cerrar|esta cerrando|cierra|van a cerrar|esta quebrando|va a quebrar|" +
		"anuncio despidos|esta despidiendo); (my|our) job|position ..3 (is being eliminated|was eliminated|is going away|is ending|" +
		"ends); (mi|nuestro) trabajo|puesto ..3 (se acaba|desaparece|lo eliminan|lo van a eliminar)"},
	// Fear of not paying, asked ahead: "what happens if I can't pay", "¿qué pasa si no puedo pagar?".
	{0.6, "fear of not paying", "(what happens|what will happen|what do i do|what do we do|que pasa|que va a pasar|que hago|" +
		"que hacemos) ..2 (if i can not|if we can not|if i do not|if we do not|si no puedo|si no podemos|si no pago|si no pagamos) ..2 " +
		"pay|make|afford|keep|pagar|cubrir|mantener"},
	// Overwhelm and a life that will not right itself, as Spain and the Southern Cone say it.
	{0.8, "cannot cope", "(no levanto cabeza|no levanto la cabeza|no doy abasto|no puedo con todo|no puedo con esto|me supera todo|" +
		"me sobrepasa|me desborda|estoy que no puedo|estoy hecha polvo|estoy hecho polvo|estoy fatal|estoy hecha mierda|" +
		"estoy hecho mierda|can not cope|can not keep my head above|falling apart|at the end of my rope|at my wits end|" +
		"barely holding it together|barely holding on|can not take it anymore|can not take any more)"},
	// Forced out by a date: "we have 30 days to move out", "have to be out by the end of the month".
	// Moving by a date is ordinary too, so this only adds.
	{0.6, "forced out", "(have to be out|have to move out|had to move out|have to leave|tenemos que salir|nos tenemos que salir|" +
		"tenemos que desalojar) ..4 by|end|before|in|para|antes; # days|weeks|dias|semanas to move|get|be out; " +
		"(out of the apartment|out of the house|out of our apartment|out of our house) ..2 on|by the"},
	{0.85, "fear of losing the home", "(no tenemos donde vivir|no tengo donde vivir|no tenemos a donde ir|" +
		"no tengo a donde ir|nowhere to live|no place to live|nowhere to stay|no place to stay|sin donde vivir); lose|losing ?our|my|the home|house|place|everything; quiten|quite|quitaran|quitara|quitan ..2 casa|hogar; nowhere ?else to go; no place to go; " +
		"where ?will we|i ?will go; (no idea|do not know|not sure|no se|ni idea) ..2 where|donde ..5 go|live|stay|ir|vivir; " +
		"homeless; perder ?mi|la|nuestra|su casa|hogar|todo; a donde ir|vamos; donde vamos a vivir; " +
		"quitar|quitarnos|quitarme ..2 casa; bank ..4 take|taking|repossess* ..2 house|home; (kicked out|thrown out|" +
		"sacarnos de la casa|nos van a sacar|echarnos|living in our car|living in my car|in a shelter|couch surfing)"},
	{0.75, "lost the home", "lost|perdimos|perdi|perdieron ?our|my|the|nuestra|mi|la|su home|house|casa|hogar"},
	{0.8, "disaster", "(burned down|burnt down|house fire|lost everything|nothing left|se quemo|se incendio|lo perdimos todo); " +
		"lost|perdimos|perdi ?our|my|the|nuestra|mi ?home|house|casa|everything|todo ..4 fire|flood|hurricane|tornado|wildfire|" +
		"earthquake|incendio|inundacion|huracan|terremoto; " +
		"hurricane|tornado|earthquake|wildfire|flood|fire|storm|huracan|inundacion|incendio|fuego|sismo|terremoto|temblor|" +
		"tormenta ..3 destroyed|damaged|took|tore|ripped|wiped|flooded|burned|ruined|destruyo|quemo|llevo|arranco|tumbo|" +
		"destrozo|inundo|dejo|derrumbo; (evacuation order|evacuation notice|ordered to evacuate|had to evacuate|evacuated|" +
		"orden de evacuacion|nos evacuaron|tuvimos que evacuar|evacuados); " +
		"(emergency shelter|en un albergue|estamos en un albergue|en un refugio); (living in a motel|living out of a motel|staying in a motel|we are in a motel|" +
		"stuck in a motel|en un motel)"},
	{0.65, "bereavement", "died|widow|widowed|widower|death|muerte|buried|entierro|sepelio; passed away; {REL}|she|he passed; " +
		"lost my|our|a|the {REL}; {REL}|he|she is gone; " +
		"(see him everywhere|see her everywhere|see him there|see her there|lo veo en todas partes|la veo en todas partes); (no longer with us|ya no esta con nosotros); " +
		"murio|murieron|fallecio|fallecieron|falleci|fallecimiento|viuda|viudo; perdi|perdimos a ?mi|nuestro|nuestra {RELS}; " +
		"perdimos ..2 bebe"},
	{0.85, "recent loss", "funeral|grieving|grief|bereave*|mourning|velorio|luto|duelo; just|recently|suddenly died|passed; " +
		"died|passed|murio|fallecio ..3 last|this week|month|year|weekend; died|passed|away|murio|fallecio ..2 suddenly|recently|yesterday|" +
		"unexpectedly|ayer|repentinamente; died|passed|away|murio|fallecio|falleci ..4 days|weeks|months ago; " +
		"died|passed|away|murio|fallecio ..3 hace #|unos|unas|pocos|pocas dias|semanas|meses|dia|semana|mes; " +
		"died|passed|away|murio|fallecio|falleci|perdi|perdimos ..4 (hace poco|el mes pasado|la semana pasada|el ano pasado|" +
		"este ano|de repente); (acaba de morir|acaba de fallecer|acaban de morir); " +
		"died|passed|away|murio|fallecio ..3 monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|" +
		"miercoles|jueves|viernes|sabado|domingo; widow|widowed|widower|viuda|viudo|enviude ..5 days|weeks|months|dias|semanas|meses"},
	{0.85, "serious illness", "leukemia|lymphoma|parkinson*|sclerosis|transplant|radiation|seizure|seizures|coma|amputat*|" +
		"leucemia|linfoma|trasplante|convulsiones|esclerosis|cirrosis|cancer|chemo*|tumor|terminal*|dementia|alzheimer*|stroke|icu|hospice|dialysis|quimio*|demencia|" +
		"infarto|dialisis|hospitalized|hospitalizad*|diagnosticar|diagnosticaron; heart attack; memory care; in|en ?the|el hospital; " +
		"diagnosed with; very|really|seriously|gravely|so sick|ill; muy|gravemente enferm*; is|esta dying|muriendo; " +
		"(months to live|meses de vida|car accident|accidente|injured|injury|paralyzed|paralizad*|mental illness|" +
		"nursing home|care home|residencia de ancianos|asilo|life support|stage 4|stage four|kidney failure|heart failure|" +
		"liver failure|going blind|insuficiencia renal); broke her|his hip"},
	{0.75, "medical costs", "(medical debt|medical expenses|out of pocket|no insurance|uninsured|sin seguro|gastos del hospital); " +
		"insurance|seguro ..4 (denied|will not cover|does not cover|no cubre|nego|rechazo)"},
	{0.5, "illness", "sick|illness|surgery|treatment|diagnos*|enferm*|cirugia|tratamiento|hospital|medical|medicos"},
	{0.85, "panic", "terrified|petrified|panic*|gutted|shattered|breakdown|sleepless|insomnia|ptsd|traumatiz*|desolate|distressed|" +
		"desperate|desperately|desesperad*|devastat*|heartbroken|heartbreak*|distraught|despair|" +
		"hopeless|helpless|miserable|overwhelmed|abrumad*|agobiad*|desbordad*|sobrepasad*|angustiad*|aterrad*|aterroriz*|destrozad*|deprimid*|depressed|" +
		"depression|suicid*|unbearable|insoportable|crying|cried|tears|llorando|llore|lloro|lagrimas|aguitad*|achicopalad*; " +
		"breaking|breaks|broke my heart; me rompe|parte el corazon|alma; (beside myself|falling to pieces|rock bottom|worried sick|" +
		"sick with worry|scared to death|freaking out|freaked out|losing hope|lost hope|no hope|out of options|nowhere to turn|" +
		"last resort|in shock|anxiety attack|anxiety attacks|nervous breakdown|no tengo a quien recurrir|no tengo a nadie|" +
		"muerta de miedo|muerto de miedo|sin esperanza|no veo salida|al borde|have not slept|not sleeping|barely sleeping|" +
		"no he dormido|cry every|cry all|i cry|cries every|i am a mess|i am a wreck|she is a wreck|he is a wreck|we are a wreck|" +
		"we are wrecks|been a nightmare|has been hell|living hell|" +
		"es una pesadilla|fell apart|fallen apart|se me cae el mundo|se me vino el mundo|no he podido dormir|" +
		"not been able to sleep|alma en un hilo|estoy deshecha|estoy deshecho|me duele mucho); llor*|angustia|ahogad*; " +
		"being|getting|about to be evicted; were|was|got|been|just evicted; nos van a desalojar|desalojan; " +
		"(nos desalojaron|nos sacaron de la casa|nos corrieron de la casa|me desalojaron|fuimos desalojados); " +
		"(estoy|me siento|estamos) ?muy mal|fatal|terrible|destrozada|destrozado; " +
		"(ataque de ansiedad|ataque de panico|crisis de ansiedad|crisis nerviosa|feel like a failure|feel like such a failure|" +
		"i am a failure|me siento un fracaso|me siento fracasada|me siento fracasado|soy un fracaso); " +
		"still ..3 shaking|trembling; sigo|estoy ..2 temblando"},
	{0.85, "can't cope", "(can not|could not|unable to) ?even|stop sleep|sleeping|eat|eating|breathe|think|cope|bear|function|focus; " +
		"can not stop crying|shaking; can not handle|take|do this|it ?any more|anymore; can barely|hardly think|sleep|breathe|" +
		"function|cope; can barely|hardly get out of bed; can barely|hardly get up; barely|hardly|apenas ..2 hanging|holding|" +
		"coping|surviving|aguantando|sobreviviendo|sobrevivo|aguanto; (do not know|not sure|no se) ..1 how|cuanto ..1 " +
		"(much longer|long|mas|tiempo mas) ..4 can|puedo|podemos|aguantar|aguanto|take|hold|keep; " +
		"(be on the street|end up on the street|be on the streets|out on the street|on the street next|estar en la calle|" +
		"quedar en la calle|quedarnos en la calle|terminar en la calle|acabar en la calle); (falling apart|breaking down|losing my mind|going crazy|all too much|too much for me|drowning|" +
		"end of my rope|wits end|no duermo|ya no puedo mas|no aguanto|no soporto|no puedo con esto|es demasiado|no puedo ni); " +
		"no puedo dormir|mas|pensar; (can not|could not) ?even|just|really anymore; volviendo loca|loco; losing|lost sleep; (can not deal|sin dormir|no he dormido); " +
		"(can not|could not) handle|manage|cope|do ..5 alone|anymore|myself|own; (no podemos seguir|no puedo seguir|" +
		"not doing great|not doing well|not doing ok|not okay|not in a good place|not coping)"},
	{0.85, "unsafe at home", "abuse|abusive|abused|abuso|maltrato; domestic violence; violencia domestica; not safe|unsafe at home; " +
		"get away from him|her; huir de; " +
		// "He hits me", "mi pareja me pega".
		"he|she|husband|boyfriend|partner|ex|wife|girlfriend ..1 hits|hit|beats|beat|punches|punched|chokes|choked|slaps|slapped|" +
		"hurts me|us|my; me|nos pega|golpea|pego|golpeo|maltrata; (restraining order|protective order|" +
		"orden de alejamiento|orden de restriccion|orden de proteccion)"},
	{0.8, "wrecked", "wrecked|ruined|destroyed me|us; tearing|tore|ripping|ripped me|us|my ..1 apart|up; divorce|separation|divorcio|separacion|breakup ..3 brutal|devastating|" +
		"awful|horrible|hard|painful|killing|destroying|tough|rough|dificil|duro|doloroso|terrible|ugly|nasty|messy; marriage|matrimonio ..3 falling|fell|ending|ended|over|termino|acabo; " +
		"painful|messy|ugly|nasty|bitter|hard|difficult|devastating ..2 divorce|separation|" +
		"breakup|split; my|mi wife|husband|partner|boyfriend|girlfriend|esposo|esposa|novio|novia|pareja ?me left|dejo|abandono; " +
		"(se fue con los ninos|se llevo a los ninos|se fue con mis hijos|se llevo a mis hijos|took the kids|left with the kids); " +
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
	{0.8, "no way out", "(can not see a way out|no way out|no hay salida|no le veo salida|no tengo salida|trapped|" +
		"atrapada|atrapado|atrapados|dead end|callejon sin salida); left|dejo ?me|us|nos|me ..1 with|sin nothing|nada"},
	{0.45, "can't afford", "(can not|could not|no longer|no podemos|no puedo) afford|pagarla|pagarlo|costear"},
	// "No puedo pagar la casa": in Spanish paying the house is paying for it, month by month.
	{0.6, "can't pay for the home", "(no puedo|no podemos|ya no puedo|ya no podemos|can not|could not|no longer) pagar|pay|mantener|" +
		"keep ?for|up ?with ..1 la|the|mi|my|our|nuestra|this|esta casa|house|home|place"},
	{0.6, "hard for me", "hard|difficult for me; this is hard; muy dificil; es dificil para mi; es muy duro"},
	{0.6, "at a loss", "do not ?even know what|where|how; no se que|como|donde; at a loss"},
	{0.6, "asks for help", "need help; please help; necesito ayuda; ayuda por favor; ayudenme; ayudeme"},
	{0.8, "hard time", "(going through|pasando por|passing through) ..3 hard|rough|tough|difficult|terrible|dificil|duro|dura|" +
		"terrible|mal|complicado; (sin ingresos|no alcanza|no nos alcanza|no me alcanza|no income|lost our income); " +
		"miscarriage|stillbirth|depresion; (aborto espontaneo|perdi al bebe|perdi el bebe|perdimos al bebe); " +
		"no puedo con esto|todo|tanto; no puedo con la casa"},
	{0.45, "stress", "stressed|stress|stressful|estres*|anxious|anxiety|ansiedad|ansios*|worried|worry|worrying|preocupad*|nervous|" +
		"nervios*"},
	// Money, in the words of both languages and their mix ("no puedo pagar el mortgage").
	{0.85, "can't pay", "(can not|could not|unable to|no longer|no puedo|no podemos|ya no puedo|ya no podemos|no pude|no pudimos|" +
		"no alcanzo|no alcanzamos|no nos alcanza|no me alcanza) ?afford|pay|make|cover|keep|pagar|cubrir|completar|para ..3 {PAY}; " +
		"barely|hardly|apenas ..3 afford|pay|make|cover|survive|alcanza|alcanzo|pagar|sobrevivir|comer|eat|feed; " +
		"(keep the lights on|put food on the table|feed my kids|feed my family|feed the kids|dar de comer|poner comida en la mesa); " +
		"(no idea|do not know|not sure|no se|no sabemos|ni idea) ..3 how|como|if|si ..4 (survive|sobrevivir|salir adelante|get by|" +
		"make ends meet|get through this|vamos a vivir|we will live|keep a roof)"},
	// "con la pensión ya no me llega para el alquiler".
	{0.85, "can't pay", "(no me llega|no nos llega|ya no me llega|ya no nos llega|no me alcanza|no nos alcanza|ya no me alcanza|" +
		"ya no nos alcanza) ..2 para|pa ..2 {PAY}|alquiler|arriendo|vivir|comer"},
	{0.85, "fear of losing the home", "(no se|no sabemos|do not know|no idea) ..2 adonde|donde|where ..3 ir|go|voy|vamos|iremos|ire|" +
		"will|going|gonna"},
	{0.6, "money trouble", "(late notice|late notices|past due|overdue|final notice|shut off notice|shutoff notice|collections|" +
		"pagos vencidos|cuentas vencidas|aviso de corte)"},
	// A notice about the customer's own home, or a threat to take it: the fear of losing it.
	// A notice alone is the legal matter's; the fear is in what the customer says of it ("I'm
	// shaking", "no sé qué hacer"), so it only adds to that.
	{0.55, "notice of default", "got|received|sent|mailed|recibi|recibimos|llego|llegaron|mandaron|mando|envio|enviaron ..3 " +
		"notice|notices|aviso|carta|letter|papers|papeles ..3 default|foreclos*|ejecucion|embargo|desalojo|eviction|incumplimiento|remate"},
	{0.75, "threat to the home", "(going to|gonna|will|about to|threatening to|threatened to|amenaza con|amenazan con|van a|va a) ..2 foreclose|repossess|" +
		"take|quitar|quitarnos|quitarme|embargar|rematar|sacarnos|sacarme ..2 ?our|my|the|nuestra|mi|la house|home|casa|place; " +
		"foreclose|repossess|quitar|quitarnos|embargar ..4 if|unless|si|menos"},
	// Work: lost, cut, or impossible.
	{0.85, "job loss", "(lost|lose|losing|perdi|perdimos|perdio|perdieron|me quede sin|nos quedamos sin|se quedo sin|se quedaron sin|" +
		"estoy sin|estamos sin|sin|no tengo|no tenemos) ?my|our|his|her|mi|su|el|nuestro|los {JOB}; " +
		"{JOB} ..3 eliminated|terminated|outsourced|downsized|eliminaron|recortaron|desaparecio; " +
		"(got let go|was let go|were let go|been let go|let me go|let us go|let him go|let her go); " +
		"me|nos|lo|la|le|les|fui|fue|fuimos despidieron|despidio|despedido|despedida|despedidos|despedidas|corrieron|corrio; " +
		"(can not|could not|unable to|have not been able to|has not been able to|no puedo|no puede|no he podido|no ha podido|" +
		"no pude|no podemos) ?even work|trabajar"},
	// Loss and health, in the words people use for them.
	{0.8, "recent loss", "died|passed|away|murio|fallecio|falleci|lost|perdi|perdimos ..4 in|en|this|este|esta|last {MONTH}"},
	{0.6, "grieving", "(since|ever since|desde que) ..3 died|passed|murio|fallecio|falleci"},
	{0.6, "can't bear the house", "(can not|could not|no puedo|no podemos|can barely|can hardly) ?even|stand|bear|keep ?to ..1 " +
		"stay|live|be|vivir|estar|quedarme|quedarnos|entrar|walk|look|living|staying ..4 house|home|casa|there|here|alli|ahi|" +
		"anymore|memories|recuerdos; " +
		"(all the memories|so many memories|too many memories|tantos recuerdos|demasiados recuerdos|los recuerdos)"},
	{0.75, "hardship after an accident", "since|after|desde|despues ?the|my|our|his|her|el|la|mi|su|del ..1 accident|injury|surgery|" +
		"stroke|diagnosis|accidente|cirugia|operacion|diagnostico"},
	{0.8, "overwhelmed", "lose|losing|perder|perdiendo my|mi|la mind|sanity|cabeza|razon|juicio; stress|anxiety|worry|grief|pain|" +
		"situation|uncertainty ..3 killing|destroying|eating me|us|alive; estres|angustia|situacion|incertidumbre ..3 matando|" +
		"destruyendo|acabando; " +
		"(sick to my stomach|stomach in knots|stomach is in knots|knot in my stomach|nudo en el estomago|chest is tight|" +
		"se me derrumbo|se derrumbo todo|todo se vino abajo|se me vino abajo|ya no puedo|no puedo mas|ya no aguanto|" +
		"no aguanto mas|me rindo|what am i going to do|what are we going to do|what will we do|que voy a hacer|que vamos a hacer|" +
		"que hago ahora|que hacemos ahora)"},
	{0.75, "hard time", "(having|had|been having|going through|pasando) ?a|such ?a|an|un|una ?really|very|so|muy ?hard|rough|tough|" +
		"difficult|terrible|horrible|awful|dificil|duro|mal|mala time|week|weeks|month|months|year|patch|momento|racha|epoca|temporada"},
}

// Read in the round that opened fresh6: a pay cut said in the perfect ("nos han recortado el
// sueldo"), rent or a payment the customer will not be able to make, shame at asking, panic
// attacks in the plural, a relative's diagnosis just given, a plea that something can be done,
// and the hurt of being reminded of a death.
var distressCues6 = []lexEntry{
	{0.75, "hardship", "han|ha|me|nos recortado|reducido|bajado ..2 sueldo|salario|horas|jornada; " +
		"(pay cut|salary cut|cut my pay|cut our pay|cut my salary|cut my hours|cut our hours|halved my|halved our)"},
	{0.8, "can't pay", "(no voy a poder|no vamos a poder|no podre|no podremos|no alcanzo a|no alcanzamos a|will not be able to|" +
		"am not going to be able to|are not going to be able to|not going to be able to) ?pagar|pay|make|cover|cubrir ..2 {PAY}|" +
		"this|it|este|esta|el|la"},
	{0.6, "ashamed to ask", "(me da verguenza|me da pena|nos da verguenza|me averguenza|i am embarrassed|i am ashamed|we are ashamed|" +
		"we are embarrassed|embarrassed to|ashamed to|never thought i would)"},
	{0.85, "can't cope", "(ataques de ansiedad|ataques de panico|crisis de panico|panic attacks|panic attack|ansiedad cada noche|" +
		"anxiety every night)"},
	{0.75, "illness", "(me|nos|le) acaban de dar|dieron|dar ?el|un diagnostico; (just got|just received|just given) ..2 " +
		"diagnosis; diagnostico|diagnosis de|of ?{MY} {REL}|{RELS}"},
	{0.6, "plea", "(por favor diganme|por favor digame|diganme que|digame que|dime que|please tell me|tell me there is|tell me you can|" +
		"tell me we can) ..3 (hay algo|se puede|exist|there is|something|a way|we can|you can|algo que hacer|alguna forma|alguna manera)"},
	{0.6, "hurt", "(do you have any idea|you have no idea|tienen idea|tiene idea|no tienen idea) how|como ..3 feels|hurts|painful|" +
		"duele|siente|doloroso"},
}

// Read in the round that opened fresh7: not holding together ("I can't even talk about it
// without falling apart") and a home lost to fire or flood ("se nos incendió el depto").
var distressCues7 = []lexEntry{
	{0.85, "can't cope", "(without falling apart|without breaking down|without crying|without tearing up|sin llorar|sin ponerme a llorar|" +
		"sin derrumbarme|sin quebrarme|i am falling apart|i am breaking down|me estoy derrumbando|me estoy desmoronando)"},
	{0.8, "home lost", "house|home|casa|depto|departamento|apartment|place|piso|apto ..2 flooded|burned|burnt|inundo|incendio|quemo; " +
		"(se nos incendio|se nos quemo|se nos inundo|nos quedamos sin casa|" +
		"burned down|burnt down|caught fire)"},
}

// Read in the round that opened the training sets (train-a to train-g): an eviction under
// way ("we're getting evicted??") and nights in the car ("durmiendo en el carro desde el
// lunes"); a job being cut ("my job at the library is being cut", "perdí la chamba"); a relative
// in hospital or bad news from the doctor ("mi abuela está internada", "the news was not good");
// the body's alarm ("my hands are shaking", "tengo el corazón en la mano", "staring at the wall");
// holding oneself together ("trying not to panic", "intento mantenerme entera"); the worst time
// of one's life and what is hard to say out loud; a death of last night or the weekend, or a
// burial ("mi hermano murió anoche", "hace un mes enterré a mi marido"); not functioning and no
// strength left ("barely functioning", "no tengo cabeza para nada", "casi no me levanto de la
// cama"); arrears and hardship counted in instalments ("ya debo dos cuotas", "con el agua al
// cuello", "me bajaron las horas"); despair about what comes next ("no sé qué voy a hacer"); a
// partner gone with the money; a home fled for violence; drowning and being a wreck ("siento que
// me ahogo", "estoy hecha un desastre"); a child in treatment; savings about to be lost; and
// being upset at leaving one's home.
var distressCues8 = []lexEntry{
	{0.85, "evicted", "(being evicted|getting evicted|about to be evicted|going to be evicted|gonna be evicted|facing eviction|" +
		"nos estan desalojando|nos estan echando|me estan desalojando|me estan echando); " +
		"(about to be homeless|going to be homeless|gonna be homeless|will be homeless|be homeless in|quedarnos sin techo|" +
		"quedarme sin techo|quedar sin techo)"},
	{0.85, "homeless now", "sleeping|living|staying|sleep|slept|durmiendo|viviendo|dormimos|duermo|vivimos|dormi ..2 in|en " +
		"?my|our|the|a|el|mi|nuestro|un|una car|carro|coche|auto|truck|van|camioneta|troca; " +
		"sleeping|slept|durmiendo|dormimos|dormi ..2 on|en ?the|la street|streets|calle"},
	{0.85, "job loss", "cutting|eliminating|eliminated|recortando|eliminando|eliminaron|recortaron ..1 my|our|his|her|mi|su|nuestro " +
		"position|job|role|puesto|plaza|trabajo; " +
		"(my|our|mi|su|nuestro) job|position|role|puesto|plaza ..4 (being cut|is cut|was cut|got cut|being eliminated|se elimina|" +
		"van a eliminar|van a recortar|lo eliminan|lo recortan); " +
		"(lost|lose|losing|perdi|perdimos|perdio|perdieron|me quede sin|nos quedamos sin|se quedo sin) la|el|mi|su chamba|pega|jale|chambita|" +
		"trabajo|empleo"},
	{0.8, "serious illness", "internad*; (terapia intensiva|cuidados intensivos|intensive care|derrame cerebral|le dio un derrame|" +
		"me dio un derrame|tuvo un derrame|had a stroke); " +
		"{REL}|{RELS}|guagua|nino|nina ..3 (en tratamiento|in treatment|undergoing treatment|en quimio|on chemo)"},
	{0.75, "medical emergency", "(er visit|er bill|er bills|trip to the er|ended up in the er|emergency room visit|emergency room bill|" +
		"ambulance bill|fui a urgencias|acabe en urgencias|termine en urgencias|cuenta de urgencias)"},
	{0.6, "bad news", "(the news|la noticia|las noticias|the results|los resultados) ..2 (not good|was not good|were not good|" +
		"no fue buena|no es buena|no son buenas|no eran buenas|no salieron bien); (bad news from the doctor|malas noticias del medico)"},
	{0.85, "shaking", "hands|manos ..3 shaking|trembling|temblando|tiemblan; (trouble breathing|hard to breathe|no puedo respirar|" +
		"me falta el aire|me cuesta respirar|tengo el corazon en la mano|tengo el corazon en la boca|con el corazon en la boca|" +
		"staring at the wall|staring at the walls|staring at the ceiling|mirando la pared|mirando el techo|nudo en la garganta|" +
		"lump in my throat)"},
	{0.8, "holding together", "(trying to|try to|tratando de|intento|intentando|trato de) (hold myself together|hold it together|" +
		"keep myself together|keep it together|hold it all together); " +
		"(trying not to|tratando de no|intento no|intentando no|trato de no) panic|cry|llorar|derrumbarme|desmoronarme|" +
		"quebrarme; (entrar en panico); mantenerme|mantenerse entera|entero|fuerte; mantenerme|mantenerse de pie"},
	// Grief said as an absence: "desde que no está casi no me levanto", "since she's been gone".
	{0.6, "grieving", "(desde que no esta|desde que ya no esta|since he is gone|since she is gone|since he has been gone|" +
		"since she has been gone|since losing him|since losing her|since we lost him|since we lost her)"},
	{0.6, "can't face it", "(can not bring myself|could not bring myself|no me siento capaz|no tengo valor|no tengo el valor|" +
		"no soy capaz)"},
	// A joke taken back: "about to be homeless in 10 days lol not really lol".
	{0.6, "joke taken back", "(lol not really|haha not really|jk not really|not joking|no es broma|no estoy bromeando|" +
		"i wish i was joking|i wish i were joking|ojala fuera broma)"},
	{0.85, "worst of my life", "(worst year|worst month|worst week|worst time|worst days|worst months|hardest year|hardest time|" +
		"peor ano|peor momento|peor epoca|peores meses|ano mas dificil) of|de my|mi life|vida"},
	{0.75, "hard to say", "(hard to say out loud|hard to talk about|me cuesta decirlo|me cuesta hablar de|" +
		"duele decirlo|hurts to say)"},
	{0.85, "recent loss", "died|murio|fallecio|falleci|fallecieron|murieron ..4 (last night|this morning|today|yesterday|this weekend|" +
		"over the weekend|anoche|esta manana|hoy|el fin de semana|este fin de semana|ayer); " +
		"(passed away) ..3 (last night|this morning|today|yesterday|this weekend|over the weekend); " +
		"{REL}|he|she ..1 passed ..3 (last night|this morning|today|yesterday|this weekend|over the weekend); " +
		"enterre|enterramos|sepulte|sepultamos|buried ..3 {REL}|{RELS}; (killed in an accident|killed in a crash|" +
		"killed in a car|died in an accident|died in a crash|murio en un accidente|fallecio en un accidente); " +
		"{REL}|{RELS} ..1 (was killed|got killed)"},
	{0.85, "can't function", "(i am|i have been|i am just|we are|honestly) (barely functioning|hardly functioning|not functioning); (no estoy funcionando|no tengo cabeza|" +
		"no tengo fuerzas|no tengo fuerza|sin fuerzas|no me quedan fuerzas|no tengo animo|have no strength|have no energy|" +
		"do not have the strength|do not have force|do not have the energy|no energy for anything|" +
		"can not get out of bed|casi no me levanto|no me levanto de la cama|no me puedo levantar de la cama)"},
	{0.85, "can't pay", "debo|debemos|owe|adeudo ..2 # cuotas|meses|pagos|mensualidades|letras|dividendos; " +
		"(dificultad economica|dificultades economicas|dificultad financiera|carta de dificultad); " +
		"atrasad*|retrasad* ..3 cuota|cuotas|dividendo|dividendos; (agua al cuello|agua hasta el cuello); " +
		"(up to my neck|up to our necks|up to our neck) in debt|bills|deudas; " +
		"(no llego a pagar|no llegamos a pagar|ya no llego a|ya no llegamos a)"},
	{0.75, "hardship", "bajaron|redujeron|cortaron ..3 horas|sueldo|salario|pension|jornada; " +
		"cut|reduced|halved ..1 my|our|his|her pay|hours|pension|salary|wages"},
	{0.8, "at a loss", "(no se que voy a hacer|no se que vamos a hacer|no sabemos que vamos a hacer|no se que va a ser de|" +
		"do not know what i am going to do|do not know what we are going to do|do not know what i will do|" +
		"do not know what we will do)"},
	{0.75, "left with nothing", "{REL}|{RELS}|ex ..3 (se llevo|emptied|vacio|drained|cleaned out) ..3 plata|dinero|money|cuenta|" +
		"account|accounts|savings|ahorros"},
	{0.85, "unsafe at home", "(me sali|nos salimos|hui|huimos|huyendo|escaped|fled|fleeing) ..4 " +
		"violencia|violence|maltrato|abuso|golpes|abuser; (violencia intrafamiliar|violencia familiar|violencia de genero|" +
		"refugio para mujeres|women's shelter|womens shelter|domestic abuse)"},
	{0.85, "can't cope", "(siento que me ahogo|me ahogo|me estoy ahogando|estoy hecha un desastre|estoy hecho un desastre|" +
		"un manojo de nervios|bundle of nerves|nervous wreck|estoy hecha pedazos|estoy hecho pedazos|estoy hecha trizas|" +
		"estoy hecho trizas)"},
	{0.75, "fear of losing everything", "perdemos|perderiamos|perderemos|perderia|perdere ..2 ahorros|ahorramos|ahorrado; " +
		"(perdemos todo lo que|perderiamos todo lo que|perderia todo lo que|lose everything we|lose everything i|" +
		"our life savings|my life savings|everything we saved|everything i saved)"},
	{0.75, "upset at losing the home", "(very|so|really|terribly|deeply|muy) upset|distraught|dolida|dolido|angustiada|" +
		"angustiado about|over|por|de ..2 leaving|losing|dejar|perder ..1 my|our|mi|nuestra|nuestro home|house|casa|hogar"},
}

// distressNeutral8: what takes those cues, or older ones, back.
var distressNeutral8 = []neutralizer{
	// A death dated months back and told, in the same breath, as the history of an estate: "my
	// mom passed last year and the house is in probate", "my father passed in March and we
	// inherited his house". The grief is not in the telling; what the customer says of how they
	// are keeps its distress. A death dated alone is left to the cues: "my wife passed in January,
	// the house is too quiet now" is grief.
	{trigDistress, scopeOverlap, "died|passed|away|murio|fallecio|falleci ..3 {MONTH}|year|ano|pasado ..7 inherit*|probate|" +
		"heredamos|heredaron|herede|heredo|herencia|sucesion|albacea|albaceas|executor|executors|heirs|herederos",
		"bereavement|grieving|recent loss"},
	// The death of a stranger to the customer: "the previous owner died", "most of whom have since died".
	{trigDistress, scopeOverlap, "previous|former|prior|last|old owner|owners|seller|sellers|tenant|occupant ..2 died|passed|" +
		"murio|fallecio; dueno|duenos|propietario|propietaria|inquilino ..3 anterior ..2 murio|fallecio",
		"bereavement|grieving|recent loss"},
	{trigDistress, scopeClause, "(of whom|de los cuales|de quienes|who have since|who has since|have since|has since)",
		"bereavement|grieving|recent loss"},
	// An illness told as the reason for a power of attorney or a guardianship: "she has dementia
	// and we have power of attorney", "está en un hogar de ancianos y yo tengo su poder".
	{trigDistress, scopeMessage, "(power of attorney|poder notarial|poder general|tengo su poder|tenemos su poder|tengo un poder|" +
		"conservator|conservatorship|guardianship|interdiccion|tutela|curatela|medicaid|lookback|look back period|" +
		"court approval|ante el juez|challenged it in court); impugn*", "serious illness|illness"},
	// A job lost long ago, with work since: "hace 3 años me quedé sin trabajo pero ya llevo 2 en
	// mi chamba actual", "lost my job last year but started a new one".
	{trigDistress, scopeMessage, "(got a new job|found a new job|started a new job|started a new one|have a new job|found a job|found work|" +
		"back to work|tengo nuevo trabajo|ya tengo trabajo|consegui trabajo|consegui chamba|encontre trabajo|chamba actual|" +
		"trabajo actual|empleo actual|current job|better salary|mejor sueldo); " +
		"(ya llevo|ya tengo) ..3 (en la misma empresa|en mi chamba|en mi trabajo|trabajando)", "job loss"},
	// Eagerness in a heartbreak word: "I'd be heartbroken if we lose this one", "me muero si se
	// me va este depa".
	{trigDistress, scopeOverlap, "heartbroken|devastated|crushed|gutted|destroyed|destrozad*|muero|moriria ..3 if|si ..5 lose|" +
		"miss|losing|missing|perder|perdemos|perdiera|pierdo|va|gets|goes", ""},
	// A fright already over: "me entró el pánico pensando que se me había pasado el plazo",
	// "me daba miedo lo del enganche pero ya me explicaste".
	{trigDistress, scopeOverlap, "(me entro el|me dio|me entro|me daba) panico|miedo ..3 pensando|creyendo|porque; " +
		"(i panicked|i freaked|freaked out|got scared|me asuste) ..3 thinking|pensando|creyendo|because", ""},
	{trigDistress, scopeMessage, "(quedo clarisimo|ya quedo claro|makes sense now|all good now|false alarm|falsa alarma|me equivoque de fecha)", "fear|panic|stress|stressed|worried about losing"},
	// Another's arrears: a landlord's "tenant in the upper unit is 3 months behind".
	{trigDistress, scopeOverlap, "tenant|tenants|inquilino|inquilinos|inquilina|renter|renters|arrendatario ..5 # " +
		"months|payments|meses|pagos|rentas behind|atrasad*", "can't pay"},
	{trigDistress, scopeOverlap, "tenant|tenants|inquilino|inquilinos|renter|renters|occupant|occupants|squatter|squatters ..3 " +
		"(being evicted|getting evicted|facing eviction|about to be evicted|going to be evicted)", "evicted"},
	// "Esto ya es demasiado", said of the service, is exasperation: enough is enough.
	{trigDistress, scopeOverlap, "(esto ya es demasiado|this is already too much)", "can't cope"},
	// Time left on a lease: "we have like 8 months left on it".
	{trigDistress, scopeOverlap, "# days|weeks|months|years|dias|semanas|meses|anos left|remaining on|in|en|del", "can't pay"},
	// Not being able to sell is no unpaid bill: "dice que no puedo vender la casa".
	{trigDistress, scopeOverlap, "(no puedo|no podemos|no pude|no podre|no podria) vender|rentar|alquilar|comprar|ver|visitar|" +
		"mostrar|listar", "can't pay|can't pay for the home"},
	// A fence moved, or a date: "el vecino me corrió la barda", "me corrieron la cita".
	{trigDistress, scopeOverlap, "corrio|corrieron|movio|movieron ..3 barda|cerca|reja|muro|linea|limite|lindero|mojon|mojones|" +
		"estaca|estacas|cita|fecha|visita|reunion|cierre|firma", "job loss"},
	// A house taken off a listing: "quiten mi casa de su página".
	{trigDistress, scopeClause, "pagina|sitio|portal|listado|listing|website|site|anuncio|publicacion|plataforma", "fear of losing the home"},
	// Someone else's nerves: "the buyer's lender is freaking out about it".
	{trigDistress, scopeOverlap, "lender|lenders|bank|banco|buyer|buyers|seller|sellers|agent|appraiser|underwriter|hoa|landlord|" +
		"comprador|vendedor ..2 freaking|freaked|panicking|panicked", ""},
	// A breakdown of fees is no breakdown: "just want to understand the fee breakdown".
	{trigDistress, scopeOverlap, "(fee breakdown|fees breakdown|cost breakdown|price breakdown|payment breakdown|closing breakdown|itemized breakdown|" +
		"detailed breakdown|full breakdown|charges breakdown); " +
		"breakdown of|for", "panic"},
}

// Read in the round that opened fresh8: close to tears ("so stressed I could cry", "estoy a
// punto de llorar"); crushed or gutted by what happened ("honestly just feeling crushed"); no
// home of one's own ("sleeping on my sister's couch with two kids", "durmiendo en el carro"); a
// death told again to people who keep writing to the dead ("I told you my husband died and you
// still send him mail", "les dije que mi esposo falleció y siguen mandando cartas").
var distressCues9 = []lexEntry{
	{0.85, "loss told again", "(told you|told y all|told them|les dije|le dije|te dije|les he dicho|le he dicho|les avise|le avise) " +
		"..2 {MY} ?late|difunto|difunta ..1 {REL}|{RELS} died|passed|fallecio|murio|falleciera|muriera ..4 still|keep|keeps|" +
		"siguen|sigue|todavia|aun ..1 sending|send|mailing|writing|calling|contacting|mandando|enviando|llamando|escribiendo"},
	{0.85, "close to tears", "stressed|scared|worried|anxious|overwhelmed|exhausted|upset|desperate|terrified|nervous|broke ..3 " +
		"(could|might|gonna|about to|going to|want to|wanna) ?just cry|sob|weep; " +
		"(a punto de llorar|ganas de llorar|al borde de las lagrimas|on the verge of tears|close to tears|holding back tears)"},
	{0.85, "crushed", "feel|feeling|felt|am|im ?so|just|totally|completely|utterly|absolutely crushed|gutted|devastated|" +
		"shattered|heartbroken|defeated|destroyed; (me siento|estoy|me quede|quede) ?muy|tan|totalmente|completamente destrozado|" +
		"destrozada|deshecho|deshecha|hundido|hundida|derrotado|derrotada|devastado|devastada"},
	{0.85, "no home", "am|are|been|now|currently|still ..1 sleeping|staying|living|crashing ?on|in ..3 couch|sofa|floor|car|truck|" +
		"van|shelter; estamos|estoy|seguimos|sigo|ahora ..1 durmiendo|viviendo ?en|al ..3 sofa|sillon|suelo|carro|coche|auto|" +
		"camioneta|albergue|refugio; dormimos|duermo|vivimos|vivo en|al ..3 sofa|sillon|suelo|carro|coche|camioneta|albergue|refugio; " +
		"(nowhere lined up|nowhere to live|nowhere to stay|no place to live|no place to stay|no tenemos donde vivir|" +
		"no tengo donde vivir|no tenemos a donde ir|no tengo a donde ir)"},
}

// distressNeutral9: what takes those cues, or older ones, back.
var distressNeutral9 = []neutralizer{}

// Read in the round that opened fresh9: fired said the Mexican way ("me acaban de correr del
// trabajo"), and a shortfall the customer cannot cover ("we don't have that kind of money",
// "no tenemos ese dinero"), which only adds.
var distressCues10 = []lexEntry{
	{0.85, "job loss", "(me acaban de|nos acaban de|lo acaban de|la acaban de|me|nos|lo|la) correr|corrio|corrieron del|de ?su|mi trabajo|empleo|chamba"},
	{0.6, "a shortfall", "(do not have|do not have that|we do not have|i do not have|no tenemos|no tengo|no contamos con) " +
		"(that kind of money|that much money|that money|the money|ese dinero|esa cantidad|esa plata|tanto dinero|el dinero)"},
}

// Read in the round that opened fresh10: shaking with fear ("i'm literally shaking", "me
// tiemblan las manos").
var distressCues11 = []lexEntry{
	{0.8, "shaking", "(i am|im|we are|i am literally|im literally|am still|i am still|im still) shaking|trembling; " +
		"my hands are shaking|trembling; (me tiemblan las manos|estoy temblando|no paro de temblar|sigo temblando)"},
}

// distressNeutral11: shaking for joy ("I'm shaking with excitement, we got it!!"), and what
// was passed as a rule, a vote or an exam is no loss ("Our HOA just passed a rule banning
// rentals").
var distressNeutral11 = []neutralizer{
	// Shaking for joy: "I'm shaking with excitement, we got it!!".
	{trigDistress, scopeMessage, "shaking|trembling|temblando ..2 with|de excitement|joy|happiness|anticipation|emocion|alegria|" +
		"felicidad; (so excited|we got it|we got the house|nos aceptaron|emocionado|emocionada|emocionados)", "shaking"},
	{trigDistress, scopeOverlap, "passed ?a|an|the|new|its|their ..1 rule|rules|law|laws|ordinance|bylaw|bylaws|amendment|" +
		"vote|inspection|exam|bill|policy|motion|resolution", ""},
}

// Read in the round that opened fresh11: a relative's illness weighing on the customer ("my
// dad's illness"), which only adds; a trouble said to be killing them ("el divorcio me está
// matando"); and panic calling on God ("Ay Dios mío, no sé qué hacer").
var distressCues12 = []lexEntry{
	{0.6, "a relative's illness", "{MY} {REL} ?s illness|sickness|cancer|surgery|stroke|dementia|diagnosis|chemo; " +
		"(la enfermedad de|el cancer de|la operacion de|la cirugia de|la quimio de) {MY} {RELS}"},
	{0.85, "a trouble killing them", "(divorce|divorcio|separation|separacion|stress|estres|anxiety|ansiedad|debt|deuda|deudas|" +
		"bills|cuentas|this situation|esta situacion|all this|todo esto|this whole thing) ..2 (is killing me|is killing us|" +
		"are killing me|are killing us|me esta matando|nos esta matando|me estan matando|nos estan matando|me esta acabando|" +
		"me tiene destrozada|me tiene destrozado)"},
	{0.85, "panic", "(ay dios mio|dios mio|dios santo|virgen santa|oh my god|oh god) ..6 (no se que hacer|" +
		"no se que voy a hacer|no sabemos que hacer|que hago|que vamos a hacer|what do i do|what do we do|what am i going to do|" +
		"do not know what to do|dont know what to do)"},
}

// Read in the round that opened fresh12: a weight crushing the customer ("the stress of this
// move on top of the divorce is crushing me"), and not knowing one's own name ("no sé ni cómo
// me llamo").
var distressCues13 = []lexEntry{
	{0.8, "a trouble killing them", "(is crushing me|is crushing us|are crushing me|are crushing us|is destroying me|" +
		"me esta aplastando|me esta destrozando|me tiene aplastada|me tiene aplastado)"},
	{0.85, "overwhelmed", "(no se ni como me llamo|no se ni donde estoy parado|no se ni donde estoy parada|" +
		"i do not even know what day it is|dont even know what day it is|cant think straight|can not think straight)"},
}

// Read in the round that opened fresh13: a place the customer cannot face entering again, sick
// over a loss, nowhere to sleep but a friend's couch, not knowing how to start over, and a
// year said to have been awful.
var distressCues14 = []lexEntry{
	{0.75, "can not face it", "(no puedo volver a entrar|no puedo entrar ahi|no soy capaz de entrar|no me da el corazon|" +
		"can not go back in there|cant go back in there|can not bring myself to go|cant bring myself to go|" +
		"can not set foot in|cant set foot in)"},
	{0.75, "sick with worry", "(sick over it|sick over this|sick about it|sick about this|sick to my stomach|" +
		"me tiene enferma|me tiene enfermo|me tiene mal)"},
	{0.85, "nowhere to live", "(sleeping on a friend couch|sleeping on my friend couch|sleeping on a friends couch|" +
		"sleeping on my friends couch|sleeping on a couch|" +
		"sleeping in my car|sleeping in the car|living in my car|living out of my car|couch surfing|couchsurfing|" +
		"durmiendo en el carro|durmiendo en el coche|durmiendo en el auto|durmiendo en el sofa|durmiendo en un sillon|" +
		"viviendo en el carro|viviendo en el coche)"},
	{0.75, "lost", "(no se como empezar de nuevo|no se como volver a empezar|no se por donde empezar de nuevo|" +
		"do not know how to start over|dont know how to start over|no idea how to start over|starting over at my age|" +
		"empezar de cero a mi edad|empezar de nuevo a mi edad)"},
	{0.75, "a hard year", "(it has been|its been|it is been|this has been|ha sido) ..2 awful|horrible|terrible|brutal|" +
		"horrendous|miserable (year|few months|couple of months|ano); (ha sido|fue) ..1 ano|anos|meses ..1 horrible|" +
		"terrible|espantoso|fatal|durisimo|brutal|pesimo|malisimo|horroroso"},
}

// distressNeutral14: a title insurance claim denied is a title problem, not a medical bill.
var distressNeutral14 = []neutralizer{
	{trigDistress, scopeOverlap, "(title insurance|title insurer|seguro de titulo|title claim)", "medical costs"},
}
