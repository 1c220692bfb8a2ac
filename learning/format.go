package learning

import (
	"fmt"
	"io"
)

// WriteSuggestions prints the report for a terminal.
func WriteSuggestions(w io.Writer, r SuggestReport, period string) error {
	fmt.Fprintf(w, "Rules suggest, over %s of the handoff log: %d handoffs tried. A rule is listed when it has %d handoffs or more and the 95 %% interval of its success lies wholly below the other rules'. Success: %s.\n",
		period, r.Handoffs, r.MinSample, r.Success)
	if len(r.Findings) == 0 {
		_, err := fmt.Fprintln(w, "\nNo rule underperforms.")
		return err
	}
	for _, f := range r.Findings {
		fmt.Fprintf(w, "\n%s (to %s): %.1f %% success (%.1f-%.1f) over %d handoffs, against %.1f %% (%.1f-%.1f) for the other rules' %d.\n",
			f.Rule, f.Target, f.Success.Value*100, f.Success.Low*100, f.Success.High*100, f.Success.N,
			f.Others.Value*100, f.Others.Low*100, f.Others.High*100, f.Others.N)
		if len(f.Suggestions) == 0 {
			fmt.Fprintln(w, "  no edit the log supports: its handoffs do no better in any band of its thresholds or from any source.")
		}
		for _, s := range f.Suggestions {
			fmt.Fprintf(w, "  candidate edit (%s): %s\n    evidence: %s.\n", s.Kind, s.Edit, s.Evidence)
		}
	}
	_, err := fmt.Fprintln(w, "\nTry an edit on the recorded handoffs before it ships: starter whatif --rules candidate.yaml")
	return err
}
