package config_test

import (
	"encoding/base64"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/codec"
	"github.com/handoffhq/orchestrator/config"
)

const example = "examples/real-estate.yaml"

// withCodecSection writes the example config plus a codec section into a temporary file.
func withCodecSection(t *testing.T, section string) string {
	t.Helper()
	raw, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, append(raw, []byte("\ncodec:\n"+section+"\n")...), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func wantConfigError(t *testing.T, err error, key string, words ...string) {
	t.Helper()
	var ce *config.Error
	if !errors.As(err, &ce) || ce.Key != key {
		t.Fatalf("error %v, want a config.Error for key %q", err, key)
	}
	for _, w := range words {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
}

func b64Key(t *testing.T) string {
	k, err := codec.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(k)
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func TestNoKeysRefusesClientsUnlessPlaintextIsAllowed(t *testing.T) {
	t.Setenv("HANDOFF_CODEC_KEYS", "")
	c, err := config.LoadFile(example, nil)
	if err != nil {
		t.Fatal(err) // commands that never reach Temporal (decide, token) need no keys
	}
	if c.PayloadCodec() != nil {
		t.Fatal("a codec without keys")
	}
	_, err = c.ClientOptions(quiet)
	wantConfigError(t, err, "codec", "HANDOFF_CODEC_KEYS", "codec.keys_file", "allow_plaintext")

	t.Setenv("HANDOFF_CODEC_ALLOW_PLAINTEXT", "true")
	c, err = config.LoadFile(example, nil)
	if err != nil {
		t.Fatal(err)
	}
	opts, err := c.ClientOptions(quiet)
	if err != nil || opts.DataConverter != nil {
		t.Fatalf("plaintext allowed: %v, data converter %v", err, opts.DataConverter)
	}
}

func TestKeysFromTheEnvironment(t *testing.T) {
	t.Setenv("HANDOFF_CODEC_KEYS", "k2:"+b64Key(t)+",k1:"+b64Key(t))
	t.Setenv("HANDOFF_CODEC_ACTIVE_KEY", "k2")
	c, err := config.LoadFile(example, nil)
	if err != nil {
		t.Fatal(err)
	}
	pc, ok := c.PayloadCodec().(*codec.Codec)
	if !ok || pc.ActiveKeyID() != "k2" || len(pc.KeyIDs()) != 2 {
		t.Fatalf("codec %+v", c.PayloadCodec())
	}
	if c.Codec.Keys != "" {
		t.Fatal("key material kept in the config after loading")
	}
	opts, err := c.ClientOptions(quiet)
	if err != nil || opts.DataConverter == nil || opts.FailureConverter == nil {
		t.Fatalf("client options: %v, %+v", err, opts)
	}
	if c.Codec.UIOrigin != "http://127.0.0.1:8233" || c.Codec.Endpoint != "/codec" {
		t.Fatalf("defaults: origin %q endpoint %q", c.Codec.UIOrigin, c.Codec.Endpoint)
	}
}

func TestKeysFile(t *testing.T) {
	k := b64Key(t)
	keys := filepath.Join(t.TempDir(), "codec-keys.yaml")
	if err := os.WriteFile(keys, []byte("active_key: dev1\nkeys:\n  dev1: "+k+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := config.LoadFile(withCodecSection(t, "  keys_file: "+keys), nil)
	if err != nil {
		t.Fatal(err)
	}
	if pc, ok := c.PayloadCodec().(*codec.Codec); !ok || pc.ActiveKeyID() != "dev1" {
		t.Fatalf("codec %+v", c.PayloadCodec())
	}
	// The environment's keys and a file at once are ambiguous.
	t.Setenv("HANDOFF_CODEC_KEYS", "k9:"+b64Key(t))
	_, err = config.LoadFile(withCodecSection(t, "  keys_file: "+keys), nil)
	wantConfigError(t, err, "codec", "use one")
}

func TestBadCodecSettingsFailAtStartUp(t *testing.T) {
	short := base64.StdEncoding.EncodeToString([]byte("0123456789abcdef"))
	missing := filepath.Join(t.TempDir(), "nope.yaml")
	for _, tc := range []struct {
		name, env, section, key string
		words                   []string
	}{
		{"short key", "k1:" + short, "", "codec.keys (HANDOFF_CODEC_KEYS)", []string{`key "k1" is 16 bytes, want 32`}},
		{"not base64", "k1:%%%", "", "codec.keys (HANDOFF_CODEC_KEYS)", []string{`key "k1" is not base64`}},
		{"no active key", "k1:" + b64Key(t) + ",k2:" + b64Key(t), "", "codec.keys (HANDOFF_CODEC_KEYS)", []string{"active key"}},
		{"missing file", "", "  keys_file: " + missing, "codec.keys_file", []string{missing}},
		{"keys in the file", "", "  keys: k1:" + b64Key(t), "codec.keys", []string{"must not be written in the config file"}},
		{"wildcard origin", "", "  allow_plaintext: true\n  ui_origin: '*'", "codec.ui_origin", []string{"no wildcard"}},
		{"origin with a path", "", "  allow_plaintext: true\n  ui_origin: http://127.0.0.1:8233/ui", "codec.ui_origin", nil},
		{"endpoint", "", "  allow_plaintext: true\n  endpoint: codec/", "codec.endpoint", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("HANDOFF_CODEC_KEYS", tc.env)
			file := example
			if tc.section != "" {
				file = withCodecSection(t, tc.section)
			}
			_, err := config.LoadFile(file, nil)
			wantConfigError(t, err, tc.key, append(tc.words, file)...)
		})
	}
}

func TestActiveKeyMustBeLoaded(t *testing.T) {
	t.Setenv("HANDOFF_CODEC_KEYS", "k1:"+b64Key(t))
	t.Setenv("HANDOFF_CODEC_ACTIVE_KEY", "k2")
	_, err := config.LoadFile(example, nil)
	wantConfigError(t, err, "codec.active_key", `"k2"`)
}
