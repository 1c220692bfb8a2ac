package workflows

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/events"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/stretchr/testify/mock"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// These unit tests run the workflow in the SDK's time-skipping environment: five-minute
// windows and offer timeouts take milliseconds. The pure decision steps are tested in the
// decision package and the I/O steps in activities against httptest servers, so here every
// activity is replaced by a recording stand-in whose answers each test chooses.

type harness struct {
	t   *testing.T
	env *testsuite.TestWorkflowEnvironment

	mu         sync.Mutex
	deliveries []activities.DeliveryInput
	record     *activities.OutcomeRecord
	// unavailable agents answer the availability check with "not available".
	unavailable map[string]string
	// rankNotes are what ranking notes of available agents (a calendar it could not read);
	// callbackNotes what the callback plan notes.
	rankNotes     map[string]string
	callbackNotes []string
	// failBriefing agents refuse delivery permanently.
	failBriefing map[string]bool
	// useDecoder makes trigger analysis ask for the external decoder; decoderErr makes it fail.
	useDecoder bool
	decoderErr error
	// routedWith is the analyzer whose analysis reached target selection.
	routedWith string
	// refuse makes Reserve refuse an agent with the reason (at capacity, not online).
	refuse map[string]string
	// recordFailsLocally makes every local attempt to record the outcome fail.
	recordFailsLocally bool
	// reserveCall is Reserve's mock: After makes reservations take time on the test clock.
	reserveCall *testsuite.MockCallWrapper
	// refuseAssign makes Assign refuse an agent with the reason (the reservation is gone).
	refuseAssign map[string]string
	// rankErr makes ranking fail for steps holding these agents (their state unreadable).
	rankErr map[string]bool
	// ops records entity operations as "op:agent" (reserve, assign, release, away).
	ops []string
	// history is what earlier handoffs of the conversation did; exclusions seen by ranking.
	history  activities.ConversationHistory
	excluded []string
	// supervisors is the plan the ping-pong guard switches to.
	supervisors []activities.Step
	// templates are the context templates selection captures, by agent.
	templates map[string]handoff.Template
	// flaky agents fail this many deliveries with a retryable error first.
	flaky map[string]int
	// failConfirm makes these targets' transfer confirmation fail permanently.
	failConfirm map[string]bool
	// failing agents answer every delivery with a retryable 503, until it is taken off;
	// failType agents only deliveries of that type.
	failing  map[string]bool
	failType map[string]handoff.DeliveryType
	// consultation is what selection returns for a consult decision (consultation_test.go).
	consultation *handoff.ConsultationInput
	// sourceIsPerson makes selection say the source is a person (handback, warm transfer).
	sourceIsPerson bool
}

// testDeadlockTimeout is the deadlock detector's budget in these tests (see newHarness).
const testDeadlockTimeout = 10 * time.Second

// people are the test agents who answer offers themselves; everyone else is a bot.
var people = map[string]bool{"maria": true, "james": true, "ana": true, "sam": true}

func kindOf(id string) handoff.AgentKind {
	if people[id] {
		return handoff.KindHuman
	}
	return handoff.KindBot
}

// bot and human are one-agent plan steps; group is a step whose members are ranked together.
func bot(id string) activities.Step       { return activities.Step{Agents: []string{id}, Via: "rule r"} }
func human(id string) activities.Step     { return activities.Step{Agents: []string{id}, Via: "rule r"} }
func group(ids ...string) activities.Step { return activities.Step{Agents: ids, Via: "group"} }

func testDecision(target string) handoff.Decision {
	return handoff.Decision{
		Handoff: true, Target: target, Rule: "test_rule", Scenario: "test_scenario", Analyzer: "builtin", RulesVersion: "v-test",
		Urgent:   true,
		Protocol: handoff.Protocol{Scenario: "test_scenario", IntroductionScript: "warm_personal_introduction", FirstResponse: "acknowledge_emotions"},
		Settings: handoff.Settings{MonitoringWindow: "5m", OfferTimeout: "60s", ConfirmationTimeout: "2m", BreakpointWait: "20s", QuietPeriod: "8s"},
	}
}

func testInput() handoff.Input {
	return handoff.Input{
		ConversationID: "conv-1",
		SourceAgent:    "jorge_seller_bot",
		Customer:       handoff.Customer{Name: "Dana Reyes", Phone: "+1 555 0100", Email: "dana@example.com"},
		Messages:       []handoff.Message{{Role: "customer", Text: "I need to sell, my divorce is final next month"}},
	}
}

func newHarness(t *testing.T, d handoff.Decision, plan ...activities.Step) *harness {
	t.Helper()
	var suite testsuite.WorkflowTestSuite
	suite.SetLogger(nopLogger{})
	h := &harness{t: t, env: suite.NewTestWorkflowEnvironment(), unavailable: map[string]string{}, rankNotes: map[string]string{}, failBriefing: map[string]bool{},
		refuse: map[string]string{}, flaky: map[string]int{}, failing: map[string]bool{}, failType: map[string]handoff.DeliveryType{}, failConfirm: map[string]bool{},
		refuseAssign: map[string]string{}, rankErr: map[string]bool{}}
	env := h.env
	// The deadlock detector's 1 s is a production worker's budget for one workflow task. A test
	// machine running -race under heavy load (many test processes on two cores) starves a
	// task for longer now and then; the detector then reports the machine, not the workflow.
	env.SetWorkerOptions(worker.Options{DeadlockDetectionTimeout: testDeadlockTimeout})
	env.RegisterWorkflow(Handoff)
	env.RegisterWorkflowWithOptions(Callback, workflow.RegisterOptions{Name: handoff.CallbackWorkflowName})
	env.RegisterWorkflowWithOptions(TellSource, workflow.RegisterOptions{Name: handoff.TellSourceWorkflowName})
	env.RegisterWorkflowWithOptions(Consultation, workflow.RegisterOptions{Name: handoff.ConsultationWorkflowName})
	cfg := &config.Config{Handoff: config.Handoff{HTTPTimeout: "1s"}}
	env.RegisterActivity(activities.New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil))
	pub, _ := events.NewPublisher(nil, time.Second, nil, nil)
	events.Register(env, pub)

	env.OnActivity(a.AnalyzeTrigger, mock.Anything, mock.Anything).Return(
		func(context.Context, handoff.Input) (activities.AnalysisResult, error) {
			return activities.AnalysisResult{Analysis: decision.Analysis{Analyzer: "builtin"}, UseDecoder: h.useDecoder}, nil
		})
	env.OnActivity(a.DecodeIntent, mock.Anything, mock.Anything).Return(
		func(context.Context, handoff.Input) (activities.AnalysisResult, error) {
			if h.decoderErr != nil {
				return activities.AnalysisResult{}, h.decoderErr
			}
			return activities.AnalysisResult{Analysis: decision.Analysis{Analyzer: "decoder"}}, nil
		})
	env.OnActivity(a.SelectTarget, mock.Anything, mock.Anything).Return(
		func(_ context.Context, in activities.SelectInput) (activities.Selection, error) {
			h.mu.Lock()
			h.routedWith = in.Analysis.Analyzer
			h.mu.Unlock()
			return activities.Selection{Decision: d, Plan: plan, SupervisorPlan: h.supervisors, Templates: h.templates, Consultation: h.consultation, SourceIsPerson: h.sourceIsPerson}, nil
		})
	env.OnActivity(a.PackageContext, mock.Anything, mock.Anything).Return(
		func(_ context.Context, in activities.PackageInput) (handoff.Package, error) {
			var o handoff.BuildOptions
			if in.Template != nil {
				o.Template = *in.Template
			}
			return handoff.Build(&in.Input, &in.Decision, in.Target, o), nil
		})
	env.OnActivity(a.RankCandidates, mock.Anything, mock.Anything).Return(
		func(_ context.Context, in activities.RankInput) (activities.Ranking, error) {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.excluded = in.Exclude
			for _, id := range in.Agents {
				if h.rankErr[id] {
					return activities.Ranking{}, errors.New("read the state of " + id + ": context deadline exceeded")
				}
			}
			var r activities.Ranking
			for _, id := range in.Agents {
				if why, ok := h.unavailable[id]; ok {
					r.Skipped = append(r.Skipped, activities.Skipped{Agent: id, Reason: why})
					continue
				}
				if slices.Contains(in.Exclude, id) {
					r.Skipped = append(r.Skipped, activities.Skipped{Agent: id, Reason: "declined or handed it away earlier"})
					continue
				}
				r.Ranked = append(r.Ranked, activities.RankedAgent{Agent: id, Kind: kindOf(id), Note: h.rankNotes[id]})
			}
			return r, nil
		})
	h.reserveCall = env.OnActivity(a.Reserve, mock.Anything, mock.Anything).Return(
		func(_ context.Context, in activities.ReserveRequest) (activities.ReserveResult, error) {
			h.mu.Lock()
			defer h.mu.Unlock()
			if why, ok := h.refuse[in.Agent]; ok {
				return activities.ReserveResult{Reserved: false, Reason: why}, nil
			}
			h.ops = append(h.ops, "reserve:"+in.Agent)
			return activities.ReserveResult{Reserved: true}, nil
		})
	agentOp := func(op string) func(context.Context, activities.AgentRequest) error {
		return func(_ context.Context, in activities.AgentRequest) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			if why, ok := h.refuseAssign[in.Agent]; ok && op == "assign" {
				return temporal.NewNonRetryableApplicationError(why, activities.RefusalType, nil)
			}
			h.ops = append(h.ops, op+":"+in.Agent)
			return nil
		}
	}
	env.OnActivity(a.Assign, mock.Anything, mock.Anything).Return(agentOp("assign"))
	env.OnActivity(a.Release, mock.Anything, mock.Anything).Return(agentOp("release"))
	env.OnActivity(a.SetPresence, mock.Anything, mock.Anything).Return(
		func(_ context.Context, in activities.PresenceRequest) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.ops = append(h.ops, string(in.Presence)+":"+in.Agent)
			return nil
		})
	env.OnActivity(a.ConversationHistory, mock.Anything, mock.Anything).Return(
		func(context.Context, activities.HistoryInput) (activities.ConversationHistory, error) {
			return h.history, nil
		})
	env.OnActivity(a.PlanCallback, mock.Anything, mock.Anything).Return(
		func(_ context.Context, in activities.CallbackInput) (handoff.Callback, error) {
			return handoff.Callback{At: in.After.Add(16 * time.Hour), Agents: in.Agents, Notes: h.callbackNotes}, nil
		})
	deliver := func(_ context.Context, in activities.DeliveryInput) error {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.failing[in.Agent] || h.failType[in.Agent] == in.Delivery.Type {
			return errors.New(in.Agent + " answered 503 Service Unavailable")
		}
		h.deliveries = append(h.deliveries, in)
		if h.flaky[in.Agent] > 0 {
			h.flaky[in.Agent]--
			return errors.New(in.Agent + " answered 503 Service Unavailable")
		}
		if h.failConfirm[in.Agent] && in.Delivery.Type == handoff.DeliveryTransferred && in.Agent == in.Delivery.To {
			return temporal.NewNonRetryableApplicationError(in.Agent+" refused the transfer: 400", activities.ErrDeliveryRejected, nil)
		}
		if h.failBriefing[in.Agent] && (in.Delivery.Type == handoff.DeliveryBriefing || in.Delivery.Type == handoff.DeliveryOffer) {
			return temporal.NewNonRetryableApplicationError(in.Agent+" refused briefing: 400 Bad Request", activities.ErrDeliveryRejected, nil)
		}
		return nil
	}
	for _, fn := range []any{a.PrepareCustomer, a.BriefAgent, a.ReleaseSource, a.ConfirmTarget, a.ReturnToSource, a.WithdrawOffer, a.NotifyFallback, a.RemindCallback, a.AskCSAT, a.AskExpert, a.TellPrimary} {
		env.OnActivity(fn, mock.Anything, mock.Anything).Return(deliver)
	}
	env.OnActivity(a.RecordOutcome, mock.Anything, mock.Anything).Return(
		func(ctx context.Context, rec activities.OutcomeRecord) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			if h.recordFailsLocally && activity.GetInfo(ctx).IsLocalActivity {
				return errors.New("the handoff log answered 503 Service Unavailable")
			}
			h.record = &rec
			return nil
		})
	return h
}

func (h *harness) run(in handoff.Input) handoff.Result {
	h.t.Helper()
	h.env.ExecuteWorkflow(Handoff, in)
	if !h.env.IsWorkflowCompleted() {
		h.t.Fatal("workflow did not complete")
	}
	if err := h.env.GetWorkflowError(); err != nil {
		h.t.Fatalf("workflow error: %v", err)
	}
	var res handoff.Result
	if err := h.env.GetWorkflowResult(&res); err != nil {
		h.t.Fatal(err)
	}
	return res
}

// at schedules fn at a workflow time offset from the start.
func (h *harness) at(d time.Duration, fn func()) { h.env.RegisterDelayedCallback(fn, d) }

func (h *harness) state() handoff.State {
	h.t.Helper()
	v, err := h.env.QueryWorkflow(handoff.QueryState)
	if err != nil {
		h.t.Fatalf("query state: %v", err)
	}
	var s handoff.State
	if err := v.Get(&s); err != nil {
		h.t.Fatal(err)
	}
	return s
}

// updateResult is filled in when the environment answers an Update, which happens after the
// callback that sent it returns.
type updateResult struct {
	answered bool
	rejected error
}

// update sends an Update; its result is read after the run.
func (h *harness) update(name string, arg any) *updateResult {
	r := &updateResult{}
	h.env.UpdateWorkflow(name, "", &testsuite.TestUpdateCallback{
		OnAccept: func() {},
		OnReject: func(err error) { r.answered, r.rejected = true, err },
		// A handler's error reaches the caller as the validator's does (409 in the API).
		OnComplete: func(_ any, err error) { r.answered, r.rejected = true, err },
	}, arg)
	return r
}

// accepted fails the test unless the Update was answered and not rejected.
func (r *updateResult) accepted(t *testing.T, what string) {
	t.Helper()
	if !r.answered || r.rejected != nil {
		t.Errorf("%s: answered=%v rejected=%v, want accepted", what, r.answered, r.rejected)
	}
}

// refused fails the test unless the Update was rejected with a message containing want.
func (r *updateResult) refused(t *testing.T, what, want string) {
	t.Helper()
	if r == nil || r.rejected == nil || !strings.Contains(r.rejected.Error(), want) {
		t.Errorf("%s: got %+v (%v), want a rejection containing %q", what, r, r.rejected, want)
	}
}

func (h *harness) delivered(typ handoff.DeliveryType) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var agents []string
	for _, d := range h.deliveries {
		if d.Delivery.Type == typ {
			agents = append(agents, d.Agent)
		}
	}
	return agents
}

// deliveredTo lists the types of what agent received, in order.
func (h *harness) deliveredTo(agent string) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var types []string
	for _, d := range h.deliveries {
		if d.Agent == agent {
			types = append(types, string(d.Delivery.Type))
		}
	}
	return types
}

// held replays the entity operations into what each person still holds at the end, as
// "agent:state", sorted.
func (h *harness) held() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	state := map[string]string{}
	for _, op := range h.ops {
		name, agent, _ := strings.Cut(op, ":")
		switch name {
		case "reserve":
			state[agent] = handoff.ReservationOffered
		case "assign":
			state[agent] = handoff.ReservationAssigned
		case "release":
			delete(state, agent)
		}
	}
	var out []string
	for agent, st := range state {
		out = append(out, agent+":"+st)
	}
	slices.Sort(out)
	return out
}

func offerResults(s handoff.State) string {
	var parts []string
	for _, o := range s.Offers {
		parts = append(parts, o.Agent+":"+o.Result)
	}
	return strings.Join(parts, ",")
}

func expect(t *testing.T, what string, got, want any) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

type nopLogger struct{}

func (nopLogger) Debug(string, ...any) {}
func (nopLogger) Info(string, ...any)  {}
func (nopLogger) Warn(string, ...any)  {}
func (nopLogger) Error(string, ...any) {}

func TestBotTargetAcceptsOnDeliveryAndCompletesAfterFiveMinuteWindow(t *testing.T) {
	h := newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"))
	var during handoff.State
	h.at(4*time.Minute, func() { during = h.state() })
	res := h.run(testInput())

	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "owner", res.Owner, "jorge_buyer_bot")
	expect(t, "phase during window", during.Phase, handoff.PhaseMonitoring)
	expect(t, "offers", offerResults(res), "jorge_buyer_bot:accepted")
	expect(t, "window", res.Monitoring.Window, "5m0s")
	if got := res.EndedAt.Sub(res.StartedAt); got < 5*time.Minute {
		t.Errorf("handoff took %s of workflow time, want at least the 5m window", got)
	}
	expect(t, "customer prepared", strings.Join(h.delivered(handoff.DeliveryPrepareCustomer), ","), "jorge_seller_bot")
	expect(t, "briefed", strings.Join(h.delivered(handoff.DeliveryBriefing), ","), "jorge_buyer_bot")
	// The source lets go first, then the target takes over.
	expect(t, "transferred", strings.Join(h.delivered(handoff.DeliveryTransferred), ","), "jorge_seller_bot,jorge_buyer_bot")
	expect(t, "fallback sent", len(h.delivered(handoff.DeliveryFallback)), 0)
	if h.record == nil || h.record.Outcome != handoff.OutcomeCompleted {
		t.Errorf("outcome record = %+v, want completed", h.record)
	}
	if res.BriefedAt.IsZero() || res.AcceptedAt.IsZero() {
		t.Errorf("briefed/accepted timings missing: %+v", res)
	}
}

func TestHumanAcceptsByUpdate(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"))
	var waiting handoff.State
	var accept *updateResult
	h.at(10*time.Second, func() {
		waiting = h.state()
		accept = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"})
	})
	res := h.run(testInput())
	accept.accepted(t, "accept")
	expect(t, "phase while waiting", waiting.Phase, handoff.PhaseAwaitingAcceptance)
	if waiting.CurrentOffer == nil || waiting.CurrentOffer.Agent != "maria" {
		t.Errorf("current offer while waiting = %+v, want maria", waiting.CurrentOffer)
	}
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "owner", res.Owner, "maria")
	expect(t, "offer sent", strings.Join(h.delivered(handoff.DeliveryOffer), ","), "maria")
	expect(t, "accepted after", res.AcceptedAt.Sub(res.StartedAt), 10*time.Second)
}

func TestHumanAcceptsBySignal(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"))
	h.at(5*time.Second, func() { h.env.SignalWorkflow(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "owner", res.Owner, "maria")
}

func TestDeclineThenNextAccepts(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"), human("james"))
	var decline, accept *updateResult
	h.at(5*time.Second, func() {
		decline = h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "maria", Reason: "busy with a closing"})
	})
	h.at(20*time.Second, func() { accept = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "james"}) })
	res := h.run(testInput())
	decline.accepted(t, "decline")
	accept.accepted(t, "accept")
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "owner", res.Owner, "james")
	expect(t, "offers", offerResults(res), "maria:declined,james:accepted")
	expect(t, "decline reason", res.Offers[0].Reason, "busy with a closing")
	expect(t, "customer prepared once", len(h.delivered(handoff.DeliveryPrepareCustomer)), 1)
}

func TestOfferTimeoutMovesToNextCandidateAndLateAcceptIsRefused(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"), human("james"))
	var late *updateResult
	h.at(61*time.Second, func() { late = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	h.at(70*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "james"}) })
	res := h.run(testInput())
	expect(t, "offers", offerResults(res), "maria:timed_out,james:accepted")
	expect(t, "owner", res.Owner, "james")
	late.refused(t, "late accept from maria", "maria has no open offer")
	expect(t, "withdrawn", strings.Join(h.delivered(handoff.DeliveryStandDown), ","), "maria")
}

func TestEveryoneTimesOut(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"), human("james"))
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeTimedOut)
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	expect(t, "fallback to source", strings.Join(h.delivered(handoff.DeliveryFallback), ","), "jorge_seller_bot")
	expect(t, "transferred", len(h.delivered(handoff.DeliveryTransferred)), 0)
}

func TestEveryoneDeclines(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"))
	h.at(time.Second, func() { h.update(handoff.UpdateDecline, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeDeclined)
	expect(t, "owner", res.Owner, "jorge_seller_bot")
}

func TestAnswerFromAgentNotOffered(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"))
	var wrong, early *updateResult
	h.at(0, func() { early = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	h.at(time.Second, func() {
		wrong = h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "james"})
		// A signal from the wrong agent is ignored, not applied.
		h.env.SignalWorkflow(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "james"})
	})
	h.at(2*time.Second, func() { h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"}) })
	res := h.run(testInput())
	wrong.refused(t, "accept from james", "james has no open offer")
	early.refused(t, "accept before any offer", "no open offer")
	expect(t, "owner", res.Owner, "maria")
}

func TestNoCapacityWhenNobodyIsAvailable(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"), human("james"))
	h.unavailable["maria"] = "outside business hours"
	h.unavailable["james"] = "outside business hours"
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeNoCapacity)
	expect(t, "offers", offerResults(res), "maria:unavailable,james:unavailable")
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	expect(t, "offers sent", len(h.delivered(handoff.DeliveryOffer)), 0)
	if h.record == nil || !h.record.FollowUpSuggested {
		t.Errorf("record = %+v, want a follow-up suggested", h.record)
	}
}

func TestFailedDeliveryFallsBackToNextCandidateThenFails(t *testing.T) {
	h := newHarness(t, testDecision("luxury_specialist"), bot("luxury_specialist"), bot("jorge_buyer_bot"))
	h.failBriefing["luxury_specialist"] = true
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	expect(t, "offers", offerResults(res), "luxury_specialist:failed,jorge_buyer_bot:accepted")

	h = newHarness(t, testDecision("luxury_specialist"), bot("luxury_specialist"))
	h.failBriefing["luxury_specialist"] = true
	res = h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeFailed)
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	if !strings.Contains(res.OutcomeReason, "refused briefing") {
		t.Errorf("reason %q should say why", res.OutcomeReason)
	}
}

func TestNoHandoffWhenNoRuleMatches(t *testing.T) {
	d := handoff.Decision{Handoff: false, Analyzer: "builtin", RulesVersion: "v-test",
		Reasons: []handoff.Reason{{Rule: "human_agent", Text: "complexity_score 0.2 is not > 0.8"}}}
	h := newHarness(t, d)
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeNoHandoff)
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	expect(t, "deliveries", len(h.delivered(handoff.DeliveryFallback)), 0)
}

func TestCancelWhileOfferIsOpen(t *testing.T) {
	h := newHarness(t, testDecision("human_agent"), human("maria"))
	h.at(10*time.Second, func() { h.env.CancelWorkflow() })
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCancelled)
	expect(t, "owner", res.Owner, "jorge_seller_bot")
	expect(t, "offers", offerResults(res), "maria:cancelled")
	expect(t, "withdrawn", strings.Join(h.delivered(handoff.DeliveryStandDown), ","), "maria")
	expect(t, "fallback", strings.Join(h.delivered(handoff.DeliveryFallback), ","), "jorge_seller_bot")
	if h.record == nil || h.record.Outcome != handoff.OutcomeCancelled {
		t.Errorf("record = %+v, want cancelled", h.record)
	}
}

func TestMonitoringCountsEventsAndOutcomeEndsWindowEarly(t *testing.T) {
	h := newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"))
	h.at(time.Minute, func() {
		h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventCustomerMessage, Text: "thanks!"})
		h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventSentiment, Sentiment: 0.6})
		h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: "bogus"})
	})
	h.at(2*time.Minute, func() {
		h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventOutcome, Outcome: "showing_booked"})
	})
	res := h.run(testInput())
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
	m := res.Monitoring
	expect(t, "customer messages", m.CustomerMessages, 1)
	expect(t, "sentiments", len(m.Sentiments), 1)
	expect(t, "reported", m.ReportedOutcome, "showing_booked")
	expect(t, "ended early", m.EndedEarly, true)
	expect(t, "events kept (invalid one dropped)", len(res.Events), 3)
	if got := res.EndedAt.Sub(res.StartedAt); got >= 5*time.Minute {
		t.Errorf("window ran %s, want it closed early by the outcome event", got)
	}
}

func TestEventsArriveInEveryPhase(t *testing.T) {
	d := testDecision("human_agent")
	h := newHarness(t, d, human("maria"))
	h.at(0, func() {
		h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventCustomerMessage, Text: "hello?"})
	})
	h.at(5*time.Second, func() {
		h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventSentiment, Sentiment: -0.5})
		h.update(handoff.UpdateAccept, handoff.AnswerInput{AgentID: "maria"})
	})
	res := h.run(testInput())
	expect(t, "events", len(res.Events), 2)
	// Events before monitoring are kept in the state but are not monitoring figures.
	expect(t, "monitoring messages", res.Monitoring.CustomerMessages, 0)
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)
}

func TestMonitoringWindowFromInput(t *testing.T) {
	h := newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"))
	in := testInput()
	in.MonitoringWindow = "30s"
	res := h.run(in)
	expect(t, "window", res.Monitoring.Window, "30s")
	if got := res.EndedAt.Sub(res.StartedAt); got < 30*time.Second || got >= time.Minute {
		t.Errorf("handoff took %s, want the 30s window", got)
	}
}

func TestConfirmation(t *testing.T) {
	d := testDecision("social-bot-agent")
	d.RequiresConfirmation = true
	for _, tc := range []struct {
		name   string
		answer *handoff.ConfirmInput
		signal bool
		want   handoff.Outcome
	}{
		{"yes", &handoff.ConfirmInput{Yes: true, By: "customer"}, false, handoff.OutcomeCompleted},
		{"yes by signal", &handoff.ConfirmInput{Yes: true}, true, handoff.OutcomeCompleted},
		{"no", &handoff.ConfirmInput{Yes: false, By: "customer"}, false, handoff.OutcomeRejected},
		{"timeout", nil, false, handoff.OutcomeConfirmationTimedOut},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, d, bot("social-bot-agent"))
			var phase handoff.Phase
			var confirm *updateResult
			h.at(30*time.Second, func() {
				phase = h.state().Phase
				switch {
				case tc.answer == nil:
				case tc.signal:
					h.env.SignalWorkflow(handoff.UpdateConfirm, *tc.answer)
				default:
					confirm = h.update(handoff.UpdateConfirm, *tc.answer)
				}
			})
			res := h.run(testInput())
			if confirm != nil {
				confirm.accepted(t, "confirm")
			}
			expect(t, "phase while paused", phase, handoff.PhaseAwaitingConfirmation)
			expect(t, "outcome", res.Outcome, tc.want)
			if tc.want != handoff.OutcomeCompleted {
				expect(t, "briefed", len(h.delivered(handoff.DeliveryBriefing)), 0)
				expect(t, "owner", res.Owner, "jorge_seller_bot")
			}
		})
	}
}

func TestConfirmRefusedWhenNotAwaiting(t *testing.T) {
	h := newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"))
	var confirm *updateResult
	h.at(time.Second, func() { confirm = h.update(handoff.UpdateConfirm, handoff.ConfirmInput{Yes: true}) })
	h.run(testInput())
	confirm.refused(t, "confirm during monitoring", "no handoff awaiting confirmation")
}

func TestNonUrgentHandoffWaitsForBreakpoint(t *testing.T) {
	d := testDecision("jorge_buyer_bot")
	d.Urgent = false
	start := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)

	// The customer wrote just now: wait for turn_complete.
	h := newHarness(t, d, bot("jorge_buyer_bot"))
	h.env.SetStartTime(start)
	in := testInput()
	in.Messages[0].At = start.Add(-time.Second)
	h.at(3*time.Second, func() { h.env.SignalWorkflow(handoff.SignalEvent, handoff.Event{Type: handoff.EventTurnComplete}) })
	res := h.run(in)
	expect(t, "briefed after turn_complete", res.BriefedAt.Sub(res.StartedAt).Round(time.Second), 3*time.Second)

	// No turn_complete: the quiet period (8s since the last message) is the breakpoint.
	h = newHarness(t, d, bot("jorge_buyer_bot"))
	h.env.SetStartTime(start)
	res = h.run(in)
	expect(t, "briefed after quiet period", res.BriefedAt.Sub(res.StartedAt).Round(time.Second), 7*time.Second)

	// An old last message: no wait at all.
	h = newHarness(t, d, bot("jorge_buyer_bot"))
	h.env.SetStartTime(start)
	in.Messages[0].At = start.Add(-time.Hour)
	res = h.run(in)
	expect(t, "briefed at once", res.BriefedAt.Sub(res.StartedAt), time.Duration(0))
}

func TestInvalidInputFailsWithoutRetry(t *testing.T) {
	h := newHarness(t, testDecision("x"))
	h.env.ExecuteWorkflow(Handoff, handoff.Input{SourceAgent: "lead_bot"})
	err := h.env.GetWorkflowError()
	var appErr *temporal.ApplicationError
	if !errors.As(err, &appErr) || !appErr.NonRetryable() || !strings.Contains(err.Error(), "conversation_id: is required") {
		t.Fatalf("error = %v, want a non-retryable InvalidInput naming conversation_id", err)
	}
}

func TestExternalDecoderAnalysisIsUsedAndItsFailureFallsBack(t *testing.T) {
	h := newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"))
	h.useDecoder = true
	res := h.run(testInput())
	expect(t, "routed with", h.routedWith, "decoder")
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)

	h = newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"))
	h.useDecoder = true
	h.decoderErr = temporal.NewNonRetryableApplicationError("decoder down", "DecoderDown", nil)
	res = h.run(testInput())
	expect(t, "routed with", h.routedWith, "builtin")
	expect(t, "outcome", res.Outcome, handoff.OutcomeCompleted)

	h = newHarness(t, testDecision("jorge_buyer_bot"), bot("jorge_buyer_bot"))
	h.run(testInput())
	expect(t, "routed without a decoder", h.routedWith, "builtin")
}
