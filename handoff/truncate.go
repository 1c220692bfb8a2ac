package handoff

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Limits bound a package. Temporal refuses payloads over 2 MB and warns from 512 KB; a package
// travels in a local activity's result and again in each briefing's input, so it is kept far
// below both.
type Limits struct {
	// MaxBytes bounds the delivery body the package travels in, as encoding/json writes it:
	// the package plus its envelope (see fit.go). Default 256 KiB.
	MaxBytes int `json:"max_bytes"`
	// SummaryChars bounds the extractive summary of the messages cut (default 2,000).
	SummaryChars int `json:"summary_chars,omitempty"`
	// MaxMessageChars clips single messages, and every string of the optional context, once
	// the package is over MaxBytes (default 4,000), so one pasted document cannot push out the
	// whole recent conversation.
	MaxMessageChars int `json:"max_message_chars,omitempty"`
	// IntentAnalyses is how many of the latest intent readings are kept (default 3, the seed's).
	IntentAnalyses int `json:"intent_analyses,omitempty"`
}

// DefaultMaxPackageBytes is the default package bound: 256 KiB.
const DefaultMaxPackageBytes = 256 << 10

// DefaultLimits are the limits used when none are configured.
func DefaultLimits() Limits {
	return Limits{MaxBytes: DefaultMaxPackageBytes, SummaryChars: 2000, MaxMessageChars: 4000, IntentAnalyses: 3}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxBytes <= 0 {
		l.MaxBytes = d.MaxBytes
	}
	if l.SummaryChars <= 0 {
		l.SummaryChars = d.SummaryChars
	}
	if l.MaxMessageChars <= 0 {
		l.MaxMessageChars = d.MaxMessageChars
	}
	if l.IntentAnalyses <= 0 {
		l.IntentAnalyses = d.IntentAnalyses
	}
	return l
}

// Truncation records what the transcript lost on the way into the package.
type Truncation struct {
	// Messages is how many customer and agent messages the conversation had.
	Messages int `json:"messages"`
	// Filtered is how many tool and system messages were left out (always).
	Filtered int `json:"filtered,omitempty"`
	// Summarized is how many of the oldest messages were replaced by Summary to stay under
	// LimitBytes; Kept is how many recent ones the transcript holds.
	Summarized int       `json:"summarized,omitempty"`
	Kept       int       `json:"kept"`
	Summary    string    `json:"summary,omitempty"`
	From       time.Time `json:"from,omitzero"`
	To         time.Time `json:"to,omitzero"`
	// Clipped is how many kept messages had their text shortened to MaxMessageChars.
	Clipped    int `json:"clipped,omitempty"`
	LimitBytes int `json:"limit_bytes"`
	// ClippedFields name optional context whose long strings were cut to MaxMessageChars, and
	// Omitted the optional context left out, largest first, once the transcript was gone:
	// top-level fields ("source_result", "signals") or "sections.<section>[<path>]" for a
	// field of a section that is not required.
	ClippedFields []string `json:"clipped_fields,omitempty"`
	Omitted       []string `json:"omitted,omitempty"`
	// OverLimit: the required fields alone exceed LimitBytes. Nothing required is ever
	// dropped to fit.
	OverLimit bool `json:"over_limit,omitempty"`
}

// Cut reports whether messages were summarised away.
func (t Truncation) Cut() bool { return t.Summarized > 0 }

// conversational keeps customer and agent messages: receivers complain most about histories
// polluted by tool output and system notes.
func conversational(msgs []Message) (kept []Message, filtered int) {
	kept = make([]Message, 0, len(msgs))
	for _, m := range msgs {
		if m.Role == "customer" || m.Role == "agent" {
			kept = append(kept, m)
		} else {
			filtered++
		}
	}
	return kept, filtered
}

// slack covers the estimate of the transcript's share (the brief changes with it).
const slack = 2048

// bound fits p under limits.MaxBytes, measured as encoding/json encodes it inside its
// delivery (fits), by keeping the most recent messages of all (the conversational messages,
// oldest first) and summarising the rest. Once over the limit, long messages and long strings
// of the optional context are clipped first; optional context that does not fit even without
// a transcript is left out, largest part first. refresh updates what depends on the
// transcript (the brief) before each measurement. It returns the encoding of p as it is on
// return, so the caller need not encode it again.
func bound(p *Package, all []Message, limits Limits, refresh func(*Package)) []byte {
	p.Transcript = all
	p.Truncation.Kept = len(all)
	refresh(p)
	enc, err := json.Marshal(p)
	if err != nil || fits(p, enc, limits) {
		return enc
	}

	// Over the limit: clip runaway messages and context, then measure what the rest of the
	// package costs.
	msgs := make([]Message, len(all))
	copy(msgs, all)
	for i := range msgs {
		if r := []rune(msgs[i].Text); len(r) > limits.MaxMessageChars {
			msgs[i].Text = string(r[:limits.MaxMessageChars-1]) + "…"
		}
	}
	clipContext(p, limits.MaxMessageChars)
	p.Transcript, p.Truncation.Summary = nil, ""
	base, _ := json.Marshal(p)
	if !fits(p, base, limits) {
		base = omitContext(p, base, limits, refresh)
	}
	summaryBudget := min(limits.SummaryChars, limits.MaxBytes/8)
	// 6: the most bytes one rune takes once escaped ("\u003c" for '<').
	budget := limits.MaxBytes - len(base) - deliveryOverhead(p) - slack - 6*summaryBudget

	sizes := make([]int, len(msgs))
	for i, m := range msgs {
		b, _ := json.Marshal(m)
		sizes[i] = len(b) + 1
	}
	keep, used := 0, 0
	for i := len(msgs) - 1; i >= 0 && used+sizes[i] <= budget; i-- {
		used += sizes[i]
		keep++
	}

	// Estimates can be off (escaping, the brief); shrink until the encoding fits or nothing
	// is left to drop. Each round drops at least a tenth, so this ends quickly.
	for {
		cut := msgs[:len(msgs)-keep]
		p.Transcript = msgs[len(msgs)-keep:]
		p.Truncation.Kept = keep
		p.Truncation.Summarized = len(cut)
		p.Truncation.Summary = extractiveSummary(cut, summaryBudget)
		p.Truncation.From, p.Truncation.To = time.Time{}, time.Time{}
		if len(cut) > 0 {
			p.Truncation.From, p.Truncation.To = cut[0].At, cut[len(cut)-1].At
		}
		p.Truncation.Clipped = 0
		for i := len(msgs) - keep; i < len(msgs); i++ {
			if msgs[i].Text != all[i].Text {
				p.Truncation.Clipped++
			}
		}
		refresh(p)
		enc, err = json.Marshal(p)
		if err != nil || fits(p, enc, limits) || keep == 0 {
			break
		}
		keep -= max(1, keep/10)
	}
	if err == nil && !fits(p, enc, limits) {
		enc = omitContext(p, enc, limits, refresh)
		p.Truncation.OverLimit = !fits(p, enc, limits)
	}
	return enc
}

// stopwords are words too common to say anything about what a customer wants.
var stopwords = map[string]bool{}

func init() {
	for w := range strings.FieldsSeq(`about above after again also been before being below between
both but could does doing down during each from further have having here hers herself himself
into itself just more most myself once only other ours ourselves over same should some such than
that their theirs them themselves then there these they this those through under until very
were what when where which while whom will with would your yours yourself yourselves okay yeah
thanks thank please hello really maybe think know want like just well sure right good great`) {
		stopwords[w] = true
	}
}

type sentence struct {
	text  string
	pos   int
	score float64
}

// extractiveSummary picks the customer's most informative sentences from the messages cut
// (agents' when the customer said nothing there), in their original order, within maxChars
// runes. Informative means: rare content words, numbers and money (budgets, dates, addresses),
// and questions (what the customer still waits to hear). No model, no I/O: it is fast and
// deterministic, so the workflow's history stays replayable.
func extractiveSummary(cut []Message, maxChars int) string {
	if len(cut) == 0 || maxChars <= 0 {
		return ""
	}
	role := "customer"
	if !hasRole(cut, role) {
		role = "agent"
	}
	var sents []sentence
	seen := map[string]bool{}
	freq := map[string]int{}
	for _, m := range cut {
		if m.Role != role {
			continue
		}
		for _, s := range splitSentences(m.Text) {
			key := strings.ToLower(s)
			if seen[key] {
				continue
			}
			seen[key] = true
			sents = append(sents, sentence{text: s, pos: len(sents)})
			for _, w := range contentWords(s) {
				freq[w]++
			}
		}
	}
	for i := range sents {
		s := &sents[i]
		for _, w := range contentWords(s.text) {
			s.score += 1 / float64(freq[w]) // a word said once says more than one said always
		}
		if strings.ContainsAny(s.text, "0123456789") {
			s.score += 2
		}
		if strings.ContainsAny(s.text, "$%€£") {
			s.score++
		}
		if strings.HasSuffix(s.text, "?") {
			s.score += 1.5
		}
	}
	ranked := make([]int, len(sents))
	for i := range ranked {
		ranked[i] = i
	}
	sort.SliceStable(ranked, func(a, b int) bool { return sents[ranked[a]].score > sents[ranked[b]].score })

	header := fmt.Sprintf("%d earlier messages summarised; the %s said: ", len(cut), role)
	budget := maxChars - len([]rune(header))
	var chosen []int
	for _, i := range ranked {
		n := len([]rune(sents[i].text)) + 3
		if n > budget {
			continue
		}
		budget -= n
		chosen = append(chosen, i)
	}
	sort.Ints(chosen)
	parts := make([]string, len(chosen))
	for k, i := range chosen {
		parts[k] = sents[i].text
	}
	return header + strings.Join(parts, " … ")
}

func hasRole(msgs []Message, role string) bool {
	for _, m := range msgs {
		if m.Role == role {
			return true
		}
	}
	return false
}

// splitSentences splits on line breaks and on '.', '!' or '?' followed by a space (so "$2.4M"
// stays whole), trimming whitespace.
func splitSentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		end := r == '\n'
		if r == '.' || r == '!' || r == '?' {
			next := i + 1
			end = next >= len(text) || text[next] == ' ' || text[next] == '\n' || text[next] == '\t'
		}
		if end {
			if s := strings.TrimSpace(text[start : i+1]); len([]rune(s)) > 2 {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); len([]rune(s)) > 2 {
		out = append(out, s)
	}
	return out
}

func contentWords(s string) []string {
	var out []string
	for w := range strings.FieldsFuncSeq(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(w) >= 4 && !stopwords[w] {
			out = append(out, w)
		}
	}
	return out
}
