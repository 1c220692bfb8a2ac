package decision

import (
	"math"
	"strings"
	"unicode/utf8"
)

// The learned part of trigger analysis: one logistic regression per trigger over hashed
// features of the customer's latest messages, trained offline (internal/triggertrain, `make
// train`) and embedded (model.go). The lexicon finds what it was written for; the classifier
// catches phrasings nobody wrote a pattern for. A trigger fires when either says so, unless
// the lexicon read the cue and took it back (a negation, a neutralizer, a resolution), which
// vetoes the classifier for that trigger; where the lexicon read no cue at all, the
// classifier must reach the trigger's own bar for that (AloneThreshold unless training chose
// one).
//
// Features are hashed into a fixed space so scoring needs no vocabulary and no allocation:
// the analyzer's own tokens (accents folded, contractions and shorthand spelled out), word
// unigrams and bigrams within a clause, character 3-5-grams within words, words under a
// negation, a few signs that are not words, and the lexicon's own scores.

// FeatureBits is the size of the hashed feature space, 2^FeatureBits.
const FeatureBits = 18

const (
	featureDim  = 1 << FeatureBits
	featureMask = featureDim - 1
	// numLearned are the triggers the classifier scores, in TriggerNames order.
	numLearned = 4
	// featureDecay: each customer message said since weighs this much less. The latest
	// message is the customer's state; earlier ones give context.
	featureDecay = 0.7
	// maxGramWord: longer "words" are pasted links or keyboard mashing; no character n-grams.
	maxGramWord = 24
)

// TriggerNames are the triggers the classifier learns, in the order of its weights.
var TriggerNames = [numLearned]string{"human_request", "frustration", "distress", "legal"}

// learnedTrig maps a learned trigger to the lexicon's.
var learnedTrig = [numLearned]trigger{trigHuman, trigFrustration, trigDistress, trigLegal}

// Feature families: the first byte hashed, so a word and its bigram or n-gram never share a
// name by construction (they may still collide in the hashed space, rarely).
const (
	famWord    = 'w'
	famBigram  = 'b'
	famGram    = 'c'
	famNegated = 'n'
	famSign    = 's'
)

// sign features: non-word signs, each its own hashed feature.
const (
	sgCaps = iota
	sgPunct2
	sgPunct3
	sgPunctMixed
	sgRepeat
	sgAngryEmoji
	sgSadEmoji
	sgLaugh
	sgCountered // + learned trigger: the lexicon read a cue of it and took it back
	sgLexScore  = sgCountered + numLearned
	sgLexOn     = sgLexScore + numLearned
	sgComplex   = sgLexOn + numLearned
	numSigns    = sgComplex + 1
)

var signNames = func() [numSigns]string {
	var n [numSigns]string
	copy(n[:], []string{"caps", "punct2", "punct3", "punct_mixed", "repeat", "angry_emoji", "sad_emoji", "laugh"})
	for i, t := range TriggerNames {
		n[sgCountered+i] = "countered_" + t
		n[sgLexScore+i] = "lexicon_" + t
		n[sgLexOn+i] = "lexicon_on_" + t
	}
	n[sgComplex] = "complexity"
	return n
}()

// signIndex is each sign's place in the hashed space.
var signIndex = func() [numSigns]uint32 {
	var ix [numSigns]uint32
	for i, name := range signNames {
		ix[i] = fold32(hashString(hashByte(fnvOffset, famSign), name))
	}
	return ix
}()

// LexiconSigns are the indices of the features that carry the lexicon's own reading; training
// can leave them out to measure what they add.
func LexiconSigns() []uint32 {
	var out []uint32
	for i := sgCountered; i < numSigns; i++ {
		out = append(out, signIndex[i])
	}
	return out
}

const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

func hashByte(h uint32, b byte) uint32 { return (h ^ uint32(b)) * fnvPrime }

func hashString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// fold32 folds the high bits in: FNV's low bits alone spread short strings poorly.
func fold32(h uint32) uint32 { return (h ^ h>>FeatureBits) & featureMask }

// featurizer turns the window's messages into features. Scoring (m set) adds each feature's
// weights as it goes and keeps nothing; collecting (m nil) appends them for training.
type featurizer struct {
	m *TriggerModel
	// text features are scaled by 1/sqrt(norm2) at the end, so a long message does not
	// outweigh a short one: dot holds their unscaled sum per trigger.
	dot   [numLearned]float64
	norm2 float64
	signs [numSigns]float64
	// collecting
	idx []uint32
	val []float32
}

// add is one text feature occurrence.
func (f *featurizer) add(h uint32, v float64) {
	i := fold32(h)
	f.norm2 += v * v
	if f.m == nil {
		f.idx = append(f.idx, i)
		f.val = append(f.val, float32(v))
		return
	}
	w := f.m.w[i*numLearned : i*numLearned+numLearned]
	for t := range f.dot {
		f.dot[t] += float64(w[t]) * v
	}
}

// sign keeps the strongest occurrence of a sign.
func (f *featurizer) sign(s int, v float64) { f.signs[s] = math.Max(f.signs[s], v) }

// message adds the features of one window message; since is how many customer messages came
// after it.
func (f *featurizer) message(text string, toks []token, since int) {
	r := math.Pow(featureDecay, float64(since))
	prev := uint32(0)
	for i := range toks {
		w := featureWord(toks[i].w)
		word := hashString(hashByte(fnvOffset, famWord), w)
		f.add(word, r)
		if i > 0 && toks[i-1].clause == toks[i].clause {
			f.add(hashString(hashByte(prev, ' '), w), r)
		}
		prev = hashString(hashByte(fnvOffset, famBigram), w)
		if negatedAt(toks, i) {
			f.add(hashString(hashByte(fnvOffset, famNegated), w), r)
		}
		if w != "#" && len(w) <= maxGramWord {
			f.grams(w, r)
		}
	}
	f.signs1(text, toks, r)
}

// featureWord is a token as a feature: a number is a number, so no phone number or price is
// learned.
func featureWord(w string) string {
	if isDigit(w[0]) {
		return "#"
	}
	return w
}

// grams adds the character 3-5-grams of "<w>".
func (f *featurizer) grams(w string, r float64) {
	n := len(w) + 2
	at := func(k int) byte {
		switch k {
		case 0:
			return '<'
		case n - 1:
			return '>'
		}
		return w[k-1]
	}
	for size := 3; size <= 5; size++ {
		for s := 0; s+size <= n; s++ {
			h := hashByte(fnvOffset, famGram)
			for k := s; k < s+size; k++ {
				h = hashByte(h, at(k))
			}
			f.add(h, r)
		}
	}
}

// signs1 reads the signs of one message that are not words.
func (f *featurizer) signs1(text string, toks []token, r float64) {
	caps, words := 0, 0
	for _, t := range toks {
		if len(t.w) < 3 || t.w[0] <= '9' {
			continue
		}
		words++
		if t.caps && !acronyms[t.w] {
			caps++
		}
	}
	if words > 0 {
		f.sign(sgCaps, r*float64(caps)/float64(words))
	}
	run, mixed, _ := punctRun(text)
	switch {
	case run >= 3:
		f.sign(sgPunct3, r)
	case run == 2:
		f.sign(sgPunct2, r)
	}
	if mixed {
		f.sign(sgPunctMixed, r)
	}
	if utf8.RuneCountInString(text) != len(text) {
		for _, e := range angryEmoji {
			if strings.Contains(text, e) {
				f.sign(sgAngryEmoji, r)
				break
			}
		}
		for _, e := range sadEmoji {
			if strings.Contains(text, e) {
				f.sign(sgSadEmoji, r)
				break
			}
		}
	}
	if laughing(text, toks) {
		f.sign(sgLaugh, r)
	}
}

// lexicon adds the lexicon's reading of the conversation as features.
func (f *featurizer) lexicon(r *reading) {
	for i, t := range learnedTrig {
		score := r.score[t]
		on := score > 0.7
		if t == trigHuman {
			on = score >= HumanRequestThreshold
		}
		if t == trigLegal {
			score, on = r.legal, r.legal >= legalHigh
		}
		f.signs[sgLexScore+i] = score
		if on {
			f.signs[sgLexOn+i] = 1
		}
		if r.countered[t] {
			f.signs[sgCountered+i] = 1
		}
	}
	f.signs[sgComplex] = r.complexity
}

// scale is what the text features are multiplied by.
func (f *featurizer) scale() float64 {
	if f.norm2 == 0 {
		return 0
	}
	return 1 / math.Sqrt(f.norm2)
}

// logits are the classifier's log-odds per trigger.
func (f *featurizer) logits() [numLearned]float64 {
	var z [numLearned]float64
	s := f.scale()
	for t := range z {
		z[t] = float64(f.m.bias[t]) + s*f.dot[t]
	}
	for k, v := range f.signs {
		if v == 0 {
			continue
		}
		i := signIndex[k]
		for t := range z {
			z[t] += float64(f.m.w[int(i)*numLearned+t]) * v
		}
	}
	return z
}

// Features is a conversation's hashed feature vector, as training sees it: indices into the
// 2^FeatureBits space and their values; an index may repeat (its values add up).
type Features struct {
	Index []uint32
	Value []float32
	// Lexicon is what the lexicon alone decided, per trigger in TriggerNames order.
	Lexicon [numLearned]bool
	// Countered: the lexicon read a cue of the trigger and took it back (a negation, a
	// neutralizer, a resolution or a withdrawal); it vetoes the classifier.
	Countered [numLearned]bool
	// Cued: the lexicon read a cue of the trigger, whatever it scored; without one the
	// classifier needs the trigger's bar for an uncued firing.
	Cued [numLearned]bool
}

// TriggerFeatures are the features of a conversation's customer messages (oldest first), as
// the analyzer computes them, for training.
func TriggerFeatures(customer []string) Features {
	texts := make([]string, len(customer))
	for i, m := range customer {
		texts[i] = clip(m, maxMessageBytes)
	}
	f := &featurizer{}
	r := read(texts, f)
	s := float32(f.scale())
	for k := range f.val {
		f.val[k] *= s
	}
	out := Features{Index: f.idx, Value: f.val}
	for k, v := range f.signs {
		if v != 0 {
			out.Index = append(out.Index, signIndex[k])
			out.Value = append(out.Value, float32(v))
		}
	}
	for i := range learnedTrig {
		out.Lexicon[i] = f.signs[sgLexOn+i] == 1
		out.Countered[i] = r.countered[learnedTrig[i]]
		out.Cued[i] = r.cued(i)
	}
	return out
}

// Sigmoid is the logistic function, shared with training so both read probabilities alike.
func Sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}
