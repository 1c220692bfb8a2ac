package console_test

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/handoffhq/orchestrator/analytics"
	"github.com/handoffhq/orchestrator/handoff"
	"github.com/handoffhq/orchestrator/internal/testenv"
)

// TestBrowserConsole drives the console in a real browser (Debian's Chromium, headless)
// against the real dev server, worker and API with the event stream on:
//  1. maria signs in and goes online;
//  2. a handoff started through the API shows in her page within a second of the offer, with
//     its brief and a countdown;
//  3. she accepts (by keyboard), the conversation shows under hers, she acknowledges its
//     context and releases it;
//  4. the supervisor's page shows the handoff move through its phases, and its statistics;
//  5. james, signed in too, cannot see maria's offer: not in his page, not in his event stream,
//     not from the API with his session.
//
// axe-core checks each page; screenshots go to $HANDOFF_SCREENSHOTS (make console-screenshots:
// docs/console, shown in the README), else a temporary folder.
func TestBrowserConsole(t *testing.T) {
	chromium := requireChromium(t)
	axe := requireAxe(t)
	shots := screenshotDir(t)
	logs := &testenv.SyncBuffer{}
	e := testenv.Start(t, testenv.Options{
		EventStream: true,
		Logs:        logs,
		Store:       "sqlite://" + filepath.Join(t.TempDir(), "handoffs.db"),
		// People start offline, so the offer goes to maria, who goes online; the window is long
		// enough to look at the conversation while it is monitored.
		Handoff: map[string]any{"offer_timeout": "2m", "monitoring_window": "15s", "initial_presence": "offline"},
	})
	b := newBrowser(t, chromium, axe)
	maria, james, sup := b.tab("maria"), b.tab("james"), b.tab("operator")
	const conv = "conv-console-7f3a21"
	offerCard := `#offers article[data-conversation="` + conv + `"]`
	convCard := `#conversations article[data-conversation="` + conv + `"]`
	boardItem := `li[data-conversation="` + conv + `"]`

	// 1. maria signs in with her token and goes online.
	maria.signIn(e.API.URL, e.Secrets["maria"])
	waitFor[bool](maria, 10*time.Second, "her presence read", `document.getElementById("presence-status").textContent.startsWith("You are")`)
	maria.do(chromedp.Click(chromedp.CSS(`#presence button[value="online"]`)))
	waitFor[bool](maria, 10*time.Second, "presence online", `document.querySelector('#presence button[value="online"]').getAttribute("aria-pressed") === "true"`)
	if st := agentState(t, e, "maria"); st.Presence != handoff.PresenceOnline {
		t.Fatalf("maria's presence after the button: %s", st.Presence)
	}
	maria.axeCatches()
	maria.checkA11y("agent page, no offer")
	maria.clean("after signing in")

	james.signIn(e.API.URL, e.Secrets["james"])
	waitFor[bool](james, 10*time.Second, "his page read", `document.getElementById("presence-status").textContent.startsWith("You are")`)
	sup.signIn(e.API.URL, e.Secrets["operator"])
	waitFor[bool](sup, 10*time.Second, "the people", `!!document.querySelector('#people-table tr[data-agent="maria"][data-presence="online"]')`)
	waitFor[bool](sup, 10*time.Second, "live updates", `document.getElementById("live").classList.contains("on")`)
	sup.checkA11y("supervisor page, no handoff")

	// 2. A handoff started through the API reaches maria's page by itself.
	in := testenv.Sample(t, "seller-distress.json")
	in.ConversationID = conv
	started := time.Now()
	if status, body := e.Do(t, "POST", "/v1/handoffs", in.SourceAgent, in); status != http.StatusCreated {
		t.Fatalf("start: %d %s", status, body)
	}
	shownMs := waitFor[float64](maria, 20*time.Second, "the offer", `(() => { const c = document.querySelector('`+offerCard+`'); return c && Number(c.dataset.shownAt); })()`)
	shown := time.UnixMilli(int64(shownMs))
	st := e.WaitFor(t, conv, 10*time.Second, "maria's offer", func(s handoff.State) bool {
		return s.CurrentOffer != nil && s.CurrentOffer.Agent == "maria"
	})
	offerToShown, startToShown := shown.Sub(st.CurrentOffer.StartedAt), shown.Sub(started)
	t.Logf("the offer showed in maria's page %s after it was made (%s after the start call)", offerToShown.Round(time.Millisecond), startToShown.Round(time.Millisecond))
	if offerToShown > time.Second {
		t.Errorf("the offer took %s to show in maria's page, want within 1s", offerToShown)
	}
	countdown := eval[string](maria, `document.querySelector('`+offerCard+` .countdown').textContent`)
	if !regexp.MustCompile(`^1:[0-5][0-9]$|^2:00$`).MatchString(countdown) {
		t.Errorf("countdown %q, want about 2:00 (the offer timeout)", countdown)
	}
	if brief := eval[string](maria, `document.querySelector('`+offerCard+` .brief').textContent`); !strings.Contains(brief, "jorge_seller_bot") && len(brief) < 20 {
		t.Errorf("the offer's brief reads %q", brief)
	}
	maria.checkA11y("agent page with an offer")
	maria.screenshot(shots, "agent-offer.png")
	maria.phone(func() {
		maria.checkA11y("agent page with an offer, phone width")
		maria.screenshot(shots, "agent-offer-phone.png")
	})
	waitFor[bool](sup, 10*time.Second, "the handoff awaiting acceptance", `!!document.querySelector('#board section[data-group="offering"] li[data-conversation="`+conv+`"][data-phase="awaiting_acceptance"]')`)

	// 5. james, signed in beside her, sees none of it.
	if n := eval[int](james, `document.querySelectorAll("#offers article").length`); n != 0 {
		t.Errorf("james's page shows %d offers", n)
	}
	if got := james.streamed(conv); len(got) != 0 {
		t.Errorf("james's event stream carries maria's handoff: %v", got)
	}
	if got := maria.streamed(conv); !slices.Contains(got, "handoff.offer_made") {
		t.Errorf("maria's event stream replays %v, want her offer among them", got)
	}
	for path, want := range map[string]int{"/v1/agents/maria/offers": 403, "/v1/agents/maria": 403, "/v1/handoffs/" + conv: 403, "/v1/agents": 403} {
		if got := james.fetchStatus(path); got != want {
			t.Errorf("james's session reading %s: %d, want %d", path, got, want)
		}
	}
	if got := maria.fetchStatus("/v1/handoffs/" + conv); got != 200 {
		t.Errorf("maria's session reading her handoff: %d", got)
	}

	// 3. She accepts by keyboard: Tab from where she is to the offer's Accept button, then Enter.
	maria.tabTo(offerCard+" button.accept", 40)
	maria.do(chromedp.KeyEvent("\r"))
	waitFor[bool](maria, 30*time.Second, "her conversation", `!!document.querySelector('`+convCard+`[data-state="assigned"] button.release') && !document.querySelector('`+offerCard+`')`)
	waitFor[bool](sup, 30*time.Second, "the handoff monitored", `!!document.querySelector('#board section[data-group="monitoring"] `+boardItem+`[data-phase="monitoring"]')`)
	waitFor[bool](sup, 10*time.Second, "maria's load", `(document.querySelector('#people-table tr[data-agent="maria"]') || {}).textContent.includes("`+conv+`")`)
	sup.checkA11y("supervisor page, handoff in monitoring")
	sup.screenshot(shots, "supervisor.png")

	// While the window runs, she marks a required field as missing from what she got, then
	// says the context reached her after all; she releases the conversation further down.
	field := eval[string](maria, `document.querySelector('`+convCard+` fieldset input[type="checkbox"]').value`)
	maria.do(chromedp.Click(chromedp.CSS(convCard+" details.missing summary")),
		chromedp.Click(chromedp.CSS(convCard+` fieldset input[type="checkbox"]`)), chromedp.Click(chromedp.CSS(convCard+" button.ack-missing")))
	marked := waitFor[string](maria, 15*time.Second, "the missing field acknowledged", `(document.querySelector('`+convCard+` .ack') || {}).textContent`)
	if !strings.Contains(marked, "missing "+field) {
		t.Errorf("after marking %s missing the page reads %q", field, marked)
	}
	if hs := e.WaitFor(t, conv, 10*time.Second, "the ack", func(s handoff.State) bool { return s.Context != nil && s.Context.Ack != nil }); !slices.Equal(hs.Context.Ack.Missing, []string{field}) {
		t.Errorf("the handoff recorded missing %v, want [%s]", hs.Context.Ack.Missing, field)
	}
	maria.do(chromedp.Click(chromedp.CSS(convCard + " button.ack-all")))
	ack := waitFor[string](maria, 15*time.Second, "the acknowledgement of everything", `(() => { const a = document.querySelector('`+convCard+` .ack'); return a && !a.textContent.includes("missing") && a.textContent; })()`)
	if !strings.Contains(ack, "fields intact") {
		t.Errorf("acknowledgement reads %q", ack)
	}
	if hs := e.WaitFor(t, conv, 10*time.Second, "the second ack", func(s handoff.State) bool {
		return s.Context != nil && s.Context.Ack != nil && len(s.Context.Ack.Missing) == 0
	}); hs.Context.Ack.Score < 1 && hs.Context.Repeats == 0 {
		t.Errorf("everything acknowledged, yet preservation %v", hs.Context.Ack.Score)
	}

	// Her page and the supervisor's, looked at and checked while she holds the conversation.
	maria.checkA11y("agent page with a conversation")
	maria.screenshot(shots, "agent-conversation.png")
	maria.phone(func() {
		eval[bool](maria, `document.getElementById("convs-h").scrollIntoView(); true`)
		maria.checkA11y("agent page with a conversation, phone width")
		maria.screenshot(shots, "agent-conversation-phone.png")
	})
	sup.phone(func() {
		sup.checkA11y("supervisor page, phone width")
		sup.screenshot(shots, "supervisor-phone.png")
	})

	maria.do(chromedp.Click(chromedp.CSS(convCard + " button.release")))
	waitFor[bool](maria, 15*time.Second, "the conversation released", `!document.querySelector('`+convCard+`')`)
	if st := agentState(t, e, "maria"); len(st.Reservations) != 0 {
		t.Errorf("maria still holds %+v after releasing", st.Reservations)
	}
	maria.clean("while working")

	// 4. The supervisor saw the handoff go through its phases to the end.
	trail := waitFor[string](sup, 40*time.Second, "the handoff closed", `(() => { const li = document.querySelector('#board section[data-group="closed"] `+boardItem+`[data-outcome="completed"]'); return li && li.dataset.trail; })()`)
	phases := strings.Fields(trail)
	i, j, k := slices.Index(phases, "awaiting_acceptance"), slices.Index(phases, "monitoring"), slices.Index(phases, "closed")
	if i < 0 || j < i || k < j || phases[0] != "analyzing" {
		t.Errorf("the supervisor's trail of the handoff: %q, want analyzing ... awaiting_acceptance ... monitoring ... closed", trail)
	}
	if href := eval[string](sup, `document.querySelector('#board `+boardItem+` a').href`); !strings.HasPrefix(href, e.Cfg.Codec.UIOrigin+"/namespaces/default/workflows/handoff-"+conv+"/") {
		t.Errorf("the Web UI link is %q", href)
	}

	// Its statistics, once the worker has recorded it.
	waitForStats(t, e)
	sup.do(chromedp.Click(chromedp.CSS(`#stats-form button[type="submit"]`)))
	waitFor[bool](sup, 15*time.Second, "the statistics", `(document.querySelector("#stats-body .summary") || {}).textContent.startsWith("1 handoff;") && [...document.querySelectorAll("#stats-body canvas")].every(c => Chart.getChart(c)) && document.querySelectorAll("#stats-body canvas").length >= 3`)
	if n := eval[int](sup, `document.querySelectorAll("#stats-body table.targets tbody tr").length`); n != len(analytics.SeedTargets()) {
		t.Errorf("the targets table has %d rows, want the %d seed targets", n, len(analytics.SeedTargets()))
	}
	sup.checkA11y("supervisor page with statistics")
	eval[bool](sup, `document.getElementById("stats").scrollIntoView(); true`)
	sup.screenshot(shots, "supervisor-stats.png")
	sup.clean("at the end")
	james.clean("at the end")

	// Signing out ends the session: the sign-in page, and the API refuses the browser.
	maria.do(chromedp.Click(chromedp.CSS(`form.signout button`)), chromedp.WaitVisible(chromedp.CSS("#token")))
	if got := maria.fetchStatus("/v1/agents/maria"); got != 401 {
		t.Errorf("after signing out, maria's browser reads her state: %d", got)
	}
	t.Logf("screenshots in %s", shots)

	// Everything the API, the worker and the agents logged meanwhile names no customer and
	// holds no token or session.
	all := string(logs.Bytes())
	secrets := []string{in.Customer.Name, in.Customer.Phone, in.Customer.Email, e.Secrets["maria"], e.Secrets["james"], e.Secrets["operator"]}
	for _, s := range secrets {
		if s != "" && strings.Contains(all, s) {
			t.Errorf("the logs hold %.12q…", s)
		}
	}
	if !strings.Contains(all, `"route":"POST /console/login"`) || !strings.Contains(all, `"principal":"maria"`) {
		t.Errorf("the request log does not show the console's requests (%d bytes of logs)", len(all))
	}
}

// TestBrowserConsoleWithoutTheStream: with no event stream configured the agent's page says
// live updates are unavailable and reads again every few seconds, so an offer still shows.
func TestBrowserConsoleWithoutTheStream(t *testing.T) {
	chromium := requireChromium(t)
	axe := requireAxe(t)
	e := testenv.Start(t, testenv.Options{Handoff: map[string]any{"offer_timeout": "2m", "initial_presence": "offline"}})
	maria := newBrowser(t, chromium, axe).tab("maria")
	maria.signIn(e.API.URL, e.Secrets["maria"])
	maria.do(chromedp.Click(chromedp.CSS(`#presence button[value="online"]`)))
	waitFor[bool](maria, 10*time.Second, "the page saying live updates are off", `document.getElementById("live").textContent.includes("unavailable")`)
	waitFor[bool](maria, 10*time.Second, "presence online", `document.querySelector('#presence button[value="online"]').getAttribute("aria-pressed") === "true"`)
	in := testenv.Sample(t, "seller-distress.json")
	if status, body := e.Do(t, "POST", "/v1/handoffs", in.SourceAgent, in); status != http.StatusCreated {
		t.Fatalf("start: %d %s", status, body)
	}
	waitFor[bool](maria, 20*time.Second, "the offer, read again without the stream", `!!document.querySelector('#offers article[data-conversation="`+in.ConversationID+`"]')`)
	maria.clean("without the stream")
}

// TestBrowserSupervisorQueues: with the example's queue and nobody online, a handoff waits in
// human_agent's queue; the supervisor's page shows the queue and the handoff with its reassign
// control (checked by axe, at phone width too), and reassigning goes to the server, which
// refuses a person who is offline.
func TestBrowserSupervisorQueues(t *testing.T) {
	chromium := requireChromium(t)
	axe := requireAxe(t)
	e := testenv.Start(t, testenv.Options{EventStream: true, Queues: true,
		Handoff: map[string]any{"offer_timeout": "2m", "initial_presence": "offline"}})
	sup := newBrowser(t, chromium, axe).tab("operator")
	sup.signIn(e.API.URL, e.Secrets["operator"])
	waitFor[bool](sup, 10*time.Second, "the human_agent queue", `!!document.querySelector('#queues #queues-table tr[data-group="human_agent"]')`)
	in := testenv.Sample(t, "seller-distress.json")
	if status, body := e.Do(t, "POST", "/v1/handoffs", in.SourceAgent, in); status != http.StatusCreated {
		t.Fatalf("start: %d %s", status, body)
	}
	waiting := `#queues li[data-conversation="` + in.ConversationID + `"]`
	waitFor[bool](sup, 20*time.Second, "the waiting handoff", `!!document.querySelector('`+waiting+` form.reassign select option[value="maria"]') && document.querySelector('#queues-table tr[data-group="human_agent"]').dataset.waiting === "1"`)
	sup.checkA11y("supervisor page, a handoff waiting in a queue")
	sup.phone(func() {
		eval[bool](sup, `document.getElementById("queues").scrollIntoView(); true`)
		sup.checkA11y("supervisor page, a handoff waiting in a queue, phone width")
	})
	// Reassign by keyboard: the select takes maria, then Enter submits; the page shows the answer.
	sup.tabTo(waiting+" select", 60)
	eval[bool](sup, `(() => { const s = document.activeElement; s.value = "maria"; s.dispatchEvent(new Event("change")); return true; })()`)
	sup.do(chromedp.KeyEvent("\t"), chromedp.KeyEvent("\r"))
	note := waitFor[string](sup, 15*time.Second, "the reassign answer", `document.getElementById("queues-note").textContent`)
	t.Logf("after reassigning to maria (offline) the page reads %q", note)
	if !strings.Contains(note, in.ConversationID) || !strings.Contains(note, "maria is offline") {
		t.Errorf("the reassign answer reads %q, want the refusal for an offline person", note)
	}
	sup.clean("with queues")
}

// tabTo presses Tab until the element has the focus, at most presses times.
func (tb *tab) tabTo(selector string, presses int) {
	tb.t.Helper()
	for range presses {
		tb.do(chromedp.KeyEvent("\t"))
		if eval[bool](tb, `document.activeElement.matches('`+selector+`')`) {
			return
		}
	}
	tb.t.Fatalf("%s's page: %s not reached with %d presses of Tab (focus on %s)", tb.name, selector, presses,
		eval[string](tb, `document.activeElement.outerHTML.slice(0, 120)`))
}

func agentState(t *testing.T, e *testenv.Env, agent string) handoff.AgentState {
	t.Helper()
	status, body := e.Do(t, "GET", "/v1/agents/"+agent, "operator", nil)
	var st handoff.AgentState
	if status != http.StatusOK || json.Unmarshal(body, &st) != nil {
		t.Fatalf("state of %s: %d %s", agent, status, body)
	}
	return st
}

// waitForStats polls the API until the handoff log has recorded the one handoff.
func waitForStats(t *testing.T, e *testenv.Env) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		status, body := e.Do(t, "GET", "/v1/stats", "operator", nil)
		var rep analytics.Report
		if status == http.StatusOK && json.Unmarshal(body, &rep) == nil && rep.Total.Handoffs == 1 {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the handoff log never showed the handoff: %d %s", status, body)
		case <-tick.C:
		}
	}
}
