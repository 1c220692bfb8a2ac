package workflows

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/consultation"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// consultRun is one Consultation: the experts' standing, the answers the handlers take, and
// what the primary agent was told.
type consultRun struct {
	in       handoff.ConsultationInput
	st       handoff.ConsultationState
	logger   log.Logger
	deadline time.Time
	// changes counts answers taken, so the loop wakes for each; ended is set when the customer
	// left or the consultation was cancelled; closed refuses answers once the merge began.
	changes int
	ended   string
	closed  bool
	// relayed are the answers already given to the primary agent (live coordination).
	relayed map[string]bool
	// asking counts the asks under way; freed are the people whose capacity was released.
	asking int
	freed  map[string]bool
}

// Consultation asks experts for advice in parallel while the primary agent keeps the customer,
// and gives the primary agent the merged advisory brief by the deadline (or as soon as every
// expert has answered or could not be asked). People are offered the consultation through
// their entity workflow, so presence and capacity hold as for any offer; the capacity is
// released as soon as they answer. The customer leaving (an event signal) ends it at once.
func Consultation(ctx workflow.Context, in handoff.ConsultationInput) (handoff.ConsultationState, error) {
	if err := in.Spec.Check(""); err != nil {
		return handoff.ConsultationState{}, temporal.NewNonRetryableApplicationError("invalid consultation: "+err.Error(), "InvalidInput", nil)
	}
	now := workflow.Now(ctx)
	wait, _ := time.ParseDuration(in.Spec.Deadline)
	c := &consultRun{in: in, logger: workflow.GetLogger(ctx), deadline: now.Add(wait), relayed: map[string]bool{}, freed: map[string]bool{}}
	c.st = handoff.ConsultationState{
		ID:             workflow.GetInfo(ctx).WorkflowExecution.ID,
		ConversationID: in.Brief.ConversationID,
		PrimaryAgent:   in.Spec.PrimaryAgent,
		RequestedBy:    in.RequestedBy,
		HandoffID:      in.HandoffID,
		Spec:           in.Spec,
		Deadline:       c.deadline,
		StartedAt:      now,
	}
	for _, e := range in.Spec.Experts {
		c.st.Experts = append(c.st.Experts, handoff.ExpertStatus{Agent: e, Person: slices.Contains(in.People, e), Status: handoff.ExpertPending})
	}
	c.in.Brief.ConsultationID, c.in.Brief.Deadline, c.in.Brief.Experts = c.st.ID, c.deadline, in.Spec.Experts
	if err := c.setup(ctx); err != nil {
		return c.st, err
	}
	c.details(ctx)
	told := c.tellCustomer(ctx)
	c.askAll(ctx)
	c.await(ctx)
	if told != nil {
		c.st.CustomerTold = told.Get(ctx, nil) == nil
	}
	return c.close(ctx)
}

func (c *consultRun) setup(ctx workflow.Context) error {
	if err := workflow.SetQueryHandler(ctx, handoff.QueryConsultation, func() (handoff.ConsultationState, error) {
		return c.st, nil
	}); err != nil {
		return err
	}
	err := workflow.SetUpdateHandlerWithOptions(ctx, handoff.UpdateConsultAnswer,
		func(ctx workflow.Context, in handoff.AdviceInput) (handoff.ConsultationState, error) {
			c.answer(ctx, in)
			return c.st, nil
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, in handoff.AdviceInput) error {
			return c.validateAnswer(in)
		}})
	if err != nil {
		return err
	}
	onSignalCtx(ctx, handoff.UpdateConsultAnswer, func(ctx workflow.Context, in handoff.AdviceInput) {
		if err := c.validateAnswer(in); err != nil {
			c.logger.Warn("ignored signal", "signal", handoff.UpdateConsultAnswer, "reason", err.Error())
			return
		}
		c.answer(ctx, in)
	})
	onSignal(ctx, handoff.SignalEvent, func(e handoff.Event) {
		if e.Type == handoff.EventCustomerLeft && c.ended == "" && !c.closed {
			c.ended = handoff.ConsultAbandoned
		}
	})
	return nil
}

func (c *consultRun) expert(agent string) *handoff.ExpertStatus {
	for i := range c.st.Experts {
		if c.st.Experts[i].Agent == agent {
			return &c.st.Experts[i]
		}
	}
	return nil
}

// validateAnswer refuses an answer the consultation cannot take, saying why.
func (c *consultRun) validateAnswer(in handoff.AdviceInput) error {
	if err := in.Validate(); err != nil {
		return err
	}
	e := c.expert(in.Expert)
	switch {
	case e == nil:
		return fmt.Errorf("%s is not an expert of consultation %s (experts: %s)", in.Expert, c.st.ID, strings.Join(c.in.Spec.Experts, ", "))
	case c.closed || c.ended != "":
		return fmt.Errorf("consultation %s is closed: answers after the deadline or the customer's leaving are not merged", c.st.ID)
	case e.Status == handoff.ExpertAnswered || e.Status == handoff.ExpertDeclined:
		return fmt.Errorf("%s already answered consultation %s", in.Expert, c.st.ID)
	case e.Status != handoff.ExpertPending && e.Status != handoff.ExpertAsked:
		return fmt.Errorf("%s was not asked in consultation %s: %s (%s)", in.Expert, c.st.ID, e.Status, e.Reason)
	}
	return nil
}

func (c *consultRun) answer(ctx workflow.Context, in handoff.AdviceInput) {
	e := c.expert(in.Expert)
	if e == nil || e.Status == handoff.ExpertAnswered || e.Status == handoff.ExpertDeclined {
		return
	}
	if in.Decline {
		e.Status, e.Reason = handoff.ExpertDeclined, in.Reason
	} else {
		e.Status, e.Reason = handoff.ExpertAnswered, ""
		e.Advice = &handoff.Advice{Expert: in.Expert, Recommendation: strings.TrimSpace(in.Recommendation),
			Confidence: in.Confidence, Notes: in.Notes, At: workflow.Now(ctx)}
	}
	c.changes++
}

// tellCustomer asks the primary agent, in transparent mode, to tell the customer who reviews
// their case. It runs alongside the experts' briefs; the caller waits for it later.
func (c *consultRun) tellCustomer(ctx workflow.Context) workflow.Future {
	if c.in.Spec.CustomerAwareness != handoff.AwarenessTransparent {
		return nil
	}
	msg := c.in.Spec.CustomerMessage
	if msg == "" {
		msg = handoff.DefaultTransparentMessage
	}
	msg = strings.ReplaceAll(msg, "{experts}", c.expertNames())
	return workflow.ExecuteActivity(deliveryOptions(ctx, "Tell the customer who reviews their case"), a.TellPrimary,
		c.delivery(c.st.PrimaryAgent, handoff.DeliveryConsultNotice, "notice", func(d *handoff.Delivery) { d.Message = msg }))
}

// expertNames reads "our Investment specialist, Financing expert and Tax strategy advisor".
func (c *consultRun) expertNames() string {
	var names []string
	for _, e := range c.in.Spec.Experts {
		n := c.in.ExpertNames[e]
		if n == "" {
			n = e
		}
		names = append(names, n)
	}
	if len(names) == 1 {
		return "our " + names[0]
	}
	return "our " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// delivery is a message of the consultation to one agent. Its key names the consultation,
// the agent and what it is, so a retried or repeated message reaches the agent once.
func (c *consultRun) delivery(to string, typ handoff.DeliveryType, what string, fill func(*handoff.Delivery)) activities.DeliveryInput {
	d := handoff.Delivery{Type: typ, HandoffID: c.st.ID, ConversationID: c.st.ConversationID, From: c.st.PrimaryAgent, To: to}
	if fill != nil {
		fill(&d)
	}
	return activities.DeliveryInput{Agent: to, Delivery: d, Key: c.st.ID + "/" + to + "/" + what}
}

// await waits for answers until every expert is resolved, the deadline passes, the customer
// leaves or the consultation is cancelled, releasing answered people's capacity and relaying
// answers in live mode as they come.
func (c *consultRun) await(ctx workflow.Context) {
	seen := -1
	for {
		if seen != c.changes {
			seen = c.changes
			c.releaseAnswered(ctx)
			c.relay(ctx)
			c.details(ctx)
		}
		left := c.deadline.Sub(workflow.Now(ctx))
		if c.ended != "" || c.resolved() || left <= 0 {
			return
		}
		_, err := awaitWithTimeout(ctx, left, func() bool { return c.changes != seen || c.ended != "" || c.resolved() })
		if err != nil {
			if temporal.IsCanceledError(err) && c.ended == "" {
				c.ended = handoff.ConsultCancelled
			}
			return
		}
	}
}

// resolved reports whether no expert can still answer.
func (c *consultRun) resolved() bool {
	for _, e := range c.st.Experts {
		if e.Status == handoff.ExpertPending || e.Status == handoff.ExpertAsked {
			return false
		}
	}
	return true
}

// relay gives the primary agent each new answer at once in live coordination.
func (c *consultRun) relay(ctx workflow.Context) {
	if c.in.Spec.Coordination != handoff.CoordinationLive {
		return
	}
	for _, e := range c.st.Experts {
		if e.Advice == nil || c.relayed[e.Agent] {
			continue
		}
		c.relayed[e.Agent] = true
		adv := *e.Advice
		err := workflow.ExecuteActivity(bestEffortOptions(ctx, "Relay "+e.Agent+"'s advice"), a.TellPrimary,
			c.delivery(c.st.PrimaryAgent, handoff.DeliveryAdvice, "advice/"+e.Agent, func(d *handoff.Delivery) { d.Advice = &adv })).Get(ctx, nil)
		if err != nil {
			c.logger.Warn("advice not relayed", "expert", e.Agent, "error", err)
		}
	}
}

func (c *consultRun) details(ctx workflow.Context) {
	answered := 0
	for _, e := range c.st.Experts {
		if e.Status == handoff.ExpertAnswered {
			answered++
		}
	}
	phase := "consulting"
	if c.st.Outcome != "" {
		phase = c.st.Outcome
	}
	workflow.SetCurrentDetails(ctx, fmt.Sprintf("**%s** · primary %s · %d of %d experts answered · quorum %d · deadline %s",
		phase, c.st.PrimaryAgent, answered, len(c.st.Experts), c.in.Spec.QuorumOrAll(), c.deadline.UTC().Format(time.RFC3339)))
}

// close merges the answers into the advisory brief, withdraws the consultation from experts
// who did not answer, releases every person's capacity, and gives the primary agent the brief
// unless the customer left. It runs whatever cancelled the consultation.
func (c *consultRun) close(ctx workflow.Context) (handoff.ConsultationState, error) {
	ctx, _ = workflow.NewDisconnectedContext(ctx)
	c.closed = true
	// An ask still under way (a reservation being made) ends before anything is released, so
	// no reservation is made after its release.
	_ = workflow.Await(ctx, func() bool { return c.asking == 0 })
	var open []string
	for i := range c.st.Experts {
		e := &c.st.Experts[i]
		if e.Status != handoff.ExpertPending && e.Status != handoff.ExpertAsked {
			continue
		}
		open = append(open, e.Agent)
		switch c.ended {
		case "":
			e.Status, e.Reason = handoff.ExpertLate, "no answer by the deadline"
		case handoff.ConsultAbandoned:
			e.Status, e.Reason = handoff.ExpertWithdrawn, "the customer left"
		default:
			e.Status, e.Reason = handoff.ExpertWithdrawn, "the consultation was cancelled"
		}
	}
	brief := consultation.Merge(c.st.ID, c.in.Spec.Question, c.in.Spec.QuorumOrAll(), c.st.Experts, c.ended)
	c.st.Brief, c.st.Outcome = &brief, brief.Outcome
	c.withdraw(ctx, open)
	c.releaseAll(ctx)
	if c.ended == "" {
		err := workflow.ExecuteActivity(deliveryOptions(ctx, "Give "+c.st.PrimaryAgent+" the advisory brief"), a.TellPrimary,
			c.delivery(c.st.PrimaryAgent, handoff.DeliveryAdvisory, "advisory", func(d *handoff.Delivery) {
				d.Advisory, d.Message = &brief, brief.Text
			})).Get(ctx, nil)
		c.st.BriefDelivered = err == nil
		if err != nil {
			c.logger.Error("advisory brief not delivered", "primary", c.st.PrimaryAgent, "error", err)
		}
	}
	c.st.EndedAt = workflow.Now(ctx)
	c.details(ctx)
	_ = workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) })
	return c.st, nil
}
