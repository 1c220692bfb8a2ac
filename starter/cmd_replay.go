package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/handoffhq/orchestrator/codec"
	"github.com/handoffhq/orchestrator/workflows"
	"go.temporal.io/sdk/client"
	sdklog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"
)

// runReplay is `starter replay [PATH...]`, the check before a deploy: every recorded history
// (JSON, as `temporal workflow show --output json` or the Web UI's download write it) in the
// folders and files given is replayed with this build's workflow code, and any that the code
// would not reproduce fails the command. A handoff running in production when a new worker
// takes it over replays this way; a failure here is a stuck handoff there.
func runReplay(e *env, args []string) error {
	fs := e.flags("replay", "[FOLDER|FILE...]   (default testdata/histories)")
	if err := parse(fs, args); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"testdata/histories"}
	}
	files, err := historyFiles(paths)
	if err != nil {
		return err
	}
	// Histories exported from an encrypting deployment carry encrypted payloads: the
	// deployment's keys (HANDOFF_CODEC_KEYS or codec.keys_file) decode them. Histories in clear
	// replay without any.
	opts := worker.WorkflowReplayerOptions{}
	cfg, err := e.loadConfig(fs)
	if err != nil {
		return err
	}
	if c := cfg.PayloadCodec(); c != nil {
		opts.DataConverter = codec.DataConverter(c)
	}
	failed := 0
	for _, f := range files {
		if err := replayFile(f, opts); err != nil {
			failed++
			fmt.Fprintf(e.stdout, "FAIL  %s\n      %s\n", f, strings.ReplaceAll(err.Error(), "\n", "\n      "))
			continue
		}
		fmt.Fprintf(e.stdout, "ok    %s\n", f)
	}
	fmt.Fprintf(e.stdout, "%d histories replayed, %d failed.\n", len(files), failed)
	if failed > 0 {
		return fmt.Errorf("%d of %d histories do not replay with this build: handoffs running them would be stuck after the deploy", failed, len(files))
	}
	return nil
}

func replayFile(path string, opts worker.WorkflowReplayerOptions) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	hist, err := client.HistoryFromJSON(f, client.HistoryJSONOptions{})
	if err != nil {
		return fmt.Errorf("not a history: %w", err)
	}
	r, err := worker.NewWorkflowReplayerWithOptions(opts)
	if err != nil {
		return err
	}
	workflows.Register(r)
	// The replayer's own log says the same as the error, at length: keep it quiet.
	return r.ReplayWorkflowHistory(sdklog.NewStructuredLogger(slog.New(slog.DiscardHandler)), hist)
}

// historyFiles lists the .json files of the folders (not recursing) and the files given.
func historyFiles(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, usagef("%v", err)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		found, err := filepath.Glob(filepath.Join(p, "*.json"))
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	if len(files) == 0 {
		return nil, errors.New("no histories (*.json) in " + strings.Join(paths, ", "))
	}
	return files, nil
}
