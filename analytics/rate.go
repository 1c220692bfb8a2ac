// Package analytics turns the handoff log into the figures the seed systems judge handoffs by:
// rates with 95 % confidence intervals, transition-time percentiles with theirs, conversion
// after a handoff against conversations that never handed off, and the seed's four targets.
// It is pure (no Temporal, no database): the store reads the rows, this package computes.
package analytics

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Confidence is the level of every interval this package reports.
const Confidence = 0.95

// z is the two-sided normal quantile of Confidence (1.96).
var z = distuv.UnitNormal.Quantile(1 - (1-Confidence)/2)

// Rate is a proportion K/N with its Wilson score interval. Wilson rather than the textbook
// normal (Wald) interval because handoff rates sit near 0 or 1 (success, context loss), where
// Wald's interval collapses or leaves [0, 1]; Wilson keeps close to its nominal coverage there.
type Rate struct {
	K     int     `json:"k"`
	N     int     `json:"n"`
	Value float64 `json:"value"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
	// Enough is false when N is under the minimum sample: the figure is shown, not judged.
	Enough bool `json:"enough"`
}

// NewRate is K successes out of N with its interval; minN decides Enough.
func NewRate(k, n, minN int) Rate {
	r := Rate{K: k, N: n}
	if n <= 0 {
		return r
	}
	p := float64(k) / float64(n)
	r.Value = p
	r.Low, r.High = wilson(k, n)
	r.Enough = n >= minN
	return r
}

// wilson is the Wilson score interval of k out of n at Confidence.
func wilson(k, n int) (lo, hi float64) {
	nf := float64(n)
	p := float64(k) / nf
	z2 := z * z
	den := 1 + z2/nf
	center := (p + z2/(2*nf)) / den
	half := z / den * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	return math.Max(0, center-half), math.Min(1, center+half)
}

// Contains reports whether the interval holds v.
func (r Rate) Contains(v float64) bool { return r.N > 0 && r.Low <= v && v <= r.High }

// Difference is p1 - p0 of two independent proportions with Newcombe's hybrid score interval
// (built from the two Wilson intervals), which keeps its coverage for small or extreme rates.
type Difference struct {
	Value  float64 `json:"value"`
	Low    float64 `json:"low"`
	High   float64 `json:"high"`
	Enough bool    `json:"enough"`
}

// NewDifference compares a (after a handoff) with b (the baseline).
func NewDifference(a, b Rate) Difference {
	if a.N == 0 || b.N == 0 {
		return Difference{}
	}
	d := a.Value - b.Value
	return Difference{
		Value:  d,
		Low:    d - math.Sqrt(sq(a.Value-a.Low)+sq(b.High-b.Value)),
		High:   d + math.Sqrt(sq(a.High-a.Value)+sq(b.Value-b.Low)),
		Enough: a.Enough && b.Enough,
	}
}

// Lift is the relative change a/b - 1 of two proportions with the Katz log interval of their
// ratio: "+15 % vs no handoff" is a ratio of 1.15.
type Lift struct {
	Value  float64 `json:"value"`
	Low    float64 `json:"low"`
	High   float64 `json:"high"`
	Enough bool    `json:"enough"`
}

// NewLift is a's rate relative to b's. With no success on either side the log interval is
// undefined, and the lift is not judged.
func NewLift(a, b Rate) Lift {
	if a.N == 0 || b.N == 0 || a.K == 0 || b.K == 0 {
		return Lift{}
	}
	ratio := a.Value / b.Value
	se := math.Sqrt(1/float64(a.K) - 1/float64(a.N) + 1/float64(b.K) - 1/float64(b.N))
	return Lift{
		Value:  ratio - 1,
		Low:    ratio*math.Exp(-z*se) - 1,
		High:   ratio*math.Exp(z*se) - 1,
		Enough: a.Enough && b.Enough,
	}
}

func sq(v float64) float64 { return v * v }
