package main

import (
	"fmt"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/starter/devagents"
)

func runDevAgents(e *env, args []string) error {
	fs := e.flags("devagents", "[--listen ADDR] [--fail AGENT] [--slow AGENT=DURATION] [--down AGENT] [--busy AGENT=DURATION] [--calendar-down AGENT]")
	listen := fs.String("listen", "127.0.0.1:8090", "address to listen on")
	fail := fs.StringArray("fail", nil, "agent whose webhook and notify routes answer 503 (repeatable)")
	slow := fs.StringArray("slow", nil, "AGENT=DURATION: delay the agent's answers (repeatable)")
	down := fs.StringArray("down", nil, "agent whose health check answers 503 (repeatable)")
	busy := fs.StringArray("busy", nil, "AGENT=DURATION: the person's calendar shows them busy from now for DURATION (repeatable)")
	calendarDown := fs.StringArray("calendar-down", nil, "person whose calendar feed answers 503 (repeatable)")
	if err := parse(fs, args); err != nil {
		return err
	}
	e.logLevel = slog.LevelInfo
	logger := e.logger()
	agents := devagents.New(logger)
	for _, a := range *fail {
		agents.SetFail(a, true)
	}
	for _, a := range *down {
		agents.SetDown(a, true)
	}
	for _, s := range *slow {
		agent, d, err := agentDuration("--slow", s, "jorge_buyer_bot=3s")
		if err != nil {
			return err
		}
		agents.SetSlow(agent, d)
	}
	for _, s := range *busy {
		agent, d, err := agentDuration("--busy", s, "maria=45m")
		if err != nil {
			return err
		}
		agents.SetBusy(agent, d)
	}
	for _, a := range *calendarDown {
		agents.SetCalendarDown(a, true)
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *listen, err)
	}
	logger.Info("serving development agents", "addr", ln.Addr().String(), "fail", *fail, "down", *down, "slow", *slow,
		"busy", *busy, "calendar_down", *calendarDown)
	return serveUntilSignal(ln, agents.Handler(), logger)
}

// agentDuration reads AGENT=DURATION.
func agentDuration(flag, s, example string) (string, time.Duration, error) {
	agent, dur, ok := strings.Cut(s, "=")
	d, err := time.ParseDuration(dur)
	if !ok || agent == "" || err != nil || d <= 0 {
		return "", 0, usagef("%s %q: want AGENT=DURATION, e.g. %s", flag, s, example)
	}
	return agent, d, nil
}
