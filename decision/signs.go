package decision

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Signs of a trigger that are not words of a lexicon: a request of a word or two, emoji,
// capitals and "!!!", and praise that cannot be meant.

// terseRequest finds a request made of a few words that name a person and nothing else:
// the whole message ("agent", "human pls", "Manager, please.", "operador"), weight 0.9, or
// its first or last clause ("Representative, please, I've been waiting forever"), or a
// sentence of its own inside it ("This is useless. Human. Now."), 0.85. It returns the
// tokens [i, j) and the weight, 0 for none.
func terseRequest(text string, toks []token) (int, int, float64) {
	if len(toks) == 0 {
		return 0, 0, 0
	}
	if len(toks) <= 6 && onlyPerson(toks, 0, len(toks)) {
		return 0, len(toks), terseCue.weight
	}
	if len(toks) <= 5 && onlyDepartment(toks) {
		return 0, len(toks), 0.85
	}
	first := 0
	for first < len(toks) && toks[first].clause == toks[0].clause {
		first++
	}
	if first <= 4 && first < len(toks) && onlyPerson(toks, 0, first) {
		return 0, first, 0.85
	}
	last := len(toks) - 1
	for last > 0 && toks[last-1].clause == toks[len(toks)-1].clause {
		last--
	}
	if len(toks)-last <= 4 && last > 0 && onlyPerson(toks, last, len(toks)) {
		return last, len(toks), 0.85
	}
	if i, j := sentenceRequest(text, toks, first, last); j > 0 {
		return i, j, 0.85
	}
	return 0, 0, 0
}

// sentenceRequest finds, between the first clause and the last (toks[first:last]), a
// sentence of one or two words that names a role ("Manager.", "Human!"): a person noun set
// apart by full stops is asked for. An indefinite one ("Anyone.") is not, nor a role in a
// list ("buyer, agent, lender").
func sentenceRequest(text string, toks []token, first, last int) (int, int) {
	for i := first; i < last; {
		j := i
		for j < len(toks) && toks[j].clause == toks[i].clause {
			j++
		}
		if j-i <= 2 && j < len(toks) && sentenceEnd(text[toks[i-1].end:toks[i].start]) &&
			sentenceEnd(text[toks[j-1].end:toks[j].start]) {
			if person, role, _ := personSpan(toks, i, j); person && role {
				return i, j
			}
		}
		i = j
	}
	return 0, 0
}

func sentenceEnd(between string) bool { return strings.ContainsAny(between, ".!") }

// allCaps: every word of the message is typed in capitals.
func allCaps(toks []token) bool {
	for _, t := range toks {
		if !t.caps {
			return false
		}
	}
	return len(toks) > 0
}

// deptCore are the words that make a few fillers a department: "customer service",
// "atención al cliente", "ventas por favor".
var deptCore = toSet("service|servicio|support|soporte|sales|ventas|billing|facturacion|atencion|leasing")

// onlyDepartment: the whole message names a department of the business among fillers and
// nothing else, and nothing in it is negated; said to a bot, that asks to be put through.
func onlyDepartment(toks []token) bool {
	core := false
	for k, t := range toks {
		switch {
		case deptCore[t.w]:
			if negatedAt(toks, k) {
				return false
			}
			core = true
		case !terseFillers[t.w]:
			return false
		}
	}
	return core
}

// onlyPerson: toks[i:j] name a person (not negated) among fillers and nothing else. "Anyone"
// or "alguien" alone is a call into the void ("hello??? anyone???"), a request only with a
// word that asks ("someone please", "alguien real").
func onlyPerson(toks []token, i, j int) bool {
	person, role, asks := personSpan(toks, i, j)
	return person && (role || asks)
}

// personSpan reads toks[i:j] as a person among fillers: person, when they name one (not
// negated) and nothing else; role, when one of the nouns is not indefinite ("manager", not
// "anyone"); asks, when a filler asks for them ("please", "real") rather than greets.
func personSpan(toks []token, i, j int) (person, role, asks bool) {
	for k := i; k < j; k++ {
		t := toks[k]
		switch {
		case lex.persons[t.w] || (t.fz != "" && lex.persons[t.fz]):
			if negatedAt(toks, k) {
				return false, false, false
			}
			person = true
			role = role || roleNoun(t)
		case trades[t.w] && (k > i && roleNoun(toks[k-1]) || k+1 < j && roleNoun(toks[k+1])):
			// "mortgage specialist please", "asesor hipotecario": the kind of person wanted.
		case !terseFillers[t.w]:
			return false, false, false
		default:
			asks = asks || !greetings[t.w]
		}
	}
	return person, role, asks
}

// trades name the kind of a role, next to it: "loan officer", "leasing agent", "asesor
// hipotecario".
var trades = toSet("mortgage|loan|lending|leasing|closing|escrow|financing|hipotecario|hipotecaria|credito|creditos|" +
	"financiamiento|inmobiliario|inmobiliaria")

// roleNoun: t is a person noun that is not indefinite ("manager", not "anyone").
func roleNoun(t token) bool {
	return (lex.persons[t.w] || t.fz != "" && lex.persons[t.fz]) && !indefinite[t.w] && !indefinite[t.fz]
}

// indefinite person nouns, and greetings, which ask for nobody in particular.
var (
	indefinite = toSet("someone|somebody|anyone|anybody|alguien|whoever")
	greetings  = toSet("hello|hi|hey|hola|oye|a|an|the|un|una|el|la|ok|okay|lol|ugh|again|otra|vez|just|only|solo|x")
)

// Emoji the tokenizer drops: angry ones are frustration; crying and a broken heart add to
// distress (a crying face is also laughter, so it only adds).
var (
	angryEmoji = []string{"😡", "🤬", "😠", "😤", "🙄", "👎", "💢", "🖕", "🤦", "😒", "🙃"}
	sadEmoji   = []string{"😭", "😢", "💔", "😰", "😩", "😞", "😔", "🥺", "😥", "😓", "😟", "😣", "😖", "😫", "😨", "😱"}
	emojiCues  = [2]cue{{trig: trigFrustration, weight: 0.75, label: "angry emoji"}, {trig: trigDistress, weight: 0.5, label: "sad emoji"}}
)

func addEmoji(text string, ms *msgScore) {
	if utf8.RuneCountInString(text) == len(text) {
		return // ASCII only
	}
	for k, set := range [][]string{angryEmoji, sadEmoji} {
		for _, e := range set {
			if strings.Contains(text, e) {
				c := &emojiCues[k]
				ms.best[c.trig] = append(ms.best[c.trig], hit{c: c, weight: c.weight, text: e, qe: len(e)})
				ms.score[c.trig] = 1 - (1-ms.score[c.trig])*(1-c.weight)
				break
			}
		}
	}
}

// addShouting adds shouting and "!!!"/"???" as frustration, as the labelled set defines it:
// several words in capitals, or a one-word message in capitals, or three marks in a row count
// on their own; two marks, "?!" and one capitalised word in a longer message only add to other
// cues. None of it counts in a plainly happy message ("WE LOVE IT!!!").
func addShouting(text string, toks []token, ms *msgScore) {
	caps, words, firstCaps := 0, 0, -1
	for i, t := range toks {
		if isDigit(t.w[0]) {
			continue
		}
		words++
		if t.caps && len(t.w) >= 3 && !acronyms[t.w] {
			caps++
			if firstCaps < 0 {
				firstCaps = i
			}
		}
	}
	shout := 0.0
	switch {
	case caps == 1 && words == 1 && lex.persons[toks[firstCaps].w]:
		// "HUMAN", "AGENT": a terse request typed the way a phone menu is answered, not a shout.
	case caps >= 2 || (caps == 1 && words == 1 && len(toks[firstCaps].w) >= 5):
		shout = shoutCue.weight
	case caps == 1 && len(toks[firstCaps].w) >= 4:
		shout = 0.4 // one word stressed: "wrong AGAIN"
	}
	run, mixed, doubled := punctRun(text)
	punct := 0.0
	switch {
	case run >= 3 || doubled >= 2: // "???", or "??" more than once: "Hello?? Anybody there??"
		punct = punctCue.weight
	case mixed:
		punct = 0.6
	case run == 2:
		punct = 0.5
	}
	if shout == 0 && punct == 0 {
		return
	}
	// VADER reads the start only: it is there for short happy messages, and it is slow. A
	// message that thanks and complains of nothing is excited, not angry: "we got the
	// house!!! 😭 thank you". One that asks why, or says a thing is still so, complains
	// whatever good words it holds: "WHY IS THE LISTING STILL ACTIVE WHEN WE ACCEPTED AN
	// OFFER".
	complains := hasWord(toks, complaintAsks)
	thanked := (len(ms.best[trigResolved]) > 0 || !complains && goodNews(toks)) && ms.score[trigFrustration] == 0
	if thanked || !complains && compound(clip(text, 512)) > 0.3 {
		// Read and taken back: the classifier, which sees the capitals and "!!!" too, must
		// not call the joy anger either ("I LOVE THIS HOUSE!!!!").
		ms.countered[trigFrustration] = true
		return
	}
	miss := 1 - ms.score[trigFrustration]
	if shout > 0 {
		end := firstCaps
		for end+1 < len(toks) && toks[end+1].caps && toks[end+1].clause == toks[firstCaps].clause {
			end++
		}
		ms.best[trigFrustration] = append(ms.best[trigFrustration], spanHit(&shoutCue, shout, text, toks, firstCaps, end+1))
		miss *= 1 - shout
	}
	if punct > 0 {
		p := repeatedPunct(text)
		ms.best[trigFrustration] = append(ms.best[trigFrustration], hit{c: &punctCue, weight: punct, text: p, qe: len(p)})
		miss *= 1 - punct
	}
	ms.score[trigFrustration] = 1 - miss
}

// goodNewsWords are news a customer shouts for joy, in words VADER does not read ("¡¡Nos
// aceptaron la oferta!!!").
var goodNewsWords = toSet("aceptaron|accepted|aprobaron|approved|ganamos|yay|yupi|felicidades|congrats|congratulations|" +
	"emocionado|emocionada|emocionados|emocionadas|excited|feliz|felices|contentisimo|contentisima|woohoo|hurra|wooo")

// goodNews: a word of good news, not negated.
func goodNews(toks []token) bool {
	for k, t := range toks {
		if goodNewsWords[t.w] && !negatedAt(toks, k) {
			return true
		}
	}
	return false
}

// complaintAsks ask why, or say a thing is still so.
var complaintAsks = toSet("why|still|todavia")

// hasWord: one of the message's words is in set.
func hasWord(toks []token, set map[string]bool) bool {
	for _, t := range toks {
		if set[t.w] {
			return true
		}
	}
	return false
}

// addStaccato finds a sentence said one word at a time, for emphasis: "Answer. The. Question.",
// "ugh. human. please." It only adds (0.5): "Dallas. Austin. Houston." is a list, and it is
// skipped in a plainly happy message. When the run holds a word that only glues a sentence
// together ("the", "me", "your"), it is one sentence cut up, never a list, and it says more
// (0.8): "fix. the. sink."
func addStaccato(text string, toks []token, ms *msgScore) {
	run, best, end := 0, 0, 0
	for k := range toks {
		alone := (k == 0 || toks[k-1].clause != toks[k].clause) && (k+1 == len(toks) || toks[k+1].clause != toks[k].clause)
		if alone && (k == 0 || strings.ContainsAny(text[toks[k-1].end:toks[k].start], ".!")) {
			run++
		} else if alone {
			run = 1
		} else {
			run = 0
		}
		if run > best {
			best, end = run, k
		}
	}
	if best < 3 || compound(clip(text, 512)) > 0.3 {
		return
	}
	w := staccatoCue.weight
	for _, t := range toks[end-best+1 : end+1] {
		if staccatoGlue[t.w] {
			w = staccatoFirm
			break
		}
	}
	h := spanHit(&staccatoCue, w, text, toks, end-best+1, end+1)
	ms.add(trigFrustration, h)
}

// staccatoGlue: words that only join a sentence, never stand in a list of their own.
var staccatoGlue = toSet("the|a|an|my|your|our|me|us|you|it|to|of|el|la|los|las|mi|mis|su|sus|nos|de|del|tu|un|una")

// staccatoFirm is a staccato run's weight when it is one sentence cut up.
const staccatoFirm = 0.8

// addClipped finds a sentence broken into fragments, for emphasis: "the fee. for the condo.
// per month. how much". Three fragments of at most three words in a row, each ended by a full
// stop, only add (0.4): "Hi. Thanks. See you soon." is a polite note, and a plainly happy
// message is skipped. It is what makes such a message read as asking again.
func addClipped(text string, toks []token, ms *msgScore) {
	run, best, start, from, to := 0, 0, 0, 0, 0
	for k := 0; k < len(toks); {
		j := k
		for j < len(toks) && toks[j].clause == toks[k].clause {
			j++
		}
		short := j-k <= 3
		stopped := k > 0 && strings.Contains(text[toks[k-1].end:toks[k].start], ".")
		switch {
		case short && stopped && run > 0:
			run++
		case short:
			run, start = 1, k
		default:
			run = 0
		}
		if run > best {
			best, from, to = run, start, j
		}
		k = j
	}
	if best < 3 || compound(clip(text, 512)) > 0.3 {
		return
	}
	h := spanHit(&clippedCue, clippedCue.weight, text, toks, from, to)
	ms.add(trigFrustration, h)
}

// punctRun is the longest run of "!" and "?" in text, whether a run mixes them, and how many
// runs are two marks or more.
func punctRun(text string) (longest int, mixed bool, doubled int) {
	run, seen := 0, byte(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '!' && c != '?' {
			run, seen = 0, 0
			continue
		}
		run++
		if run == 2 {
			doubled++
		}
		if seen != 0 && seen != c {
			mixed = true
		}
		seen = c
		longest = max(longest, run)
	}
	return longest, mixed, doubled
}

// sarcasmPraise are words of praise that, alone in a short clause of a message that also
// reports a failure, are sarcasm: "Oh wonderful, the third time you've rescheduled."
var sarcasmPraise = toSet("great|wonderful|perfect|fantastic|awesome|lovely|nice|brilliant|excellent|amazing|superb|" +
	"professional|helpful|efficient|responsive|genial|perfecto|excelente|fantastico|maravilloso|profesional|eficiente|" +
	"bravo|wow|barbaro|buenisimo|espectacular|maravilla|marvellous|marvelous|splendid|delightful")

// sarcasmEvents report a failure of the service.
var sarcasmEvents = toSet("again|third|fourth|fifth|cancelled|canceled|cancel|cancelling|canceling|late|wrong|nobody|noone|" +
	"still|nadie|tarde|equivocada|equivocado|nunca|never|rescheduled|reschedule|delayed|ignored|lost|broke|broken|" +
	"tercer|tercera|tercero|cuarta|cuarto|quinta|quinto|todavia|sigue|siguen|cancelaron|perdieron|olvidaron|forgot")

var (
	anotherWords = toSet("another|otro|otra")
	sincereNext  = toSet("question|questions|thing|one|quick|idea|option|request|favor|pregunta|preguntas|cosa|duda|" +
		"opcion|consulta|detalle|cosita|preguntita|tema|punto|asunto|topic|point|note|dia|day")
	mockOpen = toSet("oh|que|how")
)

// addSarcasm finds praise that cannot be meant: a clause of at most three words of praise in
// a message that also reports a failure, and says nothing is settled ("you rescheduled it,
// that works, perfect" is sincere).
func addSarcasm(text string, toks []token, ms *msgScore) {
	if len(ms.best[trigResolved]) > 0 && ms.best[trigResolved][0].weight >= 0.8 {
		return
	}
	// "Another" mocks after praise said with "oh" or "qué", or as a sentence of its own:
	// "Oh wonderful, another form", "Marvellous. Another form to fill in.", "Qué maravilla,
	// otro formulario"; "Great, another question" and "Perfecto, otra pregunta" do not.
	event, another := false, false
	for k, t := range toks {
		// "We'll list with you again, you were great": coming back is loyalty, not a letdown.
		event = event || sarcasmEvents[t.w] && !(t.w == "again" && k > 0 && toks[k-1].w == "you")
		if anotherWords[t.w] && (k+1 == len(toks) || !sincereNext[toks[k+1].w]) {
			another = true
			event = event || t.w != "another" && k+1 < len(toks) && toks[k+1].w == "vez" // "otra vez"
		}
	}
	if !event && !another {
		return
	}
	for i := 0; i < len(toks); {
		j := i
		praise := -1
		for j < len(toks) && toks[j].clause == toks[i].clause {
			// "bien" is praise only as "qué bien": "todo salió bien" is a report.
			if (sarcasmPraise[toks[j].w] || toks[j].w == "bien" && j > i && toks[j-1].w == "que") && praise < 0 {
				praise = j
			}
			j++
		}
		if praise >= 0 && j-i <= 3 && (event || mockOpen[toks[i].w] || j < len(toks) && strings.Contains(text[toks[j-1].end:toks[j].start], ".")) {
			h := spanHit(&sarcasmCue, sarcasmCue.weight, text, toks, i, j)
			ms.add(trigFrustration, h)
			return
		}
		i = j
	}
}

func repeatedPunct(text string) string {
	i := strings.IndexAny(text, "!?")
	for i >= 0 && i+1 < len(text) && !strings.ContainsAny(text[i+1:i+2], "!?") {
		j := strings.IndexAny(text[i+1:], "!?")
		if j < 0 {
			return "!!"
		}
		i += 1 + j
	}
	j := i
	for j < len(text) && strings.ContainsRune("!?", rune(text[j])) {
		j++
	}
	return text[i:j]
}

// curtClauses are exasperation said as a sentence of its own: "Enough.", "Seriously?",
// "Ya basta.", "I'm done." Inside a sentence the words mean little ("big enough", "seriously
// considering", "I'm done with the forms").
var curtClauses = [][]string{{"enough"}, {"seriously"}, {"basta"}, {"ya", "basta"}, {"en", "serio"}, {"come", "on"},
	{"unbelievable"}, {"increible"}, {"neta"}, {"just", "wow"}, {"i", "am", "done"}, {"we", "are", "done"},
	{"incredible"}, {"unreal"}, {"typical"}, {"figures"}, {"pathetic"}, {"classic"}, {"tipico"}, {"whatever"}, {"ya", "que"},
	{"bruh"}, {"smh"}, {"fix", "it"}, {"fix", "this"}, {"arreglenlo"}}

// jokeMarks: the customer has just said they were joking ("Is it haunted? jk. Seriously
// though, how old is it?"), so what follows is a change of tone, not exasperation.
var jokeMarks = toSet("jk|jking|bromeando")

// curtAlone are exasperation only when they are the whole message: "ugh" after a wrong
// answer, "olvídalo" after the wrong statement was sent; "ugh, I forgot my ID" is the
// customer's own slip, "forget it, I found it" a search called off.
var curtAlone = [][]string{{"ugh"}, {"ughh"}, {"uggh"}, {"argh"}, {"meh"}, {"forget", "it"}, {"forget", "it", "then"},
	{"olvidalo"}, {"olvidenlo"}, {"olvidelo"}}

// demands are a curt clause that ends a request for a person: "supervisor. now.", "Quiero
// hablar con el gerente. Ya."
var demands = [][]string{{"now"}, {"right", "now"}, {"ahora"}, {"ahora", "mismo"}, {"ya"}, {"ya", "mismo"}, {"immediately"}}

var curtOrDemand = slices.Concat(curtClauses, demands)

// addCurt finds a clause that is only one of curtClauses, in a message that neither thanks
// ("thank you for everything, seriously"), jokes, takes back a complaint's words ("Killer
// deal, seriously."), nor is plainly happy, one of demands closing a request for a person, or
// a message that is only one of curtAlone.
func addCurt(text string, toks []token, ms *msgScore) {
	if len(ms.best[trigResolved]) > 0 || hasWord(toks, jokeMarks) || ms.countered[trigFrustration] && ms.score[trigFrustration] == 0 {
		return
	}
	for _, c := range curtAlone {
		if len(toks) == len(c) && phraseAt(toks, 0, toks[0].clause, c) {
			ms.add(trigFrustration, spanHit(&curtCue, curtCue.weight, text, toks, 0, len(toks)))
			return
		}
	}
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].clause == toks[i].clause {
			j++
		}
		clauses := curtClauses
		if i > 0 && j == len(toks) && ms.score[trigHuman] >= 0.5 && strings.ContainsAny(text[toks[i-1].end:toks[i].start], ".!") {
			clauses = curtOrDemand
		}
		for _, c := range clauses {
			if j-i == len(c) && phraseAt(toks, i, toks[i].clause, c) {
				if amazed[c[0]] && !hasWord(toks, absence) || !amazed[c[0]] && compound(clip(text, 512)) > 0.3 {
					return
				}
				h := spanHit(&curtCue, curtCue.weight, text, toks, i, j)
				ms.add(trigFrustration, h)
				return
			}
		}
		i = j
	}
}

// amazed are curt clauses that are praise ("The view. Incredible.") unless beside a report
// that nothing came ("Nothing. Not even a rejection. Incredible."); VADER reads them as praise
// either way, so only the report decides.
var (
	amazed  = toSet("incredible|unreal")
	absence = toSet("nothing|nada|nobody|nadie|never|nunca|still|todavia|again|zero|cero")
)

// mocks: the message's frustration is sarcasm, whose laugh is derision, not levity: "lol ok so
// the 'move-in ready' house has no stove. love that for me".
func mocks(best []hit) bool {
	for _, h := range best {
		if h.c.label == sarcasmCue.label {
			return true
		}
	}
	return false
}

// laughDamp is what laughter leaves of a message's frustration and distress.
const laughDamp = 0.8

// mocked are what a customer laughs at when the laugh is derision, not levity: "lol this bot
// is a joke", "lol wow. "we value your feedback". sure you do": the business, or its words.
var mocked = toSet("bot|bots|chatbot|robot|ai|ia|machine|maquina|app|website|site|service|servicio|company|empresa|ustedes|" +
	"agency|agencia|brokerage|team|equipo|your|feedback")
var laughWords = toSet("lol|lmao|lmfao|rofl|haha|hahaha|hehe|jaja|jajaja|jeje|jejeje|xd|lolol")

// laughing: the message laughs, in words ("lol", "jajaja") or emoji, and not at the service.
// Most messages do not laugh, so that is asked first.
func laughing(text string, toks []token) bool {
	laughs := false
	for _, t := range toks {
		if laughWords[t.w] || strings.HasPrefix(t.w, "jaja") || strings.HasPrefix(t.w, "haha") {
			laughs = true
			break
		}
	}
	if !laughs && !strings.Contains(text, "😂") && !strings.Contains(text, "🤣") {
		return false
	}
	return !hasWord(toks, mocked)
}
