package decision

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/handoffhq/orchestrator/handoff"
)

// leagueHandoff is a compiled HandoffSpec. Exported fields feed the version hash.
type leagueHandoff struct {
	Name       string           `json:"name"`
	From       string           `json:"from"`
	To         string           `json:"to"`
	Keywords   []string         `json:"keywords"`
	Message    string           `json:"message"`
	Auto       bool             `json:"auto_trigger"`
	Confidence float64          `json:"confidence"`
	Protocol   handoff.Protocol `json:"protocol"`
	phrases    [][]string
}

// find returns the first keyword found and where: the customer's words first, since what the
// customer asks for is the stronger evidence.
func (h *leagueHandoff) find(customer, result []string) (keyword, where string) {
	for i, p := range h.phrases {
		if findPhrase(customer, p) >= 0 {
			return h.Keywords[i], "the latest customer message"
		}
	}
	for i, p := range h.phrases {
		if findPhrase(result, p) >= 0 {
			return h.Keywords[i], "the source agent's result"
		}
	}
	return "", ""
}

func compileHandoffs(specs []HandoffSpec, ros *roster) (map[string][]*leagueHandoff, error) {
	out := map[string][]*leagueHandoff{}
	names := map[string]bool{}
	for i, s := range specs {
		name := s.Name
		if name == "" {
			name = s.From + ":" + s.To
		}
		where := fmt.Sprintf("handoffs[%d] (%s)", i, name)
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...))
		}
		if err := unknownSpecKeys(s.Unknown, s.Protocol.Unknown); err != nil {
			return nil, fail("%v", err)
		}
		switch {
		case s.From == "":
			return nil, fail("from is required")
		case !ros.ids[s.From]:
			return nil, fail("from: %q is not an agent in the roster", s.From)
		case s.To == "":
			return nil, fail("to is required")
		case !ros.known(s.To):
			return nil, fail("to: %q is not an agent or group in the roster", s.To)
		case s.To == s.From:
			return nil, fail("an agent cannot hand off to itself")
		case !namePattern.MatchString(name):
			return nil, fail("name must be letters, digits, '_', '.', ':' or '-' (at most 80)")
		case names[name]:
			return nil, fail("duplicate handoff name (name the second one)")
		case len(s.Keywords) == 0:
			return nil, fail("keywords: at least one is required")
		case strings.TrimSpace(s.Message) == "":
			return nil, fail("message is required")
		case s.Confidence < 0 || s.Confidence > 100 || math.IsNaN(s.Confidence):
			return nil, fail("confidence %v must be between 0 and 100", s.Confidence)
		}
		names[name] = true
		h := &leagueHandoff{Name: name, From: s.From, To: s.To, Message: s.Message, Auto: s.AutoTrigger, Confidence: s.Confidence}
		for _, k := range s.Keywords {
			ws := words(k, nil)
			if len(ws) == 0 {
				return nil, fail("keyword %q has no letters or digits", k)
			}
			h.Keywords = append(h.Keywords, strings.Join(ws, " "))
			h.phrases = append(h.phrases, ws)
		}
		p, err := compileProtocol(s.Protocol, name)
		if err != nil {
			return nil, fail("%v", err)
		}
		h.Protocol = p
		out[s.From] = append(out[s.From], h)
	}
	return out, nil
}

// recommender scores every other agent's capabilities against the customer's message.
type recommender struct {
	MinConfidence float64    `json:"min_confidence"`
	Message       string     `json:"message"`
	Agents        []capAgent `json:"agents"`
}

type capAgent struct {
	ID   string    `json:"id"`
	Name string    `json:"name"`
	Caps []capTerm `json:"capabilities"`
}

type capTerm struct {
	Text string `json:"text"`
	// Weight is 0.5 divided by how many agents declare the capability: a word every agent
	// claims says little about which one is meant.
	Weight float64 `json:"weight"`
	stems  []string
}

func compileRecommender(s RecommendSpec, ros *roster) (*recommender, error) {
	if err := unknownKeys("recommend", s.Unknown); err != nil {
		return nil, err
	}
	if s.MinConfidence < 0 || s.MinConfidence >= 100 || math.IsNaN(s.MinConfidence) {
		return nil, fmt.Errorf("recommend.min_confidence: %v must be between 0 and 100", s.MinConfidence)
	}
	if !s.Enabled {
		return nil, nil
	}
	r := &recommender{MinConfidence: s.MinConfidence, Message: s.Message}
	if r.MinConfidence == 0 {
		r.MinConfidence = DefaultMinConfidence
	}
	if r.Message == "" {
		r.Message = DefaultRecommendMessage
	}
	df := map[string]int{}
	for _, a := range ros.agents {
		seen := map[string]bool{}
		ca := capAgent{ID: a.ID, Name: a.Name}
		if ca.Name == "" {
			ca.Name = a.ID
		}
		for _, c := range a.Capabilities {
			st := stems(words(c, nil))
			key := strings.Join(st, " ")
			if key == "" || seen[key] {
				continue
			}
			seen[key] = true
			df[key]++
			ca.Caps = append(ca.Caps, capTerm{Text: c, stems: st})
		}
		if len(ca.Caps) > 0 {
			r.Agents = append(r.Agents, ca)
		}
	}
	for i := range r.Agents {
		for j := range r.Agents[i].Caps {
			c := &r.Agents[i].Caps[j]
			c.Weight = 0.5 / float64(df[strings.Join(c.stems, " ")])
		}
	}
	return r, nil
}

// maxRecommendConfidence keeps a guess below any explicit path an operator configured.
const maxRecommendConfidence = 90

type recommendation struct {
	agent      *capAgent
	confidence float64
	matched    []string
}

func (r *recommender) score(source string, msg []string) []recommendation {
	st := stems(msg)
	var out []recommendation
	for i := range r.Agents {
		a := &r.Agents[i]
		if a.ID == source {
			continue
		}
		miss := 1.0
		var matched []string
		for _, c := range a.Caps {
			if findPhrase(st, c.stems) >= 0 {
				miss *= 1 - c.Weight
				matched = append(matched, c.Text)
			}
		}
		conf := math.Min(maxRecommendConfidence, math.Round(1000*(1-miss))/10)
		if len(matched) > 0 && conf > r.MinConfidence {
			out = append(out, recommendation{agent: a, confidence: conf, matched: matched})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].confidence > out[j].confidence })
	return out
}

func (e *Engine) routeLeague(in *handoff.Input, a Analysis, d *handoff.Decision) {
	msg := words(clip(latestCustomerMessage(in.Messages), maxMessageBytes), nil)
	result := words(clip(in.SourceResult, maxMessageBytes), nil)
	type match struct {
		h            *leagueHandoff
		keyword, loc string
	}
	var matches []match
	for _, h := range e.handoffs[in.SourceAgent] {
		if kw, loc := h.find(msg, result); kw != "" {
			matches = append(matches, match{h, kw, loc})
		}
	}
	// Ties keep config order, so the file says which path wins.
	sort.SliceStable(matches, func(i, j int) bool { return matches[i].h.Confidence > matches[j].h.Confidence })
	if len(matches) > 0 {
		w := matches[0].h
		d.Handoff, d.Target, d.Rule = true, w.To, w.Name
		d.RequiresConfirmation = !w.Auto
		d.Scenario, d.Protocol, d.Message = w.Protocol.Scenario, w.Protocol, w.Message
		for _, m := range matches {
			d.Reasons = append(d.Reasons, handoff.Reason{
				Rule: m.h.Name, Condition: fmt.Sprintf("keyword %q", m.keyword), Value: m.keyword, Matched: true,
				Text: fmt.Sprintf("%q found in %s (path to %s, confidence %g)", m.keyword, m.loc, m.h.To, m.h.Confidence),
			})
			d.Candidates = addCandidate(d.Candidates, in.SourceAgent, m.h.To, m.h.Name, m.h.Confidence)
		}
		if !w.Auto {
			d.Reasons = append(d.Reasons, handoff.Reason{Rule: w.Name, Condition: "auto_trigger", Value: false, Matched: true,
				Text: "this path has auto_trigger off: a person confirms before the handoff runs"})
		}
		return
	}
	d.Reasons = append(d.Reasons, handoff.Reason{Condition: "keywords", Matched: false,
		Text: fmt.Sprintf("no handoff keyword of %s occurs in the latest customer message or its result", in.SourceAgent)})
	if e.recommend == nil {
		if a.Recommendation != nil {
			d.Reasons = append(d.Reasons, handoff.Reason{Rule: recommendationRuleName, Condition: "recommendation", Matched: false,
				Text: fmt.Sprintf("%s recommended %s, but recommendations are off in this config", a.Recommendation.By, a.Recommendation.Agent)})
		}
		return
	}
	if e.recommendFrom(in, a.Recommendation, d) {
		return
	}
	recs := e.recommend.score(in.SourceAgent, msg)
	if len(recs) == 0 {
		d.Reasons = append(d.Reasons, handoff.Reason{Rule: recommendationRuleName, Condition: "capabilities", Matched: false,
			Text: fmt.Sprintf("no other agent's capabilities match the customer's message above confidence %g", e.recommend.MinConfidence)})
		return
	}
	best := recs[0]
	d.Handoff, d.Target, d.Rule, d.RequiresConfirmation = true, best.agent.ID, recommendationRuleName, true
	d.Scenario = defaultRecommendScenario
	d.Message = strings.ReplaceAll(e.recommend.Message, "{agent}", best.agent.Name)
	d.Protocol = handoff.Protocol{Scenario: defaultRecommendScenario}
	for _, r := range recs {
		for _, c := range r.matched {
			d.Reasons = append(d.Reasons, handoff.Reason{Rule: recommendationRuleName, Condition: fmt.Sprintf("capability %q", c), Value: c, Matched: true,
				Text: fmt.Sprintf("the customer's message mentions %q, a capability of %s (confidence %g)", c, r.agent.ID, r.confidence)})
		}
		d.Candidates = addCandidate(d.Candidates, in.SourceAgent, r.agent.ID, recommendationRuleName, r.confidence)
	}
	d.Reasons = append(d.Reasons, handoff.Reason{Rule: recommendationRuleName, Condition: "recommendation", Matched: true,
		Text: "no explicit path matched; recommendations always wait for a person's confirmation"})
}

func addCandidate(cs []handoff.Candidate, source, agent, rule string, conf float64) []handoff.Candidate {
	if agent == source {
		return cs
	}
	for _, c := range cs {
		if c.Agent == agent {
			return cs
		}
	}
	return append(cs, handoff.Candidate{Agent: agent, Rule: rule, Confidence: conf})
}

// recommendFrom takes an analyzer's recommendation when it names a roster agent other than the
// source, always with a person's confirmation. It reports whether it did; a recommendation of
// anyone else is ignored, and the reasons say so, before the capability scores are asked.
func (e *Engine) recommendFrom(in *handoff.Input, rec *Recommendation, d *handoff.Decision) bool {
	if rec == nil || rec.Agent == "" {
		return false
	}
	name, known := e.agents[rec.Agent]
	if !known || rec.Agent == in.SourceAgent {
		why := "not an agent in the roster"
		if known {
			why = "the source agent itself"
		}
		d.Reasons = append(d.Reasons, handoff.Reason{Rule: recommendationRuleName, Condition: "recommendation", Value: rec.Agent, Matched: false,
			Text: fmt.Sprintf("%s recommended %q, %s: ignored", rec.By, clip(rec.Agent, 64), why)})
		return false
	}
	if name == "" {
		name = rec.Agent
	}
	conf := math.Max(0, math.Min(maxRecommendConfidence, rec.Confidence))
	d.Handoff, d.Target, d.Rule, d.RequiresConfirmation = true, rec.Agent, recommendationRuleName, true
	d.Scenario = defaultRecommendScenario
	d.Message = strings.ReplaceAll(e.recommend.Message, "{agent}", name)
	d.Protocol = handoff.Protocol{Scenario: defaultRecommendScenario}
	text := fmt.Sprintf("%s recommends %s (confidence %g)", rec.By, rec.Agent, conf)
	if r := strings.TrimSpace(rec.Reason); r != "" {
		text += ": " + clip(oneLine(r), 160)
	}
	d.Reasons = append(d.Reasons,
		handoff.Reason{Rule: recommendationRuleName, Condition: "recommendation", Value: rec.Agent, Matched: true, Text: text},
		handoff.Reason{Rule: recommendationRuleName, Condition: "recommendation", Matched: true,
			Text: "no explicit path matched; recommendations always wait for a person's confirmation"})
	d.Candidates = addCandidate(d.Candidates, in.SourceAgent, rec.Agent, recommendationRuleName, conf)
	return true
}

// oneLine folds a model's prose into one line for a reason.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
