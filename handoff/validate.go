package handoff

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// FieldError is a client mistake in one field of an input: the API answers it with a 4xx
// naming the field, the CLI prints it, and nothing is started or changed.
type FieldError struct {
	Field   string `json:"field"`
	Problem string `json:"problem"`
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Problem }

// conversationIDPattern keeps conversation IDs opaque and safe in workflow IDs and URLs:
// an ID made of a phone number or an email address would leak PII into the Web UI.
var conversationIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`)

// ValidateConversationID explains what is wrong with a conversation ID, or returns nil.
func ValidateConversationID(id string) error {
	switch {
	case id == "":
		return &FieldError{"conversation_id", "is required"}
	case strings.Contains(id, "@"):
		return &FieldError{"conversation_id", "must be an opaque ID, not an email address"}
	case !conversationIDPattern.MatchString(id):
		return &FieldError{"conversation_id", "must be 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"}
	}
	return nil
}

var messageRoles = map[string]bool{"customer": true, "agent": true, "system": true, "tool": true}

// Validate checks an Input for client mistakes. Knowing whether the source agent exists needs
// the roster, so that check is the caller's.
func (in *Input) Validate() error {
	if err := ValidateConversationID(in.ConversationID); err != nil {
		return err
	}
	if in.SourceAgent == "" {
		return &FieldError{"source_agent", "is required"}
	}
	for i, m := range in.Messages {
		if !messageRoles[m.Role] {
			return &FieldError{fmt.Sprintf("messages[%d].role", i), fmt.Sprintf("%s is not one of customer, agent, system, tool", Quote(m.Role))}
		}
		if strings.TrimSpace(m.Text) == "" {
			return &FieldError{fmt.Sprintf("messages[%d].text", i), "is required: a message needs non-empty text"}
		}
		if n := EncodedLen(m.Text); n > MaxMessageTextBytes {
			return tooLarge(fmt.Sprintf("messages[%d].text", i), n, MaxMessageTextBytes)
		}
	}
	// Sorted, so the field named is the same on every run and replay.
	for _, name := range slices.Sorted(maps.Keys(in.Signals)) {
		switch v := in.Signals[name]; v.(type) {
		case bool, string, float64, float32, int, int64, int32:
		default:
			return &FieldError{"signals." + clipName(name), fmt.Sprintf("must be a number, string or boolean, not %T", v)}
		}
	}
	if err := ValidateChannel(in.Channel); err != nil {
		return err
	}
	if in.MonitoringWindow != "" {
		if _, problem := CheckDuration(in.MonitoringWindow, MinMonitoringWindow, MaxMonitoringWindow); problem != "" {
			return &FieldError{"monitoring_window", problem}
		}
	}
	return CheckEncodedSize(in, MaxInputBytes, "body")
}

// clipName shortens a client-chosen key for a field path in an error message.
func clipName(name string) string {
	if len(name) <= QuoteMax {
		return name
	}
	return Quote(name)
}

// Validate checks an Event.
func (e *Event) Validate() error {
	if err := e.ValidateKind(); err != nil {
		return err
	}
	if n := EncodedLen(e.Text); n > MaxEventTextBytes {
		return tooLarge("text", n, MaxEventTextBytes)
	}
	if n := EncodedLen(e.Outcome); n > MaxOutcomeBytes {
		return tooLarge("outcome", n, MaxOutcomeBytes)
	}
	return nil
}

// ValidateKind checks what an event says, not its size: the workflow takes an oversized event
// signalled straight through Temporal (where the API's limits do not apply) and keeps it cut
// short, rather than losing a customer's message.
func (e *Event) ValidateKind() error {
	switch e.Type {
	case EventCustomerMessage, EventTurnComplete, EventOutcome, EventCustomerLeft, EventCustomerRepeated, EventAgentMessage, EventCallbackRequested:
	case EventCSAT:
		if e.CSAT < 1 || e.CSAT > 5 {
			return &FieldError{"csat", "must be 1 to 5"}
		}
	case EventSentiment:
		if e.Sentiment < -1 || e.Sentiment > 1 {
			return &FieldError{"sentiment", "must be between -1 and 1"}
		}
	case "":
		return &FieldError{"type", "is required"}
	default:
		return &FieldError{"type", fmt.Sprintf("%s is not one of customer_message, sentiment, outcome, turn_complete, customer_left, customer_repeated, agent_message, csat, callback_requested", Quote(string(e.Type)))}
	}
	if e.Type == EventOutcome && e.Outcome == "" {
		return &FieldError{"outcome", "is required for outcome events"}
	}
	return nil
}

// AsFieldError unwraps a FieldError from err.
func AsFieldError(err error) (*FieldError, bool) {
	var fe *FieldError
	ok := errors.As(err, &fe)
	return fe, ok
}
