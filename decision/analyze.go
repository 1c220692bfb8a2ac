package decision

import (
	"fmt"
	"math"
	"strings"

	"github.com/handoffhq/orchestrator/handoff"
)

const (
	// maxMessageBytes bounds what one message contributes to analysis and keyword matching.
	maxMessageBytes = 4096
	// maxCueMessages bounds the customer messages scanned for complexity cues; a divorce
	// mentioned early still matters, so this window is wide.
	maxCueMessages = 200
)

// Analyze derives the signals the bot did not send from the customer messages, with the
// built-in analyzer.
func (e *Engine) Analyze(in *handoff.Input) Analysis { return e.AnalyzeWith(in, nil, nil) }

// Decoded is what an external analyzer answered.
type Decoded struct {
	Signals map[string]any
	// Notes say, per signal, where it came from, quoting the analyzer's evidence; "from the
	// intent decoder" when there is none.
	Notes map[string]string
	// Recommendation is the analyzer's choice of a roster agent, if it made one.
	Recommendation *Recommendation
	// Analyzer is recorded as the Analysis's (AnalyzerDecoder when empty).
	Analyzer string
}

// AnalyzeWith merges signals from an external intent decoder (decoded, nil when it was not
// asked) and derives what is still missing with the built-in analyzer. The bot's own signals
// win over the decoder's, and the decoder's over the built-in ones. Pass the decoder's error
// when it failed or its breaker was open: the built-in analyzer then answers alone and the
// Analysis records why.
func (e *Engine) AnalyzeWith(in *handoff.Input, decoded map[string]any, decoderErr error) Analysis {
	return e.AnalyzeDecoded(in, Decoded{Signals: decoded}, decoderErr)
}

// AnalyzeDecoded is AnalyzeWith for an analyzer that explains its signals and may recommend a
// target (a language model).
func (e *Engine) AnalyzeDecoded(in *handoff.Input, dec Decoded, decoderErr error) Analysis {
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
	for k, v := range dec.Signals {
		if _, have := a.Signals[k]; have || !isScalar(v) {
			continue
		}
		note := dec.Notes[k]
		if note == "" {
			note = "from the intent decoder"
		}
		a.derive(k, v, note)
		a.Analyzer = AnalyzerDecoder
		if dec.Analyzer != "" {
			a.Analyzer = dec.Analyzer
		}
	}
	a.Recommendation = dec.Recommendation
	// Only rules read the trigger signals; a league of keyword paths alone needs none.
	if e == nil || (e.system != SystemRealEstate && len(e.rules) == 0) {
		return a
	}
	builtin := e.deriveIntent(&a, in)
	var r *reading
	if customer := customerTexts(in.Messages, maxCueMessages); len(customer) > 0 && e.missesTriggers(a.Signals) {
		var f *featurizer
		if e.triggers != nil {
			f = &featurizer{m: e.triggers}
		}
		rd := read(customer, f)
		if f != nil {
			rd.learned = e.triggers.classify(f, &rd, customer)
		}
		r = &rd
	}
	if deriveTriggers(&a, r, e.thresholds()) {
		builtin = true
	}
	if builtin && a.Analyzer == AnalyzerBot {
		a.Analyzer = AnalyzerBuiltin
	}
	for _, s := range []string{"emotional_distress", "human_requested", "frustrated"} {
		if v, _ := boolOf(a.Signals[s]); v {
			a.Urgent = true
		}
	}
	return a
}

// readSignals are the signals only a reading of the messages can give; when the bot sent them
// all, the messages are not read.
var readSignals = []string{"human_request_score", "frustration", "customer_emotional_distress", "complexity_score", "legal_complexity"}

func (e *Engine) missesTriggers(s map[string]any) bool {
	for _, name := range readSignals {
		if _, have := s[name]; !have {
			return true
		}
	}
	return false
}

// thresholds are the scores above which the trigger flags are set.
func (e *Engine) thresholds() [numTriggers]float64 {
	var th [numTriggers]float64
	th[trigHuman], th[trigFrustration], th[trigDistress] = HumanRequestThreshold, e.frustrationThreshold, e.distressThreshold
	return th
}

// triggerFlags pairs each trigger's flag with its score: the flag is derived from the score,
// whoever sent the score (the bot, the decoder or the messages).
var triggerFlags = []struct {
	flag, score, what string
	t                 trigger
}{
	{"human_requested", "human_request_score", "request", trigHuman},
	{"frustrated", "frustration", "frustration", trigFrustration},
	{"emotional_distress", "customer_emotional_distress", "distress", trigDistress},
}

// deriveTriggers fills the trigger signals the bot (or decoder) did not send: the scores and
// legal complexity from the reading of the messages (r, nil when there are none), and each
// flag from its score. It reports whether it derived anything.
func deriveTriggers(a *Analysis, r *reading, th [numTriggers]float64) bool {
	const fromMessages = "derived from messages: "
	did := false
	for _, f := range triggerFlags {
		if _, have := a.Signals[f.score]; !have && r != nil {
			a.derive(f.score, r.score[f.t], fromMessages+r.describe(f.t))
			did = true
		}
		if _, have := a.Signals[f.flag]; have {
			continue
		}
		v, ok := numberOf(a.Signals[f.score])
		if !ok {
			continue
		}
		fromMsgs := strings.HasPrefix(a.Derived[f.score], fromMessages)
		// The classifier fires where the lexicon's score fell short: the score is raised to
		// pass the threshold, so a rule reading the score agrees with the flag.
		learned := ""
		if i := learnedFor(f.t); fromMsgs && r.learned != nil && r.learned.fires[i] && !passes(f.t, v, th[f.t]) {
			learned = r.learned.note(i)
			v = r.learned.raise(i, th[f.t])
			a.derive(f.score, v, a.Derived[f.score]+"; "+learned)
		}
		// A request for a person counts from its threshold on; a mood above it.
		on, cmp := passes(f.t, v, th[f.t]), cmpWord(v > th[f.t])
		if f.t == trigHuman {
			cmp = map[bool]string{true: ">=", false: "<"}[on]
		}
		note := fmt.Sprintf("%s %s %s %g", f.what, formatValue(v), cmp, th[f.t])
		if fromMsgs {
			switch {
			case learned != "":
				note += ", " + learned
			case on && r.evidence[f.t] != "":
				note += ", " + r.evidence[f.t]
			}
			note = fromMessages + note
		} else {
			note = "derived from " + f.score + ": " + note
		}
		a.derive(f.flag, on, note)
		did = true
	}
	if r == nil {
		return did
	}
	note := fromMessages + r.joinLabels()
	if _, have := a.Signals["complexity_score"]; !have {
		a.derive("complexity_score", r.complexity, note)
		did = true
	}
	if _, have := a.Signals["legal_complexity"]; !have {
		level := r.legalLevel()
		if i := learnedFor(trigLegal); level != "high" && r.learned != nil && r.learned.fires[i] {
			level, note = "high", note+"; "+r.learned.note(i)
		}
		a.derive("legal_complexity", level, note)
		did = true
	}
	return did
}

// passes: a score v of trigger t sets its flag at threshold th. A request for a person counts
// from its threshold on; a mood above it.
func passes(t trigger, v, th float64) bool {
	if t == trigHuman {
		return v >= th
	}
	return v > th
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
