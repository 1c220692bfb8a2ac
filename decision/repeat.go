package decision

import "strings"

// The customer asking the same question again is frustration, whatever the words.

// stopwords carry no topic: two questions share a topic when they share other words.
var stopwords = toSet("the|a|an|is|are|it|its|of|on|in|at|to|for|and|or|what|when|where|how|which|who|why|does|do|did|can|" +
	"could|would|will|i|you|me|my|your|we|our|us|this|that|there|be|been|has|have|was|any|not|no|yet|still|please|hello|hi|" +
	"ok|okay|thanks|just|so|if|about|with|from|am|much|many|again|asked|el|la|los|las|un|una|de|del|en|que|y|o|es|se|mi|su|" +
	"por|para|con|cuando|cuanto|cuanta|cual|como|donde|tiene|hola|le|lo|les|te|puedo|puede|otra|vez|ya|pregunte|dije|or|" +
	"asking|preguntando|estoy|esta|hay|tienen")

// sameTopic maps words that ask the same thing to one, across both languages: "how much is
// it" and "what's the price" are one question, and so are "what's your commission" and "how
// much do you charge".
var sameTopic = map[string]string{
	"cost": "price", "costs": "price", "pricing": "price", "precio": "price", "cuesta": "price", "cuanto": "price", "much": "price",
	"availability": "available", "disponible": "available", "visit": "see", "tour": "see", "showing": "see", "view": "see",
	"ver": "see", "visita": "see", "visitar": "see", "dog": "pet", "dogs": "pet", "cat": "pet", "cats": "pet", "pets": "pet",
	"mascota": "pet", "mascotas": "pet", "perro": "pet", "perros": "pet", "cochera": "parking", "garaje": "parking",
	"garage": "parking", "estacionamiento": "parking", "coche": "parking", "carro": "parking", "cajon": "parking",
	"impuestos": "tax", "taxes": "tax", "casa": "house", "home": "house", "oferta": "offer", "escuela": "school",
	"commission": "fee", "commissions": "fee", "comision": "fee", "fees": "fee", "charge": "fee", "cobran": "fee",
	"percent": "fee", "percentage": "fee", "porcentaje": "fee", "honorarios": "fee",
}

// contentWords are the words of a message that say what it is about: not stopwords, and not
// two-letter words unless typed in capitals ("VA loan", "HOA") or with digits ("4B").
func contentWords(toks []token) []string {
	var out []string
	for _, t := range toks {
		if (stopwords[t.w] && t.w != "much") || (len(t.w) < 3 && !t.caps && (t.w[0] < '0' || t.w[0] > '9')) {
			continue
		}
		w := t.w
		if same, ok := sameTopic[w]; ok {
			w = same
		}
		w = stem(w)
		if !containsString(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func containsString(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// asked is what a message of the window asked about: its content words, and whether it was a
// question at all.
type asked struct {
	words    []string
	question bool
	nudge    bool // the message is only a nudge (nudging)
}

// questionStarts open a question typed without "?": "did the sellers respond", "what's the
// earnest money amount", "cuánto cuesta".
var questionStarts = toSet("what|when|where|how|which|who|why|is|are|do|does|did|can|could|will|would|should|has|have|" +
	"any|que|cual|cuanto|cuanta|cuantos|cuantas|cuando|donde|como|quien|aceptan|tienen|hay")

// wantToKnow and askWord make an indirect question: "quería saber si aceptan mascotas", "I
// was wondering whether the HOA allows rentals". A "hola??" after one is a nudge like any other.
var (
	wantToKnow = toSet("know|saber|wondering|wonder|preguntar|preguntarles|ask|asking|curious")
	askWord    = toSet("if|whether|si|what|when|where|how|which|que|cual|cuanto|cuanta|cuando|donde|como")
)

// isQuestion: the message asks something, with "?", with a clause that opens as a question, or
// as an indirect question.
func isQuestion(text string, toks []token) bool {
	if strings.IndexByte(text, '?') >= 0 || strings.Contains(text, "¿") {
		return true
	}
	for i, t := range toks {
		if (i == 0 || toks[i-1].clause != t.clause) && questionStarts[t.w] {
			return true
		}
		if i > 0 && askWord[t.w] && wantToKnow[toks[i-1].w] && toks[i-1].clause == t.clause {
			return true
		}
	}
	return false
}

// Markers say the customer is asking again. A strong one ("or not", "I asked", "I said", "le
// estoy preguntando") makes one shared word enough; a weak one ("still", "hello") needs the
// topic.
var (
	strongMarkers = toSet("asked|asking|pregunte|preguntando|preguntado|answer|answered|contestaron|respondieron|dije")
	weakMarkers   = toSet("still|again|hello|hola|yet|todavia|aun|otra")
)

// nudgeWords are all a customer says when they only want an answer to what they asked:
// "???", "hello??", "anyone?", "¿hola? ¿sigue ahí?".
var nudgeWords = toSet("hello|hola|hi|hey|oye|oigan|anyone|anybody|someone|somebody|alguien|there|ahi|alli|still|sigue|" +
	"siguen|waiting|bump|any|update|updates|news|noticias|yes|bueno|alo|the|is|are|you|u")

// repeatOf reports which earlier message of the window the latest one (asks[len-1]) asks
// again, or -1. It does when:
//   - it is only a nudge ("???", "hello??") after a question, or a nudge without a mark right
//     after one ("when is the showing?" "hello"), or the second nudge in a row after something
//     said ("status of request #4471" "hello" "is anyone there");
//   - it has nearly the same words as an earlier message, in a question or after one (the
//     same line sent twice, "?" or not);
//   - it shares the topic of an earlier message, asked again: in a question that says little
//     else ("parking?"), or with a sign of asking again ("or not", "still", "I asked"); insist
//     (the message already reads as exasperated: "Simple question.", capitals, one word at
//     a time) is such a sign.
//
// One shared word is a topic only when it is all the customer said, or with a strong marker;
// otherwise two are needed and most words must be shared, so a follow-up question on the same
// listing ("and the HOA on the Elm house?") is not a repeat.
func repeatOf(asks []asked, text string, toks []token, insist bool) int {
	if apologizesForAsking(toks) {
		return -1
	}
	n := len(asks) - 1
	last := asks[n]
	if n > 0 && last.nudge {
		if k := nudged(asks, strings.ContainsRune(text, '?')); k >= 0 || len(last.words) == 0 {
			return k
		}
	} else if len(last.words) == 0 {
		return -1
	}
	strong, weak := false, insist
	for i, t := range toks {
		strong = strong || strongMarkers[t.w] ||
			(i > 0 && (t.w == "not" || t.w == "no") && (toks[i-1].w == "or" || toks[i-1].w == "o")) ||
			(i > 0 && (t.w == "said" || t.w == "told") && (toks[i-1].w == "i" || toks[i-1].w == "we"))
		weak = weak || weakMarkers[t.w]
	}
	asking := strong || weak || last.question
	for k := n - 1; k >= 0; k-- {
		shared := 0
		for _, w := range last.words {
			if containsString(asks[k].words, w) {
				shared++
			}
		}
		if shared == 0 {
			continue
		}
		union := len(last.words) + len(asks[k].words) - shared
		overlap := float64(shared) / float64(union)
		topic := shared >= 2 || shared == len(last.words)
		same := overlap >= 0.75 && (asking || asks[k].question) && (shared >= 2 || asking)
		terse := shared == len(last.words) && len(last.words) <= 2 && last.question && asks[k].question
		if same || terse || (topic && overlap >= 0.6 && asking) || (topic && weak) || strong {
			return k
		}
	}
	return -1
}

// nudged is the message the latest one, a nudge, asks again, or -1: the question before it,
// anywhere earlier when the nudge is marked ("hello??"), right before it when not ("hello");
// or whatever was said before two nudges in a row ("status of #4471" "hello" "anyone").
func nudged(asks []asked, marked bool) int {
	n := len(asks) - 1
	for k := n - 1; k >= 0; k-- {
		if asks[k].question && (marked || k == n-1) {
			return k
		}
		if !asks[k].nudge {
			if len(asks[k].words) > 0 && n-k >= 2 {
				return k
			}
			if !marked {
				return -1
			}
		}
	}
	return -1
}

// nudging: the message is only a nudge, in words or in marks alone ("???").
func nudging(text string, toks []token) bool {
	if len(toks) == 0 {
		return strings.ContainsAny(text, "?¿")
	}
	return onlyNudge(toks)
}

// onlyNudge: the message says nothing but that the customer is waiting for an answer.
func onlyNudge(toks []token) bool {
	for _, t := range toks {
		if !nudgeWords[t.w] {
			return false
		}
	}
	return true
}

// labelOf is the label of a "label ("quote")" entry.
func labelOf(entry string) string {
	label, _, _ := strings.Cut(entry, ` ("`)
	return label
}

// apologizesForAsking: the customer says sorry for asking again ("I'm sorry I keep asking the
// same things, I'm not thinking clearly"), which is the opposite of insisting.
func apologizesForAsking(toks []token) bool {
	for i, t := range toks {
		if !apologies[t.w] {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+4 && toks[j].clause == t.clause; j++ {
			if askingAgain[toks[j].w] {
				return true
			}
		}
	}
	return false
}

var (
	// Not "siento" alone: "siento que les pregunto lo mismo cada semana" is a complaint.
	apologies   = toSet("sorry|perdon|disculpa|disculpe|disculpen")
	askingAgain = toSet("asking|ask|repeating|repeat|preguntar|pregunto|preguntando|repetir|repito|insistir|insisto")
)
