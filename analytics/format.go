package analytics

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// WriteTable prints the report for a terminal: the groups, the conversion comparison and the
// targets view.
func WriteTable(w io.Writer, r Report) error {
	if !r.From.IsZero() || !r.To.IsZero() {
		fmt.Fprintf(w, "Handoffs started %s to %s", when(r.From, "the beginning"), when(r.To, "now"))
	} else {
		fmt.Fprint(w, "All handoffs")
	}
	if len(r.Filters) > 0 {
		keys := make([]string, 0, len(r.Filters))
		for k := range r.Filters {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(w, ", %s %s", k, r.Filters[k])
		}
	}
	fmt.Fprintf(w, ". Success: %s. Intervals at %.0f %%; groups under %d are not judged.\n\n", r.Success, r.Confidence*100, r.MinSample)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "group\thandoffs\tsuccess (95% CI)\ttransition p50/p90/p99\taccept\tdecline\ttimeout\tabandon\tpreservation\t<98%\trepeats\tconversion (95% CI)\tCSAT\t")
	rows := append([]Group{r.Total}, r.Groups...)
	for _, g := range rows {
		note := ""
		if !g.Judged {
			note = "  (too small to judge)"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", g.Key, g.Handoffs,
			rateCI(g.Success), durations(g.TransitionP50, g.TransitionP90, g.TransitionP99),
			pct(g.OfferAcceptance), pct(g.Declines), pct(g.Timeouts), pct(g.Abandonment),
			mean(g.Preservation, true), pct(g.PreservationLow), pct(g.Repeats), rateCI(g.Conversion), mean(g.CSAT, false), note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	c := r.Conversion
	fmt.Fprintf(w, "\nConversion: after a handoff %s; never handed off %s; lift %s, difference %s",
		rateCI(c.AfterHandoff), rateCI(c.Baseline), liftCI(c.Lift.Value, c.Lift.Low, c.Lift.High, c.Lift.Enough),
		liftCI(c.Difference.Value, c.Difference.Low, c.Difference.High, c.Difference.Enough))
	if c.AttemptedOnly > 0 {
		fmt.Fprintf(w, " (%d conversations whose handoffs all failed are in neither side)", c.AttemptedOnly)
	}
	fmt.Fprintln(w, ".")

	fmt.Fprintln(w, "\nTargets (the seed's):")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, t := range r.Targets {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", t.Name, targetFigure(t), strings.ToUpper(t.Verdict), t.Why)
	}
	return tw.Flush()
}

func when(t time.Time, empty string) string {
	if t.IsZero() {
		return empty
	}
	return t.UTC().Format(time.RFC3339)
}

func pct(r Rate) string {
	if r.N == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", r.Value*100)
}

func rateCI(r Rate) string {
	if r.N == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%% (%.1f-%.1f) n=%d", r.Value*100, r.Low*100, r.High*100, r.N)
}

func liftCI(v, lo, hi float64, enough bool) string {
	if v == 0 && lo == 0 && hi == 0 {
		return "-"
	}
	s := fmt.Sprintf("%+.1f%% (%+.1f to %+.1f)", v*100, lo*100, hi*100)
	if !enough {
		s += " (small sample)"
	}
	return s
}

func mean(m Mean, percent bool) string {
	if m.N == 0 {
		return "-"
	}
	if percent {
		return fmt.Sprintf("%.1f%%", m.Value*100)
	}
	return fmt.Sprintf("%.2f", m.Value)
}

func durations(qs ...Quantile) string {
	if qs[0].N == 0 {
		return "-"
	}
	parts := make([]string, len(qs))
	for i, q := range qs {
		parts[i] = seconds(q.Value)
	}
	return strings.Join(parts, " / ")
}

func seconds(ms float64) string {
	if ms < 1000 {
		return fmt.Sprintf("%.0fms", ms)
	}
	return fmt.Sprintf("%.1fs", ms/1000)
}

func targetFigure(t TargetResult) string {
	switch t.Unit {
	case "%":
		return fmt.Sprintf("%.2f%% (%.2f-%.2f) n=%d", t.Value*100, t.Low*100, t.High*100, t.N)
	case "ms":
		return fmt.Sprintf("%s (%s-%s) n=%d", seconds(t.Value), seconds(t.Low), seconds(t.High), t.N)
	}
	return fmt.Sprintf("%+.1f%% (%+.1f to %+.1f) n=%d", t.Value*100, t.Low*100, t.High*100, t.N)
}

// CSVHeader names the columns WriteCSV writes.
var CSVHeader = []string{"group", "handoffs", "success", "success_low", "success_high", "success_n",
	"transition_ms_p50", "transition_ms_p90", "transition_ms_p99", "offer_acceptance", "declines", "timeouts",
	"time_to_accept_ms_p50", "abandonment", "re_escalation", "pingpong_stops", "preservation_mean",
	"preservation_under_98", "repeat_information", "conversion", "conversion_low", "conversion_high", "conversion_n",
	"csat_mean", "judged"}

// WriteCSV writes one row per group, the total first.
func WriteCSV(w io.Writer, r Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, g := range append([]Group{r.Total}, r.Groups...) {
		row := []string{g.Key, strconv.Itoa(g.Handoffs), num(g.Success.Value, g.Success.N), num(g.Success.Low, g.Success.N),
			num(g.Success.High, g.Success.N), strconv.Itoa(g.Success.N),
			num(g.TransitionP50.Value, g.TransitionP50.N), num(g.TransitionP90.Value, g.TransitionP90.N), num(g.TransitionP99.Value, g.TransitionP99.N),
			num(g.OfferAcceptance.Value, g.OfferAcceptance.N), num(g.Declines.Value, g.Declines.N), num(g.Timeouts.Value, g.Timeouts.N),
			num(g.TimeToAcceptP50.Value, g.TimeToAcceptP50.N), num(g.Abandonment.Value, g.Abandonment.N),
			num(g.ReEscalation.Value, g.ReEscalation.N), strconv.Itoa(g.PingPongStops), num(g.Preservation.Value, g.Preservation.N),
			num(g.PreservationLow.Value, g.PreservationLow.N), num(g.Repeats.Value, g.Repeats.N),
			num(g.Conversion.Value, g.Conversion.N), num(g.Conversion.Low, g.Conversion.N), num(g.Conversion.High, g.Conversion.N),
			strconv.Itoa(g.Conversion.N), num(g.CSAT.Value, g.CSAT.N), strconv.FormatBool(g.Judged)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// num is a figure for CSV: empty when its sample is empty.
func num(v float64, n int) string {
	if n == 0 || math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
