package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/starter/service"
)

// `starter queues`: each queue's real-time statistics and its people, as GET /v1/queues
// answers them (--json prints that answer).

func runQueues(e *env, args []string) error {
	fs := e.flags("queues", "[--group G] [--json]")
	group := fs.String("group", "", "one queue (a group of queues[]); all of them when empty")
	asJSON := fs.Bool("json", false, "print the statistics as the API answers them")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected arguments: %v", fs.Args())
	}
	check := func(s *service.Service) error {
		if *group == "" {
			return nil
		}
		return s.CheckQueue(*group)
	}
	svc, closeFn, err := e.connect(fs, check)
	if err != nil {
		return err
	}
	defer closeFn()
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	var out service.QueuesStats
	if *group != "" {
		st, err := svc.QueueStats(ctx, *group)
		if err != nil {
			return err
		}
		out.Queues = []handoff.QueueStats{st}
	} else if out, err = svc.Queues(ctx); err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(out)
	}
	if len(out.Queues) == 0 {
		fmt.Fprintln(e.stdout, "No queues are configured (queues[] in the config).")
		return nil
	}
	for i, st := range out.Queues {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		printQueue(e.stdout, st)
	}
	return nil
}

// printQueue writes one queue's statistics for a person at a terminal.
func printQueue(w io.Writer, st handoff.QueueStats) {
	state := ""
	if !st.Running {
		state = " (not running: nobody has waited yet)"
	}
	fmt.Fprintf(w, "Queue %s%s\n", st.Group, state)
	fmt.Fprintf(w, "  waiting %d, offered %d; longest wait %s, average %s\n", st.Waiting, st.Offered, secs(st.LongestWaitSeconds), secs(st.AverageWaitSeconds))
	sl := "no answers yet"
	if st.ServiceLevel != nil {
		sl = fmt.Sprintf("%.1f%% within %s", 100**st.ServiceLevel, st.ServiceLevelThreshold)
	}
	fmt.Fprintf(w, "  last hour: %d answered (average wait %s), %d left unanswered; service level %s\n", st.Answered, secs(st.AverageAnswerSeconds), st.Left, sl)
	occ := "-"
	if st.Occupancy != nil {
		occ = fmt.Sprintf("%.0f%%", 100**st.Occupancy)
	}
	fmt.Fprintf(w, "  people: %d online, %d available, occupancy %s\n", st.PeopleOnline, st.PeopleAvailable, occ)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  PERSON\tPRESENCE\tSTATE\tLOAD")
	for _, p := range st.People {
		note := ""
		if p.Blocked != "" {
			note = "  (" + p.Blocked + ")"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%g of %g%s\n", p.Agent, p.Presence, p.State, p.Load, p.Capacity, note)
	}
	_ = tw.Flush()
	if len(st.Next) > 0 {
		var next []string
		for _, n := range st.Next {
			next = append(next, fmt.Sprintf("%d. %s (priority %d, %s)", n.Position, n.ConversationID, n.Priority, secs(n.WaitSeconds)))
		}
		fmt.Fprintf(w, "  next: %s\n", strings.Join(next, "; "))
	}
}

func secs(s float64) string { return fmt.Sprintf("%.0fs", s) }
