package store

import (
	"context"

	"github.com/handoffhq/orchestrator/analytics"
)

// Report reads the filtered handoffs and conversations and computes their report.
func (s *Store) Report(ctx context.Context, f Filter, o analytics.Options) (analytics.Report, error) {
	hs, err := s.Handoffs(ctx, f)
	if err != nil {
		return analytics.Report{}, err
	}
	convs, err := s.Conversations(ctx, f)
	if err != nil {
		return analytics.Report{}, err
	}
	r, err := analytics.Compute(hs, convs, o)
	if err != nil {
		return r, err
	}
	r.From, r.To = f.From, f.To
	for k, v := range map[string]string{"source": f.Source, "target": f.Target, "scenario": f.Scenario, "rule": f.Rule,
		"template": f.Template, "outcome": f.Outcome} {
		if v != "" {
			if r.Filters == nil {
				r.Filters = map[string]string{}
			}
			r.Filters[k] = v
		}
	}
	return r, nil
}
