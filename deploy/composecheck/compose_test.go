// Package composecheck validates docker-compose.yml without a Docker engine: it loads the
// file with compose-spec/compose-go, the loader Docker Compose itself uses (schema,
// interpolation, consistency of services, secrets and volumes), then checks the shape the
// stack relies on: start-up order, healthchecks, pinned images, the search-attribute setup and
// that no secret is written into the file; and the telemetry services: Prometheus scraping
// the metrics listeners the code opens, Grafana with its provisioning and a dashboard that
// asks only for metrics the code exports.
//
// It is a module of its own so the service's go.mod does not carry the loader's
// dependencies. Run it with `make test-compose` (`make test` runs it too).
package composecheck

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

// root is the repository root, two folders up from this package.
var root = filepath.Join("..", "..")

func read(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// stage copies what docker-compose.yml refers to into a fresh folder, with stand-in secrets
// (a fresh clone has none: scripts/compose-secrets.sh writes them), so the loader can resolve
// every path and env file as `docker compose up` would.
func stage(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"docker-compose.yml":                                "",
		"Dockerfile":                                        "",
		"deploy/temporal/setup-schema.sh":                   "",
		"deploy/temporal/setup-namespace.sh":                "",
		"deploy/temporal/dynamicconfig/production-sql.yaml": "",
		"deploy/secrets/postgres-password":                  "stand-in-password\n",
		"deploy/secrets/postgres.env":                       "POSTGRES_PWD=stand-in-password\n",
		"deploy/secrets/api-tokens.yaml":                    "tokens: []\n",
		"deploy/secrets/events-stream-secret":               "stand-in-secret-of-32-characters\n",
		"deploy/secrets/grafana-admin-password":             "stand-in-password\n",
		"deploy/prometheus/prometheus.yml":                  "",
		grafanaDatasource:                                   "",
		grafanaProvider:                                     "",
		grafanaDashboard:                                    "",
		"deploy/secrets/pgpass":                             "postgresql:5432:*:temporal:stand-in-password\n",
	}
	for rel, content := range files {
		if content == "" {
			content = read(t, rel)
		}
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// load loads the staged compose file like `docker compose config` with the given environment.
func load(t *testing.T, dir string, env ...string) *types.Project {
	t.Helper()
	opts, err := cli.NewProjectOptions(
		[]string{filepath.Join(dir, "docker-compose.yml")},
		cli.WithWorkingDirectory(dir),
		cli.WithEnv(env),
		cli.WithResolvedPaths(true),
	)
	if err != nil {
		t.Fatal(err)
	}
	p, err := opts.LoadProject(context.Background())
	if err != nil {
		t.Fatalf("docker-compose.yml does not load: %v", err)
	}
	return p
}

func service(t *testing.T, p *types.Project, name string) types.ServiceConfig {
	t.Helper()
	s, err := p.GetService(name)
	if err != nil {
		t.Fatalf("service %s: %v", name, err)
	}
	return s
}

func env(s types.ServiceConfig, key string) string {
	if v, ok := s.Environment[key]; ok && v != nil {
		return *v
	}
	return ""
}

// searchAttributes reads the names the workflow sets from the shared contract.
// searchAttributes reads the contract's search attributes as "Name=Type" pairs: the SA...
// constants for the names, SearchAttributeTypes for their types.
func searchAttributes(t *testing.T) []string {
	t.Helper()
	src := read(t, "handoff/contract.go")
	names := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\s*(SA\w+)\s*=\s*"(\w+)"`).FindAllStringSubmatch(src, -1) {
		names[m[1]] = m[2]
	}
	var pairs []string
	for _, m := range regexp.MustCompile(`(SA\w+):\s*"(\w+)"`).FindAllStringSubmatch(src, -1) {
		if name, ok := names[m[1]]; ok {
			pairs = append(pairs, name+"="+m[2])
		}
	}
	if len(pairs) == 0 || len(pairs) != len(names) {
		t.Fatalf("search attributes in handoff/contract.go: names %v, typed %v; every SA... constant needs a type in SearchAttributeTypes", names, pairs)
	}
	return pairs
}

func TestComposeLoads(t *testing.T) {
	p := load(t, stage(t))
	want := []string{"api", "grafana", "handoff-store", "postgresql", "prometheus", "temporal", "temporal-schema", "temporal-setup", "temporal-ui", "worker"}
	if got := p.ServiceNames(); !slices.Equal(got, want) {
		t.Fatalf("services = %v, want %v", got, want)
	}
}

func TestStartOrder(t *testing.T) {
	p := load(t, stage(t))
	deps := map[string]map[string]string{
		"temporal-schema": {"postgresql": types.ServiceConditionHealthy},
		"temporal":        {"temporal-schema": types.ServiceConditionCompletedSuccessfully},
		"temporal-setup":  {"temporal": types.ServiceConditionHealthy},
		"temporal-ui":     {"temporal": types.ServiceConditionHealthy},
		"worker":          {"temporal-setup": types.ServiceConditionCompletedSuccessfully, "handoff-store": types.ServiceConditionCompletedSuccessfully},
		"api":             {"temporal-setup": types.ServiceConditionCompletedSuccessfully, "handoff-store": types.ServiceConditionCompletedSuccessfully},
		"handoff-store":   {"postgresql": types.ServiceConditionHealthy},
		"prometheus":      {"worker": types.ServiceConditionStarted, "api": types.ServiceConditionHealthy},
		"grafana":         {"prometheus": types.ServiceConditionHealthy},
	}
	for name, want := range deps {
		s := service(t, p, name)
		for dep, cond := range want {
			d, ok := s.DependsOn[dep]
			if !ok {
				t.Errorf("%s does not depend on %s", name, dep)
				continue
			}
			if d.Condition != cond {
				t.Errorf("%s waits for %s to be %q, want %q", name, dep, d.Condition, cond)
			}
		}
	}
	// Whatever is waited on as healthy has a healthcheck.
	for _, s := range p.Services {
		for dep, d := range s.DependsOn {
			if d.Condition != types.ServiceConditionHealthy {
				continue
			}
			hc := service(t, p, dep).HealthCheck
			if hc == nil || hc.Disable || len(hc.Test) == 0 {
				t.Errorf("%s waits for %s to be healthy, but %s has no healthcheck", s.Name, dep, dep)
			}
		}
	}
	if hc := service(t, p, "api").HealthCheck; hc == nil || !strings.Contains(strings.Join(hc.Test, " "), "/readyz") {
		t.Errorf("api healthcheck should ask /readyz, got %+v", hc)
	}
}

func TestImagesPinned(t *testing.T) {
	p := load(t, stage(t))
	want := map[string]*regexp.Regexp{
		"postgresql":      regexp.MustCompile(`^postgres:\d+\.\d+`),
		"temporal-schema": regexp.MustCompile(`^temporalio/admin-tools:1\.29\.\d+`),
		"temporal":        regexp.MustCompile(`^temporalio/server:1\.29\.\d+$`),
		"temporal-setup":  regexp.MustCompile(`^temporalio/admin-tools:1\.29\.\d+`),
		"temporal-ui":     regexp.MustCompile(`^temporalio/ui:2\.42\.\d+$`),
		"prometheus":      regexp.MustCompile(`^prom/prometheus:v3\.\d+\.\d+$`),
		"grafana":         regexp.MustCompile(`^grafana/grafana:\d+\.\d+\.\d+$`),
	}
	for name, re := range want {
		if img := service(t, p, name).Image; !re.MatchString(img) {
			t.Errorf("%s image %q does not match %s", name, img, re)
		}
	}
	for _, name := range []string{"worker", "api", "handoff-store"} {
		s := service(t, p, name)
		if s.Build == nil || s.Build.Dockerfile != "Dockerfile" || filepath.Clean(s.Build.Context) != filepath.Clean(p.WorkingDir) {
			t.Errorf("%s should be built from ./Dockerfile, got %+v", name, s.Build)
		}
	}
}

func TestHandoffServices(t *testing.T) {
	p := load(t, stage(t))
	for _, name := range []string{"worker", "api"} {
		s := service(t, p, name)
		if got := env(s, "TEMPORAL_ADDRESS"); got != "temporal:7233" {
			t.Errorf("%s TEMPORAL_ADDRESS = %q, want temporal:7233", name, got)
		}
		if got := env(s, "TEMPORAL_API_KEY"); got != "" {
			t.Errorf("%s TEMPORAL_API_KEY = %q without it in the environment, want empty", name, got)
		}
		for _, key := range []string{"HANDOFF_API_TOKENS_FILE", "HANDOFF_CODEC_KEYS_FILE", "HANDOFF_EVENTS_STREAM_SECRET_FILE", "PGPASSFILE"} {
			file := env(s, key)
			mounted := slices.ContainsFunc(s.Secrets, func(sec types.ServiceSecretConfig) bool { return sec.Target == file })
			if file == "" || !mounted {
				t.Errorf("%s: %s %q is not a mounted secret (%+v)", name, key, file, s.Secrets)
			}
		}
	}
	// The handoff log: a database next to Temporal's on the same server, no password in the URL.
	for _, name := range []string{"worker", "api", "handoff-store"} {
		u := env(service(t, p, name), "HANDOFF_STORE_URL")
		if !strings.HasPrefix(u, "postgres://temporal@postgresql:5432/handoff") || strings.Contains(u, ":stand-in") {
			t.Errorf("%s HANDOFF_STORE_URL = %q, want the handoff database on postgresql without a password", name, u)
		}
	}
	if got := strings.Join(service(t, p, "handoff-store").Command, " "); got != "starter store migrate --create-database" {
		t.Errorf("handoff-store command = %q", got)
	}
	if got := strings.Join(service(t, p, "worker").Command, " "); got != "worker" {
		t.Errorf("worker command = %q", got)
	}
	if got := strings.Join(service(t, p, "api").Command, " "); got != "starter serve --listen 0.0.0.0:8080" {
		t.Errorf("api command = %q", got)
	}

	// An API key given in the environment reaches both, and nothing else changes.
	p = load(t, stage(t), "TEMPORAL_API_KEY=from-the-environment")
	for _, name := range []string{"worker", "api"} {
		if got := env(service(t, p, name), "TEMPORAL_API_KEY"); got != "from-the-environment" {
			t.Errorf("%s TEMPORAL_API_KEY = %q, want the environment's", name, got)
		}
	}
}

func TestTemporalServer(t *testing.T) {
	p := load(t, stage(t))
	s := service(t, p, "temporal")
	for key, want := range map[string]string{"DB": "postgres12", "POSTGRES_SEEDS": "postgresql", "POSTGRES_PWD": "stand-in-password"} {
		if got := env(s, key); got != want {
			t.Errorf("temporal %s = %q, want %q (POSTGRES_PWD from deploy/secrets/postgres.env)", key, got, want)
		}
	}
	dc := env(s, "DYNAMIC_CONFIG_FILE_PATH")
	mounted := false
	for _, v := range s.Volumes {
		if v.Target == "/etc/temporal/config/dynamicconfig" {
			_, err := os.Stat(filepath.Join(v.Source, filepath.Base(dc)))
			mounted = err == nil
		}
	}
	if !mounted {
		t.Errorf("dynamic config %q is not in a folder mounted at /etc/temporal/config/dynamicconfig", dc)
	}
	pg := service(t, p, "postgresql")
	if env(pg, "POSTGRES_PASSWORD_FILE") == "" {
		t.Error("postgresql should read its password from a secret file (POSTGRES_PASSWORD_FILE)")
	}
}

// TestSearchAttributeSetup checks that the setup step creates exactly the contract's search
// attributes with their types, and that `make run` registers the same ones on the dev server.
func TestSearchAttributeSetup(t *testing.T) {
	p := load(t, stage(t))
	s := service(t, p, "temporal-setup")
	script := strings.Join(s.Command, " ")
	if !strings.HasSuffix(script, "/setup-namespace.sh") {
		t.Fatalf("temporal-setup command = %q, want the setup-namespace.sh script", script)
	}
	want := searchAttributes(t)

	setup := read(t, "deploy/temporal/setup-namespace.sh")
	m := regexp.MustCompile(`(?m)^attributes="([^"]*)"`).FindStringSubmatch(setup)
	if m == nil || !sameSet(strings.Fields(m[1]), want) {
		t.Errorf("setup-namespace.sh attributes = %v, want %v", m, want)
	}
	if !strings.Contains(setup, `--type "$type"`) {
		t.Error("setup-namespace.sh should create each attribute with its type")
	}

	run := read(t, "scripts/run.sh")
	m = regexp.MustCompile(`(?m)^SEARCH_ATTRIBUTES=\(([^)]*)\)`).FindStringSubmatch(run)
	if m == nil || !sameSet(strings.Fields(m[1]), want) {
		t.Errorf("scripts/run.sh SEARCH_ATTRIBUTES = %v, want %v", m, want)
	}
}

// TestNoSecretsInFile checks that no password, key or token is written in the compose file:
// each comes from the environment, a secret file or an env file under deploy/secrets/.
func TestNoSecretsInFile(t *testing.T) {
	opts, err := cli.NewProjectOptions(
		[]string{filepath.Join(root, "docker-compose.yml")},
		cli.WithWorkingDirectory(root),
		cli.WithInterpolation(false),
	)
	if err != nil {
		t.Fatal(err)
	}
	model, err := opts.LoadModel(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	secret := regexp.MustCompile(`(?i)(PASSWORD|PWD|SECRET|API_KEY|TOKEN)`)
	services, _ := model["services"].(map[string]any)
	for name, raw := range services {
		svc, _ := raw.(map[string]any)
		envs, _ := svc["environment"].(map[string]any)
		for key, v := range envs {
			val, _ := v.(string)
			if !secret.MatchString(key) || val == "" || strings.HasSuffix(key, "_FILE") {
				continue
			}
			if !strings.HasPrefix(val, "${") {
				t.Errorf("%s: %s has a value written in the file; take it from the environment or a secret", name, key)
			}
		}
	}
	for _, f := range []string{"postgres-password", "postgres.env", "api-tokens.yaml", "codec-keys.yaml", "events-stream-secret", "grafana-admin-password", "pgpass"} {
		if !strings.Contains(read(t, "docker-compose.yml"), "deploy/secrets/"+f) {
			t.Errorf("docker-compose.yml does not read deploy/secrets/%s", f)
		}
	}
	ignore := read(t, "deploy/secrets/.gitignore")
	if !strings.Contains(ignore, "\n*\n") || !strings.Contains(ignore, "!.gitignore") {
		t.Error("deploy/secrets/.gitignore should ignore everything but itself")
	}
}

func TestDockerfile(t *testing.T) {
	d := read(t, "Dockerfile")
	for _, want := range []string{
		"FROM golang:1.26",
		"-o /out/worker ./worker",
		"-o /out/starter ./starter",
		"/usr/local/bin/",
		"COPY config/examples/",
		"USER 10001",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	ignore := read(t, ".dockerignore")
	for _, want := range []string{"data", "bin", ".git"} {
		if !slices.Contains(strings.Fields(ignore), want) {
			t.Errorf(".dockerignore should leave out %s", want)
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
