// Package devserver starts the real Temporal dev server (the pinned CLI binary the Makefile
// installs into ./bin) for integration tests: a fresh in-memory server on a free port, with
// the handoff search attributes registered.
package devserver

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/handoffhq/orchestrator/codec"
	"github.com/handoffhq/orchestrator/handoff"
	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/api/proxy"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"
	"google.golang.org/protobuf/proto"
)

// Server is a running dev server and a client connected to it.
type Server struct {
	HostPort string
	Client   client.Client
	dev      *testsuite.DevServer
}

// BinaryPath finds the temporal CLI: $TEMPORAL_CLI, else bin/temporal at the module root.
func BinaryPath() (string, error) {
	if p := os.Getenv("TEMPORAL_CLI"); p != "" {
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "bin", "temporal")
			if _, err := os.Stat(p); err != nil {
				return "", fmt.Errorf("%s not found: run `make temporal` (or `make test`, which installs it)", p)
			}
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// SearchAttributes are the handoff's search attributes, for dev server start-up.
func SearchAttributes() temporal.SearchAttributes {
	var updates []temporal.SearchAttributeUpdate
	for _, name := range handoff.SearchAttributeNames {
		updates = append(updates, temporal.NewSearchAttributeKeyKeyword(name).ValueSet(""))
	}
	updates = append(updates, temporal.NewSearchAttributeKeyFloat64(handoff.SACompleteness).ValueSet(0))
	return temporal.NewSearchAttributes(updates...)
}

// Start starts a dev server for the test and stops it when the test ends. Without the binary
// the test is skipped with the reason, unless HANDOFF_REQUIRE_DEVSERVER is set (make test
// and CI set it), in which case it fails.
func Start(t testing.TB) *Server {
	t.Helper()
	path, err := BinaryPath()
	if err != nil {
		if os.Getenv("HANDOFF_REQUIRE_DEVSERVER") != "" {
			t.Fatalf("Temporal dev server required: %v", err)
		}
		t.Skipf("skipping integration test: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	// Tests run with payload encryption on, like production (the test key below).
	dc := codec.DataConverter(TestCodec())
	dev, err := testsuite.StartDevServer(context.Background(), testsuite.DevServerOptions{
		ExistingPath:     path,
		SearchAttributes: SearchAttributes(),
		LogLevel:         "error",
		ClientOptions:    &client.Options{Logger: log.NewStructuredLogger(logger), DataConverter: dc, FailureConverter: codec.FailureConverter(dc)},
		ExtraArgs:        []string{"--headless"},
	})
	if err != nil {
		t.Fatalf("start Temporal dev server %s: %v", path, err)
	}
	s := &Server{HostPort: dev.FrontendHostPort(), Client: dev.Client(), dev: dev}
	t.Cleanup(func() {
		if err := dev.Stop(); err != nil {
			t.Logf("stop dev server: %v", err)
		}
	})
	return s
}

// TestKeyID names the key integration tests encrypt with.
const TestKeyID = "test"

// testKey is random per test process: nothing outside the process can read what tests
// write, and no test depends on a fixed key. testenv writes it into the configs it makes so
// worker processes started by tests share it.
var testKey = sync.OnceValue(func() []byte {
	k, err := codec.GenerateKey()
	if err != nil {
		panic(err)
	}
	return k
})

// TestKeys are the test process's codec keys, by ID.
func TestKeys() map[string][]byte { return map[string][]byte{TestKeyID: testKey()} }

// TestCodec is the payload codec of every test client and worker.
func TestCodec() *codec.Codec {
	c, err := codec.New(TestKeys(), TestKeyID)
	if err != nil {
		panic(err)
	}
	return c
}

// DecryptPayloads decrypts, in place, every payload sealed with the test key in msg (a
// history, an event, a response). Histories recorded for the replay test must be decrypted
// first: the key lives only as long as the test process.
func DecryptPayloads(msg proto.Message) error {
	c := TestCodec()
	return proxy.VisitPayloads(context.Background(), msg, proxy.VisitPayloadsOptions{
		SkipSearchAttributes: true,
		Visitor: func(_ *proxy.VisitPayloadsContext, ps []*commonpb.Payload) ([]*commonpb.Payload, error) {
			return c.Decode(ps)
		},
	})
}
