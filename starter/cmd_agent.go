package main

import (
	"context"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
	"github.com/spf13/pflag"
)

// The human agent's day from the command line: go online, list offers (answer them with
// accept/decline), release a conversation when it is over. Each talks to the person's entity
// workflow (agent-<ID>) directly, as the HTTP API does.

func agentFlag(fs *pflag.FlagSet) *string {
	return fs.String("agent", "", "the human or supervisor's roster ID (entity workflow agent-<ID>)")
}

func runPresence(e *env, args []string) error {
	fs := e.flags("presence", "--agent ID online|away|offline [--reason TEXT]")
	agent := agentFlag(fs)
	reason := fs.String("reason", "", "why (logged by the agent's workflow)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("give exactly one presence: online, away or offline")
	}
	in := handoff.PresenceInput{Presence: handoff.Presence(fs.Arg(0)), Reason: *reason}
	return e.call(fs, func(s *service.Service) error { return s.CheckPresence(*agent, in) },
		func(ctx context.Context, s *service.Service) (any, error) { return s.SetPresence(ctx, *agent, in) })
}

// runAgentRead makes the read-only agent commands: state and offers differ only in what
// they ask the person's workflow.
func runAgentRead(name string, read func(context.Context, *service.Service, string) (any, error)) func(*env, []string) error {
	return func(e *env, args []string) error {
		fs := e.flags(name, "--agent ID")
		agent := agentFlag(fs)
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usagef("unexpected arguments: %v", fs.Args())
		}
		return e.call(fs, func(s *service.Service) error { return s.CheckPerson(*agent) },
			func(ctx context.Context, s *service.Service) (any, error) { return read(ctx, s, *agent) })
	}
}

var (
	runAgentState = runAgentRead("agent", func(ctx context.Context, s *service.Service, id string) (any, error) {
		return s.AgentState(ctx, id)
	})
	runOffers = runAgentRead("offers", func(ctx context.Context, s *service.Service, id string) (any, error) {
		return s.Offers(ctx, id)
	})
)

func runRelease(e *env, args []string) error {
	fs := e.flags("release", "--agent ID --conversation ID [--reason TEXT] [--disposition CODE] [--force]")
	agent := agentFlag(fs)
	conv := conversationFlag(fs)
	reason := fs.String("reason", "", "why (e.g. resolved)")
	disposition := fs.String("disposition", "", "the code to record for the conversation (resolved, sale, ...); the wrap-up time follows")
	force := fs.Bool("force", false, "a supervisor's force-release: frees an open offer or a wrap-up too, at once")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments: %v", fs.Args())
	}
	in := handoff.ReleaseInput{ConversationID: *conv, Reason: *reason, Disposition: *disposition}
	return e.call(fs, func(s *service.Service) error { return s.CheckRelease(*agent, in) },
		func(ctx context.Context, s *service.Service) (any, error) {
			if *force {
				return s.ForceRelease(ctx, *agent, in)
			}
			return s.Release(ctx, *agent, in)
		})
}
