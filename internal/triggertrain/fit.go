package main

import (
	"math"
	"slices"

	"github.com/handoffhq/orchestrator/decision"
	"gonum.org/v1/gonum/optimize"
)

// example is one labelled conversation as training sees it.
type example struct {
	id       string
	split    string // a labelled set's split, or "phrasings"
	messages []string
	f        decision.Features
	// label per learned trigger: 1, 0, or -1 where the line says nothing about it (a phrasing
	// speaks of one trigger only).
	label [4]int8
	// lexicon: what the analyzer decides with the lexicon alone, through the real-estate
	// engine (the thresholds rules read, not the featurizer's guess of them).
	lexicon [4]bool
	fold    int
}

// row is a sparse feature vector over the compact indices of one fit.
type row struct {
	idx []int32
	val []float64
}

// fit trains trigger t's logistic regression on the examples labelled for it: L2-regularised
// mean log-loss, minimised by L-BFGS. The hashed space is remapped to the features the data
// uses, so the optimiser works on tens of thousands of weights, not 2^18. skip are feature
// indices left out (the lexicon's own reading, when the model is to learn from words alone).
func fit(exs []*example, t int, lambda float64, skip map[uint32]bool) decision.TriggerWeights {
	compact := map[uint32]int32{}
	var hashed []uint32
	var rows []row
	var ys []float64
	for _, ex := range exs {
		if ex.label[t] < 0 {
			continue
		}
		var r row
		for k, h := range ex.f.Index {
			if skip[h] {
				continue
			}
			i, ok := compact[h]
			if !ok {
				i = int32(len(hashed))
				compact[h] = i
				hashed = append(hashed, h)
			}
			r.idx = append(r.idx, i)
			r.val = append(r.val, float64(ex.f.Value[k]))
		}
		rows = append(rows, r)
		ys = append(ys, float64(ex.label[t]))
	}
	dim := len(hashed) + 1 // the bias last, unregularised
	n := float64(len(rows))
	var lastX, lastGrad []float64
	var lastF float64
	eval := func(x []float64) {
		if lastX != nil && slices.Equal(x, lastX) {
			return
		}
		lastX = append(lastX[:0], x...)
		lastGrad = slices.Grow(lastGrad[:0], dim)[:dim]
		clear(lastGrad)
		loss := 0.0
		for k, r := range rows {
			z := x[dim-1]
			for j, i := range r.idx {
				z += x[i] * r.val[j]
			}
			// log(1+e^z) - y z, computed without overflow.
			loss += math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) - ys[k]*z
			g := (decision.Sigmoid(z) - ys[k]) / n
			for j, i := range r.idx {
				lastGrad[i] += g * r.val[j]
			}
			lastGrad[dim-1] += g
		}
		loss /= n
		for i := 0; i < dim-1; i++ {
			loss += lambda / 2 * x[i] * x[i]
			lastGrad[i] += lambda * x[i]
		}
		lastF = loss
	}
	p := optimize.Problem{
		Func: func(x []float64) float64 { eval(x); return lastF },
		Grad: func(grad, x []float64) { eval(x); copy(grad, lastGrad) },
	}
	res, err := optimize.Minimize(p, make([]float64, dim), &optimize.Settings{GradientThreshold: 1e-7, MajorIterations: 1000}, &optimize.LBFGS{})
	if err != nil && res == nil {
		panic(err)
	}
	x := res.X
	tw := decision.TriggerWeights{Name: decision.TriggerNames[t], Bias: x[dim-1], Lambda: lambda, Threshold: 1}
	order := make([]int, len(hashed))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return int(hashed[a]) - int(hashed[b]) })
	for _, i := range order {
		// A weight this small moves no probability; leaving it out keeps the file small.
		if math.Abs(x[i]) < minWeight {
			continue
		}
		tw.Index = append(tw.Index, hashed[i])
		tw.Weight = append(tw.Weight, float32(x[i]))
	}
	return tw
}

// minWeight: smaller weights are dropped from the model file.
const minWeight = 1e-3

// scorer reads probabilities off fitted weights, for out-of-fold predictions.
type scorer struct {
	w    map[uint32]float64
	bias float64
}

func newScorer(tw decision.TriggerWeights) scorer {
	s := scorer{w: make(map[uint32]float64, len(tw.Index)), bias: tw.Bias}
	for k, i := range tw.Index {
		s.w[i] = float64(tw.Weight[k])
	}
	return s
}

func (s scorer) prob(f decision.Features) float64 {
	z := s.bias
	for k, i := range f.Index {
		z += s.w[i] * float64(f.Value[k])
	}
	return decision.Sigmoid(z)
}

// chooseThreshold is the probability from which the classifier fires for trigger t, and the
// one it needs where the lexicon read no cue of t (from alones), from out-of-fold
// probabilities p (one per example), with the right and wrong firings it adds where the
// lexicon is silent and the gain that ranks one L2 strength against another.
//
// With precision set, it is the lowest threshold at which the lexicon and the classifier
// together keep that precision out of fold, and the gain is how many labelled lines the
// classifier reads at it. The lexicon was tuned on every development set, so where it is
// silent on them it is nearly always right to be: judged there alone, the classifier could
// only add wrong firings and would never fire, which credits the lexicon with a recall it
// has only on lines it was fixed to read. Aiming at a precision instead spends some of the
// precision the lexicon leaves unused on the recall a new author's lines need.
//
// With precision 0 it weighs each added firing +1 when right and -cost when wrong, so the
// classifier fires only where it is right more than cost/(1+cost) of the time. Either way the
// highest threshold and bar of the best outcome are kept: of equal outcomes, the one firing
// least.
func chooseThreshold(exs []*example, p []float64, t int, precision, cost float64, alones []float64) (best, bestAlone float64, addTP, addFP int, gain float64) {
	best, bestAlone, gain = 1, 1, 0
	for _, alone := range slices.Backward(slices.Sorted(slices.Values(alones))) {
		for tau := 0.99; tau >= minThreshold-1e-9; tau -= 0.01 {
			bar := max(alone, tau)
			tp, fp, lexTP, lexFP, read := 0, 0, 0, 0, 0
			for k, ex := range exs {
				if ex.label[t] < 0 {
					continue
				}
				fires := p[k] >= tau && !ex.f.Countered[t] && (ex.f.Cued[t] || p[k] >= bar)
				if fires && ex.label[t] == 1 {
					read++
				}
				switch {
				case ex.lexicon[t] && ex.label[t] == 1:
					lexTP++
				case ex.lexicon[t]:
					lexFP++
				case fires && ex.label[t] == 1:
					tp++
				case fires:
					fp++
				}
			}
			if precision > 0 {
				if tp+fp > 0 && float64(lexTP+tp) >= precision*float64(lexTP+lexFP+tp+fp) && float64(read) > gain {
					best, bestAlone, addTP, addFP, gain = math.Round(tau*100)/100, math.Round(bar*100)/100, tp, fp, float64(read)
				}
				continue
			}
			if g := float64(tp) - cost*float64(fp); g > gain {
				best, bestAlone, gain, addTP, addFP = math.Round(tau*100)/100, math.Round(bar*100)/100, g, tp, fp
			}
		}
	}
	return best, bestAlone, addTP, addFP, gain
}

// minThreshold: the classifier never fires below it. With a bar for uncued firings in place
// the precision floor stopped binding and every threshold fell to an even chance, where a
// divorce mentioned on its own (0.54) read as legal complexity; 0.6 asks for a lean.
const minThreshold = 0.6
