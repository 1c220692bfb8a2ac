package activities

import (
	"context"
	"slices"
	"time"

	"github.com/handoffhq/orchestrator/calendar"
	"github.com/handoffhq/orchestrator/handoff"
)

// minSlot is the least free time that counts as a slot: a ten-minute gap between two showings
// is no time to take on a customer.
const minSlot = 15 * time.Minute

// CallbackInput names the people who could have taken the conversation.
type CallbackInput struct {
	Agents []string  `json:"agents"`
	After  time.Time `json:"after"`
}

// PlanCallback finds when the people who could have taken the conversation are next free:
// within business hours, not in a calendar event and not out of office. It reads calendars,
// so it is a regular activity; a calendar that cannot be read leaves that person's slot to
// business hours, and the plan's notes say so.
func (a *Activities) PlanCallback(ctx context.Context, in CallbackInput) (handoff.Callback, error) {
	s := a.earliestSlot(ctx, in.Agents, in.After, callbackSlot)
	return handoff.Callback{At: s.At, Agents: s.Agents, Notes: s.Notes}, nil
}

// callbackSlot is the start of the next free stretch after the one in progress: a person free
// now who could not take the conversation (busy with others, away) is no better placed in a
// minute than anyone else. People open round the clock are asked again in an hour, when they
// are free then.
func callbackSlot(free []calendar.Interval, after time.Time, alwaysOpen bool) (time.Time, bool) {
	at, ok := calendar.NextStart(free, after, minSlot)
	if alwaysOpen || !ok {
		if later, found := calendar.NextFree(free, after.Add(time.Hour), minSlot); found && (!ok || later.Before(at)) {
			at, ok = later, true
		}
	}
	return at, ok
}

// SlotInput names people and the moment from which to look for one of them free.
type SlotInput struct {
	Agents []string  `json:"agents"`
	After  time.Time `json:"after"`
}

// Slot is when the first of some people is free, who, and what could not be checked.
type Slot struct {
	At     time.Time `json:"at,omitzero"`
	Agents []string  `json:"agents,omitempty"`
	Notes  []string  `json:"notes,omitempty"`
}

// NextFreeSlot finds the first moment at or after in.After when one of the people is actually
// free for at least a quarter of an hour: now, if someone is. It is what a queue's wait
// estimate needs. A zero At means nobody is free within a month.
func (a *Activities) NextFreeSlot(ctx context.Context, in SlotInput) (Slot, error) {
	return a.earliestSlot(ctx, in.Agents, in.After, func(free []calendar.Interval, after time.Time, _ bool) (time.Time, bool) {
		return calendar.NextFree(free, after, minSlot)
	}), nil
}

// earliestSlot asks pick for each person's slot within the calendar horizon and keeps the
// earliest, with everyone who shares it.
func (a *Activities) earliestSlot(ctx context.Context, ids []string, after time.Time,
	pick func(free []calendar.Interval, after time.Time, alwaysOpen bool) (time.Time, bool)) Slot {
	var people []handoff.Agent
	for _, id := range ids {
		if ag, ok := a.cfg.Agent(id); ok && ag.Kind.IsPerson() {
			people = append(people, ag)
		}
	}
	to := after.Add(calendarHorizon)
	cals := a.readCalendars(ctx, people, after, to)
	var best Slot
	for _, ag := range people {
		cal := cals[ag.ID]
		// A group calendar that cannot be read is said once, not once per member.
		if note := cal.note(); note != "" && !slices.Contains(best.Notes, note) {
			best.Notes = append(best.Notes, note)
		}
		hours, err := handoff.ParseBusinessHours(ag.BusinessHours)
		if err != nil {
			continue // refused at load
		}
		var open []calendar.Interval
		for _, w := range hours.Windows(after, to, agentLocation(ag)) {
			open = append(open, calendar.Interval{Start: w.Open, End: w.Close})
		}
		open = calendar.Bridge(calendar.Merge(open), minSlot)
		alwaysOpen := len(open) == 1 && !open[0].Start.After(after) && !open[0].End.Before(to)
		at, ok := pick(calendar.Subtract(open, cal.schedule.Unavailable()), after, alwaysOpen)
		switch {
		case !ok:
		case best.At.IsZero() || at.Before(best.At):
			best.At, best.Agents = at, []string{ag.ID}
		case at.Equal(best.At):
			best.Agents = append(best.Agents, ag.ID)
		}
	}
	return best
}
