// The supervisor's page: live handoffs grouped by phase, each linked to its run in the
// Temporal Web UI, and the people with their presence and load. It starts from the API's
// lists and follows the event stream (replayed from the hub's kept events, so phases a
// handoff went through before the page opened show in its trail too). The queues show what
// waits in each and let the supervisor reassign a waiting handoff to a person of the roster.
"use strict";

(() => {
  const { boot, api, el, announce } = H;
  const board = document.getElementById("board");

  // The phases in the workflow's order, grouped as a supervisor reads them.
  const groups = [
    { name: "Deciding", phases: ["analyzing", "selecting", "awaiting_confirmation", "checking_availability"] },
    { name: "Offering", phases: ["preparing_customer", "briefing", "awaiting_acceptance"] },
    { name: "Transferring", phases: ["confirming"] },
    { name: "Monitoring", phases: ["monitoring", "recording"] },
    { name: "Closed", phases: ["closed"] },
  ];
  const closedShown = 20;
  const closedKept = 200;

  // handoffs by handoff ID (workflow ID "/" run ID).
  const handoffs = new Map();

  function entry(id) {
    let h = handoffs.get(id);
    if (!h) {
      const [workflowId, runId] = id.split("/");
      h = { id, workflowId, runId, conversation: workflowId.replace(/^handoff-/, ""), events: new Map(), lastSeq: 0 };
      handoffs.set(id, h);
    }
    return h;
  }

  function fromList(s) {
    const h = entry(s.workflow_id + "/" + s.run_id);
    h.conversation = s.conversation_id || h.conversation;
    h.source = h.source || s.source;
    h.target = h.target || s.target;
    h.started = s.started_at;
    h.closed = s.closed_at || h.closed;
    // The list's phase comes from search attributes (set at milestones); an event is newer.
    if (!h.lastSeq) {
      h.phase = s.status === "running" ? s.phase : "closed";
      h.outcome = s.outcome || h.outcome;
    }
  }

  function onEvent(e) {
    const h = entry(e.handoff_id);
    h.conversation = e.conversation_id;
    h.source = e.source;
    h.events.set(e.seq, e.phase);
    if (e.type === "handoff.offer_made") h.offered = e.agent;
    if (e.type === "handoff.owner_changed") h.owner = e.agent;
    if (e.type === "handoff.outcome") {
      h.outcome = e.outcome;
      h.closed = e.at;
    }
    if (!h.started || e.seq === 1) h.started = h.started || e.at;
    if (e.seq >= h.lastSeq) {
      h.lastSeq = e.seq;
      h.phase = e.type === "handoff.outcome" ? "closed" : e.phase;
    }
    if (e.type === "handoff.outcome") announce("Handoff of conversation " + e.conversation_id + " closed: " + e.outcome + ".");
    draw();
    if (e.type !== "handoff.phase") peopleSoon();
    queuesSoon();
  }

  // trail lists the phases a handoff's events went through, in order, once each.
  function trail(h) {
    const out = [];
    for (const seq of [...h.events.keys()].sort((a, b) => a - b)) {
      const p = h.events.get(seq);
      if (p && out[out.length - 1] !== p) out.push(p);
    }
    if (h.phase === "closed" && out[out.length - 1] !== "closed") out.push("closed");
    return out;
  }

  function uiLink(h) {
    if (!boot.temporal_ui || !h.runId) return null;
    const href = boot.temporal_ui + "/namespaces/" + encodeURIComponent(boot.namespace || "default") + "/workflows/" +
      encodeURIComponent(h.workflowId) + "/" + encodeURIComponent(h.runId) + "/history";
    return el("a", { href, target: "_blank", rel: "noopener noreferrer" }, "Open in Temporal Web UI",
      el("span", { class: "visually-hidden" }, " (conversation " + h.conversation + ", opens a new tab)"));
  }

  function item(h) {
    const who = [h.source, h.owner || h.offered || h.target].filter(Boolean).join(" → ");
    const t = trail(h);
    return el("li", { "data-conversation": h.conversation, "data-handoff": h.id, "data-phase": h.phase || "",
      "data-outcome": h.outcome || "", "data-trail": t.join(" ") },
      el("strong", {}, h.conversation), " ", el("span", { class: "badge" }, h.outcome || h.phase || "unknown"),
      el("div", {}, who || "agents not known yet"),
      t.length > 1 ? el("div", { class: "trail" }, "Phases: " + t.join(" → ")) : null,
      el("div", { class: "trail" }, h.started ? "Started " + H.time(h.started) : "", h.closed ? ", closed " + H.time(h.closed) : ""),
      uiLink(h));
  }

  // draw coalesces a burst of events (a batch) into one redraw. A timer rather than an
  // animation frame: a supervisor's page left in a background tab still keeps up.
  let drawPending = false;
  function draw() {
    if (drawPending) return;
    drawPending = true;
    window.setTimeout(() => {
      drawPending = false;
      const byGroup = groups.map(() => []);
      for (const h of handoffs.values()) {
        const i = groups.findIndex((g) => g.phases.includes(h.phase));
        byGroup[i < 0 ? 0 : i].push(h);
      }
      // A page open all shift keeps the latest closed handoffs only.
      const closed = byGroup[groups.length - 1];
      if (closed.length > closedKept) {
        closed.sort((a, b) => String(b.started || "").localeCompare(String(a.started || "")));
        for (const h of closed.splice(closedKept)) handoffs.delete(h.id);
      }
      const sections = groups.map((g, i) => {
        let list = byGroup[i].sort((a, b) => String(b.started || "").localeCompare(String(a.started || "")));
        if (g.name === "Closed") list = list.slice(0, closedShown);
        const id = "phase-" + g.name.toLowerCase();
        return el("section", { "aria-labelledby": id + "-h", "data-group": g.name.toLowerCase() },
          el("h3", { id: id + "-h" }, g.name + " ", el("span", { class: "count" }, "(" + byGroup[i].length + ")")),
          list.length ? el("ul", {}, list.map(item)) : el("p", { class: "empty" }, "None."));
      });
      // Redrawing must not drop a keyboard user's place: focus returns to the same link.
      const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest("#board li");
      const keep = focused ? focused.dataset.handoff : "";
      board.replaceChildren(...sections);
      if (keep) {
        const back = [...board.querySelectorAll("li")].find((li) => li.dataset.handoff === keep);
        const link = back && back.querySelector("a");
        if (link) link.focus();
      }
    }, 30);
  }

  // --- people -----------------------------------------------------------------------------

  async function loadPeople() {
    const body = document.querySelector("#people-table tbody");
    try {
      const { people } = await api("GET", "/v1/agents");
      const ids = people.map((p) => p.agent_id);
      if (ids.join(" ") !== roster.join(" ")) {
        roster = ids;
        drawQueues();
      }
      body.replaceChildren(...people.map((p) => el("tr", { "data-agent": p.agent_id, "data-presence": p.presence || "" },
        el("th", { scope: "row" }, p.agent_id, el("span", { class: "badge" }, p.kind)),
        el("td", {}, p.error ? el("span", { class: "error" }, "unread: " + p.error)
          : el("span", { class: "badge " + p.presence }, p.presence)),
        el("td", {}, (p.offered + p.assigned) + " / " + p.capacity),
        el("td", {}, String(p.offered)),
        el("td", { class: "wrap" }, p.assigned ? (p.reservations || []).filter((r) => r.state === "assigned")
          .map((r) => r.conversation_id).join(", ") : "None"))));
    } catch (err) {
      body.replaceChildren(el("tr", {}, el("td", { colspan: "5", class: "error" }, "Could not read the people: " + err.message)));
    }
  }
  const peopleSoon = H.debounce(loadPeople, 300);
  // Presence changes send no event: read the people again now and then.
  window.setInterval(loadPeople, 10000);

  // --- queues -----------------------------------------------------------------------------

  // The roster (every person /v1/agents lists) is whom a waiting handoff can be reassigned to;
  // the server, not the page, says whether that person can take it.
  let roster = [];
  let queues = null; // the last GET /v1/queues, or an Error
  const queuesBody = document.getElementById("queues-body");
  const queuesNote = document.getElementById("queues-note");
  // The person chosen in each reassign control, by conversation, kept across redraws.
  const chosen = new Map();

  const pct = (x) => (x === undefined || x === null ? null : Math.round(x * 100) + " %");

  function reassignForm(group, h) {
    const id = "reassign-" + group + "-" + h.position;
    const select = el("select", { id, name: "agent_id", "data-conversation": h.conversation_id,
      onchange: (e) => chosen.set(h.conversation_id, e.target.value) },
      el("option", { value: "" }, "Choose a person"),
      roster.map((a) => el("option", { value: a }, a)));
    select.value = chosen.get(h.conversation_id) || "";
    return el("form", { class: "reassign", "data-conversation": h.conversation_id, onsubmit: (e) => reassign(e, h.conversation_id) },
      el("label", { for: id }, "Reassign ", el("span", { class: "visually-hidden" }, "conversation " + h.conversation_id + " "), "to"),
      select,
      el("button", { type: "submit", class: "secondary" }, "Reassign",
        el("span", { class: "visually-hidden" }, " conversation " + h.conversation_id)));
  }

  async function reassign(e, conv) {
    e.preventDefault();
    const form = e.target;
    const agent = form.elements.agent_id.value;
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      await api("POST", "/v1/handoffs/" + encodeURIComponent(conv) + "/reassign", { agent_id: agent });
      chosen.delete(conv);
      queuesNote.className = "note";
      queuesNote.textContent = "Conversation " + conv + " reassigned to " + agent + "; the offer to them follows.";
    } catch (err) {
      queuesNote.className = "error";
      queuesNote.textContent = "Could not reassign conversation " + conv + ": " + err.message;
    } finally {
      button.disabled = false;
      queuesSoon();
    }
  }

  function queueRow(q) {
    const sl = q.service_level === undefined || q.service_level === null ? "no answers yet"
      : pct(q.service_level) + " within " + q.service_level_threshold;
    return el("tr", { "data-group": q.group, "data-waiting": q.waiting },
      el("th", { scope: "row" }, q.group, q.running ? null : el("span", { class: "badge" }, "not started")),
      el("td", {}, String(q.waiting), q.offered ? " (" + q.offered + " offered)" : ""),
      el("td", {}, H.clock(q.longest_wait_seconds)),
      el("td", {}, H.clock(q.average_wait_seconds)),
      el("td", {}, sl),
      el("td", {}, q.people_available + " of " + q.people_online + " online"),
      el("td", {}, pct(q.occupancy) || "nobody online"));
  }

  function waitingList(q) {
    const next = q.next || [];
    const id = "waiting-" + q.group + "-h";
    return el("section", { "aria-labelledby": id, "data-group": q.group },
      el("h3", { id }, "Waiting for " + q.group + " ", el("span", { class: "count" }, "(" + q.waiting + ")")),
      next.length ? el("ul", { class: "waiting" }, next.map((h) => el("li", { "data-conversation": h.conversation_id },
        el("strong", {}, h.position + ". " + h.conversation_id), " ",
        el("span", { class: "badge" }, "priority " + h.priority),
        el("div", { class: "trail" }, "Waited " + H.clock(h.wait_seconds)),
        reassignForm(q.group, h))))
        : el("p", { class: "empty" }, "Nobody waiting."),
      q.waiting > next.length ? el("p", { class: "muted" }, "The first " + next.length + " of " + q.waiting + " shown.") : null);
  }

  // A redraw would close a person's open choice: while the focus is in a reassign control the
  // page waits for it to leave.
  let queuesPending = false;
  function drawQueues() {
    const active = document.activeElement;
    if (active && active.closest && active.closest("#queues-body form.reassign")) {
      queuesPending = true;
      return;
    }
    queuesPending = false;
    if (queues === null) return;
    if (queues instanceof Error) {
      queuesBody.replaceChildren(el("p", { class: "error" }, "Could not read the queues: " + queues.message));
      return;
    }
    const list = queues.queues || [];
    if (!list.length) {
      queuesBody.replaceChildren(el("p", { class: "empty" }, "No queues are configured (queues[] in the config)."));
      return;
    }
    queuesBody.replaceChildren(
      el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "Queues table" },
        el("table", { id: "queues-table" },
          el("caption", { class: "visually-hidden" }, "Each queue's waiting handoffs, waits, service level and people"),
          el("thead", {}, el("tr", {}, ["Queue", "Waiting", "Longest wait", "Average wait", "Service level", "Available", "Occupancy"]
            .map((c) => el("th", { scope: "col" }, c)))),
          el("tbody", {}, list.map(queueRow)))),
      ...list.map(waitingList));
  }
  queuesBody.addEventListener("focusout", (e) => {
    const next = e.relatedTarget;
    if (queuesPending && !(next && next.closest && next.closest("#queues-body form.reassign"))) window.setTimeout(drawQueues, 0);
  });

  async function loadQueues() {
    try {
      queues = await api("GET", "/v1/queues");
    } catch (err) {
      queues = err;
    }
    drawQueues();
  }
  const queuesSoon = H.debounce(loadQueues, 300);
  // A queue's changes (a wait growing, a priority aging) send no event: read them every few seconds.
  window.setInterval(loadQueues, 5000);

  // --- start ------------------------------------------------------------------------------

  async function loadLists() {
    try {
      const [running, closed] = await Promise.all([
        api("GET", "/v1/handoffs?status=running"),
        api("GET", "/v1/handoffs?status=closed&limit=" + closedShown),
      ]);
      queuesSoon();
      for (const s of [...running.handoffs, ...closed.handoffs]) fromList(s);
      draw();
    } catch (err) {
      board.replaceChildren(el("p", { class: "error" }, "Could not list the handoffs: " + err.message));
    }
  }

  document.getElementById("ui-note").textContent = boot.temporal_ui
    ? "Each handoff links to its run in the Temporal Web UI at " + boot.temporal_ui + "."
    : "No Temporal Web UI is configured (codec.ui_origin), so handoffs are not linked to it.";
  draw();
  loadPeople();
  loadQueues();
  // last_event_id=0: the hub's kept events first, so trails start before the page opened.
  H.stream("/v1/events/stream?last_event_id=0", onEvent, loadLists);
})();
