package activities

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"
)

// agentServer behaves like a bot's webhook and health check, or a notification service:
// it records what it receives and answers with the status each test sets, slowly if asked.
type agentServer struct {
	*httptest.Server
	mu       sync.Mutex
	status   int
	health   int
	delay    time.Duration
	received []receivedDelivery
}

type receivedDelivery struct {
	path, key string
	delivery  handoff.Delivery
}

func newAgentServer(t *testing.T) *agentServer {
	s := &agentServer{status: http.StatusOK, health: http.StatusOK}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		status, health, delay := s.status, s.health, s.delay
		s.mu.Unlock()
		if delay > 0 {
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
		}
		if strings.HasSuffix(r.URL.Path, "/health") {
			w.WriteHeader(health)
			return
		}
		var d handoff.Delivery
		body, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(body, &d); err != nil {
			http.Error(w, "bad json", http.StatusBadRequest)
			return
		}
		s.mu.Lock()
		s.received = append(s.received, receivedDelivery{path: r.URL.Path, key: r.Header.Get("Idempotency-Key"), delivery: d})
		s.mu.Unlock()
		w.WriteHeader(status)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *agentServer) set(status, health int, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status, s.health, s.delay = status, health, delay
}

func (s *agentServer) got() []receivedDelivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]receivedDelivery(nil), s.received...)
}

func testActivities(t *testing.T, srv *agentServer) *Activities {
	t.Helper()
	cfg := &config.Config{
		Handoff: config.Handoff{HTTPTimeout: "200ms"},
		Agents: []handoff.Agent{
			{ID: "jorge_seller_bot", Kind: handoff.KindBot, WebhookURL: srv.URL + "/agents/jorge_seller_bot", HealthURL: srv.URL + "/agents/jorge_seller_bot/health"},
			{ID: "jorge_buyer_bot", Kind: handoff.KindBot, WebhookURL: srv.URL + "/agents/jorge_buyer_bot", HealthURL: srv.URL + "/agents/jorge_buyer_bot/health"},
			{ID: "maria", Kind: handoff.KindHuman, Groups: []string{"human_agent"}, NotifyURL: srv.URL + "/agents/maria/notify"},
			{ID: "night_owl", Kind: handoff.KindHuman, NotifyURL: srv.URL + "/agents/night_owl/notify", BusinessHours: "Mon-Fri 22:00-23:00", TimeZone: "America/Los_Angeles"},
			{ID: "silent_bot", Kind: handoff.KindBot},
		},
	}
	return New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
}

func activityEnv(acts *Activities) *testsuite.TestActivityEnvironment {
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	env.RegisterActivity(acts)
	return env
}

func errorType(err error) string {
	var appErr *temporal.ApplicationError
	if errors.As(err, &appErr) {
		return appErr.Type()
	}
	return ""
}

func briefing(to string) DeliveryInput {
	pkg := handoff.Package{Version: handoff.PackageVersion, ConversationID: "conv-9", Target: to, Brief: "seller in distress"}
	return DeliveryInput{Agent: to, Delivery: handoff.Delivery{
		Type: handoff.DeliveryBriefing, HandoffID: "handoff-conv-9", ConversationID: "conv-9", From: "jorge_seller_bot", Package: &pkg,
	}}
}

func TestBriefAgentDeliversPackageWithIdempotencyKey(t *testing.T) {
	srv := newAgentServer(t)
	env := activityEnv(testActivities(t, srv))
	if _, err := env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("jorge_buyer_bot")); err != nil {
		t.Fatal(err)
	}
	got := srv.got()
	if len(got) != 1 {
		t.Fatalf("received %d deliveries, want 1", len(got))
	}
	r := got[0]
	if r.path != "/agents/jorge_buyer_bot" || r.delivery.Type != handoff.DeliveryBriefing || r.delivery.To != "jorge_buyer_bot" {
		t.Errorf("delivery = %+v at %s", r.delivery, r.path)
	}
	if r.delivery.Package == nil || r.delivery.Package.Brief != "seller in distress" {
		t.Errorf("package lost in delivery: %+v", r.delivery.Package)
	}
	if !strings.HasPrefix(r.key, "default-test-workflow-id/") {
		t.Errorf("Idempotency-Key = %q, want one derived from the activity", r.key)
	}
}

func TestOfferGoesToPersonsNotificationURL(t *testing.T) {
	srv := newAgentServer(t)
	env := activityEnv(testActivities(t, srv))
	in := briefing("maria")
	in.Delivery.Type = handoff.DeliveryOffer
	if _, err := env.ExecuteActivity(testActivitiesRef.BriefAgent, in); err != nil {
		t.Fatal(err)
	}
	if got := srv.got(); len(got) != 1 || got[0].path != "/agents/maria/notify" {
		t.Fatalf("offer delivered to %+v, want /agents/maria/notify", got)
	}
}

func TestBriefAgentErrors(t *testing.T) {
	srv := newAgentServer(t)
	env := activityEnv(testActivities(t, srv))

	srv.set(http.StatusBadRequest, http.StatusOK, 0)
	_, err := env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("jorge_buyer_bot"))
	if errorType(err) != ErrDeliveryRejected || !strings.Contains(err.Error(), "400") {
		t.Errorf("4xx: err = %v (type %q), want non-retryable %s", err, errorType(err), ErrDeliveryRejected)
	}

	srv.set(http.StatusServiceUnavailable, http.StatusOK, 0)
	_, err = env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("jorge_buyer_bot"))
	if err == nil || errorType(err) == ErrDeliveryRejected || !strings.Contains(err.Error(), "503") {
		t.Errorf("5xx: err = %v, want a retryable error naming the status", err)
	}

	srv.set(http.StatusOK, http.StatusOK, time.Second)
	_, err = env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("jorge_seller_bot"))
	if err == nil || errorType(err) == ErrDeliveryRejected {
		t.Errorf("slow receiver: err = %v, want a retryable timeout", err)
	}

	_, err = env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("silent_bot"))
	if errorType(err) != ErrNoEndpoint {
		t.Errorf("no webhook: err = %v, want %s", err, ErrNoEndpoint)
	}
	_, err = env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("ghost"))
	if errorType(err) != ErrUnknownAgent {
		t.Errorf("unknown agent: err = %v, want %s", err, ErrUnknownAgent)
	}
}

func TestBreakerOpensAfterRepeatedFailuresAndStopsCalling(t *testing.T) {
	srv := newAgentServer(t)
	env := activityEnv(testActivities(t, srv))
	srv.set(http.StatusBadGateway, http.StatusOK, 0)
	for i := 0; i < 5; i++ {
		if _, err := env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("jorge_buyer_bot")); err == nil {
			t.Fatal("want failure from a 502")
		}
	}
	before := len(srv.got())
	_, err := env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("jorge_buyer_bot"))
	if errorType(err) != ErrCircuitOpen {
		t.Fatalf("6th call: err = %v, want CircuitOpen", err)
	}
	if after := len(srv.got()); after != before {
		t.Errorf("breaker open but the receiver still got %d more calls", after-before)
	}
	// Another agent's breaker is its own.
	srv.set(http.StatusOK, http.StatusOK, 0)
	if _, err := env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("jorge_seller_bot")); err != nil {
		t.Errorf("other agent affected by the open breaker: %v", err)
	}
}

func TestTransferStepsEachReachOneParty(t *testing.T) {
	srv := newAgentServer(t)
	env := activityEnv(testActivities(t, srv))
	d := handoff.Delivery{Type: handoff.DeliveryTransferred, HandoffID: "h", ConversationID: "c", From: "jorge_seller_bot", To: "maria"}
	// The source hears alone first, with the key the workflow chose: telling it again later
	// (once it answers) must reach it as the same message.
	if _, err := env.ExecuteActivity(testActivitiesRef.ReleaseSource, DeliveryInput{Agent: "jorge_seller_bot", Delivery: d, Key: "h/transferred/jorge_seller_bot>maria"}); err != nil {
		t.Fatal(err)
	}
	if _, err := env.ExecuteActivity(testActivitiesRef.ConfirmTarget, DeliveryInput{Agent: "maria", Delivery: d}); err != nil {
		t.Fatal(err)
	}
	got := srv.got()
	if len(got) != 2 || got[0].path != "/agents/jorge_seller_bot" || got[1].path != "/agents/maria/notify" {
		t.Fatalf("transfer deliveries = %+v, want the source webhook, then maria's notification", got)
	}
	if got[0].key != "h/transferred/jorge_seller_bot>maria" {
		t.Errorf("source key = %q, want the workflow's", got[0].key)
	}
	if got[1].key == "" || got[1].key == got[0].key {
		t.Errorf("target key = %q, want one of its own", got[1].key)
	}
}

func TestOpenBreakerFailsFastAndRankingSkipsTheAgent(t *testing.T) {
	srv := newAgentServer(t)
	acts := testActivities(t, srv)
	env := activityEnv(acts)
	srv.set(http.StatusBadGateway, http.StatusOK, 0)
	for i := 0; i < 5; i++ {
		_, _ = env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("jorge_buyer_bot"))
	}
	_, err := env.ExecuteActivity(testActivitiesRef.BriefAgent, briefing("jorge_buyer_bot"))
	var appErr *temporal.ApplicationError
	if !errors.As(err, &appErr) || appErr.Type() != ErrCircuitOpen {
		t.Fatalf("open breaker: err = %v, want %s", err, ErrCircuitOpen)
	}
	// The health check still answers 200, but ranking must not choose the broken target.
	srv.set(http.StatusOK, http.StatusOK, 0)
	// A message that moves ownership asks the endpoint itself: a breaker opened by earlier
	// failures must not decide who owns the customer.
	before := len(srv.got())
	release := DeliveryInput{Agent: "jorge_buyer_bot", Delivery: handoff.Delivery{Type: handoff.DeliveryTransferred, HandoffID: "h", ConversationID: "c", From: "jorge_buyer_bot"}}
	if _, err := env.ExecuteActivity(testActivitiesRef.ReleaseSource, release); err != nil || len(srv.got()) != before+1 {
		t.Fatalf("release past the open breaker: %v, %d deliveries", err, len(srv.got())-before)
	}
	v, err := env.ExecuteActivity(testActivitiesRef.RankCandidates, RankInput{Agents: []string{"jorge_buyer_bot", "jorge_seller_bot"}})
	if err != nil {
		t.Fatal(err)
	}
	var r Ranking
	if err := v.Get(&r); err != nil {
		t.Fatal(err)
	}
	if len(r.Ranked) != 1 || r.Ranked[0].Agent != "jorge_seller_bot" {
		t.Errorf("ranked %+v, want only jorge_seller_bot", r.Ranked)
	}
	if len(r.Skipped) != 1 || !strings.Contains(r.Skipped[0].Reason, "circuit open") {
		t.Errorf("skipped %+v, want jorge_buyer_bot with the open circuit as reason", r.Skipped)
	}
}

func TestCheckAvailability(t *testing.T) {
	srv := newAgentServer(t)
	env := activityEnv(testActivities(t, srv))
	check := func(agent string) Availability {
		t.Helper()
		v, err := env.ExecuteActivity(testActivitiesRef.CheckAvailability, AvailabilityInput{Agent: agent})
		if err != nil {
			t.Fatalf("%s: %v", agent, err)
		}
		var a Availability
		if err := v.Get(&a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	if a := check("jorge_buyer_bot"); !a.Available {
		t.Errorf("healthy bot unavailable: %+v", a)
	}
	srv.set(http.StatusOK, http.StatusServiceUnavailable, 0)
	if a := check("jorge_buyer_bot"); a.Available || !strings.Contains(a.Reason, "503") {
		t.Errorf("unhealthy bot: %+v, want unavailable naming the 503", a)
	}
	if a := check("silent_bot"); a.Available {
		t.Errorf("bot without webhook available: %+v", a)
	}
	if a := check("maria"); !a.Available {
		t.Errorf("human with no hours restriction unavailable: %+v", a)
	}
	_, err := env.ExecuteActivity(testActivitiesRef.CheckAvailability, AvailabilityInput{Agent: "ghost"})
	if errorType(err) != ErrUnknownAgent {
		t.Errorf("unknown agent: %v", err)
	}
}

func TestWithinBusinessHours(t *testing.T) {
	srv := newAgentServer(t)
	acts := testActivities(t, srv)
	owl, _ := acts.cfg.Agent("night_owl")
	la, _ := time.LoadLocation("America/Los_Angeles")
	open, _ := acts.withinHours(owl, time.Date(2026, 11, 23, 22, 30, 0, 0, la)) // a Monday
	if !open {
		t.Error("Monday 22:30 in Los Angeles should be within Mon-Fri 22:00-23:00")
	}
	open, why := acts.withinHours(owl, time.Date(2026, 11, 23, 22, 30, 0, 0, time.UTC))
	if open || !strings.Contains(why, "outside business hours") || !strings.Contains(why, "2026-11-23T22:00:00-08:00") {
		t.Errorf("Monday 22:30 UTC (14:30 in LA): open=%v why=%q, want closed with the next opening", open, why)
	}
}

// testActivitiesRef names activity methods for ExecuteActivity.
var testActivitiesRef *Activities
