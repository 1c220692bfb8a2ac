package handoff

// AgentKind says how an agent is reached and how it accepts a handoff.
type AgentKind string

const (
	// KindBot and KindSpecialist accept on delivery: a 2xx from their webhook is acceptance.
	KindBot        AgentKind = "bot"
	KindSpecialist AgentKind = "specialist"
	// KindHuman and KindSupervisor get an offer and accept or decline it themselves.
	KindHuman      AgentKind = "human"
	KindSupervisor AgentKind = "supervisor"
)

// IsPerson reports whether agents of this kind answer offers themselves.
func (k AgentKind) IsPerson() bool { return k == KindHuman || k == KindSupervisor }

// Valid reports whether k is one of the known kinds.
func (k AgentKind) Valid() bool {
	switch k {
	case KindBot, KindSpecialist, KindHuman, KindSupervisor:
		return true
	}
	return false
}

// Agent is one member of the roster, as declared in config.
type Agent struct {
	ID   string    `json:"id" mapstructure:"id"`
	Kind AgentKind `json:"kind" mapstructure:"kind"`
	// Name is shown to customers ("Maria from our team"). It is the agent's, not the customer's.
	Name string `json:"name,omitempty" mapstructure:"name"`
	// Groups the agent belongs to. A rule or fallback may target a group (e.g. human_agent):
	// its members are ranked and tried in turn.
	Groups []string `json:"groups,omitempty" mapstructure:"groups"`
	// Skills with levels 1 (basic) to 5 (expert).
	Skills map[string]int `json:"skills,omitempty" mapstructure:"skills"`
	// Capabilities are words describing what the agent does; the league's intelligent
	// recommendations score them against the customer's message.
	Capabilities []string `json:"capabilities,omitempty" mapstructure:"capabilities"`
	Languages    []string `json:"languages,omitempty" mapstructure:"languages"`
	// Capacity is how many conversations a person holds at once (people only), counted by
	// their channels' weights (a chat 1, an email half, a voice call the whole person).
	Capacity int `json:"capacity,omitempty" mapstructure:"capacity"`
	// Channels overrides the weights of conversations' channels for this person.
	Channels ChannelWeights `json:"channels,omitempty" mapstructure:"channels"`
	// BusinessHours, e.g. "Mon-Fri 09:00-18:00"; empty means always.
	BusinessHours string `json:"business_hours,omitempty" mapstructure:"business_hours"`
	TimeZone      string `json:"time_zone,omitempty" mapstructure:"time_zone"`
	// EscalatesTo is the agent (or group) to try when this one cannot take a handoff.
	EscalatesTo string `json:"escalates_to,omitempty" mapstructure:"escalates_to"`
	// WebhookURL receives handoff deliveries and customer preparation messages (bots).
	WebhookURL string `json:"webhook_url,omitempty" mapstructure:"webhook_url"`
	// HealthURL answers 2xx when the agent can take work (bots and specialists).
	HealthURL string `json:"health_url,omitempty" mapstructure:"health_url"`
	// NotifyURL receives offers for a person (a chat or paging service's webhook).
	NotifyURL string `json:"notify_url,omitempty" mapstructure:"notify_url"`
	// RateLimit optionally caps how many handoffs a bot or specialist is offered.
	RateLimit *RateLimit `json:"rate_limit,omitempty" mapstructure:"rate_limit"`
	// Calendar optionally tells when a person is busy or out of office. Never serialized: a
	// feed's address may be its secret.
	Calendar *CalendarSource `json:"-" mapstructure:"calendar"`
}
