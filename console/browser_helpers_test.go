package console_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/handoffhq/orchestrator/internal/testenv"
)

// The browser test's harness: Debian's Chromium driven headless by chromedp, one isolated
// browser context (its own cookies) per person, axe-core injected into each page, and every
// script error or content-security-policy violation on a page failing the test.

// requireChromium finds the browser: $HANDOFF_CHROMIUM, else chromium on the PATH. Without it
// the test is skipped with the reason, unless HANDOFF_REQUIRE_BROWSER is set (make test and
// CI set it), when it fails.
func requireChromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv("HANDOFF_CHROMIUM")
	if path == "" {
		var err error
		if path, err = exec.LookPath("chromium"); err != nil {
			missing(t, "Chromium (apt-get install -y chromium, or set HANDOFF_CHROMIUM)")
		}
	}
	return path
}

// requireAxe reads axe-core, installed from the npm registry by `make console-deps`.
func requireAxe(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		missing(t, fmt.Sprintf("axe-core, not installed (%v): run `make console-deps`", err))
	}
	return string(b)
}

func missing(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("HANDOFF_REQUIRE_BROWSER") != "" {
		t.Fatal("the browser test needs " + what)
	}
	t.Skip("skipping the browser test: it needs " + what)
}

// browser is one headless Chromium for the test.
type browser struct {
	t    *testing.T
	root context.Context
	axe  string
}

func newBrowser(t *testing.T, path, axe string) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		// Without these Chromium keeps trying hosts it cannot reach from here.
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	root, cancelRoot := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelRoot(); cancelAlloc() })
	// The first Run starts the browser; tabs come after.
	if err := chromedp.Do(root); err != nil {
		t.Fatalf("start Chromium %s: %v", path, err)
	}
	return &browser{t: t, root: root, axe: axe}
}

// tab is one person's browser: a fresh browser context, so no cookie is shared with the others.
type tab struct {
	t    *testing.T
	name string
	ctx  context.Context
	axe  string

	mu       sync.Mutex
	problems []string
}

func (b *browser) tab(name string) *tab {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.root, chromedp.WithNewBrowserContext())
	b.t.Cleanup(cancel)
	tb := &tab{t: b.t, name: name, ctx: ctx, axe: b.axe}
	err := chromedp.Listen(ctx, func(ev any) {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			what := d.Text
			if d.Exception != nil {
				what += " " + d.Exception.Description
			}
			tb.problems = append(tb.problems, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, what))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				tb.problems = append(tb.problems, "console.error: "+argsText(ev.Args))
			}
		case *cdplog.EventEntryAdded:
			// Content-security-policy violations and failed loads land here. An API answer
			// the page handles (a 403 the test asks for, a stream that is off) is no problem;
			// a missing file is.
			e := ev.Entry
			handled := e.Source == cdplog.EntrySourceNetwork && strings.Contains(e.Text, "status of") && !strings.Contains(e.Text, "status of 404")
			if e.Level == cdplog.EntryLevelError && !handled {
				tb.problems = append(tb.problems, string(e.Source)+": "+e.Text)
			}
		}
	})
	if err != nil {
		b.t.Fatal(err)
	}
	tb.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cdplog.Enable, cdp.Empty{})
		return err
	}), chromedp.EmulateViewport(1280, 900))
	return tb
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		if len(a.Value) > 0 {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

// clean fails the test with the page's script errors and policy violations so far.
func (tb *tab) clean(when string) {
	tb.t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if len(tb.problems) > 0 {
		tb.t.Errorf("%s's page %s: %s", tb.name, when, strings.Join(tb.problems, "; "))
		tb.problems = nil
	}
}

// do runs actions with a deadline of their own.
func (tb *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		where, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`location.href + "\n" + document.body.innerText`))
		tb.t.Fatalf("%s's browser: %v; the page at %s", tb.name, err, where)
	}
}

// eval evaluates a script (awaiting a promise) and decodes its JSON value into T.
func eval[T any](tb *tab, script string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("%s's page, evaluating %.80q: %v", tb.name, script, err)
	}
	return v
}

// waitFor waits until the script's value is truthy, checking on every change of the page (the
// browser's MutationObserver, no fixed pause), for at most within.
func waitFor[T any](tb *tab, within time.Duration, what, script string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, within+5*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Poll[T](script, chromedp.WithPollingMutation(), chromedp.WithPollingTimeout(within)))
	if err != nil {
		html, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.querySelector("main").innerText`))
		tb.t.Fatalf("%s's page: %s not within %s (%v); the page reads:\n%s", tb.name, what, within, err, html)
	}
	return v
}

// signIn types the token into the sign-in form and sends it with the keyboard.
func (tb *tab) signIn(base, token string) {
	tb.t.Helper()
	tb.do(chromedp.Navigate(base+"/console/"),
		chromedp.WaitVisible(chromedp.CSS("#token")),
		chromedp.SendKeys(chromedp.CSS("#token"), token+"\r"),
		chromedp.WaitVisible(chromedp.CSS("#live")))
}

// axeViolation is one rule axe-core found broken, with the elements it found it on.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// checkA11y runs axe-core on the page as it is and fails on any serious or critical violation;
// lesser ones are logged.
func (tb *tab) checkA11y(page string) {
	tb.t.Helper()
	vs := tb.axeViolations()
	for _, v := range vs {
		where := fmt.Sprint(v.Nodes)
		if v.Impact == "serious" || v.Impact == "critical" {
			tb.t.Errorf("accessibility, %s: %s %s (%s) on %s", page, v.Impact, v.ID, v.Help, where)
		} else {
			tb.t.Logf("accessibility, %s: %s %s (%s) on %s", page, v.Impact, v.ID, v.Help, where)
		}
	}
	tb.t.Logf("accessibility, %s: axe-core found %d violations, none serious or critical allowed", page, len(vs))
}

// axeViolations injects axe-core (once per page) and runs every rule on the page as it is.
func (tb *tab) axeViolations() []axeViolation {
	tb.t.Helper()
	if !eval[bool](tb, `typeof window.axe === "object"`) {
		eval[bool](tb, tb.axe+";\ntrue")
	}
	raw := eval[json.RawMessage](tb, `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations)`)
	var vs []axeViolation
	if err := json.Unmarshal(raw, &vs); err != nil {
		tb.t.Fatalf("axe results: %v", err)
	}
	return vs
}

// axeCatches plants a text field without a label and checks that axe-core reports it as
// critical: a clean result on the real pages then means something.
func (tb *tab) axeCatches() {
	tb.t.Helper()
	eval[bool](tb, `document.getElementById("main").append(Object.assign(document.createElement("input"), {id: "planted"})); true`)
	vs := tb.axeViolations()
	eval[bool](tb, `document.getElementById("planted").remove(); true`)
	for _, v := range vs {
		if v.ID == "label" && v.Impact == "critical" && strings.Contains(fmt.Sprint(v.Nodes), "#planted") {
			return
		}
	}
	tb.t.Fatalf("axe-core did not report a planted unlabelled field: %+v", vs)
}

// screenshot saves the visible page as a PNG into dir.
func (tb *tab) screenshot(dir, name string) {
	tb.t.Helper()
	png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// phone runs f with the page at a phone's width (390 CSS pixels), checks that nothing makes the
// page scroll sideways, and puts the desktop size back.
func (tb *tab) phone(f func()) {
	tb.t.Helper()
	tb.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	defer tb.desktop()
	waitFor[bool](tb, 5*time.Second, "the phone layout", `window.innerWidth === 390`)
	if wide := eval[int](tb, `document.documentElement.scrollWidth`); wide > 390 {
		offenders := eval[[]string](tb, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > 391 && !e.closest(".scroll")).slice(0, 5).map(e => e.tagName + "." + e.className)`)
		tb.t.Errorf("%s's page is %d px wide at a phone's 390: %v", tb.name, wide, offenders)
	}
	f()
}

// desktop sets the page to a laptop's 1280 by 900.
func (tb *tab) desktop() {
	tb.t.Helper()
	tb.do(chromedp.EmulateViewport(1280, 900))
	waitFor[bool](tb, 5*time.Second, "the desktop layout", `window.innerWidth === 1280`)
}

// streamed reads, in the page, what the API's event stream replays for a conversation to this
// session (every kept event it may watch), stopping where the replay says it caught up.
func (tb *tab) streamed(conv string) []string {
	tb.t.Helper()
	return eval[[]string](tb, `(async () => {
		const ctl = new AbortController();
		const resp = await fetch("/v1/events/stream?last_event_id=0&conversation_id=`+conv+`", {signal: ctl.signal});
		if (!resp.ok) return ["status " + resp.status];
		const reader = resp.body.getReader(), dec = new TextDecoder();
		let text = "";
		while (!text.includes(": caught up")) {
			const {value, done} = await reader.read();
			if (done) break;
			text += dec.decode(value);
		}
		ctl.abort();
		return text.split("\n").filter(l => l.startsWith("event: ")).map(l => l.slice(7));
	})()`)
}

// fetchStatus is the status the page's session gets for a GET of the API.
func (tb *tab) fetchStatus(path string) int {
	tb.t.Helper()
	return eval[int](tb, `fetch(`+jsString(path)+`).then(r => r.status)`)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// screenshotDir is where the test saves its screenshots: $HANDOFF_SCREENSHOTS (make
// console-screenshots points it at docs/console for the README), else a temporary folder.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("HANDOFF_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(testenv.ModuleRoot(t), dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
