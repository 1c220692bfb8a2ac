package decision

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A pattern is a phrase of the trigger lexicons, written as space-separated elements:
//
//	speak|talk ?to|with .. {PN}
//
// "a|b" is either word; "frustrat*" any word starting so (morphology: frustrated,
// frustrating, frustration); "agent~" also a word one typo away ("agnet", "agen"); a leading
// "?" makes the element optional; ".." skips up to three words ("..2" up to two) of anything;
// "#" is a number, in digits or words; "(can not|unable to)" is either phrase (the pattern is
// expanded into one per phrase); "{NAME}" is a macro. Words are written lower case,
// unaccented, with contractions spelled out ("can not") and hyphenated words as two ("co
// owner"), as tokenize produces them. A pattern never crosses a clause.
//
// The one mistake this syntax invites: "a|b c" is "a or b, then c", never "a, or b c". A
// phrase among alternatives goes in parentheses: "(up the wall|crazy)".
type pattern struct {
	src   string
	elems []elem
	// strict: gaps do not skip a negator or the start of an embedded question. A request is
	// not one when the person sits past them: "can I see the house without an agent", "I'd
	// like to know what the agent fee is".
	strict bool
}

// gapStops are the words a strict gap does not skip, besides the negators.
var gapStops = toSet("what|whether|if|where|when|why|how|which|si")

type elem struct {
	// phrases: a group of plain phrases, "(can not|unable to)", matched as one element.
	phrases [][]string
	words   []string
	set     map[string]bool // words, when there are many
	prefix  []string
	fuzzy   bool
	number  bool
	opt     bool
	gap     int
}

func (e *elem) matches(t *token) bool {
	if e.number && isNumber(t.w) {
		return true
	}
	if e.set != nil {
		if e.set[t.w] || (e.fuzzy && t.fz != "" && e.set[t.fz]) {
			return true
		}
	} else if slices.Contains(e.words, t.w) || (e.fuzzy && t.fz != "" && slices.Contains(e.words, t.fz)) {
		return true
	}
	for _, p := range e.prefix {
		if strings.HasPrefix(t.w, p) {
			return true
		}
	}
	return false
}

// numberWords are numbers as people spell them: "three days and nothing", "tres días esperando".
var numberWords = toSet("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|" +
	"couple|few|several|uno|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta|" +
	"cincuenta|varios|varias")

// isNumber: a token written in digits or spelled as a number.
func isNumber(w string) bool { return isDigit(w[0]) || numberWords[w] }

// compilePatterns parses one pattern source, expanding macros and phrase groups. It panics
// on a malformed one: the lexicons are code, and a test compiles them all.
func compilePatterns(src string, macros map[string]string) []pattern {
	expanded := src
	for i := 0; strings.Contains(expanded, "{") && i < 5; i++ {
		for name, body := range macros {
			expanded = strings.ReplaceAll(expanded, "{"+name+"}", body)
		}
	}
	if strings.Contains(expanded, "{") {
		panic(fmt.Sprintf("pattern %q: unknown macro", src))
	}
	expanded, groups := phraseGroups(expanded)
	var out []pattern
	for _, one := range expandGroups(expanded) {
		out = append(out, compileOne(src, one, groups))
	}
	return out
}

// groupMark stands for a phrase group in a pattern being compiled; its index follows it.
const groupMark = "\x01"

// phraseGroups takes out each group whose phrases are plain words, leaving a mark: such a
// group is one element that tries its phrases in turn, where expanding it would make one
// pattern per phrase, each tried in full. Groups with prefixes, typos or numbers in them are
// left to expandGroups.
func phraseGroups(s string) (string, [][][]string) {
	var groups [][][]string
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '(')
		if open < 0 {
			b.WriteString(s)
			return b.String(), groups
		}
		closing := strings.IndexByte(s[open:], ')')
		if closing < 0 {
			panic(fmt.Sprintf("pattern %q: unclosed (", s))
		}
		closing += open
		body := s[open+1 : closing]
		if strings.ContainsAny(body, "*~#?.(") {
			b.WriteString(s[:closing+1])
			s = s[closing+1:]
			continue
		}
		var phrases [][]string
		for _, alt := range strings.Split(body, "|") {
			ws := strings.Fields(alt)
			if len(ws) == 0 {
				panic(fmt.Sprintf("pattern %q: empty phrase in a group", s))
			}
			for _, w := range ws {
				if strings.ContainsRune(w, '-') {
					panic(fmt.Sprintf("pattern %q: %q can never match: tokenize splits it at the hyphen", s, w))
				}
			}
			phrases = append(phrases, ws)
		}
		b.WriteString(s[:open] + " " + groupMark + strconv.Itoa(len(groups)) + " ")
		groups = append(groups, phrases)
		s = s[closing+1:]
	}
}

// expandGroups turns "a (b c|d) e" into "a b c e" and "a d e".
func expandGroups(s string) []string {
	open := strings.IndexByte(s, '(')
	if open < 0 {
		return []string{s}
	}
	closing := strings.IndexByte(s[open:], ')')
	if closing < 0 {
		panic(fmt.Sprintf("pattern %q: unclosed (", s))
	}
	closing += open
	var out []string
	for _, alt := range strings.Split(s[open+1:closing], "|") {
		out = append(out, expandGroups(s[:open]+" "+alt+" "+s[closing+1:])...)
	}
	return out
}

func compileOne(src, expanded string, groups [][][]string) pattern {
	p := pattern{src: src}
	for _, f := range strings.Fields(expanded) {
		var e elem
		switch {
		case strings.HasPrefix(f, groupMark):
			n, _ := strconv.Atoi(strings.TrimPrefix(f, groupMark))
			e.phrases = groups[n]
		case f == "..":
			e.gap = 3
		case strings.HasPrefix(f, "..") || (strings.HasPrefix(f, ".") && len(f) == 2):
			n, err := strconv.Atoi(strings.TrimLeft(f, "."))
			if err != nil || n < 1 {
				panic(fmt.Sprintf("pattern %q: bad gap %q", src, f))
			}
			e.gap = n
		default:
			if strings.HasPrefix(f, "?") {
				e.opt, f = true, f[1:]
			}
			for _, alt := range strings.Split(f, "|") {
				switch {
				case alt == "#":
					e.number = true
				case alt == "" || strings.ContainsAny(alt, "'{}.?()"):
					panic(fmt.Sprintf("pattern %q: bad word %q", src, alt))
				case strings.ContainsRune(alt, '-'):
					panic(fmt.Sprintf("pattern %q: %q can never match: tokenize splits it at the hyphen", src, alt))
				case strings.HasSuffix(alt, "*"):
					if len(alt) < 4 {
						panic(fmt.Sprintf("pattern %q: prefix %q is too short to mean one thing", src, alt))
					}
					e.prefix = append(e.prefix, strings.TrimSuffix(alt, "*"))
				case strings.HasSuffix(alt, "~"):
					e.fuzzy = true
					e.words = append(e.words, strings.TrimSuffix(alt, "~"))
				default:
					e.words = append(e.words, alt)
				}
			}
		}
		if len(e.words) > 6 {
			e.set = make(map[string]bool, len(e.words))
			for _, w := range e.words {
				e.set[w] = true
			}
		}
		p.elems = append(p.elems, e)
	}
	if n := len(p.elems); n == 0 || p.elems[0].opt || p.elems[0].gap > 0 || p.elems[n-1].gap > 0 || p.elems[n-1].opt {
		panic(fmt.Sprintf("pattern %q must start and end with a word that is not optional", src))
	}
	return p
}

// matchAt matches the pattern starting at toks[i]; end is one past the last token matched.
// Gaps take as few words as they can.
func (p *pattern) matchAt(toks []token, i int) (end int, ok bool) {
	return p.match(toks, 0, i, toks[i].clause)
}

func (p *pattern) match(toks []token, ei, ti, clause int) (int, bool) {
	if ei == len(p.elems) {
		return ti, true
	}
	e := &p.elems[ei]
	if e.gap > 0 {
		for k := 0; k <= e.gap && ti+k < len(toks) && toks[ti+k].clause == clause; k++ {
			if end, ok := p.match(toks, ei+1, ti+k, clause); ok {
				return end, true
			}
			if p.strict && (negators[toks[ti+k].w] || gapStops[toks[ti+k].w]) {
				break
			}
		}
		return 0, false
	}
	if e.phrases != nil {
		for _, ph := range e.phrases {
			if phraseAt(toks, ti, clause, ph) {
				if end, ok := p.match(toks, ei+1, ti+len(ph), clause); ok {
					return end, true
				}
			}
		}
		return 0, false
	}
	if ti < len(toks) && toks[ti].clause == clause && e.matches(&toks[ti]) {
		if end, ok := p.match(toks, ei+1, ti+1, clause); ok {
			return end, true
		}
	}
	if e.opt {
		return p.match(toks, ei+1, ti, clause)
	}
	return 0, false
}

// phraseAt: the words of ph are the tokens from ti on, in the clause.
func phraseAt(toks []token, ti, clause int, ph []string) bool {
	if ti+len(ph) > len(toks) {
		return false
	}
	for k, w := range ph {
		if toks[ti+k].clause != clause || toks[ti+k].w != w {
			return false
		}
	}
	return true
}

// negators cancel a cue within negationWindow words before it, in the same clause: "I'm not
// angry", "no need for a person", "no estoy enojado", "ni enojada".
var negators = map[string]bool{"not": true, "no": true, "never": true, "without": true, "nor": true,
	"neither": true, "hardly": true, "none": true, "nothing": true, "ni": true, "sin": true, "nunca": true, "tampoco": true,
	"jamas": true, "ningun": true, "ninguna": true, "ninguno": true}

// continuing: a negated stop says the thing goes on ("I can't stop crying", "no paro de llorar",
// "won't stop calling"), so the negation does not reach past it.
var continuing = toSet("stop|stopped|quit|paro|para|parar|paramos|dejo|deja|dejar|dejamos|dejan")

const negationWindow = 3

// scopeEnds: a negation before these words is about something else: in "I don't know where
// we'll go" the "not" is the knowing's, not the going's; in "it didn't work and nobody picked
// up" the "and" starts another statement; in "I can't believe nobody came" what is not
// believed happened.
var scopeEnds = map[string]bool{"where": true, "what": true, "how": true, "why": true, "when": true, "whether": true,
	"if": true, "that": true, "who": true, "donde": true, "como": true, "cuando": true, "porque": true, "si": true,
	"believe": true, "creer": true, "creo": true, "understand": true, "entiendo": true, "imagine": true,
	"and": true, "so": true, "because": true, "then": true, "y": true, "pues": true, "entonces": true}

// negatedAt reports a negator within the window before toks[i] in its clause. "not only"
// and "no solo" add rather than negate.
func negatedAt(toks []token, i int) bool {
	if scopeEnds[toks[i].w] {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-negationWindow && toks[j].clause == toks[i].clause; j-- {
		if scopeEnds[toks[j].w] {
			return false
		}
		if negators[toks[j].w] {
			if j+1 < len(toks) && (toks[j+1].w == "only" || toks[j+1].w == "solo" || toks[j+1].w == "just" ||
				continuing[toks[j+1].w]) {
				continue
			}
			if rhetorical(toks, j) {
				continue
			}
			return true
		}
	}
	return false
}

// rhetorical: "can't I just talk to someone?", "isn't there a person?": a negative question
// asks for the thing rather than declining it. So does "isn't that a breach of contract?",
// when the verb opens the clause ("it isn't that bad" is a statement).
func rhetorical(toks []token, j int) bool {
	if toks[j].w != "not" || j == 0 || j+1 >= len(toks) {
		return false
	}
	switch toks[j-1].w {
	case "can", "could", "is", "are", "do", "does", "will", "would", "why":
	default:
		return false
	}
	switch toks[j+1].w {
	case "i", "we", "you", "there", "anyone", "someone", "anybody", "somebody":
		return true
	case "that", "this", "it":
		return j == 1 || toks[j-2].clause != toks[j].clause
	}
	return false
}

// fuzzyIndex finds the lexicon word a token is one typo away from: a letter dropped
// ("persn"), added ("humman") or two swapped ("agnet"), or in a word of five letters or more
// one vowel for another ("speek"). Other substitutions are left out on purpose: they turn
// real words into others ("managed" for "manager").
type fuzzyIndex struct {
	words   map[string]bool   // the fuzzy words themselves
	deleted map[string]string // a fuzzy word with one letter dropped -> the word
	// stop are words that stay themselves: real words one edit from a fuzzy word ("manage"),
	// and every word the lexicons spell out.
	stop map[string]bool
}

func newFuzzyIndex(words []string, stop []string) *fuzzyIndex {
	fi := &fuzzyIndex{words: map[string]bool{}, deleted: map[string]string{}, stop: map[string]bool{}}
	for _, w := range stop {
		fi.stop[w] = true
	}
	for _, w := range words {
		fi.words[w] = true
	}
	for _, w := range words {
		for i := range len(w) {
			d := w[:i] + w[i+1:]
			if !fi.words[d] {
				fi.deleted[d] = w
			}
		}
	}
	return fi
}

// lookup returns the word t is one typo from, or "". buf is scratch space.
func (fi *fuzzyIndex) lookup(t string, buf []byte) (string, []byte) {
	if len(t) < 4 || len(t) > 16 || fi.stop[t] || fi.words[t] {
		return "", buf
	}
	if w, ok := fi.deleted[t]; ok {
		return w, buf
	}
	buf = append(buf[:0], t...)
	for i := range len(t) {
		// t with its i-th letter dropped: t has an extra letter.
		buf = append(append(buf[:0], t[:i]...), t[i+1:]...)
		if fi.words[string(buf)] {
			return string(buf), buf
		}
	}
	for i := 0; i+1 < len(t); i++ {
		buf = append(buf[:0], t...)
		buf[i], buf[i+1] = buf[i+1], buf[i]
		if fi.words[string(buf)] {
			return string(buf), buf
		}
	}
	// One vowel for another ("speek", "persen", "humen"), in words long enough that it is
	// a misspelling rather than another short word.
	if len(t) < 5 {
		return "", buf
	}
	for i := 0; i < len(t); i++ {
		if !isVowel(t[i]) {
			continue
		}
		buf = append(buf[:0], t...)
		for _, v := range []byte("aeiou") {
			if v == t[i] {
				continue
			}
			buf[i] = v
			if fi.words[string(buf)] {
				return string(buf), buf
			}
		}
	}
	return "", buf
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }
