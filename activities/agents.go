package activities

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/handoffhq/orchestrator/handoff"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/temporal"
	"golang.org/x/time/rate"
)

// RankInput names the agents of one step of the plan (an agent, or a group's members).
type RankInput struct {
	Agents []string `json:"agents"`
	// Skills the rule asks for; agents with more of them, at higher levels, rank first.
	Skills []string `json:"skills,omitempty"`
	// Exclude lists agents not to offer this conversation to (declined it, handed it away).
	Exclude []string `json:"exclude,omitempty"`
	// Source and Scenario key learned routing's term (learning.routing); empty: no term.
	Source   string `json:"source,omitempty"`
	Scenario string `json:"scenario,omitempty"`
	// Channel is the conversation's: a person needs room for its weight.
	Channel string `json:"channel,omitempty"`
}

// RankedAgent is one agent that can take the handoff now, with what ranked it.
type RankedAgent struct {
	Agent      string            `json:"agent"`
	Kind       handoff.AgentKind `json:"kind"`
	SkillScore int               `json:"skill_score"`
	Active     int               `json:"active"`
	IdleSince  time.Time         `json:"idle_since,omitzero"`
	// Note is what ranking could not check, e.g. a calendar that could not be read, so business
	// hours alone decided; and why learned routing moved the agent, when it did.
	Note string `json:"note,omitempty"`
	// Learned is learned routing's term (learning.routing): ranked after skills.
	Learned float64 `json:"learned,omitempty"`
}

// Skipped is an agent that cannot take the handoff now, and why.
type Skipped struct {
	Agent  string `json:"agent"`
	Reason string `json:"reason"`
	// Until is when the reason ends, where ranking knows (a calendar event, business hours):
	// a queue does not offer the person anything before then.
	Until time.Time `json:"until,omitzero"`
	// Busy: their presence or load is the reason, which their next change may end.
	Busy bool `json:"busy,omitempty"`
}

// Ranking orders a step's agents: skill match, then least active, then longest idle. Agents
// outside business hours, busy or out of office in their calendars, not online, at capacity,
// unhealthy or excluded are skipped.
type Ranking struct {
	Ranked  []RankedAgent `json:"ranked"`
	Skipped []Skipped     `json:"skipped"`
}

// RankCandidates checks and ranks the agents of one plan step. People are read from their
// entity workflows (presence, load, idle time); bots and specialists by their health check and
// rate limit. The ranking is advice read a moment before the offer: the reservation that
// follows is what actually holds capacity, and may still be refused.
func (a *Activities) RankCandidates(ctx context.Context, in RankInput) (Ranking, error) {
	r := Ranking{Ranked: []RankedAgent{}, Skipped: []Skipped{}}
	now := time.Now()
	cals := a.readCalendars(ctx, a.peopleToRank(in), now, now.Add(calendarHorizon))
	for _, id := range in.Agents {
		ag, ok := a.cfg.Agent(id)
		switch {
		case !ok:
			r.Skipped = append(r.Skipped, Skipped{Agent: id, Reason: "not in the roster"})
			continue
		case slices.Contains(in.Exclude, id):
			r.Skipped = append(r.Skipped, Skipped{Agent: id, Reason: "declined this conversation or handed it away earlier"})
			continue
		}
		ranked := RankedAgent{Agent: id, Kind: ag.Kind, SkillScore: skillScore(ag, in.Skills)}
		var why string
		var err error
		var b block
		if ag.Kind.IsPerson() {
			b, err = a.personBlocked(ctx, ag, now, cals[id], in.Channel, &ranked)
			why = b.why
			if err != nil {
				// Unknown load must not read as "nobody is free": retry the ranking instead.
				return Ranking{}, fmt.Errorf("read the state of %s: %w", id, err)
			}
		} else {
			why = a.botBlocked(ctx, ag)
		}
		if why != "" {
			r.Skipped = append(r.Skipped, Skipped{Agent: id, Reason: why, Until: b.until, Busy: b.busy})
			continue
		}
		r.Ranked = append(r.Ranked, ranked)
	}
	a.applyLearned(in, r.Ranked)
	sortRanked(r.Ranked)
	return r, nil
}

func sortRanked(ranked []RankedAgent) {
	sort.SliceStable(ranked, func(i, j int) bool { return better(ranked[i], ranked[j]) })
}

// better orders candidates: higher skill match, then learned routing's term (zero unless the
// log clearly says so), then fewer conversations held, then idle for longer (never
// idle-stamped, i.e. never used, first). Ties keep the step's order.
func better(x, y RankedAgent) bool {
	if x.SkillScore != y.SkillScore {
		return x.SkillScore > y.SkillScore
	}
	if x.Learned != y.Learned {
		return x.Learned > y.Learned
	}
	if x.Active != y.Active {
		return x.Active < y.Active
	}
	if !x.IdleSince.Equal(y.IdleSince) {
		return x.IdleSince.Before(y.IdleSince)
	}
	return false
}

// skillScore sums the agent's levels of the requested skills (0 for a skill they lack).
func skillScore(ag handoff.Agent, skills []string) int {
	score := 0
	for _, s := range skills {
		score += ag.Skills[s]
	}
	return score
}

// peopleToRank are the step's people whose calendars ranking reads.
func (a *Activities) peopleToRank(in RankInput) []handoff.Agent {
	var people []handoff.Agent
	for _, id := range in.Agents {
		if ag, ok := a.cfg.Agent(id); ok && ag.Kind.IsPerson() && !slices.Contains(in.Exclude, id) {
			people = append(people, ag)
		}
	}
	return people
}

// block is why a person cannot take an offer: until when, where their schedule says; busy when
// it is their presence or load, which their next change may end.
type block struct {
	why   string
	until time.Time
	busy  bool
}

// personBlocked says why a person cannot take an offer of a conversation of the channel now
// (a zero block if they can), and fills in their load for the ranking.
func (a *Activities) personBlocked(ctx context.Context, ag handoff.Agent, now time.Time, cal personCalendar, channel string, ranked *RankedAgent) (block, error) {
	why, until, note := a.scheduleBlockedUntil(ag, now, cal)
	ranked.Note = note
	if why != "" {
		return block{why: why, until: until}, nil
	}
	if ag.NotifyURL == "" {
		return block{why: "no notification URL to send the offer to"}, nil
	}
	if a.failing(ag.ID) {
		return block{why: "notifications to " + ag.ID + " are failing (circuit open)"}, nil
	}
	st, err := a.agentClient().State(ctx, ag.ID)
	if err != nil {
		return block{}, err
	}
	ranked.Active, ranked.IdleSince = st.Active(), st.IdleSince
	if st.Presence != handoff.PresenceOnline {
		return block{why: fmt.Sprintf("%s is %s", ag.ID, st.Presence), busy: true}, nil
	}
	capacity, weight := Capacity(ag), a.cfg.Weight(ag.ID, channel)
	if !handoff.Fits(st.Load(), weight, float64(capacity)) {
		if weight == 1 {
			return block{why: fmt.Sprintf("%s is at capacity (%g of %d)", ag.ID, st.Load(), capacity), busy: true}, nil
		}
		return block{why: fmt.Sprintf("%s is at capacity (%g of %d held; a %s conversation takes %g)", ag.ID, st.Load(), capacity, channelName(channel), weight), busy: true}, nil
	}
	return block{}, nil
}

func channelName(ch string) string {
	if ch == "" {
		return handoff.DefaultChannel
	}
	return ch
}

// botBlocked says why a bot or specialist cannot take the handoff now ("" if it can). The rate
// limit is checked last and takes a token, so an unhealthy bot costs none: ranking is where a
// handoff commits to trying the bot, and erring towards fewer handoffs protects it.
func (a *Activities) botBlocked(ctx context.Context, ag handoff.Agent) string {
	if ag.WebhookURL == "" {
		return "no webhook URL to deliver to"
	}
	if a.failing(ag.ID) {
		return "deliveries to " + ag.ID + " are failing (circuit open)"
	}
	if ag.HealthURL != "" {
		if err := a.healthCheck(ctx, ag); err != nil {
			return err.Error()
		}
	}
	if lim := a.limiter(ag); lim != nil && !lim.Allow() {
		return fmt.Sprintf("rate limit reached (%s)", ag.RateLimit)
	}
	return ""
}

// limiter is the agent's token bucket, nil without a rate limit. It is per worker process:
// with several workers the deployment-wide rate is the limit times the number of workers.
func (a *Activities) limiter(ag handoff.Agent) *rate.Limiter {
	if ag.RateLimit == nil || ag.RateLimit.PerSecond <= 0 {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.limiters == nil {
		a.limiters = map[string]*rate.Limiter{}
	}
	lim, ok := a.limiters[ag.ID]
	if !ok {
		lim = rate.NewLimiter(rate.Limit(ag.RateLimit.PerSecond), ag.RateLimit.BurstOrDefault())
		a.limiters[ag.ID] = lim
	}
	return lim
}

func (a *Activities) agentClient() *AgentClient { return NewAgentClient(a.temporal, a.cfg) }

// ReserveRequest asks agent Agent's entity workflow for capacity.
type ReserveRequest struct {
	Agent string               `json:"agent"`
	Input handoff.ReserveInput `json:"input"`
}

// ReserveResult says whether capacity was reserved; a refusal is an answer, not an error.
type ReserveResult struct {
	Reserved bool   `json:"reserved"`
	Reason   string `json:"reason,omitempty"`
}

// Reserve holds capacity on a person for an offer (Update-With-Start of their entity workflow).
// The roster's capacity and the configured lease fill in what the request leaves out. Reserving
// the same handoff twice is a yes both times, so a retried activity is harmless.
func (a *Activities) Reserve(ctx context.Context, in ReserveRequest) (ReserveResult, error) {
	ag, err := a.person(in.Agent)
	if err != nil {
		return ReserveResult{}, err
	}
	req := in.Input
	if req.Capacity <= 0 {
		req.Capacity = Capacity(ag)
	}
	if req.Weight <= 0 {
		req.Weight = a.cfg.Weight(ag.ID, req.Channel)
	}
	if req.Lease == "" {
		req.Lease = a.cfg.Handoff.ReservationLease
	}
	_, err = a.agentClient().Update(ctx, ag.ID, handoff.UpdateReserve, req)
	if why, ok := Refusal(err); ok {
		return ReserveResult{Reserved: false, Reason: why}, nil
	}
	if err != nil {
		return ReserveResult{}, err
	}
	return ReserveResult{Reserved: true}, nil
}

// AgentRequest names an agent and the handoff an operation is about.
type AgentRequest struct {
	Agent     string `json:"agent"`
	HandoffID string `json:"handoff_id"`
	Reason    string `json:"reason,omitempty"`
	// ConversationID, for Release, frees whatever the agent holds of the conversation (e.g.
	// the source's own assignment once it handed the conversation on).
	ConversationID string `json:"conversation_id,omitempty"`
}

// Assign turns an accepted offer's reservation into an assignment.
func (a *Activities) Assign(ctx context.Context, in AgentRequest) error {
	return a.update(ctx, in.Agent, handoff.UpdateAssign, handoff.AssignInput{HandoffID: in.HandoffID})
}

// Release frees the handoff's reservation on an agent. Releasing what is not held is a no-op.
func (a *Activities) Release(ctx context.Context, in AgentRequest) error {
	return a.update(ctx, in.Agent, handoff.UpdateRelease,
		handoff.ReleaseInput{HandoffID: in.HandoffID, ConversationID: in.ConversationID, Reason: in.Reason})
}

// PresenceRequest sets an agent's presence.
type PresenceRequest struct {
	Agent    string           `json:"agent"`
	Presence handoff.Presence `json:"presence"`
	Reason   string           `json:"reason,omitempty"`
}

// SetPresence sets an agent's presence (a timed-out agent is set away).
func (a *Activities) SetPresence(ctx context.Context, in PresenceRequest) error {
	return a.update(ctx, in.Agent, handoff.UpdatePresence, handoff.PresenceInput{Presence: in.Presence, Reason: in.Reason})
}

// update runs an Update whose refusal no retry can change, so it fails the activity for good.
func (a *Activities) update(ctx context.Context, agent, name string, arg any) error {
	if _, err := a.person(agent); err != nil {
		return err
	}
	_, err := a.agentClient().Update(ctx, agent, name, arg)
	if why, ok := Refusal(err); ok {
		return temporal.NewNonRetryableApplicationError(why, RefusalType, err)
	}
	return err
}

func (a *Activities) person(agent string) (handoff.Agent, error) {
	ag, err := a.agentClient().Person(agent)
	if err != nil {
		return ag, temporal.NewNonRetryableApplicationError(err.Error(), ErrUnknownAgent, nil)
	}
	return ag, nil
}

// HistoryInput asks about a conversation's earlier handoffs within a window.
type HistoryInput struct {
	ConversationID string `json:"conversation_id"`
	Window         string `json:"window"`
	// CurrentRunID is left out of the count.
	CurrentRunID string `json:"current_run_id"`
}

// ConversationHistory is what earlier handoffs of the conversation within the window did.
type ConversationHistory struct {
	// Handoffs counts completed transfers of the conversation within the window.
	Handoffs int `json:"handoffs"`
	// Declined lists agents who declined or timed out on an offer of this conversation.
	Declined []string `json:"declined,omitempty"`
	// HandedAway lists agents who handed this conversation away.
	HandedAway []string `json:"handed_away,omitempty"`
}

// ConversationHistory looks up the conversation's earlier handoffs (the ping-pong guard): the
// closed runs of its workflow ID started within the window, read from visibility, and each
// one's result. Visibility lags by a moment, so a run that closed a second ago may be missed.
func (a *Activities) ConversationHistory(ctx context.Context, in HistoryInput) (ConversationHistory, error) {
	if err := handoff.ValidateConversationID(in.ConversationID); err != nil {
		return ConversationHistory{}, temporal.NewNonRetryableApplicationError(err.Error(), "InvalidInput", nil)
	}
	window, err := time.ParseDuration(in.Window)
	if in.Window == "" {
		window, err = a.cfg.Handoff.Pingpong.WindowDuration(), nil
	}
	if err != nil || window <= 0 {
		return ConversationHistory{}, temporal.NewNonRetryableApplicationError(fmt.Sprintf("window %q is not a positive duration", in.Window), "InvalidInput", nil)
	}
	if a.temporal == nil {
		return ConversationHistory{}, errNoClient
	}
	id := handoff.WorkflowID(in.ConversationID)
	// The conversation ID pattern admits no quote, so it is safe inside the query's literal.
	query := fmt.Sprintf("WorkflowId = '%s' AND StartTime > '%s'", id, time.Now().Add(-window).UTC().Format(time.RFC3339Nano))
	var out ConversationHistory
	var token []byte
	for {
		resp, err := a.temporal.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Query: query, NextPageToken: token})
		if err != nil {
			return ConversationHistory{}, err
		}
		for _, ex := range resp.GetExecutions() {
			runID := ex.GetExecution().GetRunId()
			if runID == in.CurrentRunID || ex.GetStatus() != enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED {
				continue // running, failed or terminated runs have no result to read
			}
			var st handoff.State
			if err := a.temporal.GetWorkflow(ctx, id, runID).Get(ctx, &st); err != nil {
				return ConversationHistory{}, fmt.Errorf("read the result of %s run %s: %w", id, runID, err)
			}
			out.add(st)
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			return out, nil
		}
	}
}

func (h *ConversationHistory) add(st handoff.State) {
	for _, o := range st.Offers {
		if o.Result == handoff.OfferDeclined || o.Result == handoff.OfferTimedOut {
			h.Declined = appendNew(h.Declined, o.Agent)
		}
	}
	if st.Outcome == handoff.OutcomeCompleted {
		h.Handoffs++
		h.HandedAway = appendNew(h.HandedAway, st.SourceAgent)
	}
}

func appendNew(list []string, v string) []string {
	if v == "" || slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}
