package handoff_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

// deliveryBody is the body a receiver's webhook gets for a package, encoded as
// activities/deliver.go encodes it.
func deliveryBody(t *testing.T, p handoff.Package, d handoff.Decision) []byte {
	t.Helper()
	body, err := json.Marshal(handoff.Delivery{
		Type: handoff.DeliveryOffer, HandoffID: handoff.HandoffID(handoff.WorkflowID(p.ConversationID), "0f8fad5b-d9cb-469f-a165-70867728950e"),
		ConversationID: p.ConversationID, From: p.Source, To: p.Target, Message: d.Protocol.IntroductionScript,
		Brief: p.Brief, Package: &p, OfferExpiresAt: time.Now(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// A transcript of characters that JSON escapes (six bytes for '<', '>', '&', U+2028, control
// characters) or writes in several bytes (non-ASCII) still makes a delivery body within
// max_package_bytes, with every required field intact.
func TestDeliveryFitsWhateverTheCharacters(t *testing.T) {
	c := loadConfig(t, realEstate)
	for _, limit := range []int{config.MinPackageBytes, 64 << 10, handoff.DefaultMaxPackageBytes} {
		for _, ch := range []string{"<", "&", ">", "é", "日本", "\u2028", "😀", "\x01", "a"} {
			t.Run(fmt.Sprintf("%d %q", limit, ch), func(t *testing.T) {
				c.Handoff.MaxPackageBytes = limit
				in := loadSample(t, "seller-distress")
				var earlier []handoff.Message
				for i := range 150 {
					text := fmt.Sprintf("Line %d: %s. Is that clear?", i, strings.Repeat(ch, 3000/len(ch)))
					earlier = append(earlier, handoff.Message{Role: []string{"customer", "agent"}[i%2], Text: text})
				}
				in.Messages = append(earlier, in.Messages...)
				p, d := build(t, c, in)
				body := deliveryBody(t, p, d)
				if len(body) > limit {
					t.Fatalf("delivery body is %d bytes, limit %d; truncation %+v", len(body), limit, p.Truncation)
				}
				if p.Truncation.OverLimit || !p.Truncation.Cut() || p.Completeness != 1 {
					t.Fatalf("truncation %+v, completeness %v", p.Truncation, p.Completeness)
				}
				if score, lost := handoff.Completeness(&p, receive(t, p)); score != 1 {
					t.Fatalf("lost %v", lost)
				}
			})
		}
	}
}

// Optional context too large for the limit (a pasted document as source_result, a profile of
// thousands of keys) is clipped, then left out largest first; required fields stay whole and
// the package says what it cut. This is an input the API accepts.
func TestHugeOptionalContextIsClippedThenOmitted(t *testing.T) {
	c := loadConfig(t, realEstate)
	in := loadSample(t, "seller-distress")
	in.SourceResult = strings.Repeat("<tag attr='x'> & ", 7000)
	profile := map[string]any{"timeline": in.ConversationState.PreferenceProfile["timeline"]}
	for i := range 20000 {
		profile[fmt.Sprintf("k%05d", i)] = i
	}
	in.ConversationState.PreferenceProfile = profile
	in.Signals = map[string]any{"notes": strings.Repeat("&", 20000)}
	if err := in.Validate(); err != nil {
		t.Fatalf("the API would refuse this input: %v", err)
	}
	p, d := build(t, c, in)
	body := deliveryBody(t, p, d)
	limit := c.PackageLimits().MaxBytes
	if len(body) > limit {
		t.Fatalf("delivery body is %d bytes, limit %d; truncation %+v", len(body), limit, p.Truncation)
	}
	tr := p.Truncation
	if tr.OverLimit || p.Completeness != 1 || tr.Kept == 0 {
		t.Fatalf("truncation %+v, completeness %v", tr, p.Completeness)
	}
	for _, want := range []string{"source_result", "signals", "sections.complexity_analysis[source_result]"} {
		if !slices.Contains(tr.ClippedFields, want) {
			t.Errorf("clipped %v, want %s among them", tr.ClippedFields, want)
		}
	}
	for _, want := range []string{"conversation_state", "sections.success_criteria[conversation_state.preference_profile]"} {
		if !slices.Contains(tr.Omitted, want) {
			t.Errorf("omitted %v, want %s among them", tr.Omitted, want)
		}
	}
	if n := len([]rune(p.SourceResult)); n != c.PackageLimits().MaxMessageChars {
		t.Errorf("source_result kept %d runes", n)
	}
	if !strings.Contains(p.Brief, "Context cut to fit") {
		t.Errorf("brief does not say the context was cut:\n%s", p.Brief)
	}
	// The caller's input is untouched: the package clipped copies.
	if len(in.SourceResult) != 7000*17 || len(in.ConversationState.PreferenceProfile) != 20001 {
		t.Fatal("Build changed its input")
	}
}

// Required fields are never cut: when they alone exceed the limit the package says so, and
// everything optional is gone.
func TestOversizedRequiredFieldIsKeptWhole(t *testing.T) {
	c := loadConfig(t, realEstate)
	c.Handoff.MaxPackageBytes = config.MinPackageBytes
	in := loadSample(t, "seller-distress")
	in.ConversationState.ObjectionHistory = []string{strings.Repeat("<", 5000)}
	p, _ := build(t, c, in)
	if !p.Truncation.OverLimit || p.Completeness != 1 || len(p.SourceResult) != 0 {
		t.Fatalf("truncation %+v, completeness %v", p.Truncation, p.Completeness)
	}
	if v, _ := p.Value("conversation_state.objection_history"); len(v.([]any)[0].(string)) != 5000 {
		t.Fatalf("required objection history was cut: %v", v)
	}
}
