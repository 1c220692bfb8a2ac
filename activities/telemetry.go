package activities

import (
	"context"

	"github.com/sony/gobreaker/v2"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// Breaker metrics. The state gauge is read when Prometheus scrapes, from the breakers
// themselves: an open breaker turns half-open only when asked, and asking is what the gauge
// does. Transitions are counted as gobreaker reports them.
const (
	// MetricBreakerState is 0 closed, 1 half-open, 2 open, per agent endpoint
	// (Prometheus: handoff_breaker_state).
	MetricBreakerState = "handoff_breaker_state"
	// MetricBreakerTransitions counts state changes by endpoint and new state
	// (Prometheus: handoff_breaker_transitions_total).
	MetricBreakerTransitions = "handoff_breaker_transitions"
)

// Instrument reports the circuit breakers' states to mp. Without it (unit tests) nothing is
// reported.
func (a *Activities) Instrument(mp metric.MeterProvider) error {
	m := mp.Meter("github.com/handoffhq/orchestrator/activities")
	transitions, err := m.Int64Counter(MetricBreakerTransitions,
		metric.WithDescription("Circuit breaker state changes, by agent endpoint and the state entered."))
	if err != nil {
		return err
	}
	_, err = m.Int64ObservableGauge(MetricBreakerState,
		metric.WithDescription("Circuit breaker state per agent endpoint: 0 closed, 1 half-open, 2 open."),
		metric.WithInt64Callback(func(_ context.Context, o metric.Int64Observer) error {
			a.mu.Lock()
			defer a.mu.Unlock()
			for name, b := range a.breakers {
				o.Observe(stateValue(b.State()), metric.WithAttributes(attribute.String("endpoint", name)))
			}
			return nil
		}))
	if err != nil {
		return err
	}
	a.mu.Lock()
	a.transitions = transitions
	a.mu.Unlock()
	return nil
}

// breakerChanged counts a transition; gobreaker calls it with the breaker's lock held, so it
// only counts.
func (a *Activities) breakerChanged(name string, to gobreaker.State) {
	if c := a.transitions; c != nil {
		c.Add(context.Background(), 1, metric.WithAttributes(attribute.String("endpoint", name), attribute.String("state", to.String())))
	}
}

func stateValue(s gobreaker.State) int64 {
	switch s {
	case gobreaker.StateHalfOpen:
		return 1
	case gobreaker.StateOpen:
		return 2
	}
	return 0
}
