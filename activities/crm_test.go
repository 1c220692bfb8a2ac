package activities

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

// crmServer behaves like GoHighLevel's contacts search: it checks the bearer token and the
// Version header and answers the contacts whose email or phone contains the query.
type crmServer struct {
	*httptest.Server
	mu     sync.Mutex
	status int
	delay  time.Duration
	hits   atomic.Int32
	last   *http.Request
}

const crmToken = "test-token"

var crmContacts = []map[string]any{
	{"id": "other-1", "firstName": "Mark", "lastName": "Reedy", "email": "mark.reedy@example.com", "phone": "+15125550100"},
	{
		"id": "ghl-51230", "firstName": "Marcus", "lastName": "Reed", "email": "Marcus.Reed@example.com", "phone": "+1 512 555 0178",
		"tags": []string{"past-client", "referral"}, "dateAdded": "2021-03-04T10:00:00Z", "source": "Zillow",
		"customFields": []map[string]any{
			{"id": "cf_avail", "value": "weekday evenings"},
			{"id": "cf_budget", "value": "up to $900,000"},
		},
		"opportunities": []map[string]any{{"monetary_value": 21000, "status": "open"}},
	},
}

func newCRMServer(t *testing.T) *crmServer {
	s := &crmServer{status: http.StatusOK}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		s.mu.Lock()
		status, delay := s.status, s.delay
		s.last = r.Clone(context.Background())
		s.mu.Unlock()
		if delay > 0 {
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
		}
		if r.Header.Get("Authorization") != "Bearer "+crmToken {
			http.Error(w, `{"message":"Invalid JWT"}`, http.StatusUnauthorized)
			return
		}
		if status != http.StatusOK {
			w.WriteHeader(status)
			return
		}
		if r.URL.Path != "/contacts/" || r.Header.Get("Version") != crmAPIVersion || r.URL.Query().Get("locationId") != "loc-1" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		q := strings.ToLower(r.URL.Query().Get("query"))
		var found []map[string]any
		for _, c := range crmContacts {
			if strings.Contains(strings.ToLower(c["email"].(string)), q) || (phoneDigits(q) != "" && phoneDigits(c["phone"].(string)) == phoneDigits(q)) || strings.Contains(q, "reed") {
				found = append(found, c)
			}
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"contacts": found, "count": len(found)})
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *crmServer) set(status int, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status, s.delay = status, delay
}

func crmActivities(t *testing.T, url string) *Activities {
	t.Helper()
	cfg := &config.Config{
		Handoff: config.Handoff{HTTPTimeout: "2s"},
		Agents: []handoff.Agent{
			{ID: "jorge_buyer_bot", Kind: handoff.KindBot},
			{ID: "maria", Kind: handoff.KindHuman, Groups: []string{"human_agent"}},
		},
		CRM: config.CRM{
			URL: url, TokenEnv: "HANDOFF_CRM_TOKEN", Timeout: "150ms", LocationID: "loc-1", Token: crmToken,
			CustomFields: []config.CRMField{
				{ID: "cf_avail", Path: "conversation_state.preference_profile.availability"},
				{ID: "cf_budget", Path: "conversation_state.preference_profile.budget"},
			},
		},
	}
	return New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
}

func buyerInput() EnrichInput {
	return EnrichInput{
		Customer: handoff.Customer{Name: "Marcus Reed", Email: "marcus.reed@example.com", Phone: "+1-512-555-0178"},
		ConversationState: handoff.ConversationState{PreferenceProfile: map[string]any{
			"budget": "up to $650,000", "location": "Round Rock or Cedar Park",
		}},
		RelationshipContext: handoff.RelationshipContext{EmotionalState: "excited"},
	}
}

func enrich(t *testing.T, acts *Activities, in EnrichInput) handoff.Enrichment {
	t.Helper()
	env := activityEnv(acts)
	val, err := env.ExecuteActivity(acts.EnrichFromCRM, in)
	if err != nil {
		t.Fatalf("EnrichFromCRM failed: %v", err)
	}
	var e handoff.Enrichment
	if err := val.Get(&e); err != nil {
		t.Fatal(err)
	}
	return e
}

// The matching contact (not the fuzzy neighbour) fills only what the input lacks.
func TestEnrichFromCRMFillsMissingFields(t *testing.T) {
	srv := newCRMServer(t)
	acts := crmActivities(t, srv.URL)
	e := enrich(t, acts, buyerInput())
	want := []string{
		"business_context.opportunity_value",
		"conversation_state.preference_profile.availability",
		"customer.id",
		"relationship_context.relationship_history",
	}
	if !e.Enriched || e.ContactID != "ghl-51230" || !slices.Equal(e.Paths(), want) {
		t.Fatalf("%+v", e)
	}
	if got := srv.last.URL.Query().Get("query"); got != "marcus.reed@example.com" {
		t.Fatalf("looked up by %q", got)
	}
	hist := e.Fields["relationship_context.relationship_history"].([]any)
	if len(hist) != 2 || hist[0] != "In the CRM since 2021-03-04 (source: Zillow)" || hist[1] != "CRM tags: past-client, referral" {
		t.Fatalf("history %v", hist)
	}

	// The workflow merges it deterministically; the bot's budget stays.
	in := handoff.Input{Customer: buyerInput().Customer, ConversationState: buyerInput().ConversationState}
	filled := handoff.ApplyEnrichment(&in, e)
	if len(filled) != 4 || in.ConversationState.PreferenceProfile["budget"] != "up to $650,000" || in.ConversationState.PreferenceProfile["availability"] != "weekday evenings" || in.BusinessContext.OpportunityValue != 21000 {
		t.Fatalf("filled %v: %+v", filled, in)
	}

	// Phone only: matched by its digits whatever the formatting.
	in2 := buyerInput()
	in2.Customer.Email = ""
	in2.Customer.Phone = "(512) 555-0178"
	if e := enrich(t, acts, in2); !e.Enriched || e.ContactID != "ghl-51230" {
		t.Fatalf("%+v", e)
	}
}

func TestEnrichFromCRMWithoutAMatch(t *testing.T) {
	srv := newCRMServer(t)
	acts := crmActivities(t, srv.URL)
	in := buyerInput()
	in.Customer = handoff.Customer{Email: "nobody@example.com"}
	if e := enrich(t, acts, in); e.Enriched || e.Reason != "no CRM contact matches the customer's email or phone" {
		t.Fatalf("%+v", e)
	}
	in.Customer = handoff.Customer{Name: "Anonymous"}
	if e := enrich(t, acts, in); e.Enriched || !strings.Contains(e.Reason, "no email or phone") {
		t.Fatalf("%+v", e)
	}
}

// 5xx: unavailable with the status, no error; after five failures the breaker opens and the
// CRM is not called at all.
func TestEnrichFromCRMDownOpensTheBreaker(t *testing.T) {
	srv := newCRMServer(t)
	srv.set(http.StatusInternalServerError, 0)
	acts := crmActivities(t, srv.URL)
	in := buyerInput()
	in.Customer.Phone = "" // one request per lookup
	for i := range 5 {
		e := enrich(t, acts, in)
		if e.Enriched || e.Reason != "CRM unavailable: answered 500 Internal Server Error" {
			t.Fatalf("call %d: %+v", i, e)
		}
	}
	hits := srv.hits.Load()
	e := enrich(t, acts, in)
	if e.Enriched || e.Reason != "CRM unavailable: circuit open after repeated failures" || srv.hits.Load() != hits {
		t.Fatalf("%+v, hits %d -> %d", e, hits, srv.hits.Load())
	}
}

func TestEnrichFromCRMSlowTimesOut(t *testing.T) {
	srv := newCRMServer(t)
	srv.set(http.StatusOK, time.Second)
	acts := crmActivities(t, srv.URL)
	start := time.Now()
	e := enrich(t, acts, buyerInput())
	if e.Enriched || e.Reason != "CRM unavailable: no answer within 150ms" {
		t.Fatalf("%+v", e)
	}
	if took := time.Since(start); took > 900*time.Millisecond {
		t.Fatalf("took %v", took)
	}
}

func TestEnrichFromCRMRefusedToken(t *testing.T) {
	srv := newCRMServer(t)
	acts := crmActivities(t, srv.URL)
	acts.cfg.CRM.Token = "wrong"
	for range 6 { // a refused token is not the CRM failing: the breaker stays closed
		e := enrich(t, acts, buyerInput())
		if e.Enriched || e.Reason != "CRM unavailable: the CRM refused the token (401 Unauthorized): check $HANDOFF_CRM_TOKEN" {
			t.Fatalf("%+v", e)
		}
	}
	acts.cfg.CRM.Token = ""
	if e := enrich(t, acts, buyerInput()); e.Reason != "CRM unavailable: no token in $HANDOFF_CRM_TOKEN" {
		t.Fatalf("%+v", e)
	}
	acts.cfg.CRM.URL = ""
	if e := enrich(t, acts, buyerInput()); e.Reason != "no CRM is configured" {
		t.Fatalf("%+v", e)
	}
}

// An unreachable CRM's error names the host, not the customer's email in the query.
func TestEnrichFromCRMUnreachableKeepsPIIOut(t *testing.T) {
	srv := newCRMServer(t)
	url := srv.URL
	srv.Close()
	e := enrich(t, crmActivities(t, url), buyerInput())
	if e.Enriched || !strings.HasPrefix(e.Reason, "CRM unavailable: ") || strings.Contains(e.Reason, "marcus") {
		t.Fatalf("%+v", e)
	}
}

// PackageContext follows the target's template and records the enrichment.
func TestPackageContextUsesTemplateAndEnrichment(t *testing.T) {
	acts := crmActivities(t, "")
	acts.cfg.Templates = []handoff.Template{{
		Name: "people", AppliesTo: []string{"human_agent"},
		Required: []string{"relationship_context.emotional_state", "conversation_state.preference_profile.availability"},
		Sections: map[string][]string{"s": {"relationship_context.emotional_state", "conversation_state.preference_profile.availability"}},
	}}
	in := handoff.Input{ConversationID: "c-1", SourceAgent: "jorge_buyer_bot", Customer: buyerInput().Customer,
		ConversationState: buyerInput().ConversationState, RelationshipContext: buyerInput().RelationshipContext}
	e := &handoff.Enrichment{Enriched: true, Source: "crm", Fields: map[string]any{"conversation_state.preference_profile.availability": "weekday evenings"}}
	env := activityEnv(acts)
	val, err := env.ExecuteActivity(acts.PackageContext, PackageInput{Input: in, Target: "maria", Enrichment: e})
	if err != nil {
		t.Fatal(err)
	}
	var p handoff.Package
	if err := val.Get(&p); err != nil {
		t.Fatal(err)
	}
	if p.Template != "people" || p.Completeness != 1 || p.Enrichment == nil || len(p.Enrichment.Fields) != 1 {
		t.Fatalf("%+v", p)
	}
	if p.Truncation.LimitBytes != handoff.DefaultMaxPackageBytes {
		t.Fatalf("%+v", p.Truncation)
	}
}
