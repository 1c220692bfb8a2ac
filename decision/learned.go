package decision

import (
	"fmt"
	"math"
	"strings"
)

// WithTriggerModel is a copy of the engine whose built-in analyzer uses m as its classifier,
// or the lexicon alone when m is nil: for measuring one against the other, and for a model
// trained on part of the data (cross-validation).
func (e *Engine) WithTriggerModel(m *TriggerModel) *Engine {
	if e == nil {
		return nil
	}
	c := *e
	c.triggers = m
	return &c
}

// learnedReading is what the classifier made of the window.
type learnedReading struct {
	m *TriggerModel
	p [numLearned]float64
	// fires: the probability reached the trigger's threshold and no veto applies.
	fires [numLearned]bool
	// texts are the window's messages, for the evidence.
	texts []string
}

// classify scores the window read into f; texts are the customer messages read.
func (m *TriggerModel) classify(f *featurizer, r *reading, texts []string) *learnedReading {
	lr := &learnedReading{m: m, texts: texts[len(texts)-r.window:]}
	for t, z := range f.logits() {
		lr.p[t] = Sigmoid(z)
		lr.fires[t] = lr.p[t] >= m.threshold[t] && !(m.veto && r.countered[learnedTrig[t]]) &&
			(r.cued(t) || lr.p[t] >= m.alone[t])
	}
	return lr
}

// AloneThreshold is the probability the classifier needs, by default, to fire for a trigger of
// which the lexicon read no cue at all. Its thresholds are chosen for recall under a precision
// floor on customer messages; on words the labelled sets never show (a league's keywords, "I
// LOVE THIS HOUSE!!!!") a model of a few thousand lines guesses, and a guess with nothing the
// lexicon recognises beside it must be a confident one. Training may choose a trigger's own bar
// (TriggerWeights.Alone) by leaving one author out, never below MinAlone.
const AloneThreshold = 0.8

// MinAlone is the lowest bar training may choose for an uncued firing: below it a lean is
// all there is, and a word no set shows would decide.
const MinAlone = 0.65

// cued: the lexicon read a cue of learned trigger t in the window, whatever it scored.
func (r *reading) cued(t int) bool {
	if learnedTrig[t] == trigLegal {
		return r.legal > 0
	}
	return r.score[learnedTrig[t]] > 0
}

// learnedFor is the learned trigger index of a lexicon trigger, -1 for none.
func learnedFor(t trigger) int {
	for i, lt := range learnedTrig {
		if lt == t {
			return i
		}
	}
	return -1
}

// raise is the score a trigger gets when the classifier fires and the lexicon's score is not
// above the flag's threshold th: from just above th at the classifier's threshold to 1 at
// certainty, so a rule reading the score agrees with the flag.
func (lr *learnedReading) raise(i int, th float64) float64 {
	tau := lr.m.threshold[i]
	v := th + (1-th)*(lr.p[i]-tau)/math.Max(1e-9, 1-tau)
	return math.Min(1, math.Max(round2(v), round2(th+0.01)))
}

// note says why the classifier fired, quoting the words that weighed most.
func (lr *learnedReading) note(i int) string {
	s := fmt.Sprintf("classifier %.2f >= %.2f", lr.p[i], lr.m.threshold[i])
	if ev := lr.m.evidence(lr.texts, i); ev != "" {
		s += " on " + ev
	}
	return s
}

// maxLearnedQuotes: like the lexicon's evidence, at most two short phrases.
const maxLearnedQuotes = 2

// phrase is a candidate quote: tokens [i, j] of a window message and their weight.
type phrase struct {
	msg, i, j int
	weight    float64
}

// evidence quotes the words of the window that pushed trigger t's classifier most, at most
// two phrases of a word or two, never a number, an address or a name.
func (m *TriggerModel) evidence(texts []string, t int) string {
	var best []phrase
	toksOf := make([][]token, len(texts))
	for k, text := range texts {
		toks := tokenize(text, nil)
		toksOf[k] = toks
		r := math.Pow(featureDecay, float64(len(texts)-1-k))
		for i := range toks {
			if !quotable(text, toks, i) || m.weight(wordHash(toks[i].w), t) <= 0 {
				continue
			}
			c := m.tokenWeight(toks, i, t)
			p := phrase{msg: k, i: i, j: i, weight: r * c}
			// A neighbour joins when their bigram pushes too: "so done", "no one".
			if i+1 < len(toks) && toks[i+1].clause == toks[i].clause && quotable(text, toks, i+1) &&
				m.weight(bigramHash(toks[i].w, toks[i+1].w), t) > 0 {
				p.j = i + 1
			} else if i > 0 && toks[i-1].clause == toks[i].clause && quotable(text, toks, i-1) &&
				m.weight(bigramHash(toks[i-1].w, toks[i].w), t) > 0 {
				p.i = i - 1
			}
			if p.weight > 0 {
				best = insertPhrase(best, p)
			}
		}
	}
	var quotes []string
	for _, p := range best {
		toks := toksOf[p.msg]
		q := `"` + quote(texts[p.msg], toks, p.i, p.j) + `"`
		if !containsString(quotes, q) {
			quotes = append(quotes, q)
		}
	}
	return strings.Join(quotes, ", ")
}

// insertPhrase keeps the strongest maxLearnedQuotes phrases that do not overlap.
func insertPhrase(best []phrase, p phrase) []phrase {
	for k := range best {
		if best[k].msg == p.msg && best[k].i <= p.j && p.i <= best[k].j {
			if p.weight > best[k].weight {
				best[k] = p
			}
			return sortPhrases(best)
		}
	}
	best = append(best, p)
	best = sortPhrases(best)
	if len(best) > maxLearnedQuotes {
		best = best[:maxLearnedQuotes]
	}
	return best
}

func sortPhrases(ps []phrase) []phrase {
	for a := 1; a < len(ps); a++ {
		for b := a; b > 0 && ps[b].weight > ps[b-1].weight; b-- {
			ps[b], ps[b-1] = ps[b-1], ps[b]
		}
	}
	return ps
}

// tokenWeight is what token i adds to trigger t's log-odds, before scaling: its word, its
// character n-grams, its negated form, and half of each bigram it is in.
func (m *TriggerModel) tokenWeight(toks []token, i, t int) float64 {
	w := featureWord(toks[i].w)
	c := m.weight(wordHash(w), t)
	if negatedAt(toks, i) {
		c += m.weight(hashString(hashByte(fnvOffset, famNegated), w), t)
	}
	if len(w) <= maxGramWord {
		g := &featurizer{}
		g.grams(w, 1)
		for _, h := range g.idx {
			c += float64(m.w[int(h)*numLearned+t])
		}
	}
	if i > 0 && toks[i-1].clause == toks[i].clause {
		c += m.weight(bigramHash(featureWord(toks[i-1].w), w), t) / 2
	}
	if i+1 < len(toks) && toks[i+1].clause == toks[i].clause {
		c += m.weight(bigramHash(w, featureWord(toks[i+1].w)), t) / 2
	}
	return c
}

func (m *TriggerModel) weight(h uint32, t int) float64 {
	return float64(m.w[int(fold32(h))*numLearned+t])
}

func wordHash(w string) uint32 { return hashString(hashByte(fnvOffset, famWord), w) }

func bigramHash(a, b string) uint32 {
	return hashString(hashByte(hashString(hashByte(fnvOffset, famBigram), a), ' '), b)
}

// quotable: token i may be quoted. Numbers (phones, prices), parts of addresses and emails,
// and capitalised words inside a sentence (names) never are, nor the words that carry no
// meaning alone.
func quotable(text string, toks []token, i int) bool {
	t := toks[i]
	if len(t.w) < 2 || stopwords[t.w] && !negators[t.w] {
		return false
	}
	for k := t.start; k < t.end; k++ {
		if isDigit(text[k]) {
			return false
		}
	}
	if t.start > 0 && strings.ContainsAny(text[t.start-1:t.start], "@./_#") ||
		t.end < len(text) && (text[t.end] == '@' || text[t.end] == '_' ||
			t.end+1 < len(text) && text[t.end] == '.' && text[t.end+1] != ' ') {
		return false
	}
	return !(t.title && i > 0 && toks[i-1].clause == t.clause)
}
