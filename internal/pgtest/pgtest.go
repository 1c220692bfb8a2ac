// Package pgtest runs a throwaway PostgreSQL cluster for tests: initdb into a temporary
// folder, pg_ctl start on a free loopback port, one fresh database per test, and the cluster
// stopped and deleted when the test binary ends (call Stop from TestMain).
//
// PostgreSQL refuses to run as root, and tests here run as root: then initdb and pg_ctl run
// as the postgres user (runuser), in a folder it owns. Without the server binaries the tests
// are skipped with the reason, unless HANDOFF_REQUIRE_POSTGRES is set (make test and CI set
// it), when they fail.
package pgtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

var (
	once     sync.Once
	cluster  *server
	startErr error
	dbs      atomic.Int64
)

type server struct {
	dir, data, bin string
	port           int
	asPostgres     bool
}

// URL starts the cluster on first use and returns the URL of a new, empty database for t.
func URL(t testing.TB) string {
	t.Helper()
	once.Do(func() { cluster, startErr = start() })
	if startErr != nil {
		var missing *missingError
		if errors.As(startErr, &missing) && os.Getenv("HANDOFF_REQUIRE_POSTGRES") == "" {
			t.Skipf("skipping the PostgreSQL run: %v (set HANDOFF_REQUIRE_POSTGRES=1 to fail instead)", startErr)
		}
		t.Fatalf("PostgreSQL test cluster: %v", startErr)
	}
	name := fmt.Sprintf("t%d_%d", os.Getpid(), dbs.Add(1))
	db, err := sql.Open("pgx", cluster.url("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	return cluster.url(name)
}

// Stop stops the cluster if one was started and deletes its folder.
func Stop() {
	if cluster == nil {
		return
	}
	_ = cluster.pgctl("stop", "-m", "immediate", "-w")
	_ = os.RemoveAll(cluster.dir)
}

type missingError struct{ msg string }

func (e *missingError) Error() string { return e.msg }

// Binaries finds the directory of initdb and pg_ctl: initdb on PATH when pg_ctl is next to it
// (or to the file it links to), else Debian's /usr/lib/postgresql/VERSION/bin, newest first.
func Binaries() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		for _, dir := range []string{filepath.Dir(p), dirOfLink(p)} {
			if _, err := os.Stat(filepath.Join(dir, "pg_ctl")); err == nil {
				return dir, nil
			}
		}
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Slice(found, func(i, j int) bool { return version(found[i]) > version(found[j]) })
	for _, p := range found {
		if _, err := os.Stat(filepath.Join(filepath.Dir(p), "pg_ctl")); err == nil {
			return filepath.Dir(p), nil
		}
	}
	return "", &missingError{"no PostgreSQL server binaries (initdb and pg_ctl on PATH or in /usr/lib/postgresql/*/bin); `apt-get install postgresql` installs them"}
}

func dirOfLink(p string) string {
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		return filepath.Dir(p)
	}
	return filepath.Dir(r)
}

func version(p string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(p))))
	return v
}

func start() (*server, error) {
	bin, err := Binaries()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "handoff-pg-")
	if err != nil {
		return nil, err
	}
	s := &server{dir: dir, data: filepath.Join(dir, "data"), bin: bin, asPostgres: os.Geteuid() == 0}
	if err := os.Mkdir(s.data, 0o700); err != nil {
		return nil, err
	}
	if s.asPostgres {
		// The postgres user must reach and own the data folder (and the socket folder).
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, &missingError{"running as root and there is no postgres user to run the server as: " + err.Error()}
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chmod(dir, 0o755); err != nil {
			return nil, err
		}
		for _, p := range []string{dir, s.data} {
			if err := os.Chown(p, uid, gid); err != nil {
				return nil, err
			}
		}
	}
	if out, err := s.run("initdb", "-D", s.data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"); err != nil {
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	// A free port can be taken between the probe and the start: try a few.
	for attempt := 0; attempt < 5; attempt++ {
		if s.port, err = freePort(); err != nil {
			return nil, err
		}
		opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", s.port, s.dir)
		if err = s.pgctl("start", "-w", "-t", "60", "-o", opts, "-l", filepath.Join(s.dir, "server.log")); err == nil {
			break
		}
	}
	if err != nil {
		log, _ := os.ReadFile(filepath.Join(s.dir, "server.log"))
		return nil, fmt.Errorf("pg_ctl start: %v\n%s", err, log)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := sql.Open("pgx", s.url("postgres"))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	for {
		if err = db.PingContext(ctx); err == nil {
			return s, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("the test cluster does not answer: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (s *server) url(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.port, db)
}

func (s *server) pgctl(args ...string) error {
	out, err := s.run("pg_ctl", append([]string{"-D", s.data}, args...)...)
	if err != nil {
		return fmt.Errorf("%v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

// run runs a server binary, as the postgres user when this process is root.
func (s *server) run(name string, args ...string) ([]byte, error) {
	path := filepath.Join(s.bin, name)
	var cmd *exec.Cmd
	if s.asPostgres {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = s.dir
	return cmd.CombinedOutput()
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
