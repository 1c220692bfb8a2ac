package devagents

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

func post(t *testing.T, url, body string) int {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func get(t *testing.T, url string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func TestDevAgents(t *testing.T) {
	var logs strings.Builder
	a := New(slog.New(slog.NewJSONHandler(&logs, nil)))
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()
	d := `{"type":"briefing","handoff_id":"handoff-c-1","conversation_id":"c-1","from":"lead_bot","to":"jorge_buyer_bot",` +
		`"package":{"customer":{"name":"Ana Diaz","phone":"+15550100"}}}`

	if got := post(t, srv.URL+"/agents/jorge_buyer_bot", d); got != 200 {
		t.Fatalf("webhook: %d", got)
	}
	if got := post(t, srv.URL+"/agents/maria/notify", strings.Replace(d, "briefing", "offer", 1)); got != 200 {
		t.Fatalf("notify: %d", got)
	}
	if got := post(t, srv.URL+"/agents/maria/notify", `{"type":`); got != 400 {
		t.Fatalf("malformed delivery: %d", got)
	}
	status, body := get(t, srv.URL+"/agents/maria/deliveries")
	var list []Received
	if err := json.Unmarshal(body, &list); status != 200 || err != nil || len(list) != 1 || !list[0].Notify || list[0].Delivery.Type != handoff.DeliveryOffer {
		t.Fatalf("deliveries: %d %s %v", status, body, err)
	}
	if status, body := get(t, srv.URL+"/agents/nobody/deliveries"); status != 200 || strings.TrimSpace(string(body)) != "[]" {
		t.Fatalf("empty deliveries: %d %s", status, body)
	}
	if strings.Contains(logs.String(), "Ana") || strings.Contains(logs.String(), "5550100") || !strings.Contains(logs.String(), "handoff-c-1") {
		t.Fatalf("logs must name the handoff and nothing of the customer: %s", logs.String())
	}

	a.SetFail("jorge_buyer_bot", true)
	if got := post(t, srv.URL+"/agents/jorge_buyer_bot", d); got != 503 {
		t.Fatalf("failing agent: %d", got)
	}
	if n := len(a.Deliveries("jorge_buyer_bot")); n != 1 {
		t.Fatalf("a failed delivery was recorded: %d", n)
	}
	if status, _ := get(t, srv.URL+"/agents/jorge_buyer_bot/health"); status != 200 {
		t.Fatalf("failing is not down: health %d", status)
	}
	a.SetDown("jorge_buyer_bot", true)
	if status, _ := get(t, srv.URL+"/agents/jorge_buyer_bot/health"); status != 503 {
		t.Fatalf("down agent: health %d", status)
	}
	a.SetDown("jorge_buyer_bot", false)
	a.SetSlow("lead_bot", 150*time.Millisecond)
	start := time.Now()
	if status, _ := get(t, srv.URL+"/agents/lead_bot/health"); status != 200 || time.Since(start) < 150*time.Millisecond {
		t.Fatalf("slow agent: %d after %s", status, time.Since(start))
	}
}

func postKey(t *testing.T, url, key, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// A delivery retried under the same Idempotency-Key is answered 200 but acted on once: the
// customer hears "let me connect you" once however often the step ran.
func TestDevAgentsDeduplicateByIdempotencyKey(t *testing.T) {
	a := New(slog.New(slog.NewJSONHandler(io.Discard, nil)))
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()
	d := `{"type":"prepare_customer","handoff_id":"h","conversation_id":"c-1","from":"jorge_seller_bot","to":"maria","message":"Let me connect you"}`
	url := srv.URL + "/agents/jorge_seller_bot"
	if status, body := postKey(t, url, "k-1", d); status != 200 || !strings.Contains(body, "received") {
		t.Fatalf("first: %d %s", status, body)
	}
	if status, body := postKey(t, url, "k-1", d); status != 200 || !strings.Contains(body, "duplicate") {
		t.Fatalf("repeat: %d %s", status, body)
	}
	if status, _ := postKey(t, url, "k-2", d); status != 200 {
		t.Fatalf("another key: %d", status)
	}
	if n, dup := len(a.Deliveries("jorge_seller_bot")), a.Duplicates("jorge_seller_bot"); n != 2 || dup != 1 {
		t.Fatalf("acted on %d, duplicates %d; want 2 and 1", n, dup)
	}
	// A failed attempt is not taken: its retry is acted on.
	a.SetFailTypes("jorge_seller_bot", handoff.DeliveryPrepareCustomer)
	if status, _ := postKey(t, url, "k-3", d); status != 503 {
		t.Fatalf("failing type: %d", status)
	}
	if status, _ := postKey(t, url, "k-4", strings.Replace(d, "prepare_customer", "transferred", 1)); status != 200 {
		t.Fatalf("another type while one fails: %d", status)
	}
	a.SetFailTypes("jorge_seller_bot")
	if status, body := postKey(t, url, "k-3", d); status != 200 || !strings.Contains(body, "received") {
		t.Fatalf("retry after the failure: %d %s", status, body)
	}
}
