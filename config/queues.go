package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
)

// Queue is one queues[] entry: the group whose handoffs wait in line when nobody of it is free,
// and how they wait. A list rather than a map: YAML map keys would be lower-cased, and group
// names are not.
type Queue struct {
	Group string `mapstructure:"group"`
	// MaxWait is how long a handoff waits before it overflows (10m when empty).
	MaxWait string `mapstructure:"max_wait"`
	// MaxWaiting bounds the handoffs waiting at once (1000 when 0, at most 1000).
	MaxWaiting int `mapstructure:"max_waiting"`
	// Steps widen the target over time (timed targets): min_level for timeout each.
	Steps []QueueStep `mapstructure:"steps"`
	// Skills the steps' levels read when the rule names none.
	Skills []string `mapstructure:"skills"`
	// Overflow is the agent or group tried when a handoff's max wait passes (before the
	// escalation parents, e.g. a supervisor, and the fallback agent).
	Overflow       string        `mapstructure:"overflow"`
	KnownAgentWait string        `mapstructure:"known_agent_wait"`
	PositionEvery  string        `mapstructure:"position_every"`
	CallbackAfter  string        `mapstructure:"callback_after"`
	AgingEvery     string        `mapstructure:"aging_every"`
	ServiceLevel   string        `mapstructure:"service_level"`
	HandleTime     string        `mapstructure:"handle_time"`
	Priority       QueuePriority `mapstructure:"priority"`
	// BusinessHours and TimeZone say when the queue is staffed; TicketURL receives the
	// handoffs whose chain ends outside them (an asynchronous channel, e.g. a help desk).
	BusinessHours string `mapstructure:"business_hours"`
	TimeZone      string `mapstructure:"time_zone"`
	TicketURL     string `mapstructure:"ticket_url"`
	// WrapUp is the members' after-conversation time (handoff.wrap_up when empty).
	WrapUp string `mapstructure:"wrap_up"`
	// Channels overrides channel weights for the group's members.
	Channels handoff.ChannelWeights `mapstructure:"channels"`
	Unknown  map[string]any         `mapstructure:",remain"`
}

// QueueStep is one timed target: people of at least MinLevel for Timeout.
type QueueStep struct {
	MinLevel int            `mapstructure:"min_level"`
	Timeout  string         `mapstructure:"timeout"`
	Unknown  map[string]any `mapstructure:",remain"`
}

// QueuePriority is queues[].priority: what the conversation adds to the rule's priority.
type QueuePriority struct {
	VIP      int            `mapstructure:"vip"`
	Urgent   int            `mapstructure:"urgent"`
	ValuePer float64        `mapstructure:"value_per"`
	ValueMax int            `mapstructure:"value_max"`
	Unknown  map[string]any `mapstructure:",remain"`
}

// Queue defaults.
const (
	defaultMaxWait      = "10m"
	defaultServiceLevel = "20s"
	defaultHandleTime   = "5m"
)

// queueDurations are the duration keys of each queue, with their bounds; queueDurationKeys
// lists them in the duration table.
var queueDurations = []struct {
	name     string
	lo, hi   time.Duration
	value    func(q *Queue) string
	optional bool
}{
	// At least a few seconds of waiting, at most a day: a customer on hold for longer is gone.
	{"max_wait", 10 * time.Second, 24 * time.Hour, func(q *Queue) string { return q.MaxWait }, true},
	{"known_agent_wait", 0, 5 * time.Minute, func(q *Queue) string { return q.KnownAgentWait }, true},
	// Every ten seconds at most: more often is noise to the customer.
	{"position_every", 10 * time.Second, time.Hour, func(q *Queue) string { return q.PositionEvery }, true},
	{"callback_after", 0, 24 * time.Hour, func(q *Queue) string { return q.CallbackAfter }, true},
	{"aging_every", time.Second, time.Hour, func(q *Queue) string { return q.AgingEvery }, true},
	{"service_level", time.Second, time.Hour, func(q *Queue) string { return q.ServiceLevel }, true},
	{"handle_time", 10 * time.Second, 8 * time.Hour, func(q *Queue) string { return q.HandleTime }, true},
	{"wrap_up", 0, time.Hour, func(q *Queue) string { return q.WrapUp }, true},
}

// stepTimeoutBounds bound each timed target's timeout.
const stepTimeoutMin, stepTimeoutMax = time.Second, time.Hour

// validateQueues checks queues[] against the roster, and the channel weights and wrap-up
// settings people's capacity depends on.
func (c *Config) validateQueues() error {
	fail := func(key, format string, args ...any) error {
		return &Error{File: c.File, Key: key, Reason: fmt.Sprintf(format, args...)}
	}
	known := c.Channels()
	if err := c.checkWeights("handoff.channels", c.Handoff.Channels, nil); err != nil {
		return err
	}
	for i, a := range c.Agents {
		if len(a.Channels) > 0 && !a.Kind.IsPerson() {
			return fail(fmt.Sprintf("agents[%d] (%s).channels", i, a.ID), "applies to people only: bots take any number of conversations")
		}
		if err := c.checkWeights(fmt.Sprintf("agents[%d] (%s).channels", i, a.ID), a.Channels, known); err != nil {
			return err
		}
	}
	for i, d := range c.Handoff.Dispositions {
		if d == "" || handoff.ValidateDisposition(d) != nil {
			return fail(fmt.Sprintf("handoff.dispositions[%d]", i), "%s must be a code of lower-case letters, digits, '_', '.' or '-'", handoff.Quote(d))
		}
	}
	targets := map[string]bool{}
	people := map[string]int{}
	for _, a := range c.Agents {
		targets[a.ID] = true
		for _, g := range a.Groups {
			targets[g] = true
			if a.Kind.IsPerson() {
				people[g]++
			}
		}
	}
	seen := map[string]bool{}
	for i := range c.Queues {
		q := &c.Queues[i]
		key := fmt.Sprintf("queues[%d]", i)
		if q.Group == "" {
			return fail(key+".group", "is required")
		}
		key = fmt.Sprintf("queues[%d] (%s)", i, q.Group)
		if err := unknownKeys(key, q.Unknown); err != nil {
			return fail(err.key, "%s", err.reason)
		}
		switch {
		case seen[q.Group]:
			return fail(key+".group", "a second queue for group %s", q.Group)
		case people[q.Group] == 0:
			return fail(key+".group", "%s is not a group of people in the roster (agents[].groups of humans or supervisors)", q.Group)
		}
		seen[q.Group] = true
		for _, d := range queueDurations {
			v := d.value(q)
			if v == "" && d.optional {
				continue
			}
			if _, problem := handoff.CheckDuration(v, d.lo, d.hi); problem != "" {
				return fail(key+"."+d.name, "%s", problem)
			}
		}
		if q.MaxWaiting < 0 || q.MaxWaiting > handoff.MaxQueueWaiting {
			return fail(key+".max_waiting", "%d must be between 1 and %d (0 means %d)", q.MaxWaiting, handoff.MaxQueueWaiting, handoff.MaxQueueWaiting)
		}
		for k, s := range q.Steps {
			skey := fmt.Sprintf("%s.steps[%d]", key, k)
			if err := unknownKeys(skey, s.Unknown); err != nil {
				return fail(err.key, "%s", err.reason)
			}
			if s.MinLevel < 0 || s.MinLevel > handoff.MaxSkillLevel {
				return fail(skey+".min_level", "%d is not a skill level from 0 (anyone) to %d", s.MinLevel, handoff.MaxSkillLevel)
			}
			if s.Timeout == "" {
				if k != len(q.Steps)-1 {
					return fail(skey+".timeout", "is required on every step but the last (the last may last until max_wait)")
				}
				continue
			}
			if _, problem := handoff.CheckDuration(s.Timeout, stepTimeoutMin, stepTimeoutMax); problem != "" {
				return fail(skey+".timeout", "%s", problem)
			}
		}
		if q.Overflow != "" {
			if !targets[q.Overflow] {
				return fail(key+".overflow", "unknown agent or group %q", q.Overflow)
			}
			if q.Overflow == q.Group {
				return fail(key+".overflow", "is the queue's own group")
			}
		}
		if err := unknownKeys(key+".priority", q.Priority.Unknown); err != nil {
			return fail(err.key, "%s", err.reason)
		}
		p := q.Priority
		for _, f := range []struct {
			name string
			v    int
		}{{"vip", p.VIP}, {"urgent", p.Urgent}, {"value_max", p.ValueMax}} {
			if f.v < -100 || f.v > 100 {
				return fail(key+".priority."+f.name, "%d must be between -100 and 100", f.v)
			}
		}
		if p.ValuePer < 0 {
			return fail(key+".priority.value_per", "must not be negative (0 leaves the opportunity value out)")
		}
		if q.TimeZone != "" {
			if _, err := time.LoadLocation(q.TimeZone); err != nil {
				return fail(key+".time_zone", "unknown time zone %q", q.TimeZone)
			}
		}
		if q.BusinessHours != "" {
			if _, err := handoff.ParseBusinessHours(q.BusinessHours); err != nil {
				return fail(key+".business_hours", "%v", err)
			}
		}
		if q.TicketURL != "" {
			if err := checkURL(q.TicketURL); err != nil {
				return fail(key+".ticket_url", "%v", err)
			}
			if q.BusinessHours == "" {
				return fail(key+".ticket_url", "needs business_hours: tickets are opened for handoffs that end outside them")
			}
		}
		if err := c.checkWeights(key+".channels", q.Channels, known); err != nil {
			return err
		}
	}
	return nil
}

type keyProblem struct{ key, reason string }

// unknownKeys refuses a misspelt key of a list item, which viper would otherwise drop.
func unknownKeys(key string, unknown map[string]any) *keyProblem {
	if len(unknown) == 0 {
		return nil
	}
	names := slices.Sorted(maps.Keys(unknown))
	return &keyProblem{key + "." + names[0], "unknown key"}
}

// checkWeights checks a channel weight map; known, when set, are the channels that exist.
func (c *Config) checkWeights(key string, w handoff.ChannelWeights, known []string) error {
	for _, ch := range slices.Sorted(maps.Keys(w)) {
		if err := handoff.ValidateChannel(ch); err != nil {
			return &Error{File: c.File, Key: key + "." + ch, Reason: err.(*handoff.FieldError).Problem}
		}
		if known != nil && !slices.Contains(known, ch) {
			return &Error{File: c.File, Key: key + "." + ch, Reason: fmt.Sprintf("unknown channel (handoff.channels has %s)", strings.Join(known, ", "))}
		}
		if _, _, err := handoff.ParseWeight(w[ch]); err != nil {
			return &Error{File: c.File, Key: key + "." + ch, Reason: err.Error()}
		}
	}
	return nil
}

// Channels are the channels conversations may carry: handoff.channels' keys, or chat, email
// and voice by default.
func (c *Config) Channels() []string {
	w := c.Handoff.Channels
	if len(w) == 0 {
		w = handoff.DefaultChannelWeights
	}
	return slices.Sorted(maps.Keys(w))
}

// QueueOf returns the queue of a group, if it has one.
func (c *Config) QueueOf(group string) (Queue, bool) {
	for _, q := range c.Queues {
		if q.Group == group {
			return q, true
		}
	}
	return Queue{}, false
}

// QueuesOf lists the queues a person serves: the groups of theirs that have one.
func (c *Config) QueuesOf(agentID string) []string {
	ag, ok := c.Agent(agentID)
	if !ok || !ag.Kind.IsPerson() {
		return nil
	}
	var out []string
	for _, q := range c.Queues {
		if slices.Contains(ag.Groups, q.Group) {
			out = append(out, q.Group)
		}
	}
	return out
}

// Weight is what a conversation of the channel takes of the person's capacity: their own
// weight, else that of the first queue of theirs that sets one, else everyone's.
func (c *Config) Weight(agentID, channel string) float64 {
	ag, _ := c.Agent(agentID)
	layers := []handoff.ChannelWeights{ag.Channels}
	for _, g := range c.QueuesOf(agentID) {
		q, _ := c.QueueOf(g)
		layers = append(layers, q.Channels)
	}
	global := c.Handoff.Channels
	if len(global) == 0 {
		global = handoff.DefaultChannelWeights
	}
	return handoff.Weight(channel, max(ag.Capacity, 1), append(layers, global)...)
}

// WrapUp is the after-conversation time of a person: the first queue of theirs that sets one,
// else handoff.wrap_up ("" for none).
func (c *Config) WrapUp(agentID string) string {
	for _, g := range c.QueuesOf(agentID) {
		if q, _ := c.QueueOf(g); q.WrapUp != "" {
			return q.WrapUp
		}
	}
	return c.Handoff.WrapUp
}

// QueueSpec is a group's queue to capture into a handoff's plan.
func (c *Config) QueueSpec(group string) (handoff.QueueSpec, bool) {
	q, ok := c.QueueOf(group)
	if !ok {
		return handoff.QueueSpec{}, false
	}
	or := func(v, def string) string {
		if v == "" {
			return def
		}
		return v
	}
	spec := handoff.QueueSpec{
		Group: q.Group, MaxWait: or(q.MaxWait, defaultMaxWait), MaxWaiting: q.MaxWaiting, Skills: q.Skills,
		KnownAgentWait: q.KnownAgentWait, PositionEvery: q.PositionEvery, CallbackAfter: q.CallbackAfter,
		AgingEvery: q.AgingEvery, ServiceLevel: or(q.ServiceLevel, defaultServiceLevel), HandleTime: or(q.HandleTime, defaultHandleTime),
		Priority:      handoff.PriorityWeights{VIP: q.Priority.VIP, Urgent: q.Priority.Urgent, ValuePer: q.Priority.ValuePer, ValueMax: q.Priority.ValueMax},
		BusinessHours: q.BusinessHours, TimeZone: q.TimeZone, Ticket: q.TicketURL != "", WrapUp: or(q.WrapUp, c.Handoff.WrapUp),
	}
	for _, s := range q.Steps {
		spec.Steps = append(spec.Steps, handoff.TargetStep{MinLevel: s.MinLevel, Timeout: s.Timeout})
	}
	return spec, true
}

// QueueMembers are a group's people as a queue sees them: skills, capacity and the weight of
// each channel for them, in roster order.
func (c *Config) QueueMembers(group string) []handoff.QueueMember {
	var out []handoff.QueueMember
	for _, a := range c.Agents {
		if !a.Kind.IsPerson() || !slices.Contains(a.Groups, group) {
			continue
		}
		m := handoff.QueueMember{Agent: a.ID, Skills: a.Skills, Capacity: float64(max(a.Capacity, 1)), Weights: map[string]float64{}}
		for _, ch := range c.Channels() {
			if w := c.Weight(a.ID, ch); w != 1 {
				m.Weights[ch] = w
			}
		}
		if len(m.Weights) == 0 {
			m.Weights = nil
		}
		out = append(out, m)
	}
	return out
}
