package handoff

import "testing"

func TestDeclineCode(t *testing.T) {
	for reason, want := range map[string]string{
		"": "unspecified", "declined by maria": "unspecified", "busy": "busy", " Busy ": "busy",
		"end of shift": "end_of_shift", "Not-Qualified": "not_qualified",
		"I know Ana Torres personally": "other", "call me on +1 512 555 0100": "other",
	} {
		if got := DeclineCode(reason); got != want {
			t.Errorf("DeclineCode(%q) = %q, want %q", reason, got, want)
		}
	}
}

func TestLabel(t *testing.T) {
	for s, want := range map[string]string{
		"": "", "success": "success", "listing_signed": "listing_signed", "v2.lost-deal": "v2.lost-deal",
		"Lost": "other", "ana.torres@example.com": "other", "she was upset about the price": "other",
	} {
		if got := Label(s); got != want {
			t.Errorf("Label(%q) = %q, want %q", s, got, want)
		}
	}
}
