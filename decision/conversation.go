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
	// most. Distress lasts through a follow-up question ("my wife passed two months ago" then
	// "what is the house worth?"); a calm conversation since, or "I feel much better", fades it.
	humanDecay = 0.9
	moodDecay  = 0.93
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
	// countered: in the window, a cue of the trigger was taken back (see msgScore).
	countered [numTriggers]bool
	// learned is the classifier's reading, nil without a model.
	learned *learnedReading
}

// read analyses the customer messages (oldest first; all of them for legal complexity, the
// latest triggerWindow for the rest). f, when not nil, is given the window's features for
// the classifier.
func read(texts []string, f *featurizer) reading {
	var r reading
	for t := range r.at {
		r.at[t] = -1
	}
	first := max(0, len(texts)-triggerWindow)
	r.window = len(texts) - first
	scores := make([]msgScore, r.window)
	var sc scratch
	var outside msgScore // a message before the window: read for legal complexity only
	terseAsked := 0      // the window's messages so far that were a bare request for a person
	lastTerse := ""      // the words of the last of them
	legalBest := map[string]hit{}
	var legalOrder []string
	asks := make([]asked, r.window)
	for i, text := range texts {
		sc.toks = tokenize(text, sc.toks[:0])
		toks := sc.toks
		inWindow := i >= first
		ms := &outside
		if inWindow {
			for k := range toks {
				toks[k].fz, sc.buf = lex.fuzzy.lookup(toks[k].w, sc.buf)
			}
			ms = &scores[i-first]
		}
		scoreMessage(text, toks, lex.scan(toks, &sc, !inWindow), ms, &sc)
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
		ti, tj, tw := terseRequest(text, toks)
		if tw == terseCue.weight {
			// The same bare request again, now in capitals, word for word, or for the third
			// time ("Representative" ... "REPRESENTATIVE", "talk to human" ... "talk to
			// human"): the customer is losing patience.
			words := joinWords(toks)
			if terseAsked >= 2 || terseAsked == 1 && (allCaps(toks) || words == lastTerse) {
				ms.add(trigFrustration, spanHit(&louderCue, louderCue.weight, text, toks, ti, tj))
			}
			terseAsked++
			lastTerse = words
		} else if terseAsked >= 2 && ms.score[trigHuman] >= 0.5 && len(ms.best[trigHuman]) > 0 {
			// Two bare requests, then a third in words ("persona" ... "una persona por
			// favor" ... "¿hay alguien ahí?"): asked again all the same.
			h := ms.best[trigHuman][0]
			h.c, h.weight = &louderCue, louderCue.weight
			ms.add(trigFrustration, h)
		}
		if ms.score[trigHuman] < 0.9 {
			if tw > ms.score[trigHuman] {
				h := spanHit(&terseCue, tw, text, toks, ti, tj)
				ms.best[trigHuman] = append([]hit{h}, ms.best[trigHuman]...)
				ms.score[trigHuman] = tw
			}
			if i, j := namedRequest(toks); j > 0 {
				h := spanHit(&namedCue, namedCue.weight, text, toks, i, j)
				ms.add(trigHuman, h)
			}
		}
		addEmoji(text, ms)
		addShouting(text, toks, ms)
		addStaccato(text, toks, ms)
		addClipped(text, toks, ms)
		addCurt(text, toks, ms)
		if ms.score[trigFrustration] < 0.9 {
			addSarcasm(text, toks, ms)
		}
		if laughing(text, toks) && !mocks(ms.best[trigFrustration]) {
			// Laughter is levity: "ugh I forgot my password lol" is no complaint. It softens
			// the message's frustration and distress rather than cancelling them ("this is a
			// joke lol nobody knows anything" still counts); laughing at the service is
			// derision and softens nothing (see laughing).
			ms.score[trigFrustration] *= laughDamp
			ms.score[trigDistress] *= laughDamp
		}
		asks[i-first] = asked{words: contentWords(toks), question: isQuestion(text, toks), nudge: nudging(text, toks)}
		if k := repeatOf(asks[:i-first+1], text, toks, ms.score[trigFrustration] > 0); k >= 0 {
			// A nudge of marks alone ("???") has no words to quote: it quotes itself.
			h := hit{c: &repeatCue, weight: repeatCue.weight, text: text, qe: len(text)}
			if len(toks) > 0 {
				h = spanHit(&repeatCue, repeatCue.weight, text, toks, 0, min(len(toks), 8))
			}
			ms.best[trigFrustration] = append([]hit{h}, ms.best[trigFrustration]...)
			ms.score[trigFrustration] = 1 - (1-ms.score[trigFrustration])*(1-h.weight)
			if f != nil {
				f.sign(sgRepeat, math.Pow(featureDecay, float64(len(texts)-1-i)))
			}
		}
		for t := range ms.countered {
			r.countered[t] = r.countered[t] || ms.countered[t]
		}
		if f != nil {
			f.message(text, toks, len(texts)-1-i)
		}
	}
	for _, t := range []trigger{trigHuman, trigFrustration, trigDistress} {
		r.peak(t, scores)
	}
	r.legal, r.complexity = 0, 0
	missLegal, missComplex := 1.0, 1.0
	for _, label := range legalOrder {
		h := legalBest[label]
		if h.c.trig == trigLegal {
			missLegal *= 1 - h.weight
			r.legalLabels = append(r.legalLabels, label+" ("+strconv.Quote(h.quote())+")")
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
	if f != nil {
		f.lexicon(&r)
	}
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
			for _, rt := range []trigger{trigResolved, trigWithdrawn, trigRelieved} {
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
	terseCue    = cue{trig: trigHuman, weight: 0.9, label: "asked for a person"}
	namedCue    = cue{trig: trigHuman, weight: 0.85, label: "asked for a person by name"}
	repeatCue   = cue{trig: trigFrustration, weight: 0.85, label: "repeated question"}
	shoutCue    = cue{trig: trigFrustration, weight: 0.75, label: "shouting"}
	punctCue    = cue{trig: trigFrustration, weight: 0.75, label: "repeated punctuation"}
	sarcasmCue  = cue{trig: trigFrustration, weight: 0.75, label: "sarcasm"}
	staccatoCue = cue{trig: trigFrustration, weight: 0.5, label: "one word at a time"}
	curtCue     = cue{trig: trigFrustration, weight: 0.75, label: "curt exasperation"}
	clippedCue  = cue{trig: trigFrustration, weight: 0.4, label: "clipped sentences"}
	louderCue   = cue{trig: trigFrustration, weight: 0.8, label: "asked again, louder"}
)

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

// joinWords is a message's words as the lexicons see them, so "Talk to human!" and "talk to
// human" read as the same request.
func joinWords(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.w)
	}
	return b.String()
}
