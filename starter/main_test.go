package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/starter/service"
	"github.com/handoffhq/orchestrator/starter/tokens"
)

type result struct {
	code           int
	stdout, stderr string
}

func cli(stdin string, args ...string) result {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

func (r result) check(t *testing.T, code int, stderrHas string) {
	t.Helper()
	if r.code != code || !strings.Contains(r.stderr, stderrHas) {
		t.Fatalf("exit %d (want %d), stderr %q (want %q), stdout %q", r.code, code, r.stderr, stderrHas, r.stdout)
	}
}

const buyer = `{"conversation_id":"c-cli","source_agent":"lead_bot","signals":{"lead_score":9,"intent_category":"immediate_buyer","pre_approval_confirmed":true,"property_criteria_defined":true},"messages":[{"role":"customer","text":"ready to buy"}]}`

func TestCLIMistakes(t *testing.T) {
	e := testenv.NewConfig(t, "", testenv.Options{})
	c := "--config=" + e.Cfg.File
	cli("").check(t, 2, "Usage: starter")
	cli("", "launch").check(t, 2, `unknown command "launch"`)
	cli("", c, "start", "--bogus").check(t, 2, "unknown flag: --bogus")
	cli(`{"source_agent":"lead_bot"}`, c, "start").check(t, 2, "starter start: conversation_id: is required")
	cli(`{"conversation_id":"c-1","source_agent":"ghost"}`, c, "start", "-").check(t, 2, `source_agent: unknown agent "ghost"`)
	cli(`{"conversation_id":"c-1","source_agnt":"x"}`, c, "decide").check(t, 2, "source_agnt: is not a known field")
	missing := filepath.Join(t.TempDir(), "nope.json")
	cli("", c, "start", missing).check(t, 2, "no such file")
	cli("", c, "accept", "--conversation", "c-1").check(t, 2, "agent_id: is required")
	cli("", c, "accept", "--conversation", "c-1", "--agent", "ghost").check(t, 2, `agent_id: unknown agent "ghost"`)
	cli("", c, "status").check(t, 2, "conversation_id: is required")
	cli("", c, "cancel", "--conversation", "a@b.com").check(t, 2, "conversation_id: must be an opaque ID")
	cli("", c, "confirm", "--conversation", "c-1", "--yes", "--no").check(t, 2, "exactly one of --yes or --no")
	cli("", c, "events", "--conversation", "c-1", "--type", "shout").check(t, 2, `type: "shout" is not one of`)
	cli(`{"type":"sentiment","sentiment":2}`, c, "events", "--conversation", "c-1", "-").check(t, 2, "sentiment: must be between -1 and 1")
	cli("{}", c, "events", "--conversation", "c-1", "--type", "turn_complete", "-").check(t, 2, "not both")
	cli("", c, "token", "rotate").check(t, 2, `unknown token subcommand "rotate"`)
	if r := cli("", "token", "--help"); r.code != 0 || !strings.Contains(r.stdout, "starter token init") {
		t.Fatalf("token --help: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	cli("", c, "token", "new", "--name", "x", "--role", "human", "--agent", "lead_bot").check(t, 2, "human tokens act for humans")
	cli("", "devagents", "--slow", "maria").check(t, 2, "want AGENT=DURATION")
}

func TestCLIDecidePrintsTheDecision(t *testing.T) {
	e := testenv.NewConfig(t, "", testenv.Options{})
	r := cli(buyer, "decide", "--config", e.Cfg.File)
	r.check(t, 0, "")
	var d handoff.Decision
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	if !d.Handoff || d.Target != "jorge_buyer_bot" || d.Settings.OfferTimeout != e.Cfg.Handoff.OfferTimeout {
		t.Fatalf("decision %+v", d)
	}
	if !strings.Contains(r.stdout, ">= 8.0") {
		t.Errorf("conditions are HTML-escaped: %s", r.stdout)
	}
}

func TestCLITokens(t *testing.T) {
	e := testenv.NewConfig(t, "", testenv.Options{})
	c := "--config=" + e.Cfg.File
	path := filepath.Join(t.TempDir(), "dev", "tokens.yaml")
	r := cli("", c, "token", "init", "--file", path)
	r.check(t, 0, "Wrote "+path)
	if got := strings.Count(r.stdout, "\n"); got != len(e.Cfg.Agents)+3 {
		t.Fatalf("want a header and %d tokens:\n%s", len(e.Cfg.Agents)+2, r.stdout)
	}
	if !strings.Contains(r.stdout, "maria") || !strings.Contains(r.stdout, "operator") || !strings.Contains(r.stdout, "codec") {
		t.Fatalf("tokens listing: %s", r.stdout)
	}
	before, _ := os.ReadFile(path)
	cli("", c, "token", "init", "--file", path).check(t, 0, "has a token for every agent")
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("token init rewrote a complete file")
	}

	// Switching to the agent league: init adds tokens for its agents only, keeping every
	// token already made (their secrets were shown once).
	league := filepath.Join(testenv.ModuleRoot(t), "config", "examples", "agent-league.yaml")
	r = cli("", "--config="+league, "token", "init", "--file", path)
	r.check(t, 0, "Added to "+path)
	if strings.Contains(r.stdout, "maria") || !strings.Contains(r.stdout, "branding-agent") || strings.Contains(r.stdout, "operator") {
		t.Fatalf("league tokens listing: %s", r.stdout)
	}
	after, err := tokens.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(before), "name: maria") || !slices.ContainsFunc(after.Tokens, func(tk config.Token) bool { return tk.Name == "maria" }) {
		t.Fatal("an earlier token was lost")
	}

	r = cli("", c, "token", "new", "--name", "crm", "--role", "bot", "--agent", "lead_bot")
	r.check(t, 0, "shown only this once")
	secret := strings.TrimPrefix(strings.SplitN(r.stdout, "\n", 2)[0], "token: ")
	if !strings.Contains(r.stdout, "sha256: "+tokens.Hash(secret)) || !strings.Contains(r.stdout, "  - name: crm") {
		t.Fatalf("token new output: %s", r.stdout)
	}
}

func TestCLIServeNeedsItsTokensFile(t *testing.T) {
	e := testenv.NewConfig(t, "", testenv.Options{})
	if err := os.Remove(e.Cfg.API.TokensFile); err != nil {
		t.Fatal(err)
	}
	cli("", "serve", "--config", e.Cfg.File, "--listen", "127.0.0.1:0").check(t, 1, "does not exist: create it with `starter token init")
}

// TestServeDrainsOnSIGTERM: a request in flight when SIGTERM arrives still gets its answer.
func TestServeDrainsOnSIGTERM(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			close(started)
			time.Sleep(300 * time.Millisecond)
		}
		_, _ = io.WriteString(w, "done")
	})
	done := make(chan error, 1)
	go func() { done <- serveUntilSignal(ln, h, slog.New(slog.NewJSONHandler(io.Discard, nil))) }()
	url := "http://" + ln.Addr().String()
	// Once a request is answered the signal handler is in place (it is set before Serve).
	if resp, err := http.Get(url + "/"); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
	}
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get(url + "/slow")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	<-started
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if body := <-got; body != "done" {
		t.Fatalf("in-flight request got %q", body)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server did not stop")
	}
}

// TestCLIAgainstTemporal drives a handoff with the CLI alone against the dev server.
func TestCLIAgainstTemporal(t *testing.T) {
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s"}})
	c := "--config=" + e.Cfg.File
	seller := `{"conversation_id":"c-cli-h","source_agent":"jorge_seller_bot","signals":{"emotional_distress":true},"messages":[{"role":"customer","text":"I need to sell after the divorce"}]}`
	file := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(file, []byte(seller), 0o600); err != nil {
		t.Fatal(err)
	}
	r := cli("", c, "start", file)
	r.check(t, 0, "")
	var res service.StartResult
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || res.WorkflowID != "handoff-c-cli-h" || res.Existing {
		t.Fatalf("start: %s %v", r.stdout, err)
	}
	e.WaitFor(t, "c-cli-h", 20*time.Second, "offer to maria", func(s handoff.State) bool {
		return s.CurrentOffer != nil && s.CurrentOffer.Agent == "maria"
	})
	cli("", c, "accept", "--conversation", "c-cli-h", "--agent", "james").check(t, 4, "agent james has no open offer for conversation c-cli-h")
	cli("", c, "events", "--conversation", "c-cli-h", "--type", "customer_message", "--text", "hello?").check(t, 0, "")
	r = cli("", c, "accept", "--conversation", "c-cli-h", "--agent", "maria")
	r.check(t, 0, "")
	if !strings.Contains(r.stdout, `"result": "accepted"`) {
		t.Fatalf("accept printed %s", r.stdout)
	}
	r = cli("", c, "status", "--conversation", "c-cli-h")
	r.check(t, 0, "")
	if !strings.Contains(r.stdout, `"conversation_id": "c-cli-h"`) {
		t.Fatalf("status: %s", r.stdout)
	}
	cli("", c, "status", "--conversation", "c-none").check(t, 3, "no running handoff for conversation c-none")
	cli("", c, "cancel", "--conversation", "c-none").check(t, 3, "no running handoff for conversation c-none")

	// --wait prints the final state.
	r = cli(buyer, c, "start", "--wait")
	r.check(t, 0, "")
	var st handoff.State
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil || st.Outcome != handoff.OutcomeCompleted {
		t.Fatalf("start --wait: %s %v", r.stdout, err)
	}
}

// A CLI run from the checkout `make run` uses takes the running stack's config from
// data/run.env, and refuses another one rather than validate against the wrong roster.
func TestCLIFollowsTheRunningStack(t *testing.T) {
	root := testenv.ModuleRoot(t)
	league := filepath.Join(root, "config", "examples", "agent-league.yaml")
	realEstate := filepath.Join(root, "config", "examples", "real-estate.yaml")
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o700); err != nil {
		t.Fatal(err)
	}
	runEnv := "# written by make run\nHANDOFF_CONFIG=" + league + "\nTEMPORAL_ADDRESS=127.0.0.1:7233\n"
	if err := os.WriteFile(filepath.Join(dir, "data", "run.env"), []byte(runEnv), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("HANDOFF_CONFIG", "")
	t.Setenv("TEMPORAL_ADDRESS", "")
	t.Setenv("HANDOFF_CODEC_KEYS_FILE", "")

	// lead_bot is on both rosters; only the league sends this message to the social bot.
	const post = `{"conversation_id":"c-run","source_agent":"branding-agent","messages":[{"role":"customer","text":"now post it on social"}]}`
	r := cli(post, "decide")
	r.check(t, 0, "")
	if !strings.Contains(r.stdout, `"target": "social-bot-agent"`) {
		t.Fatalf("decide did not use the running league config: %s", r.stdout)
	}
	cli(post, "--config", realEstate, "decide").check(t, 2, "the stack `make run` started uses "+league)
	t.Setenv("HANDOFF_CONFIG", realEstate)
	cli(post, "decide").check(t, 2, "make run CONFIG="+realEstate)
	// Another Temporal is another deployment: the running stack's file does not apply.
	t.Setenv("TEMPORAL_ADDRESS", "temporal.example:7233")
	cli(post, "decide").check(t, 2, `source_agent: unknown agent "branding-agent"`)
}
