package service

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/handoffhq/orchestrator/handoff"
)

// checkKeys walks the JSON document b alongside the Go type t it is decoded into and refuses
// what encoding/json lets through or reports badly:
//   - a key that matches a field only in another case ("Conversation_ID"): encoding/json
//     takes it, so a client's typo decides which of two spellings wins;
//   - a key given twice in one object: encoding/json keeps the last one;
//   - an unknown key, named by its full path ("customer.ssn", not "ssn");
//   - a timestamp that is not RFC 3339, named by its path ("messages[0].at", not "body").
//
// It returns nil when b is not well-formed JSON: the decoder reports that, with its offset.
func checkKeys(b []byte, t reflect.Type) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	w := walker{dec: dec}
	if err := w.value(t, "", 0); err != nil {
		if fe, ok := handoff.AsFieldError(err); ok {
			fe.Field = shortPath(fe.Field)
			return fe
		}
	}
	return nil
}

// maxPath bounds a path in an error: a document nested thousands of levels deep must not
// make an error message of its own size.
const maxPath = 200

// shortPath keeps the start and the end of a long path, which say where to look.
func shortPath(p string) string {
	if len(p) <= maxPath {
		return p
	}
	head, tail := maxPath/2, len(p)-maxPath/2
	for head > 0 && !utf8.RuneStart(p[head]) {
		head--
	}
	for tail < len(p) && !utf8.RuneStart(p[tail]) {
		tail++
	}
	return p[:head] + "…" + p[tail:]
}

// maxDepth is encoding/json's own nesting limit: deeper documents are malformed for it.
const maxDepth = 10000

var timeType = reflect.TypeOf(time.Time{})

type walker struct{ dec *json.Decoder }

// value reads one JSON value of Go type t (nil when the type gives no guidance: an any, a
// mismatched kind) at path.
func (w walker) value(t reflect.Type, path string, depth int) error {
	if depth > maxDepth {
		return errMalformed
	}
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	tok, err := w.dec.Token()
	if err != nil {
		return err
	}
	switch tok := tok.(type) {
	case json.Delim:
		if tok == '[' {
			return w.array(t, path, depth)
		}
		return w.object(t, path, depth)
	case string:
		if t == timeType {
			var at time.Time
			if at.UnmarshalText([]byte(tok)) != nil {
				return &handoff.FieldError{Field: name(path), Problem: fmt.Sprintf(
					"%s is not a date-time in RFC 3339 format, such as \"2025-06-03T14:02:00Z\"", handoff.Quote(tok))}
			}
		}
	default:
		if t == timeType && tok != nil {
			return &handoff.FieldError{Field: name(path), Problem: "must be a date-time string in RFC 3339 format, such as \"2025-06-03T14:02:00Z\""}
		}
	}
	return nil
}

var errMalformed = fmt.Errorf("malformed JSON")

func (w walker) array(t reflect.Type, path string, depth int) error {
	var elem reflect.Type
	if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
		elem = t.Elem()
	}
	for i := 0; w.dec.More(); i++ {
		if err := w.value(elem, path+"["+strconv.Itoa(i)+"]", depth+1); err != nil {
			return err
		}
	}
	_, err := w.dec.Token() // ']'
	return err
}

func (w walker) object(t reflect.Type, path string, depth int) error {
	var fields []jsonField
	var elem reflect.Type
	switch {
	case t == nil || t == timeType:
	case t.Kind() == reflect.Struct:
		fields = fieldsOf(t)
	case t.Kind() == reflect.Map:
		elem = t.Elem()
	}
	seen := map[string]bool{}
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			return err
		}
		key, ok := tok.(string)
		if !ok {
			return errMalformed
		}
		at := join(path, key)
		if seen[key] {
			return &handoff.FieldError{Field: at, Problem: "is given twice; a key may appear only once in an object"}
		}
		seen[key] = true
		valueType := elem
		if fields != nil {
			f, exact, ok := lookup(fields, key)
			switch {
			case !ok:
				return &handoff.FieldError{Field: at, Problem: unknownField}
			case !exact:
				return &handoff.FieldError{Field: at, Problem: fmt.Sprintf("is not a known field; did you mean %q? Names are case-sensitive", shortPath(join(path, f.name)))}
			}
			valueType = f.typ
		}
		if err := w.value(valueType, at, depth+1); err != nil {
			return err
		}
	}
	_, err := w.dec.Token() // '}'
	return err
}

// name is the path to report: the root is the body.
func name(path string) string {
	if path == "" {
		return "body"
	}
	return path
}

// join appends an object key to a path. The path is for people: an empty key is shown as
// "" and a long one shortened.
func join(path, key string) string {
	if key == "" || len(key) > handoff.QuoteMax {
		key = handoff.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// jsonField is a struct field as encoding/json names it.
type jsonField struct {
	name string
	typ  reflect.Type
}

// fieldsOf lists the fields encoding/json decodes into for struct type t: exported fields by
// their tag name (or Go name), then the fields of embedded structs.
func fieldsOf(t reflect.Type) []jsonField {
	var out, promoted []jsonField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if tag == "-" {
			continue
		}
		if f.Anonymous && tag == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				promoted = append(promoted, fieldsOf(ft)...)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if tag == "" {
			tag = f.Name
		}
		out = append(out, jsonField{name: tag, typ: f.Type})
	}
	return append(out, promoted...)
}

// lookup finds key among fields: exactly, or else as encoding/json would, ignoring case.
func lookup(fields []jsonField, key string) (f jsonField, exact, ok bool) {
	for _, f := range fields {
		if f.name == key {
			return f, true, true
		}
	}
	for _, f := range fields {
		if strings.EqualFold(f.name, key) {
			return f, false, true
		}
	}
	return jsonField{}, false, false
}
