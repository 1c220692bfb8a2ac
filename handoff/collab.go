package handoff

import (
	"fmt"
	"strings"
	"time"
)

// People working together on a conversation: a team decision (k of n approvers say yes before
// a handoff proceeds), a handback (a person who is done gives the conversation back to a bot)
// and a warm transfer (a person hands it to another person, who may talk to them first).

// Temporal names of the collaboration handlers. Public API like the rest.
const (
	// UpdateVote is an approver's vote (VoteInput), while a handoff awaits its team decision.
	// Also taken as a Signal of the same name.
	UpdateVote = "vote"
	// UpdateNote is a note between the sender and the receiver of a warm transfer (NoteInput).
	UpdateNote = "note"
	// QueryInput returns the handoff's Input: the handback and transfer routes start the next
	// handoff of the conversation from it. It carries the customer's data, like the state.
	QueryInput = "input"
)

// PhaseAwaitingApproval: the rule's approvers are asked, in parallel, and their votes counted.
const PhaseAwaitingApproval Phase = "awaiting_approval"

// What the team decision does when nobody decided in time (ApprovalSpec.OnTimeout).
const (
	OnTimeoutRefuse  = "refuse"
	OnTimeoutProceed = "proceed"
)

// ApprovalSpec is a rule's team decision, captured with the decision: Required of Approvers
// must approve before the handoff proceeds. When Timeout passes undecided, EscalateTo (if
// any) is asked, and one vote of theirs decides within EscalationTimeout; after that,
// OnTimeout decides.
type ApprovalSpec struct {
	// Approvers are people's agent IDs (groups expanded when the rules are compiled).
	Approvers         []string `json:"approvers"`
	Required          int      `json:"required"`
	Timeout           string   `json:"timeout"`
	EscalateTo        []string `json:"escalate_to,omitempty"`
	EscalationTimeout string   `json:"escalation_timeout,omitempty"`
	OnTimeout         string   `json:"on_timeout"`
}

// VoteInput is the argument of the vote Update and Signal.
type VoteInput struct {
	Approver string `json:"approver"`
	// Approve is the vote; a pointer so that a missing field is refused rather than read as no.
	Approve *bool `json:"approve"`
	// Reason is required for a refusal. It stays in the workflow's state only: the handoff log
	// keeps who voted what and when, never the words.
	Reason string `json:"reason,omitempty"`
}

// Validate checks a vote's shape; who may vote is the workflow's to say.
func (v *VoteInput) Validate() error {
	switch {
	case strings.TrimSpace(v.Approver) == "":
		return &FieldError{"approver", "is required"}
	case v.Approve == nil:
		return &FieldError{"approve", "is required (true or false)"}
	case !*v.Approve && strings.TrimSpace(v.Reason) == "":
		return &FieldError{"reason", "is required when refusing"}
	case EncodedLen(v.Reason) > MaxNoteBytes:
		return tooLarge("reason", EncodedLen(v.Reason), MaxNoteBytes)
	}
	return nil
}

// Vote is one approver's recorded vote. Round 1 is the rule's approvers, round 2 the
// escalation.
type Vote struct {
	Approver string    `json:"approver"`
	Approve  bool      `json:"approve"`
	Reason   string    `json:"reason,omitempty"`
	Round    int       `json:"round"`
	At       time.Time `json:"at"`
}

// Verdicts of a team decision.
const (
	VerdictPending  = "pending"
	VerdictApproved = "approved"
	VerdictRefused  = "refused"
	// VerdictProceeded and VerdictTimedOut: nobody decided in time, and the configured default
	// let the handoff go on, or stopped it.
	VerdictProceeded = "proceeded_by_default"
	VerdictTimedOut  = "timed_out"
)

// ApprovalStatus is the team decision as the state shows it.
type ApprovalStatus struct {
	Spec ApprovalSpec `json:"spec"`
	// Round is 1 while the rule's approvers are asked, 2 once it escalated.
	Round    int       `json:"round"`
	Asked    []string  `json:"asked"`
	Votes    []Vote    `json:"votes"`
	Verdict  string    `json:"verdict"`
	Deadline time.Time `json:"deadline,omitzero"`
	// Notes say which approvers could not be notified.
	Notes []string `json:"notes,omitempty"`
}

// MaxNoteBytes bounds a note, a vote's reason and a handback summary's text.
const MaxNoteBytes = 4 << 10

// MaxNotes bounds the notes a warm transfer keeps, so no sender can grow the state.
const MaxNotes = 50

// NoteInput is a note between the sender and the receiver of a warm transfer.
type NoteInput struct {
	From string `json:"from"`
	Text string `json:"text"`
}

// Validate checks a note's shape.
func (n *NoteInput) Validate() error {
	switch {
	case strings.TrimSpace(n.From) == "":
		return &FieldError{"from", "is required"}
	case strings.TrimSpace(n.Text) == "":
		return &FieldError{"text", "is required"}
	case EncodedLen(n.Text) > MaxNoteBytes:
		return tooLarge("text", EncodedLen(n.Text), MaxNoteBytes)
	}
	return nil
}

// Note is one kept note.
type Note struct {
	From string    `json:"from"`
	Text string    `json:"text"`
	At   time.Time `json:"at"`
}

// HandbackSummary is what the person says happened while they had the customer: what they
// promised and what they changed, for the bot that takes over.
type HandbackSummary struct {
	Promised []string `json:"promised,omitempty"`
	Changed  []string `json:"changed,omitempty"`
	Notes    string   `json:"notes,omitempty"`
}

// Handback starts a handoff from a person back to a bot (Input.Handback). Only the handback
// route sets it: it forces the target past the rules.
type Handback struct {
	// To is the bot that takes the conversation back: the one it came from unless named.
	To      string          `json:"to"`
	Summary HandbackSummary `json:"summary"`
	// Since are the messages of the human stretch (also appended to Input.Messages).
	Since []Message `json:"since,omitempty"`
}

// HandbackRequest is the body of a handback: who to hand back to (empty: the bot the
// conversation came from), the summary and the messages since the handoff.
type HandbackRequest struct {
	To       string          `json:"to,omitempty"`
	Summary  HandbackSummary `json:"summary"`
	Messages []Message       `json:"messages,omitempty"`
}

// Validate checks a handback request's shape.
func (r *HandbackRequest) Validate() error {
	if len(r.Summary.Promised) == 0 && len(r.Summary.Changed) == 0 && strings.TrimSpace(r.Summary.Notes) == "" {
		return &FieldError{"summary", "is required: what was promised, what changed, or notes"}
	}
	for i, s := range append(append([]string(nil), r.Summary.Promised...), r.Summary.Changed...) {
		if EncodedLen(s) > MaxNoteBytes {
			return tooLarge(fmt.Sprintf("summary item %d", i), EncodedLen(s), MaxNoteBytes)
		}
	}
	if EncodedLen(r.Summary.Notes) > MaxNoteBytes {
		return tooLarge("summary.notes", EncodedLen(r.Summary.Notes), MaxNoteBytes)
	}
	for i, m := range r.Messages {
		if !messageRoles[m.Role] {
			return &FieldError{fmt.Sprintf("messages[%d].role", i), fmt.Sprintf("%s is not one of customer, agent, system, tool", Quote(m.Role))}
		}
		if strings.TrimSpace(m.Text) == "" {
			return &FieldError{fmt.Sprintf("messages[%d].text", i), "is required: a message needs non-empty text"}
		}
	}
	return nil
}

// WarmTransfer starts a handoff from a person to another person (Input.WarmTransfer): the
// receiver gets the brief and may exchange notes with the sender before accepting; the
// sender keeps the customer until then.
type WarmTransfer struct {
	To    string `json:"to"`
	Brief string `json:"brief,omitempty"`
}

// TransferRequest is the body of a warm transfer.
type TransferRequest struct {
	To    string `json:"to"`
	Brief string `json:"brief,omitempty"`
}

// Validate checks a transfer request's shape.
func (r *TransferRequest) Validate() error {
	if strings.TrimSpace(r.To) == "" {
		return &FieldError{"to", "is required: the person to transfer to"}
	}
	if EncodedLen(r.Brief) > MaxNoteBytes {
		return tooLarge("brief", EncodedLen(r.Brief), MaxNoteBytes)
	}
	return nil
}

// EndOfStretch is the marker a handback's delivery to the bot carries: the person's
// ownership ended (ReleasedAt) before the bot's began, so the bot answers only from here and
// the person's later messages are refused.
type EndOfStretch struct {
	// HandoffID is the handoff that gave the person the conversation.
	HandoffID  string          `json:"handoff_id"`
	Person     string          `json:"person"`
	ReleasedAt time.Time       `json:"released_at,omitzero"`
	Summary    HandbackSummary `json:"summary"`
	Since      []Message       `json:"since,omitempty"`
}

// Link kinds in a conversation's chain of handoffs.
const (
	LinkHandoff  = "handoff"
	LinkHandback = "handback"
	LinkTransfer = "transfer"
)

// Link is one handoff of a conversation's chain: the earlier runs a handback or a transfer
// follows, carried from run to run (Input.Lineage), so each knows its predecessor.
type Link struct {
	HandoffID string    `json:"handoff_id"`
	Kind      string    `json:"kind"`
	From      string    `json:"from"`
	To        string    `json:"to"`
	Owner     string    `json:"owner"`
	Outcome   Outcome   `json:"outcome,omitempty"`
	At        time.Time `json:"at"`
	// Predecessor is the handoff before this one ("" for the first).
	Predecessor string `json:"predecessor,omitempty"`
}

// MaxLineage bounds the links carried, so a conversation handed back and forth for weeks
// cannot grow the input past its limit; the oldest go first.
const MaxLineage = 50

// Kind names how a handoff was started.
func (in *Input) Kind() string {
	switch {
	case in.Handback != nil:
		return LinkHandback
	case in.WarmTransfer != nil:
		return LinkTransfer
	}
	return LinkHandoff
}
