package service

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/handoffhq/orchestrator/handoff"
)

// Decode reads exactly one JSON object into v, strictly: every key must name a field exactly
// (encoding/json would also take "Conversation_ID" for conversation_id, and silently drop a
// misspelt one), no key may appear twice in an object (encoding/json keeps the last), and a
// timestamp must be RFC 3339. Every mistake comes back as a *handoff.FieldError naming the
// field by its full path ("messages[0].at"), or "body". A value that encodes to more JSON
// than Temporal should carry for it (handoff.MaxInputBytes for an Input,
// handoff.MaxRequestBytes for anything else) is a *handoff.TooLargeError.
func Decode(r io.Reader, v any) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return decodeError(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	derr := dec.Decode(v)
	// The key check runs whether or not decoding failed: it names the path of an unknown
	// field or a bad timestamp, where encoding/json names only the leaf or nothing.
	if err := checkKeys(b, reflect.TypeOf(v)); err != nil {
		return err
	}
	if derr != nil {
		return decodeError(derr)
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return &handoff.FieldError{Field: "body", Problem: "must hold a single JSON object"}
	}
	// Bounded as it will be encoded, not as received: escaping can grow a body sixfold.
	limit := handoff.MaxRequestBytes
	if _, ok := v.(*handoff.Input); ok {
		limit = handoff.MaxInputBytes
	}
	return handoff.CheckEncodedSize(v, limit, "body")
}

func decodeError(err error) error {
	var (
		syntax  *json.SyntaxError
		typeErr *json.UnmarshalTypeError
		tooBig  *http.MaxBytesError
	)
	switch {
	case errors.As(err, &tooBig):
		// The HTTP layer answers 413 for this one; it is not a field's fault.
		return err
	case errors.Is(err, io.EOF):
		return &handoff.FieldError{Field: "body", Problem: "is required (a JSON object)"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &handoff.FieldError{Field: "body", Problem: "is malformed JSON: unexpected end of input"}
	case errors.As(err, &syntax):
		return &handoff.FieldError{Field: "body", Problem: fmt.Sprintf("is malformed JSON at byte %d: %v", syntax.Offset, syntax)}
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			field = "body"
		}
		return &handoff.FieldError{Field: field, Problem: fmt.Sprintf("must be %s, not %s", jsonKind(typeErr.Type.Kind().String()), clip(typeErr.Value))}
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		if name = strings.Trim(name, `"`); name == "" {
			name = `""`
		}
		return &handoff.FieldError{Field: clip(name), Problem: unknownField}
	}
	return &handoff.FieldError{Field: "body", Problem: clip(strings.TrimPrefix(msg, "json: "))}
}

const unknownField = "is not a known field"

// clip shortens text that may quote a client's value ("number 1111…") to a short prefix.
func clip(s string) string {
	if len(s) <= handoff.QuoteMax {
		return s
	}
	cut := handoff.QuoteMax
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// jsonKind names a Go kind the way a JSON client thinks of it.
func jsonKind(k string) string {
	switch k {
	case "string":
		return "a string"
	case "bool":
		return "a boolean"
	case "struct", "map":
		return "an object"
	case "slice", "array":
		return "an array"
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64":
		return "a number"
	}
	return "a " + k
}
