package analytics

import (
	"math/rand/v2"
	"testing"
	"time"
)

func benchHandoffs(n int) ([]Handoff, []Conversation) {
	rng := rand.New(rand.NewPCG(7, 8))
	pairs := [][3]string{{"lead_bot", "jorge_buyer_bot", "bot"}, {"lead_bot", "jorge_seller_bot", "bot"},
		{"jorge_seller_bot", "maria", "human"}, {"jorge_seller_bot", "james", "human"}}
	hs := make([]Handoff, n)
	convs := make([]Conversation, 0, n)
	for i := range hs {
		p := pairs[i%len(pairs)]
		converted := rng.Float64() < 0.3
		hs[i] = Handoff{Source: p[0], Target: p[1], TargetKind: p[2], Outcome: "completed", StartedAt: time.Unix(int64(i), 0),
			TransitionMs: ptr(int64(rng.ExpFloat64() * 2000)), Preservation: ptr(1 - rng.Float64()*0.05),
			Offers: []Offer{{Agent: p[1], Kind: p[2], Result: "accepted", AnswerMs: ptr(int64(rng.IntN(5000)))}},
			Late:   &Outcome{CSAT: ptr(1 + rng.IntN(5)), Converted: &converted}}
		convs = append(convs, Conversation{HandedOff: true, Outcome: *hs[i].Late})
	}
	return hs, convs
}

func BenchmarkCompute100k(b *testing.B) {
	hs, convs := benchHandoffs(100_000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compute(hs, convs, Options{GroupBy: "pair"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuantile(b *testing.B) {
	hs, _ := benchHandoffs(10_000)
	v := make([]float64, len(hs))
	for i, h := range hs {
		v[i] = float64(*h.TransitionMs)
	}
	v = sortedCopy(v)
	for b.Loop() {
		NewQuantile(0.99, v)
	}
}

func BenchmarkRate(b *testing.B) {
	for b.Loop() {
		NewRate(950, 1000, 30)
	}
}
