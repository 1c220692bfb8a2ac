package handoff_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
)

func validInput() handoff.Input {
	return handoff.Input{ConversationID: "conv-1", SourceAgent: "lead_bot",
		Messages: []handoff.Message{{Role: "customer", Text: "I want to sell my house"}}}
}

// Each client mistake in an input names its field; size limits are counted as encoding/json
// encodes the input, so text full of '<' is six times its length.
func TestInputValidateNamesTheField(t *testing.T) {
	lt := strings.Repeat("<", 12<<10) // 12 KiB received, 72 KiB encoded
	cases := []struct {
		name     string
		edit     func(in *handoff.Input)
		field    string
		problem  string
		tooLarge bool
	}{
		{"message without text", func(in *handoff.Input) { in.Messages[0].Text = "" }, "messages[0].text", "non-empty text", false},
		{"message of blanks", func(in *handoff.Input) {
			in.Messages = append(in.Messages, handoff.Message{Role: "agent", Text: " \n\t"})
		}, "messages[1].text", "non-empty text", false},
		{"bad role is quoted briefly", func(in *handoff.Input) { in.Messages[0].Role = strings.Repeat("r", 900<<10) }, "messages[0].role", "(921600 bytes) is not one of", false},
		{"text over the limit once escaped", func(in *handoff.Input) { in.Messages[0].Text = lt }, "messages[0].text", "is 73730 bytes encoded as JSON, over the limit of 65536", true},
		{"too many messages", func(in *handoff.Input) {
			for range 20000 {
				in.Messages = append(in.Messages, handoff.Message{Role: "customer", Text: "ok & thanks <3"})
			}
		}, "messages", "bytes the whole body takes encoded as JSON", true},
		{"huge source result", func(in *handoff.Input) { in.SourceResult = strings.Repeat("&", 400<<10) }, "source_result", "over the limit of 1048576", true},
		{"huge signal", func(in *handoff.Input) { in.Signals = map[string]any{"notes": strings.Repeat(">", 200<<10)} }, "signals.notes", "over the limit of 1048576", true},
		{"monitoring window not a duration", func(in *handoff.Input) { in.MonitoringWindow = "soon" }, "monitoring_window", `"soon" is not a duration`, false},
		{"monitoring window of 292 years", func(in *handoff.Input) { in.MonitoringWindow = "2562047h" }, "monitoring_window", `"2562047h" is above the maximum 24h`, false},
		{"monitoring window of 1ns", func(in *handoff.Input) { in.MonitoringWindow = "1ns" }, "monitoring_window", `"1ns" is below the minimum 1s`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := validInput()
			c.edit(&in)
			err := in.Validate()
			fe, ok := handoff.AsFieldError(err)
			if !ok {
				t.Fatalf("got %v, want a FieldError", err)
			}
			if fe.Field != c.field || !strings.Contains(fe.Problem, c.problem) {
				t.Fatalf("got %q, want field %s with %q", fe.Error(), c.field, c.problem)
			}
			if len(fe.Error()) > 400 {
				t.Fatalf("error is %d bytes long: %.200s", len(fe.Error()), fe.Error())
			}
			var over *handoff.TooLargeError
			if errors.As(err, &over) != c.tooLarge {
				t.Fatalf("TooLargeError %v, want %v", errors.As(err, &over), c.tooLarge)
			}
		})
	}
}

// Around the limit, Validate accepts exactly the inputs that encode within it, whatever their
// characters.
func TestInputUnderTheLimitEncodesUnderIt(t *testing.T) {
	for _, ch := range []string{"<", "&", ">", "é", "\u2028", "\x01"} {
		msg := handoff.Message{Role: "customer", Text: "x" + strings.Repeat(ch, 4000/len(ch))}
		one, _ := json.Marshal(msg)
		near := handoff.MaxInputBytes / (len(one) + 1)
		accepted, refused := 0, 0
		for _, n := range []int{near - 2, near + 2} {
			in := validInput()
			for range n {
				in.Messages = append(in.Messages, msg)
			}
			err := in.Validate()
			b, _ := json.Marshal(in)
			if (err == nil) != (len(b) <= handoff.MaxInputBytes) {
				t.Fatalf("%q, %d messages: %d bytes encoded, Validate says %v", ch, n, len(b), err)
			}
			if err == nil {
				accepted++
			} else {
				refused++
			}
		}
		if accepted != 1 || refused != 1 {
			t.Fatalf("%q: %d accepted, %d refused around the limit", ch, accepted, refused)
		}
	}
}

func TestEventValidateBoundsTextAndOutcome(t *testing.T) {
	cases := []struct {
		ev    handoff.Event
		field string
	}{
		{handoff.Event{Type: handoff.EventCustomerMessage, Text: strings.Repeat("x", 900<<10)}, "text"},
		{handoff.Event{Type: handoff.EventCustomerMessage, Text: strings.Repeat("<", 3<<10)}, "text"},
		{handoff.Event{Type: handoff.EventOutcome, Outcome: strings.Repeat("won", 30)}, "outcome"},
	}
	for _, c := range cases {
		var over *handoff.TooLargeError
		if err := c.ev.Validate(); !errors.As(err, &over) || over.Field != c.field {
			t.Errorf("%.40s: got %v, want a TooLargeError naming %s", c.ev.Text+c.ev.Outcome, err, c.field)
		}
	}
	ok := handoff.Event{Type: handoff.EventOutcome, Outcome: "appointment_booked", Text: strings.Repeat("<", 2<<10)}
	if err := ok.Validate(); err != nil {
		t.Fatalf("a normal outcome event: %v", err)
	}
	if err := (&handoff.Event{Type: handoff.EventType(strings.Repeat("t", 1<<20))}).Validate(); err == nil || len(err.Error()) > 300 {
		t.Fatalf("unknown type: %.300v", err)
	}
}

func TestCheckEncodedSizeNamesWhatHoldsTheBytes(t *testing.T) {
	type body struct {
		A string         `json:"a"`
		B []string       `json:"b"`
		C map[string]any `json:"c"`
	}
	cases := []struct {
		v    body
		want string
	}{
		{body{A: strings.Repeat("<", 200)}, "a"},
		{body{B: []string{"x", strings.Repeat("&", 200)}}, "b[1]"},
		{body{B: strings.Split(strings.Repeat("a,", 100), ",")}, "b"},
		{body{C: map[string]any{"k": map[string]any{"deep": strings.Repeat("é", 200)}}}, "c.k.deep"},
		{body{A: strings.Repeat("a", 90), B: []string{strings.Repeat("b", 90)}, C: map[string]any{"c": strings.Repeat("c", 90)}}, "body"},
	}
	for _, c := range cases {
		err := handoff.CheckEncodedSize(c.v, 200, "body")
		var over *handoff.TooLargeError
		if !errors.As(err, &over) || over.Field != c.want {
			t.Errorf("got %v, want a TooLargeError naming %s", err, c.want)
		}
	}
	if err := handoff.CheckEncodedSize(body{A: "<"}, 200, "body"); err != nil {
		t.Fatalf("small value: %v", err)
	}
}

func TestQuoteKeepsAShortPrefix(t *testing.T) {
	if got := handoff.Quote("yesterday"); got != `"yesterday"` {
		t.Fatalf("got %s", got)
	}
	long := strings.Repeat("é", 1000)
	got := handoff.Quote(long)
	if len(got) > handoff.QuoteMax+30 || !strings.HasSuffix(got, "… (2000 bytes)") || strings.Contains(got, `\x`) {
		t.Fatalf("got %s", got)
	}
}

func TestEncodedLenCountsEscapes(t *testing.T) {
	for s, want := range map[string]int{"": 2, "abc": 5, "<": 8, "&>": 14, "é": 4, "\n": 4, "\x01": 8, "\u2028": 8, "\xff": 8, `"\`: 6} {
		if got := handoff.EncodedLen(s); got != want {
			t.Errorf("EncodedLen(%q) = %d, want %d", s, got, want)
		}
	}
}
