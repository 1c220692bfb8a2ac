package handoff

// Experiments (package experiments) vary one thing about the handoffs of some rules, such as
// the script the source says before the transfer, and measure which variant does better. A
// conversation's assignment is decided when its handoff is decided and captured with the
// decision (Decision.Experiment), so replay and config changes never move a conversation to
// another variant in flight.

// OutcomeHeldOut: the conversation fell in an experiment's hold-out, the share of eligible
// conversations that are not handed off at all so that "handoff against no handoff" can be
// measured; the source keeps it.
const OutcomeHeldOut Outcome = "held_out"

// VariantHeldOut is the variant of a conversation in an experiment's hold-out.
const VariantHeldOut = "held_out"

// Assignment is a conversation's place in an experiment, captured with the decision.
type Assignment struct {
	Experiment string `json:"experiment"`
	// Variant is the variant's name, or VariantHeldOut.
	Variant string `json:"variant"`
	// Varies says what the variant changes (experiments.Varies*).
	Varies string `json:"varies"`
	// Probability is the chance the conversation had of this variant when it was assigned:
	// with a bandit's allocation it changes over time, and the analysis can weigh by it.
	Probability float64 `json:"probability"`
	// Allocation is the share of each variant in force when assigned (the declared weights,
	// or the bandit's allocation), and AllocationVersion which allocation it was ("" for the
	// declared weights).
	Allocation        map[string]float64 `json:"allocation"`
	AllocationVersion string             `json:"allocation_version,omitempty"`
	// Sticky says the variant is the one an earlier handoff of the conversation had: a
	// customer's cohort survives transfers.
	Sticky bool `json:"sticky,omitempty"`
	// Note says what the assignment could not check (an unreadable log, say).
	Note string `json:"note,omitempty"`
	// Exposed is set when the handoff closes if the variant was really used (the script said,
	// the offers made the variant's way...); only exposed handoffs are compared.
	Exposed bool `json:"exposed,omitempty"`
}

// HeldOut reports whether the assignment keeps the conversation with its source.
func (a *Assignment) HeldOut() bool { return a != nil && a.Variant == VariantHeldOut }

// The bandit allocation: a Temporal Schedule starts the ExperimentAllocation workflow every
// learning.allocation_every; its one activity reads the experiments' outcomes from the handoff
// log and saves each bandit's new allocation there, where decisions read it.
const (
	AllocationWorkflowName = "ExperimentAllocation"
	// AllocationScheduleID names the Schedule, and (with the time appended by the server) the
	// workflows it starts.
	AllocationScheduleID = "experiment-allocation"
)
