package config

import (
	"errors"
	"os"

	"github.com/handoffhq/orchestrator/decision"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/spf13/viper"
)

// LoadRouting compiles the routing section of a candidate rules file against the roster: the
// rules a what-if tries before they ship. The file may be a whole config (only routing: is
// read) or hold routing: alone. Mistakes name the file and the key, as at start-up.
func LoadRouting(file string, agents []handoff.Agent) (*decision.Engine, error) {
	v := viper.New()
	v.SetConfigFile(file)
	v.SetConfigType("yaml")
	if err := v.ReadInConfig(); err != nil {
		var notFound viper.ConfigFileNotFoundError
		if errors.As(err, &notFound) || errors.Is(err, os.ErrNotExist) {
			return nil, &Error{File: file, Reason: "file not found"}
		}
		return nil, &Error{File: file, Reason: "cannot read: " + err.Error()}
	}
	if !v.IsSet("routing") {
		return nil, &Error{File: file, Key: "routing", Reason: "is required: the candidate rules, as in the config"}
	}
	var spec decision.Spec
	if err := v.UnmarshalKey("routing", &spec, viper.DecodeHook(decodeHook())); err != nil {
		return nil, &Error{File: file, Key: "routing", Reason: "cannot decode: " + err.Error()}
	}
	e, err := decision.Compile(spec, agents)
	if err != nil {
		return nil, &Error{File: file, Key: "routing", Reason: err.Error()}
	}
	return e, nil
}
