// Package store is the handoff log: a SQL database written by the worker's RecordOutcome
// activity and read by the analytics. One setting (store.url) picks the backend: a SQLite
// file (pure Go, no cgo) for development, or PostgreSQL for production. The schema is
// versioned goose migrations embedded in the binaries, applied at start-up and by
// `starter store migrate`. The SQL is the subset both databases speak, with INSERT ... ON
// CONFLICT upserts, so a retried or re-run write never counts a handoff twice.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	_ "modernc.org/sqlite" // database/sql driver "sqlite", pure Go
)

//go:embed migrations/*.sql
var migrations embed.FS

// Backends.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// Store is an open handoff log.
type Store struct {
	db      *sql.DB
	backend string
	// where names the database for messages, without a password.
	where string
}

// Open connects to the database store.url names: sqlite://PATH (relative or, with a third
// slash, absolute; the folder is created) or postgres://USER@HOST:PORT/DB?sslmode=... (a
// password comes from the URL, PGPASSWORD or PGPASSFILE). It does not migrate (see Migrate).
func Open(ctx context.Context, rawURL string) (*Store, error) {
	s := &Store{}
	var (
		driver, dsn string
	)
	switch {
	case strings.HasPrefix(rawURL, "sqlite://"):
		path := strings.TrimPrefix(rawURL, "sqlite://")
		if path == "" {
			return nil, fmt.Errorf("store.url %q: no file after sqlite://", rawURL)
		}
		if dir := filepath.Dir(path); dir != "." {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, fmt.Errorf("store.url %q: %w", rawURL, err)
			}
		}
		// WAL lets readers (the API) go on while the worker writes; busy_timeout makes a writer
		// wait for another process's write rather than fail; _txlock=immediate takes the write
		// lock when a transaction begins, so two writers never deadlock upgrading a read lock.
		dsn = "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_txlock=immediate"
		driver, s.backend, s.where = "sqlite", SQLite, "sqlite://"+path
	case strings.HasPrefix(rawURL, "postgres://"), strings.HasPrefix(rawURL, "postgresql://"):
		u, err := url.Parse(rawURL)
		if err != nil {
			return nil, fmt.Errorf("store.url: not a URL: %v", redactErr(err, rawURL))
		}
		driver, dsn, s.backend, s.where = "pgx", rawURL, Postgres, u.Redacted()
	default:
		return nil, fmt.Errorf("store.url %q: want sqlite://PATH or postgres://USER@HOST:PORT/DB", redactURL(rawURL))
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", s.where, err)
	}
	if s.backend == SQLite {
		// One connection per process: SQLite has one writer at a time anyway, and queueing in
		// the pool is cheaper than SQLITE_BUSY retries inside the driver.
		db.SetMaxOpenConns(1)
	} else {
		db.SetMaxOpenConns(10)
		db.SetConnMaxIdleTime(5 * time.Minute)
	}
	s.db = db
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to %s: %w", s.where, err)
	}
	return s, nil
}

// OpenMigrated opens the store and applies any migration it lacks.
func OpenMigrated(ctx context.Context, rawURL string) (*Store, error) {
	s, err := Open(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	if _, err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Backend is SQLite or Postgres.
func (s *Store) Backend() string { return s.backend }

// Where names the database, without a password.
func (s *Store) Where() string { return s.where }

// DB is the database, for tests and the migrate command's status.
func (s *Store) DB() *sql.DB { return s.db }

// Migrate applies the migrations the database lacks and returns their names. Processes that
// start together (the worker and the API) may both migrate: on PostgreSQL an advisory lock
// lets one at a time in; on SQLite the file's write lock does, and the loser sees the
// winner's tables on its retry.
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	dialect := goose.DialectSQLite3
	var opts []goose.ProviderOption
	if s.backend == Postgres {
		dialect = goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, s.db, sub, opts...)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var results []*goose.MigrationResult
	for attempt := 1; ; attempt++ {
		results, err = p.Up(ctx)
		if err == nil || attempt == 3 || ctx.Err() != nil {
			break
		}
		time.Sleep(time.Duration(attempt) * 200 * time.Millisecond)
	}
	if err != nil {
		return nil, fmt.Errorf("migrate %s: %w", s.where, err)
	}
	applied := make([]string, 0, len(results))
	for _, r := range results {
		applied = append(applied, r.Source.Path)
	}
	return applied, nil
}

// Version is the schema version the database is at.
func (s *Store) Version(ctx context.Context) (int64, error) {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return 0, err
	}
	dialect := goose.DialectSQLite3
	if s.backend == Postgres {
		dialect = goose.DialectPostgres
	}
	p, err := goose.NewProvider(dialect, s.db, sub)
	if err != nil {
		return 0, err
	}
	return p.GetDBVersion(ctx)
}

// q rewrites a query written with ? placeholders for the backend: PostgreSQL numbers them.
func (s *Store) q(query string) string {
	if s.backend != Postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func redactURL(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Redacted()
	}
	return "(unparsable)"
}

// redactErr keeps a URL's password out of an error message.
func redactErr(err error, raw string) error {
	u, perr := url.Parse(raw)
	if perr != nil {
		return errors.New("unparsable URL")
	}
	if p, ok := u.User.Password(); ok && p != "" {
		return errors.New(strings.ReplaceAll(err.Error(), p, "xxxxx"))
	}
	return err
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMs(v int64) time.Time { return time.UnixMilli(v).UTC() }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// CreateDatabase creates the PostgreSQL database rawURL names if it does not exist, connecting
// to the server's postgres database to do so (compose's first start: the server is Temporal's,
// and the log's database sits next to Temporal's two). It reports whether it created it.
func CreateDatabase(ctx context.Context, rawURL string) (bool, error) {
	if !strings.HasPrefix(rawURL, "postgres://") && !strings.HasPrefix(rawURL, "postgresql://") {
		return false, nil
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return false, fmt.Errorf("store.url: not a URL: %v", redactErr(err, rawURL))
	}
	name := strings.TrimPrefix(u.Path, "/")
	if name == "" || strings.ContainsAny(name, `"/`) {
		return false, fmt.Errorf("store.url %s: no database name, or one with a quote or slash", u.Redacted())
	}
	admin := *u
	admin.Path = "/postgres"
	s, err := Open(ctx, admin.String())
	if err != nil {
		return false, err
	}
	defer s.Close()
	var exists bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return false, fmt.Errorf("look for database %s: %w", name, err)
	}
	if exists {
		return false, nil
	}
	// Identifiers cannot be parameters; the name was checked for quotes above.
	if _, err := s.db.ExecContext(ctx, `CREATE DATABASE "`+name+`"`); err != nil {
		return false, fmt.Errorf("create database %s: %w", name, err)
	}
	return true, nil
}
