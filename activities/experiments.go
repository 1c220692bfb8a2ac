package activities

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/experiments"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/store"
)

// Experiments in the decision: target selection assigns the conversation to a variant of the
// experiment its rule takes part in and applies the variant to the decision, so the decision
// recorded in history is the one the handoff carries out, variant included. The reads below
// (a bandit's allocation, the conversation's earlier assignment) are bounded and never fail a
// decision: without them the declared weights and the hash decide, and the assignment's note
// says so.

// ExperimentLog is what assignment reads of the handoff log; *store.Store implements it.
type ExperimentLog interface {
	LatestAllocation(ctx context.Context, experiment string) (*experiments.Allocation, error)
	EarlierAssignment(ctx context.Context, conversationID, experiment string) (*handoff.Assignment, error)
}

// allocationLog is what recomputing allocations reads and writes; *store.Store implements it.
type allocationLog interface {
	Handoffs(ctx context.Context, f store.Filter) ([]analytics.Handoff, error)
	SaveAllocation(ctx context.Context, a experiments.Allocation) error
}

const (
	// allocationTTL is how long a worker reuses a bandit allocation it read: allocations
	// change every learning.allocation_every (minutes), and a decision should not wait on the
	// log each time.
	allocationTTL = 2 * time.Second
	// experimentReadTimeout bounds each read: target selection is a local activity with 5 s.
	experimentReadTimeout = time.Second
)

type cachedAllocation struct {
	a    *experiments.Allocation
	read time.Time
}

// allocationCache keeps the allocations last read, by experiment.
type allocationCache struct {
	mu sync.Mutex
	m  map[string]cachedAllocation
}

// assignExperiment places the conversation in the experiment its decision is eligible for,
// if any, and applies the variant to the decision. It returns the experiment and variant, so
// the caller can apply what lives outside the decision (a context template).
func (a *Activities) assignExperiment(ctx context.Context, in *handoff.Input, d *handoff.Decision) (*experiments.Experiment, experiments.VariantSpec) {
	// A monitoring rule's re-escalation is not the rules' decision: it is in no experiment.
	if a.cfg.ExperimentSet == nil || !d.Handoff || in.Reescalation != nil {
		return nil, experiments.VariantSpec{}
	}
	e := a.cfg.ExperimentSet.For(d.Rule, d.Scenario, time.Now())
	if e == nil {
		return nil, experiments.VariantSpec{}
	}
	var notes []string
	var alloc *experiments.Allocation
	if e.Mode == experiments.ModeBandit {
		var err error
		if alloc, err = a.allocation(ctx, e.Name); err != nil {
			notes = append(notes, "the bandit's allocation could not be read ("+short(err)+")")
		}
		if alloc == nil {
			notes = append(notes, "no allocation yet: the declared weights apply")
		}
	}
	earlier, err := a.earlierAssignment(ctx, in.ConversationID, e.Name)
	if err != nil {
		notes = append(notes, "the conversation's earlier handoffs could not be read ("+short(err)+"): assigned by its hash")
	}
	asg := e.Assign(in.ConversationID, alloc, earlier)
	asg.Note = strings.Join(notes, "; ")
	v, _ := e.Variant(asg.Variant)
	if !asg.HeldOut() && e.Varies == experiments.VariesRouting && v.Target == in.SourceAgent {
		// The alternative would hand the conversation to where it is: not this handoff's
		// experiment.
		return nil, experiments.VariantSpec{}
	}
	d.Experiment = &asg
	if !asg.HeldOut() {
		applyVariant(e, v, d)
	}
	return e, v
}

// applyVariant changes the decision the way the variant says; an empty setting (the control's)
// keeps the rule's own.
func applyVariant(e *experiments.Experiment, v experiments.VariantSpec, d *handoff.Decision) {
	switch e.Varies {
	case experiments.VariesPreparationScript:
		if v.CustomerMessage != "" {
			d.Protocol.CustomerMessage = v.CustomerMessage
		}
	case experiments.VariesIntroductionScript:
		if v.IntroductionScript != "" {
			d.Protocol.IntroductionScript = v.IntroductionScript
		}
	case experiments.VariesFirstResponse:
		if v.FirstResponse != "" {
			d.Protocol.FirstResponse = v.FirstResponse
		}
	case experiments.VariesTiming:
		if v.BreakpointWait != "" {
			d.Settings.BreakpointWait = v.BreakpointWait
		}
	case experiments.VariesOfferStrategy:
		if v.ParallelOffers > 0 {
			d.Protocol.ParallelOffers = v.ParallelOffers
		}
	case experiments.VariesRouting:
		if v.Target == "" || v.Target == d.Target {
			return
		}
		d.Reasons = append(d.Reasons, handoff.Reason{Rule: d.Rule, Condition: "experiment " + e.Name, Value: v.Name, Matched: true,
			Text: fmt.Sprintf("experiment %s, variant %s: routed to %s instead of the rule's %s", e.Name, v.Name, v.Target, d.Target)})
		cands := []handoff.Candidate{{Agent: v.Target, Rule: d.Rule}}
		for _, c := range d.Candidates {
			if c.Agent != v.Target && c.Agent != d.Target {
				cands = append(cands, c)
			}
		}
		d.Target, d.Candidates = v.Target, cands
	}
}

// templateNamed is the config's template with the name.
func (a *Activities) templateNamed(name string) (handoff.Template, bool) {
	for _, t := range a.cfg.Templates {
		if t.Name == name {
			return t, true
		}
	}
	return handoff.Template{}, false
}

// allocation is the experiment's latest allocation, read through the cache. When the log does
// not answer, the last one read (however old) is better than none.
func (a *Activities) allocation(ctx context.Context, experiment string) (*experiments.Allocation, error) {
	log, ok := a.log.(ExperimentLog)
	if !ok {
		return nil, nil
	}
	c := &a.allocs
	c.mu.Lock()
	hit, found := c.m[experiment]
	c.mu.Unlock()
	if found && time.Since(hit.read) < allocationTTL {
		return hit.a, nil
	}
	rctx, cancel := context.WithTimeout(ctx, experimentReadTimeout)
	defer cancel()
	alloc, err := log.LatestAllocation(rctx, experiment)
	if err != nil {
		return hit.a, err
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]cachedAllocation{}
	}
	c.m[experiment] = cachedAllocation{a: alloc, read: time.Now()}
	c.mu.Unlock()
	return alloc, nil
}

func (a *Activities) earlierAssignment(ctx context.Context, conv, experiment string) (*handoff.Assignment, error) {
	log, ok := a.log.(ExperimentLog)
	if !ok {
		return nil, nil
	}
	rctx, cancel := context.WithTimeout(ctx, experimentReadTimeout)
	defer cancel()
	return log.EarlierAssignment(rctx, conv, experiment)
}

func short(err error) string {
	s := err.Error()
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}

// AllocationInput is the bandit Schedule's workflow asking for new allocations; At (the
// workflow's time) versions them, so a retried activity saves the same allocation again.
type AllocationInput struct {
	At time.Time `json:"at"`
}

// RecomputeAllocations reads each bandit experiment's outcomes from the log, computes its
// allocation by Thompson sampling and saves it; decisions read it from there. It returns the
// allocations saved.
func (a *Activities) RecomputeAllocations(ctx context.Context, in AllocationInput) ([]experiments.Allocation, error) {
	log, ok := a.log.(allocationLog)
	if !ok {
		return nil, errors.New("no handoff log (store.url): bandit allocations cannot be computed")
	}
	var out []experiments.Allocation
	for _, e := range a.cfg.ExperimentSet.Bandits() {
		hs, err := log.Handoffs(ctx, store.Filter{Experiment: e.Name})
		if err != nil {
			return out, fmt.Errorf("read the handoffs of %s: %w", e.Name, err)
		}
		arms := experiments.Evidence(e, hs, a.cfg.Analytics.Success)
		_, weights := experiments.Thompson(e.Name, arms, e.Floor)
		alloc := experiments.Allocation{Experiment: e.Name, Version: in.At.UTC().Format(time.RFC3339Nano), At: in.At, Weights: weights, Arms: arms}
		if err := log.SaveAllocation(ctx, alloc); err != nil {
			return out, err
		}
		a.logger.Info("bandit allocation", "experiment", e.Name, "version", alloc.Version, "weights", fmt.Sprint(weights))
		out = append(out, alloc)
	}
	return out, nil
}
