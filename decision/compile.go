package decision

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/google/cel-go/cel"
	"github.com/handoffhq/orchestrator/handoff"
)

// builtinSignals are the signals the built-in analyzer derives; rules may read them without
// declaring them.
var builtinSignals = map[string]sigType{
	"customer_emotional_distress": typeNumber,
	"emotional_distress":          typeBool,
	"human_request_score":         typeNumber,
	"human_requested":             typeBool,
	"frustration":                 typeNumber,
	"frustrated":                  typeBool,
	"complexity_score":            typeNumber,
	"legal_complexity":            typeString,
	"intent_category":             typeString,
	"intent_confidence":           typeNumber,
}

// namePattern keeps rule and scenario names safe as search attribute values and in URLs.
var namePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$`)

// signalPattern keeps signal names usable as CEL variables.
var signalPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// rule is a compiled RuleSpec.
type rule struct {
	name       string
	target     string
	precedence int
	from       map[string]bool // nil: any source agent
	fromText   []string        // as written, sorted, for the version hash
	cond       condition       // nil: unconditional
	canon      string
	urgent     bool
	confirm    bool
	protocol   handoff.Protocol
	// consult is set for a rule whose action is consult; target is then empty.
	consult  *handoff.ConsultSpec
	approval *handoff.ApprovalSpec
}

func (r *rule) appliesTo(source string) bool { return r.from == nil || r.from[source] }

// roster answers which names are agents and which are groups.
type roster struct {
	agents []handoff.Agent
	ids    map[string]bool
	groups map[string][]string
}

func newRoster(agents []handoff.Agent) *roster {
	r := &roster{agents: agents, ids: map[string]bool{}, groups: map[string][]string{}}
	for _, a := range agents {
		r.ids[a.ID] = true
		for _, g := range a.Groups {
			r.groups[g] = append(r.groups[g], a.ID)
		}
	}
	return r
}

func (r *roster) known(name string) bool { return r.ids[name] || len(r.groups[name]) > 0 }

// Compile validates and compiles a rule set against the roster. Every mistake it finds names
// the rule (or key) and the reason; the config loader adds the file.
func Compile(spec Spec, agents []handoff.Agent) (*Engine, error) {
	if err := unknownKeys("", spec.Unknown); err != nil {
		return nil, err
	}
	system := spec.System
	if system == "" {
		system = SystemRealEstate
		if len(spec.Handoffs) > 0 {
			system = SystemLeague
		}
	}
	types := make(map[string]sigType, len(builtinSignals)+len(spec.Signals))
	for n, t := range builtinSignals {
		types[n] = t
	}
	for _, n := range sortedKeys(spec.Signals) {
		ts := spec.Signals[n]
		if !signalPattern.MatchString(n) {
			return nil, fmt.Errorf("signals.%s: a signal name is lowercase letters, digits and '_', starting with a letter", n)
		}
		t, ok := parseSigType(ts)
		if !ok {
			return nil, fmt.Errorf("signals.%s: type %q is not number, string or bool", n, ts)
		}
		if bt, ok := builtinSignals[n]; ok && bt != t {
			return nil, fmt.Errorf("signals.%s: the built-in analyzer provides it as a %s, not a %s", n, bt, t)
		}
		types[n] = t
	}
	if err := unknownKeys("analyzer", spec.Analyzer.Unknown); err != nil {
		return nil, err
	}
	threshold := spec.Analyzer.DistressThreshold
	if threshold == 0 {
		threshold = DefaultDistressThreshold
	}
	if threshold <= 0 || threshold >= 1 {
		return nil, fmt.Errorf("analyzer.distress_threshold: %v must be between 0 and 1", spec.Analyzer.DistressThreshold)
	}
	frustration := spec.Analyzer.FrustrationThreshold
	if frustration == 0 {
		frustration = DefaultFrustrationThreshold
	}
	if frustration <= 0 || frustration >= 1 {
		return nil, fmt.Errorf("analyzer.frustration_threshold: %v must be between 0 and 1", spec.Analyzer.FrustrationThreshold)
	}
	if err := spec.Decoder.validate(system); err != nil {
		return nil, err
	}
	e := &Engine{system: system, types: types, distressThreshold: threshold, frustrationThreshold: frustration, decoder: spec.Decoder,
		triggers: defaultModel}
	ros := newRoster(agents)
	e.agents = map[string]string{}
	for _, a := range agents {
		e.agents[a.ID] = a.Name
	}
	switch system {
	case SystemRealEstate:
		if len(spec.Handoffs) > 0 {
			return nil, fmt.Errorf("handoffs: keyword handoffs belong to system %q; this one is %q (use rules:)", SystemLeague, system)
		}
		if spec.Recommend.Enabled {
			return nil, fmt.Errorf("recommend: recommendations belong to system %q", SystemLeague)
		}
		rules, err := compileRules(spec.Rules, types, ros)
		if err != nil {
			return nil, err
		}
		e.rules = rules
		warmSentiment()
	case SystemLeague:
		// Rules come before the keyword paths here: a customer who asks for a person, or is
		// angry, goes to one whatever keyword they used.
		rules, err := compileRules(spec.Rules, types, ros)
		if err != nil {
			return nil, err
		}
		e.rules = rules
		if len(rules) > 0 {
			warmSentiment()
		}
		hs, err := compileHandoffs(spec.Handoffs, ros)
		if err != nil {
			return nil, err
		}
		e.handoffs = hs
		rec, err := compileRecommender(spec.Recommend, ros)
		if err != nil {
			return nil, err
		}
		e.recommend = rec
	default:
		return nil, fmt.Errorf("system: %q is not %q or %q", spec.System, SystemRealEstate, SystemLeague)
	}
	e.version = e.hash()
	return e, nil
}

func unknownKeys(where string, m map[string]any) error {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if where != "" {
		where += ": "
	}
	return fmt.Errorf("%sunknown key %q", where, keys[0])
}

// unknownSpecKeys reports a key a rule or league path, or its protocol, does not know.
func unknownSpecKeys(spec, protocol map[string]any) error {
	if err := unknownKeys("", spec); err != nil {
		return err
	}
	return unknownKeys("protocol", protocol)
}

func compileRules(specs []RuleSpec, types map[string]sigType, ros *roster) ([]*rule, error) {
	celEnv, err := newCELEnv(types)
	if err != nil {
		return nil, fmt.Errorf("cel environment: %v", err)
	}
	names := map[string]bool{}
	precs := map[int]string{}
	rules := make([]*rule, 0, len(specs))
	for i, s := range specs {
		where := fmt.Sprintf("rules[%d]", i)
		if s.Name != "" {
			where = fmt.Sprintf("rule %q", s.Name)
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...))
		}
		if err := unknownSpecKeys(s.Unknown, s.Protocol.Unknown); err != nil {
			return nil, fail("%v", err)
		}
		consult, err := compileConsult(&s, ros)
		if err != nil {
			return nil, fail("%v", err)
		}
		switch {
		case s.Name == "":
			return nil, fail("name is required")
		case !namePattern.MatchString(s.Name):
			return nil, fail("name must be letters, digits, '_', '.', ':' or '-' (at most 80)")
		case names[s.Name]:
			return nil, fail("duplicate rule name")
		}
		names[s.Name] = true
		if s.Target == "" && consult == nil {
			return nil, fail("target is required")
		}
		if consult == nil && !ros.known(s.Target) {
			return nil, fail("target %q is not an agent or group in the roster", s.Target)
		}
		if other, dup := precs[s.Precedence]; dup {
			return nil, fail("duplicate precedence %d (rule %q has it too); each rule needs its own", s.Precedence, other)
		}
		precs[s.Precedence] = s.Name
		r := &rule{name: s.Name, target: s.Target, precedence: s.Precedence, urgent: s.Urgent, confirm: s.RequiresConfirmation, consult: consult}
		for _, f := range s.From {
			if !ros.known(f) {
				return nil, fail("from: %q is not an agent or group in the roster", f)
			}
			if r.from == nil {
				r.from = map[string]bool{}
			}
			r.from[f] = true
			for _, m := range ros.groups[f] {
				r.from[m] = true
			}
			r.fromText = append(r.fromText, f)
		}
		sort.Strings(r.fromText)
		if r.cond, err = ruleCondition(s, celEnv, types); err != nil {
			return nil, fail("%v", err)
		}
		if r.cond != nil {
			r.canon = r.cond.canon()
		}
		if r.protocol, err = compileProtocol(s.Protocol, s.Name); err != nil {
			return nil, fail("%v", err)
		}
		if r.approval, err = compileApproval(s.Approval, ros); err != nil {
			return nil, fail("%v", err)
		}
		if r.approval != nil && consult != nil {
			// A consultation moves nothing, so there is nothing for a team to approve.
			return nil, fail("approval: a consult rule hands nothing over; approval belongs to a handoff rule")
		}
		rules = append(rules, r)
	}
	sort.SliceStable(rules, func(i, j int) bool { return rules[i].precedence > rules[j].precedence })
	if err := checkReachable(rules, ros); err != nil {
		return nil, err
	}
	return rules, nil
}

func ruleCondition(s RuleSpec, celEnv *cel.Env, types map[string]sigType) (condition, error) {
	var conds []condition
	if len(s.All) > 0 {
		c, err := compileGroup("all", s.All, "all", celEnv, types)
		if err != nil {
			return nil, err
		}
		conds = append(conds, c)
	}
	if len(s.Any) > 0 {
		c, err := compileGroup("any", s.Any, "any", celEnv, types)
		if err != nil {
			return nil, err
		}
		conds = append(conds, c)
	}
	if strings.TrimSpace(s.CEL) != "" {
		c, err := compileCEL(celEnv, types, s.CEL)
		if err != nil {
			return nil, err
		}
		conds = append(conds, c)
	}
	switch len(conds) {
	case 0:
		return nil, nil
	case 1:
		return conds[0], nil
	}
	return &group{kind: "all", items: conds}, nil
}

func compileGroup(kind string, items []map[string]any, path string, celEnv *cel.Env, types map[string]sigType) (condition, error) {
	if len(items) == 0 {
		return nil, fmt.Errorf("%s: empty list", path)
	}
	g := &group{kind: kind}
	for i, m := range items {
		c, err := compileItem(m, fmt.Sprintf("%s[%d]", path, i), celEnv, types)
		if err != nil {
			return nil, err
		}
		g.items = append(g.items, c)
	}
	return g, nil
}

func compileItem(m map[string]any, path string, celEnv *cel.Env, types map[string]sigType) (condition, error) {
	if len(m) != 1 {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return nil, fmt.Errorf("%s: a condition item has %d keys (%s); write one condition per list item", path, len(m), strings.Join(keys, ", "))
	}
	for k, v := range m {
		switch k {
		case "all", "any":
			list, err := asItems(v)
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %v", path, k, err)
			}
			return compileGroup(k, list, path+"."+k, celEnv, types)
		case "not":
			list, err := asItems(v)
			if err != nil {
				return nil, fmt.Errorf("%s.not: %v", path, err)
			}
			inner, err := compileGroup("any", list, path+".not", celEnv, types)
			if err != nil {
				return nil, err
			}
			return &group{kind: "not", items: []condition{inner}}, nil
		case "cel":
			src, ok := v.(string)
			if !ok {
				return nil, fmt.Errorf("%s.cel: must be a string expression", path)
			}
			c, err := compileCEL(celEnv, types, src)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", path, err)
			}
			return c, nil
		default:
			t, ok := types[k]
			if !ok {
				hint := "declare it under routing.signals"
				if near := nearest(k, types); near != "" {
					hint = fmt.Sprintf("did you mean %q? or declare it under routing.signals", near)
				}
				return nil, fmt.Errorf("%s: unknown signal %q (%s)", path, k, hint)
			}
			l, err := parseLeaf(k, t, v)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", path, err)
			}
			return l, nil
		}
	}
	return nil, nil // unreachable: m has exactly one key
}

// asItems accepts a list of one-key maps (what viper decodes) or a single map (not: {x: y}).
func asItems(v any) ([]map[string]any, error) {
	switch x := v.(type) {
	case []map[string]any:
		return x, nil
	case map[string]any:
		return []map[string]any{x}, nil
	case []any:
		out := make([]map[string]any, 0, len(x))
		for i, it := range x {
			m, ok := it.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("item %d is %v, not a condition such as {signal: \"> 1\"}", i, it)
			}
			out = append(out, m)
		}
		return out, nil
	}
	return nil, fmt.Errorf("%v is not a list of conditions", v)
}

func compileProtocol(p ProtocolSpec, defaultScenario string) (handoff.Protocol, error) {
	if p.Scenario == "" {
		p.Scenario = defaultScenario
	}
	if !namePattern.MatchString(p.Scenario) {
		return handoff.Protocol{}, fmt.Errorf("protocol.scenario %q must be letters, digits, '_', '.', ':' or '-'", p.Scenario)
	}
	if p.OfferTimeout != "" {
		if _, problem := handoff.CheckDuration(p.OfferTimeout, handoff.MinOfferTimeout, handoff.MaxOfferTimeout); problem != "" {
			return handoff.Protocol{}, fmt.Errorf("protocol.offer_timeout: %s", problem)
		}
	}
	if p.ParallelOffers < 0 || p.ParallelOffers > 10 {
		return handoff.Protocol{}, fmt.Errorf("protocol.parallel_offers %d must be between 1 and 10 (0 means 1)", p.ParallelOffers)
	}
	if p.Priority < -100 || p.Priority > 100 {
		return handoff.Protocol{}, fmt.Errorf("protocol.priority %d must be between -100 and 100", p.Priority)
	}
	return handoff.Protocol{
		Priority:           p.Priority,
		Skills:             p.Skills,
		ParallelOffers:     p.ParallelOffers,
		Scenario:           p.Scenario,
		IntroductionScript: p.IntroductionScript,
		FirstResponse:      p.FirstResponse,
		PreparationTime:    p.PreparationTime,
		CustomerMessage:    p.CustomerMessage,
		OfferTimeout:       p.OfferTimeout,
	}, nil
}
