// Package stack_test runs scripts/stack/stack.sh end to end (`make stack-test`): up, up again
// (nothing restarted), a handoff through one API read back through the other, its history
// and visibility rows in PostgreSQL, then down with nothing left running. It needs the
// binaries `make stack` builds, and runs only when HANDOFF_STACK_TEST is set.
package stack_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// Ports apart from make stack's defaults, so a stack left running does not meet this one.
var env = map[string]string{
	"STACK_PG_PORT": "25432", "STACK_TEMPORAL_PORT": "27733", "STACK_API_PORT": "28180",
	"STACK_AGENTS_PORT": "28190", "STACK_METRICS_PORT": "29560", "STACK_NAMESPACES": "default",
}

func TestStackUpAndDown(t *testing.T) {
	if os.Getenv("HANDOFF_STACK_TEST") == "" {
		t.Skip("starts PostgreSQL and the Temporal server for a minute or two: make stack-test")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []string{"temporal", "temporal-server", "temporal-sql-tool", "worker", "starter"} {
		if _, err := os.Stat(filepath.Join(root, "bin", b)); err != nil {
			t.Fatalf("bin/%s is missing: make stack-test builds it", b)
		}
	}
	// PostgreSQL runs as the postgres user when this is root: it must reach the folder.
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	stack := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("bash", append([]string{"scripts/stack/stack.sh"}, args...)...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "STACK_DIR="+dir)
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			logs, _ := filepath.Glob(filepath.Join(dir, "*.log"))
			for _, l := range logs {
				b, _ := os.ReadFile(l)
				t.Logf("%s:\n%s", filepath.Base(l), tail(string(b), 15))
			}
			t.Fatalf("stack.sh %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	t.Cleanup(func() {
		if t.Failed() {
			stack("down")
		}
	})

	began := time.Now()
	out := stack("up")
	t.Logf("up in %s:\n%s", time.Since(began).Round(time.Second), out)
	pids := readPids(t, dir)
	if len(pids) != 6 {
		t.Fatalf("pid files %v, want temporal, agents, two workers and two APIs", pids)
	}
	if n := strings.Count(out, " runs "); n != 7 {
		t.Errorf("status shows %d components running, want 7:\n%s", n, out)
	}

	// Again: everything is found running, nothing is started twice.
	out = stack("up")
	if strings.Contains(out, "starting") {
		t.Errorf("a second up started something:\n%s", out)
	}
	if again := readPids(t, dir); fmt.Sprint(again) != fmt.Sprint(pids) {
		t.Errorf("pids changed on a second up: %v, then %v", pids, again)
	}

	// A handoff started through the second API and read through the first: both reach the
	// one server, and the workers run it.
	tokens := readTokens(t, filepath.Join(dir, "secrets", "tokens.txt"))
	sample, err := os.ReadFile(filepath.Join(root, "samples", "lead-qualified.json"))
	if err != nil {
		t.Fatal(err)
	}
	var in map[string]any
	if err := json.Unmarshal(sample, &in); err != nil {
		t.Fatal(err)
	}
	conv := fmt.Sprintf("stack-test-%d", time.Now().UnixNano())
	in["conversation_id"] = conv
	body, _ := json.Marshal(in)
	api1, api2 := "http://127.0.0.1:28180", "http://127.0.0.1:28181"
	if code, resp := do(t, "POST", api2+"/v1/handoffs", tokens["lead_bot"], body); code != 201 {
		t.Fatalf("start through api-2: %d %s", code, resp)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		code, resp := do(t, "GET", api1+"/v1/handoffs/"+conv, tokens["lead_bot"], nil)
		var st struct{ Phase, Owner string }
		_ = json.Unmarshal(resp, &st)
		if code == 200 && st.Owner == "jorge_buyer_bot" {
			t.Logf("handoff %s: phase %s, owner %s", conv, st.Phase, st.Owner)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("handoff %s not with jorge_buyer_bot after 2 min: %d %s", conv, code, resp)
		}
		time.Sleep(250 * time.Millisecond)
	}

	// Its history is in PostgreSQL's default store, and SQL visibility has its search
	// attributes.
	pw, err := os.ReadFile(filepath.Join(dir, "secrets", "postgres-password"))
	if err != nil {
		t.Fatal(err)
	}
	url := func(db string) string {
		return fmt.Sprintf("postgres://temporal:%s@127.0.0.1:25432/%s?sslmode=disable", strings.TrimSpace(string(pw)), db)
	}
	wfID := "handoff-" + conv
	if n := count(t, url("temporal"), "SELECT count(*) FROM current_executions WHERE workflow_id = $1", wfID); n != 1 {
		t.Errorf("current_executions rows for %s: %d, want 1", wfID, n)
	}
	if n := count(t, url("temporal_visibility"), "SELECT count(*) FROM executions_visibility WHERE workflow_id = $1", wfID); n != 1 {
		t.Errorf("executions_visibility rows for %s: %d, want 1", wfID, n)
	}
	// SQL visibility stores custom attributes under its own column names (Keyword01...):
	// the server answers a query by the handoff's names.
	query := fmt.Sprintf("HandoffSource = 'lead_bot' AND HandoffTarget = 'jorge_buyer_bot' AND WorkflowId = '%s'", wfID)
	cmd := exec.Command(filepath.Join(root, "bin", "temporal"), "workflow", "count", "--address", "127.0.0.1:27733", "--query", query, "-o", "json")
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), `"count": "1"`) {
		t.Errorf("workflow count --query %q: %v\n%s", query, err, out)
	}

	stack("down")
	if left := readPids(t, dir); len(left) != 0 {
		t.Errorf("pid files left after down: %v", left)
	}
	for name, pid := range pids {
		if err := exec.Command("kill", "-0", pid).Run(); err == nil {
			t.Errorf("%s (pid %s) still runs after down", name, pid)
		}
	}
	for _, port := range []string{"25432", "27733", "28180", "28181", "28190"} {
		if c, err := net.DialTimeout("tcp", "127.0.0.1:"+port, time.Second); err == nil {
			c.Close()
			t.Errorf("127.0.0.1:%s still answers after down", port)
		}
	}
}

func readPids(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.pid"))
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".pid")] = strings.TrimSpace(string(b))
	}
	return out
}

// readTokens reads the table `starter token init` prints: name, role, agent, token.
func readTokens(t *testing.T, file string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 4 {
			out[f[0]] = f[3]
		}
	}
	if out["lead_bot"] == "" {
		t.Fatalf("no token for lead_bot in %s", file)
	}
	return out
}

func do(t *testing.T, method, url, token string, body []byte) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	c := http.Client{Timeout: 10 * time.Second}
	resp, err := c.Do(req)
	if err != nil {
		return 0, []byte(err.Error())
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	return resp.StatusCode, buf.Bytes()
}

func count(t *testing.T, url, query string, args ...any) int {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var n int
	if err := db.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
