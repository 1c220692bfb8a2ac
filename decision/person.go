package decision

// Requests for a person that the lexicon's patterns cannot see: a person asked for by name,
// and a call from a person foretold rather than asked for.

// talkVerbs are what a customer asks to do with a person they name.
var talkVerbs = toSet("speak|talk|chat|hablar|platicar|conversar|comunicar|comunicarme|comunicarnos|contactar|contact|reach")

// asksFor open a request in the words before a talk verb: "Would it be possible to speak with
// Maria?", "quisiera hablar con María", "¿Me podría comunicar con la licenciada María?".
var asksFor = toSet("can|could|may|would|possible|like|love|want|need|please|quisiera|quiero|queremos|necesito|podria|" +
	"puedo|puede|podemos|pueden|gustaria|favor|let")

// honorifics stand between the verb and the name: "la licenciada María", "Mr. Ortiz".
var honorifics = toSet("to|with|con|a|al|la|el|mr|mrs|ms|miss|dr|sr|sra|srta|senor|senora|senorita|lic|licenciado|licenciada|" +
	"ingeniero|ingeniera|ing|don|dona|arquitecto|arquitecta")

// notNow end a request in the same clause: talking to someone first is the customer's own
// errand ("can I talk to John first?").
var notNow = toSet("first|before|primero|antes|tonight|later|luego|despues")

// present follow a name asked after: "Is Jennifer there?", "¿Está Laura por ahí?". Not
// "available": "Is Maple available?" asks after a house as often as a person, so that one
// needs the message to go on about a person (spokenOfAsPerson).
var present = toSet("there|around|in|ahi|alli|aqui|por")

// callClitics are a call asked for with its object attached, before the name of who should
// make it: "¿Puede contactarme Rocío Gallardo?".
var callClitics = toSet("contactarme|contactarnos|llamarme|llamarnos|marcarme|marcarnos|escribirme|escribirnos")

// callVerbs follow a name asked to call: "can Maria call me?".
var callVerbs = toSet("call|phone|ring|text|email|contact|reach|llame|llamar|contacte|contactar|marque|escriba")

// kin are people of the customer's own family, capitalised or not: "talk to Mom first".
var kin = toSet("mom|mother|dad|father|mama|papa|madre|padre|grandma|grandpa|abuela|abuelo|honey|babe")

// namedRequest finds a request for a person by their name: a talk verb after a word that
// asks, then "with"/"con" and at most a title before a capitalised word inside the clause
// ("speak with Maria", "comunicar con la licenciada María"); a name asked to call ("can Maria
// call me?"); or "Is <Name> there?", "¿Está <Name>?". It returns the tokens [i, j), or j == 0
// for none.
func namedRequest(toks []token) (int, int) {
	for v := range toks {
		t := &toks[v]
		switch {
		case isName(toks, v) && askedBefore(toks, v) && !negatedAt(toks, v):
			for k := v + 1; k < len(toks) && k <= v+2 && toks[k].clause == t.clause; k++ {
				if callVerbs[toks[k].w] {
					return v, k + 1
				}
			}
		case talkVerbs[t.w]:
			if !askedBefore(toks, v) || negatedAt(toks, v) {
				continue
			}
			k := v + 1
			for k < len(toks) && k <= v+3 && honorifics[toks[k].w] && toks[k].clause == t.clause {
				k++
			}
			if k > v+1 && k < len(toks) && isName(toks, k) && !laterErrand(toks, k) {
				return v, k + 1
			}
		case callClitics[t.w] && askedBefore(toks, v) && v+1 < len(toks) && isName(toks, v+1) && !negatedAt(toks, v):
			return v, v + 2 // "¿Puede contactarme Rocío?"
		case (t.w == "is" || t.w == "esta") && (v == 0 || toks[v-1].clause != t.clause):
			if j := askedAfter(toks, v); j > 0 {
				return v, j
			}
		}
	}
	return 0, 0
}

// askedAfter reads "Is <Name> there?" and "¿Está <Name>?" from toks[v], "is" or "esta": at
// most two titles ("el licenciado") and a name of one or two words ("Tom Becker"), then a
// word of presence, or for "esta" the end of the clause. It returns the end of the request, 0
// for none.
func askedAfter(toks []token, v int) int {
	k := v + 1
	for k < len(toks) && k <= v+2 && honorifics[toks[k].w] && toks[k].clause == toks[v].clause && !talkVerbs[toks[k].w] {
		k++
	}
	if k >= len(toks) || !isName(toks, k) {
		return 0
	}
	k++
	if k < len(toks) && isName(toks, k) {
		k++
	}
	switch {
	case k < len(toks) && present[toks[k].w] && toks[k].clause == toks[v].clause:
		if toks[k].w == "in" && !inToday(toks, k) {
			return 0 // "Is Maple Street in a flood zone?": a place.
		}
		return k + 1
	case toks[v].w == "esta" && (k == len(toks) || toks[k].clause != toks[v].clause):
		return k
	case k < len(toks) && (toks[k].w == "available" || toks[k].w == "disponible") && toks[k].clause == toks[v].clause &&
		spokenOfAsPerson(toks, k+1):
		return k + 1
	}
	return 0
}

// spokenOfAsPerson: after a name asked after as "available", the message goes on about a
// person ("Is Priya available? She's been our agent"), so the name is no house's.
func spokenOfAsPerson(toks []token, from int) bool {
	for k := from; k < len(toks) && k < from+4; k++ {
		if personPronouns[toks[k].w] {
			return true
		}
	}
	return false
}

var personPronouns = toSet("she|he|her|him|ella|shes|hes")

// ownAskedToCall: a person of the customer's own, which a neutralizer takes back as a mention
// ("my agent said"), asked to call: "Can my agent just call me tonight?" asks for a person.
func ownAskedToCall(toks []token, n *hit) bool {
	if n.c.trig != trigHuman || !askedBefore(toks, n.i) {
		return false
	}
	for j := n.j; j < len(toks)-1 && j <= n.j+1 && toks[j].clause == toks[n.j-1].clause; j++ {
		if callVerbs[toks[j].w] && (toks[j+1].w == "me" || toks[j+1].w == "us") {
			return true
		}
	}
	return false
}

// inToday: the "in" at toks[k] is of a person at work: it ends the clause or is followed by
// a time or the office ("in today", "in the office").
func inToday(toks []token, k int) bool {
	next := func(i int) string {
		if i < len(toks) && toks[i].clause == toks[k].clause {
			return toks[i].w
		}
		return ""
	}
	switch next(k + 1) {
	case "", "today", "now", "tomorrow", "yet", "this", "office":
		return true
	case "the":
		return next(k+2) == "office"
	}
	return false
}

// askedBefore: a word that asks within four words before toks[v], in its clause.
func askedBefore(toks []token, v int) bool {
	for k := v - 1; k >= 0 && k >= v-4 && toks[k].clause == toks[v].clause; k-- {
		if asksFor[toks[k].w] {
			return true
		}
	}
	return false
}

// isName: toks[k] is capitalised like a name, inside its clause, and no word the lexicons or
// a family use ("Mom", "Sales" is a department, read by the lexicon).
func isName(toks []token, k int) bool {
	t := &toks[k]
	return t.title && k > 0 && toks[k-1].clause == t.clause && !lex.known(t.w) && !kin[t.w] && !stopwords[t.w]
}

// laterErrand: the clause after the name says it is for later ("... to John first").
func laterErrand(toks []token, k int) bool {
	for j := k + 1; j < len(toks) && toks[j].clause == toks[k].clause; j++ {
		if notNow[toks[j].w] {
			return true
		}
	}
	return false
}

// foretold: a request cue whose verb is in the Spanish future ("un asesor te llamará", "me
// contactará un agente") is news of a call, often the bot's own words quoted back, not a
// request. Accents tell it from the subjunctive that asks ("que me llamara"); typed without
// them, it is read as a request.
func foretold(toks []token, h *hit) bool {
	for k := h.i; k < h.j; k++ {
		if toks[k].future {
			return true
		}
	}
	return false
}
