package decision

import "strings"

// The customer asking the same question again is frustration, whatever the words.

// stopwords carry no topic: two questions share a topic when they share other words.
var stopwords = toSet("the|a|an|is|are|it|its|of|on|in|at|to|for|and|or|what|when|where|how|which|who|why|does|do|did|can|" +
	"could|would|will|i|you|me|my|your|we|our|us|this|that|there|be|been|has|have|was|any|not|no|yet|still|please|hello|hi|" +
	"ok|okay|thanks|just|so|if|about|with|from|am|much|many|again|asked|el|la|los|las|un|una|de|del|en|que|y|o|es|se|mi|su|" +
	"por|para|con|cuando|cuanto|cuanta|cual|como|donde|tiene|hola|le|lo|les|te|puedo|puede|otra|vez|ya|pregunte|dije|or")

// sameTopic maps words that ask the same thing to one, across both languages: "how much is
// it" and "what's the price" are one question.
var sameTopic = map[string]string{
	"cost": "price", "costs": "price", "pricing": "price", "precio": "price", "cuesta": "price", "cuanto": "price", "much": "price",
	"availability": "available", "disponible": "available", "visit": "see", "tour": "see", "showing": "see", "view": "see",
	"ver": "see", "visita": "see", "visitar": "see", "dog": "pet", "dogs": "pet", "cat": "pet", "cats": "pet", "pets": "pet",
	"mascota": "pet", "mascotas": "pet", "perro": "pet", "perros": "pet", "cochera": "garage", "garaje": "garage",
	"impuestos": "tax", "taxes": "tax", "casa": "house", "home": "house", "oferta": "offer", "escuela": "school",
}

func contentWords(toks []token) []string {
	var out []string
	for _, t := range toks {
		if (stopwords[t.w] && t.w != "much") || (len(t.w) < 3 && (t.w[0] < '0' || t.w[0] > '9')) {
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

// repeatMarkers say the customer is asking again: "still", "hello?", "I asked", "otra vez".
var repeatMarkers = toSet("still|again|hello|hola|yet|todavia|aun|otra|asked|pregunte|answer|answered|contestaron|respondieron")

// repeatOf reports whether the last of contents asks what an earlier message of the window
// asked: nearly the same words in a question, or the same topic with a sign of asking again
// ("or not", "still", "I asked"). One shared word is a topic only when it is all the customer
// said ("¿hola? ¿mascotas?"); otherwise two are needed and most words must be shared, so a
// follow-up question on the same listing ("and the HOA on the Elm house?") is not a repeat.
func repeatOf(contents [][]string, text string, toks []token) int {
	last := contents[len(contents)-1]
	if len(last) == 0 {
		return -1
	}
	marker := false
	for i, t := range toks {
		marker = marker || repeatMarkers[t.w] ||
			(i > 0 && (t.w == "not" || t.w == "no") && (toks[i-1].w == "or" || toks[i-1].w == "o"))
	}
	asking := marker || strings.ContainsRune(text, '?')
	for k := len(contents) - 2; k >= 0; k-- {
		shared := 0
		for _, w := range last {
			if containsString(contents[k], w) {
				shared++
			}
		}
		if shared == 0 {
			continue
		}
		union := len(last) + len(contents[k]) - shared
		overlap := float64(shared) / float64(union)
		topic := shared >= 2 || shared == len(last)
		if (overlap >= 0.75 && asking) || (topic && overlap >= 0.6 && asking) || (topic && marker) {
			return k
		}
	}
	return -1
}

// labelOf is the label of a "label ("quote")" entry.
func labelOf(entry string) string {
	label, _, _ := strings.Cut(entry, ` ("`)
	return label
}
