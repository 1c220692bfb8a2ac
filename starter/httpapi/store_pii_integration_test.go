package httpapi_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/store"
)

// TestIntegrationNoPIIInTheHandoffLog runs the seller-in-distress sample through a decline
// whose reason names the customer, an accept, events and a verdict that quote them, and a late
// outcome, with the handoff log on a SQLite file; then looks for the customer's name, phone
// and email in every row of every table, in the database files as they lie on disk (the
// write-ahead log included), and in every log line.
func TestIntegrationNoPIIInTheHandoffLog(t *testing.T) {
	logs := &testenv.SyncBuffer{}
	dir := t.TempDir()
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s", "monitoring_window": "3s"}, Logs: logs,
		Store: "sqlite://" + filepath.Join(dir, "handoffs.db")})
	in := testenv.Sample(t, "seller-distress.json")
	c := in.Customer
	needles := piiNeedles(c)
	conv := in.ConversationID

	if status, body := e.Do(t, "POST", "/v1/handoffs", in.SourceAgent, in); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	st := e.WaitFor(t, conv, within, "an offer", func(s handoff.State) bool { return s.CurrentOffer != nil })
	first := st.CurrentOffer.Agent
	reason := fmt.Sprintf(`{"reason":"I sold %s's last house, call her at %s"}`, c.Name, c.Phone)
	if status, body := e.Do(t, "POST", "/v1/handoffs/"+conv+"/decline", first, reason); status != 200 {
		t.Fatalf("decline by %s: %d %s", first, status, body)
	}
	st = e.WaitFor(t, conv, within, "a second offer", func(s handoff.State) bool {
		return s.CurrentOffer != nil && s.CurrentOffer.Agent != first
	})
	second := st.CurrentOffer.Agent
	if status, body := e.Do(t, "POST", "/v1/handoffs/"+conv+"/accept", second, nil); status != 200 {
		t.Fatalf("accept by %s: %d %s", second, status, body)
	}
	e.WaitFor(t, conv, within, "monitoring", func(s handoff.State) bool { return s.Phase == handoff.PhaseMonitoring })
	for _, ev := range []string{
		fmt.Sprintf(`{"type":"customer_message","text":"This is %s again, my email is %s"}`, c.Name, c.Email),
		`{"type":"customer_repeated"}`,
		`{"type":"sentiment","sentiment":-0.5}`,
		fmt.Sprintf(`{"type":"outcome","outcome":"%s is listing with us"}`, c.Name),
	} {
		if status, body := e.Do(t, "POST", "/v1/handoffs/"+conv+"/events", second, ev); status != 202 {
			t.Fatalf("event %s: %d %s", ev, status, body)
		}
	}
	if st = e.WaitFor(t, conv, within, "closed", closed); st.Outcome != handoff.OutcomeCompleted {
		t.Fatalf("outcome %s (%s)", st.Outcome, st.OutcomeReason)
	}
	if status, body := e.Do(t, "POST", "/v1/conversations/"+conv+"/outcomes", in.SourceAgent, `{"converted":true,"revenue":18500,"csat":4,"label":"listing_signed","days_after":12}`); status != 202 {
		t.Fatalf("outcome: %d %s", status, body)
	}
	// A label that would carry the customer's name is refused before it is stored.
	if status, _ := e.Do(t, "POST", "/v1/conversations/"+conv+"/outcomes", in.SourceAgent, fmt.Sprintf(`{"label":%q}`, c.Name)); status != 400 {
		t.Fatalf("a name as label: %d, want 400", status)
	}

	ctx := context.Background()
	rows := dumpLog(t, e)
	for _, want := range []string{conv, first, second, "declined", "other", "accepted", "listing_signed", "outcome_reported"} {
		if !strings.Contains(rows, want) {
			t.Errorf("the log lacks %q: the scan would not see what it should:\n%s", want, rows)
		}
	}
	scan(t, "handoff log rows", []byte(rows), needles)
	hs, err := e.Log.Handoffs(ctx, storeFilterAll())
	if err != nil || len(hs) != 1 || hs[0].Repeats != 1 || hs[0].Late == nil || *hs[0].Late.CSAT != 4 {
		t.Fatalf("read back %+v, %v", hs, err)
	}
	// The files on disk: what a backup or a stolen disk holds.
	files, _ := filepath.Glob(filepath.Join(dir, "handoffs.db*"))
	if len(files) == 0 {
		t.Fatal("no database file to scan")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > 0 {
			scan(t, filepath.Base(f), b, needles)
		}
	}
	out := logs.Bytes()
	if !bytes.Contains(out, []byte(`"msg":"handoff outcome"`)) {
		t.Error("the logs lack the outcome line: the scan would not see the recording")
	}
	scan(t, "logs", out, needles)
}

// dumpLog prints every column of every row of the log's tables as text.
func dumpLog(t *testing.T, e *testenv.Env) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"handoffs", "handoff_offers", "conversation_outcomes"} {
		rows, err := e.Log.DB().Query("SELECT * FROM " + table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s:", table)
			for i, v := range vals {
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				fmt.Fprintf(&b, " %s=%v", cols[i], v)
			}
			b.WriteString("\n")
		}
		rows.Close()
	}
	return b.String()
}

func storeFilterAll() store.Filter { return store.Filter{} }
