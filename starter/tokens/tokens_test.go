package tokens

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/handoff"
)

func roster() *config.Config {
	return &config.Config{Agents: []handoff.Agent{
		{ID: "lead_bot", Kind: handoff.KindBot},
		{ID: "luxury_specialist", Kind: handoff.KindSpecialist},
		{ID: "maria", Kind: handoff.KindHuman},
		{ID: "sam", Kind: handoff.KindSupervisor},
	}}
}

func TestNewTokenIsRandomAndHashed(t *testing.T) {
	a, err := New("lead_bot", config.RoleBot, "lead_bot")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := New("lead_bot", config.RoleBot, "lead_bot")
	if a.Secret == b.Secret {
		t.Fatal("two tokens are equal")
	}
	raw, err := base64.RawURLEncoding.DecodeString(a.Secret)
	if err != nil || len(raw) != 32 {
		t.Fatalf("secret %q: %d bytes, %v", a.Secret, len(raw), err)
	}
	if a.SHA256 != Hash(a.Secret) || len(a.SHA256) != 64 || strings.Contains(a.SHA256, a.Secret) {
		t.Fatalf("hash %q of %q", a.SHA256, a.Secret)
	}
}

func tok(name, role, agent, sum string) config.Token {
	return config.Token{Name: name, Role: role, Agent: agent, SHA256: sum}
}

func TestCheck(t *testing.T) {
	h := Hash("x")
	cases := []struct {
		name string
		list []config.Token
		want string
	}{
		{"ok", []config.Token{tok("b", "bot", "lead_bot", h), tok("s", "bot", "luxury_specialist", Hash("y")), tok("m", "human", "sam", Hash("z")), tok("o", "operator", "", Hash("w")), tok("c", "codec", "", Hash("v"))}, ""},
		{"codec with agent", []config.Token{tok("c", "codec", "lead_bot", h)}, "act for no agent"},
		{"unknown role", []config.Token{tok("b", "admin", "lead_bot", h)}, `role "admin"`},
		{"unknown agent", []config.Token{tok("b", "bot", "ghost", h)}, `agent "ghost" is not in the roster`},
		{"bot acting for a person", []config.Token{tok("b", "bot", "maria", h)}, "bot tokens act for bots"},
		{"human acting for a bot", []config.Token{tok("m", "human", "lead_bot", h)}, "human tokens act for humans"},
		{"agentless bot", []config.Token{tok("b", "bot", "", h)}, "agent is required"},
		{"operator with agent", []config.Token{tok("o", "operator", "maria", h)}, "act for no agent"},
		{"short hash", []config.Token{tok("b", "bot", "lead_bot", "abc")}, "64 hex digits"},
		{"duplicate name", []config.Token{tok("b", "bot", "lead_bot", h), tok("b", "bot", "lead_bot", Hash("y"))}, "name used twice"},
		{"duplicate hash", []config.Token{tok("b", "bot", "lead_bot", h), tok("c", "bot", "lead_bot", strings.ToUpper(h))}, "listed twice"},
		{"no name", []config.Token{tok("", "bot", "lead_bot", h)}, "name is required"},
	}
	for _, c := range cases {
		err := Check(roster(), c.list)
		if (c.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
}

func TestCreateReadAndLoad(t *testing.T) {
	cfg := roster()
	dir := t.TempDir()
	path := filepath.Join(dir, "data", "tokens.yaml")
	set, err := DevSet(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(set) != len(cfg.Agents)+2 || set[len(set)-2].Role != config.RoleOperator || set[len(set)-1].Role != config.RoleCodec || set[2].Role != config.RoleHuman {
		t.Fatalf("dev set %+v", set)
	}
	list := make([]config.Token, len(set))
	for i, s := range set {
		list[i] = s.Token
	}
	if err := Create(path, list); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, %v", fi.Mode(), err)
	}
	if err := Create(path, list); err == nil {
		t.Fatal("Create overwrote an existing tokens file")
	}
	b, _ := os.ReadFile(path)
	for _, s := range set {
		if strings.Contains(string(b), s.Secret) {
			t.Fatal("the tokens file holds a secret")
		}
	}
	cfg.API.TokensFile = path
	cfg.API.Tokens = []config.Token{{Name: "inline", Role: "bot", Agent: "lead_bot", SHA256: Hash("inline")}}
	got, skipped, err := Load(cfg)
	if err != nil || len(got) != len(set)+1 || len(skipped) != 0 {
		t.Fatalf("Load: %d tokens, skipped %v, %v", len(got), skipped, err)
	}

	// Switching to a config without some agents keeps the file: their tokens are skipped and
	// named, every other caller still gets in.
	other := roster()
	other.Agents = other.Agents[1:]
	other.API.TokensFile = path
	got, skipped, err = Load(other)
	if err != nil || len(got) != len(set)-1 || strings.Join(skipped, ",") != cfg.Agents[0].ID {
		t.Fatalf("Load with a smaller roster: %d tokens, skipped %v, %v", len(got), skipped, err)
	}

	cfg.API.TokensFile = filepath.Join(dir, "missing.yaml")
	if _, _, err := Load(cfg); err == nil || !strings.Contains(err.Error(), "starter token init") {
		t.Fatalf("missing file: %v", err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	_ = os.WriteFile(bad, []byte("tokens:\n  - name: x\n    role: bot\n    agent: lead_bot\n    sha: abc\n"), 0o600)
	cfg.API.TokensFile = bad
	if _, _, err := Load(cfg); err == nil || !strings.Contains(err.Error(), "sha") {
		t.Fatalf("unknown key: %v", err)
	}
	cfg.API.TokensFile, cfg.API.Tokens = "", nil
	if _, _, err := Load(cfg); err == nil || !strings.Contains(err.Error(), "no API tokens") {
		t.Fatalf("no tokens: %v", err)
	}
}

func TestEntryIsAListItem(t *testing.T) {
	e, err := Entry(config.Token{Name: "crm_sync", Role: "bot", Agent: "lead_bot", SHA256: Hash("x")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e, "  - name: crm_sync\n    role: bot\n") {
		t.Fatalf("entry %q", e)
	}
}
