package activities

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
)

// These tests rank agents with their entity state served by a stand-in Temporal client (the
// state query only), so ranking order and skip reasons are checked without a server. The
// Update-With-Start paths run against the real dev server in agents_integration_test.go.

// fakeStates answers the agents' state query from a map; an agent missing from it has no
// entity workflow yet (NotFound, as the server says).
type fakeStates struct {
	client.Client
	mu      sync.Mutex
	states  map[string]handoff.AgentState
	queries int
}

func (f *fakeStates) QueryWorkflowWithOptions(_ context.Context, req *client.QueryWorkflowWithOptionsRequest) (*client.QueryWorkflowWithOptionsResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queries++
	id, _ := handoff.AgentIDFromWorkflowID(req.WorkflowID)
	st, ok := f.states[id]
	if !ok {
		return nil, serviceerror.NewNotFound("workflow not found for ID: " + req.WorkflowID)
	}
	b, err := json.Marshal(st)
	return &client.QueryWorkflowWithOptionsResponse{QueryResult: jsonValue(b)}, err
}

// jsonValue is a converter.EncodedValue holding JSON.
type jsonValue []byte

func (v jsonValue) HasValue() bool    { return len(v) > 0 }
func (v jsonValue) Get(ptr any) error { return json.Unmarshal(v, ptr) }

func rankingActivities(t *testing.T, states map[string]handoff.AgentState, initial string) (*Activities, *fakeStates) {
	t.Helper()
	srv := newAgentServer(t)
	t.Cleanup(srv.Close)
	closedDay := time.Now().UTC().Add(48 * time.Hour).Weekday().String()[:3]
	notify := func(id string) string { return srv.URL + "/agents/" + id + "/notify" }
	cfg := &config.Config{
		Handoff: config.Handoff{HTTPTimeout: "200ms", InitialPresence: initial},
		Agents: []handoff.Agent{
			{ID: "maria", Kind: handoff.KindHuman, Capacity: 2, Skills: map[string]int{"seller": 5, "legal": 4}, NotifyURL: notify("maria")},
			{ID: "james", Kind: handoff.KindHuman, Capacity: 2, Skills: map[string]int{"seller": 2}, NotifyURL: notify("james")},
			{ID: "ana", Kind: handoff.KindHuman, Capacity: 3, Skills: map[string]int{"seller": 2}, NotifyURL: notify("ana")},
			{ID: "li", Kind: handoff.KindHuman, Capacity: 2, Skills: map[string]int{"seller": 2}, NotifyURL: notify("li")},
			{ID: "away_one", Kind: handoff.KindHuman, Capacity: 2, NotifyURL: notify("away_one")},
			{ID: "full_one", Kind: handoff.KindHuman, Capacity: 2, Skills: map[string]int{"seller": 5}, NotifyURL: notify("full_one")},
			{ID: "new_hire", Kind: handoff.KindHuman, NotifyURL: notify("new_hire")},
			{ID: "night_owl", Kind: handoff.KindSupervisor, NotifyURL: notify("night_owl"), BusinessHours: closedDay + " 09:00-10:00", TimeZone: "UTC"},
			{ID: "no_pager", Kind: handoff.KindHuman},
			{ID: "buyer_bot", Kind: handoff.KindBot, Skills: map[string]int{"buyer": 3}, WebhookURL: srv.URL + "/agents/buyer_bot", HealthURL: srv.URL + "/agents/buyer_bot/health"},
			{ID: "limited_bot", Kind: handoff.KindBot, WebhookURL: srv.URL + "/agents/limited_bot", RateLimit: &handoff.RateLimit{PerSecond: 0.01, Burst: 2}},
		},
	}
	fake := &fakeStates{states: states}
	return New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), fake), fake
}

func rank(t *testing.T, acts *Activities, in RankInput) Ranking {
	t.Helper()
	v, err := activityEnv(acts).ExecuteActivity(acts.RankCandidates, in)
	if err != nil {
		t.Fatalf("RankCandidates: %v", err)
	}
	var r Ranking
	if err := v.Get(&r); err != nil {
		t.Fatal(err)
	}
	return r
}

func order(r Ranking) string {
	var ids []string
	for _, a := range r.Ranked {
		ids = append(ids, a.Agent)
	}
	return strings.Join(ids, ",")
}

func reasons(r Ranking) map[string]string {
	m := map[string]string{}
	for _, s := range r.Skipped {
		m[s.Agent] = s.Reason
	}
	return m
}

func held(n int) []handoff.Reservation {
	out := make([]handoff.Reservation, n)
	for i := range out {
		out[i] = handoff.Reservation{HandoffID: fmt.Sprintf("handoff-c-%d", i), ConversationID: fmt.Sprintf("c-%d", i), State: handoff.ReservationAssigned}
	}
	return out
}

func TestRankPeopleBySkillThenLoadThenIdle(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	on := func(active int, idle time.Time) handoff.AgentState {
		return handoff.AgentState{Presence: handoff.PresenceOnline, Reservations: held(active), IdleSince: idle}
	}
	acts, _ := rankingActivities(t, map[string]handoff.AgentState{
		"maria":    on(1, t0),
		"james":    on(1, t0.Add(time.Hour)),
		"ana":      on(0, t0.Add(2*time.Hour)),
		"li":       on(1, t0.Add(-time.Hour)),
		"away_one": {Presence: handoff.PresenceAway},
		"full_one": on(2, t0),
	}, "offline")
	r := rank(t, acts, RankInput{
		Agents: []string{"james", "li", "ana", "maria", "away_one", "full_one", "new_hire", "night_owl", "no_pager", "ghost"},
		Skills: []string{"seller", "legal"},
	})
	// maria: 9 points of skill. ana, li, james: 2 each; ana holds nothing, then li has been
	// idle since earlier than james.
	if got := order(r); got != "maria,ana,li,james" {
		t.Fatalf("order %s, want maria,ana,li,james (skipped %v)", got, r.Skipped)
	}
	if r.Ranked[0].SkillScore != 9 || r.Ranked[1].Active != 0 || r.Ranked[3].Active != 1 {
		t.Fatalf("ranked %+v", r.Ranked)
	}
	why := reasons(r)
	for agent, want := range map[string]string{
		"away_one":  "away_one is away",
		"full_one":  "full_one is at capacity (2 of 2)",
		"new_hire":  "new_hire is offline", // never started: the initial presence
		"night_owl": "outside business hours",
		"no_pager":  "no notification URL",
		"ghost":     "not in the roster",
	} {
		if !strings.Contains(why[agent], want) {
			t.Errorf("%s skipped with %q, want %q", agent, why[agent], want)
		}
	}
	if len(r.Skipped) != 6 {
		t.Fatalf("skipped %v", r.Skipped)
	}
}

func TestRankSkipsExcludedWithoutAsking(t *testing.T) {
	acts, fake := rankingActivities(t, map[string]handoff.AgentState{
		"maria": {Presence: handoff.PresenceOnline},
		"james": {Presence: handoff.PresenceOnline},
	}, "offline")
	r := rank(t, acts, RankInput{Agents: []string{"maria", "james"}, Exclude: []string{"maria"}})
	if order(r) != "james" || !strings.Contains(reasons(r)["maria"], "declined this conversation or handed it away") {
		t.Fatalf("ranking %+v", r)
	}
	if fake.queries != 1 {
		t.Fatalf("%d state queries, want 1 (the excluded agent is not asked)", fake.queries)
	}
}

func TestRankUnstartedEntityUsesInitialPresence(t *testing.T) {
	acts, _ := rankingActivities(t, nil, "online")
	r := rank(t, acts, RankInput{Agents: []string{"new_hire", "maria"}, Skills: []string{"seller"}})
	if order(r) != "maria,new_hire" || r.Ranked[1].Active != 0 || !r.Ranked[1].IdleSince.IsZero() {
		t.Fatalf("ranking %+v", r)
	}
}

func TestRankBotsByHealthAndRateLimit(t *testing.T) {
	acts, _ := rankingActivities(t, nil, "offline")
	srv := newAgentServer(t)
	t.Cleanup(srv.Close)
	// Point buyer_bot's health check at a server answering 503.
	acts.cfg.Agents[9].HealthURL = srv.URL + "/agents/buyer_bot/health"
	srv.set(http.StatusOK, http.StatusServiceUnavailable, 0)
	var got []string
	for range 3 {
		r := rank(t, acts, RankInput{Agents: []string{"limited_bot", "buyer_bot"}, Skills: []string{"buyer"}})
		if !strings.Contains(reasons(r)["buyer_bot"], "503") {
			t.Fatalf("unhealthy bot: %+v", r)
		}
		got = append(got, order(r)+"|"+reasons(r)["limited_bot"])
	}
	// Burst 2 at one per 100 s: two rankings pass, the third is over the limit.
	want := []string{"limited_bot|", "limited_bot|", "|rate limit reached (0.01/s, burst 2)"}
	if strings.Join(got, ";") != strings.Join(want, ";") {
		t.Fatalf("rankings %q, want %q", got, want)
	}
	srv.set(http.StatusOK, http.StatusOK, 0)
	r := rank(t, acts, RankInput{Agents: []string{"limited_bot", "buyer_bot"}, Skills: []string{"buyer"}})
	if order(r) != "buyer_bot" || r.Ranked[0].SkillScore != 3 || r.Ranked[0].Kind != handoff.KindBot {
		t.Fatalf("healthy bot: %+v", r)
	}
}

func TestConversationHistoryCounts(t *testing.T) {
	var h ConversationHistory
	h.add(handoff.State{SourceAgent: "lead_bot", Outcome: handoff.OutcomeCompleted, Offers: []handoff.Offer{
		{Agent: "maria", Result: handoff.OfferDeclined}, {Agent: "james", Result: handoff.OfferTimedOut}, {Agent: "sam", Result: handoff.OfferAccepted},
	}})
	h.add(handoff.State{SourceAgent: "sam", Outcome: handoff.OutcomeCompleted, Offers: []handoff.Offer{{Agent: "maria", Result: handoff.OfferDeclined}}})
	h.add(handoff.State{SourceAgent: "maria", Outcome: handoff.OutcomeNoCapacity})
	if h.Handoffs != 2 || strings.Join(h.Declined, ",") != "maria,james" || strings.Join(h.HandedAway, ",") != "lead_bot,sam" {
		t.Fatalf("history %+v", h)
	}
}
