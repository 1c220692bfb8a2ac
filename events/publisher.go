package events

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/metric/noop"
	"go.temporal.io/sdk/temporal"
)

// Publisher delivers batches of events to the subscriptions. Its PublishEvents method is the
// activity the workflow runs at milestones: Temporal retries it with backoff until every
// subscription took the batch, so a receiver that is down gets the events once it is back,
// whichever worker is alive then.
type Publisher struct {
	subs       []Subscription
	http       *http.Client
	logger     *slog.Logger
	deliveries metric.Int64Counter
	// now is the clock signatures are made with (tests move it).
	now func() time.Time
}

// ErrDeliveryFailed is the error type of an attempt that left a subscription without the
// batch; Temporal retries it.
const ErrDeliveryFailed = "EventDeliveryFailed"

// NewPublisher makes a publisher for subs; each delivery attempt is bounded by timeout. mp
// may be nil (no metrics).
func NewPublisher(subs []Subscription, timeout time.Duration, logger *slog.Logger, mp metric.MeterProvider) (*Publisher, error) {
	if mp == nil {
		mp = noop.NewMeterProvider()
	}
	if logger == nil {
		logger = slog.Default()
	}
	c, err := mp.Meter(meterName).Int64Counter(MetricDeliveries,
		metric.WithDescription("Event batches delivered to subscriptions, by subscription and result (delivered, failed: retried, refused: a 4xx, not retried)."))
	if err != nil {
		return nil, err
	}
	return &Publisher{subs: subs, http: &http.Client{Timeout: timeout}, logger: logger, deliveries: c, now: time.Now}, nil
}

const meterName = "github.com/handoffhq/orchestrator/events"

// MetricDeliveries counts deliveries (Prometheus: handoff_event_deliveries_total).
const MetricDeliveries = "handoff_event_deliveries"

// PublishEvents delivers the batch to every subscription whose filter lets some of its events
// through, all at once. A subscription that answers 2xx has it; one that answers another 4xx
// refused it for good (logged, not retried: the same body would be refused again); any other
// answer fails the attempt, and Temporal runs it again later. A retry sends the batch to every
// subscription again, with the same event IDs: receivers drop events they already have.
func (p *Publisher) PublishEvents(ctx context.Context, b Batch) error {
	var mu sync.Mutex
	var failed []string
	var wg sync.WaitGroup
	for _, s := range p.subs {
		var evs []Event
		for _, e := range b.Events {
			if s.For(e.Type) {
				evs = append(evs, e)
			}
		}
		if len(evs) == 0 {
			continue
		}
		wg.Go(func() {
			result := "delivered"
			err := p.deliver(ctx, s, Batch{HandoffID: b.HandoffID, Events: evs})
			var refused *refusal
			switch {
			case err == nil:
			case errors.As(err, &refused):
				result = "refused"
				p.logger.WarnContext(ctx, "event subscriber refused a batch; not retried", "subscription", s.Name,
					"handoff", b.HandoffID, "status", refused.status)
			default:
				result = "failed"
				mu.Lock()
				failed = append(failed, s.Name+": "+err.Error())
				mu.Unlock()
			}
			p.deliveries.Add(ctx, 1, metric.WithAttributes(attribute.String("subscription", s.Name), attribute.String("result", result)))
		})
	}
	wg.Wait()
	if len(failed) > 0 {
		return temporal.NewApplicationError("event delivery failed: "+strings.Join(failed, "; "), ErrDeliveryFailed)
	}
	return nil
}

// deliver posts one batch to one subscription, signed.
func (p *Publisher) deliver(ctx context.Context, s Subscription, b Batch) error {
	body, err := json.Marshal(b)
	if err != nil {
		return temporal.NewNonRetryableApplicationError("encode events", "EncodeFailed", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL, bytes.NewReader(body))
	if err != nil {
		return &refusal{status: "bad URL: " + err.Error()}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "handoff-orchestrator")
	req.Header.Set(SignatureHeader, Sign(s.Secret, body, p.now()))
	resp, err := p.http.Do(req)
	if err != nil {
		return fmt.Errorf("post: %w", err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
	resp.Body.Close()
	switch c := resp.StatusCode; {
	case c >= 200 && c < 300:
		return nil
	case c >= 400 && c < 500 && c != http.StatusRequestTimeout && c != http.StatusTooManyRequests:
		return &refusal{status: resp.Status}
	default:
		return fmt.Errorf("answered %s", resp.Status)
	}
}

// refusal is a subscriber's 4xx: the batch will not be taken however often it is sent.
type refusal struct{ status string }

func (r *refusal) Error() string { return "refused: " + r.status }
