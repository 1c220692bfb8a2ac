// Command starter is the client side of the handoff orchestrator for bots, humans and
// operators: subcommands that start and answer handoffs, the HTTP/JSON API (`serve`), API
// token management, and a development stand-in for the external agents (`devagents`).
//
// Exit codes: 0 success, 1 failure (Temporal unreachable, timeout, internal), 2 usage or
// invalid input, 3 no such handoff, 4 refused by the workflow (conflict).
package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/redact"
	"github.com/handoffhq/orchestrator/starter/service"
	"github.com/handoffhq/orchestrator/telemetry"
	"github.com/spf13/pflag"
)

// env is what a command runs with; tests give it buffers instead of the process's streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	global         *pflag.FlagSet
	// logLevel is Warn for one-shot commands (their output is the JSON on stdout) and Info
	// for the servers.
	logLevel slog.Level
}

func (e *env) logger() *slog.Logger {
	// Every log line goes through the redactor: no customer email or phone number in logs.
	// Lines logged with a context carry its trace and span IDs.
	return redact.New(telemetry.LogHandler(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: e.logLevel})), redact.Options{})
}

type command struct {
	summary string
	run     func(e *env, args []string) error
}

var commands = map[string]command{
	"start":       {"start a handoff from a JSON input (FILE or - for stdin)", runStart},
	"accept":      {"accept an offer as a human agent", runAnswer(handoff.UpdateAccept)},
	"decline":     {"decline an offer as a human agent", runAnswer(handoff.UpdateDecline)},
	"confirm":     {"answer a handoff waiting for confirmation (--yes or --no)", runConfirm},
	"ack":         {"acknowledge the context received, listing missing fields (receiving agent)", runAck},
	"cancel":      {"cancel a running handoff", runCancel},
	"status":      {"print the state of a conversation's handoff", runStatus},
	"events":      {"send a conversation event to a running handoff", runEvents},
	"decide":      {"print the routing decision for an input, starting nothing", runDecide},
	"serve":       {"run the HTTP/JSON API", runServe},
	"token":       {"make API tokens: token new | token init", runToken},
	"devagents":   {"run the development stand-in for agents' webhooks", runDevAgents},
	"presence":    {"set a human agent online, away or offline", runPresence},
	"agent":       {"print a human agent's presence, load and reservations", runAgentState},
	"offers":      {"list a human agent's open offers with their briefs", runOffers},
	"release":     {"release a conversation a human agent finished (--force: a supervisor's force-release)", runRelease},
	"bench":       {"load benchmark against the engine's ceiling (make bench)", runBench},
	"simulate":    {"handoffs with planted truths through the workflow; checks the statistics recover them (make simulate)", runSimulate},
	"stats":       {"handoff statistics from the handoff log, judged against the targets", runStats},
	"outcome":     {"record a conversation's late business outcome in the handoff log", runOutcome},
	"store":       {"the handoff log: store migrate | purge --before DATE | chain --conversation ID", runStore},
	"replay":      {"replay recorded histories with this build's workflow code; fails on non-determinism (a deploy check)", runReplay},
	"rules":       {"rules suggest: rules whose handoffs underperform, with a candidate edit and the evidence", runRules},
	"whatif":      {"re-decide the logged handoffs with candidate rules: what would change (nothing is started)", runWhatIf},
	"experiments": {"experiments: experiments list | report NAME (per-variant figures, tests, verdict)", runExperiments},
	"reassign":    {"offer a waiting or offered handoff to a named person (a supervisor's action)", runReassign},
	"priority":    {"change the priority of a handoff waiting in a queue (a supervisor's action)", runPriority},
	"consult":     {"consultations: consult ask FILE | answer --id ID --expert AGENT ... | status --id ID", runConsult},
	"queues":      {"the queues' real-time statistics: waiting, waits, service level, people and their load", runQueues},
	"vote":        {"vote on a handoff's team decision as an approver (--approve or --refuse)", runVote},
	"note":        {"write a note between the sender and the receiver of a warm transfer", runNote},
	"handback":    {"hand a conversation back from the person who owns it to a bot", runHandback},
	"transfer":    {"transfer a conversation warm from the person who owns it to another person", runTransfer},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	global := pflag.NewFlagSet("starter", pflag.ContinueOnError)
	global.SetInterspersed(false)
	global.SetOutput(io.Discard)
	config.Flags(global)
	if err := global.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			usage(stdout)
			return 0
		}
		fmt.Fprintf(stderr, "starter: %v\n", err)
		usage(stderr)
		return 2
	}
	rest := global.Args()
	if len(rest) == 0 {
		usage(stderr)
		return 2
	}
	if rest[0] == "help" {
		usage(stdout)
		return 0
	}
	cmd, ok := commands[rest[0]]
	if !ok {
		fmt.Fprintf(stderr, "starter: unknown command %q\n", rest[0])
		usage(stderr)
		return 2
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, global: global, logLevel: slog.LevelWarn}
	err := cmd.run(e, rest[1:])
	if err == nil || errors.Is(err, pflag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(stderr, "starter %s: %v\n", rest[0], err)
	return exitCode(err)
}

func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	switch service.KindOf(err) {
	case service.KindInvalid:
		return 2
	case service.KindNotFound:
		return 3
	case service.KindConflict:
		return 4
	}
	return 1
}

// usageError is a mistake on the command line (exit code 2).
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: starter [global flags] COMMAND [flags]")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nGlobal flags (also accepted after the command):")
	fs := pflag.NewFlagSet("", pflag.ContinueOnError)
	config.Flags(fs)
	fmt.Fprint(w, fs.FlagUsages())
	fmt.Fprintln(w, "\nRun 'starter COMMAND --help' for a command's flags.")
}

// flags makes a command's flag set with the global flags shared into it, so they work before
// or after the command name.
func (e *env) flags(name, synopsis string) *pflag.FlagSet {
	fs := pflag.NewFlagSet("starter "+name, pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.AddFlagSet(e.global)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: starter %s %s\n\nFlags:\n%s", name, synopsis, fs.FlagUsages())
	}
	return fs
}

// parse parses a command's flags; a bad flag is a usage error (pflag already printed usage).
func parse(fs *pflag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

// one returns the single optional positional argument, defaulting to "-" (stdin).
func one(fs *pflag.FlagSet) (string, error) {
	switch fs.NArg() {
	case 0:
		return "-", nil
	case 1:
		return fs.Arg(0), nil
	}
	return "", usagef("expected at most one FILE argument, got %s", strings.Join(fs.Args(), " "))
}
