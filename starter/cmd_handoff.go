package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
	"github.com/spf13/pflag"
)

// opTimeout bounds one Temporal call from the CLI; --wait is bounded by Ctrl-C instead.
const opTimeout = 30 * time.Second

// connect loads the config, runs check (input validation against the roster) before any
// network call, so a typo is reported as such even when Temporal is down, then dials
// Temporal. The returned close func releases the client.
func (e *env) connect(fs *pflag.FlagSet, check func(*service.Service) error) (*service.Service, func(), error) {
	cfg, err := e.loadConfig(fs)
	if err != nil {
		return nil, nil, err
	}
	if check != nil {
		if err := check(service.New(nil, cfg)); err != nil {
			return nil, nil, err
		}
	}
	cl, err := service.Dial(cfg, e.logger(), false)
	if err != nil {
		return nil, nil, err
	}
	return service.New(cl, cfg), cl.Close, nil
}

// call connects (after check), runs one Temporal operation within opTimeout and prints what it
// returns: the steps every per-conversation command shares once its flags are checked.
func (e *env) call(fs *pflag.FlagSet, check func(*service.Service) error, op func(context.Context, *service.Service) (any, error)) error {
	svc, closeFn, err := e.connect(fs, check)
	if err != nil {
		return err
	}
	defer closeFn()
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	out, err := op(ctx, svc)
	if err != nil {
		return err
	}
	return e.printJSON(out)
}

// interruptible is a context cancelled by SIGINT or SIGTERM.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func (e *env) printJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	// Conditions such as "> 0.9" read better unescaped; nothing here is rendered as HTML.
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// readJSON decodes FILE, or stdin for "-", strictly (unknown fields are errors).
func (e *env) readJSON(name string, v any) error {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			// A file that is not there is a mistake on the command line, like a bad flag.
			return usageError{err.Error()}
		}
		defer f.Close()
		r = f
	}
	if err := service.Decode(r, v); err != nil {
		if fe, ok := handoff.AsFieldError(err); ok && name != "-" {
			return &handoff.FieldError{Field: fe.Field, Problem: fe.Problem + " (in " + name + ")"}
		}
		return err
	}
	return nil
}

// readInput parses the flags and reads the one FILE (or - for stdin) argument as a handoff
// Input: what start and decide share.
func (e *env) readInput(fs *pflag.FlagSet, args []string) (handoff.Input, error) {
	var in handoff.Input
	if err := parse(fs, args); err != nil {
		return in, err
	}
	file, err := one(fs)
	if err != nil {
		return in, err
	}
	return in, e.readJSON(file, &in)
}

func runStart(e *env, args []string) error {
	fs := e.flags("start", "[FILE|-] [--wait]")
	wait := fs.Bool("wait", false, "wait for the handoff to finish and print its final state")
	in, err := e.readInput(fs, args)
	if err != nil {
		return err
	}
	svc, closeFn, err := e.connect(fs, func(s *service.Service) error { return s.ValidateInput(&in) })
	if err != nil {
		return err
	}
	defer closeFn()
	ctx, cancel := interruptible()
	defer cancel()
	sctx, scancel := context.WithTimeout(ctx, opTimeout)
	res, err := svc.Start(sctx, in)
	scancel()
	if err != nil {
		return err
	}
	if !*wait {
		return e.printJSON(res)
	}
	st, err := svc.Result(ctx, in.ConversationID, res.RunID)
	if err != nil {
		return err
	}
	return e.printJSON(st)
}

// conversationFlag adds the --conversation flag every per-handoff command takes.
func conversationFlag(fs *pflag.FlagSet) *string {
	return fs.String("conversation", "", "conversation ID (the handoff's workflow ID is handoff-<ID>)")
}

func runAnswer(update string) func(e *env, args []string) error {
	return func(e *env, args []string) error {
		fs := e.flags(update, "--conversation ID --agent ID [--reason TEXT]")
		conv := conversationFlag(fs)
		agent := fs.String("agent", "", "the answering agent's ID")
		reason := fs.String("reason", "", "why (recorded with the answer)")
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usagef("unexpected arguments: %v", fs.Args())
		}
		if err := handoff.ValidateConversationID(*conv); err != nil {
			return err
		}
		ans := handoff.AnswerInput{AgentID: *agent, Reason: *reason}
		return e.call(fs, func(s *service.Service) error { return s.CheckAnswer(*conv, ans) },
			func(ctx context.Context, svc *service.Service) (any, error) {
				if update == handoff.UpdateAccept {
					return svc.Accept(ctx, *conv, ans)
				}
				return svc.Decline(ctx, *conv, ans)
			})
	}
}

func runConfirm(e *env, args []string) error {
	fs := e.flags("confirm", "--conversation ID --yes|--no [--by NAME]")
	conv := conversationFlag(fs)
	yes := fs.Bool("yes", false, "confirm the handoff")
	no := fs.Bool("no", false, "reject the handoff")
	by := fs.String("by", "", "who confirms (recorded)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *yes == *no {
		return usagef("give exactly one of --yes or --no")
	}
	if err := handoff.ValidateConversationID(*conv); err != nil {
		return err
	}
	return e.call(fs, nil, func(ctx context.Context, svc *service.Service) (any, error) {
		return svc.Confirm(ctx, *conv, handoff.ConfirmInput{Yes: *yes, By: *by})
	})
}

func runAck(e *env, args []string) error {
	fs := e.flags("ack", "--conversation ID --agent ID [--received PATH,...] [--missing PATH,...]")
	conv := conversationFlag(fs)
	agent := fs.String("agent", "", "the receiving agent")
	received := fs.StringSlice("received", nil, "required field paths the agent has")
	missing := fs.StringSlice("missing", nil, "required field paths the agent misses")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := handoff.ValidateConversationID(*conv); err != nil {
		return err
	}
	return e.call(fs, nil, func(ctx context.Context, svc *service.Service) (any, error) {
		return svc.ContextAck(ctx, *conv, handoff.ContextAckInput{AgentID: *agent, Received: *received, Missing: *missing})
	})
}

func runCancel(e *env, args []string) error {
	fs := e.flags("cancel", "--conversation ID")
	conv := conversationFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := handoff.ValidateConversationID(*conv); err != nil {
		return err
	}
	return e.call(fs, nil, func(ctx context.Context, svc *service.Service) (any, error) {
		if err := svc.Cancel(ctx, *conv); err != nil {
			return nil, err
		}
		return map[string]string{"workflow_id": handoff.WorkflowID(*conv), "status": "cancel_requested"}, nil
	})
}

func runStatus(e *env, args []string) error {
	fs := e.flags("status", "--conversation ID")
	conv := conversationFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := handoff.ValidateConversationID(*conv); err != nil {
		return err
	}
	return e.call(fs, nil, func(ctx context.Context, svc *service.Service) (any, error) {
		return svc.Status(ctx, *conv)
	})
}

func runEvents(e *env, args []string) error {
	fs := e.flags("events", "--conversation ID (--type TYPE [--text T] [--sentiment F] [--outcome O] [--csat N] | -)")
	conv := conversationFlag(fs)
	typ := fs.String("type", "", "customer_message, sentiment, outcome, turn_complete, customer_left, customer_repeated, agent_message, csat or callback_requested")
	text := fs.String("text", "", "text of a customer_message, or the customer's comment on a csat")
	sentiment := fs.Float64("sentiment", 0, "sentiment from -1 to 1, for sentiment events")
	outcome := fs.String("outcome", "", "the receiver's verdict, for outcome events")
	csat := fs.Int("csat", 0, "the customer's satisfaction score from 1 to 5, for csat events")
	if err := parse(fs, args); err != nil {
		return err
	}
	var ev handoff.Event
	switch {
	case fs.NArg() == 1 && fs.Arg(0) == "-":
		for _, f := range []string{"type", "text", "sentiment", "outcome", "csat"} {
			if fs.Changed(f) {
				return usagef("give the event either as flags or as JSON on stdin (-), not both (--%s)", f)
			}
		}
		if err := e.readJSON("-", &ev); err != nil {
			return err
		}
	case fs.NArg() == 0:
		ev = handoff.Event{Type: handoff.EventType(*typ), Text: *text, Sentiment: *sentiment, Outcome: *outcome, CSAT: *csat}
	default:
		return usagef("unexpected arguments: %v (use - to read a JSON event from stdin)", fs.Args())
	}
	if err := handoff.ValidateConversationID(*conv); err != nil {
		return err
	}
	if err := ev.Validate(); err != nil {
		return err
	}
	return e.call(fs, nil, func(ctx context.Context, svc *service.Service) (any, error) {
		if err := svc.SendEvent(ctx, *conv, ev); err != nil {
			return nil, err
		}
		return map[string]string{"workflow_id": handoff.WorkflowID(*conv), "status": "event_sent"}, nil
	})
}

// runDecide needs no Temporal: it runs the config's rules on the input and prints the result.
func runDecide(e *env, args []string) error {
	fs := e.flags("decide", "[FILE|-]")
	in, err := e.readInput(fs, args)
	if err != nil {
		return err
	}
	cfg, err := e.loadConfig(fs)
	if err != nil {
		return err
	}
	d, err := service.New(nil, cfg).Decide(in)
	if err != nil {
		return err
	}
	return e.printJSON(d)
}
