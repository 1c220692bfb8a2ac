package redact_test

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/redact"
)

// Log lines as the worker, the API and the Temporal SDK write them, with IDs shaped as the
// code shapes them (handoff.WorkflowID, handoff.HandoffID, conversation IDs that pass
// handoff.ValidateConversationID, Temporal run IDs, Go timestamps): none of them may be
// garbled. Phone numbers in free text next to them are still masked.
func TestIDsStayAndPhonesGo(t *testing.T) {
	const runID = "0195f3a2-7c1e-7d4b-9b8f-555501001234"
	conv := "conv-2025-555-0100"
	if err := handoff.ValidateConversationID(conv); err != nil {
		t.Fatal(err)
	}
	wf := handoff.WorkflowID(conv)
	hid := handoff.HandoffID(wf, runID)
	keep := []struct {
		name  string
		msg   string
		attrs []any
	}{
		{"delivery", "delivered", []any{"type", "briefing", "agent", "maria", "handoff", hid, "attempt", 1}},
		{"SDK workflow line", "Started workflow", []any{"Namespace", "default", "TaskQueue", handoff.TaskQueue, "WorkflowID", wf, "RunID", runID}},
		{"request log", "request", []any{"method", "POST", "route", "POST /v1/handoffs/{conversation_id}/accept", "status", 200, "principal", "maria"}},
		{"ID in an error text", "handoff step failed", []any{"step", "start", "error", errors.New("workflow execution already started: WorkflowId: " + wf + ", RunId: " + runID)}},
		{"other conversation shapes", "recorded", []any{"conversation", "conv.555.010.0199", "note", "also conv_555_010_0199, conv:555-010-0199 and 2025:555:0100"}},
		{"idempotency key", "duplicate delivery dropped", []any{"key", hid + "/5/maria/briefing"}},
		{"callback ID", "callback planned", []any{"workflow", handoff.CallbackWorkflowID(conv, timeAt(1717423320))}},
		{"path", "no route POST /v1/handoffs/conv-555-010-0199/accept", nil},
		{"Go time with nanoseconds", "offer expires", []any{"at", "2025-06-03 14:02:00.555010019 +0000 UTC"}},
		{"time and zone offset", "deadline 14:02:00.5550100 -0700 MST passed", nil},
		{"RFC 3339 time", "window ends", []any{"end", "2025-06-03T14:02:00.555010019+05:30"}},
		{"lease", "reservation lease expired", []any{"agent", "p2", "handoff", "handoff-2025-555-0100/" + runID}},
	}
	for _, c := range keep {
		t.Run("keep "+c.name, func(t *testing.T) {
			var plain, masked bytes.Buffer
			slog.New(slog.NewJSONHandler(&plain, nil)).Info(c.msg, c.attrs...)
			redact.New(slog.NewJSONHandler(&masked, nil), redact.Options{}).Info(c.msg, c.attrs...)
			if dropTime(plain.String()) != dropTime(masked.String()) {
				t.Fatalf("garbled:\n  %s  %s", plain.String(), masked.String())
			}
		})
	}

	mask := []struct{ in, leak string }{
		{"customer asked to be called at +1 555 010 0199 after five", "010 0199"},
		{"customer " + conv + " gave (555) 010-0199 as a callback number", "010-0199"},
		{"reach them at 555.010.0199.", "010.0199"},
		{"UK office +44 20 7946 0958, handoff " + hid, "7946 0958"},
		{"llámame al +34 612 34 56 78 o al 91 123 45 67", "34 56 78"},
		{"móvil 612 345 678, fijo 912-345-678", "345 678"},
		{"contact tel:+1-512-555-0142 for " + wf, "555-0142"},
		{"phone=555-010-0199 conversation=" + conv, "010-0199"},
		{`agent answered 422: {"phone":"+15125550199"}`, "5125550199"},
		{"Phone:555-010-0199", "010-0199"},
	}
	for _, c := range mask {
		got := redact.String(c.in)
		if strings.Contains(got, c.leak) || !strings.Contains(got, redact.Phone) {
			t.Errorf("String(%q) = %q: the phone number is not masked", c.in, got)
		}
		for _, id := range []string{conv, wf, hid} {
			if strings.Contains(c.in, id) && !strings.Contains(got, id) {
				t.Errorf("String(%q) = %q: garbled %s", c.in, got, id)
			}
		}
	}

	// An ID attribute made of nothing but a phone number or email address is still masked.
	var out bytes.Buffer
	redact.New(slog.NewJSONHandler(&out, nil), redact.Options{}).Info("recorded", "conversation_id", "5125550199", "agent", "a@example.com")
	if strings.Contains(out.String(), "5125550199") || strings.Contains(out.String(), "example.com") {
		t.Fatalf("an ID made of PII leaks: %s", out.String())
	}
}

func dropTime(line string) string {
	_, rest, _ := strings.Cut(line, `"level"`)
	return rest
}

func timeAt(unix int64) time.Time { return time.Unix(unix, 0) }
