package codec

import (
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"

	"go.yaml.in/yaml/v3"
)

// KeysFile is the shape of a keys file (YAML, or JSON, which YAML reads too):
//
//	active_key: k2
//	keys:
//	  k2: <base64 of 32 random bytes>
//	  k1: <base64 of 32 random bytes>   # retired: still decrypts older histories
type KeysFile struct {
	ActiveKey string            `yaml:"active_key" json:"active_key"`
	Keys      map[string]string `yaml:"keys" json:"keys"`
}

// ParseKeyList parses the environment form "k2:BASE64,k1:BASE64".
func ParseKeyList(s string) (map[string][]byte, error) {
	keys := map[string][]byte{}
	for i, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		id, b64, ok := strings.Cut(item, ":")
		id = strings.TrimSpace(id)
		if !ok || id == "" {
			return nil, fmt.Errorf("entry %d is not ID:BASE64KEY", i+1)
		}
		if err := addKey(keys, id, b64); err != nil {
			return nil, err
		}
	}
	if len(keys) == 0 {
		return nil, errors.New("no keys in the list")
	}
	return keys, nil
}

// ReadKeysFile reads a keys file. It refuses a file that users other than its owner may write
// (they could swap in a key of their own); it should be readable by the service only (0600 or
// 0400), which is how `make run` creates it.
func ReadKeysFile(path string) (map[string][]byte, string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, "", err
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm()&0o022 != 0 {
		return nil, "", fmt.Errorf("mode %04o lets other users write it: chmod 600 %s", fi.Mode().Perm(), path)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	var f KeysFile
	if err := yaml.Unmarshal(raw, &f); err != nil {
		// The YAML error quotes the offending line, which may hold a key: say where only.
		return nil, "", errors.New("not a keys file (want YAML or JSON with active_key and keys)")
	}
	if len(f.Keys) == 0 {
		return nil, "", errors.New("no keys under \"keys\"")
	}
	keys := map[string][]byte{}
	for id, b64 := range f.Keys {
		if err := addKey(keys, id, b64); err != nil {
			return nil, "", err
		}
	}
	return keys, f.ActiveKey, nil
}

// WriteKeysFile writes a keys file readable by its owner only.
func WriteKeysFile(path string, keys map[string][]byte, active string) error {
	f := KeysFile{ActiveKey: active, Keys: map[string]string{}}
	for id, k := range keys {
		f.Keys[id] = base64.StdEncoding.EncodeToString(k)
	}
	raw, err := yaml.Marshal(f)
	if err != nil {
		return err
	}
	return os.WriteFile(path, raw, 0o600)
}

func addKey(keys map[string][]byte, id, b64 string) error {
	if _, dup := keys[id]; dup {
		return fmt.Errorf("key %q is listed twice", id)
	}
	key, err := decodeBase64(strings.TrimSpace(b64))
	if err != nil {
		return fmt.Errorf("key %q is not base64", id)
	}
	if len(key) != KeySize {
		return fmt.Errorf("key %q is %d bytes, want %d (base64 of 32 random bytes, e.g. `head -c 32 /dev/urandom | base64`)", id, len(key), KeySize)
	}
	keys[id] = key
	return nil
}

// decodeBase64 takes standard or URL-safe base64, padded or not, as key tools print either.
func decodeBase64(s string) ([]byte, error) {
	var err error
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		var b []byte
		if b, err = enc.DecodeString(s); err == nil {
			return b, nil
		}
	}
	return nil, err
}
