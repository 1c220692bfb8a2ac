// Package tokens makes, stores and checks the API's bearer tokens. Only SHA-256 hashes are
// ever stored: a leaked tokens file does not let anyone call the API.
package tokens

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/handoffhq/orchestrator/config"
	"go.yaml.in/yaml/v3"
)

// secretBytes is the entropy of a token: 32 random bytes, 43 base64url characters.
const secretBytes = 32

// File is the tokens file's YAML shape: `tokens: [ {name, role, agent, sha256}, ... ]`.
type File struct {
	Tokens []config.Token `yaml:"tokens"`
}

// Issued is a token with its secret, shown once at creation and never stored.
type Issued struct {
	config.Token
	Secret string
}

// Hash is the hex SHA-256 of a bearer token, as stored in the tokens file.
func Hash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// New makes a fresh random token for a caller.
func New(name, role, agent string) (Issued, error) {
	b := make([]byte, secretBytes)
	if _, err := rand.Read(b); err != nil {
		return Issued{}, fmt.Errorf("read random bytes: %w", err)
	}
	secret := base64.RawURLEncoding.EncodeToString(b)
	return Issued{Token: config.Token{Name: name, Role: role, Agent: agent, SHA256: Hash(secret)}, Secret: secret}, nil
}

// Check validates tokens against the roster: known roles, a roster agent of the right kind
// for bot and human tokens (bots act for bots and specialists, humans for people), 64 hex
// digits, and no name or hash used twice. A token for an agent the roster lacks is an error
// here; Load skips it instead.
func Check(cfg *config.Config, list []config.Token) error {
	_, _, err := check(cfg, list, false)
	return err
}

// check is Check returning the tokens that pass. With skipAbsent, a token for an agent the
// roster lacks is left out and named in skipped rather than failing the whole list.
func check(cfg *config.Config, list []config.Token, skipAbsent bool) (kept []config.Token, skipped []string, err error) {
	names, hashes := map[string]bool{}, map[string]bool{}
	for i, t := range list {
		where := fmt.Sprintf("tokens[%d]", i)
		if t.Name == "" {
			return nil, nil, fmt.Errorf("%s: name is required", where)
		}
		where = fmt.Sprintf("tokens[%d] (%s)", i, t.Name)
		if names[t.Name] {
			return nil, nil, fmt.Errorf("%s: name used twice", where)
		}
		names[t.Name] = true
		h := strings.ToLower(t.SHA256)
		if len(h) != 64 || strings.Trim(h, "0123456789abcdef") != "" {
			return nil, nil, fmt.Errorf("%s: sha256 must be 64 hex digits (see `starter token new`)", where)
		}
		if hashes[h] {
			return nil, nil, fmt.Errorf("%s: the same token hash is listed twice", where)
		}
		hashes[h] = true
		if err := checkRole(cfg, t.Role, t.Agent); err != nil {
			if skipAbsent && errors.Is(err, errNotInRoster) {
				skipped = append(skipped, t.Name)
				continue
			}
			return nil, nil, fmt.Errorf("%s: %w", where, err)
		}
		kept = append(kept, t)
	}
	return kept, skipped, nil
}

// errNotInRoster marks a token for an agent the current roster lacks: a token made for
// another config, kept so that switching configs back and forth keeps every caller's token.
var errNotInRoster = errors.New("not in the roster")

func checkRole(cfg *config.Config, role, agent string) error {
	switch role {
	case config.RoleOperator, config.RoleCodec:
		if agent != "" {
			return fmt.Errorf("%s tokens act for no agent (agent %q given)", role, agent)
		}
		return nil
	case config.RoleBot, config.RoleHuman:
	default:
		return fmt.Errorf("role %q is not one of bot, human, operator, codec", role)
	}
	if agent == "" {
		return fmt.Errorf("agent is required for role %s", role)
	}
	a, ok := cfg.Agent(agent)
	if !ok {
		return fmt.Errorf("agent %q is %w", agent, errNotInRoster)
	}
	if role == config.RoleHuman && !a.Kind.IsPerson() {
		return fmt.Errorf("agent %q is a %s; human tokens act for humans and supervisors", agent, a.Kind)
	}
	if role == config.RoleBot && a.Kind.IsPerson() {
		return fmt.Errorf("agent %q is a %s; bot tokens act for bots and specialists", agent, a.Kind)
	}
	return nil
}

// CheckNew validates the fields of a token about to be made.
func CheckNew(cfg *config.Config, name, role, agent string) error {
	if name == "" {
		return errors.New("--name is required")
	}
	return checkRole(cfg, role, agent)
}

// Load reads the API's callers: the tokens file (required when configured) plus the inline
// api.tokens of the config, checked together. Tokens for agents this config's roster lacks
// (made for another config sharing the file) are left out and named in skipped, so switching
// configs keeps every token; any other mistake fails the load.
func Load(cfg *config.Config) (list []config.Token, skipped []string, err error) {
	if path := cfg.API.TokensFile; path != "" {
		f, err := ReadFile(path)
		if err != nil {
			return nil, nil, err
		}
		list = append(list, f.Tokens...)
	}
	list = append(list, cfg.API.Tokens...)
	list, skipped, err = check(cfg, list, true)
	if err != nil {
		return nil, nil, fmt.Errorf("API tokens (%s and api.tokens): %w", cfg.API.TokensFile, err)
	}
	if len(list) == 0 {
		return nil, skipped, errors.New("no API tokens configured: set api.tokens_file (create one with `starter token init`) or api.tokens")
	}
	return list, skipped, nil
}

// ReadFile parses a tokens file, rejecting unknown keys.
func ReadFile(path string) (File, error) {
	var f File
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return f, fmt.Errorf("tokens file %s does not exist: create it with `starter token init --file %s` or point api.tokens_file elsewhere", path, path)
	}
	if err != nil {
		return f, fmt.Errorf("tokens file: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return f, fmt.Errorf("tokens file %s: %w", path, err)
	}
	return f, nil
}

// Create writes a new tokens file (mode 0600, parent directories 0700). It never overwrites:
// the secrets of the tokens in an existing file are gone, so replacing it locks callers out.
func Create(path string, list []config.Token) error {
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("create %s: %w", dir, err)
		}
	}
	var buf bytes.Buffer
	buf.WriteString("# API callers: SHA-256 hashes of bearer tokens (see `starter token new`).\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(File{Tokens: list}); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

// Rewrite replaces an existing tokens file with list (mode 0600), through a temporary file
// renamed over it, so a crash leaves the old file or the new one, never half of either. It is
// for adding tokens; every token already in the file must be in list.
func Rewrite(path string, list []config.Token) error {
	tmp := path + ".new"
	_ = os.Remove(tmp)
	if err := Create(tmp, list); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// Entry renders one token as the YAML list item to paste under `tokens:`, indented like the
// files Create writes.
func Entry(t config.Token) (string, error) {
	b, err := yaml.Marshal([]config.Token{t})
	if err != nil {
		return "", err
	}
	var out strings.Builder
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if line != "" {
			out.WriteString("  " + line)
		}
	}
	return out.String(), nil
}

// DevSet makes one token per roster agent (bots and specialists as bot, humans and
// supervisors as human) plus one operator and one codec token, for a development tokens file.
func DevSet(cfg *config.Config) ([]Issued, error) {
	var out []Issued
	for _, a := range cfg.Agents {
		role := config.RoleBot
		if a.Kind.IsPerson() {
			role = config.RoleHuman
		}
		t, err := New(a.ID, role, a.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	op, err := New("operator", config.RoleOperator, "")
	if err != nil {
		return nil, err
	}
	cd, err := New("codec", config.RoleCodec, "")
	if err != nil {
		return nil, err
	}
	return append(out, op, cd), nil
}
