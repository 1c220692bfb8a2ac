package workflows

import (
	"time"

	"github.com/handoffhq/orchestrator/activities"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/workflow"
)

// askAll gives every expert the brief at once, each in its own coroutine: one slow webhook or
// busy person does not hold back the others' time to answer.
func (c *consultRun) askAll(ctx workflow.Context) {
	for i := range c.st.Experts {
		agent := c.st.Experts[i].Agent
		c.asking++
		workflow.Go(ctx, func(ctx workflow.Context) {
			defer func() { c.asking-- }()
			c.ask(ctx, agent)
		})
	}
}

// ask offers the consultation to one expert. A person is first reserved through their entity
// workflow, which refuses when they are not online or at capacity: they are then named as
// unavailable, never asked. Until the reservation is answered or the consultation ends it
// holds one unit of their capacity, like a handoff's offer.
func (c *consultRun) ask(ctx workflow.Context, agent string) {
	e := c.expert(agent)
	if e.Person {
		var res activities.ReserveResult
		err := workflow.ExecuteActivity(agentOptions(ctx, "Reserve "+agent+" for the consultation"), a.Reserve, activities.ReserveRequest{
			Agent: agent,
			Input: handoff.ReserveInput{
				HandoffID: c.st.ID, ConversationID: c.st.ConversationID, Channel: c.in.Channel,
				Lease:          c.lease().String(),
				Brief:          "Consultation for " + c.st.PrimaryAgent + ": " + cut(c.in.Spec.Question, 200),
				Source:         c.st.PrimaryAgent,
				OfferExpiresAt: c.deadline,
			},
		}).Get(ctx, &res)
		e = c.expert(agent)
		switch {
		case err != nil:
			c.resolve(e, handoff.ExpertFailed, "could not be reserved: "+err.Error())
			return
		case !res.Reserved:
			c.resolve(e, handoff.ExpertUnavailable, res.Reason)
			return
		}
		e.Reserved = true
		if c.closed || c.ended != "" {
			return // close releases it
		}
	}
	brief := c.in.Brief
	err := workflow.ExecuteActivity(deliveryOptions(ctx, "Ask "+agent+" for advice"), a.AskExpert,
		c.delivery(agent, handoff.DeliveryConsult, "consult", func(d *handoff.Delivery) {
			d.Consultation, d.OfferExpiresAt = &brief, c.deadline
			d.Message = brief.Question
		})).Get(ctx, nil)
	e = c.expert(agent)
	if err != nil {
		c.resolve(e, handoff.ExpertFailed, "the consultation brief could not be delivered: "+err.Error())
		return
	}
	if e.Status == handoff.ExpertPending {
		e.Status = handoff.ExpertAsked
		c.changes++
	}
}

// resolve ends an expert's part unless an answer came first (a person who answered while the
// reservation was under way).
func (c *consultRun) resolve(e *handoff.ExpertStatus, status, reason string) {
	if e.Status != handoff.ExpertPending && e.Status != handoff.ExpertAsked {
		return
	}
	e.Status, e.Reason = status, reason
	c.changes++
}

// lease outlives the deadline: the reservation must not lapse while the person may answer,
// and still frees itself if the consultation vanishes (terminated) without releasing it.
func (c *consultRun) lease() time.Duration {
	wait, _ := time.ParseDuration(c.in.Spec.Deadline)
	lease := wait + time.Minute
	if d, err := time.ParseDuration(c.in.ReservationLease); err == nil && d > lease {
		lease = d
	}
	return lease
}

// releaseAnswered frees the capacity of people who answered or declined: advising is done.
func (c *consultRun) releaseAnswered(ctx workflow.Context) {
	var done []int
	for i, e := range c.st.Experts {
		if e.Reserved && (e.Status == handoff.ExpertAnswered || e.Status == handoff.ExpertDeclined) {
			done = append(done, i)
		}
	}
	c.release(ctx, done, "answered the consultation")
}

// releaseAll frees, at the end, every person's reservation not yet freed: also those whose
// reservation's answer was lost to a cancellation (releasing what is not held is a no-op).
func (c *consultRun) releaseAll(ctx workflow.Context) {
	var held []int
	for i, e := range c.st.Experts {
		if e.Person && !c.freed[e.Agent] && (e.Reserved || e.Status != handoff.ExpertUnavailable) {
			held = append(held, i)
		}
	}
	c.release(ctx, held, "the consultation ended: "+c.st.Outcome)
}

func (c *consultRun) release(ctx workflow.Context, idx []int, reason string) {
	futures := make([]workflow.Future, len(idx))
	for n, i := range idx {
		agent := c.st.Experts[i].Agent
		futures[n] = workflow.ExecuteActivity(agentOptions(ctx, "Release "+agent), a.Release,
			activities.AgentRequest{Agent: agent, HandoffID: c.st.ID, Reason: reason})
	}
	for n, i := range idx {
		if err := futures[n].Get(ctx, nil); err != nil {
			// The reservation's lease frees it in the end.
			c.logger.Warn("release failed", "agent", c.st.Experts[i].Agent, "error", err)
			continue
		}
		c.st.Experts[i].Reserved = false
		c.freed[c.st.Experts[i].Agent] = true
	}
}

// withdraw tells the experts who had not answered that their advice is no longer needed.
func (c *consultRun) withdraw(ctx workflow.Context, agents []string) {
	reason := map[string]string{
		"":                       "the deadline passed; the advisory brief went out without your advice",
		handoff.ConsultAbandoned: "the customer left",
	}[c.ended]
	if reason == "" {
		reason = "the consultation was cancelled"
	}
	var futures []workflow.Future
	for _, agent := range agents {
		futures = append(futures, workflow.ExecuteActivity(bestEffortOptions(ctx, "Withdraw the consultation from "+agent), a.WithdrawOffer,
			c.delivery(agent, handoff.DeliveryStandDown, "stand_down", func(d *handoff.Delivery) { d.Message = reason })))
	}
	for i, f := range futures {
		if err := f.Get(ctx, nil); err != nil {
			c.logger.Warn("withdrawal not delivered", "agent", agents[i], "error", err)
		}
	}
}
