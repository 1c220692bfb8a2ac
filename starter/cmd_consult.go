package main

import (
	"context"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// Consultations from the command line: ask experts about a conversation (an advisory
// request), answer as an expert, read the state and brief. Like accept and decline, the CLI
// talks to Temporal directly and trusts its user to act for the agent named.

const consultUsage = "starter consult ask FILE | answer --id ID --expert AGENT (--recommendation TEXT --confidence 0..1 [--notes TEXT] | --decline [--reason TEXT]) | status --id ID"

func runConsult(e *env, args []string) error {
	if len(args) == 0 {
		return usagef(consultUsage)
	}
	switch args[0] {
	case "ask":
		fs := e.flags("consult ask", "FILE|- (an advisory request: request_id, conversation, consult)")
		if err := parse(fs, args[1:]); err != nil {
			return err
		}
		file, err := one(fs)
		if err != nil {
			return err
		}
		var req handoff.AdvisoryRequest
		if err := e.readJSON(file, &req); err != nil {
			return err
		}
		return e.call(fs, func(s *service.Service) error { return s.CheckAdvisory(&req) },
			func(ctx context.Context, s *service.Service) (any, error) { return s.StartConsultation(ctx, req) })
	case "answer":
		fs := e.flags("consult answer", "--id ID --expert AGENT --recommendation TEXT --confidence 0..1 [--notes TEXT] | --decline [--reason TEXT]")
		id := fs.String("id", "", "the consultation ID (consultation-<conversation>.<key>)")
		var in handoff.AdviceInput
		fs.StringVar(&in.Expert, "expert", "", "the expert answering (an agent the consultation asked)")
		fs.StringVar(&in.Recommendation, "recommendation", "", "what you recommend")
		fs.Float64Var(&in.Confidence, "confidence", 0, "how sure you are, 0 to 1")
		fs.StringVar(&in.Notes, "notes", "", "the reasoning or figures behind it")
		fs.BoolVar(&in.Decline, "decline", false, "you will not advise (give --reason)")
		fs.StringVar(&in.Reason, "reason", "", "why you decline")
		if err := parse(fs, args[1:]); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usagef("unexpected arguments: %v", fs.Args())
		}
		return e.call(fs, func(*service.Service) error {
			if err := handoff.ValidateConsultationID(*id); err != nil {
				return err
			}
			return in.Validate()
		}, func(ctx context.Context, s *service.Service) (any, error) { return s.AnswerConsultation(ctx, *id, in) })
	case "status":
		fs := e.flags("consult status", "--id ID")
		id := fs.String("id", "", "the consultation ID")
		if err := parse(fs, args[1:]); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usagef("unexpected arguments: %v", fs.Args())
		}
		return e.call(fs, func(*service.Service) error { return handoff.ValidateConsultationID(*id) },
			func(ctx context.Context, s *service.Service) (any, error) { return s.Consultation(ctx, *id) })
	}
	return usagef(consultUsage)
}
