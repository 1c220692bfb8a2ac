package handoff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Size limits on what clients send. Sizes are counted as encoding/json encodes the value
// (Temporal's JSON payload converter and our deliveries use it), not as received: escaping
// grows '<', '>', '&' and control characters to six bytes each ("\u003c"), so a request body
// well under the API's 1 MiB can encode to several MiB, past Temporal's 2 MiB payload limit
// and gRPC's 4 MiB message limit.
const (
	// MaxInputBytes bounds a handoff Input as JSON: half of Temporal's 2 MiB payload limit,
	// which leaves room for the encryption envelope and for the input travelling inside an
	// activity's input next to other fields.
	MaxInputBytes = 1 << 20
	// MaxMessageTextBytes bounds one message's text as JSON (quotes included). A transcript
	// line this long is a pasted document; the package clips such lines anyway.
	MaxMessageTextBytes = 64 << 10
	// MaxEventTextBytes bounds an event's text as JSON. Events are signalled into a running
	// workflow and kept in its state, so each one must stay small.
	MaxEventTextBytes = 16 << 10
	// MaxOutcomeBytes bounds the receiver's outcome label ("success", "lost") as JSON.
	MaxOutcomeBytes = 64
	// MaxRequestBytes bounds every other API request body (answers, confirmations, events,
	// acknowledgements, presence, release) as JSON: they carry IDs, short reasons and field
	// paths, and each lands in a workflow's history.
	MaxRequestBytes = 64 << 10
)

// TooLargeError is a FieldError for a value over a size limit. It unwraps to its FieldError,
// so everything that handles client mistakes handles it; the API answers it with 413.
type TooLargeError struct {
	FieldError
}

// Unwrap returns the FieldError naming the field and the limit.
func (e *TooLargeError) Unwrap() error { return &e.FieldError }

// tooLarge builds a TooLargeError for field, encodedBytes long against limit.
func tooLarge(field string, encodedBytes, limit int) *TooLargeError {
	return &TooLargeError{FieldError{Field: field, Problem: fmt.Sprintf(
		"is %d bytes encoded as JSON, over the limit of %d (escaping counts: '<', '>' and '&' take 6 bytes each)",
		encodedBytes, limit)}}
}

// EncodedLen is the length of s as encoding/json encodes it, quotes included.
func EncodedLen(s string) int {
	b, err := json.Marshal(s)
	if err != nil {
		return len(s) + 2 // unreachable: strings always encode
	}
	return len(b)
}

// CheckEncodedSize returns a *TooLargeError when v encodes to more than limit bytes of JSON.
// The error names the part of v that holds most of the bytes (see largestPath), e.g.
// "messages" for too many messages or "messages[3].text" for one huge text; whole is the
// name used when no single part does ("body" for a request).
func CheckEncodedSize(v any, limit int, whole string) error {
	b, err := json.Marshal(v)
	if err != nil {
		return &FieldError{Field: whole, Problem: "cannot be encoded as JSON: " + err.Error()}
	}
	if len(b) <= limit {
		return nil
	}
	e := tooLarge(whole, len(b), limit)
	if path, size := largestPath(b, ""); path != "" {
		e.Field = path
		e.Problem = fmt.Sprintf("holds %d of the %d bytes the whole %s takes encoded as JSON, over the limit of %d (escaping counts: '<', '>' and '&' take 6 bytes each)",
			size, len(b), whole, limit)
	}
	return e
}

// largestPath follows the encoded JSON value b into whichever member or element holds more
// than half of its bytes, for as long as one does, and returns that path and its size. It
// returns "" when no single member dominates b.
func largestPath(b []byte, path string) (string, int) {
	b = bytes.TrimSpace(b)
	var name string
	var child json.RawMessage
	switch {
	case len(b) > 0 && b[0] == '{':
		var obj map[string]json.RawMessage
		if json.Unmarshal(b, &obj) != nil {
			return "", 0
		}
		for k, v := range obj {
			if 2*len(v) > len(b) {
				name, child = k, v
			}
		}
		if child != nil && path != "" {
			name = path + "." + name
		}
	case len(b) > 0 && b[0] == '[':
		var list []json.RawMessage
		if json.Unmarshal(b, &list) != nil {
			return "", 0
		}
		for i, v := range list {
			if 2*len(v) > len(b) {
				name, child = path+"["+strconv.Itoa(i)+"]", v
			}
		}
	}
	if child == nil {
		return "", 0
	}
	if deeper, size := largestPath(child, name); deeper != "" {
		return deeper, size
	}
	return name, len(child)
}

// QuoteMax is how many bytes of a bad value an error message quotes.
const QuoteMax = 64

// Quote quotes s for an error message, at most QuoteMax bytes of it: a client that sent a
// megabyte of nonsense gets a short answer naming the problem, not its megabyte back.
func Quote(s string) string {
	if len(s) <= QuoteMax {
		return strconv.Quote(s)
	}
	cut := QuoteMax
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes)", strconv.Quote(s[:cut]), len(s))
}
