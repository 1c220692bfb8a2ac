package decision

import (
	"strings"
	"testing"
)

// TestPhraseAlternativesAreGrouped guards the pattern syntax's one trap: "a|b|c d" reads as
// "a, b or c, then d", so a phrase written among alternatives ("hopeless|useless|a joke")
// silently needs its last word after every alternative. The test flags an element of three
// or more alternatives followed by a single plain word; the patterns in meantAsWritten were
// read and mean exactly that ("falling|fell|fall behind"). A new pattern it flags either goes
// there, once read, or needs its phrase in parentheses.
func TestPhraseAlternativesAreGrouped(t *testing.T) {
	if got := suspectPhrases("(you are|you guys are) hopeless|useless|a joke"); len(got) != 1 || got[0] != "a joke" {
		t.Fatalf("the trap itself is not caught: %q", got)
	}
	if got := suspectPhrases("(you are|you guys are) (hopeless|useless|a joke)"); len(got) != 0 {
		t.Fatalf("a grouped phrase is flagged: %q", got)
	}
	var sources []string
	for _, entries := range lexicon {
		for _, e := range entries {
			sources = append(sources, e.pats)
		}
	}
	for _, n := range neutralizers {
		sources = append(sources, n.pats)
	}
	for _, src := range sources {
		for _, pat := range strings.Split(src, ";") {
			pat = strings.TrimSpace(pat)
			if meantAsWritten[pat] {
				continue
			}
			for _, phrase := range suspectPhrases(pat) {
				t.Errorf("pattern %q: is %q a phrase among alternatives? Group it in parentheses, or add the "+
					"pattern to meantAsWritten", pat, phrase)
			}
		}
	}
}

// suspectPhrases are the "last alternative, next word" pairs of a pattern where an element of
// three or more alternatives is followed by a single plain word.
func suspectPhrases(pat string) []string {
	var out []string
	el := strings.Fields(ungroup(pat))
	for k := 0; k+1 < len(el); k++ {
		a, b := el[k], el[k+1]
		if strings.HasPrefix(a, "..") || strings.HasPrefix(b, "..") || a == "()" || b == "()" || strings.HasPrefix(b, "{") {
			continue
		}
		alts := strings.Split(strings.TrimPrefix(a, "?"), "|")
		if len(alts) >= 3 && !strings.Contains(b, "|") {
			out = append(out, alts[len(alts)-1]+" "+strings.TrimPrefix(b, "?"))
		}
	}
	return out
}

// ungroup replaces each "(...)" phrase group with "()".
func ungroup(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			if depth == 0 {
				b.WriteString("()")
			}
			depth++
		case r == ')':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var meantAsWritten = map[string]bool{
	// Read in the round that opened fresh5; each means the alternatives, then the next word.
	"(how does|how did|how could|how can|how is|how was) that|this|it even ..1 happen|happened|possible|allowed|legal|acceptable": true,
	"you|they|ustedes ?clearly|obviously|just|really|simply do not ?even|really care":                                             true,
	"mejor ?con|hablar|hablo ?con {DET} ?{REALQ} {PH}|asesor|asesora|agente":                                                      true,
	"can|could|would|will|may|please|have|need|want|like|get|let|podria|puede|pueden|podrian|que ..2 a|an|one|some|any|un|una|uno|alguno|alguna ?of|de ?your|sus|ustedes ?{SALES} ..3 call|phone|telephone|ring|contact|reach|{CALLV}": true,
	"echar|echarnos|echarme|echarse|echarte ?para atras": true,
	"landlord|he|she|owner|casero|dueno|duena|arrendador ..2 shut|cut|turned|corto ?off ..3 power|electricity|water|utilities|agua|luz": true,
	"# days|weeks|dias|semanas to move|get|be out":                                                                                true,
	"agradeceria|agradeceriamos|agradecere ?mucho|muchisimo|bastante si ..4 {PNF}":                                                true,
	"already told|said|explained|mentioned ?it|this|that ?to {MY}|him|her|them":                                                   true,
	"no es|fue|era lo que ?te|le|yo pregunte|dije|pedi":                                                                           true,
	"took|accepted|went|taking|accepting|tomo|acepto ?with ?a|an|otra ?higher|better|another|other|new|second|mejor offer|oferta": true,
	"(can not|could not) ?even|just|really anymore":                                                                               true,
	"(can not|could not|no puedo|no podemos|can barely|can hardly) ?even|stand|bear|keep ?to ..1 stay|live|be|vivir|estar|quedarme|quedarnos|entrar|walk|look|living|staying ..4 house|home|casa|there|here|alli|ahi|anymore|memories|recuerdos": true,
	"(i am|we are) ?so|just|really|totally|completely|literally|officially done with|w you|this|your|ustedes|it|y|these|everything|them":                                                                                                         true,
	"(i am|we are|estoy|estamos) ?so|just|really|totally|completely|so over it|this|you|ustedes|everything":                                                                                                                                      true,
	"(is|are) anyone|anybody|someone even":                                          true,
	"(is|are) anyone|anybody|someone actually there|here|reading|listening|working": true,
	"change|changes|changed|changing the subject":                                   true,
	"{BOT} that|which|who|que ?still ..1 (can not|could not|does not|do not|will not|is not able to|no puede|no sabe|no me puede) ..3 tell|answer|understand|help|give|find|get|do|read|decir|contestar|responder|entender|ayudar|dar": true,
	"(i have|have|already) ..2 called|emailed|texted|messaged|written|wrote|reached|left|sent|submitted|uploaded|provided ?out ..4 # times|twice|times|messages|voicemails":                                                            true,
	"any|buying|buy foreclos*":                                          true,
	"being|getting|about to be evicted":                                 true,
	"breaking|breaks|broke my heart":                                    true,
	"cancel*|resched*|postpon* again":                                   true,
	"decreto|acuerdo|sentencia de divorcio":                             true,
	"died|passed|away|murio|fallecio|falleci ..4 days|weeks|months ago": true,
	"falling|fell|fall behind":                                          true,
	"feel ?much|so|way better":                                          true,
	"fixed|solved|resolved|sorted it":                                   true,
	"hired|get|got ?a lawyer|attorney":                                  true,
	"impossible|hard|difficult to reach|contact|get":                    true,
	"keep ?our|my|the earnest money":                                    true,
	"le|les|te pregunte":                                                true,
	"listing|ad|post|page|website title":                                true,
	"llamada|cita|reunion|videollamada con .. {PNF}":                    true,
	"lost|lose|perdimos ?all ?our|my savings|ahorros":                   true,
	"mucha|alta|poca|gran demanda":                                      true,
	"my|mi wife|husband|partner|boyfriend|girlfriend|esposo|esposa|novio|novia|pareja ?me left|dejo|abandono": true,
	"never heard|got|called back": true,
	"never|not ?got|been|was|were|fue ?properly released|recorded|transferred|cancelled|canceled|discharged|liberado|cancelado|registrado": true,
	"no puedo|podemos|pude ?pagar ..3 hipoteca|pagos|pago|mensualidad*|renta|casa|deudas|cuentas":                                          true,
	"not|never show|shown|showed|turned up":                                           true,
	"refuses|refuse|refusing to leave|move":                                           true,
	"screwed|messed|mixed up":                                                         true,
	"showed|show|arrived|came|llego|llegaron ?up ..3 late|tarde":                      true,
	"standard|routine|normal|typical|recorded ?utility easement":                      true,
	"tercera|cuarta|quinta vez":                                                       true,
	"this|that|it is a disaster":                                                      true,
	"this|that|it is a mess":                                                          true,
	"this|that|it is terrible|awful|horrible|unbelievable|nuts|crazy|nonsense|insane": true,
	"were|was|got|been|just evicted":                                                  true,
	"worst|terrible|horrible|awful|pathetic|lousy|appalling|atrocious|dreadful|shoddy ?customer service|experience|communication|support|agent|agents|company|brokerage|app|website|bot|process|response|job": true,
	"ya les|le|te dije": true,
	"{MY} ?own|real|listing|buying|selling|loan|former|old|previous|new ?estate {PN}": true,
	"{REL}|he|she is gone": true,
	"{REL}|she|he passed":  true,
}

// A report filed against the customer is litigation; one a neighbour filed about their own
// bike is not. The lexicon alone is checked: the classifier, trained on many boundary
// disputes with a "vecino", reads that word as legal at 0.65 on its own.
func TestDenunciaAgainstTheCustomerOnly(t *testing.T) {
	if r := read([]string{"los vecinos nos han denunciado por la ampliación"}, nil); r.legal < legalHigh {
		t.Errorf("a report against the customer: legal %.2f, want >= %.2f", r.legal, legalHigh)
	}
	if r := read([]string{"el vecino denunció el robo de su bici, ¿es seguro el barrio?"}, nil); r.legal != 0 {
		t.Errorf("a neighbour's own report: legal %.2f, want 0", r.legal)
	}
}
