package decision_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
)

const seedMessage = "Your new branding is ready! Shall we get SocialBot to create a social media campaign to show it off?"

func leagueConv(source, customer, result string) *handoff.Input {
	in := conv(source, nil, customer)
	in.SourceResult = result
	return in
}

func TestLeagueKeywords(t *testing.T) {
	e := example(t, "agent-league")
	cases := []struct {
		name, source, customer, result string
		target, rule                   string
		confirm                        bool
		candidates                     []string
	}{
		{"seed example", "branding-agent", "Can we post it on Instagram?", "", "social-bot-agent", "branding-agent:social-bot-agent", true, []string{"social-bot-agent"}},
		{"upper case", "branding-agent", "POST IT NOW", "", "social-bot-agent", "branding-agent:social-bot-agent", true, nil},
		{"punctuation around the word", "branding-agent", "ok, #post, please", "", "social-bot-agent", "branding-agent:social-bot-agent", true, nil},
		{"promote", "branding-agent", "Help me promote the launch", "", "social-bot-agent", "branding-agent:social-bot-agent", true, nil},
		{"several matches, highest confidence wins", "branding-agent", "Let's share it and put it on the website", "",
			"social-bot-agent", "branding-agent:social-bot-agent", true, []string{"social-bot-agent", "sitegen-agent"}},
		{"three matches ranked", "branding-agent", "Write a blog, build a website, and share it", "",
			"social-bot-agent", "branding-agent:social-bot-agent", true, []string{"social-bot-agent", "sitegen-agent", "content-creator-agent"}},
		{"keyword in the source result", "branding-agent", "Thanks, looks great.", "Landing page hero drafted with the new palette.",
			"sitegen-agent", "branding-agent:sitegen-agent", true, nil},
		{"multi-word keyword needs both words", "branding-agent", "The landing gear and the page numbers", "", "", "", false, nil},
		{"auto trigger needs no confirmation", "sitegen-agent", "Will people find it on Google?", "", "seo-agent", "sitegen-agent:seo-agent", false, nil},
		{"other source, other paths", "social-bot-agent", "Can we boost the best post?", "", "ads-agent", "social-bot-agent:ads-agent", true, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := e.Decide(leagueConv(tc.source, tc.customer, tc.result))
			if d.Target != tc.target || d.Rule != tc.rule || d.RequiresConfirmation != tc.confirm {
				t.Fatalf("target %q rule %q confirm %v, want %q %q %v\n%s", d.Target, d.Rule, d.RequiresConfirmation, tc.target, tc.rule, tc.confirm, reasonTexts(d))
			}
			if tc.candidates != nil && !reflect.DeepEqual(candidateAgents(d), tc.candidates) {
				t.Fatalf("candidates %v, want %v", candidateAgents(d), tc.candidates)
			}
		})
	}
}

func TestLeagueSeedPath(t *testing.T) {
	d := example(t, "agent-league").Decide(leagueConv("branding-agent", "Let's share it!", ""))
	if d.Message != seedMessage {
		t.Fatalf("message %q, want the seed's", d.Message)
	}
	// The league's rules read trigger signals, so the built-in analyzer runs for it too.
	if !d.RequiresConfirmation || d.Urgent || d.Analyzer != decision.AnalyzerBuiltin {
		t.Fatalf("confirm %v urgent %v analyzer %q", d.RequiresConfirmation, d.Urgent, d.Analyzer)
	}
	if c := d.Candidates[0]; c.Confidence != 95 || c.Agent != "social-bot-agent" {
		t.Fatalf("candidate %+v, want social-bot-agent at 95", c)
	}
	if !strings.Contains(reasonTexts(d), `"share" found in the latest customer message`) {
		t.Fatalf("reasons:\n%s", reasonTexts(d))
	}
}

// Whole words only: "posting" is not "post", "shared" is not "share", "social" is not
// "socialite". Capability recommendations may still suggest someone, but never through the
// explicit path.
func TestLeagueWordBoundaries(t *testing.T) {
	e := example(t, "agent-league")
	for _, msg := range []string{
		"I'm posting it myself tomorrow",
		"I already shared the files",
		"She's quite the socialite",
		"compost bins and signposts",
	} {
		d := e.Decide(leagueConv("branding-agent", msg, ""))
		if d.Rule == "branding-agent:social-bot-agent" {
			t.Errorf("%q matched the explicit path\n%s", msg, reasonTexts(d))
		}
	}
	// A listed form matches: add "posting" and it does.
	eng, err := compileLeague(t, `
- from: branding-agent
  to: social-bot-agent
  keywords: [post, posting]
  message: Shall SocialBot take it from here?
  confidence: 95`)
	if err != nil {
		t.Fatal(err)
	}
	if d := eng.Decide(leagueConv("branding-agent", "I'm posting it tomorrow", "")); d.Target != "social-bot-agent" {
		t.Fatalf("listed keyword did not match\n%s", reasonTexts(d))
	}
}

func TestLeagueRecommendation(t *testing.T) {
	e := example(t, "agent-league")
	d := e.Decide(leagueConv("branding-agent", "How do I see our ROI and traffic on one dashboard?", ""))
	if d.Target != "analytics-agent" || d.Rule != "recommendation" || !d.RequiresConfirmation || d.Scenario != "intelligent_recommendation" {
		t.Fatalf("got %q rule %q confirm %v\n%s", d.Target, d.Rule, d.RequiresConfirmation, reasonTexts(d))
	}
	if c := d.Candidates[0].Confidence; c <= 40 || c > 90 {
		t.Fatalf("confidence %v, want above the minimum and at most 90", c)
	}
	if !strings.Contains(d.Message, "InsightEngine") {
		t.Fatalf("message %q does not name the agent", d.Message)
	}
	// Stemming lets "ranking" meet the capability "search ranking" only as a phrase.
	d = e.Decide(leagueConv("branding-agent", "We need better search rankings and backlinks", ""))
	if d.Target != "seo-agent" || !d.RequiresConfirmation {
		t.Fatalf("got %q\n%s", d.Target, reasonTexts(d))
	}
	// Nothing relevant: no recommendation, and the reasons say why.
	d = e.Decide(leagueConv("branding-agent", "Thank you so much!", ""))
	if d.Handoff || !strings.Contains(reasonTexts(d), "no other agent's capabilities match") {
		t.Fatalf("got %q\n%s", d.Target, reasonTexts(d))
	}
	// The source itself is never recommended.
	d = e.Decide(leagueConv("analytics-agent", "Can you explain this dashboard and the ROI?", ""))
	if d.Target == "analytics-agent" {
		t.Fatal("recommended the source agent")
	}
}

func TestLeagueRecommendationMinimum(t *testing.T) {
	base := `
- from: branding-agent
  to: social-bot-agent
  keywords: [post]
  message: Shall SocialBot take it from here?
  confidence: 95`
	msg := "Can Google find us?" // one capability of one agent: confidence 50
	for _, tc := range []struct {
		recommend string
		want      string
	}{
		{"recommend: {enabled: true, min_confidence: 40}", "seo-agent"},
		{"recommend: {enabled: true, min_confidence: 50}", ""}, // must be above the minimum
		{"recommend: {enabled: false}", ""},
	} {
		e, err := compileLeague(t, base, tc.recommend)
		if err != nil {
			t.Fatal(err)
		}
		if d := e.Decide(leagueConv("branding-agent", msg, "")); d.Target != tc.want {
			t.Errorf("%s: target %q, want %q\n%s", tc.recommend, d.Target, tc.want, reasonTexts(d))
		}
	}
}

func compileLeague(t *testing.T, handoffs string, extra ...string) (*decision.Engine, error) {
	t.Helper()
	_, agents := exampleSpec(t, "agent-league")
	spec, _ := yamlSpecFromText(t, "routing:\n  system: league\n  handoffs:"+indent(handoffs)+indent(strings.Join(extra, "\n")))
	return decision.Compile(spec, agents)
}

// The league's rules come before its paths: a request for a person goes to one even when
// the message carries a path's keyword, and an angry customer does too.
func TestLeagueRulesBeforePaths(t *testing.T) {
	e := example(t, "agent-league")
	for _, tc := range []struct{ msg, rule string }{
		{"Forget the post, can I talk to a real person?", "customer_asked_for_person"},
		{"pásame con un humano por favor", "customer_asked_for_person"},
		{"This is the third time the post went out wrong. Ridiculous.", "unhappy_customer"},
	} {
		d := e.Decide(leagueConv("branding-agent", tc.msg, ""))
		if d.Target != "league_success" || d.Rule != tc.rule || d.RequiresConfirmation || !d.Urgent {
			t.Errorf("%q: target %q rule %q confirm %v urgent %v\n%s", tc.msg, d.Target, d.Rule, d.RequiresConfirmation, d.Urgent, reasonTexts(d))
		}
	}
	// No rule matched: the paths decide, and the rules leave no reasons behind.
	d := e.Decide(leagueConv("branding-agent", "POST IT NOW", ""))
	if d.Rule != "branding-agent:social-bot-agent" || strings.Contains(reasonTexts(d), "human_requested") {
		t.Fatalf("rule %q\n%s", d.Rule, reasonTexts(d))
	}
}

// A model's recommendation stands in for the capability scores when no path matches: always
// with confirmation, and only for an agent of the roster other than the source.
func TestLeagueModelRecommendation(t *testing.T) {
	e := example(t, "agent-league")
	in := leagueConv("branding-agent", "Honestly I'm not sure what we should do next with the launch.", "")
	route := func(agent string) handoff.Decision {
		a := e.Analyze(in)
		a.Recommendation = &decision.Recommendation{Agent: agent, Confidence: 97, Reason: "The customer wants reach\nbefore the launch.", By: "model test-model"}
		return e.Route(in, a)
	}
	d := route("ads-agent")
	if d.Target != "ads-agent" || d.Rule != "recommendation" || !d.RequiresConfirmation || d.Candidates[0].Confidence != 90 {
		t.Fatalf("got %q rule %q confirm %v candidates %+v", d.Target, d.Rule, d.RequiresConfirmation, d.Candidates)
	}
	if got := reasonTexts(d); !strings.Contains(got, "model test-model recommends ads-agent (confidence 90): The customer wants reach before the launch.") ||
		!strings.Contains(d.Message, "AdsMaster") {
		t.Fatalf("message %q reasons:\n%s", d.Message, got)
	}
	for _, bad := range []string{"growth-hacker-agent", "branding-agent"} {
		d := route(bad)
		if d.Target == bad || !strings.Contains(reasonTexts(d), `recommended "`+bad+`"`) {
			t.Errorf("%s: target %q\n%s", bad, d.Target, reasonTexts(d))
		}
	}
	// A path that matches wins over any recommendation.
	in = leagueConv("branding-agent", "Let's post it", "")
	if d := route("ads-agent"); d.Target != "social-bot-agent" {
		t.Fatalf("a keyword path must win: got %q", d.Target)
	}
}
