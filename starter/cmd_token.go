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

const tokenUsage = `Usage: starter token new --name N --role bot|human|operator|codec [--agent ID]
       starter token init [--file PATH]

  new   make one token; prints it once, and the entry (its hash only) for the tokens file
  init  make the tokens file with a token per roster agent, an operator and a codec token;
        on an existing file, add tokens for the roster agents it lacks (after switching
        configs) and print only those
`

func runToken(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("token needs a subcommand: new or init (starter token --help)")
	}
	switch args[0] {
	case "new":
		return runTokenNew(e, args[1:])
	case "init":
		return runTokenInit(e, args[1:])
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, tokenUsage)
		return nil
	}
	return usagef("unknown token subcommand %q (want new or init)", args[0])
}

// runTokenNew prints a fresh token once, and the entry (with its hash only) to add to the
// tokens file. The token itself is stored nowhere.
func runTokenNew(e *env, args []string) error {
	fs := e.flags("token new", "--name N --role bot|human|operator|codec [--agent ID]")
	name := fs.String("name", "", "caller's name (shown in request logs)")
	role := fs.String("role", "", "bot, human, operator or codec")
	agent := fs.String("agent", "", "roster agent the token acts for (bot and human roles)")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := e.loadConfig(fs)
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
// operator and a codec token, and prints the tokens. On an existing file it adds tokens only
// for the roster agents the file lacks (a config switched to, say, the agent league) and prints
// those: it never rewrites a token, whose secret was shown once and is gone.
func runTokenInit(e *env, args []string) error {
	fs := e.flags("token init", "[--file PATH]")
	file := fs.String("file", "", "tokens file to create or complete (default api.tokens_file)")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := e.loadConfig(fs)
	if err != nil {
		return err
	}
	path := orDefault(*file, cfg.API.TokensFile)
	if path == "" {
		return usagef("no tokens file: give --file or set api.tokens_file")
	}
	set, err := tokens.DevSet(cfg)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); errors.Is(err, iofs.ErrNotExist) {
		if err := tokens.Create(path, tokenList(set)); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		fmt.Fprintf(e.stderr, "Wrote %s (mode 0600). Development tokens, shown only now:\n", path)
	} else {
		existing, err := tokens.ReadFile(path)
		if err != nil {
			return err
		}
		set = missing(set, existing.Tokens)
		if len(set) == 0 {
			fmt.Fprintf(e.stderr, "%s has a token for every agent of %s; keeping it.\n", path, cfg.File)
			return nil
		}
		if err := tokens.Rewrite(path, append(existing.Tokens, tokenList(set)...)); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		fmt.Fprintf(e.stderr, "Added to %s the agents of %s it lacked. Their tokens, shown only now:\n", path, cfg.File)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tROLE\tAGENT\tTOKEN")
	for _, t := range set {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.Name, t.Role, orDefault(t.Agent, "-"), t.Secret)
	}
	return tw.Flush()
}

// missing keeps the tokens of set whose name the file does not have yet.
func missing(set []tokens.Issued, have []config.Token) []tokens.Issued {
	names := map[string]bool{}
	for _, t := range have {
		names[t.Name] = true
	}
	var out []tokens.Issued
	for _, t := range set {
		if !names[t.Name] {
			out = append(out, t)
		}
	}
	return out
}

func tokenList(set []tokens.Issued) []config.Token {
	list := make([]config.Token, len(set))
	for i, t := range set {
		list[i] = t.Token
	}
	return list
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
