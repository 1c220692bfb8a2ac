package httpapi_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/httpapi"
	"github.com/handoffhq/orchestrator/starter/service"
	"github.com/handoffhq/orchestrator/store"
)

// newLogged serves the API over the fake operations and a real handoff log (SQLite) holding
// one handoff of conversation c-1: jorge_seller_bot to maria, james offered and declining.
func newLogged(t *testing.T) (*testenv.Env, *store.Store) {
	t.Helper()
	e := testenv.NewConfig(t, "", testenv.Options{})
	s, err := store.OpenMigrated(context.Background(), "sqlite://"+filepath.Join(t.TempDir(), "log.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	at := time.Now().Add(-time.Hour)
	if err := s.Record(context.Background(), store.Handoff{
		HandoffID: "handoff-c-1/r1", ConversationID: "c-1", Source: "jorge_seller_bot", Target: "maria", TargetKind: "human",
		Outcome: "completed", StartedAt: at, ClosedMs: 1000,
		Offers: []store.Offer{{Index: 0, Agent: "james", Kind: "human", Result: "declined", StartedAt: at},
			{Index: 1, Agent: "maria", Kind: "human", Result: "accepted", StartedAt: at}},
	}); err != nil {
		t.Fatal(err)
	}
	f := &fakeOps{Service: service.New(nil, e.Cfg), source: "lead_bot", idle: []string{"c-9", "c-10"}}
	e.Serve(t, f, httpapi.Options{Log: s, Analytics: e.Cfg.Analytics})
	return e, s
}

func TestOutcomesWhoMayReport(t *testing.T) {
	e, s := newLogged(t)
	cases := []struct {
		name, conv, token, body string
		want                    int
		msg                     string
	}{
		{"the source reports", "c-1", "jorge_seller_bot", `{"csat":5,"days_after":1}`, 202, ""},
		{"the person who took it", "c-1", "maria", `{"converted":true,"revenue":14400,"label":"listing_signed","days_after":30}`, 202, ""},
		{"an agent who only declined", "c-1", "james", `{"csat":1}`, 403, "neither started nor took over"},
		{"an operator", "c-1", "operator", `{"resolved":true}`, 202, ""},
		{"not a party", "c-1", "lead_bot", `{"converted":false}`, 403, "neither started nor took over"},
		{"no token", "c-1", "", `{"converted":false}`, 401, ""},
		{"a bot starts a baseline conversation", "c-9", "lead_bot", `{"converted":false}`, 202, ""},
		{"the same bot reports more of it", "c-9", "lead_bot", `{"csat":3}`, 202, ""},
		{"another bot may not", "c-9", "jorge_buyer_bot", `{"csat":5}`, 403, "another bot reports"},
		{"not while its handoff runs", "c-11", "lead_bot", `{"converted":true}`, 409, "has a handoff running"},
		{"a person may not start one", "c-10", "maria", `{"csat":5}`, 403, "only its source bot"},
		{"csat out of range", "c-1", "maria", `{"csat":6}`, 400, "csat"},
		{"negative revenue", "c-1", "maria", `{"revenue":-1}`, 400, "revenue"},
		{"a sentence as label", "c-1", "maria", `{"label":"Ana was happy with the price"}`, 400, "label"},
		{"days out of range", "c-1", "maria", `{"days_after":9999}`, 400, "days_after"},
		{"nothing reported", "c-1", "maria", `{}`, 400, "reports nothing"},
		{"unknown field", "c-1", "maria", `{"comment":"great"}`, 400, "comment"},
		{"not JSON", "c-1", "maria", `yes`, 400, "body"},
		{"an email as conversation", "ana@example.com", "maria", `{"csat":5}`, 400, "conversation_id"},
		{"too large", "c-1", "maria", `{"label":"` + strings.Repeat("a", 70<<10) + `"}`, 413, "body"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := e.Do(t, "POST", "/v1/conversations/"+c.conv+"/outcomes", c.token, c.body)
			if status != c.want || !strings.Contains(string(body), c.msg) {
				t.Fatalf("%d %s, want %d with %q", status, body, c.want, c.msg)
			}
			// A refusal names no party of the conversation to a caller who is not one.
			for _, party := range []string{"maria", "jorge_seller_bot", "lead_bot"} {
				if status == 403 && party != c.token && strings.Contains(string(body), party) {
					t.Errorf("refusal names %s: %s", party, body)
				}
			}
		})
	}
	hs, err := s.Handoffs(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	l := hs[0].Late
	if l == nil || *l.CSAT != 5 || !*l.Converted || *l.Revenue != 14400 || !*l.Resolved || l.Label != "listing_signed" {
		t.Fatalf("merged outcome of c-1: %+v", l)
	}
	if c, _ := s.Count(context.Background()); c.Outcomes != 2 {
		t.Errorf("%d outcome rows, want c-1 and c-9", c.Outcomes)
	}
}

func TestStatsRoute(t *testing.T) {
	e, _ := newLogged(t)
	status, body := e.Do(t, "GET", "/v1/stats?group_by=pair&from=2020-01-01", "operator", nil)
	if status != 200 {
		t.Fatalf("%d %s", status, body)
	}
	var r analytics.Report
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatal(err)
	}
	if r.Total.Handoffs != 1 || len(r.Groups) != 1 || r.Groups[0].Key != "jorge_seller_bot→maria" || len(r.Targets) != 4 ||
		r.Total.Declines.K != 1 || r.Groups[0].Judged {
		t.Fatalf("report %s", body)
	}
	for _, c := range []struct {
		path, token string
		want        int
		msg         string
	}{
		{"/v1/stats", "maria", 403, "operator"},
		{"/v1/stats", "lead_bot", 403, "operator"},
		{"/v1/stats", "", 401, ""},
		{"/v1/stats?group_by=colour", "operator", 400, "group_by"},
		{"/v1/stats?from=yesterday", "operator", 400, "from"},
		{"/v1/stats?from=2026-03-02&to=2026-03-01", "operator", 400, "to"},
		{"/v1/stats?customer=ana", "operator", 400, "customer"},
		{"/v1/stats?source=a&source=b", "operator", 400, "source"},
		{"/v1/stats?source=lead_bot", "operator", 200, `"handoffs": 0`},
	} {
		status, body := e.Do(t, "GET", c.path, c.token, nil)
		if status != c.want || !strings.Contains(string(body), c.msg) {
			t.Errorf("GET %s as %s: %d %s, want %d with %q", c.path, c.token, status, body, c.want, c.msg)
		}
	}
}

// Without store.url the routes say what is missing rather than fail.
func TestOutcomesWithoutALog(t *testing.T) {
	e, _ := newFake(t)
	for _, c := range []struct{ method, path, token, body string }{
		{"POST", "/v1/conversations/c-1/outcomes", "lead_bot", `{"converted":true}`},
		{"GET", "/v1/stats", "operator", ""},
	} {
		var body any
		if c.body != "" {
			body = c.body
		}
		status, out := e.Do(t, c.method, c.path, c.token, body)
		if status != 503 || !strings.Contains(string(out), "store.url") {
			t.Errorf("%s %s: %d %s, want 503 naming store.url", c.method, c.path, status, out)
		}
	}
}
