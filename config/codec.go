package config

import (
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/handoffhq/orchestrator/codec"
	"github.com/spf13/viper"
	"go.temporal.io/sdk/converter"
)

// Codec configures payload encryption (package codec) and the API's codec endpoint, through
// which operators read encrypted payloads in the Web UI and the temporal CLI.
//
// Keys come from HANDOFF_CODEC_KEYS ("k2:BASE64,k1:BASE64") or from codec.keys_file (see
// codec.KeysFile), never from the config file itself. Without keys every Temporal client
// refuses to start unless allow_plaintext is true.
type Codec struct {
	// KeysFile is a YAML or JSON keys file, mode 0600 (HANDOFF_CODEC_KEYS_FILE).
	KeysFile string `mapstructure:"keys_file"`
	// Keys is the environment form of the keys (HANDOFF_CODEC_KEYS only). Cleared once loaded
	// so the key material does not linger in the config.
	Keys string `mapstructure:"keys"`
	// ActiveKey is the ID of the key that encrypts (HANDOFF_CODEC_ACTIVE_KEY); it overrides
	// the keys file's active_key. May be empty when exactly one key is loaded.
	ActiveKey string `mapstructure:"active_key"`
	// AllowPlaintext lets clients run without encryption: development only. The Temporal
	// server then stores transcripts and customer details in clear.
	AllowPlaintext bool `mapstructure:"allow_plaintext"`
	// UIOrigin is the Web UI origin allowed to call the codec endpoint from a browser (CORS),
	// e.g. http://127.0.0.1:8233. Empty allows no browser at all (CLI only).
	UIOrigin string `mapstructure:"ui_origin"`
	// Endpoint is the path under which the API serves /encode and /decode (default /codec).
	Endpoint string `mapstructure:"endpoint"`
	// UITokenFile names a file holding a random token (HANDOFF_CODEC_UI_TOKEN_FILE). With it,
	// the API also serves decoding, and nothing else, at {Endpoint}/ui/{token}/decode with no
	// sign-in: a development Web UI, which cannot send credentials to another origin unless
	// each browser is set up by hand, is given that URL as its codec endpoint (make run does).
	// Whoever can open that UI reads payloads; production UIs sit behind their own sign-in
	// and use the operator session instead.
	UITokenFile string `mapstructure:"ui_token_file"`

	codec   *codec.Codec
	uiToken string
}

// Defaults of the codec section, merged into the loader's defaults. "keys" needs a default
// for viper to bind HANDOFF_CODEC_KEYS at all.
var codecDefaults = map[string]any{
	"codec.keys_file":       "",
	"codec.keys":            "",
	"codec.active_key":      "",
	"codec.allow_plaintext": false,
	"codec.ui_origin":       "http://127.0.0.1:8233",
	"codec.endpoint":        "/codec",
	"codec.ui_token_file":   "",
}

func init() {
	for k, v := range codecDefaults {
		defaults[k] = v
	}
}

// checkCodecFile refuses key material written into the config file, which gets committed and
// copied around; keys belong in the environment or a keys file.
func checkCodecFile(v *viper.Viper) *Error {
	if v.InConfig("codec.keys") {
		return &Error{Key: "codec.keys", Reason: "keys must not be written in the config file: set HANDOFF_CODEC_KEYS or codec.keys_file"}
	}
	return nil
}

// validateCodec loads the keys (environment or keys file) and checks the endpoint settings.
func (c *Config) validateCodec() error {
	fail := func(key, format string, args ...any) error {
		return &Error{File: c.File, Key: key, Reason: fmt.Sprintf(format, args...)}
	}
	cc := &c.Codec
	if cc.Keys != "" && cc.KeysFile != "" {
		return fail("codec", "keys are set both in HANDOFF_CODEC_KEYS and in codec.keys_file (%s): use one", cc.KeysFile)
	}
	var (
		keys   map[string][]byte
		active string
		err    error
		key    string
	)
	switch {
	case cc.Keys != "":
		key = "codec.keys (HANDOFF_CODEC_KEYS)"
		keys, err = codec.ParseKeyList(cc.Keys)
	case cc.KeysFile != "":
		key = "codec.keys_file"
		keys, active, err = codec.ReadKeysFile(cc.KeysFile)
		if err != nil {
			err = fmt.Errorf("%s: %w", cc.KeysFile, err)
		}
	}
	if err != nil {
		return fail(key, "%v", err)
	}
	if keys != nil {
		if cc.ActiveKey != "" {
			active = cc.ActiveKey
		}
		cdc, err := codec.New(keys, active)
		if err != nil {
			if cc.ActiveKey != "" && strings.Contains(err.Error(), "active key") {
				key = "codec.active_key"
			}
			return fail(key, "%v", err)
		}
		cc.codec, cc.Keys = cdc, ""
	}
	if cc.UIOrigin != "" {
		origin, err := checkOrigin(cc.UIOrigin)
		if err != nil {
			return fail("codec.ui_origin", "%v", err)
		}
		cc.UIOrigin = origin
	}
	if cc.UITokenFile != "" {
		b, err := os.ReadFile(cc.UITokenFile)
		if err != nil {
			return fail("codec.ui_token_file", "%v", err)
		}
		cc.uiToken = strings.TrimSpace(string(b))
		if len(cc.uiToken) < 32 || strings.ContainsAny(cc.uiToken, "/?#% \t") {
			return fail("codec.ui_token_file", "%s must hold one token of at least 32 URL-safe characters (e.g. `head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\\n'`)", cc.UITokenFile)
		}
	}
	if cc.Endpoint == "" {
		cc.Endpoint = "/codec"
	}
	if !strings.HasPrefix(cc.Endpoint, "/") || strings.HasSuffix(cc.Endpoint, "/") ||
		strings.ContainsAny(cc.Endpoint, "{}?# \t") {
		return fail("codec.endpoint", "%q must be a path such as /codec (leading slash, no trailing slash)", cc.Endpoint)
	}
	return nil
}

// checkOrigin accepts exactly one browser origin, scheme://host[:port], and returns it in the
// form browsers send in the Origin header. A wildcard would let any web page read payloads.
func checkOrigin(s string) (string, error) {
	u, err := url.Parse(strings.TrimSuffix(s, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.Path != "" || u.RawQuery != "" || u.User != nil || strings.Contains(s, "*") {
		return "", fmt.Errorf("%q is not one origin such as http://127.0.0.1:8233 (scheme, host and port only; no wildcard)", s)
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), nil
}

// UIToken is the token of the development Web UI's decoding URL ("" when none is configured).
func (c *Config) UIToken() string { return c.Codec.uiToken }

// PayloadCodec is the encryption codec, or nil when no keys are configured.
func (c *Config) PayloadCodec() converter.PayloadCodec {
	if c.Codec.codec == nil {
		return nil
	}
	return c.Codec.codec
}

// Converters are the data and failure converters every client and worker uses: encrypting
// ones when keys are configured; nil (the SDK's plain defaults) only with allow_plaintext.
// Without keys and without allow_plaintext it fails, so a deployment that forgot its keys
// stops at start-up instead of writing customer details to Temporal in clear.
func (c *Config) Converters() (converter.DataConverter, converter.FailureConverter, error) {
	if c.Codec.codec == nil {
		if c.Codec.AllowPlaintext {
			return nil, nil, nil
		}
		return nil, nil, &Error{File: c.File, Key: "codec", Reason: "no payload encryption keys: set HANDOFF_CODEC_KEYS " +
			"(and HANDOFF_CODEC_ACTIVE_KEY) or codec.keys_file; or, for development only, codec.allow_plaintext: true " +
			"(HANDOFF_CODEC_ALLOW_PLAINTEXT=true)"}
	}
	cdc := c.Codec.codec
	if !c.Codec.AllowPlaintext {
		// Without allow_plaintext nothing unencrypted is taken: not from a client that skipped
		// the codec, not from the Web UI. (The codec endpoint keeps the lenient codec: showing
		// an operator a payload that is already in clear does no harm.)
		cdc = cdc.Strict()
	}
	dc := codec.DataConverter(cdc)
	return dc, codec.FailureConverter(dc), nil
}
