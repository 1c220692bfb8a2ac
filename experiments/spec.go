// Package experiments runs controlled experiments on handoffs: which variant of a script, a
// context template, a timing or offer strategy or a routing alternative does better. It
// declares experiments (Spec, from the config's experiments: section), assigns conversations
// to variants deterministically (Assign), analyses the outcomes per variant with intervals,
// tests and a power calculation (Analyze), and computes a bandit's allocation by Thompson
// sampling (Thompson). It is pure: no I/O and no Temporal imports, so the worker, the API and
// the CLI share it and it is benchmarked alone.
package experiments

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// What an experiment varies. Each variant sets the one field of VariantSpec that goes with it.
const (
	// VariesPreparationScript: what the source says before the transfer (customer_message).
	VariesPreparationScript = "preparation_script"
	// VariesIntroductionScript: the receiver's introduction (introduction_script).
	VariesIntroductionScript = "introduction_script"
	// VariesFirstResponse: the guidance for the new owner's first answer (first_response).
	VariesFirstResponse = "first_response"
	// VariesContextTemplate: the context template every receiver gets (template).
	VariesContextTemplate = "context_template"
	// VariesTiming: how long a non-urgent handoff waits for a natural breakpoint
	// (breakpoint_wait; 0s is immediate).
	VariesTiming = "timing"
	// VariesOfferStrategy: sequential offers to people or parallel to N (parallel_offers).
	VariesOfferStrategy = "offer_strategy"
	// VariesRouting: another target for the rule (target).
	VariesRouting = "routing"
)

// VariesAll lists what an experiment may vary, in the order the docs give them.
var VariesAll = []string{VariesPreparationScript, VariesIntroductionScript, VariesFirstResponse, VariesContextTemplate,
	VariesTiming, VariesOfferStrategy, VariesRouting}

// Primary metrics.
const (
	// MetricSuccess is the analytics success definition of the conversation's handoff.
	MetricSuccess = "success"
	// MetricConversion is the conversation's reported conversion (a late outcome).
	MetricConversion = "conversion"
	// MetricCSAT is the conversation's reported CSAT, 1 to 5.
	MetricCSAT = "csat"
	// MetricPreservation is the handoff's context preservation, 0 to 1.
	MetricPreservation = "preservation"
	// MetricTransitionTime is start to the new owner confirmed, in seconds (lower is better).
	MetricTransitionTime = "transition_time"
)

// MetricsAll lists the primary metrics an experiment may declare.
var MetricsAll = []string{MetricSuccess, MetricConversion, MetricCSAT, MetricPreservation, MetricTransitionTime}

// Modes.
const (
	// ModeFixed assigns by the declared weights for the whole experiment.
	ModeFixed = "fixed"
	// ModeBandit assigns by an allocation recomputed from the outcomes (Thompson sampling).
	ModeBandit = "bandit"
)

// DefaultFloor is the least share a bandit leaves each variant, so it keeps learning.
const DefaultFloor = 0.05

// MaxHoldOut bounds the hold-out: more than half of the eligible conversations kept from a
// handoff is no longer an experiment on handoffs.
const MaxHoldOut = 0.5

// Spec is one experiment as the config declares it (experiments[]).
type Spec struct {
	Name   string `mapstructure:"name" json:"name"`
	Varies string `mapstructure:"varies" json:"varies"`
	// Variants in order; the first is the control, which may leave its field empty to mean
	// "as the rule says".
	Variants []VariantSpec `mapstructure:"variants" json:"variants"`
	// Rules and Scenarios make a handoff eligible: its deciding rule is one of Rules, or its
	// scenario one of Scenarios. Both empty: every handoff that is decided (no hold-out then).
	Rules     []string `mapstructure:"rules" json:"rules,omitempty"`
	Scenarios []string `mapstructure:"scenarios" json:"scenarios,omitempty"`
	// Start and Stop bound when conversations are assigned (RFC 3339 or YYYY-MM-DD, UTC);
	// empty: from load, and until removed.
	Start string `mapstructure:"start" json:"start,omitempty"`
	Stop  string `mapstructure:"stop" json:"stop,omitempty"`
	// Metric is the primary metric (Metric*).
	Metric string `mapstructure:"metric" json:"metric"`
	// HoldOut is the share of eligible conversations not handed off at all (0 to 0.5).
	HoldOut float64 `mapstructure:"hold_out" json:"hold_out,omitempty"`
	// MDE is the minimum detectable effect: the smallest difference worth finding, in the
	// metric's unit (0.10 is 10 points of a rate; 0.3 of a CSAT; 2 seconds).
	MDE float64 `mapstructure:"mde" json:"mde"`
	// Baseline is the control's expected rate (success, conversion) and SD the expected
	// standard deviation of the other metrics: the power calculation needs one.
	Baseline float64 `mapstructure:"baseline" json:"baseline,omitempty"`
	SD       float64 `mapstructure:"sd" json:"sd,omitempty"`
	// Horizon is the conversations per variant at which the experiment is read; 0 takes the
	// power calculation's sample (80 % power at the MDE).
	Horizon int `mapstructure:"horizon" json:"horizon,omitempty"`
	// Mode is fixed (default) or bandit; Floor is a bandit's least share per variant.
	Mode    string         `mapstructure:"mode" json:"mode,omitempty"`
	Floor   float64        `mapstructure:"floor" json:"floor,omitempty"`
	Unknown map[string]any `mapstructure:",remain" json:"-"`
}

// VariantSpec is one variant: its name, its weight, and the one field its experiment varies.
type VariantSpec struct {
	Name   string  `mapstructure:"name" json:"name"`
	Weight float64 `mapstructure:"weight" json:"weight"`
	// CustomerMessage is the preparation script (preparation_script).
	CustomerMessage    string `mapstructure:"customer_message" json:"customer_message,omitempty"`
	IntroductionScript string `mapstructure:"introduction_script" json:"introduction_script,omitempty"`
	FirstResponse      string `mapstructure:"first_response" json:"first_response,omitempty"`
	// Template names a context template of the config (context_template).
	Template string `mapstructure:"template" json:"template,omitempty"`
	// BreakpointWait is the timing strategy: "0s" hands off at once, "20s" waits for a pause.
	BreakpointWait string `mapstructure:"breakpoint_wait" json:"breakpoint_wait,omitempty"`
	// ParallelOffers is the offer strategy: 1 offers to people one by one, N to N at once.
	ParallelOffers int `mapstructure:"parallel_offers" json:"parallel_offers,omitempty"`
	// Target is the routing alternative: an agent or group instead of the rule's target.
	Target  string         `mapstructure:"target" json:"target,omitempty"`
	Unknown map[string]any `mapstructure:",remain" json:"-"`
}

// value is the variant's setting for what the experiment varies ("" when unset).
func (v VariantSpec) value(varies string) string {
	switch varies {
	case VariesPreparationScript:
		return v.CustomerMessage
	case VariesIntroductionScript:
		return v.IntroductionScript
	case VariesFirstResponse:
		return v.FirstResponse
	case VariesContextTemplate:
		return v.Template
	case VariesTiming:
		return v.BreakpointWait
	case VariesOfferStrategy:
		if v.ParallelOffers == 0 {
			return ""
		}
		return fmt.Sprint(v.ParallelOffers)
	case VariesRouting:
		return v.Target
	}
	return ""
}

// field is the variant key that goes with what the experiment varies.
func field(varies string) string {
	return map[string]string{VariesPreparationScript: "customer_message", VariesIntroductionScript: "introduction_script",
		VariesFirstResponse: "first_response", VariesContextTemplate: "template", VariesTiming: "breakpoint_wait",
		VariesOfferStrategy: "parallel_offers", VariesRouting: "target"}[varies]
}

// Rule is what validation needs to know of a routing rule.
type Rule struct {
	Name     string
	Scenario string
	// Safety says why the rule is a safety rule ("" when it is not): urgent, or reading
	// distress, legal complexity, VIP or a customer asking for a person. A hold-out may never
	// keep such a conversation from a person.
	Safety string
}

// Catalog is what the rest of the config offers an experiment to refer to.
type Catalog struct {
	Rules []Rule
	// Templates are the context templates' names.
	Templates []string
	// Known reports whether a name is an agent or group of the roster.
	Known func(name string) bool
	// Store says a handoff log is configured: a bandit learns from it.
	Store bool
}

// FieldError names the key that is wrong, e.g. "experiments[0] (prep_script).hold_out".
type FieldError struct {
	Field, Problem string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Problem }

var namePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]{0,63}$`)

// proportion reports whether the metric is a rate (else a mean).
func proportion(metric string) bool { return metric == MetricSuccess || metric == MetricConversion }

// conversationLevel metrics are known for a conversation that was never handed off, so a
// hold-out can be compared on them.
func conversationLevel(metric string) bool { return metric == MetricConversion || metric == MetricCSAT }

// parseWhen reads a start or stop: RFC 3339, or a date (midnight UTC).
func parseWhen(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s is not a date (2026-03-01) or an RFC 3339 time", handoff.Quote(s))
	}
	return t, nil
}

// Compile validates the experiments against the catalog and returns them ready to assign.
// Every mistake names its key.
func Compile(specs []Spec, cat Catalog) (*Set, error) {
	set := &Set{}
	names := map[string]bool{}
	for i, s := range specs {
		e, err := compile(i, s, cat)
		if err != nil {
			return nil, err
		}
		if names[e.Name] {
			return nil, &FieldError{e.key + ".name", "another experiment has this name"}
		}
		names[e.Name] = true
		set.list = append(set.list, e)
	}
	return set, nil
}

func compile(i int, s Spec, cat Catalog) (*Experiment, error) {
	key := fmt.Sprintf("experiments[%d]", i)
	if s.Name != "" {
		key += " (" + s.Name + ")"
	}
	fail := func(k, format string, args ...any) error {
		return &FieldError{key + k, fmt.Sprintf(format, args...)}
	}
	if len(s.Unknown) > 0 {
		return nil, fail("", "unknown key %q", firstKey(s.Unknown))
	}
	if !namePattern.MatchString(s.Name) {
		return nil, fail(".name", "%s must be lower-case letters, digits, '_', '.' or '-' (at most 64)", handoff.Quote(s.Name))
	}
	if !slices.Contains(VariesAll, s.Varies) {
		return nil, fail(".varies", "%s is not one of %s", handoff.Quote(s.Varies), strings.Join(VariesAll, ", "))
	}
	if !slices.Contains(MetricsAll, s.Metric) {
		return nil, fail(".metric", "%s is not one of %s", handoff.Quote(s.Metric), strings.Join(MetricsAll, ", "))
	}
	e := &Experiment{Spec: s, key: key, rules: map[string]bool{}, scenarios: map[string]bool{}}
	if e.Mode == "" {
		e.Mode = ModeFixed
	}
	if err := e.checkVariants(cat); err != nil {
		return nil, err
	}
	if err := e.checkEligibility(cat); err != nil {
		return nil, err
	}
	if err := e.checkDesign(cat); err != nil {
		return nil, err
	}
	var err error
	if s.Start != "" {
		if e.start, err = parseWhen(s.Start); err != nil {
			return nil, fail(".start", "%v", err)
		}
	}
	if s.Stop != "" {
		if e.stop, err = parseWhen(s.Stop); err != nil {
			return nil, fail(".stop", "%v", err)
		}
		if !e.start.IsZero() && !e.stop.After(e.start) {
			return nil, fail(".stop", "must be after start")
		}
	}
	return e, nil
}

func (e *Experiment) checkVariants(cat Catalog) error {
	if len(e.Variants) == 0 || len(e.Variants) > 10 {
		return &FieldError{e.key + ".variants", "give 1 to 10 variants (the first is the control)"}
	}
	seen := map[string]bool{}
	for j, v := range e.Variants {
		vk := fmt.Sprintf("%s.variants[%d]", e.key, j)
		if v.Name != "" {
			vk += " (" + v.Name + ")"
		}
		if len(v.Unknown) > 0 {
			return &FieldError{vk, fmt.Sprintf("unknown key %q", firstKey(v.Unknown))}
		}
		switch {
		case !namePattern.MatchString(v.Name) || v.Name == handoff.VariantHeldOut:
			return &FieldError{vk + ".name", fmt.Sprintf("%s must be lower-case letters, digits, '_', '.' or '-', and not %s",
				handoff.Quote(v.Name), handoff.VariantHeldOut)}
		case seen[v.Name]:
			return &FieldError{vk + ".name", "another variant has this name"}
		case v.Weight < 0 || v.Weight > 1000:
			return &FieldError{vk + ".weight", fmt.Sprintf("%v is not between 0 and 1000", v.Weight)}
		}
		seen[v.Name] = true
		for _, other := range VariesAll {
			if other != e.Varies && v.value(other) != "" {
				return &FieldError{vk + "." + field(other), fmt.Sprintf("this experiment varies %s: set %s only", e.Varies, field(e.Varies))}
			}
		}
		val := v.value(e.Varies)
		if val == "" {
			if j > 0 {
				return &FieldError{vk + "." + field(e.Varies), "is required (only the control, the first variant, may keep the rule's own)"}
			}
			continue
		}
		if err := checkValue(e.Varies, v, cat); err != nil {
			return &FieldError{vk + "." + field(e.Varies), err.Error()}
		}
	}
	total := 0.0
	for _, v := range e.Variants {
		total += v.Weight
	}
	if total == 0 {
		// Unweighted: equal shares.
		for j := range e.Variants {
			e.Variants[j].Weight = 1
		}
	} else {
		for j, v := range e.Variants {
			if v.Weight == 0 {
				return &FieldError{fmt.Sprintf("%s.variants[%d] (%s).weight", e.key, j, v.Name), "must be above 0 when other variants have weights"}
			}
		}
	}
	return nil
}

// checkValue checks a variant's setting.
func checkValue(varies string, v VariantSpec, cat Catalog) error {
	switch varies {
	case VariesPreparationScript, VariesIntroductionScript, VariesFirstResponse:
		if n := len(v.value(varies)); n > 2000 {
			return fmt.Errorf("is %d bytes; at most 2000", n)
		}
	case VariesContextTemplate:
		if !slices.Contains(cat.Templates, v.Template) {
			return fmt.Errorf("%s is not a template of the config (templates: %s)", handoff.Quote(v.Template), strings.Join(cat.Templates, ", "))
		}
	case VariesTiming:
		if _, problem := handoff.CheckDuration(v.BreakpointWait, 0, MaxBreakpointWait); problem != "" {
			return fmt.Errorf("%s", problem)
		}
	case VariesOfferStrategy:
		if v.ParallelOffers < 1 || v.ParallelOffers > 10 {
			return fmt.Errorf("%d is not 1 (one person at a time) to 10", v.ParallelOffers)
		}
	case VariesRouting:
		if cat.Known == nil || !cat.Known(v.Target) {
			return fmt.Errorf("%s is not an agent or group of the roster", handoff.Quote(v.Target))
		}
	}
	return nil
}

// MaxBreakpointWait bounds a timing variant like handoff.breakpoint_wait.
const MaxBreakpointWait = 10 * time.Minute

func (e *Experiment) checkEligibility(cat Catalog) error {
	byName := map[string]Rule{}
	scen := map[string]bool{}
	for _, r := range cat.Rules {
		byName[r.Name] = r
		scen[r.Scenario] = true
	}
	for j, r := range e.Rules {
		if _, ok := byName[r]; !ok {
			return &FieldError{fmt.Sprintf("%s.rules[%d]", e.key, j), fmt.Sprintf("%s is not a routing rule", handoff.Quote(r))}
		}
		e.rules[r] = true
	}
	for j, s := range e.Scenarios {
		if !scen[s] {
			return &FieldError{fmt.Sprintf("%s.scenarios[%d]", e.key, j), fmt.Sprintf("%s is not the scenario of any routing rule", handoff.Quote(s))}
		}
		e.scenarios[s] = true
	}
	if e.HoldOut == 0 {
		return nil
	}
	if e.HoldOut < 0 || e.HoldOut > MaxHoldOut {
		return &FieldError{e.key + ".hold_out", fmt.Sprintf("%v is not between 0 and %v", e.HoldOut, MaxHoldOut)}
	}
	if len(e.Rules) == 0 && len(e.Scenarios) == 0 {
		return &FieldError{e.key + ".hold_out", "a hold-out needs rules or scenarios naming the handoffs it may keep from a handoff, none of them a safety rule"}
	}
	// A hold-out keeps the customer where they are: never one who is in distress, has a legal
	// problem, is a VIP or asked for a person.
	for _, r := range cat.Rules {
		if r.Safety != "" && (e.rules[r.Name] || e.scenarios[r.Scenario]) {
			return &FieldError{e.key + ".hold_out", fmt.Sprintf("rule %s is a safety rule (%s): its customers are never held out from a handoff; leave it out of rules and scenarios",
				r.Name, r.Safety)}
		}
	}
	if !conversationLevel(e.Metric) {
		return &FieldError{e.key + ".hold_out", fmt.Sprintf("a held-out conversation has no handoff to measure %s on: use metric conversion or csat", e.Metric)}
	}
	return nil
}

func (e *Experiment) checkDesign(cat Catalog) error {
	fail := func(k, format string, args ...any) error {
		return &FieldError{e.key + k, fmt.Sprintf(format, args...)}
	}
	if e.MDE <= 0 {
		return fail(".mde", "the minimum detectable effect is required and above 0 (0.10 is 10 points of a rate)")
	}
	if proportion(e.Metric) {
		switch {
		case e.MDE >= 1:
			return fail(".mde", "%v is not a difference of rates (below 1)", e.MDE)
		case e.Baseline <= 0 || e.Baseline+e.MDE >= 1:
			return fail(".baseline", "the control's expected %s rate is required, above 0, and with the mde below 1 (the power calculation needs it)", e.Metric)
		case e.SD != 0:
			return fail(".sd", "is for the mean metrics (csat, preservation, transition_time); %s is a rate: give baseline", e.Metric)
		}
	} else {
		switch {
		case e.SD <= 0:
			return fail(".sd", "the expected standard deviation of %s is required (the power calculation needs it)", e.Metric)
		case e.Baseline != 0:
			return fail(".baseline", "is for the rates (success, conversion); %s is a mean: give sd", e.Metric)
		}
	}
	if e.Horizon < 0 || e.Horizon == 1 || e.Horizon > 10_000_000 {
		return fail(".horizon", "%d is not 0 (the power calculation's) or 2 to 10,000,000 conversations per variant", e.Horizon)
	}
	switch e.Mode {
	case ModeFixed:
		if e.Floor != 0 {
			return fail(".floor", "is for mode bandit")
		}
	case ModeBandit:
		if !proportion(e.Metric) {
			return fail(".mode", "a bandit learns from a rate: use metric success or conversion")
		}
		if len(e.Variants) < 2 {
			return fail(".mode", "a bandit needs two variants or more")
		}
		if !cat.Store {
			return fail(".mode", "a bandit learns from the handoff log: set store.url")
		}
		if e.Floor == 0 {
			e.Floor = DefaultFloor
		}
		if e.Floor < 0 || e.Floor*float64(len(e.Variants)) >= 1 {
			return fail(".floor", "%v must be at least 0 and leave room: under 1/%d", e.Floor, len(e.Variants))
		}
	default:
		return fail(".mode", "%s is not fixed or bandit", handoff.Quote(e.Mode))
	}
	return nil
}

func firstKey(m map[string]any) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys[0]
}
