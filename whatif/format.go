package whatif

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/handoffhq/orchestrator/analytics"
)

// WriteText prints the report for a terminal.
func WriteText(w io.Writer, r Report, period string) error {
	fmt.Fprintf(w, "What-if: candidate rules %s against the current %s, over %s of the handoff log.\n",
		r.CandidateVersion, r.CurrentVersion, period)
	fmt.Fprintf(w, "Re-decided %d of %d handoffs", r.Redecided, r.Read)
	var left []string
	if r.NoInputs > 0 {
		left = append(left, fmt.Sprintf("%d recorded before the log kept decision inputs", r.NoInputs))
	}
	if r.Monitoring > 0 {
		left = append(left, fmt.Sprintf("%d started by monitoring rules", r.Monitoring))
	}
	if r.Keyword > 0 {
		left = append(left, fmt.Sprintf("%d decided by keyword paths, which read the customer's words", r.Keyword))
	}
	for i, l := range left {
		sep := "; "
		if i == 0 {
			sep = " (not re-decided: "
		}
		fmt.Fprint(w, sep+l)
	}
	if len(left) > 0 {
		fmt.Fprint(w, ")")
	}
	fmt.Fprintf(w, ". %d would change.\n", r.Changed)
	if r.Drifted > 0 {
		fmt.Fprintf(w, "%d of them were decided otherwise than the current rules decide them now (an older rules version, or inputs the log could not keep); their changes are against what was recorded.\n", r.Drifted)
	}
	if len(r.Moves) > 0 {
		fmt.Fprintln(w)
	}
	for _, m := range r.Moves {
		fmt.Fprintf(w, "  %d would %s instead of %s", m.Count, dest(m.ToRule, m.ToTarget), src(m.FromRule, m.FromTarget))
		if m.Success.N > 0 {
			fmt.Fprintf(w, "; those had %s success with %s", rate(m.Success), m.FromTarget)
		}
		if m.Conversion.N > 0 {
			fmt.Fprintf(w, ", %s converted", rate(m.Conversion))
		}
		if m.ToTarget != NoHandoff && m.ToTargetSuccess.N > 0 {
			fmt.Fprintf(w, "; %s's handoffs in the period had %s", m.ToTarget, rate(m.ToTargetSuccess))
		}
		fmt.Fprintln(w, ".")
	}
	if len(r.ByRule) == 0 {
		return nil
	}
	fmt.Fprintln(w, "\nDecisions by rule, recorded -> candidate:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range r.ByRule {
		fmt.Fprintf(tw, "  %s\t%d\t->\t%d\t%+d\n", c.Rule, c.Recorded, c.Candidate, c.Candidate-c.Recorded)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nSuccess: %s.\n", r.Success)
	return nil
}

func dest(rule, target string) string {
	if rule == NoHandoff {
		return "not be handed off"
	}
	return fmt.Sprintf("go to %s (rule %s)", target, rule)
}

func src(rule, target string) string {
	if rule == NoHandoff {
		return "staying with their source"
	}
	return fmt.Sprintf("%s (rule %s)", target, rule)
}

func rate(r analytics.Rate) string {
	return fmt.Sprintf("%.1f %% (%.1f-%.1f, n=%d)", r.Value*100, r.Low*100, r.High*100, r.N)
}
