package main

import (
	"context"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// runVote sends an approver's vote on a handoff's team decision.
func runVote(e *env, args []string) error {
	fs := e.flags("vote", "--conversation ID --agent ID --approve|--refuse [--reason TEXT]")
	conv := conversationFlag(fs)
	agent := fs.String("agent", "", "the approver voting")
	approve := fs.Bool("approve", false, "approve the handoff")
	refuse := fs.Bool("refuse", false, "refuse the handoff (--reason required)")
	reason := fs.String("reason", "", "why (kept in the handoff's state, never in the log)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *approve == *refuse {
		return usagef("give exactly one of --approve or --refuse")
	}
	if err := handoff.ValidateConversationID(*conv); err != nil {
		return err
	}
	v := handoff.VoteInput{Approver: *agent, Approve: approve, Reason: *reason}
	return e.call(fs, func(*service.Service) error { return v.Validate() },
		func(ctx context.Context, svc *service.Service) (any, error) { return svc.Vote(ctx, *conv, v) })
}

// runNote writes a note between the sender and the receiver of a warm transfer.
func runNote(e *env, args []string) error {
	fs := e.flags("note", "--conversation ID --agent ID --text TEXT")
	conv := conversationFlag(fs)
	agent := fs.String("agent", "", "the sender or receiver writing")
	text := fs.String("text", "", "the note")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := handoff.ValidateConversationID(*conv); err != nil {
		return err
	}
	n := handoff.NoteInput{From: *agent, Text: *text}
	return e.call(fs, func(*service.Service) error { return n.Validate() },
		func(ctx context.Context, svc *service.Service) (any, error) { return svc.Note(ctx, *conv, n) })
}

// runHandback hands a conversation back from the person who owns it to a bot.
func runHandback(e *env, args []string) error {
	fs := e.flags("handback", "--conversation ID --agent ID [--to BOT] [--promised TEXT,...] [--changed TEXT,...] [--notes TEXT]")
	conv := conversationFlag(fs)
	agent := fs.String("agent", "", "the person who owns the conversation")
	to := fs.String("to", "", "the bot to hand back to (default: the one it came from)")
	promised := fs.StringSlice("promised", nil, "what was promised to the customer")
	changed := fs.StringSlice("changed", nil, "what was changed")
	notes := fs.String("notes", "", "anything else the bot should know")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := handoff.ValidateConversationID(*conv); err != nil {
		return err
	}
	req := handoff.HandbackRequest{To: *to, Summary: handoff.HandbackSummary{Promised: *promised, Changed: *changed, Notes: *notes}}
	return e.call(fs, func(*service.Service) error { return req.Validate() },
		func(ctx context.Context, svc *service.Service) (any, error) {
			return svc.Handback(ctx, *conv, *agent, req)
		})
}

// runTransfer starts a warm transfer from the person who owns a conversation to another.
func runTransfer(e *env, args []string) error {
	fs := e.flags("transfer", "--conversation ID --agent ID --to PERSON [--brief TEXT]")
	conv := conversationFlag(fs)
	agent := fs.String("agent", "", "the person who owns the conversation")
	to := fs.String("to", "", "the person to transfer to")
	brief := fs.String("brief", "", "what the receiver should know")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := handoff.ValidateConversationID(*conv); err != nil {
		return err
	}
	req := handoff.TransferRequest{To: *to, Brief: *brief}
	return e.call(fs, func(*service.Service) error { return req.Validate() },
		func(ctx context.Context, svc *service.Service) (any, error) {
			return svc.Transfer(ctx, *conv, *agent, req)
		})
}
