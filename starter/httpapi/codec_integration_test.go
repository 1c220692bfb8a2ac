package httpapi_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/devserver"
	"github.com/handoffhq/orchestrator/internal/testenv"
	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
	"google.golang.org/protobuf/encoding/protojson"
)

const uiOrigin = "http://127.0.0.1:8233" // the default codec.ui_origin

// TestIntegrationCodecEndpointDecodesStoredPayload takes the encrypted input of a real handoff
// from the dev server's history and reads it back through the API's codec endpoint, as the
// Web UI and the temporal CLI do; and checks who may.
func TestIntegrationCodecEndpointDecodesStoredPayload(t *testing.T) {
	e := testenv.Start(t, testenv.Options{NoWorker: true})
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", sellerInput("c-codec")); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	hist := rawHistory(t, e.PlainClient(t), handoff.WorkflowID("c-codec"), "")
	stored := hist.GetEvents()[0].GetWorkflowExecutionStartedEventAttributes().GetInput().GetPayloads()[0]
	wantEncrypted(t, "stored input", stored)
	if bytes.Contains(stored.GetData(), []byte("Dana Reyes")) {
		t.Fatal("the stored input holds the customer's name in clear")
	}
	body, err := protojson.Marshal(&commonpb.Payloads{Payloads: []*commonpb.Payload{stored}})
	if err != nil {
		t.Fatal(err)
	}

	status, resp, _ := codecCall(t, e, "/codec/decode", body, "Bearer "+e.Secrets["operator"], nil)
	if status != 200 {
		t.Fatalf("decode as operator: %d %s", status, resp)
	}
	var out commonpb.Payloads
	if err := protojson.Unmarshal(resp, &out); err != nil || len(out.GetPayloads()) != 1 {
		t.Fatalf("decode response %s: %v", resp, err)
	}
	var in handoff.Input
	if err := converter.GetDefaultDataConverter().FromPayload(out.GetPayloads()[0], &in); err != nil {
		t.Fatalf("decoded payload: %v", err)
	}
	if in.ConversationID != "c-codec" || in.Customer.Name != "Dana Reyes" {
		t.Fatalf("decoded input %+v", in)
	}

	// The temporal CLI's way: the SDK's remote codec with --codec-auth's header.
	remote := converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), converter.NewRemotePayloadCodec(
		converter.RemotePayloadCodecOptions{Endpoint: e.API.URL + "/codec", ModifyRequest: func(r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+e.Secrets["operator"])
			return nil
		}}))
	var viaRemote handoff.Input
	if err := remote.FromPayload(stored, &viaRemote); err != nil || viaRemote.Customer.Name != "Dana Reyes" {
		t.Fatalf("remote codec: %+v, %v", viaRemote.Customer, err)
	}
	// Operators only read: encrypting with the deployment's key is the codec role's.
	if _, err := remote.ToPayload("hello"); err == nil || !strings.Contains(err.Error(), "needs codec") {
		t.Fatalf("encode as operator: %v, want it forbidden", err)
	}
	codecClient := converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), converter.NewRemotePayloadCodec(
		converter.RemotePayloadCodecOptions{Endpoint: e.API.URL + "/codec", ModifyRequest: func(r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+e.Secrets["codec"])
			return nil
		}}))
	// Encoding through the endpoint seals with the deployment's key.
	sealed, err := codecClient.ToPayload("hello")
	if err != nil {
		t.Fatal(err)
	}
	wantEncrypted(t, "payload encoded by the endpoint", sealed)
	var hello string
	if err := converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), devserver.TestCodec()).FromPayload(sealed, &hello); err != nil || hello != "hello" {
		t.Fatalf("payload encoded by the endpoint decodes to %q, %v", hello, err)
	}

	for _, tc := range []struct {
		name, auth string
		want       int
	}{
		{"no token", "", 401},
		{"unknown token", "Bearer nope", 401},
		{"bot token", "Bearer " + e.Secrets["jorge_seller_bot"], 403},
		{"human token", "Bearer " + e.Secrets["maria"], 403},
	} {
		if status, resp, _ := codecCall(t, e, "/codec/decode", body, tc.auth, nil); status != tc.want || bytes.Contains(resp, []byte("Dana")) {
			t.Errorf("%s: %d %s, want %d", tc.name, status, resp, tc.want)
		}
	}
}

func TestIntegrationCodecEndpointCORSAndBrowserSession(t *testing.T) {
	e := testenv.Start(t, testenv.Options{NoWorker: true})
	preflight := func(origin string) *http.Response {
		req, _ := http.NewRequest("OPTIONS", e.API.URL+"/codec/decode", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization,content-type,x-namespace")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	resp := preflight(uiOrigin)
	h := resp.Header
	if resp.StatusCode != 204 || h.Get("Access-Control-Allow-Origin") != uiOrigin || h.Get("Access-Control-Allow-Credentials") != "true" {
		t.Fatalf("preflight from the Web UI: %d %v", resp.StatusCode, h)
	}
	for _, hdr := range []string{"Authorization", "Content-Type", "X-Namespace"} {
		if !strings.Contains(h.Get("Access-Control-Allow-Headers"), hdr) {
			t.Errorf("preflight allows headers %q, missing %s", h.Get("Access-Control-Allow-Headers"), hdr)
		}
	}
	for _, origin := range []string{"http://evil.example", "http://localhost:8233", "null"} {
		if resp := preflight(origin); resp.StatusCode != 403 || resp.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("preflight from %s: %d, allow-origin %q", origin, resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
		}
	}

	body := []byte(`{"payloads":[]}`)
	operator := "Bearer " + e.Secrets["operator"]
	if _, _, h := codecCall(t, e, "/codec/decode", body, operator, map[string]string{"Origin": "http://evil.example"}); h.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("a response to another origin allows it: %v", h)
	}

	// Browser: sign in with the operator token, then the session cookie works from the Web UI.
	login := func(token string) (int, *http.Cookie) {
		resp, err := http.PostForm(e.API.URL+"/codec/login", url.Values{"token": {token}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		for _, c := range resp.Cookies() {
			if c.Value != "" {
				return resp.StatusCode, c
			}
		}
		return resp.StatusCode, nil
	}
	if status, c := login(e.Secrets["jorge_seller_bot"]); status != 403 || c != nil {
		t.Fatalf("login with a bot token: %d, cookie %v", status, c)
	}
	status, cookie := login(e.Secrets["operator"])
	if status != 200 || cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || cookie.Path != "/codec" {
		t.Fatalf("login as operator: %d, cookie %+v", status, cookie)
	}
	if strings.Contains(cookie.Value, e.Secrets["operator"]) {
		t.Fatal("the session cookie carries the operator token")
	}
	withCookie := func(origin, contentType string) (int, http.Header) {
		req, _ := http.NewRequest("POST", e.API.URL+"/codec/decode", bytes.NewReader(body))
		req.AddCookie(cookie)
		req.Header.Set("Origin", origin)
		req.Header.Set("Content-Type", contentType)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode, resp.Header
	}
	if status, h := withCookie(uiOrigin, "application/json"); status != 200 || h.Get("Access-Control-Allow-Origin") != uiOrigin {
		t.Fatalf("session from the Web UI: %d %v", status, h)
	}
	if status, _ := withCookie("http://evil.example", "application/json"); status != 403 {
		t.Errorf("session from another origin: %d, want 403", status)
	}
	if status, _ := withCookie(uiOrigin, "text/plain"); status != 403 {
		t.Errorf("session with a form-like body: %d, want 403", status)
	}
	req, _ := http.NewRequest("POST", e.API.URL+"/codec/logout", nil)
	req.AddCookie(cookie)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Fatalf("logout: %v %v", resp, err)
	}
	if status, _ := withCookie(uiOrigin, "application/json"); status != 401 {
		t.Errorf("session after logout: %d, want 401", status)
	}
}

// codecCall POSTs a codec request with the given Authorization header ("" for none).
func codecCall(t *testing.T, e *testenv.Env, path string, body []byte, auth string, headers map[string]string) (int, []byte, http.Header) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), "POST", e.API.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Namespace", e.Cfg.Temporal.Namespace)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b, resp.Header
}

// TestIntegrationCodecUIURLDecodesOnly: the development Web UI's codec URL (make run sets it)
// decodes a stored payload with no sign-in, from the UI's origin; a wrong token finds nothing,
// and nothing can be encoded through it.
func TestIntegrationCodecUIURLDecodesOnly(t *testing.T) {
	token := strings.Repeat("u1-", 12)
	file := filepath.Join(t.TempDir(), "codec-ui-token")
	if err := os.WriteFile(file, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	e := testenv.Start(t, testenv.Options{NoWorker: true, Edit: func(doc map[string]any, _ string) {
		doc["codec"].(map[string]any)["ui_token_file"] = file
	}})
	if status, body := e.Do(t, "POST", "/v1/handoffs", "jorge_seller_bot", sellerInput("c-ui")); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	stored := rawHistory(t, e.PlainClient(t), handoff.WorkflowID("c-ui"), "").GetEvents()[0].
		GetWorkflowExecutionStartedEventAttributes().GetInput().GetPayloads()[0]
	body, err := protojson.Marshal(&commonpb.Payloads{Payloads: []*commonpb.Payload{stored}})
	if err != nil {
		t.Fatal(err)
	}
	fromUI := map[string]string{"Origin": uiOrigin}
	status, resp, h := codecCall(t, e, "/codec/ui/"+token+"/decode", body, "", fromUI)
	var out commonpb.Payloads
	if status != 200 || protojson.Unmarshal(resp, &out) != nil || len(out.GetPayloads()) != 1 ||
		string(out.GetPayloads()[0].GetMetadata()["encoding"]) != "json/plain" || h.Get("Access-Control-Allow-Origin") != uiOrigin {
		t.Fatalf("decode through the UI URL: %d %s %v", status, resp, h)
	}
	if status, resp, _ := codecCall(t, e, "/codec/ui/"+strings.Repeat("x", 36)+"/decode", body, "", fromUI); status != 404 || bytes.Contains(resp, []byte("Dana")) {
		t.Fatalf("a wrong token: %d %s", status, resp)
	}
	if status, _, _ := codecCall(t, e, "/codec/ui/"+token+"/encode", body, "", fromUI); status == 200 {
		t.Fatal("the UI URL encodes")
	}
}
