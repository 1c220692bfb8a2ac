package service

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sort"
	"strings"

	"github.com/handoffhq/orchestrator/handoff"
)

// Decode reads exactly one JSON object into v, rejecting unknown fields, so a misspelt field
// (e.g. "conversation_Id") fails with its name instead of being silently dropped. Every
// mistake comes back as a *handoff.FieldError naming the field, or "body". A value that
// encodes to more JSON than Temporal should carry for it (handoff.MaxInputBytes for an
// Input, handoff.MaxRequestBytes for anything else) is a *handoff.TooLargeError.
func Decode(r io.Reader, v any) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return decodeError(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		err = decodeError(err)
		if fe, ok := handoff.AsFieldError(err); ok && fe.Problem == unknownField {
			// encoding/json names only the leaf ("ssn"); the full path ("customer.ssn") is
			// what the caller needs to find it.
			var generic any
			if json.Unmarshal(b, &generic) == nil {
				if path := unknownPath(reflect.TypeOf(v), generic, ""); path != "" {
					fe.Field = path
				}
			}
		}
		return err
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
		return &handoff.FieldError{Field: field, Problem: fmt.Sprintf("must be %s, not %s", jsonKind(typeErr.Type.Kind().String()), typeErr.Value)}
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return &handoff.FieldError{Field: strings.Trim(name, `"`), Problem: unknownField}
	}
	return &handoff.FieldError{Field: "body", Problem: strings.TrimPrefix(msg, "json: ")}
}

const unknownField = "is not a known field"

// unknownPath finds the first key in the decoded JSON value v that type t has no field for,
// matching names as encoding/json does (tag name, case-insensitively), and returns its path.
func unknownPath(t reflect.Type, v any, path string) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	join := func(name string) string {
		if path == "" {
			return name
		}
		return path + "." + name
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			f, ok := jsonField(t, k)
			if !ok {
				return join(k)
			}
			if p := unknownPath(f.Type, obj[k], join(k)); p != "" {
				return p
			}
		}
	case reflect.Slice, reflect.Array:
		list, ok := v.([]any)
		if !ok {
			return ""
		}
		for i, item := range list {
			if p := unknownPath(t.Elem(), item, fmt.Sprintf("%s[%d]", path, i)); p != "" {
				return p
			}
		}
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		for k, item := range obj {
			if p := unknownPath(t.Elem(), item, join(k)); p != "" {
				return p
			}
		}
	}
	return ""
}

// jsonField finds the struct field encoding/json would decode key into.
func jsonField(t reflect.Type, key string) (reflect.StructField, bool) {
	var fold reflect.StructField
	found := false
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if name == key {
			return f, true
		}
		if !found && strings.EqualFold(name, key) {
			fold, found = f, true
		}
	}
	return fold, found
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
