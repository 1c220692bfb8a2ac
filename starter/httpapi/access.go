package httpapi

import (
	"fmt"
	"slices"
	"time"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/events"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/store"
)

// Who may do what to a handoff. A route's roles say what kind of caller may call it at all;
// these rules say which of those callers are parties to the particular handoff: its source,
// the agents it was offered to, its owner, and operators. The README's access table is this
// file in prose.

// relation is how a caller stands to one handoff.
type relation struct {
	operator bool
	source   bool
	offered  bool
	owner    bool
	// approver: asked to vote on the handoff's team decision (collab.go).
	approver bool
}

func (r relation) party() bool { return r.operator || r.source || r.offered || r.owner || r.approver }

// relationOf reads the caller's relation to the handoff from its state.
func relationOf(p Principal, st handoff.State) relation {
	r := relation{operator: p.Role == config.RoleOperator}
	if p.Agent == "" {
		return r
	}
	r.source = p.Agent == st.SourceAgent
	// An agent whose accept stands is the owner for these rules from the moment it accepted:
	// the takeover that follows takes a moment, and its events belong to the conversation.
	r.owner = p.Agent == st.Owner || slices.ContainsFunc(st.Offers, func(o handoff.Offer) bool {
		return o.Agent == p.Agent && o.Result == handoff.OfferAccepted
	})
	r.offered = slices.ContainsFunc(st.Offers, func(o handoff.Offer) bool { return o.Agent == p.Agent && offerMade(o) })
	r.approver = st.Approval != nil && slices.Contains(st.Approval.Asked, p.Agent)
	return r
}

// offerMade says whether the conversation was put to the agent. Ranking also lists, as
// unavailable or unknown, the people it passed over (offline, at capacity, in a meeting, or
// unreadable); they were never shown the conversation, so they are no party to it.
func offerMade(o handoff.Offer) bool {
	return o.Result != handoff.OfferUnavailable && o.Result != handoff.OfferUnknown
}

// eventSenders lists who may send each event type. The source relays the customer while it
// owns the conversation and the owner after the transfer; only the receiver can say the
// customer repeated themselves to it, and only the owner (or an operator) gives the verdict.
var eventSenders = map[handoff.EventType]func(relation) bool{
	handoff.EventCustomerMessage:  func(r relation) bool { return r.source || r.owner },
	handoff.EventTurnComplete:     func(r relation) bool { return r.source },
	handoff.EventSentiment:        func(r relation) bool { return r.source || r.owner },
	handoff.EventCustomerLeft:     func(r relation) bool { return r.source || r.owner || r.operator },
	handoff.EventCustomerRepeated: func(r relation) bool { return r.owner },
	handoff.EventOutcome:          func(r relation) bool { return r.owner || r.operator },
	handoff.EventAgentMessage:     func(r relation) bool { return r.owner },
	handoff.EventCSAT:             func(r relation) bool { return r.source || r.owner },
	// The customer's choice to be called back, relayed by the source that keeps them.
	handoff.EventCallbackRequested: func(r relation) bool { return r.source },
}

// senderWords names, for a refusal, who may send each event type.
var senderWords = map[handoff.EventType]string{
	handoff.EventCustomerMessage:   "the source or the owner",
	handoff.EventTurnComplete:      "the source",
	handoff.EventSentiment:         "the source or the owner",
	handoff.EventCustomerLeft:      "the source, the owner or an operator",
	handoff.EventCustomerRepeated:  "the owner",
	handoff.EventOutcome:           "the owner or an operator",
	handoff.EventAgentMessage:      "the owner",
	handoff.EventCSAT:              "the source or the owner",
	handoff.EventCallbackRequested: "the source",
}

// maySend explains why the caller may not send the event to this handoff, or returns "".
func maySend(p Principal, st handoff.State, t handoff.EventType) string {
	if m := st.StretchEnded; m != nil && p.Agent != "" && p.Agent == m.Person {
		return fmt.Sprintf("%s handed conversation %s back at %s and no longer answers in it (owner %s)",
			m.Person, st.ConversationID, m.ReleasedAt.UTC().Format(time.RFC3339), st.Owner)
	}
	ok, known := eventSenders[t]
	if !known {
		return "" // the event's own validation names the unknown type
	}
	if ok(relationOf(p, st)) {
		return ""
	}
	return fmt.Sprintf("%s events for conversation %s may be sent by %s only (source %s, owner %s); token %s acts for %s",
		t, st.ConversationID, senderWords[t], st.SourceAgent, st.Owner, p.Name, actsFor(p))
}

// mayRead explains why the caller may not read the handoff's state, or returns "".
func mayRead(p Principal, st handoff.State) string {
	if relationOf(p, st).party() {
		return ""
	}
	return fmt.Sprintf("token %s acts for %s, which is not a party to the handoff of conversation %s (its source, an agent it was offered to, its owner, or an operator)",
		p.Name, actsFor(p), st.ConversationID)
}

// mayConfirm explains why the caller may not give a handoff's confirmation, or returns "": the
// source (relaying its customer's yes or no) and supervisors may.
func mayConfirm(p Principal, st handoff.State, kind handoff.AgentKind) string {
	if p.Agent != "" && (p.Agent == st.SourceAgent || kind == handoff.KindSupervisor) {
		return ""
	}
	return fmt.Sprintf("the handoff of conversation %s may be confirmed by its source %s or a supervisor; token %s acts for %s",
		st.ConversationID, st.SourceAgent, p.Name, actsFor(p))
}

func actsFor(p Principal) string {
	if p.Agent == "" {
		return "no agent (role " + p.Role + ")"
	}
	return "agent " + p.Agent
}

// mayWatch says whether the caller's event stream carries an event: operators watch every
// handoff; an agent watches the handoffs it is a party to (their source, an agent they were
// offered to, an owner), from the batch in which it became one. The stream carries no
// customer data, but who is handed what is still each party's business.
func mayWatch(p Principal, e events.Event, parties *events.Parties) bool {
	if p.Role == config.RoleOperator {
		return true
	}
	return p.Agent != "" && (p.Agent == e.Source || parties.Has(p.Agent))
}

// mayReport explains why the caller may not report a conversation's late outcome, or returns
// "". Operators may. For a conversation the log holds handoffs of, its sources and the targets
// that took it over may: an agent that only declined or let an offer lapse may not rewrite
// what the owner reported. A conversation that never handed off is the no-handoff baseline,
// reported by its source bot: the first bot to report it, and from then on that bot only.
// Refusals name no party: who handled a conversation is not for a stranger to probe.
func mayReport(p Principal, convID string, parties store.Parties) string {
	switch {
	case p.Role == config.RoleOperator:
		return ""
	case parties.Handoffs > 0 && parties.Has(p.Agent):
		return ""
	case parties.Handoffs > 0:
		return fmt.Sprintf("token %s acts for %s, which neither started nor took over a handoff of conversation %s",
			p.Name, actsFor(p), convID)
	case parties.Reporter == "" && p.Role == config.RoleBot:
		return ""
	case parties.Reporter == "":
		return fmt.Sprintf("conversation %s has no recorded handoff: only its source bot reports its outcome; token %s is role %s",
			convID, p.Name, p.Role)
	case parties.Reporter == p.Agent:
		return ""
	}
	return fmt.Sprintf("conversation %s has no recorded handoff and another bot reports its outcome; token %s acts for %s",
		convID, p.Name, actsFor(p))
}
