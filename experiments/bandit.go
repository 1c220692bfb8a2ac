package experiments

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// Arm is one variant's evidence for a bandit: conversations with the outcome known, and how
// many of them succeeded (converted, or met the success definition).
type Arm struct {
	Variant   string `json:"variant"`
	Trials    int    `json:"trials"`
	Successes int    `json:"successes"`
}

// ThompsonDraws is how many joint draws estimate each variant's chance of being the best: the
// estimate's standard error is at most 0.4 points.
const ThompsonDraws = 15000

// Thompson is Thompson sampling in its batched form. Each variant's rate has a Beta(1+k,
// 1+n-k) posterior (a uniform prior updated by k successes in n); best[v] is the posterior
// probability that v has the highest rate, and alloc gives each variant floor plus its share
// of the rest by that probability: a variant that is surely worse keeps the floor, so the
// bandit never stops learning. The draws come from a generator seeded by the name and the
// evidence, so the same evidence always gives the same allocation.
func Thompson(name string, arms []Arm, floor float64) (best, alloc map[string]float64) {
	best = make(map[string]float64, len(arms))
	alloc = make(map[string]float64, len(arms))
	if len(arms) == 0 {
		return best, alloc
	}
	h := fnv.New64a()
	fmt.Fprint(h, name)
	for _, a := range arms {
		fmt.Fprintf(h, "|%s:%d/%d", a.Variant, a.Successes, a.Trials)
	}
	src := rand.NewPCG(h.Sum64(), 0x9e3779b97f4a7c15)
	dists := make([]distuv.Beta, len(arms))
	for i, a := range arms {
		k, n := max(a.Successes, 0), max(a.Trials, a.Successes)
		dists[i] = distuv.Beta{Alpha: 1 + float64(k), Beta: 1 + float64(n-k), Src: src}
	}
	wins := make([]int, len(arms))
	for range ThompsonDraws {
		top, topV := 0, -1.0
		for i := range dists {
			if v := dists[i].Rand(); v > topV {
				top, topV = i, v
			}
		}
		wins[top]++
	}
	rest := 1 - floor*float64(len(arms))
	for i, a := range arms {
		p := float64(wins[i]) / ThompsonDraws
		best[a.Variant] = p
		alloc[a.Variant] = floor + rest*p
	}
	return best, alloc
}
