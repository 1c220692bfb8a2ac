package service

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/handoffhq/orchestrator/handoff"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/temporal"
)

// Kind classifies an operation's failure so the CLI (exit code) and the HTTP API (status)
// answer the same mistake the same way.
type Kind int

const (
	// KindInternal is anything unexpected: logged in full, shown briefly.
	KindInternal Kind = iota
	// KindInvalid is a client mistake in the input (*handoff.FieldError).
	KindInvalid
	// KindNotFound means no handoff runs for the conversation.
	KindNotFound
	// KindConflict means the workflow refused the request in its current state, e.g. an
	// answer from an agent without an open offer.
	KindConflict
	// KindUnavailable means Temporal cannot be reached.
	KindUnavailable
	// KindTimeout means the operation did not finish in time (often: no worker is running).
	KindTimeout
)

// Error is an operation's failure with its kind and a message fit for the caller.
type Error struct {
	Kind    Kind
	Message string
	Err     error
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

// KindOf classifies err; nil is KindInternal and never asked about.
func KindOf(err error) Kind {
	if _, ok := handoff.AsFieldError(err); ok {
		return KindInvalid
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}

// noHandoff is the not-found message shared by every operation on a running handoff.
func noHandoff(convID string, err error) *Error {
	return &Error{Kind: KindNotFound, Message: fmt.Sprintf("no running handoff for conversation %s", convID), Err: err}
}

// classify turns a Temporal client error into an *Error. what names the operation for the
// message ("accept", "query state"); convID names the conversation.
func classify(err error, what, convID string) error {
	if err == nil {
		return nil
	}
	if _, ok := handoff.AsFieldError(err); ok {
		return err
	}
	var own *Error
	if errors.As(err, &own) {
		return err
	}
	var (
		notFound    *serviceerror.NotFound
		unavailable *serviceerror.Unavailable
		deadline    *serviceerror.DeadlineExceeded
		canceled    *serviceerror.Canceled
		app         *temporal.ApplicationError
		precond     *serviceerror.FailedPrecondition
		queryFailed *serviceerror.QueryFailed
	)
	switch {
	case errors.As(err, &notFound):
		return noHandoff(convID, err)
	case errors.As(err, &app):
		// An Update's validator or handler refused: the workflow's own words are the message.
		return &Error{Kind: KindConflict, Message: app.Message(), Err: err}
	case errors.As(err, &precond) && strings.Contains(precond.Message, "no poller seen"):
		// Temporal refusing to queue work nobody would pick up is not the caller's conflict.
		return &Error{Kind: KindUnavailable, Err: err, Message: fmt.Sprintf(
			"%s for conversation %s: no worker is polling the handoff task queue (the workers are down or restarting); retry in a moment", what, convID)}
	case errors.As(err, &precond):
		return &Error{Kind: KindConflict, Message: fmt.Sprintf("%s refused for conversation %s: %s", what, convID, precond.Message), Err: err}
	case errors.As(err, &queryFailed):
		return &Error{Kind: KindConflict, Message: fmt.Sprintf("%s failed for conversation %s: %s", what, convID, queryFailed.Message), Err: err}
	case errors.As(err, &unavailable):
		return &Error{Kind: KindUnavailable, Message: "Temporal is unavailable: " + unavailable.Message, Err: err}
	case errors.As(err, &deadline), errors.As(err, &canceled),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return &Error{Kind: KindTimeout, Err: err, Message: fmt.Sprintf(
			"%s for conversation %s did not finish in time: no worker answered (the workers are down, restarting or busy) or Temporal is slow", what, convID)}
	}
	return &Error{Kind: KindInternal, Message: fmt.Sprintf("%s for conversation %s failed: %v", what, convID, err), Err: err}
}
