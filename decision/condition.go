package decision

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/handoffhq/orchestrator/handoff"
)

// sigType is a signal's declared type; conditions are type-checked against it at load.
type sigType uint8

const (
	typeNumber sigType = iota + 1
	typeString
	typeBool
)

func (t sigType) String() string {
	switch t {
	case typeNumber:
		return "number"
	case typeString:
		return "string"
	case typeBool:
		return "bool"
	}
	return "unknown"
}

func parseSigType(s string) (sigType, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "number", "float", "double", "int", "integer":
		return typeNumber, true
	case "string", "text":
		return typeString, true
	case "bool", "boolean":
		return typeBool, true
	}
	return 0, false
}

// env is what conditions read: the analysed signals and, for explanations, how each signal
// was obtained when the bot did not send it.
type env struct {
	signals map[string]any
	derived map[string]string
	types   map[string]sigType
}

// condition is the one evaluator interface shorthand and CEL both compile into.
type condition interface {
	eval(e *env) bool
	// explain appends the reasons why the condition evaluated to want (true: the conditions
	// that held; false: the ones that failed). neg is set below a not:.
	explain(e *env, want, neg bool, rule string, out []handoff.Reason) []handoff.Reason
	// canon is a normal form: equal canon means equal conditions (order of all/any items
	// and the spelling of thresholds do not matter).
	canon() string
}

type cmpOp uint8

const (
	opGT cmpOp = iota + 1
	opGE
	opLT
	opLE
	opEQ
	opNE
)

var opText = map[cmpOp]string{opGT: ">", opGE: ">=", opLT: "<", opLE: "<=", opEQ: "==", opNE: "!="}

// cutOp splits a leading comparison operator off a shorthand value.
func cutOp(s string) (cmpOp, string, bool) {
	s = strings.TrimSpace(s)
	for _, p := range []struct {
		text string
		op   cmpOp
	}{{">=", opGE}, {"<=", opLE}, {"==", opEQ}, {"!=", opNE}, {">", opGT}, {"<", opLT}, {"=", opEQ}} {
		if strings.HasPrefix(s, p.text) {
			return p.op, strings.TrimSpace(s[len(p.text):]), true
		}
	}
	return opEQ, s, false
}

// parseNumber reads the seed's thresholds: plain numbers and K/M/B suffixes ("750K",
// "1.5M"), with an optional "$" and thousands separators.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "$")
	s = strings.NewReplacer(",", "", "_", "").Replace(s)
	mult := 1.0
	if n := len(s); n > 1 {
		switch s[n-1] {
		case 'k', 'K':
			mult, s = 1e3, s[:n-1]
		case 'm', 'M':
			mult, s = 1e6, s[:n-1]
		case 'b', 'B':
			mult, s = 1e9, s[:n-1]
		}
	}
	if s == "" || strings.ContainsAny(s, "xXpPiInN") {
		// Hex floats, Inf and NaN parse in Go but are no threshold anyone means.
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	f *= mult
	return f, !math.IsInf(f, 0) && !math.IsNaN(f)
}

// numberOf reads a signal value as a number; bots send JSON numbers, but a string such as
// "1.5M" is accepted too.
func numberOf(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, !math.IsNaN(x)
	case float32:
		return float64(x), !math.IsNaN(float64(x))
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case int32:
		return float64(x), true
	case uint:
		return float64(x), true
	case uint64:
		return float64(x), true
	case uint32:
		return float64(x), true
	case string:
		return parseNumber(x)
	case fmt.Stringer: // json.Number
		return parseNumber(x.String())
	}
	return 0, false
}

func boolOf(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return false, false
}

// leaf is one shorthand condition on one signal.
type leaf struct {
	name    string
	typ     sigType
	op      cmpOp
	num     float64
	written string   // the threshold as the config wrote it ("2M"), for operators
	strs    []string // alternatives of a string condition, compared case-insensitively
	flag    bool
}

func parseLeaf(name string, typ sigType, raw any) (*leaf, error) {
	l := &leaf{name: name, typ: typ}
	switch typ {
	case typeNumber:
		var text string
		switch x := raw.(type) {
		case string:
			text = x
		case bool, nil:
			return nil, fmt.Errorf("%s is a number signal; %s is not a comparison such as \"> 0.9\" or \"< 2M\"", name, formatValue(raw))
		default:
			if _, ok := numberOf(x); !ok {
				return nil, fmt.Errorf("%s is a number signal; %s is not a comparison such as \"> 0.9\"", name, formatValue(raw))
			}
			text = fmt.Sprint(x)
		}
		op, rest, _ := cutOp(text)
		n, ok := parseNumber(rest)
		if !ok {
			return nil, fmt.Errorf("%s: threshold %q is not a number (write digits with an optional K or M suffix, e.g. \"> 0.9\", \"< 2M\", \"750K\")", name, text)
		}
		l.op, l.num, l.written = op, n, rest
	case typeString:
		text, ok := raw.(string)
		if !ok {
			return nil, fmt.Errorf("%s is a string signal; %s is not text", name, formatValue(raw))
		}
		op, rest, _ := cutOp(text)
		switch op {
		case opEQ, opNE:
		default:
			return nil, fmt.Errorf("%s is a string signal; %q compares numbers", name, text)
		}
		for _, alt := range strings.Split(rest, "|") {
			if alt = strings.TrimSpace(alt); alt == "" {
				return nil, fmt.Errorf("%s: %q has an empty alternative", name, text)
			}
			l.strs = append(l.strs, strings.ToLower(alt))
		}
		sort.Strings(l.strs)
		l.op = op
	case typeBool:
		b, ok := boolOf(raw)
		if !ok {
			return nil, fmt.Errorf("%s is a bool signal; %s is not true or false", name, formatValue(raw))
		}
		l.op, l.flag = opEQ, b
	}
	return l, nil
}

type leafState uint8

const (
	leafFalse leafState = iota
	leafTrue
	leafMissing
	leafWrongType
)

func (l *leaf) test(e *env) (leafState, any) {
	v, ok := e.signals[l.name]
	if !ok || v == nil {
		return leafMissing, nil
	}
	var r bool
	switch l.typ {
	case typeNumber:
		f, ok := numberOf(v)
		if !ok {
			return leafWrongType, v
		}
		switch l.op {
		case opGT:
			r = f > l.num
		case opGE:
			r = f >= l.num
		case opLT:
			r = f < l.num
		case opLE:
			r = f <= l.num
		case opEQ:
			r = f == l.num
		case opNE:
			r = f != l.num
		}
	case typeString:
		s, ok := v.(string)
		if !ok {
			return leafWrongType, v
		}
		in := false
		for _, alt := range l.strs {
			if strings.EqualFold(s, alt) {
				in = true
				break
			}
		}
		r = in == (l.op == opEQ)
	case typeBool:
		b, ok := boolOf(v)
		if !ok {
			return leafWrongType, v
		}
		r = b == l.flag
	}
	if r {
		return leafTrue, v
	}
	return leafFalse, v
}

func (l *leaf) eval(e *env) bool {
	s, _ := l.test(e)
	return s == leafTrue
}

// display is the condition as an operator would write it.
func (l *leaf) display() string {
	switch l.typ {
	case typeNumber:
		return l.name + " " + opText[l.op] + " " + l.written
	case typeString:
		if l.op == opNE {
			return l.name + " is not " + strings.Join(l.strs, "|")
		}
		return l.name + " is " + strings.Join(l.strs, "|")
	default:
		return fmt.Sprintf("%s is %t", l.name, l.flag)
	}
}

func (l *leaf) canon() string {
	switch l.typ {
	case typeNumber:
		return l.name + opText[l.op] + strconv.FormatFloat(l.num, 'g', -1, 64)
	case typeString:
		return l.name + opText[l.op] + "[" + strings.Join(l.strs, "|") + "]"
	default:
		return l.name + "==" + strconv.FormatBool(l.flag)
	}
}

func (l *leaf) explain(e *env, _, neg bool, rule string, out []handoff.Reason) []handoff.Reason {
	state, v := l.test(e)
	held := state == leafTrue
	var text string
	switch state {
	case leafMissing:
		text = l.name + " is not known, so " + l.display() + " is false"
	case leafWrongType:
		text = fmt.Sprintf("%s is %s, not a %s, so %s is false", l.name, formatValue(v), l.typ, l.display())
	case leafTrue:
		text = l.name + " is " + l.show(v) + l.satisfied()
	default:
		text = l.name + " is " + l.show(v) + ", not " + l.expected()
	}
	if note := e.derived[l.name]; note != "" && state != leafMissing {
		text += " (" + note + ")"
	}
	cond := l.display()
	if neg {
		cond = "not (" + cond + ")"
		held = !held
		text += "; the rule needs the opposite"
	}
	return append(out, handoff.Reason{Rule: rule, Condition: cond, Value: v, Matched: held, Text: text})
}

// show formats the value seen; a number sent as text ("2.4M") shows as the number it is.
func (l *leaf) show(v any) string {
	if l.typ == typeNumber {
		if f, ok := numberOf(v); ok {
			return formatValue(f)
		}
	}
	return formatValue(v)
}

// satisfied completes "<name> is <value>" when the condition held.
func (l *leaf) satisfied() string {
	switch l.typ {
	case typeNumber:
		return " " + opText[l.op] + " " + l.written
	case typeString:
		if len(l.strs) > 1 || l.op == opNE {
			return ", " + l.expected()
		}
	}
	return ""
}

func (l *leaf) expected() string {
	switch l.typ {
	case typeNumber:
		return opText[l.op] + " " + l.written
	case typeString:
		if l.op == opNE {
			return "not " + strings.Join(l.strs, " or ")
		}
		if len(l.strs) > 1 {
			return "one of " + strings.Join(l.strs, ", ")
		}
		return l.strs[0]
	default:
		return strconv.FormatBool(l.flag)
	}
}

// formatValue shows a value the way the seed writes thresholds (1.5M, 750K).
func formatValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return "unknown"
	}
	f, ok := numberOf(v)
	if !ok {
		return fmt.Sprint(v)
	}
	a := math.Abs(f)
	switch {
	case a >= 1e6 && math.Round(f/1e4) == f/1e4:
		return strconv.FormatFloat(f/1e6, 'f', -1, 64) + "M"
	case a >= 1e4 && math.Round(f/1e2) == f/1e2:
		return strconv.FormatFloat(f/1e3, 'f', -1, 64) + "K"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// group is all:, any: or not: over nested conditions.
type group struct {
	kind  string // "all", "any" or "not"
	items []condition
}

func (g *group) eval(e *env) bool {
	switch g.kind {
	case "all":
		for _, c := range g.items {
			if !c.eval(e) {
				return false
			}
		}
		return true
	case "any":
		for _, c := range g.items {
			if c.eval(e) {
				return true
			}
		}
		return false
	default: // not
		return !g.items[0].eval(e)
	}
}

func (g *group) explain(e *env, want, neg bool, rule string, out []handoff.Reason) []handoff.Reason {
	if g.kind == "not" {
		return g.items[0].explain(e, !want, !neg, rule, out)
	}
	// Under all: the reasons for true are every item, for false the failing ones; under any:
	// for true the items that held, for false every item.
	every := (g.kind == "all") == want
	for _, c := range g.items {
		if every || c.eval(e) == want {
			out = c.explain(e, want, neg, rule, out)
		}
	}
	return out
}

func (g *group) canon() string {
	if g.kind == "not" {
		return "not(" + g.items[0].canon() + ")"
	}
	parts := g.parts(nil)
	if len(parts) == 1 {
		return parts[0]
	}
	sort.Strings(parts)
	parts = dedupSorted(parts)
	if len(parts) == 1 {
		return parts[0]
	}
	return g.kind + "(" + strings.Join(parts, ",") + ")"
}

// parts flattens nested groups of the same kind: all(a, all(b, c)) is all(a, b, c).
func (g *group) parts(acc []string) []string {
	for _, c := range g.items {
		if sub, ok := c.(*group); ok && sub.kind == g.kind {
			acc = sub.parts(acc)
			continue
		}
		acc = append(acc, c.canon())
	}
	return acc
}

func dedupSorted(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
