// Package codec encrypts Temporal payloads with AES-256-GCM before they leave the process, so
// the Temporal server and its database only ever hold ciphertext: conversation transcripts,
// customer details, results, failure messages, summaries.
//
// Each encrypted payload names the key that sealed it (metadata "encryption-key-id"), so keys
// rotate without re-encrypting history: the active key encrypts, every loaded key decrypts.
// A Codec passes payloads that are not encrypted through Decode unchanged (the operators'
// codec endpoint shows them as they are); a Strict one, which workers and clients use unless
// plaintext is allowed, refuses them.
package codec

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	commonpb "go.temporal.io/api/common/v1"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/temporal"
	"google.golang.org/protobuf/proto"
)

// Metadata of an encrypted payload. The names follow Temporal's encryption samples, so other
// tooling that knows them (and the Web UI's "encrypted" badge) recognises the payloads.
const (
	MetadataEncoding  = converter.MetadataEncoding // "encoding"
	EncodingEncrypted = "binary/encrypted"
	MetadataKeyID     = "encryption-key-id"
)

// KeySize is the length of an AES-256 key in bytes.
const KeySize = 32

var keyIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// ErrUnknownKey is returned by Decode for a payload sealed with a key that is not loaded.
var ErrUnknownKey = errors.New("encryption key not loaded")

// Codec is a converter.PayloadCodec over a set of keys, one of them active.
type Codec struct {
	active string
	aeads  map[string]cipher.AEAD
	// strict refuses payloads that are not encrypted (see Strict).
	strict bool
}

// ErrPlaintext is returned by a strict codec's Decode for a payload that is not encrypted.
var ErrPlaintext = errors.New("payload is not encrypted")

// Strict returns a codec with the same keys that refuses to decode payloads that are not
// encrypted. Workers and clients of a deployment that requires encryption use it: a client
// without the codec (a Temporal SDK in another language, the Web UI's "start workflow") would
// otherwise have its customer details taken as if nothing were wrong, while the server kept
// them in clear. The refusal says what the sender must do.
func (c *Codec) Strict() *Codec {
	s := *c
	s.strict = true
	return &s
}

var _ converter.PayloadCodec = (*Codec)(nil)

// New builds a codec from key ID to 32-byte key. active names the key that encrypts; it may be
// empty when exactly one key is given. Errors name the offending key ID, never key material.
func New(keys map[string][]byte, active string) (*Codec, error) {
	if len(keys) == 0 {
		return nil, errors.New("no keys given")
	}
	if active == "" {
		if len(keys) > 1 {
			return nil, fmt.Errorf("%d keys are loaded (%s): name the one that encrypts as the active key",
				len(keys), strings.Join(sortedIDs(keys), ", "))
		}
		for id := range keys {
			active = id
		}
	}
	c := &Codec{active: active, aeads: make(map[string]cipher.AEAD, len(keys))}
	for id, key := range keys {
		if !keyIDPattern.MatchString(id) {
			return nil, fmt.Errorf("key ID %q: use 1 to 64 letters, digits, '.', '_' or '-'", id)
		}
		if len(key) != KeySize {
			return nil, fmt.Errorf("key %q is %d bytes, want %d (base64 of 32 random bytes, e.g. `head -c 32 /dev/urandom | base64`)",
				id, len(key), KeySize)
		}
		block, err := aes.NewCipher(key)
		if err != nil {
			return nil, fmt.Errorf("key %q: %w", id, err)
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return nil, fmt.Errorf("key %q: %w", id, err)
		}
		c.aeads[id] = aead
	}
	if _, ok := c.aeads[active]; !ok {
		return nil, fmt.Errorf("active key %q is not among the loaded keys (%s)", active, strings.Join(sortedIDs(keys), ", "))
	}
	return c, nil
}

// ActiveKeyID is the ID of the key that encrypts.
func (c *Codec) ActiveKeyID() string { return c.active }

// KeyIDs lists the loaded key IDs, sorted.
func (c *Codec) KeyIDs() []string { return sortedIDs(c.aeads) }

// Encode seals each payload (data and metadata together, so the original encoding is hidden
// too) with the active key and a fresh random nonce. The key ID is bound to the ciphertext as
// additional data: relabelling a payload with another key ID makes it fail to decrypt.
func (c *Codec) Encode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	aead := c.aeads[c.active]
	out := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		plain, err := proto.Marshal(p)
		if err != nil {
			return nil, fmt.Errorf("encrypt payload: marshal: %w", err)
		}
		nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+len(plain)+aead.Overhead())
		if _, err := rand.Read(nonce); err != nil {
			return nil, fmt.Errorf("encrypt payload: nonce: %w", err)
		}
		out[i] = &commonpb.Payload{
			Metadata: map[string][]byte{
				MetadataEncoding: []byte(EncodingEncrypted),
				MetadataKeyID:    []byte(c.active),
			},
			Data: aead.Seal(nonce, nonce, plain, []byte(c.active)),
		}
	}
	return out, nil
}

// Decode opens encrypted payloads with the key they name and returns every other payload as it
// is, or, when strict, refuses it with ErrPlaintext.
func (c *Codec) Decode(payloads []*commonpb.Payload) ([]*commonpb.Payload, error) {
	out := make([]*commonpb.Payload, len(payloads))
	for i, p := range payloads {
		if !IsEncrypted(p) {
			if c.strict {
				return nil, fmt.Errorf("%w (encoding %q): this deployment requires every payload to be encrypted with its key. "+
					"Go clients use the codec package; clients in other languages encode through the API's codec endpoint "+
					"(POST /codec/encode with a codec token, see the README's \"Clients in other languages\"); "+
					"for development only, set codec.allow_plaintext", ErrPlaintext, p.GetMetadata()[MetadataEncoding])
			}
			out[i] = p
			continue
		}
		id := string(p.GetMetadata()[MetadataKeyID])
		aead, ok := c.aeads[id]
		if !ok {
			return nil, fmt.Errorf("decrypt payload: %w: the payload names key %q, loaded keys are %s (keep retired keys loaded while histories sealed with them are retained)",
				ErrUnknownKey, id, strings.Join(c.KeyIDs(), ", "))
		}
		data := p.GetData()
		if len(data) < aead.NonceSize()+aead.Overhead() {
			return nil, fmt.Errorf("decrypt payload with key %q: ciphertext too short", id)
		}
		nonce, sealed := data[:aead.NonceSize()], data[aead.NonceSize():]
		plain, err := aead.Open(nil, nonce, sealed, []byte(id))
		if err != nil {
			// GCM says nothing more precise, on purpose: the data was altered or the key with
			// this ID is not the one that sealed it.
			return nil, fmt.Errorf("decrypt payload with key %q: authentication failed (tampered payload, or a different key under the same ID)", id)
		}
		var orig commonpb.Payload
		if err := proto.Unmarshal(plain, &orig); err != nil {
			return nil, fmt.Errorf("decrypt payload with key %q: %w", id, err)
		}
		out[i] = &orig
	}
	return out, nil
}

// IsEncrypted reports whether a payload was sealed by this codec (or one that follows the same
// metadata convention).
func IsEncrypted(p *commonpb.Payload) bool {
	return string(p.GetMetadata()[MetadataEncoding]) == EncodingEncrypted
}

// DataConverter wraps the SDK's default converter (JSON, proto, nil, bytes) with the codec.
// Every client and worker of a namespace must use the same keys.
func DataConverter(c converter.PayloadCodec) converter.DataConverter {
	return converter.NewCodecDataConverter(converter.GetDefaultDataConverter(), c)
}

// FailureConverter moves failure messages and stack traces into an encoded attributes payload,
// so they are encrypted too: an error text may quote the input it failed on. The server then
// stores "Encoded failure" as the message.
func FailureConverter(dc converter.DataConverter) converter.FailureConverter {
	return temporal.NewDefaultFailureConverter(temporal.DefaultFailureConverterOptions{
		DataConverter:          dc,
		EncodeCommonAttributes: true,
	})
}

// GenerateKey returns 32 random bytes, a fresh AES-256 key.
func GenerateKey() ([]byte, error) {
	key := make([]byte, KeySize)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	return key, nil
}

func sortedIDs[V any](m map[string]V) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
