package experiments

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// The design every experiment is read with: two-sided tests at 5 % (split between the
// comparisons with the control when there are several, Bonferroni), 80 % power at the
// declared minimum detectable effect, 95 % intervals.
const (
	Alpha      = 0.05
	Power      = 0.80
	Confidence = 0.95
)

// quantile is the standard normal quantile.
func quantile(p float64) float64 { return distuv.UnitNormal.Quantile(p) }

// PerArmForRates is the conversations each arm needs to detect a difference of mde from a
// control rate p0 with a two-sided two-proportion z-test at level alpha with the power
// (Fleiss's formula, without continuity correction).
func PerArmForRates(p0, mde, alpha, power float64) int {
	p1 := p0 + mde
	if p0 <= 0 || p1 >= 1 || p1 <= 0 || mde == 0 {
		return 0
	}
	za, zb := quantile(1-alpha/2), quantile(power)
	pbar := (p0 + p1) / 2
	num := za*math.Sqrt(2*pbar*(1-pbar)) + zb*math.Sqrt(p0*(1-p0)+p1*(1-p1))
	return int(math.Ceil(num * num / (mde * mde)))
}

// PerArmForMeans is the same for a difference of means with the standard deviation sd.
func PerArmForMeans(sd, mde, alpha, power float64) int {
	if sd <= 0 || mde == 0 {
		return 0
	}
	za, zb := quantile(1-alpha/2), quantile(power)
	return int(math.Ceil(2 * (za + zb) * (za + zb) * sd * sd / (mde * mde)))
}

// ZTest is the pooled two-proportion z-test of k1/n1 against k0/n0: its statistic and
// two-sided p-value.
func ZTest(k1, n1, k0, n0 int) (z, p float64) {
	if n1 == 0 || n0 == 0 {
		return 0, 1
	}
	p1, p0 := float64(k1)/float64(n1), float64(k0)/float64(n0)
	pool := float64(k1+k0) / float64(n1+n0)
	se := math.Sqrt(pool * (1 - pool) * (1/float64(n1) + 1/float64(n0)))
	if se == 0 {
		return 0, 1
	}
	z = (p1 - p0) / se
	return z, 2 * distuv.UnitNormal.Survival(math.Abs(z))
}

// Welch is Welch's unequal-variance t-test of two samples' means: the statistic, its
// Welch-Satterthwaite degrees of freedom and the two-sided p-value.
func Welch(m1, v1 float64, n1 int, m0, v0 float64, n0 int) (t, df, p float64) {
	if n1 < 2 || n0 < 2 {
		return 0, 0, 1
	}
	a, b := v1/float64(n1), v0/float64(n0)
	se := math.Sqrt(a + b)
	if se == 0 {
		return 0, 0, 1
	}
	t = (m1 - m0) / se
	df = (a + b) * (a + b) / (a*a/float64(n1-1) + b*b/float64(n0-1))
	st := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	return t, df, 2 * st.Survival(math.Abs(t))
}

// Interval is an estimate with its interval.
type Interval struct {
	Value float64 `json:"value"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
}

// Contains reports whether the interval holds v.
func (i Interval) Contains(v float64) bool { return i.Low <= v && v <= i.High }

// meanDifference is m1 - m0 with Welch's interval at level conf.
func meanDifference(m1, v1 float64, n1 int, m0, v0 float64, n0 int, conf float64) Interval {
	d := m1 - m0
	if n1 < 2 || n0 < 2 {
		return Interval{d, math.Inf(-1), math.Inf(1)}
	}
	_, df, _ := Welch(m1, v1, n1, m0, v0, n0)
	se := math.Sqrt(v1/float64(n1) + v0/float64(n0))
	if df <= 0 || se == 0 {
		return Interval{d, d, d}
	}
	half := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(1-(1-conf)/2) * se
	return Interval{d, d - half, d + half}
}
