package decision

import (
	"reflect"
	"strings"
	"testing"
)

func tokenWords(text string) (ws []string, clauses []int) {
	for _, t := range tokenize(text, nil) {
		ws = append(ws, t.w)
		clauses = append(clauses, t.clause)
	}
	return ws, clauses
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		text    string
		words   string
		clauses []int
	}{
		// Contractions are spelled out, with and without the apostrophe.
		{"I can't, I DON'T", "i can not i do not", []int{0, 0, 0, 1, 1, 1}},
		{"dont wanna", "do not want to", nil},
		{"I'm sure it's the neighbor’s", "i am sure it is the neighbor", nil},
		// Accents are folded; "pero" and "but" start a new thought.
		{"Pásame con él pero rápido", "pasame con el rapido", []int{0, 0, 0, 1}},
		{"¿Qué? No.", "que no", []int{1, 2}},
		// Shorthand is read as the words it stands for; stretched letters are undone, to a
		// double letter when that is a word the lexicons know.
		{"lemme talk 2 sum1 rn", "let me talk 2 someone right now", nil},
		{"humannnn pleaseee sooo stressss", "human please so stress", nil},
		{"ok tho idk", "ok i do not know", []int{0, 1, 1, 1, 1}},
		// A comma or a point inside a number ends no clause; after one, it does.
		{"I pay $2,400 a month, 1.875 now", "i pay 2,400 a month 1.875 now", []int{0, 0, 0, 0, 0, 1, 1}},
		{"paid 3, then 4.", "paid 3 then 4", []int{0, 0, 1, 1}},
	}
	for _, tc := range cases {
		ws, cl := tokenWords(tc.text)
		if got := strings.Join(ws, " "); got != tc.words {
			t.Errorf("%q: words %q, want %q", tc.text, got, tc.words)
		}
		if tc.clauses != nil && !reflect.DeepEqual(cl, tc.clauses) {
			t.Errorf("%q: clauses %v, want %v", tc.text, cl, tc.clauses)
		}
	}
	toks := tokenize("GET ME a Human", nil)
	if !toks[0].caps || !toks[1].caps || toks[2].caps || toks[3].caps {
		t.Errorf("caps %+v", toks)
	}
	if q := quote("well, GET ME a Human now", tokenize("well, GET ME a Human now", nil), 1, 4); q != "GET ME a Human" {
		t.Errorf("quote %q", q)
	}
}

func TestPatterns(t *testing.T) {
	match := func(src, text string) bool {
		toks := tokenize(text, nil)
		for k := range toks {
			toks[k].fz, _ = lex.fuzzy.lookup(toks[k].w, nil)
		}
		for _, p := range compilePatterns(src, macros) {
			for i := range toks {
				if _, ok := p.matchAt(toks, i); ok {
					return true
				}
			}
		}
		return false
	}
	cases := []struct {
		pat, text string
		want      bool
	}{
		{"speak ?to|with .. {PN}", "speak with a real live person", true},
		{"speak ?to|with .. {PN}", "speak with my husband about the agent", false}, // the gap is three words
		{"speak ?to|with .. {PN}", "speak, then agent", false},                     // never across a clause
		{"frustrat*", "so frustrating", true},
		{"talk to {PN}", "talk to agnet", true},                       // swapped letters
		{"talk to {PN}", "talk to persn", true},                       // a letter dropped
		{"want ..2 {PNF}", "want it managed", false},                  // a substitution is another word
		{"speak~ ?to|with .. {PN}", "let me speek to a persen", true}, // but one vowel for another is a typo
		{"talk to {PN}", "talk to humen", true},
		{"want ..2 {PNF}", "want a hymen", false}, // in a vowel's place only
		{"(can not|unable to) pay", "we're unable to pay", true},
		{"# fine", "a $500 fine", true},
	}
	for _, tc := range cases {
		if got := match(tc.pat, tc.text); got != tc.want {
			t.Errorf("%q on %q: %v, want %v", tc.pat, tc.text, got, tc.want)
		}
	}
	for _, bad := range []string{"?maybe first", "ends ..", "can't", "ab*", "{NOPE}", "(open"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%q compiled; it is malformed", bad)
				}
			}()
			compilePatterns(bad, macros)
		}()
	}
}

func TestNegationScope(t *testing.T) {
	cases := []struct {
		text string
		at   string
		want bool
	}{
		{"I'm not angry", "angry", true},
		{"I'm not at all angry", "angry", true},
		{"no estoy enojado", "enojado", true},
		{"I'm not angry, but this is ridiculous", "ridiculous", false},
		{"I don't know where we'll go", "where", false},
		{"not only rude but late", "rude", false},
		// A negated stop says it goes on.
		{"I can't stop crying", "crying", false},
		{"no paro de llorar", "llorar", false},
		{"nothing to worry about", "worry", true},
	}
	for _, tc := range cases {
		toks := tokenize(tc.text, nil)
		i := -1
		for k, t := range toks {
			if t.w == tc.at {
				i = k
			}
		}
		if got := negatedAt(toks, i); got != tc.want {
			t.Errorf("%q at %q: negated %v, want %v", tc.text, tc.at, got, tc.want)
		}
	}
}

// Words count once: "I'm stressed" is one piece of evidence, though two cues read it.
func TestOverlappingCuesCountOnce(t *testing.T) {
	r := read([]string{"I'm stressed about the paint colors"}, nil)
	if got := r.score[trigDistress]; got != 0.7 {
		t.Fatalf("distress %.2f, want 0.7 (the strongest cue alone)", got)
	}
	r = read([]string{"I'm stressed and I can't sleep"}, nil)
	if got := r.score[trigDistress]; got <= 0.9 {
		t.Fatalf("distress %.2f: two pieces of evidence combine", got)
	}
}

// One word per sentence is emphasis, but only adds: a list of cities is no complaint, so the
// run alone never passes the bar. One sentence cut into words ("the", "me" among them) says
// more.
func TestStaccatoAddsOnly(t *testing.T) {
	staccato := func(text string) float64 {
		var ms msgScore
		addStaccato(text, tokenize(text, nil), &ms)
		return ms.score[trigFrustration]
	}
	if got := staccato("Dallas. Austin. Houston."); got != 0.5 {
		t.Errorf("staccato %.2f, want 0.5", got)
	}
	for _, cut := range []string{"Answer. The. Question.", "call. me. back."} {
		if got := staccato(cut); got != staccatoFirm {
			t.Errorf("%q: staccato %.2f, want %.2f", cut, got, staccatoFirm)
		}
	}
	for _, calm := range []string{"Dallas, Austin, Houston.", "Is it near the park?", "Thanks. Great. Perfect."} {
		if got := staccato(calm); got != 0 {
			t.Errorf("%q: staccato %.2f, want 0", calm, got)
		}
	}
}

// A request's gaps do not reach past a negation or into an embedded question.
func TestStrictGapsForRequests(t *testing.T) {
	p := compilePatterns("can i ..5 {PNF}", macros)[0]
	p.strict = true
	for text, want := range map[string]bool{
		"can I please have one of your agents":  true,
		"can I see the house without an agent":  false,
		"can I find out if the agent is in":     false,
		"can I ask what the agent fee would be": false,
	} {
		toks := tokenize(text, nil)
		_, got := p.matchAt(toks, 0)
		if got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}

// A group of plain phrases compiles to one element, and matches as its expansion did.
func TestPhraseGroupsMatchAsExpanded(t *testing.T) {
	ps := compilePatterns("divorce ..2 (is not final|in progress)", macros)
	if len(ps) != 1 || len(ps[0].elems[2].phrases) != 2 {
		t.Fatalf("compiled to %d patterns", len(ps))
	}
	for text, want := range map[string]bool{
		"the divorce is not final":      true,
		"our divorce still in progress": true,
		"the divorce is final":          false,
		"divorce, in progress":          false, // not across a clause
	} {
		toks := tokenize(text, nil)
		got := false
		for i := range toks {
			if _, ok := ps[0].matchAt(toks, i); ok {
				got = true
			}
		}
		if got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}
