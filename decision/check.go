package decision

import (
	"fmt"
	"sort"
)

// checkReachable rejects a rule no conversation can reach: for every source it applies to, a
// higher rule that applies too, is not skipped as a self-handoff, and is unconditional or has
// the same conditions, always wins first.
func checkReachable(rules []*rule, ros *roster) error {
	for i, b := range rules {
		if onlyFrom(b, ros) {
			return fmt.Errorf("rule %q: unreachable: it applies only from its own target %q, and no agent hands off to itself", b.name, b.target)
		}
		var sources []string
		if b.from == nil {
			// "" stands for any source the roster does not name.
			sources = append([]string{""}, sortedKeys(ros.ids)...)
		} else {
			sources = sortedKeys(b.from)
		}
		var by *rule
		all := true
		for _, s := range sources {
			covered := false
			for _, a := range rules[:i] {
				if a.appliesTo(s) && a.target != s && (a.cond == nil || a.canon == b.canon) {
					covered, by = true, a
					break
				}
			}
			if !covered {
				all = false
				break
			}
		}
		if all && by != nil {
			why := "has the same conditions"
			if by.cond == nil {
				why = "is unconditional"
			}
			return fmt.Errorf("rule %q: unreachable: rule %q (precedence %d) %s, applies to the same sources and always wins first", b.name, by.name, by.precedence, why)
		}
	}
	return nil
}

// onlyFrom reports whether every source agent a rule applies to is its own target.
func onlyFrom(r *rule, ros *roster) bool {
	if r.from == nil {
		return false
	}
	for s := range r.from {
		if s != r.target && len(ros.groups[s]) == 0 {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// nearest is the declared signal closest to a misspelt one (at most two edits away), or "".
func nearest(name string, types map[string]sigType) string {
	best, bestD := "", 3
	for _, n := range sortedKeys(types) {
		if d := editDistance(name, n, bestD); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, or limit when it is at least limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}
