package httpapi_test

import (
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/starter/api"
	"github.com/handoffhq/orchestrator/starter/httpapi"
	"github.com/handoffhq/orchestrator/starter/service"
	"go.yaml.in/yaml/v3"
)

// TestOpenAPIMatchesRoutes keeps the document honest: every route is documented with the
// right method, open routes say `security: []`, and the document has no route the server
// lacks.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                    `yaml:"openapi"`
		Paths   map[string]map[string]any `yaml:"paths"`
		Comps   struct {
			Schemas map[string]any `yaml:"schemas"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(api.OpenAPI, &doc); err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Fatalf("openapi %q, want 3.1", doc.OpenAPI)
	}
	srv := httpapi.New(&fakeOps{Service: service.New(nil, nil)}, httpapi.NewAuth(nil), nil, httpapi.Options{})
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			if method != "parameters" {
				documented[strings.ToUpper(method)+" "+path] = true
			}
		}
	}
	for _, rt := range srv.Routes() {
		key := rt.Method + " " + rt.Path
		op, ok := doc.Paths[rt.Path][strings.ToLower(rt.Method)].(map[string]any)
		if !ok {
			t.Errorf("route %s is not in openapi.yaml", key)
			continue
		}
		delete(documented, key)
		sec, hasSec := op["security"].([]any)
		open := hasSec && len(sec) == 0
		if open != (len(rt.Roles) == 0) {
			t.Errorf("%s: authentication in the document (open=%t) differs from the server (roles %v)", key, open, rt.Roles)
		}
		for _, role := range rt.Roles {
			if summary, _ := op["summary"].(string); len(rt.Roles) < 3 && !strings.Contains(summary, role) {
				t.Errorf("%s: summary %q does not name role %s", key, summary, role)
			}
		}
	}
	for key := range documented {
		t.Errorf("openapi.yaml documents %s, which the server does not serve", key)
	}
	for _, name := range []string{"Input", "Event", "AnswerInput", "ConfirmInput", "State", "Decision", "Error", "StartResult",
		"AgentState", "Reservation", "Offers", "OpenOffer", "PresenceInput", "ReleaseInput", "People", "HandoffList"} {
		if _, ok := doc.Comps.Schemas[name]; !ok {
			t.Errorf("schema %s missing", name)
		}
	}
}
