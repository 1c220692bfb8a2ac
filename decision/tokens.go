package decision

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a customer message, as the trigger lexicons see it: lower case with
// accents folded ("pásame" is "pasame", so unaccented typing matches), contractions expanded
// ("can't" is "can" "not", so "cant" and "can't" read alike), and where it came from, so the
// evidence quotes the customer's own spelling.
type token struct {
	w          string
	start, end int // bytes of the original text
	clause     int // clauses end at . ! ? ; : , and at "but"/"pero": negation does not cross them
	caps       bool
	// title: capitalised like a name ("Sue"); with its position it tells "my friend Sue" from
	// "we may sue".
	title bool
	// future: typed as a Spanish future, with its accent ("llamará", "contactarán").
	future bool
	// fz is the lexicon word this token is one typo away from ("agnet" is "agent"), or "".
	fz string
}

// clauseBreak ends a clause. Commas count: "I can't sleep, I'm scared" is two thoughts, and a
// negation in one must not reach into the next.
func clauseBreak(r rune) bool {
	switch r {
	case '.', '!', '?', ';', ':', ',', '¿', '¡', '(', ')', '\n', '"', '…', '“', '”':
		return true
	}
	return false
}

// softBreaks turn the thought around: "I'm not angry, but this is ridiculous".
var softBreaks = map[string]bool{"but": true, "however": true, "though": true, "tho": true, "although": true, "pero": true,
	"sino": true, "aunque": true}

// contractions the customer typed without an apostrophe, and shorthand.
var spelledOut = map[string][]string{
	"dont": {"do", "not"}, "didnt": {"did", "not"}, "doesnt": {"does", "not"}, "cant": {"can", "not"},
	"cannot": {"can", "not"}, "wont": {"will", "not"}, "isnt": {"is", "not"}, "arent": {"are", "not"},
	"wasnt": {"was", "not"}, "werent": {"were", "not"}, "couldnt": {"could", "not"}, "wouldnt": {"would", "not"},
	"shouldnt": {"should", "not"}, "havent": {"have", "not"}, "hasnt": {"has", "not"}, "hadnt": {"had", "not"},
	"aint": {"is", "not"}, "im": {"i", "am"}, "ive": {"i", "have"}, "youre": {"you", "are"}, "theyre": {"they", "are"},
	"wanna": {"want", "to"}, "gonna": {"going", "to"}, "gotta": {"got", "to"}, "pls": {"please"}, "plz": {"please"},
	"plox": {"please"}, "thx": {"thanks"}, "thnx": {"thanks"}, "u": {"you"}, "ur": {"your"}, "q": {"que"},
	"xq": {"porque"}, "pq": {"porque"}, "xfa": {"por", "favor"}, "porfa": {"por", "favor"}, "nvm": {"never", "mind"},
	// Texting shorthand, read as the words it stands for so the lexicons need not list it.
	"sum1": {"someone"}, "some1": {"someone"}, "sumone": {"someone"}, "any1": {"anyone"}, "ne1": {"anyone"},
	"no1": {"no", "one"}, "ppl": {"people"}, "lemme": {"let", "me"}, "gimme": {"give", "me"}, "tryna": {"trying", "to"},
	"hafta": {"have", "to"}, "idk": {"i", "do", "not", "know"}, "dunno": {"do", "not", "know"}, "idc": {"i", "do", "not", "care"},
	"rn": {"right", "now"}, "cuz": {"because"}, "bc": {"because"}, "bcuz": {"because"}, "coz": {"because"},
	"srsly": {"seriously"}, "rly": {"really"}, "thru": {"through"}, "msg": {"message"}, "msgs": {"messages"},
	"abt": {"about"}, "txt": {"text"}, "wat": {"what"}, "wut": {"what"}, "r": {"are"}, "rl": {"real"}, "reel": {"real"},
	"b4": {"before"}, "tmrw": {"tomorrow"}, "tmr": {"tomorrow"}, "2morrow": {"tomorrow"}, "wk": {"week"}, "wks": {"weeks"},
	"hr": {"hour"}, "hrs": {"hours"}, "min": {"minutes"}, "mins": {"minutes"}, "yrs": {"years"}, "ty": {"thank", "you"},
	"thats": {"that", "is"}, "whats": {"what", "is"}, "theres": {"there", "is"}, "wheres": {"where", "is"},
	"whos": {"who", "is"}, "hes": {"he", "is"}, "shes": {"she", "is"}, "youve": {"you", "have"}, "weve": {"we", "have"},
	"theyve": {"they", "have"}, "plis": {"please"}, "pleas": {"please"}, "porfis": {"por", "favor"},
	"xfavor": {"por", "favor"}, "porfavor": {"por", "favor"}, "tb": {"tambien"}, "tmb": {"tambien"}, "ke": {"que"}, "bn": {"bien"}, "dnd": {"donde"},
	"msj": {"mensaje"}, "xa": {"para"}, "pa": {"para"}, "nd": {"nada"}, "aki": {"aqui"}, "aca": {"aqui"},
}

// destretch undoes stretched letters ("pleaseee", "humannnn", "sooo"): a run of three or more
// of one letter becomes two when that spells a word the lexicons know ("stressss"), else one.
func destretch(w string) string {
	run := 1
	stretched := false
	for i := 1; i < len(w) && !stretched; i++ {
		if w[i] == w[i-1] {
			run++
			stretched = run >= 3
		} else {
			run = 1
		}
	}
	if !stretched {
		return w
	}
	if two := squeeze(w, 2); lex.known(two) {
		return two
	}
	return squeeze(w, 1)
}

// squeeze keeps at most keep letters of each run of three or more.
func squeeze(w string, keep int) string {
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); {
		j := i
		for j < len(w) && w[j] == w[i] {
			j++
		}
		n := j - i
		if n >= 3 {
			n = keep
		}
		for k := 0; k < n; k++ {
			b = append(b, w[i])
		}
		i = j
	}
	return string(b)
}

// pronounIs: "'s" after these is "is"; after anything else it is a possessive and dropped.
var pronounIs = map[string]bool{"it": true, "that": true, "what": true, "there": true, "he": true, "she": true,
	"here": true, "who": true, "where": true, "how": true, "this": true, "everything": true, "nobody": true}

// tokenize appends the tokens of text to dst. A word already lower case ASCII (most of them)
// is a slice of text; only the others are rebuilt, so a message costs few allocations.
func tokenize(text string, dst []token) []token {
	clause := 0
	start, upper, letters := -1, 0, 0
	firstUpper := false
	plain := true // lower case ASCII letters and digits only so far
	flush := func(end int) {
		if start < 0 {
			return
		}
		caps := letters >= 2 && upper == letters
		title := firstUpper && upper == 1 && letters >= 2
		var w string
		future := false
		if plain {
			w = text[start:end]
		} else {
			w = foldWord(text[start:end])
			future = spanishFuture(text[start:end])
		}
		w = destretch(w)
		if softBreaks[w] {
			clause++ // the break is no word a cue needs; what follows is a new thought
		} else if w != "" {
			n := len(dst)
			dst = appendWord(dst, w, start, end, clause, caps)
			for k := n; k < len(dst); k++ {
				dst[k].title, dst[k].future = title, future
			}
		}
		start, upper, letters, plain, firstUpper = -1, 0, 0, true, false
	}
	for i, r := range text {
		isApos := r == '\'' || r == '’'
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			if start < 0 {
				start = i
			}
			if r >= 'a' {
				letters++
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || (isApos && start >= 0) {
			if start < 0 {
				start = i
			}
			plain = false
			if unicode.IsLetter(r) {
				if unicode.IsUpper(r) {
					upper++
					firstUpper = firstUpper || letters == 0
				}
				letters++
			}
			continue
		}
		if (r == ',' || r == '.') && start >= 0 && isDigit(text[i-1]) && i+1 < len(text) && isDigit(text[i+1]) {
			// "$2,400", "1.875 €": one number, not the end of a clause.
			continue
		}
		flush(i)
		if clauseBreak(r) {
			clause++
		}
	}
	flush(len(text))
	return dst
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// spanishFuture: the word ends as a Spanish future does, accent and all ("llamará",
// "contactarán", "LLAMARÁ"). It is asked of every word that is not plain lower case, so it
// allocates nothing.
func spanishFuture(w string) bool {
	for _, end := range []string{"rá", "rán", "RÁ", "RÁN"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// foldWord lowercases a word, drops accents and writes apostrophes as "'".
func foldWord(w string) string {
	b := make([]byte, 0, len(w))
	for _, r := range w {
		if r == '’' {
			r = '\''
		}
		b = utf8.AppendRune(b, fold(r))
	}
	return strings.Trim(string(b), "'")
}

// appendWord expands one word into tokens.
func appendWord(dst []token, w string, start, end, clause int, caps bool) []token {
	add := func(s string) { dst = append(dst, token{w: s, start: start, end: end, clause: clause, caps: caps}) }
	if base, suffix, ok := strings.Cut(w, "'"); ok {
		switch {
		case suffix == "t" && strings.HasSuffix(base, "n"):
			stem := base[:len(base)-1]
			switch stem {
			case "ca":
				stem = "can"
			case "wo":
				stem = "will"
			case "ai":
				stem = "is"
			}
			add(stem)
			add("not")
		case suffix == "ll":
			add(base)
			add("will")
		case suffix == "re":
			add(base)
			add("are")
		case suffix == "ve":
			add(base)
			add("have")
		case suffix == "m":
			add(base)
			add("am")
		case suffix == "d":
			add(base)
			add("would")
		case suffix == "s" && pronounIs[base]:
			add(base)
			add("is")
		default:
			add(base)
		}
		return dst
	}
	if parts, ok := spelledOut[w]; ok {
		for _, p := range parts {
			add(p)
		}
		return dst
	}
	add(w)
	return dst
}

// fold lowercases a letter and drops its accent: the lexicons are written without accents
// and customers often type without them.
func fold(r rune) rune {
	r = unicode.ToLower(r)
	if r < utf8.RuneSelf {
		return r
	}
	switch r {
	case 'á', 'à', 'ä', 'â', 'ã':
		return 'a'
	case 'é', 'è', 'ë', 'ê':
		return 'e'
	case 'í', 'ì', 'ï', 'î':
		return 'i'
	case 'ó', 'ò', 'ö', 'ô', 'õ':
		return 'o'
	case 'ú', 'ù', 'ü', 'û':
		return 'u'
	case 'ñ':
		return 'n'
	case 'ç':
		return 'c'
	}
	return r
}

// quote is the customer's own words from token i to token j (inclusive), bounded so evidence
// is a phrase and never the whole message.
func quote(text string, toks []token, i, j int) string {
	return clipQuote(text[toks[i].start:toks[j].end])
}

func clipQuote(s string) string {
	const maxQuote = 48
	if len(s) > maxQuote {
		s = clip(s, maxQuote)
		if k := strings.LastIndexByte(s, ' '); k > maxQuote/2 {
			s = s[:k]
		}
		s += "…"
	}
	return strings.Join(strings.Fields(s), " ")
}
