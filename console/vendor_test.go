package console_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// vendored are the npm files committed under assets/vendor/ so `go build` needs no npm: each is
// the file of the package version the lockfile pins (make console-vendor copies them).
var vendored = map[string]string{
	"chart.js": "dist/chart.umd.min.js",
}

// TestVendoredAssetsMatchTheLockfile checks that each vendored file is the pinned package's:
// its banner names the lockfile's version, package.json pins that exact version, and, where
// npm ci has installed the packages (make console-deps; make test does), the bytes are the
// installed file's, which npm checked against the lockfile's integrity hash.
func TestVendoredAssetsMatchTheLockfile(t *testing.T) {
	var lock struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	readJSON(t, "package-lock.json", &lock)
	readJSON(t, "package.json", &pkg)
	for name, file := range vendored {
		version := lock.Packages["node_modules/"+name].Version
		if version == "" || pkg.Dependencies[name] != version {
			t.Errorf("%s: package.json pins %q, the lockfile %q: pin the exact version in both", name, pkg.Dependencies[name], version)
		}
		ours, err := os.ReadFile(filepath.Join("assets", "vendor", filepath.Base(file)))
		if err != nil {
			t.Fatalf("%s is not vendored: %v (make console-vendor)", name, err)
		}
		head, _, _ := bytes.Cut(ours, []byte("*/"))
		if !strings.Contains(string(head), "v"+version+"\n") {
			t.Errorf("assets/vendor/%s says %q, not version %s of the lockfile: run make console-vendor", filepath.Base(file), head, version)
		}
		installed, err := os.ReadFile(filepath.Join("node_modules", name, file))
		if err != nil {
			if os.Getenv("HANDOFF_REQUIRE_BROWSER") != "" {
				t.Fatalf("%s is not installed (%v): run make console-deps", name, err)
			}
			t.Logf("%s is not installed (make console-deps); checked the version only", name)
			continue
		}
		if !bytes.Equal(ours, installed) {
			t.Errorf("assets/vendor/%s differs from node_modules/%s/%s: run make console-vendor", filepath.Base(file), name, file)
		}
	}
}

func readJSON(t *testing.T, file string, v any) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
}
