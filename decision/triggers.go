package decision

import (
	"math"
	"sort"
	"strings"
)

// cue is one compiled lexicon pattern. A neutralizer is a cue that cancels others.
type cue struct {
	trig    trigger
	weight  float64
	label   string
	pat     pattern
	neutral bool
	scope   scope
	// only: the labels a neutralizer cancels, nil for all of its trigger's.
	only map[string]bool
}

// lexIndex finds the cues that can start at a token without trying every pattern.
type lexIndex struct {
	cues     []cue
	byWord   map[string][]int
	byPrefix map[string][]int // keyed by the first three bytes of the prefix
	// byPair holds the cues whose first element is a few plain words and whose second is
	// plain words too, by both: "no puedo", "no tenemos" and a hundred more start with "no",
	// and trying them all on every "no" was most of a scan's time.
	byPair map[string]map[string][]int
	// legal indexes the legal and complexity cues only (into cues), for the messages read for
	// nothing else.
	legal   *lexIndex
	fuzzy   *fuzzyIndex
	persons map[string]bool // the person nouns, for terse requests
}

const prefixKey = 3

var lex = compileLexicon()

func compileLexicon() *lexIndex {
	ix := &lexIndex{byWord: map[string][]int{}, byPrefix: map[string][]int{}, byPair: map[string]map[string][]int{},
		persons: map[string]bool{}}
	ix.legal = &lexIndex{byWord: map[string][]int{}, byPrefix: map[string][]int{}, byPair: map[string]map[string][]int{}}
	add := func(c cue) {
		i := len(ix.cues)
		ix.cues = append(ix.cues, c)
		ix.index(i, &c)
		if c.trig == trigLegal || c.trig == trigComplexity {
			ix.legal.index(i, &c)
		}
	}
	for t := trigger(0); t < numTriggers; t++ {
		for _, e := range lexicon[t] {
			for _, src := range strings.Split(e.pats, ";") {
				for _, p := range compilePatterns(strings.TrimSpace(src), macros) {
					p.strict = t == trigHuman
					add(cue{trig: t, weight: e.w, label: e.label, pat: p})
				}
			}
		}
	}
	for _, n := range neutralizers {
		var only map[string]bool
		if n.only != "" {
			only = toSet(n.only)
		}
		for _, src := range strings.Split(n.pats, ";") {
			for _, p := range compilePatterns(strings.TrimSpace(src), macros) {
				add(cue{trig: n.trig, pat: p, neutral: true, scope: n.scope, only: only})
			}
		}
	}
	var fuzzy []string
	for _, c := range ix.cues {
		for _, e := range c.pat.elems {
			if e.fuzzy {
				fuzzy = append(fuzzy, e.words...)
			}
		}
	}
	// Words the lexicons spell out need no typo lookup: they match as they are.
	var exact []string
	for _, c := range ix.cues {
		for _, e := range c.pat.elems {
			exact = append(exact, e.words...)
			for _, ph := range e.phrases {
				exact = append(exact, ph...)
			}
		}
	}
	ix.fuzzy = newFuzzyIndex(fuzzy, append(exact, "manage", "humane", "argent", "agenda", "persons", "personal", "someones"))
	// "customer service" and "support" on their own ask for people too.
	for _, w := range []string{"service", "support", "soporte", "servicio"} {
		ix.persons[w] = true
	}
	for _, p := range compilePatterns("{PN}", macros) {
		for _, w := range p.elems[0].words {
			ix.persons[w] = true
		}
	}
	return ix
}

// known reports whether the lexicons use w as it is: a word of a pattern, a person noun, or
// shorthand the tokenizer spells out.
func (ix *lexIndex) known(w string) bool {
	_, short := spelledOut[w]
	return ix.fuzzy.stop[w] || ix.fuzzy.words[w] || ix.persons[w] || short
}

// index makes cue ci (c) findable from its first words.
func (ix *lexIndex) index(ci int, c *cue) {
	first := &c.pat.elems[0]
	for _, ph := range first.phrases {
		if len(ph) == 1 {
			ix.byWord[ph[0]] = append(ix.byWord[ph[0]], ci)
			continue
		}
		if ix.byPair[ph[0]] == nil {
			ix.byPair[ph[0]] = map[string][]int{}
		}
		ix.byPair[ph[0]][ph[1]] = append(ix.byPair[ph[0]][ph[1]], ci)
	}
	if len(c.pat.elems) > 1 && plainWords(first) && len(first.words) <= 4 && plainWords(&c.pat.elems[1]) {
		for _, w := range first.words {
			if ix.byPair[w] == nil {
				ix.byPair[w] = map[string][]int{}
			}
			for _, w2 := range c.pat.elems[1].words {
				ix.byPair[w][w2] = append(ix.byPair[w][w2], ci)
			}
		}
		return
	}
	for _, w := range first.words {
		ix.byWord[w] = append(ix.byWord[w], ci)
	}
	for _, p := range first.prefix {
		k := p[:min(prefixKey, len(p))]
		ix.byPrefix[k] = append(ix.byPrefix[k], ci)
	}
	if first.number {
		ix.byWord["#"] = append(ix.byWord["#"], ci)
	}
}

// plainWords: the element matches listed words only, exactly, and must be there.
func plainWords(e *elem) bool {
	return e.gap == 0 && !e.opt && !e.fuzzy && !e.number && len(e.prefix) == 0 && len(e.words) > 0
}

// hit is one cue found in a message, tokens [i, j). Its quote, text[qs:qe], is cut out only
// when it is shown: most hits never are.
type hit struct {
	c      *cue
	i, j   int
	weight float64
	text   string
	qs, qe int
}

func (h *hit) quote() string { return clipQuote(h.text[h.qs:h.qe]) }

// spanHit is a hit on tokens [i, j) of text, quoting them.
func spanHit(c *cue, w float64, text string, toks []token, i, j int) hit {
	return hit{c: c, i: i, j: j, weight: w, text: text, qs: toks[i].start, qe: toks[j-1].end}
}

// nameLike are cue words that are also names: capitalised inside a clause, they are the name.
var nameLike = toSet("sue|judge|grace|hope|joy|bill|chase|will|faith|mercy|justice|court|estates")

// intensifiers make the next cue stronger: "so scared", "muy molesta".
var intensifiers = toSet("so|very|really|extremely|super|incredibly|completely|totally|absolutely|truly|utterly|beyond|" +
	"muy|bien|tan|demasiado|mucho|muchisimo|sumamente|totalmente")

// scratch is reused across the messages of one analysis, so a conversation costs few
// allocations.
type scratch struct {
	toks    []token
	hits    []hit
	live    []hit
	neutral []hit
	tried   []int
	stamp   []uint32 // per cue: the token it was last tried at, plus one
	buf     []byte
}

// scan finds every cue of the message (with legalOnly, of legal complexity only: a message
// before the window is read for nothing else). toks have their fz filled.
func (ix *lexIndex) scan(toks []token, sc *scratch, legalOnly bool) []hit {
	out := sc.hits[:0]
	if len(sc.stamp) != len(ix.cues) {
		sc.stamp = make([]uint32, len(ix.cues))
	}
	clear(sc.stamp)
	byWord, byPrefix, byPair := ix.byWord, ix.byPrefix, ix.byPair
	if legalOnly {
		byWord, byPrefix, byPair = ix.legal.byWord, ix.legal.byPrefix, ix.legal.byPair
	}
	for i := range toks {
		t := &toks[i]
		tried := append(sc.tried[:0], byWord[t.w]...)
		if i+1 < len(toks) && toks[i+1].clause == t.clause {
			if next := byPair[t.w]; next != nil {
				tried = append(tried, next[toks[i+1].w]...)
			}
		}
		if t.fz != "" {
			tried = append(tried, byWord[t.fz]...)
		}
		if len(t.w) >= prefixKey {
			tried = append(tried, byPrefix[t.w[:prefixKey]]...)
		}
		if isNumber(t.w) {
			tried = append(tried, byWord["#"]...)
		}
		sc.tried = tried
		for _, ci := range tried {
			if sc.stamp[ci] == uint32(i)+1 {
				continue
			}
			sc.stamp[ci] = uint32(i) + 1
			c := &ix.cues[ci]
			if len(c.pat.elems) == 1 && nameLike[t.w] && t.title && i > 0 && toks[i-1].clause == t.clause {
				continue // "my friend Sue", not "we may sue"
			}
			if j, ok := c.pat.matchAt(toks, i); ok {
				out = append(out, hit{c: c, i: i, j: j, weight: c.weight})
			}
		}
	}
	sc.hits = out
	return out
}

// msgScore is what one message says about each trigger.
type msgScore struct {
	score [numTriggers]float64
	// best are the strongest hits per trigger, for the evidence.
	best [numTriggers][]hit
	// countered: a cue of the trigger was read and taken back (negated, neutralized), or the
	// message settles it (a resolution, relief, a withdrawn request). The classifier may not
	// fire for it against the lexicon's reading.
	countered [numTriggers]bool
}

// add counts a sign's hit h as one more distinct piece of evidence of trigger t.
func (ms *msgScore) add(t trigger, h hit) {
	ms.best[t] = append(ms.best[t], h)
	ms.score[t] = 1 - (1-ms.score[t])*(1-h.weight)
}

// scoreMessage turns a message's hits into a score per trigger: negated and neutralized cues
// are dropped, an intensifier strengthens a cue, a settled problem later in the same message
// fades what came before it, and distinct cues combine as 1-Π(1-w).
func scoreMessage(text string, toks []token, hits []hit, ms *msgScore, sc *scratch) {
	*ms = msgScore{}
	live, neutral := sc.live[:0], sc.neutral[:0]
	defer func() { sc.live, sc.neutral = live[:0], neutral[:0] }()
	for k := range hits {
		// A neutralizer that opens with its own negator ("no rush") is not negated by an
		// earlier one: "never heard back, no rush".
		own := negators[toks[hits[k].i].w]
		if hits[k].c.neutral && (own || !negatedAt(toks, hits[k].i)) && !settlesLater(toks, &hits[k]) &&
			!declinesBot(toks, &hits[k]) && !ownAskedToCall(toks, &hits[k]) {
			neutral = append(neutral, hits[k])
		}
	}
	for k := range hits {
		h := &hits[k]
		if h.c.neutral {
			continue
		}
		if negated(toks, h) || neutralized(toks, neutral, h) || (h.c.trig == trigHuman && foretold(toks, h)) {
			ms.countered[h.c.trig] = true
			continue
		}
		if (h.c.trig == trigResolved || h.c.trig == trigRelieved) && prospective(toks, h.i) {
			continue // "I'll feel better once it's fixed" settles nothing yet
		}
		switch {
		case h.c.trig == trigWithdrawn:
			ms.countered[trigHuman] = true
		case h.c.trig == trigResolved && h.weight >= 0.8:
			// "thanks" alone settles nothing ("thanks for nothing"); "that fixed it" does.
			ms.countered[trigFrustration] = true
		case h.c.trig == trigRelieved:
			ms.countered[trigFrustration], ms.countered[trigDistress] = true, true
		}
		if h.i > 0 && intensifiers[toks[h.i-1].w] || h.i > 1 && intensifiers[toks[h.i-2].w] {
			h.weight = math.Min(0.95, h.weight+0.15)
		}
		live = append(live, *h)
	}
	// A resolution or a withdrawal fades the cues of earlier clauses; a withdrawal also those
	// it governs in its own clause ("no hace falta que me llame una persona"). The last few
	// count: a message of "thanks thanks thanks..." must not cost a pass per word.
	const maxFades = 8
	fades := 0
	for k := len(live) - 1; k >= 0 && fades < maxFades; k-- {
		r := &live[k]
		if r.c.trig != trigResolved && r.c.trig != trigWithdrawn && r.c.trig != trigRelieved {
			continue
		}
		fades++
		for m := range live {
			h := &live[m]
			hc, rc := toks[h.i].clause, toks[r.i].clause
			// Thanks after sarcasm are more of it: "another link to the FAQ. super helpful. thanks
			// so much."
			if h.c.label == "sarcasm" && r.c.trig == trigResolved && r.weight < 0.8 {
				continue
			}
			if hc < rc || (r.c.trig == trigWithdrawn && r.c.label != neverMind && hc == rc && h.i >= r.i && m != k) {
				h.weight *= 1 - fadeBy(r.c.trig, r.weight, h.c.trig)
			}
		}
	}
	sort.SliceStable(live, func(a, b int) bool { return live[a].weight > live[b].weight })
	var miss [numTriggers]float64
	for t := range miss {
		miss[t] = 1
	}
	for k := range live {
		h := &live[k]
		t := h.c.trig
		if labelSeen(ms.best[t], h.c.label) || within(ms.best[t], h) {
			// One label counts once: three complaint words are one complaint. And words
			// count once: "I'm stressed" is one piece of evidence, not two labels' worth.
			continue
		}
		miss[t] *= 1 - h.weight
		h.text, h.qs, h.qe = text, toks[h.i].start, toks[h.j-1].end
		ms.best[t] = append(ms.best[t], *h)
	}
	for t := range miss {
		ms.score[t] = 1 - miss[t]
	}
}

// within: h's words are all inside a stronger hit already counted.
func within(hs []hit, h *hit) bool {
	for k := range hs {
		if hs[k].i <= h.i && h.j <= hs[k].j {
			return true
		}
	}
	return false
}

// declinesBot: a decline followed closely by the bot ("I don't want to use the bot", "no
// quiero hablar con una máquina") turns down the bot, not a person, so it takes back no
// request for one. Only a negated neutralizer is a decline: "my agent said the bot..." is a
// mention whatever follows it.
func declinesBot(toks []token, n *hit) bool {
	if n.c.trig != trigHuman || !hasWord(toks[n.i:n.j], negators) {
		return false
	}
	for j := n.j; j < len(toks) && j < n.j+declineReach && toks[j].clause == toks[n.j-1].clause; j++ {
		if botWords[toks[j].w] {
			return true
		}
	}
	return false
}

// declineReach: how many words after a decline its object may come ("want [to talk to a]
// bot").
const declineReach = 5

// botWords are the words of the BOT macro: what a customer talks to and may not want.
var botWords = toSet(macros["BOT"])

func labelSeen(hs []hit, label string) bool {
	for _, h := range hs {
		if h.c.label == label {
			return true
		}
	}
	return false
}

// negated: a negator before the cue, except that fear survives a negated wish ("I don't want
// to lose my home", "no quiero perder mi casa", "we can't lose this house").
func negated(toks []token, h *hit) bool {
	if !negatedAt(toks, h.i) {
		return false
	}
	if h.c.trig == trigDistress {
		for j := h.i - 1; j >= 0 && j >= h.i-negationWindow-1; j-- {
			if negators[toks[j].w] && j+1 < len(toks) && wishes[toks[j+1].w] {
				return false
			}
		}
	}
	return true
}

// prospective: a settlement said at i is still to come, asked about or a condition: "until
// the estate is settled", "can a tax lien be paid off at closing?", "hasta que se cancele".
// A lien that "can be paid off" is still there; one that "was paid off" is not. The window
// spans a modal, its subject and "be": "can [a tax lien] be paid off".
func prospective(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-prospectWindow && toks[j].clause == toks[i].clause; j-- {
		if prospects[toks[j].w] {
			return true
		}
	}
	return false
}

const prospectWindow = 6

var prospects = toSet("until|till|til|unless|before|if|whether|can|could|will|would|should|must|need|needs|" +
	"hasta|antes|si|puede|pueden|podemos|debe|deben|necesita")

// settlesLater: a legal matter's settlement (a lien released, an estate settled: the
// message-wide neutralizers) that is only prospective takes nothing back.
func settlesLater(toks []token, n *hit) bool {
	return n.c.trig == trigLegal && n.c.scope == scopeMessage && prospective(toks, n.i)
}

var wishes = toSet("want|wanna|can|could|afford|quiero|queremos|puedo|podemos")

// neutralized: one of the message's neutralizers (not negated ones) of h's trigger covers h.
func neutralized(toks []token, neutral []hit, h *hit) bool {
	for k := range neutral {
		n := &neutral[k]
		if n.c.trig != h.c.trig || (n.c.only != nil && !n.c.only[h.c.label]) {
			continue
		}
		switch n.c.scope {
		case scopeMessage:
			// A legal matter settled settles what was said of it, not a matter raised after:
			// "the divorce was final 3 years ago. He won't sign a quitclaim."
			if h.c.trig != trigLegal || toks[h.i].clause <= toks[n.i].clause {
				return true
			}
		case scopeClause:
			if toks[n.i].clause == toks[h.i].clause {
				return true
			}
		default:
			if n.i < h.j && h.i < n.j {
				return true
			}
		}
	}
	return false
}

// fadeBy is how much a resolution (or withdrawal) of strength w takes off a cue of trigger t
// said before it. Thanks settle a complaint a little; "that fixed it, all good" settles it;
// only relief ("I feel much better") settles a worry, and only a withdrawal takes back a
// request for a person.
func fadeBy(r trigger, w float64, t trigger) float64 {
	switch {
	case r == trigWithdrawn && t == trigHuman:
		return w
	case (r == trigResolved || r == trigRelieved) && t == trigFrustration:
		return w
	case r == trigRelieved && t == trigDistress:
		return 0.7
	}
	return 0
}

// evidence renders the strongest hits as `label "quoted words"`, at most two labels.
func evidence(hs []hit) string {
	var parts []string
	var labels []string
	for _, h := range hs {
		if len(parts) == 2 {
			break
		}
		if containsString(labels, h.c.label) {
			continue
		}
		labels = append(labels, h.c.label)
		parts = append(parts, h.c.label+` "`+h.quote()+`"`)
	}
	return strings.Join(parts, ", ")
}
