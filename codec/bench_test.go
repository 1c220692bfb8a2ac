package codec_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/handoffhq/orchestrator/codec"
	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
)

// benchPayloads are what a handoff puts through the codec most: its input (every start, and
// every activity that takes the conversation) and the context package delivered to the target
// (the briefing's payload), both as the default converter encodes them.
func benchPayloads(b *testing.B) map[string]*commonpb.Payload {
	b.Helper()
	cfg, err := config.LoadFile("../config/examples/real-estate.yaml", nil)
	if err != nil {
		b.Fatal(err)
	}
	raw, err := os.ReadFile("../samples/seller-distress.json")
	if err != nil {
		b.Fatal(err)
	}
	var in handoff.Input
	if err := json.Unmarshal(raw, &in); err != nil {
		b.Fatal(err)
	}
	d := cfg.Engine.Decide(&in)
	pkg := handoff.Build(&in, &d, "maria", handoff.BuildOptions{Template: cfg.TemplateFor("maria"), Limits: cfg.PackageLimits()})
	out := map[string]*commonpb.Payload{}
	for name, v := range map[string]any{"input": &in, "package": &pkg} {
		p, err := converter.GetDefaultDataConverter().ToPayload(v)
		if err != nil {
			b.Fatal(err)
		}
		out[name] = p
	}
	return out
}

func benchCodec(b *testing.B) *codec.Codec {
	b.Helper()
	k, err := codec.GenerateKey()
	if err != nil {
		b.Fatal(err)
	}
	c, err := codec.New(map[string][]byte{"bench": k}, "bench")
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkEncode seals one payload with AES-256-GCM (marshal, fresh nonce, seal).
func BenchmarkEncode(b *testing.B) {
	c := benchCodec(b)
	for _, name := range []string{"input", "package"} {
		p := benchPayloads(b)[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(p.GetData())))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Encode([]*commonpb.Payload{p}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecode opens one sealed payload (open, unmarshal).
func BenchmarkDecode(b *testing.B) {
	c := benchCodec(b)
	for _, name := range []string{"input", "package"} {
		p := benchPayloads(b)[name]
		sealed, err := c.Encode([]*commonpb.Payload{p})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(p.GetData())))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Decode(sealed); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
