package httpapi_test

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/codec"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/devserver"
	"github.com/handoffhq/orchestrator/internal/testenv"
	"github.com/handoffhq/orchestrator/workflows"
	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/api/enums/v1"
	failurepb "go.temporal.io/api/failure/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/api/proxy"
	querypb "go.temporal.io/api/query/v1"
	sdkpb "go.temporal.io/api/sdk/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	"google.golang.org/protobuf/proto"
)

// TestIntegrationNoPIIStoredOrLogged runs the seller-in-distress sample to a human's
// acceptance and completion with encryption on, then looks for the sample customer's name,
// phone and email, in clear, everywhere outside our processes' memory: the search attributes
// and everything else DescribeWorkflowExecution returns, the raw history as the server stores
// it (read by a client without the codec), the current-details and state queries, and every
// log line the API, the worker, its activities and the Temporal client wrote.
func TestIntegrationNoPIIStoredOrLogged(t *testing.T) {
	logs := &testenv.SyncBuffer{}
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "30s"}, Logs: logs})
	in := testenv.Sample(t, "seller-distress.json")
	needles := piiNeedles(in.Customer)
	conv, wfID := in.ConversationID, handoff.WorkflowID(in.ConversationID)

	// The source bot's webhook is down while the customer is prepared: the failed activity
	// puts a failure (error text included) into the history and a warning into the logs.
	e.Agents.SetFail(in.SourceAgent, true)
	if status, body := e.Do(t, "POST", "/v1/handoffs", in.SourceAgent, in); status != 201 {
		t.Fatalf("start: %d %s", status, body)
	}
	st := e.WaitFor(t, conv, within, "an offer to a person", func(s handoff.State) bool {
		return s.Phase == handoff.PhaseAwaitingAcceptance && s.CurrentOffer != nil
	})
	e.Agents.SetFail(in.SourceAgent, false)
	agent := st.CurrentOffer.Agent
	if status, body := e.Do(t, "POST", "/v1/handoffs/"+conv+"/accept", agent, nil); status != 200 {
		t.Fatalf("accept by %s: %d %s", agent, status, body)
	}
	if status, body := e.Do(t, "POST", "/v1/handoffs/"+conv+"/events", agent, `{"type":"sentiment","sentiment":0.4}`); status != 202 {
		t.Fatalf("event: %d %s", status, body)
	}
	if st = e.WaitFor(t, conv, within, "closed", closed); st.Outcome != handoff.OutcomeCompleted {
		t.Fatalf("outcome %q (%s), want completed", st.Outcome, st.OutcomeReason)
	}

	ctx := context.Background()
	plain := e.PlainClient(t)

	// (a) and (b): search attributes, memo, summary, workflow ID and the raw history of the
	// handoff, and of every other workflow the run left on the server (a human agent's own
	// workflow holds the offers with their briefs).
	hist, failures := scanStored(t, plain, wfID, "", needles)
	if failures == 0 {
		t.Error("no failure in the history: the failed preparation should have left one to check")
	}
	desc, err := plain.DescribeWorkflowExecution(ctx, wfID, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(desc.GetWorkflowExecutionInfo().GetSearchAttributes().GetIndexedFields()) == 0 || desc.GetExecutionConfig().GetUserMetadata().GetSummary() == nil {
		t.Fatal("no search attributes or no summary: the scan saw nothing")
	}
	list, err := plain.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Namespace: e.Cfg.Temporal.Namespace})
	if err != nil {
		t.Fatal(err)
	}
	var others []string
	for _, x := range list.GetExecutions() {
		if id := x.GetExecution().GetWorkflowId(); id != wfID {
			scanStored(t, plain, id, x.GetExecution().GetRunId(), needles)
			others = append(others, id)
		}
	}
	t.Logf("also scanned %d other workflows: %v", len(others), others)

	// Decrypted (as histories recorded for the replay test must be), a plain replayer without
	// the key replays it.
	if err := devserver.DecryptPayloads(hist); err != nil {
		t.Fatalf("decrypt history: %v", err)
	}
	replayer := worker.NewWorkflowReplayer()
	replayer.RegisterWorkflowWithOptions(workflows.Handoff, workflow.RegisterOptions{Name: handoff.WorkflowName})
	if err := replayer.ReplayWorkflowHistory(nil, hist); err != nil {
		t.Fatalf("replay the decrypted history: %v", err)
	}

	// Current details and the state query answer encrypted too (they are not in history).
	for _, q := range []string{"__temporal_workflow_metadata", handoff.QueryState} {
		resp, err := plain.WorkflowService().QueryWorkflow(ctx, &workflowservice.QueryWorkflowRequest{
			Namespace: e.Cfg.Temporal.Namespace,
			Execution: &commonpb.WorkflowExecution{WorkflowId: wfID},
			Query:     &querypb.WorkflowQuery{QueryType: q},
		})
		if err != nil {
			t.Fatalf("query %s: %v", q, err)
		}
		scanProto(t, "query "+q, resp, needles)
		for _, p := range resp.GetQueryResult().GetPayloads() {
			wantEncrypted(t, "query "+q, p)
		}
	}
	// Decrypted, the summary and the details shown in the Web UI hold IDs only, by design.
	d, err := e.Client.DescribeWorkflow(ctx, wfID, "")
	if err != nil {
		t.Fatal(err)
	}
	summary, err := d.GetStaticSummary()
	if err != nil || summary == "" {
		t.Fatalf("static summary %q: %v", summary, err)
	}
	scan(t, "decrypted static summary", []byte(summary), needles)
	v, err := e.Client.QueryWorkflow(ctx, wfID, "", "__temporal_workflow_metadata")
	if err != nil {
		t.Fatal(err)
	}
	var md sdkpb.WorkflowMetadata
	if err := v.Get(&md); err != nil || md.GetCurrentDetails() == "" {
		t.Fatalf("current details %q: %v", md.GetCurrentDetails(), err)
	}
	scan(t, "decrypted current details", []byte(md.GetCurrentDetails()), needles)

	// (c) Every log line of the run, as the binaries' redacting handler writes them.
	out := logs.Bytes()
	for _, want := range []string{`"msg":"request"`, `"msg":"delivered"`, "customer preparation failed"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("logs lack %s: the scan would not see the API, the activities or the workflow", want)
		}
	}
	scan(t, "logs", out, needles)
}

// scanStored checks one workflow run as the server stores it: no needle in what describe
// returns (search attributes, memo, summary, IDs) or in the raw history; every payload but
// search attributes sealed with the test key; failure messages moved into encrypted
// attributes. It returns the raw history and the number of failures in it.
func scanStored(t *testing.T, plain client.Client, wfID, runID string, needles []string) (*historypb.History, int) {
	t.Helper()
	ctx := context.Background()
	desc, err := plain.DescribeWorkflowExecution(ctx, wfID, runID)
	if err != nil {
		t.Fatal(err)
	}
	scanProto(t, "describe "+wfID, desc, needles)
	for name, p := range desc.GetWorkflowExecutionInfo().GetMemo().GetFields() {
		wantEncrypted(t, wfID+" memo "+name, p)
	}
	if p := desc.GetExecutionConfig().GetUserMetadata().GetSummary(); p != nil {
		wantEncrypted(t, wfID+" static summary", p)
	}
	hist := rawHistory(t, plain, wfID, runID)
	scanProto(t, "history of "+wfID, hist, needles)
	sealed, failures := 0, 0
	err = proxy.VisitPayloads(ctx, hist, proxy.VisitPayloadsOptions{
		SkipSearchAttributes: true,
		Visitor: func(vc *proxy.VisitPayloadsContext, ps []*commonpb.Payload) ([]*commonpb.Payload, error) {
			for _, p := range ps {
				wantEncrypted(t, wfID+" history payload in "+string(proto.MessageName(vc.Parent)), p)
				sealed++
			}
			return ps, nil
		},
	})
	if err != nil || sealed == 0 {
		t.Fatalf("%s: visit payloads: %v (%d payloads)", wfID, err, sealed)
	}
	err = proxy.VisitFailures(ctx, hist, proxy.VisitFailuresOptions{Visitor: func(vc *proxy.VisitFailuresContext, f *failurepb.Failure) error {
		failures++
		// The SDK records a local activity's failure in its marker without the failure
		// converter: its message stays readable. The fast bot path's messages name an agent
		// and a status; scanProto above has already checked that no customer detail is in
		// them, or anywhere else in the history.
		if _, local := vc.Parent.(*historypb.MarkerRecordedEventAttributes); local {
			return nil
		}
		if f.GetMessage() != "Encoded failure" || f.GetStackTrace() != "" {
			t.Errorf("%s: failure stored with message %q and stack trace %q in clear", wfID, f.GetMessage(), f.GetStackTrace())
		}
		wantEncrypted(t, wfID+" failure attributes", f.GetEncodedAttributes())
		return nil
	}})
	if err != nil {
		t.Fatalf("%s: visit failures: %v", wfID, err)
	}
	return hist, failures
}

// piiNeedles are the customer's details in the forms they could leak in.
func piiNeedles(c handoff.Customer) []string {
	digits := regexp.MustCompile(`\D`).ReplaceAllString(c.Phone, "")
	needles := []string{c.Name, c.Phone, c.Email, digits, strings.SplitN(c.Email, "@", 2)[0]}
	if len(digits) > 10 {
		needles = append(needles, digits[len(digits)-10:]) // without the country code
	}
	return append(needles, strings.Fields(c.Name)...)
}

// scan fails for each needle found in blob, case-insensitively. Blobs are binary protobuf or
// log text: strings in clear appear there verbatim (JSON would base64 them).
func scan(t *testing.T, where string, blob []byte, needles []string) {
	t.Helper()
	if len(blob) == 0 {
		t.Errorf("%s: nothing to scan", where)
	}
	lower := bytes.ToLower(blob)
	for _, n := range needles {
		if k := bytes.Index(lower, []byte(strings.ToLower(n))); k >= 0 {
			from, to := max(0, k-80), min(len(blob), k+len(n)+80)
			t.Errorf("%s holds %q in clear: ...%q...", where, n, blob[from:to])
		}
	}
}

func scanProto(t *testing.T, where string, m proto.Message, needles []string) {
	t.Helper()
	b, err := proto.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	scan(t, where, b, needles)
}

func wantEncrypted(t *testing.T, what string, p *commonpb.Payload) {
	t.Helper()
	if !codec.IsEncrypted(p) || string(p.GetMetadata()[codec.MetadataKeyID]) != devserver.TestKeyID {
		t.Errorf("%s is not encrypted with key %q: metadata %v", what, devserver.TestKeyID, p.GetMetadata())
	}
}

func rawHistory(t *testing.T, cl client.Client, wfID, runID string) *historypb.History {
	t.Helper()
	it := cl.GetWorkflowHistory(context.Background(), wfID, runID, false, enums.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	hist := &historypb.History{}
	for it.HasNext() {
		ev, err := it.Next()
		if err != nil {
			t.Fatal(err)
		}
		hist.Events = append(hist.Events, ev)
	}
	return hist
}
