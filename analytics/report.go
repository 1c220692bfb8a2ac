package analytics

import (
	"fmt"
	"slices"
	"sort"
	"time"
)

// Groupings a report can break handoffs down by.
var GroupBys = []string{"none", "pair", "source", "target", "person", "scenario", "rule", "template"}

// DefaultMinSample is the smallest sample a figure is judged on. Below it a rate's interval
// is too wide to say anything (30 successes out of 30 still allows 88 %).
const DefaultMinSample = 30

// Options shape a report.
type Options struct {
	Success Success
	// MinSample is the smallest sample judged (DefaultMinSample when 0).
	MinSample int
	// GroupBy is one of GroupBys ("" is none).
	GroupBy string
}

// Group is the figures of one group of handoffs (or of all of them).
type Group struct {
	Key      string         `json:"key"`
	Handoffs int            `json:"handoffs"`
	Outcomes map[string]int `json:"outcomes"`
	// Success counts handoffs that met the success definition, out of those that tried (not
	// no_handoff).
	Success Rate `json:"success"`
	// Transition is start to the target confirmed as the owner, in milliseconds.
	TransitionP50 Quantile `json:"transition_ms_p50"`
	TransitionP90 Quantile `json:"transition_ms_p90"`
	TransitionP99 Quantile `json:"transition_ms_p99"`
	// Offers to people: accepted, declined and timed out, out of those answered or expired.
	OfferAcceptance Rate           `json:"offer_acceptance"`
	Declines        Rate           `json:"declines"`
	Timeouts        Rate           `json:"timeouts"`
	DeclineCodes    map[string]int `json:"decline_codes,omitempty"`
	TimeToAcceptP50 Quantile       `json:"time_to_accept_ms_p50"`
	TimeToAcceptP90 Quantile       `json:"time_to_accept_ms_p90"`
	Abandonment     Rate           `json:"abandonment"`
	// ReEscalation and the rest below are over handoffs that moved the conversation.
	ReEscalation  Rate `json:"re_escalation"`
	PingPongStops int  `json:"pingpong_stops"`
	Preservation  Mean `json:"preservation"`
	// PreservationLow is the share of handoffs whose preservation was under 98 %.
	PreservationLow Rate `json:"preservation_under_98"`
	Repeats         Rate `json:"repeat_information"`
	// Conversion is the share converted of moved handoffs whose conversation reported one.
	Conversion Rate `json:"conversion"`
	CSAT       Mean `json:"csat"`
	// Judged is false for a group under the minimum sample; Note says why.
	Judged bool   `json:"judged"`
	Note   string `json:"note,omitempty"`
}

// Conversion compares conversations handed off with those that never were.
type Conversion struct {
	// AfterHandoff: conversations whose ownership moved, with a reported conversion.
	AfterHandoff Rate `json:"after_handoff"`
	// Baseline: conversations never handed off, with a reported conversion.
	Baseline Rate `json:"baseline"`
	// AttemptedOnly counts conversations whose only handoffs failed (in neither side).
	AttemptedOnly int        `json:"attempted_only"`
	Difference    Difference `json:"difference"`
	Lift          Lift       `json:"lift"`
	BaselineCSAT  Mean       `json:"baseline_csat"`
}

// Report is the answer of GET /v1/stats and `starter stats`.
type Report struct {
	From       time.Time         `json:"from,omitzero"`
	To         time.Time         `json:"to,omitzero"`
	Filters    map[string]string `json:"filters,omitempty"`
	GroupBy    string            `json:"group_by"`
	Success    string            `json:"success_definition"`
	MinSample  int               `json:"min_sample"`
	Confidence float64           `json:"confidence"`
	Total      Group             `json:"total"`
	Groups     []Group           `json:"groups,omitempty"`
	Conversion Conversion        `json:"conversion"`
	Targets    []TargetResult    `json:"targets"`
}

// Compute builds the report of the handoffs and conversations given (already filtered).
func Compute(hs []Handoff, convs []Conversation, o Options) (Report, error) {
	if o.MinSample <= 0 {
		o.MinSample = DefaultMinSample
	}
	if len(o.Success.Outcomes) == 0 {
		o.Success = DefaultSuccess()
	}
	if o.GroupBy == "" {
		o.GroupBy = "none"
	}
	if !slices.Contains(GroupBys, o.GroupBy) {
		return Report{}, fmt.Errorf("group_by: %q is not one of %v", o.GroupBy, GroupBys)
	}
	r := Report{GroupBy: o.GroupBy, Success: o.Success.String(), MinSample: o.MinSample, Confidence: Confidence}
	all := make([]*Handoff, len(hs))
	for i := range hs {
		all[i] = &hs[i]
	}
	r.Total = group("all", all, o)
	if o.GroupBy != "none" {
		// Pointers, not copies: a report may span a hundred thousand handoffs.
		byKey := map[string][]*Handoff{}
		for _, h := range all {
			k := Key(*h, o.GroupBy)
			byKey[k] = append(byKey[k], h)
		}
		keys := make([]string, 0, len(byKey))
		for k := range byKey {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			r.Groups = append(r.Groups, group(k, byKey[k], o))
		}
	}
	r.Conversion = conversion(convs, o.MinSample)
	r.Targets = JudgeTargets(r, SeedTargets())
	return r, nil
}

// Key is the handoff's group under a grouping. Person groups handoffs by the person who took
// the conversation; those taken by no person share the group "-".
func Key(h Handoff, by string) string {
	switch by {
	case "pair":
		return h.Source + "→" + orDash(h.Target)
	case "source":
		return h.Source
	case "target":
		return orDash(h.Target)
	case "person":
		if IsPerson(h.TargetKind) && h.Moved() {
			return h.Target
		}
		return "-"
	case "scenario":
		return orDash(h.Scenario)
	case "rule":
		return orDash(h.Rule)
	case "template":
		return orDash(h.Template)
	}
	return "all"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func group(key string, hs []*Handoff, o Options) Group {
	g := Group{Key: key, Handoffs: len(hs), Outcomes: map[string]int{}}
	var (
		tried, succeeded, moved, reEsc, abandoned        int
		offers, accepted, declined, timedOut             int
		withContext, low, repeated, convKnown, converted int
		transitions, answers, preservation, csat         []float64
	)
	for _, h := range hs {
		g.Outcomes[h.Outcome]++
		if h.PingPongStopped {
			g.PingPongStops++
		}
		if o.Success.Counts(*h) {
			tried++
			if o.Success.Of(*h) {
				succeeded++
			}
			if h.Outcome == OutcomeAbandoned {
				abandoned++
			}
		}
		for _, of := range h.Offers {
			if !IsPerson(of.Kind) {
				continue
			}
			switch of.Result {
			case "accepted":
				offers++
				accepted++
				if of.AnswerMs != nil {
					answers = append(answers, float64(*of.AnswerMs))
				}
			case "declined":
				offers++
				declined++
				if g.DeclineCodes == nil {
					g.DeclineCodes = map[string]int{}
				}
				g.DeclineCodes[orDash(of.DeclineCode)]++
			case "timed_out":
				offers++
				timedOut++
			}
		}
		if !h.Moved() {
			continue
		}
		moved++
		if h.ReEscalations > 0 {
			reEsc++
		}
		if h.TransitionMs != nil {
			transitions = append(transitions, float64(*h.TransitionMs))
		}
		if h.Preservation != nil {
			withContext++
			preservation = append(preservation, *h.Preservation)
			if *h.Preservation < 0.98 {
				low++
			}
			if h.Repeats > 0 {
				repeated++
			}
		}
		if h.Late != nil {
			if h.Late.Converted != nil {
				convKnown++
				if *h.Late.Converted {
					converted++
				}
			}
			if h.Late.CSAT != nil {
				csat = append(csat, float64(*h.Late.CSAT))
			}
		}
	}
	m := o.MinSample
	g.Success = NewRate(succeeded, tried, m)
	sorted := sortedCopy(transitions)
	g.TransitionP50, g.TransitionP90, g.TransitionP99 = NewQuantile(0.5, sorted), NewQuantile(0.9, sorted), NewQuantile(0.99, sorted)
	g.OfferAcceptance = NewRate(accepted, offers, m)
	g.Declines = NewRate(declined, offers, m)
	g.Timeouts = NewRate(timedOut, offers, m)
	sorted = sortedCopy(answers)
	g.TimeToAcceptP50, g.TimeToAcceptP90 = NewQuantile(0.5, sorted), NewQuantile(0.9, sorted)
	g.Abandonment = NewRate(abandoned, tried, m)
	g.ReEscalation = NewRate(reEsc, moved, m)
	g.Preservation = NewMean(preservation, m)
	g.PreservationLow = NewRate(low, withContext, m)
	g.Repeats = NewRate(repeated, withContext, m)
	g.Conversion = NewRate(converted, convKnown, m)
	g.CSAT = NewMean(csat, m)
	g.Judged = tried >= m
	if !g.Judged {
		g.Note = fmt.Sprintf("too small to judge: %d handoffs tried, %d needed", tried, m)
	}
	return g
}

func conversion(convs []Conversation, minN int) Conversion {
	var after, afterYes, base, baseYes, attempted int
	var baseCSAT []float64
	for _, c := range convs {
		switch {
		case c.HandedOff:
			if c.Outcome.Converted != nil {
				after++
				if *c.Outcome.Converted {
					afterYes++
				}
			}
		case c.Attempted:
			attempted++
		default:
			if c.Outcome.Converted != nil {
				base++
				if *c.Outcome.Converted {
					baseYes++
				}
			}
			if c.Outcome.CSAT != nil {
				baseCSAT = append(baseCSAT, float64(*c.Outcome.CSAT))
			}
		}
	}
	cv := Conversion{
		AfterHandoff:  NewRate(afterYes, after, minN),
		Baseline:      NewRate(baseYes, base, minN),
		AttemptedOnly: attempted,
		BaselineCSAT:  NewMean(baseCSAT, minN),
	}
	cv.Difference = NewDifference(cv.AfterHandoff, cv.Baseline)
	cv.Lift = NewLift(cv.AfterHandoff, cv.Baseline)
	return cv
}
