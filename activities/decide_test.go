package activities

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/sdk/temporal"
)

// PlanCallback finds the next business-hours slot after the one in progress; hours that never
// close must not keep it looking forever.
func TestPlanCallback(t *testing.T) {
	cfg := &config.Config{Handoff: config.Handoff{HTTPTimeout: "1s"}, Agents: []handoff.Agent{
		{ID: "day", Kind: handoff.KindHuman, BusinessHours: "Mon-Fri 09:00-17:00", TimeZone: "America/Chicago"},
		{ID: "allday", Kind: handoff.KindHuman, BusinessHours: "Mon-Sun 00:00-24:00"},
		{ID: "almost", Kind: handoff.KindHuman, BusinessHours: "Mon-Sun 00:00-23:59"},
		{ID: "bot", Kind: handoff.KindBot},
	}}
	a := New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	chicago, _ := time.LoadLocation("America/Chicago")
	monday10 := time.Date(2026, 11, 23, 10, 0, 0, 0, chicago)

	cases := []struct {
		agents []string
		want   time.Time
	}{
		// Open now but everyone busy: the next opening, Tuesday 09:00.
		{[]string{"day"}, time.Date(2026, 11, 24, 9, 0, 0, 0, chicago)},
		// Round the clock counts as always open: ask again in an hour.
		{[]string{"allday"}, monday10.Add(time.Hour)},
		{[]string{"almost"}, monday10.Add(time.Hour)},
		{[]string{"bot"}, time.Time{}},
	}
	for _, c := range cases {
		done := make(chan handoff.Callback, 1)
		go func() {
			cb, _ := a.PlanCallback(context.Background(), CallbackInput{Agents: c.agents, After: monday10})
			done <- cb
		}()
		select {
		case cb := <-done:
			if !cb.At.Equal(c.want) {
				t.Errorf("%v: callback at %v, want %v", c.agents, cb.At, c.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%v: PlanCallback did not return", c.agents)
		}
	}
}

// A handoff from an agent this deployment does not know fails, naming the agent and the
// config, instead of matching no rule and reading as "no handoff needed".
func TestSelectTargetRefusesASourceOutsideTheRoster(t *testing.T) {
	cfg, err := config.LoadFile("../config/examples/agent-league.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	a := New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	_, err = a.SelectTarget(context.Background(), SelectInput{Input: handoff.Input{ConversationID: "c-1", SourceAgent: "jorge_seller_bot"}})
	var appErr *temporal.ApplicationError
	if !errors.As(err, &appErr) || appErr.Type() != ErrUnknownAgent || !appErr.NonRetryable() ||
		!strings.Contains(appErr.Message(), `"jorge_seller_bot" is not in the roster`) || !strings.Contains(appErr.Message(), "agent-league.yaml") {
		t.Fatalf("err = %v, want a non-retryable %s naming the source and the config", err, ErrUnknownAgent)
	}
}
