package bench

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// proc is a subprocess the bench started: the dev server, the handoff worker, the baselines'
// worker. Each runs in a process group of its own, so a Ctrl-C in the terminal reaches the
// bench only, which then stops them in order; and each dies with the bench if the bench is
// killed outright (parent-death signal).
type proc struct {
	name string
	log  string
	cmd  *exec.Cmd
	done chan struct{}
	err  error
}

func startProc(name, logPath string, env []string, bin string, args ...string) (*proc, error) {
	f, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = f, f
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, fmt.Errorf("start %s (%s): %w", name, bin, err)
	}
	p := &proc{name: name, log: logPath, cmd: cmd, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		f.Close()
		close(p.done)
	}()
	return p, nil
}

func (p *proc) pid() int { return p.cmd.Process.Pid }

func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// stop sends SIGTERM to the process group, waits up to grace, then SIGKILLs it.
func (p *proc) stop(grace time.Duration) {
	if p == nil || p.exited() {
		return
	}
	_ = syscall.Kill(-p.pid(), syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(grace):
		_ = syscall.Kill(-p.pid(), syscall.SIGKILL)
		<-p.done
	}
}

// tail is the end of the process's log, for error messages.
func (p *proc) tail(lines int) string {
	b, err := os.ReadFile(p.log)
	if err != nil {
		return ""
	}
	all := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}

// clockTicks is USER_HZ, the unit of /proc/PID/stat times: 100 on every Linux architecture Go
// supports.
const clockTicks = 100

// cpuSeconds is the user plus system CPU time the process has used so far.
func cpuSeconds(pid int) (float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name (field 2) may hold spaces; the fields after its closing parenthesis
	// start with field 3 (state). utime and stime are fields 14 and 15.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, errors.New("unreadable /proc stat")
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("short /proc stat")
	}
	ut, err1 := strconv.ParseFloat(f[11], 64)
	st, err2 := strconv.ParseFloat(f[12], 64)
	if err1 != nil || err2 != nil {
		return 0, errors.New("unreadable /proc stat times")
	}
	return (ut + st) / clockTicks, nil
}

// memory is the process's resident set size now and its peak (VmRSS, VmHWM), in bytes.
func memory(pid int) (rss, hwm int64, err error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		for _, k := range []string{"VmRSS:", "VmHWM:"} {
			if rest, ok := strings.CutPrefix(line, k); ok {
				fs := strings.Fields(rest)
				if len(fs) > 0 {
					kb, _ := strconv.ParseInt(fs[0], 10, 64)
					if k == "VmRSS:" {
						rss = kb << 10
					} else {
						hwm = kb << 10
					}
				}
			}
		}
	}
	return rss, hwm, sc.Err()
}

// usage follows one process's CPU and memory: CPU at marks, and the largest RSS sampled since
// the last reset (the bench resets it at each phase).
type usage struct {
	p *proc

	mu      sync.Mutex
	peakRSS int64
	stop    chan struct{}
}

func watch(p *proc, every time.Duration) *usage {
	u := &usage{p: p, stop: make(chan struct{})}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			u.sample()
			select {
			case <-t.C:
			case <-u.stop:
				return
			case <-p.done:
				return
			}
		}
	}()
	return u
}

func (u *usage) sample() int64 {
	rss, _, err := memory(u.p.pid())
	if err != nil {
		return 0
	}
	u.mu.Lock()
	u.peakRSS = max(u.peakRSS, rss)
	u.mu.Unlock()
	return rss
}

// mark is a point-in-time reading of a watched process.
type mark struct {
	CPU     float64
	RSS     int64
	HWM     int64
	PeakRSS int64 // largest sampled RSS since the previous resetPeak
}

func (u *usage) read() mark {
	if u == nil {
		return mark{}
	}
	cur := u.sample()
	cpu, _ := cpuSeconds(u.p.pid())
	_, hwm, _ := memory(u.p.pid())
	u.mu.Lock()
	defer u.mu.Unlock()
	return mark{CPU: cpu, RSS: cur, HWM: hwm, PeakRSS: u.peakRSS}
}

func (u *usage) resetPeak() {
	if u == nil {
		return
	}
	rss, _, _ := memory(u.p.pid())
	u.mu.Lock()
	u.peakRSS = rss
	u.mu.Unlock()
}

func (u *usage) close() {
	if u != nil {
		close(u.stop)
	}
}
