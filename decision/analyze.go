package decision

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/handoffhq/orchestrator/handoff"
)

const (
	// maxMessageBytes bounds what one message contributes to analysis and keyword matching.
	maxMessageBytes = 4096
	// distressWindow is how many of the latest customer messages are read for distress: it is
	// the customer's state now that matters, and it bounds the cost of long conversations.
	distressWindow = 8
	// recencyDecay discounts a message's distress per customer message said after it.
	recencyDecay = 0.85
	// maxClauses bounds the clauses of one message read for sentiment.
	maxClauses = 24
	// maxCueMessages bounds the customer messages scanned for complexity cues; a divorce
	// mentioned early still matters, so this window is wide.
	maxCueMessages = 200
)

// Analyze derives the signals the bot did not send from the customer messages, with the
// built-in analyzer.
func (e *Engine) Analyze(in *handoff.Input) Analysis { return e.AnalyzeWith(in, nil, nil) }

// AnalyzeWith merges signals from an external intent decoder (decoded, nil when it was not
// asked) and derives what is still missing with the built-in analyzer. The bot's own signals
// win over the decoder's, and the decoder's over the built-in ones. Pass the decoder's error
// when it failed or its breaker was open: the built-in analyzer then answers alone and the
// Analysis records why.
func (e *Engine) AnalyzeWith(in *handoff.Input, decoded map[string]any, decoderErr error) Analysis {
	a := Analysis{Analyzer: AnalyzerBot, Signals: map[string]any{}}
	if decoderErr != nil {
		a.DecoderError = decoderErr.Error()
	}
	if in == nil {
		return a
	}
	for k, v := range in.Signals {
		if isScalar(v) {
			a.Signals[k] = v
		}
	}
	for k, v := range decoded {
		if _, have := a.Signals[k]; have || !isScalar(v) {
			continue
		}
		a.derive(k, v, "from the intent decoder")
		a.Analyzer = AnalyzerDecoder
	}
	if e == nil || e.system != SystemRealEstate {
		return a
	}
	builtin := e.deriveIntent(&a, in)
	customer := customerTexts(in.Messages, maxCueMessages)
	if _, have := a.Signals["customer_emotional_distress"]; !have && len(customer) > 0 {
		d, note := distress(customer)
		a.derive("customer_emotional_distress", d, "derived from messages: "+note)
		builtin = true
	}
	if _, have := a.Signals["emotional_distress"]; !have {
		if v, ok := numberOf(a.Signals["customer_emotional_distress"]); ok {
			src := "customer_emotional_distress"
			if strings.HasPrefix(a.Derived[src], "derived from messages") {
				src = "messages"
			}
			a.derive("emotional_distress", v > e.distressThreshold,
				fmt.Sprintf("derived from %s: distress %s %s %g", src, formatValue(v), cmpWord(v > e.distressThreshold), e.distressThreshold))
			builtin = true
		}
	}
	_, haveScore := a.Signals["complexity_score"]
	_, haveLegal := a.Signals["legal_complexity"]
	if (!haveScore || !haveLegal) && len(customer) > 0 {
		score, legal, labels := complexity(customer)
		note := "derived from messages: no complexity cues"
		if len(labels) > 0 {
			note = "derived from messages: cues " + strings.Join(labels, ", ")
		}
		if !haveScore {
			a.derive("complexity_score", score, note)
		}
		if !haveLegal {
			a.derive("legal_complexity", legal, note)
		}
		builtin = true
	}
	if builtin && a.Analyzer == AnalyzerBot {
		a.Analyzer = AnalyzerBuiltin
	}
	a.Urgent, _ = boolOf(a.Signals["emotional_distress"])
	return a
}

func (a *Analysis) derive(name string, v any, note string) {
	a.Signals[name] = v
	if a.Derived == nil {
		a.Derived = map[string]string{}
	}
	a.Derived[name] = note
}

func cmpWord(above bool) string {
	if above {
		return ">"
	}
	return "<="
}

// deriveIntent fills intent_category and intent_confidence from the bot's latest intent
// reading in conversation_state when it did not send them as signals.
func (e *Engine) deriveIntent(a *Analysis, in *handoff.Input) bool {
	ias := in.ConversationState.IntentAnalysis
	if len(ias) == 0 {
		return false
	}
	latest := ias[len(ias)-1]
	for _, ia := range ias {
		if ia.At.After(latest.At) {
			latest = ia
		}
	}
	note := fmt.Sprintf("from conversation_state.intent_analysis, latest of %d readings", len(ias))
	did := false
	if _, have := a.Signals["intent_category"]; !have && latest.Intent != "" {
		a.derive("intent_category", latest.Intent, note)
		did = true
	}
	if _, have := a.Signals["intent_confidence"]; !have && latest.Intent != "" {
		a.derive("intent_confidence", latest.Confidence, note)
		did = true
	}
	return did
}

func isScalar(v any) bool {
	switch x := v.(type) {
	case bool, string, int, int64, int32, uint, uint64, uint32:
		return true
	case float64:
		return !math.IsNaN(x) && !math.IsInf(x, 0)
	case float32:
		return !math.IsNaN(float64(x)) && !math.IsInf(float64(x), 0)
	case fmt.Stringer: // json.Number
		_, ok := numberOf(x)
		return ok
	}
	return false
}

// customerTexts returns the last n customer messages, oldest first, each clipped.
func customerTexts(msgs []handoff.Message, n int) []string {
	var out []string
	for i := len(msgs) - 1; i >= 0 && len(out) < n; i-- {
		if msgs[i].Role == "customer" && strings.TrimSpace(msgs[i].Text) != "" {
			out = append(out, clip(msgs[i].Text, maxMessageBytes))
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// distress scores the customer's current emotional distress from 0 to 1: per message, how
// negative VADER finds it, plus 0.2 per distress cue VADER's lexicon lacks or misreads
// ("overwhelmed" scores positive there, "nightmare" not at all), plus 0.1 for shouting in a
// negative message; the latest messages count most, and each other strongly distressed
// message adds a little (distress that persists).
func distress(texts []string) (float64, string) {
	if len(texts) > distressWindow {
		texts = texts[len(texts)-distressWindow:]
	}
	found := make([]bool, len(cues))
	var ws []string
	peak, peakAt, peakSentiment, strong := 0.0, -1, 0.0, 0
	var peakCues []string
	for i, t := range texts {
		c := mostNegative(t)
		ws = words(t, ws[:0])
		clear(found)
		findCues(ws, found)
		var labels []string
		for ci, f := range found {
			if f && cues[ci].level == cueDistress {
				labels = append(labels, cues[ci].label)
			}
		}
		neg := math.Max(0, -c)
		score := neg + 0.2*float64(len(labels))
		if (neg > 0 || len(labels) > 0) && shouting(t) {
			score += 0.1
		}
		score = math.Min(1, score)
		if score >= 0.5 {
			strong++
		}
		weighted := score * math.Pow(recencyDecay, float64(len(texts)-1-i))
		if weighted > peak || peakAt < 0 {
			peak, peakAt, peakSentiment, peakCues = weighted, i, c, labels
		}
	}
	if peak >= 0.5 && strong > 1 {
		peak += 0.05 * float64(strong-1)
	}
	d := math.Round(math.Min(1, peak)*100) / 100
	note := fmt.Sprintf("%s in customer message %d of the last %d (sentiment %.2f", formatValue(d), peakAt+1, len(texts), peakSentiment)
	if len(peakCues) > 0 {
		note += "; cues " + strings.Join(peakCues, ", ")
	}
	return d, note + ")"
}

// shouting: "!!" or at least two words in capitals. VADER boosts capitals only when some
// words are not, which a shouted clause on its own never has.
func shouting(text string) bool {
	if strings.Contains(text, "!!") {
		return true
	}
	caps, letters, lower := 0, 0, false
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			lower = lower || !unicode.IsUpper(r)
			continue
		}
		if letters >= 2 && !lower {
			caps++
		}
		letters, lower = 0, false
	}
	if letters >= 2 && !lower {
		caps++
	}
	return caps >= 2
}

// mostNegative is the lowest VADER compound over a message's clauses. VADER is made for
// sentences: over a whole message one upbeat word ("honestly" scores +2) can outweigh "I'm
// scared we'll lose everything" said in the next sentence, and its three-word negation window
// crosses commas ("I can't sleep, I'm scared" reads as "not scared"), so commas split too.
func mostNegative(text string) float64 {
	low, start, n := 1.0, 0, 0
	for i, r := range text {
		if n >= maxClauses {
			return low
		}
		if r != '.' && r != '!' && r != '?' && r != ';' && r != ',' && r != '\n' {
			continue
		}
		if i+1 < len(text) && strings.ContainsRune(".!?", rune(text[i+1])) {
			continue // keep "!!" and "?!" with their sentence: VADER reads them as emphasis
		}
		if s := strings.TrimSpace(text[start : i+1]); s != "" {
			low = math.Min(low, compound(s))
			n++
		}
		start = i + 1
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		low = math.Min(low, compound(s))
	}
	return low
}

// complexity scores how complex the situation is (0 to 1) and how legally complex
// ("low", "medium", "high") from the cues across the customer messages.
func complexity(texts []string) (float64, string, []string) {
	found := make([]bool, len(cues))
	var ws []string
	for _, t := range texts {
		ws = words(t, ws[:0])
		findCues(ws, found)
	}
	miss, legal := 1.0, "low"
	var labels []string
	for ci, f := range found {
		c := &cues[ci]
		if !f || c.level == cueDistress {
			continue
		}
		labels = append(labels, c.label)
		miss *= 1 - cueWeight[c.level]
		switch {
		case c.level == cueLegalHigh:
			legal = "high"
		case c.level == cueLegalMedium && legal == "low":
			legal = "medium"
		}
	}
	return math.Round((1-miss)*100) / 100, legal, labels
}
