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
