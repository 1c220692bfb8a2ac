package redact

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

func TestStringMasksEmailsAndPhones(t *testing.T) {
	for in, want := range map[string]string{
		"write to linda.marsh@example.com today":   "write to [email] today",
		"call +1-512-555-0142":                     "call [phone]",
		"call (512) 555-0142 now":                  "call [phone] now",
		"call 512.555.0142":                        "call [phone]",
		"call +44 20 7946 0958.":                   "call [phone].",
		"sms 5125550142":                           "sms [phone]",
		"+33612345678":                             "[phone]",
		"tel:+1-512-555-0142, email a@b.io":        "tel:[phone], email [email]",
		"not phones: 2025-06-03T14:02:00Z":         "not phones: 2025-06-03T14:02:00Z",
		"on 2025-06-03 at 14:02":                   "on 2025-06-03 at 14:02",
		"addr 127.0.0.1:8080 and 10.100.200.5":     "addr 127.0.0.1:8080 and 10.100.200.5",
		"run 550e8400-e29b-41d4-a716-446655440000": "run 550e8400-e29b-41d4-a716-446655440000",
		"customer cust-40817, value $685,000":      "customer cust-40817, value $685,000",
		"took 1234567ms over 2,650 sq ft":          "took 1234567ms over 2,650 sq ft",
		"server 1.29.1, attempt 3":                 "server 1.29.1, attempt 3",
		"handoff-conv-seller-7f3a21":               "handoff-conv-seller-7f3a21",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}

type loud struct{ Phone string }

func TestHandlerMasksMessageAttrsGroupsErrorsAndNames(t *testing.T) {
	var buf bytes.Buffer
	logger := New(slog.NewJSONHandler(&buf, nil), Options{Names: []string{"Linda Marsh", "x"}})
	logger = logger.With("who", "linda marsh")
	logger.Info("delivery for linda.marsh@example.com failed",
		"err", errors.New("agent answered: unknown number +1-512-555-0142"),
		slog.Group("customer", "phone", "+1 512 555 0142", "id", "cust-40817"),
		"raw", []byte("LINDA MARSH"),
		"value", loud{Phone: "512-555-0142"},
		"count", 5125550142, // numbers are not strings: left alone
	)
	out := buf.String()
	for _, leak := range []string{"linda", "Linda", "LINDA", "555-0142", "555 0142", "example.com"} {
		if strings.Contains(out, leak) {
			t.Errorf("log line leaks %q: %s", leak, out)
		}
	}
	for _, keep := range []string{`"id":"cust-40817"`, `"count":5125550142`, `"who":"[name]"`, Email, Phone} {
		if !strings.Contains(out, keep) {
			t.Errorf("log line lacks %s: %s", keep, out)
		}
	}
}
