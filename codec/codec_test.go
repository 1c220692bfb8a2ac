package codec_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/codec"
	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/temporal"
)

type customer struct {
	Name  string `json:"name"`
	Phone string `json:"phone"`
}

var linda = customer{Name: "Linda Marsh", Phone: "+1-512-555-0142"}

func key(t *testing.T) []byte {
	t.Helper()
	k, err := codec.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func mustNew(t *testing.T, keys map[string][]byte, active string) *codec.Codec {
	t.Helper()
	c, err := codec.New(keys, active)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func encodeValue(t *testing.T, c *codec.Codec, v any) *commonpb.Payload {
	t.Helper()
	p, err := codec.DataConverter(c).ToPayload(v)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRoundTrip(t *testing.T) {
	c := mustNew(t, map[string][]byte{"k1": key(t)}, "")
	p := encodeValue(t, c, linda)
	if !codec.IsEncrypted(p) || string(p.Metadata[codec.MetadataKeyID]) != "k1" {
		t.Fatalf("metadata %v, want binary/encrypted with key k1", p.Metadata)
	}
	if bytes.Contains(p.Data, []byte("Linda")) || bytes.Contains(p.Data, []byte("json/plain")) {
		t.Fatal("ciphertext holds the clear text or its encoding")
	}
	var got customer
	if err := codec.DataConverter(c).FromPayload(p, &got); err != nil || got != linda {
		t.Fatalf("decoded %+v, %v", got, err)
	}
	// A fresh nonce each time: the same value never encrypts to the same bytes.
	if bytes.Equal(p.Data, encodeValue(t, c, linda).Data) {
		t.Fatal("two encryptions of one value are identical")
	}
}

func TestUnknownKeyIDFailsClearly(t *testing.T) {
	p := encodeValue(t, mustNew(t, map[string][]byte{"k1": key(t)}, ""), linda)
	other := mustNew(t, map[string][]byte{"k2": key(t)}, "")
	_, err := other.Decode([]*commonpb.Payload{p})
	if !errors.Is(err, codec.ErrUnknownKey) || !strings.Contains(err.Error(), `"k1"`) || !strings.Contains(err.Error(), "k2") {
		t.Fatalf("err %v, want ErrUnknownKey naming k1 and the loaded k2", err)
	}
}

func TestRotation(t *testing.T) {
	k1, k2 := key(t), key(t)
	before := mustNew(t, map[string][]byte{"k1": k1}, "k1")
	old := encodeValue(t, before, linda)

	after := mustNew(t, map[string][]byte{"k1": k1, "k2": k2}, "k2")
	fresh := encodeValue(t, after, linda)
	if id := string(fresh.Metadata[codec.MetadataKeyID]); id != "k2" {
		t.Fatalf("new payloads use key %q, want the active k2", id)
	}
	for _, p := range []*commonpb.Payload{old, fresh} {
		var got customer
		if err := codec.DataConverter(after).FromPayload(p, &got); err != nil || got != linda {
			t.Fatalf("decode payload of key %s after rotation: %+v, %v", p.Metadata[codec.MetadataKeyID], got, err)
		}
	}
	if _, err := codec.New(map[string][]byte{"k1": k1, "k2": k2}, ""); err == nil {
		t.Fatal("two keys without an active one were accepted")
	}
	if _, err := codec.New(map[string][]byte{"k1": k1}, "k3"); err == nil || !strings.Contains(err.Error(), "k3") {
		t.Fatalf("unknown active key: %v", err)
	}
}

func TestTamperedCiphertextFails(t *testing.T) {
	k1, k2 := key(t), key(t)
	c := mustNew(t, map[string][]byte{"k1": k1, "k2": k2}, "k1")
	p := encodeValue(t, c, linda)

	flipped := &commonpb.Payload{Metadata: p.Metadata, Data: bytes.Clone(p.Data)}
	flipped.Data[len(flipped.Data)/2] ^= 1
	// Relabelled: the key ID is bound to the ciphertext, so naming another key fails too.
	relabelled := &commonpb.Payload{Metadata: map[string][]byte{}, Data: p.Data}
	for k, v := range p.Metadata {
		relabelled.Metadata[k] = v
	}
	relabelled.Metadata[codec.MetadataKeyID] = []byte("k2")
	short := &commonpb.Payload{Metadata: p.Metadata, Data: p.Data[:10]}
	for name, bad := range map[string]*commonpb.Payload{"flipped bit": flipped, "relabelled": relabelled, "truncated": short} {
		if _, err := c.Decode([]*commonpb.Payload{bad}); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}

func TestPlaintextPassesThroughDecode(t *testing.T) {
	plain, err := converter.GetDefaultDataConverter().ToPayload(linda)
	if err != nil {
		t.Fatal(err)
	}
	c := mustNew(t, map[string][]byte{"k1": key(t)}, "")
	out, err := c.Decode([]*commonpb.Payload{plain})
	if err != nil || out[0] != plain {
		t.Fatalf("plain payload: %v, %v", out, err)
	}
	var got customer
	if err := codec.DataConverter(c).FromPayload(plain, &got); err != nil || got != linda {
		t.Fatalf("plain payload through the data converter: %+v, %v", got, err)
	}
}

// A strict codec (workers and clients without allow_plaintext) refuses what was not encrypted,
// saying what the sender must do, and still opens what was.
func TestStrictCodecRefusesPlaintext(t *testing.T) {
	plain, err := converter.GetDefaultDataConverter().ToPayload(linda)
	if err != nil {
		t.Fatal(err)
	}
	c := mustNew(t, map[string][]byte{"k1": key(t)}, "")
	strict := c.Strict()
	_, err = strict.Decode([]*commonpb.Payload{plain})
	if !errors.Is(err, codec.ErrPlaintext) || !strings.Contains(err.Error(), "/codec/encode") || !strings.Contains(err.Error(), "allow_plaintext") {
		t.Fatalf("strict decode of a plain payload: %v", err)
	}
	if strings.Contains(err.Error(), "Linda") {
		t.Fatalf("the refusal quotes the payload: %v", err)
	}
	var got customer
	if err := codec.DataConverter(strict).FromPayload(encodeValue(t, c, linda), &got); err != nil || got != linda {
		t.Fatalf("strict decode of an encrypted payload: %+v, %v", got, err)
	}
	// The lenient codec it came from is unchanged.
	if _, err := c.Decode([]*commonpb.Payload{plain}); err != nil {
		t.Fatalf("the lenient codec became strict: %v", err)
	}
}

func TestFailureMessagesAreEncoded(t *testing.T) {
	c := mustNew(t, map[string][]byte{"k1": key(t)}, "")
	fc := codec.FailureConverter(codec.DataConverter(c))
	f := fc.ErrorToFailure(temporal.NewApplicationError("no agent for Linda Marsh", "Test"))
	if strings.Contains(f.GetMessage(), "Linda") || !codec.IsEncrypted(f.GetEncodedAttributes()) {
		t.Fatalf("failure message %q, encoded attributes %v: want the message moved into an encrypted payload", f.GetMessage(), f.GetEncodedAttributes().GetMetadata())
	}
	if err := fc.FailureToError(f); !strings.Contains(err.Error(), "Linda Marsh") {
		t.Fatalf("decoded failure %v lost its message", err)
	}
}

func TestKeySources(t *testing.T) {
	k1, k2 := key(t), key(t)
	b64 := base64.StdEncoding.EncodeToString
	keys, err := codec.ParseKeyList(" k2:" + b64(k2) + ", k1:" + base64.RawURLEncoding.EncodeToString(k1))
	if err != nil || !bytes.Equal(keys["k1"], k1) || !bytes.Equal(keys["k2"], k2) {
		t.Fatalf("ParseKeyList: %v, %v", keys, err)
	}
	for _, bad := range []string{"", "k1", "k1:" + b64(k1[:16]), "k1:!!!", "k1:" + b64(k1) + ",k1:" + b64(k2)} {
		if _, err := codec.ParseKeyList(bad); err == nil {
			t.Errorf("ParseKeyList(%.12q...) accepted", bad)
		} else if strings.Contains(err.Error(), b64(k1)) {
			t.Errorf("error quotes the key: %v", err)
		}
	}

	file := filepath.Join(t.TempDir(), "keys.yaml")
	if err := codec.WriteKeysFile(file, map[string][]byte{"k1": k1, "k2": k2}, "k2"); err != nil {
		t.Fatal(err)
	}
	keys, active, err := codec.ReadKeysFile(file)
	if err != nil || active != "k2" || !bytes.Equal(keys["k2"], k2) {
		t.Fatalf("ReadKeysFile: %v %q %v", keys, active, err)
	}
	if err := os.Chmod(file, 0o666); err != nil {
		t.Fatal(err)
	}
	if _, _, err := codec.ReadKeysFile(file); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a world-writable keys file: %v", err)
	}
	json := filepath.Join(t.TempDir(), "keys.json")
	if err := os.WriteFile(json, []byte(`{"active_key":"k1","keys":{"k1":"`+b64(k1)+`"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if keys, active, err := codec.ReadKeysFile(json); err != nil || active != "k1" || len(keys) != 1 {
		t.Fatalf("JSON keys file: %v %q %v", keys, active, err)
	}
}
