package config_test

import (
	"testing"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/decision"
)

// BenchmarkLoad is a process's start-up: read, override, validate and compile a shipped config.
func BenchmarkLoad(b *testing.B) {
	for _, name := range []string{"real-estate", "agent-league"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := config.LoadFile("examples/"+name+".yaml", nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCompile is the routing rules alone: conditions parsed, CEL programs built.
func BenchmarkCompile(b *testing.B) {
	for _, name := range []string{"real-estate", "agent-league"} {
		cfg, err := config.LoadFile("examples/"+name+".yaml", nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := decision.Compile(cfg.Routing, cfg.Agents); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
