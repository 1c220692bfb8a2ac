package service

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/temporal"
)

func TestClassify(t *testing.T) {
	cases := []struct {
		err  error
		kind Kind
		msg  string
	}{
		{serviceerror.NewNotFound("workflow not found"), KindNotFound, "no running handoff for conversation c-1"},
		{fmt.Errorf("wrapped: %w", serviceerror.NewNotFound("workflow execution already completed")), KindNotFound, "no running handoff"},
		{temporal.NewApplicationError("agent james has no open offer for conversation c-1", "x"), KindConflict, "agent james has no open offer for conversation c-1"},
		{serviceerror.NewUnavailable("connection refused"), KindUnavailable, "Temporal is unavailable"},
		{context.DeadlineExceeded, KindTimeout, "did not finish in time"},
		{serviceerror.NewDeadlineExceeded("deadline"), KindTimeout, "no worker answered"},
		{serviceerror.NewFailedPrecondition("no poller seen for task queue recently, worker may be down"), KindUnavailable, "no worker is polling"},
		{serviceerror.NewFailedPrecondition("workflow is closing"), KindConflict, "accept refused"},
		{&handoff.FieldError{Field: "agent_id", Problem: "is required"}, KindInvalid, "agent_id: is required"},
		{errors.New("disk on fire"), KindInternal, "disk on fire"},
	}
	for _, c := range cases {
		err := classify(c.err, "accept", "c-1")
		if KindOf(err) != c.kind || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("classify(%v) = kind %d %q, want kind %d containing %q", c.err, KindOf(err), err, c.kind, c.msg)
		}
	}
	if classify(nil, "x", "c") != nil {
		t.Error("classify(nil) is not nil")
	}
}
