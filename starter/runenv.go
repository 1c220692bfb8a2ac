package main

import (
	"bufio"
	"errors"
	"fmt"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/handoffhq/orchestrator/config"
	"github.com/spf13/pflag"
)

// runEnvFile is where `make run` records the stack it started: its config file, its payload
// keys file and its Temporal address. A CLI in another terminal takes them from there when the
// shell does not say, so it needs no exports, and it refuses a config that differs from the
// running one: a CLI started with the real-estate config against a worker running the agent
// league would validate against the wrong roster and start handoffs no rule matches.
const runEnvFile = "data/run.env"

// runEnvKeys are the settings run.env may hold, in the order they are applied.
var runEnvKeys = []string{"HANDOFF_CONFIG", "HANDOFF_CODEC_KEYS_FILE", "TEMPORAL_ADDRESS", "HANDOFF_STORE_URL"}

// loadConfig is config.Load after the running stack's settings (data/run.env) fill in what
// neither the flags nor the environment give.
func (e *env) loadConfig(fs *pflag.FlagSet) (*config.Config, error) {
	if err := applyRunEnv(fs, runEnvFile); err != nil {
		return nil, err
	}
	return config.Load(fs)
}

// applyRunEnv sets, from the run.env file at path, the settings this process lacks. It does
// nothing without the file, or when the command talks to another Temporal than the running
// stack's; it fails when the command names another config than the running stack's.
func applyRunEnv(fs *pflag.FlagSet, path string) error {
	run, err := readRunEnv(path)
	if err != nil || run == nil {
		return err
	}
	if addr := flagOrEnv(fs, "temporal-address", "TEMPORAL_ADDRESS"); addr != "" && addr != run["TEMPORAL_ADDRESS"] {
		return nil
	}
	if file := flagOrEnv(fs, "config", "HANDOFF_CONFIG"); file != "" && run["HANDOFF_CONFIG"] != "" && !samePath(file, run["HANDOFF_CONFIG"]) {
		return usagef("the stack `make run` started uses %s (see %s), but this command names %s: "+
			"unset HANDOFF_CONFIG (or drop --config) to use the running one, or restart with `make run CONFIG=%s`",
			run["HANDOFF_CONFIG"], path, file, file)
	}
	for _, k := range runEnvKeys {
		if v := run[k]; v != "" && os.Getenv(k) == "" && !(k == "HANDOFF_CODEC_KEYS_FILE" && os.Getenv("HANDOFF_CODEC_KEYS") != "") {
			if err := os.Setenv(k, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// readRunEnv parses KEY=value lines (# comments allowed); nil when the file does not exist.
func readRunEnv(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, iofs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want KEY=value", path, n)
		}
		out[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return out, sc.Err()
}

func flagOrEnv(fs *pflag.FlagSet, flag, env string) string {
	if f := fs.Lookup(flag); f != nil && f.Value.String() != "" {
		return f.Value.String()
	}
	return os.Getenv(env)
}

// samePath compares two file paths as the files they name.
func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && filepath.Clean(aa) == filepath.Clean(bb)
}
