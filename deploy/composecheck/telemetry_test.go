package composecheck

import (
	"encoding/json"
	"net"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/types"
	"go.yaml.in/yaml/v3"
)

// The telemetry stack's files, as the compose file mounts them.
const (
	grafanaDatasource = "deploy/grafana/provisioning/datasources/prometheus.yaml"
	grafanaProvider   = "deploy/grafana/provisioning/dashboards/handoff.yaml"
	grafanaDashboard  = "deploy/grafana/dashboards/handoff.json"
)

// port is the port of a host:port listen address.
func port(t *testing.T, addr string) int {
	t.Helper()
	_, p, err := net.SplitHostPort(addr)
	n, err2 := strconv.Atoi(p)
	if err != nil || err2 != nil {
		t.Fatalf("listen address %q: %v %v", addr, err, err2)
	}
	return n
}

// mountTarget is where a service mounts a path of the repository ("" when it does not).
func mountTarget(s types.ServiceConfig, dir, rel string) string {
	for _, v := range s.Volumes {
		if v.Type == types.VolumeTypeBind && filepath.Clean(v.Source) == filepath.Join(dir, filepath.FromSlash(rel)) {
			return v.Target
		}
	}
	return ""
}

// Prometheus scrapes the worker and the API on the metrics listeners their environment opens,
// and those ports stay inside the compose network (metrics are served without a token).
func TestPrometheusScrapesTheMetricsListeners(t *testing.T) {
	dir := stage(t)
	p := load(t, dir)
	worker, api, prom := service(t, p, "worker"), service(t, p, "api"), service(t, p, "prometheus")
	workerPort := port(t, env(worker, "HANDOFF_WORKER_METRICS_LISTEN"))
	apiPort := port(t, env(api, "HANDOFF_API_METRICS_LISTEN"))

	var cfg struct {
		ScrapeConfigs []struct {
			JobName       string `yaml:"job_name"`
			StaticConfigs []struct {
				Targets []string `yaml:"targets"`
			} `yaml:"static_configs"`
			DNSSDConfigs []struct {
				Names []string `yaml:"names"`
				Port  int      `yaml:"port"`
			} `yaml:"dns_sd_configs"`
		} `yaml:"scrape_configs"`
	}
	if err := yaml.Unmarshal([]byte(read(t, "deploy/prometheus/prometheus.yml")), &cfg); err != nil {
		t.Fatalf("prometheus.yml: %v", err)
	}
	var targets []string
	for _, sc := range cfg.ScrapeConfigs {
		for _, st := range sc.StaticConfigs {
			targets = append(targets, st.Targets...)
		}
		for _, d := range sc.DNSSDConfigs {
			for _, n := range d.Names {
				targets = append(targets, n+":"+strconv.Itoa(d.Port))
			}
		}
	}
	for _, want := range []string{"worker:" + strconv.Itoa(workerPort), "api:" + strconv.Itoa(apiPort)} {
		if !slices.Contains(targets, want) {
			t.Errorf("prometheus.yml scrapes %v, not %s", targets, want)
		}
	}
	for _, s := range []types.ServiceConfig{worker, api} {
		for _, pc := range s.Ports {
			if pc.Target == uint32(workerPort) || pc.Target == uint32(apiPort) {
				t.Errorf("%s publishes its metrics port %d: metrics have no token, keep them on the compose network", s.Name, pc.Target)
			}
		}
	}
	cfgFile := ""
	for _, a := range prom.Command {
		if v, ok := strings.CutPrefix(a, "--config.file="); ok {
			cfgFile = v
		}
	}
	if got := mountTarget(prom, dir, "deploy/prometheus/prometheus.yml"); got == "" || got != cfgFile {
		t.Errorf("prometheus reads %q but deploy/prometheus/prometheus.yml is mounted at %q", cfgFile, got)
	}
}

// The workers post events to the API's ingest route, on the port the API listens on.
func TestEventStreamReachesTheAPI(t *testing.T) {
	p := load(t, stage(t))
	u, err := url.Parse(env(service(t, p, "worker"), "HANDOFF_EVENTS_STREAM_URL"))
	if err != nil {
		t.Fatal(err)
	}
	listen := service(t, p, "api").Command[len(service(t, p, "api").Command)-1]
	if u.Hostname() != "api" || u.Port() != strconv.Itoa(port(t, listen)) || u.Path != "/v1/events/ingest" {
		t.Errorf("HANDOFF_EVENTS_STREAM_URL %s, want http://api:%d/v1/events/ingest", u, port(t, listen))
	}
}

// Grafana gets its datasource and the dashboard from the repository; the dashboard parses, uses
// that datasource, and asks only for metrics the code exports, the application's main ones
// each at least once.
func TestGrafanaDashboard(t *testing.T) {
	dir := stage(t)
	p := load(t, dir)
	g := service(t, p, "grafana")
	if got := mountTarget(g, dir, "deploy/grafana/provisioning"); got != "/etc/grafana/provisioning" {
		t.Errorf("deploy/grafana/provisioning is mounted at %q, want /etc/grafana/provisioning", got)
	}
	pw := env(g, "GF_SECURITY_ADMIN_PASSWORD__FILE")
	if pw == "" || !slices.ContainsFunc(g.Secrets, func(s types.ServiceSecretConfig) bool { return s.Target == pw }) {
		t.Errorf("grafana's admin password %q is not a mounted secret", pw)
	}

	var ds struct {
		Datasources []struct {
			UID, Type, URL string
		} `yaml:"datasources"`
	}
	if err := yaml.Unmarshal([]byte(read(t, grafanaDatasource)), &ds); err != nil || len(ds.Datasources) != 1 {
		t.Fatalf("%s: %v (%d datasources)", grafanaDatasource, err, len(ds.Datasources))
	}
	if d := ds.Datasources[0]; d.Type != "prometheus" || d.URL != "http://prometheus:9090" {
		t.Errorf("datasource %+v, want prometheus at http://prometheus:9090", d)
	}
	var prov struct {
		Providers []struct {
			Options struct {
				Path string `yaml:"path"`
			} `yaml:"options"`
		} `yaml:"providers"`
	}
	if err := yaml.Unmarshal([]byte(read(t, grafanaProvider)), &prov); err != nil || len(prov.Providers) != 1 {
		t.Fatalf("%s: %v", grafanaProvider, err)
	}
	if got := mountTarget(g, dir, "deploy/grafana/dashboards"); got == "" || got != prov.Providers[0].Options.Path {
		t.Errorf("the dashboards provider reads %q but deploy/grafana/dashboards is mounted at %q", prov.Providers[0].Options.Path, got)
	}

	var dash struct {
		UID    string `json:"uid"`
		Panels []struct {
			Title      string `json:"title"`
			Type       string `json:"type"`
			Datasource *struct {
				UID string `json:"uid"`
			} `json:"datasource"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal([]byte(read(t, grafanaDashboard)), &dash); err != nil {
		t.Fatalf("%s does not parse: %v", grafanaDashboard, err)
	}
	known := exportedMetrics(t)
	used := map[string]bool{}
	name := regexp.MustCompile(`\b(handoff_[a-z_]+|temporal_[a-z_]+)\b`)
	for _, panel := range dash.Panels {
		if panel.Type == "row" {
			continue
		}
		if panel.Datasource == nil || panel.Datasource.UID != ds.Datasources[0].UID {
			t.Errorf("panel %q does not use the provisioned datasource %q", panel.Title, ds.Datasources[0].UID)
		}
		if len(panel.Targets) == 0 {
			t.Errorf("panel %q has no query", panel.Title)
		}
		for _, tg := range panel.Targets {
			for _, m := range name.FindAllString(tg.Expr, -1) {
				base := m
				for _, suffix := range []string{"_bucket", "_count", "_sum"} {
					base = strings.TrimSuffix(base, suffix)
				}
				if !known[m] && !known[base] {
					t.Errorf("panel %q asks for %s, which the code does not export (telemetry/names.go)", panel.Title, m)
				}
				used[base] = true
			}
		}
	}
	for _, m := range []string{"handoff_outcomes_total", "handoff_start_to_briefed_seconds", "handoff_start_to_accepted_seconds",
		"handoff_offers_total", "handoff_breaker_state", "handoff_context_preservation_score"} {
		if !used[m] {
			t.Errorf("the dashboard has no panel for %s", m)
		}
	}
}

// exportedMetrics reads the metric names telemetry/names.go lists (the integration test
// there checks them against a real /metrics).
func exportedMetrics(t *testing.T) map[string]bool {
	t.Helper()
	src := read(t, "telemetry/names.go")
	out := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s*"((?:handoff|temporal)_[a-z_]+)",`).FindAllStringSubmatch(src, -1) {
		out[m[1]] = true
	}
	if len(out) < 10 {
		t.Fatalf("telemetry/names.go lists %d metrics; the pattern no longer finds them", len(out))
	}
	return out
}
