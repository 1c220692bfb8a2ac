package handoff_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// longConversation grows a sample to n messages: a customer, agent and tool line in turn,
// ending with the sample's own messages so the latest exchange is the real one.
func longConversation(in handoff.Input, n int) handoff.Input {
	start := time.Date(2025, 5, 1, 9, 0, 0, 0, time.UTC)
	lines := []handoff.Message{
		{Role: "customer", Text: "We talked about the garden again, and the school district matters a lot to us."},
		{Role: "agent", Text: "Understood, I will keep the school district in mind for every listing I send."},
		{Role: "tool", Text: strings.Repeat("listing_sync: 48 records refreshed; ", 4)},
	}
	orig := in.Messages
	msgs := make([]handoff.Message, 0, n)
	for i := 0; len(msgs) < n-len(orig); i++ {
		m := lines[i%3]
		if m.Role == "customer" && i%300 == 0 {
			m.Text = fmt.Sprintf("Could we also look at unit %d? My sister's closing date moved to the %dth.", i, 1+i%28)
		}
		m.At = start.Add(time.Duration(i) * time.Minute)
		msgs = append(msgs, m)
	}
	in.Messages = append(msgs, orig...)
	return in
}

// A 5,000-message transcript is bounded under the configured limit: the most recent messages
// stay, the rest becomes a summary, the cut is recorded, and every required field arrives.
func TestLongTranscriptIsBounded(t *testing.T) {
	c := loadConfig(t, realEstate)
	for _, limit := range []int{0, 64 << 10} {
		t.Run(fmt.Sprintf("limit %d", limit), func(t *testing.T) {
			if limit > 0 {
				c.Handoff.MaxPackageBytes = limit
			}
			maxBytes := c.PackageLimits().MaxBytes
			orig := loadSample(t, "seller-distress")
			in := longConversation(orig, 5000)
			p, _ := build(t, c, in)

			enc, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if len(enc) > maxBytes {
				t.Fatalf("package is %d bytes, limit %d", len(enc), maxBytes)
			}
			tr := p.Truncation
			if !tr.Cut() || tr.OverLimit || tr.Kept != len(p.Transcript) || tr.Kept+tr.Summarized != tr.Messages || tr.Filtered == 0 || tr.LimitBytes != maxBytes {
				t.Fatalf("truncation %+v", tr)
			}
			if tr.Kept < 50 {
				t.Fatalf("kept only %d messages of %d under %d bytes", tr.Kept, tr.Messages, maxBytes)
			}
			// The most recent messages are the ones kept, in order.
			last := orig.Messages[len(orig.Messages)-1]
			if got := p.Transcript[len(p.Transcript)-1]; got.Text != last.Text {
				t.Fatalf("last kept message %q", got.Text)
			}
			if n := len([]rune(tr.Summary)); n == 0 || n > 2000 || !strings.Contains(tr.Summary, "My sister's closing date") {
				t.Fatalf("summary (%d runes): %s", n, tr.Summary)
			}
			if tr.From.IsZero() || !tr.To.After(tr.From) {
				t.Fatalf("cut from %v to %v", tr.From, tr.To)
			}
			score, lost := handoff.Completeness(&p, receive(t, p))
			if score != 1 || p.Completeness != 1 {
				t.Fatalf("completeness %v, lost %v", score, lost)
			}
			if !strings.Contains(p.Brief, fmt.Sprintf("Transcript: last %d of %d messages", tr.Kept, tr.Messages)) {
				t.Fatalf("brief:\n%s", p.Brief)
			}
		})
	}
}

// One enormous message is clipped rather than pushing out the whole recent conversation.
func TestHugeMessageIsClipped(t *testing.T) {
	c := loadConfig(t, realEstate)
	in := loadSample(t, "seller-ready")
	in.Messages = append(in.Messages, handoff.Message{Role: "customer", Text: strings.Repeat("Here is the HOA document text. ", 20000)})
	p, _ := build(t, c, in)
	enc, _ := json.Marshal(p)
	if len(enc) > c.PackageLimits().MaxBytes || p.Truncation.Clipped != 1 || p.Truncation.Kept != p.Truncation.Messages {
		t.Fatalf("%d bytes, truncation %+v", len(enc), p.Truncation)
	}
	if p.Completeness != 1 {
		t.Fatalf("completeness %v", p.Completeness)
	}
}

// Required fields are never dropped to fit: a limit too small for them is recorded instead.
func TestRequiredFieldsSurviveATinyLimit(t *testing.T) {
	c := loadConfig(t, realEstate)
	in := longConversation(loadSample(t, "lead-qualified"), 500)
	d := c.Engine.Decide(&in)
	p := handoff.Build(&in, &d, "jorge_buyer_bot", handoff.BuildOptions{
		Template: c.TemplateFor("jorge_buyer_bot"), Limits: handoff.Limits{MaxBytes: 2000}})
	if !p.Truncation.OverLimit || p.Truncation.Kept != 0 || p.Completeness != 1 {
		t.Fatalf("truncation %+v, completeness %v", p.Truncation, p.Completeness)
	}
}
