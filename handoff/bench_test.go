package handoff_test

import (
	"encoding/json"
	"testing"

	"github.com/handoffhq/orchestrator/handoff"
)

func benchSetup(b *testing.B, messages int) (handoff.Input, handoff.Decision, handoff.BuildOptions) {
	b.Helper()
	c := loadConfig(b, realEstate)
	in := longConversation(loadSample(b, "seller-distress"), messages)
	d := c.Engine.Decide(&in)
	return in, d, handoff.BuildOptions{Template: c.TemplateFor("maria"), Limits: c.PackageLimits()}
}

// A typical handoff: 50 messages, no truncation.
func BenchmarkBuildPackage(b *testing.B) {
	in, d, opts := benchSetup(b, 50)
	b.ReportAllocs()
	for b.Loop() {
		p := handoff.Build(&in, &d, "maria", opts)
		if p.Completeness != 1 || p.Truncation.Cut() {
			b.Fatal(p.Completeness, p.Truncation)
		}
	}
}

// A 5,000-message conversation: truncation and the extractive summary.
func BenchmarkBuildPackage5000(b *testing.B) {
	in, d, opts := benchSetup(b, 5000)
	b.ReportAllocs()
	for b.Loop() {
		p := handoff.Build(&in, &d, "maria", opts)
		if p.Completeness != 1 || !p.Truncation.Cut() {
			b.Fatal(p.Completeness, p.Truncation)
		}
	}
}

// Encoding a package as the delivery does.
func BenchmarkEncodePackage(b *testing.B) {
	in, d, opts := benchSetup(b, 50)
	p := handoff.Build(&in, &d, "maria", opts)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(&p); err != nil {
			b.Fatal(err)
		}
	}
}
