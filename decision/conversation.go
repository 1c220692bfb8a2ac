package decision

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

const (
	// triggerWindow is how many of the latest customer messages are read for a request for a
	// person, frustration and distress: it is the customer's state now that matters.
	triggerWindow = 8
	// Per customer message said since, a cue counts this much less: the latest words weigh
	// most. A request for a person keeps longer than a mood.
	humanDecay = 0.9
	moodDecay  = 0.85
	// frustrationDecay: frustration builds over a few messages ("when is the open house" three
	// times), so it fades a little slower than distress.
	frustrationDecay = 0.9
	// HumanRequestThreshold: a human_request_score at or above it sets human_requested.
	HumanRequestThreshold = 0.5
)

// reading is the analysis of a conversation's customer messages, trigger by trigger.
type reading struct {
	score [numTriggers]float64
	// at is which message of the window the score comes from (0-based), -1 for none.
	at [numTriggers]int
	// evidence quotes the customer's trigger words.
	evidence [numTriggers]string
	// legalLabels and complexityLabels name the legal and complexity cues found anywhere.
	legal, complexity float64
	legalLabels       []string
	complexityLabels  []string
	window            int
}

// read analyses the customer messages (oldest first; all of them for legal complexity, the
// latest triggerWindow for the rest).
func read(texts []string) reading {
	var r reading
	for t := range r.at {
		r.at[t] = -1
	}
	first := max(0, len(texts)-triggerWindow)
	r.window = len(texts) - first
	scores := make([]msgScore, len(texts))
	var toks []token
	var hits []hit
	var buf []byte
	legalBest := map[string]hit{}
	var legalOrder []string
	contents := make([][]string, r.window)
	for i, text := range texts {
		toks = tokenize(text, toks[:0])
		inWindow := i >= first
		if inWindow {
			for k := range toks {
				toks[k].fz, buf = lex.fuzzy.lookup(toks[k].w, buf)
			}
		}
		hits = lex.scan(text, toks, hits[:0])
		ms := &scores[i]
		scoreMessage(text, toks, hits, ms)
		for _, t := range []trigger{trigLegal, trigComplexity} {
			for _, h := range ms.best[t] {
				if old, ok := legalBest[h.c.label]; !ok || h.weight > old.weight {
					if !ok {
						legalOrder = append(legalOrder, h.c.label)
					}
					legalBest[h.c.label] = h
				}
			}
		}
		if !inWindow {
			continue
		}
		if terseRequest(toks) && ms.score[trigHuman] < 0.9 {
			h := hit{c: &terseCue, i: 0, j: len(toks), weight: terseCue.weight, quote: quote(text, toks, 0, len(toks)-1)}
			ms.best[trigHuman] = append([]hit{h}, ms.best[trigHuman]...)
			ms.score[trigHuman] = h.weight
		}
		addShouting(text, toks, ms)
		contents[i-first] = contentWords(toks)
		if k := repeatOf(contents[:i-first+1], text, toks); k >= 0 {
			h := hit{c: &repeatCue, weight: repeatCue.weight, quote: quote(text, toks, 0, min(len(toks), 8)-1)}
			ms.best[trigFrustration] = append([]hit{h}, ms.best[trigFrustration]...)
			ms.score[trigFrustration] = 1 - (1-ms.score[trigFrustration])*(1-h.weight)
		}
	}
	for _, t := range []trigger{trigHuman, trigFrustration, trigDistress} {
		r.peak(t, scores[first:])
	}
	r.legal, r.complexity = 0, 0
	missLegal, missComplex := 1.0, 1.0
	for _, label := range legalOrder {
		h := legalBest[label]
		if h.c.trig == trigLegal {
			missLegal *= 1 - h.weight
			r.legalLabels = append(r.legalLabels, label+" ("+strconv.Quote(h.quote)+")")
		} else {
			r.complexityLabels = append(r.complexityLabels, label)
		}
		// Complexity counts a serious legal matter as 0.6 and a routine one as 0.3, as it
		// always has: two serious ones, or one and two routine, pass rule 1's 0.8.
		cw := 0.25
		switch {
		case h.c.trig == trigLegal && h.weight >= legalHigh:
			cw = 0.6
		case h.c.trig == trigLegal:
			cw = 0.3
		}
		missComplex *= 1 - cw
	}
	// Strongest first: the brief shows the first few.
	sort.SliceStable(r.legalLabels, func(i, j int) bool {
		return legalBest[labelOf(r.legalLabels[i])].weight > legalBest[labelOf(r.legalLabels[j])].weight
	})
	r.legal = round2(1 - missLegal)
	r.complexity = round2(1 - missComplex)
	return r
}

// peak is the strongest message score of trigger t, discounted by the messages said since
// and faded by resolutions or withdrawals in later messages; each other strong message adds
// a little (a state that persists).
func (r *reading) peak(t trigger, scores []msgScore) {
	n := len(scores)
	decay := moodDecay
	switch t {
	case trigHuman:
		decay = humanDecay
	case trigFrustration:
		decay = frustrationDecay
	}
	fade := 1.0
	peak, strong := 0.0, 0
	for i := n - 1; i >= 0; i-- {
		ms := &scores[i]
		v := ms.score[t] * math.Pow(decay, float64(n-1-i)) * fade
		if ms.score[t] >= 0.7 {
			strong++
		}
		if v > peak {
			peak, r.at[t] = v, i
			r.evidence[t] = evidence(ms.best[t])
		}
		// This message's resolution fades what came before it, unless it is itself a
		// complaint ("thanks for nothing").
		if ms.score[trigFrustration] < 0.7 {
			for _, rt := range []trigger{trigResolved, trigWithdrawn} {
				if len(ms.best[rt]) > 0 {
					fade *= 1 - fadeBy(rt, ms.best[rt][0].weight, t)
				}
			}
		}
	}
	if t != trigHuman && peak >= 0.5 && strong > 1 {
		peak += 0.05 * float64(strong-1)
	}
	r.score[t] = round2(math.Min(1, peak))
}

// legalHigh is the legal score from which legal_complexity is "high"; legalMedium "medium".
const (
	legalHigh   = 0.6
	legalMedium = 0.25
)

func (r *reading) legalLevel() string {
	switch {
	case r.legal >= legalHigh:
		return "high"
	case r.legal >= legalMedium:
		return "medium"
	}
	return "low"
}

var (
	terseCue  = cue{trig: trigHuman, weight: 0.9, label: "asked for a person"}
	repeatCue = cue{trig: trigFrustration, weight: 0.85, label: "repeated question"}
	shoutCue  = cue{trig: trigFrustration, weight: 0.5, label: "shouting"}
	punctCue  = cue{trig: trigFrustration, weight: 0.5, label: "repeated punctuation"}
)

// terseRequest: a message of a few words that names a person and nothing else: "agent",
// "human pls", "Manager, please.", "operador", "REPRESENTATIVE!!!".
func terseRequest(toks []token) bool {
	if len(toks) == 0 || len(toks) > 6 {
		return false
	}
	person := false
	for i, t := range toks {
		switch {
		case lex.persons[t.w] || (t.fz != "" && lex.persons[t.fz]):
			if negatedAt(toks, i) {
				return false
			}
			person = true
		case !terseFillers[t.w]:
			return false
		}
	}
	return person
}

// addShouting adds capitals and "!!!"/"???" as frustration, unless the message is plainly
// happy ("WE LOVE IT!!!").
func addShouting(text string, toks []token, ms *msgScore) {
	caps, words, firstCaps := 0, 0, -1
	for i, t := range toks {
		if t.w[0] >= '0' && t.w[0] <= '9' {
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
	shout := caps >= 2 || (caps == 1 && words == 1 && len(toks[firstCaps].w) >= 5)
	punct := strings.Contains(text, "!!") || strings.Contains(text, "??") || strings.Contains(text, "?!") || strings.Contains(text, "!?")
	if !shout && !punct || compound(text) > 0.3 {
		return
	}
	miss := 1 - ms.score[trigFrustration]
	if shout {
		end := firstCaps
		for end+1 < len(toks) && toks[end+1].caps && toks[end+1].clause == toks[firstCaps].clause {
			end++
		}
		ms.best[trigFrustration] = append(ms.best[trigFrustration], hit{c: &shoutCue, weight: shoutCue.weight, quote: quote(text, toks, firstCaps, end)})
		miss *= 1 - shoutCue.weight
	}
	if punct {
		ms.best[trigFrustration] = append(ms.best[trigFrustration], hit{c: &punctCue, weight: punctCue.weight, quote: repeatedPunct(text)})
		miss *= 1 - punctCue.weight
	}
	ms.score[trigFrustration] = 1 - miss
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

// stopwords carry no topic: two questions share a topic when they share other words.
var stopwords = toSet("the|a|an|is|are|it|its|of|on|in|at|to|for|and|or|what|when|where|how|which|who|why|does|do|did|can|" +
	"could|would|will|i|you|me|my|your|we|our|us|this|that|there|be|been|has|have|was|any|not|no|yet|still|please|hello|hi|" +
	"ok|okay|thanks|just|so|if|about|with|from|am|much|many|again|asked|el|la|los|las|un|una|de|del|en|que|y|o|es|se|mi|su|" +
	"por|para|con|cuando|cuanto|cuanta|cual|como|donde|tiene|hola|le|lo|les|te|puedo|puede|otra|vez|ya|pregunte|dije|or")

func contentWords(toks []token) []string {
	var out []string
	for _, t := range toks {
		if stopwords[t.w] || (len(t.w) < 3 && (t.w[0] < '0' || t.w[0] > '9')) {
			continue
		}
		w := strings.TrimSuffix(t.w, "s")
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
// asked: the same words, or the same topic with a sign of asking again ("or not", "still",
// "I asked", a question mark). One shared word is a topic only when it is all the customer
// said ("¿hola? ¿mascotas?"); otherwise two are needed, so a follow-up question on the same
// listing is not mistaken for a repeat.
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
		same := float64(shared)/float64(union) >= 0.75
		topic := shared >= 2 || shared == len(last)
		if (same && asking) || (topic && marker) {
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

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// describe is the derived note for a trigger: its score and the quoted words.
func (r *reading) describe(t trigger) string {
	if r.at[t] < 0 || r.evidence[t] == "" {
		return "no cues"
	}
	return fmt.Sprintf("%s in customer message %d of the last %d", r.evidence[t], r.at[t]+1, r.window)
}

// joinLabels names the legal cues found, strongest first as found.
func (r *reading) joinLabels() string {
	all := append(append([]string(nil), r.legalLabels...), r.complexityLabels...)
	if len(all) == 0 {
		return "no complexity cues"
	}
	if len(all) > 3 {
		all = append(all[:3], fmt.Sprintf("%d more", len(all)-3))
	}
	return "cues " + strings.Join(all, ", ")
}
