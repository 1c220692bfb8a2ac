// Package nodeclient_test runs the Node.js client (start-handoff.mjs, the Temporal TypeScript
// SDK with the API's remote codec) against the real dev server, worker and API, to show that
// a client in another language starts handoffs the workers accept, with the customer's
// details encrypted in the server's database.
package nodeclient_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/codec"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/sdk/client"
)

const script = "start-handoff.mjs"

// within bounds each of the test's own waits; the script waits at most scriptWait seconds for
// the offer, and gets nodeLimit to finish.
const (
	within     = 30 * time.Second
	scriptWait = "45"
	nodeLimit  = 90 * time.Second
)

func TestIntegrationNodeClient(t *testing.T) {
	node := requireNode(t)
	// A long offer timeout keeps the first offer open while the test looks at it.
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s"}})
	sample := testenv.Sample(t, "seller-distress.json")

	t.Run("codec token", func(t *testing.T) {
		conv := "conv-node-1"
		out, errOut, err := runScript(t, node, conv, map[string]string{
			"TEMPORAL_ADDRESS":    e.Temporal.HostPort,
			"HANDOFF_API_URL":     e.API.URL,
			"HANDOFF_CODEC_TOKEN": e.Secrets["codec"],
		})
		if err != nil {
			t.Fatalf("node %s: %v\nstderr:\n%s\nstdout:\n%s", script, err, errOut, out)
		}
		t.Logf("stderr: %s", errOut)

		// What it printed is the state, decrypted through the codec endpoint (decode).
		var printed handoff.State
		if err := json.Unmarshal(out, &printed); err != nil {
			t.Fatalf("stdout is not the state as JSON: %v\n%s", err, out)
		}
		if printed.ConversationID != conv || printed.Phase != handoff.PhaseAwaitingAcceptance || printed.CurrentOffer == nil {
			t.Fatalf("printed state: conversation %q phase %q offer %v, want %s awaiting acceptance with an offer",
				printed.ConversationID, printed.Phase, printed.CurrentOffer, conv)
		}

		// The worker took the input (a clear one would have failed the run) and made progress.
		st := e.WaitFor(t, conv, within, "an open offer", func(s handoff.State) bool {
			return s.Phase == handoff.PhaseAwaitingAcceptance && s.CurrentOffer != nil
		})
		agent := st.CurrentOffer.Agent
		if agent != printed.CurrentOffer.Agent || (agent != "maria" && agent != "james") {
			t.Fatalf("offer to %q (the script printed %q), want maria or james", agent, printed.CurrentOffer.Agent)
		}
		if st.SourceAgent != sample.SourceAgent {
			t.Errorf("source agent %q, want %q from the sample", st.SourceAgent, sample.SourceAgent)
		}
		waitForDelivery(t, e, agent, handoff.DeliveryOffer)

		// As the server stores it, read without the codec: the input is ciphertext.
		ev := startedEvent(t, e.PlainClient(t), handoff.WorkflowID(conv))
		started := ev.GetWorkflowExecutionStartedEventAttributes()
		payloads := started.GetInput().GetPayloads()
		if len(payloads) != 1 {
			t.Fatalf("start input has %d payloads, want 1", len(payloads))
		}
		wantEncrypted(t, "start input", payloads[0], sample.Customer.Name, sample.Customer.Email)
		if s := ev.GetUserMetadata().GetSummary(); s == nil {
			t.Error("no static summary stored: the script sets one")
		} else {
			wantEncrypted(t, "static summary", s)
		}
		if started.GetTaskQueue().GetName() != handoff.TaskQueue || started.GetWorkflowType().GetName() != handoff.WorkflowName {
			t.Errorf("started %q on task queue %q, want %q on %q", started.GetWorkflowType().GetName(),
				started.GetTaskQueue().GetName(), handoff.WorkflowName, handoff.TaskQueue)
		}
	})

	t.Run("operator token refused", func(t *testing.T) {
		conv := "conv-node-operator"
		// The token from a file this time, the other way the script takes it.
		tokenFile := filepath.Join(t.TempDir(), "token")
		if err := os.WriteFile(tokenFile, []byte(e.Secrets["operator"]+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		out, errOut, err := runScript(t, node, conv, map[string]string{
			"TEMPORAL_ADDRESS":         e.Temporal.HostPort,
			"HANDOFF_API_URL":          e.API.URL,
			"HANDOFF_CODEC_TOKEN_FILE": tokenFile,
		})
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Fatalf("node %s with an operator token: %v, want exit status 1\nstderr:\n%s\nstdout:\n%s", script, err, errOut, out)
		}
		var lacks []string
		for _, want := range []string{"codec encode", "403", "may not encode payloads", "role codec", "starter token new"} {
			if !bytes.Contains(errOut, []byte(want)) {
				lacks = append(lacks, want)
			}
		}
		if len(lacks) > 0 {
			t.Errorf("stderr lacks %q; it says:\n%s", lacks, errOut)
		}
		if len(out) != 0 {
			t.Errorf("stdout %q, want nothing", out)
		}
		if e.Exists(t, conv) {
			t.Error("a handoff was started although its input could not be encrypted")
		}
	})
}

// requireNode finds node and the client's installed dependencies. Without them the test is
// skipped with the reason, unless HANDOFF_REQUIRE_NODE is set (make test and CI set it).
func requireNode(t *testing.T) string {
	t.Helper()
	missing := func(reason string) {
		t.Helper()
		if os.Getenv("HANDOFF_REQUIRE_NODE") != "" {
			t.Fatal("the Node.js client test needs " + reason)
		}
		t.Skip("skipping the Node.js client test: it needs " + reason)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing(fmt.Sprintf("Node.js 20 or later (%v)", err))
	}
	if _, err := os.Stat(filepath.Join("node_modules", "@temporalio", "client", "package.json")); err != nil {
		missing(fmt.Sprintf("the client's dependencies, not installed (%v): run `npm ci --prefix clients/node` at the repository root", err))
	}
	return node
}

// runScript runs the client for conv with only the given environment (and PATH, HOME), so
// settings of the machine running the tests do not leak in.
func runScript(t *testing.T, node, conv string, env map[string]string) (stdout, stderr []byte, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), nodeLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, script, conv)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"), "HANDOFF_WAIT_SECONDS=" + scriptWait}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("node %s did not finish within %s\nstderr:\n%s", script, nodeLimit, e.Bytes())
	}
	return o.Bytes(), e.Bytes(), err
}

func waitForDelivery(t *testing.T, e *testenv.Env, agent string, typ handoff.DeliveryType) {
	t.Helper()
	deadline := time.Now().Add(within)
	var got []handoff.DeliveryType
	for time.Now().Before(deadline) {
		got = got[:0]
		for _, r := range e.Agents.Deliveries(agent) {
			got = append(got, r.Delivery.Type)
		}
		if slices.Contains(got, typ) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s got no %s delivery within %s (got %v)", agent, typ, within, got)
}

// startedEvent is the first event of the run's history: WorkflowExecutionStarted.
func startedEvent(t *testing.T, cl client.Client, wfID string) *historypb.HistoryEvent {
	t.Helper()
	it := cl.GetWorkflowHistory(t.Context(), wfID, "", false, enums.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	if !it.HasNext() {
		t.Fatalf("%s has no history", wfID)
	}
	ev, err := it.Next()
	if err != nil {
		t.Fatal(err)
	}
	if ev.GetWorkflowExecutionStartedEventAttributes() == nil {
		t.Fatalf("%s: first event is %s, want WorkflowExecutionStarted", wfID, ev.GetEventType())
	}
	return ev
}

func wantEncrypted(t *testing.T, what string, p *commonpb.Payload, clear ...string) {
	t.Helper()
	if got := string(p.GetMetadata()[codec.MetadataEncoding]); got != codec.EncodingEncrypted {
		t.Errorf("%s: encoding %q, want %q", what, got, codec.EncodingEncrypted)
	}
	for _, s := range clear {
		if s == "" {
			t.Fatalf("%s: empty needle: the sample lacks a customer detail to look for", what)
		}
		if bytes.Contains(p.GetData(), []byte(s)) {
			t.Errorf("%s holds %q in clear", what, s)
		}
	}
}
