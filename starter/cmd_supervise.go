package main

import (
	"context"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// A supervisor's actions from the command line, as the API offers them to operators: reassign
// a waiting or offered handoff, change the priority of one in a queue. Setting a person away is
// `presence`, force-releasing is `release --force`.

func runReassign(e *env, args []string) error {
	fs := e.flags("reassign", "--conversation ID --agent ID [--by NAME]")
	conv := conversationFlag(fs)
	agent := agentFlag(fs)
	by := fs.String("by", "", "who reassigns (recorded in the offer's note)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments: %v", fs.Args())
	}
	in := handoff.ReassignInput{AgentID: *agent, By: *by}
	return e.call(fs, func(s *service.Service) error { return s.CheckReassign(*conv, in) },
		func(ctx context.Context, s *service.Service) (any, error) { return s.Reassign(ctx, *conv, in) })
}

func runPriority(e *env, args []string) error {
	fs := e.flags("priority", "--conversation ID --priority N")
	conv := conversationFlag(fs)
	prio := fs.Int("priority", 0, "the handoff's new priority in its queue (-1000 to 1000; aging adds to it)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments: %v", fs.Args())
	}
	if !fs.Changed("priority") {
		return usagef("--priority is required")
	}
	in := handoff.PriorityInput{Priority: *prio}
	return e.call(fs, func(s *service.Service) error { return s.CheckPriority(*conv, in) },
		func(ctx context.Context, s *service.Service) (any, error) { return s.SetPriority(ctx, *conv, in) })
}
