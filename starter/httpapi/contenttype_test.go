package httpapi_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
)

// Requests with a body must say it is JSON (415 otherwise); bodyless POSTs need no
// Content-Type.
func TestContentTypeMustBeJSON(t *testing.T) {
	e, f := newFake(t)
	cases := []struct {
		name, path, token, contentType, body string
		want                                 int
		message                              string
	}{
		{"no type", "/v1/handoffs", "lead_bot", "", validInput, 415, "Content-Type: is required"},
		{"text/plain", "/v1/handoffs", "lead_bot", "text/plain", validInput, 415, `not "text/plain"`},
		{"form", "/v1/handoffs/c-1/events", "lead_bot", "application/x-www-form-urlencoded", `{"type":"turn_complete"}`, 415, "must be application/json"},
		{"another charset", "/v1/handoffs", "lead_bot", "application/json; charset=latin1", validInput, 415, `not charset "latin1"`},
		{"malformed type", "/v1/decide", "lead_bot", "application/", validInput, 415, "must be application/json"},
		{"json", "/v1/handoffs", "lead_bot", "application/json", validInput, 201, ""},
		{"json with charset", "/v1/handoffs", "lead_bot", "Application/JSON; charset=UTF-8", validInput, 201, ""},
		{"bodyless accept", "/v1/handoffs/c-1/accept", "maria", "", "", 200, ""},
		{"bodyless cancel", "/v1/handoffs/c-1/cancel", "lead_bot", "", "", 202, ""},
		{"accept with a body but no type", "/v1/handoffs/c-1/accept", "maria", "", `{"reason":"mine"}`, 415, "Content-Type"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var body io.Reader
			if c.body != "" {
				body = strings.NewReader(c.body)
			}
			req, err := http.NewRequest("POST", e.API.URL+c.path, body)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+e.Secrets[c.token])
			if c.contentType != "" {
				req.Header.Set("Content-Type", c.contentType)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != c.want {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, c.want, b)
			}
			if c.want == 415 {
				d := checkErrorBody(t, b, "")
				if d.Code != "unsupported_media_type" || !strings.Contains(d.Message, c.message) {
					t.Fatalf("error %+v, want a message with %q", d, c.message)
				}
			}
		})
	}
	// A chunked body of unknown length counts as a body.
	req, _ := http.NewRequest("POST", e.API.URL+"/v1/handoffs", io.MultiReader(bytes.NewReader([]byte(validInput))))
	req.Header.Set("Authorization", "Bearer "+e.Secrets["lead_bot"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 415 || req.ContentLength != 0 {
		t.Fatalf("chunked body without a type: status %d (content length %d)", resp.StatusCode, req.ContentLength)
	}
	starts := 0
	for _, c := range f.Calls() {
		if strings.HasPrefix(c, "start") {
			starts++
		}
	}
	if starts != 2 {
		t.Fatalf("%d starts, want the 2 with a JSON type: %v", starts, f.Calls())
	}
}
