package main

import (
	"errors"
	"fmt"
	iofs "io/fs"
	"os"
	"text/tabwriter"

	"github.com/handoffhq/orchestrator/config"
	"github.com/handoffhq/orchestrator/starter/tokens"
)

func runToken(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("token needs a subcommand: new or init")
	}
	switch args[0] {
	case "new":
		return runTokenNew(e, args[1:])
	case "init":
		return runTokenInit(e, args[1:])
	}
	return usagef("unknown token subcommand %q (want new or init)", args[0])
}

// runTokenNew prints a fresh token once, and the entry (with its hash only) to add to the
// tokens file. The token itself is stored nowhere.
func runTokenNew(e *env, args []string) error {
	fs := e.flags("token new", "--name N --role bot|human|operator [--agent ID]")
	name := fs.String("name", "", "caller's name (shown in request logs)")
	role := fs.String("role", "", "bot, human or operator")
	agent := fs.String("agent", "", "roster agent the token acts for (bot and human roles)")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := config.Load(fs)
	if err != nil {
		return err
	}
	if err := tokens.CheckNew(cfg, *name, *role, *agent); err != nil {
		return usageError{err.Error()}
	}
	t, err := tokens.New(*name, *role, *agent)
	if err != nil {
		return err
	}
	entry, err := tokens.Entry(t.Token)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "token: %s\n\n# Add under `tokens:` in %s:\n%s", t.Secret, orDefault(cfg.API.TokensFile, "the tokens file"), entry)
	fmt.Fprintln(e.stderr, "The token is shown only this once; only its sha256 is kept.")
	return nil
}

// runTokenInit writes a development tokens file with one token per roster agent plus an
// operator, and prints the tokens. It never overwrites a file: the old tokens' secrets are
// gone, so a rewrite would lock out whoever uses them.
func runTokenInit(e *env, args []string) error {
	fs := e.flags("token init", "[--file PATH]")
	file := fs.String("file", "", "tokens file to create (default api.tokens_file)")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := config.Load(fs)
	if err != nil {
		return err
	}
	path := orDefault(*file, cfg.API.TokensFile)
	if path == "" {
		return usagef("no tokens file: give --file or set api.tokens_file")
	}
	if _, err := os.Stat(path); err == nil {
		fmt.Fprintf(e.stderr, "%s exists; keeping it (its tokens were shown when it was made). Delete it to start over, or add one with `starter token new`.\n", path)
		return nil
	} else if !errors.Is(err, iofs.ErrNotExist) {
		return err
	}
	set, err := tokens.DevSet(cfg)
	if err != nil {
		return err
	}
	list := make([]config.Token, len(set))
	for i, t := range set {
		list[i] = t.Token
	}
	if err := tokens.Create(path, list); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fmt.Fprintf(e.stderr, "Wrote %s (mode 0600). Development tokens, shown only now:\n", path)
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tROLE\tAGENT\tTOKEN")
	for _, t := range set {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.Name, t.Role, orDefault(t.Agent, "-"), t.Secret)
	}
	return tw.Flush()
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
