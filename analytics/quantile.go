package analytics

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Quantile is a percentile of a sample with a distribution-free interval: the order
// statistics whose ranks a Binomial(n, q) puts 95 % of its mass between. Durations are
// skewed (a person's accept takes seconds, a bot's milliseconds), so no normal assumption.
type Quantile struct {
	Q     float64 `json:"q"`
	N     int     `json:"n"`
	Value float64 `json:"value"`
	// Low and High are the interval's ends; Bounded is false when the sample is too small
	// for one of them to exist (e.g. the p99 of 50 values has no upper bound).
	Low     float64 `json:"low"`
	High    float64 `json:"high"`
	Bounded bool    `json:"bounded"`
}

// NewQuantile is the q-quantile of sorted (ascending) values.
func NewQuantile(q float64, sorted []float64) Quantile {
	n := len(sorted)
	out := Quantile{Q: q, N: n}
	if n == 0 {
		return out
	}
	out.Value = stat.Quantile(q, stat.Empirical, sorted, nil)
	l, u := ranks(n, q)
	out.Low, out.High = math.NaN(), math.NaN()
	if l >= 1 {
		out.Low = sorted[l-1]
	}
	if u <= n {
		out.High = sorted[u-1]
	}
	out.Bounded = l >= 1 && u <= n
	if !out.Bounded {
		// JSON has no NaN: an open end is reported as the sample's extreme, flagged unbounded.
		if l < 1 {
			out.Low = sorted[0]
		}
		if u > n {
			out.High = sorted[n-1]
		}
	}
	return out
}

// ranks are the 1-based ranks of the order statistics bounding the q-quantile of n values:
// l the largest with P(B < l) <= alpha and u the smallest with P(B >= u) <= alpha, B being
// Binomial(n, q), so that P(l <= B < u) >= Confidence. l < 1 or u > n means no bound exists.
// The exact binomial takes a millisecond per CDF for large n; where the normal approximation
// is good (nq(1-q) >= 100) it gives the same ranks within one, which is all that matters.
func ranks(n int, q float64) (l, u int) {
	alpha := (1 - Confidence) / 2
	if v := float64(n) * q * (1 - q); v >= 100 {
		sd := math.Sqrt(v)
		l = int(math.Floor(float64(n)*q - z*sd))
		u = int(math.Ceil(float64(n)*q+z*sd)) + 1
		return l, u
	}
	b := distuv.Binomial{N: float64(n), P: q}
	l = searchRank(n, func(r int) bool { return b.CDF(float64(r-1)) > alpha }) - 1
	u = searchRank(n, func(r int) bool { return 1-b.CDF(float64(r-1)) <= alpha })
	return l, u
}

// searchRank is the smallest rank r in 1..n+1 for which ok holds (ok is monotone), n+1 if none.
func searchRank(n int, ok func(r int) bool) int {
	lo, hi := 1, n+1
	for lo < hi {
		mid := (lo + hi) / 2
		if ok(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// Mean is a sample mean with its Student's t interval.
type Mean struct {
	N      int     `json:"n"`
	Value  float64 `json:"value"`
	Low    float64 `json:"low"`
	High   float64 `json:"high"`
	Enough bool    `json:"enough"`
}

// NewMean is the mean of values; minN decides Enough.
func NewMean(values []float64, minN int) Mean {
	n := len(values)
	m := Mean{N: n}
	if n == 0 {
		return m
	}
	mean, sd := stat.MeanStdDev(values, nil)
	m.Value, m.Low, m.High = mean, mean, mean
	if n > 1 {
		t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(1 - (1-Confidence)/2)
		half := t * sd / math.Sqrt(float64(n))
		m.Low, m.High = mean-half, mean+half
	}
	m.Enough = n >= minN
	return m
}

// sortedCopy returns the values sorted ascending, leaving the input alone.
func sortedCopy(v []float64) []float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s
}
