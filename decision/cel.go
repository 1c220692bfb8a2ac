package decision

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/checker"
	"github.com/google/cel-go/interpreter"
	"github.com/handoffhq/orchestrator/handoff"
)

// maxCELString bounds string signals a CEL expression sees (longer ones count as missing):
// with it the checker can bound the cost of string operations, so no rule can be slow.
const maxCELString = 1024

// maxCELCost bounds a rule's CEL cost (estimated at load and enforced at run time): about a
// hundred comparisons of maximal strings, a few microseconds.
const maxCELCost uint64 = 10000

func newCELEnv(types map[string]sigType) (*cel.Env, error) {
	opts := []cel.EnvOption{
		cel.CrossTypeNumericComparisons(true), // lets `lead_score >= 8` compare a double with an int
		cel.ParserExpressionSizeLimit(4096),
		cel.ParserRecursionLimit(64),
	}
	names := make([]string, 0, len(types))
	for n := range types {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t := cel.DoubleType
		switch types[n] {
		case typeString:
			t = cel.StringType
		case typeBool:
			t = cel.BoolType
		}
		opts = append(opts, cel.Variable(n, t))
	}
	return cel.NewEnv(opts...)
}

// celCond is a CEL expression compiled once at load.
type celCond struct {
	src   string
	norm  string // the expression unparsed from its AST: spacing does not change the canon
	prog  cel.Program
	vars  []string
	types map[string]sigType
}

func compileCEL(env *cel.Env, types map[string]sigType, src string) (*celCond, error) {
	src = strings.TrimSpace(src)
	if src == "" {
		return nil, fmt.Errorf("cel: empty expression")
	}
	ast, iss := env.Compile(src)
	if iss != nil && iss.Err() != nil {
		var msgs []string
		for _, e := range iss.Errors() {
			msgs = append(msgs, fmt.Sprintf("%s (column %d)", e.Message, e.Location.Column()+1))
		}
		return nil, fmt.Errorf("cel %q: %s", src, strings.Join(msgs, "; "))
	}
	if !ast.OutputType().IsExactType(cel.BoolType) {
		return nil, fmt.Errorf("cel %q: yields %s, not bool", src, ast.OutputType())
	}
	est, err := env.EstimateCost(ast, sizeEstimator{})
	if err != nil {
		return nil, fmt.Errorf("cel %q: cannot estimate its cost: %v", src, err)
	}
	switch {
	case est.Max == math.MaxUint64:
		return nil, fmt.Errorf("cel %q: its cost has no bound (the limit is %d)", src, maxCELCost)
	case est.Max > maxCELCost:
		return nil, fmt.Errorf("cel %q: may cost up to %d, over the limit of %d", src, est.Max, maxCELCost)
	}
	prog, err := env.Program(ast, cel.CostLimit(maxCELCost), cel.EvalOptions(cel.OptOptimize))
	if err != nil {
		return nil, fmt.Errorf("cel %q: %v", src, err)
	}
	norm, err := cel.AstToString(ast)
	if err != nil {
		norm = src
	}
	seen := map[string]bool{}
	var vars []string
	for _, ref := range ast.NativeRep().ReferenceMap() {
		if ref.Name != "" && len(ref.OverloadIDs) == 0 && !seen[ref.Name] {
			if _, ok := types[ref.Name]; ok {
				seen[ref.Name] = true
				vars = append(vars, ref.Name)
			}
		}
	}
	sort.Strings(vars)
	return &celCond{src: src, norm: norm, prog: prog, vars: vars, types: types}, nil
}

// sizeEstimator tells the cost checker how large string signals can be.
type sizeEstimator struct{}

func (sizeEstimator) EstimateSize(n checker.AstNode) *checker.SizeEstimate {
	if len(n.Path()) == 1 && n.Type() != nil && n.Type().IsExactType(cel.StringType) {
		return &checker.SizeEstimate{Min: 0, Max: maxCELString}
	}
	return nil
}

func (sizeEstimator) EstimateCallCost(string, string, *checker.AstNode, []checker.AstNode) *checker.CallEstimate {
	return nil
}

// activation hands CEL the signals converted to their declared types; a signal that is
// missing or of the wrong type is absent, so the expression errs and the condition is false.
type activation struct{ e *env }

func (a activation) ResolveName(name string) (any, bool) {
	v, ok := a.e.signals[name]
	if !ok || v == nil {
		return nil, false
	}
	switch a.e.types[name] {
	case typeNumber:
		return numberOf(v)
	case typeString:
		s, ok := v.(string)
		if !ok || len(s) > maxCELString {
			return nil, false
		}
		return s, true
	case typeBool:
		return boolOf(v)
	}
	return nil, false
}

func (activation) Parent() interpreter.Activation { return nil }

func (c *celCond) eval(e *env) (held bool) {
	defer func() {
		if recover() != nil {
			held = false
		}
	}()
	out, _, err := c.prog.Eval(activation{e})
	if err != nil {
		return false
	}
	b, ok := out.Value().(bool)
	return ok && b
}

func (c *celCond) canon() string { return "cel(" + c.norm + ")" }

func (c *celCond) explain(e *env, _, neg bool, rule string, out []handoff.Reason) []handoff.Reason {
	held := c.eval(e)
	seen := map[string]any{}
	var parts []string
	for _, n := range c.vars {
		v, ok := e.signals[n]
		if !ok {
			parts = append(parts, n+" not known")
			continue
		}
		seen[n] = v
		p := n + " " + formatValue(v)
		if note := e.derived[n]; note != "" {
			p += " (" + note + ")"
		}
		parts = append(parts, p)
	}
	text := fmt.Sprintf("%s is %t", c.src, held)
	if len(parts) > 0 {
		text += ": " + strings.Join(parts, ", ")
	}
	cond := "cel: " + c.src
	if neg {
		cond, held = "not (cel: "+c.src+")", !held
		text += "; the rule needs the opposite"
	}
	var value any
	if len(seen) > 0 {
		value = seen
	}
	return append(out, handoff.Reason{Rule: rule, Condition: cond, Value: value, Matched: held, Text: text})
}
