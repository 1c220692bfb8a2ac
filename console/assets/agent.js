// The agent's page: presence, live offers (brief, countdown, accept or decline with a reason)
// and "my conversations" (context acknowledgement, release). Everything is read from the API
// with the person's own session, which answers only what is theirs; the event stream (scoped
// the same way) says when to read again.
"use strict";

(() => {
  const { boot, api, el, announce } = H;
  const me = boot.agent;
  const enc = encodeURIComponent;
  const offersBox = document.getElementById("offers");
  const convsBox = document.getElementById("conversations");
  const presenceBox = document.getElementById("presence");
  const presenceStatus = document.getElementById("presence-status");

  const declineLabels = {
    busy: "Busy", not_qualified: "Not qualified", language: "Language", conflict_of_interest: "Conflict of interest",
    end_of_shift: "End of shift", wrong_team: "Wrong team", other: "Other",
  };
  const releaseReasons = { resolved: "Resolved", customer_left: "Customer left", other: "Other" };

  const offerCards = new Map(); // handoff_id -> card
  const convCards = new Map(); // conversation_id -> {card, sig}
  const pending = new Set(); // accepted here, not yet assigned
  const states = new Map(); // conversation_id -> handoff state

  function showError(card, err) {
    const p = card.querySelector(".error");
    p.textContent = err ? (err.message || String(err)) : "";
    p.hidden = !err;
  }

  // --- presence ---------------------------------------------------------------------------

  function showPresence(st) {
    for (const b of presenceBox.querySelectorAll("button")) {
      b.setAttribute("aria-pressed", String(b.value === st.presence));
    }
    const held = (st.reservations || []).length;
    presenceStatus.textContent = "You are " + st.presence + (st.presence_since ? " since " + H.time(st.presence_since) : "") +
      ". Holding " + held + " of " + st.capacity + ".";
  }

  presenceBox.addEventListener("click", async (ev) => {
    const b = ev.target.closest("button");
    if (!b) return;
    try {
      const st = await api("POST", "/v1/agents/" + enc(me) + "/presence", { presence: b.value });
      showPresence(st);
      announce("You are " + st.presence + ".");
    } catch (err) {
      presenceStatus.textContent = "Presence not changed: " + err.message;
    }
  });

  // --- offers -----------------------------------------------------------------------------

  function offerCard(o) {
    const id = "offer-" + o.handoff_id.replace(/[^A-Za-z0-9_-]/g, "_");
    const reason = el("select", { id: id + "-reason", "aria-label": "Reason to decline" },
      el("option", { value: "" }, "Choose a reason"),
      [...boot.decline_codes, "other"].map((c) => el("option", { value: c }, declineLabels[c] || c)));
    const card = el("article", { class: "card offer", "aria-labelledby": id + "-h", "data-conversation": o.conversation_id,
      "data-handoff": o.handoff_id, "data-shown-at": String(Date.now()) },
      el("h3", { id: id + "-h" }, "Conversation " + o.conversation_id, o.urgent ? el("span", { class: "badge urgent" }, "urgent") : null),
      el("dl", { class: "facts" },
        el("dt", {}, "From"), el("dd", {}, o.source || "unknown"),
        o.scenario ? [el("dt", {}, "Scenario"), el("dd", {}, o.scenario)] : null,
        el("dt", {}, "Offered"), el("dd", {}, H.time(o.since)),
        el("dt", {}, "Answer within"),
        el("dd", {}, el("span", { class: "countdown", role: "timer", "data-expires": o.offer_expires_at || "" }, "…"))),
      // The answer comes before the brief, so it is in view on a phone without scrolling.
      el("div", { class: "row" },
        el("button", { type: "button", class: "accept", onclick: () => accept(o, card) }, "Accept"),
        reason,
        el("button", { type: "button", class: "secondary decline", onclick: () => decline(o, card, reason) }, "Decline")),
      el("p", { class: "error", role: "alert", hidden: true }),
      o.brief ? el("div", { class: "brief", role: "note", "aria-label": "Brief" }, o.brief) : el("p", { class: "muted" }, "No brief was given."),
      (o.reasons || []).length ? el("details", {}, el("summary", {}, "Why it came to you"), el("ul", {}, o.reasons.map((r) => el("li", {}, r)))) : null);
    return card;
  }

  async function accept(o, card) {
    showError(card, null);
    for (const b of card.querySelectorAll("button")) b.disabled = true;
    try {
      await api("POST", "/v1/handoffs/" + enc(o.conversation_id) + "/accept");
      pending.add(o.conversation_id);
      announce("You accepted conversation " + o.conversation_id + ". It moves to your conversations.");
      refresh();
    } catch (err) {
      showError(card, err);
      for (const b of card.querySelectorAll("button")) b.disabled = false;
    }
  }

  async function decline(o, card, select) {
    showError(card, null);
    if (!select.value) {
      showError(card, new Error("Choose a reason to decline."));
      select.focus();
      return;
    }
    try {
      await api("POST", "/v1/handoffs/" + enc(o.conversation_id) + "/decline", { reason: select.value });
      announce("You declined conversation " + o.conversation_id + ".");
      refresh();
    } catch (err) {
      showError(card, err);
    }
  }

  function showOffers(list) {
    const seen = new Set();
    for (const o of list) {
      seen.add(o.handoff_id);
      if (!offerCards.has(o.handoff_id)) {
        const card = offerCard(o);
        offerCards.set(o.handoff_id, card);
        offersBox.append(card);
        announce("New offer: conversation " + o.conversation_id + " from " + (o.source || "a bot") + ".");
      }
    }
    for (const [id, card] of offerCards) {
      if (!seen.has(id)) {
        card.remove();
        offerCards.delete(id);
      }
    }
    offersBox.querySelector(".empty").hidden = offerCards.size > 0;
    document.getElementById("offers-count").textContent = offerCards.size ? "(" + offerCards.size + ")" : "";
    tick();
  }

  // tick counts each offer down to its timeout; at zero the list is read again.
  function tick() {
    for (const c of offersBox.querySelectorAll(".countdown")) {
      if (!c.dataset.expires) {
        c.textContent = "no timeout given";
        continue;
      }
      const left = (new Date(c.dataset.expires).getTime() - Date.now()) / 1000;
      c.textContent = left > 0 ? H.clock(left) : "expired";
      c.classList.toggle("soon", left < 15);
      if (left <= 0 && !c.dataset.done) {
        c.dataset.done = "1";
        refresh();
      }
    }
  }
  window.setInterval(tick, 1000);

  // --- my conversations -------------------------------------------------------------------

  function contextPart(conv, st) {
    const cx = st && st.context;
    if (!cx) return el("p", { class: "muted" }, "The context arrives with the transfer.");
    const required = (boot.templates || {})[cx.template] || [];
    const id = "ctx-" + conv.replace(/[^A-Za-z0-9_-]/g, "_");
    const ack = cx.ack;
    const part = el("div", { class: "context" },
      el("p", {}, "Context template " + cx.template + ", " + Math.round(cx.completeness * 100) + "% complete as sent."),
      cx.flag ? el("p", { class: "error" }, cx.flag) : null,
      ack ? el("p", { class: "note ack" }, "You acknowledged it: " + (ack.intact || []).length + " of " + ack.required + " fields intact" +
        ((ack.missing || []).length ? "; missing " + ack.missing.join(", ") : "") + ".") : null);
    if (required.length) {
      // Folded: most contexts arrive whole, and the list is long on a phone.
      part.append(el("details", { class: "missing" },
        el("summary", {}, "Something missing? Mark the fields"),
        el("fieldset", {},
          el("legend", {}, "Fields missing from what you received"),
          required.map((f, i) => el("label", { for: id + "-" + i },
            el("input", { type: "checkbox", id: id + "-" + i, value: f }), el("span", {}, f))))));
    }
    part.append(el("div", { class: "row" },
      el("button", { type: "button", class: "secondary ack-all", onclick: (ev) => ackContext(conv, ev.target, []) }, "Context received"),
      required.length ? el("button", { type: "button", class: "secondary ack-missing", onclick: (ev) => {
        const missing = [...part.querySelectorAll("input:checked")].map((i) => i.value);
        ackContext(conv, ev.target, missing);
      } }, "Report missing fields") : null));
    return part;
  }

  async function ackContext(conv, button, missing) {
    const card = button.closest("article");
    showError(card, null);
    if (button.classList.contains("ack-missing") && missing.length === 0) {
      showError(card, new Error("Tick the fields you are missing first."));
      return;
    }
    try {
      const st = await api("POST", "/v1/handoffs/" + enc(conv) + "/context_ack", missing.length ? { missing } : {});
      states.set(conv, st);
      announce(missing.length ? "Reported " + missing.length + " missing fields; they are sent again." : "Context acknowledged.");
      render();
    } catch (err) {
      showError(card, err);
    }
  }

  async function release(conv, card, select) {
    showError(card, null);
    try {
      await api("POST", "/v1/agents/" + enc(me) + "/release", { conversation_id: conv, reason: select.value });
      announce("You released conversation " + conv + ".");
      refresh();
    } catch (err) {
      showError(card, err.status === 409 ? new Error(err.message + " (it is still moving to you; try again in a moment)") : err);
    }
  }

  async function handBack(conv, card, summary) {
    showError(card, null);
    if (!summary.value.trim()) {
      showError(card, new Error("Say what you promised or changed, for the bot that takes over."));
      return;
    }
    try {
      await api("POST", "/v1/conversations/" + enc(conv) + "/handback", { summary: { notes: summary.value.trim() } });
      announce("You handed conversation " + conv + " back to the bot.");
      refresh();
    } catch (err) {
      showError(card, err);
    }
  }

  function convCard(conv, r, st) {
    const id = "conv-" + conv.replace(/[^A-Za-z0-9_-]/g, "_");
    const assigned = r && r.state === "assigned";
    const reason = el("select", { "aria-label": "Reason to release" },
      Object.entries(releaseReasons).map(([v, l]) => el("option", { value: v }, l)));
    const summary = el("input", { type: "text", "aria-label": "What you promised or changed (for the bot)",
      placeholder: "What you promised or changed", maxlength: "4000" });
    const card = el("article", { class: "card conversation", "aria-labelledby": id + "-h", "data-conversation": conv,
      "data-state": assigned ? "assigned" : "pending" },
      el("h3", { id: id + "-h" }, "Conversation " + conv),
      el("dl", { class: "facts" },
        el("dt", {}, "From"), el("dd", {}, (st && st.source_agent) || (r && r.source) || "unknown"),
        el("dt", {}, "Since"), el("dd", {}, r ? H.time(r.since) : "just now"),
        st ? [el("dt", {}, "Phase"), el("dd", { class: "phase" }, st.phase)] : null,
        st && st.decision && st.decision.scenario ? [el("dt", {}, "Scenario"), el("dd", {}, st.decision.scenario)] : null),
      // The brief was read with the offer: here it folds away, so the work comes first.
      r && r.brief ? el("details", {}, el("summary", {}, "Brief"), el("div", { class: "brief" }, r.brief)) : null,
      assigned ? contextPart(conv, st) : el("p", { class: "note" }, "Taking over: the source is letting go of the customer…"),
      assigned ? el("div", { class: "row" }, reason,
        el("button", { type: "button", class: "danger release", onclick: () => release(conv, card, reason) }, "Release")) : null,
      // Hand back to the bot the conversation came from, once the handoff that brought it here
      // closed: the summary tells the bot what was promised or changed.
      assigned ? el("div", { class: "row handback" }, summary,
        el("button", { type: "button", class: "handback", onclick: () => handBack(conv, card, summary) }, "Hand back to the bot")) : null,
      el("p", { class: "error", role: "alert", hidden: true }));
    return card;
  }

  let held = []; // reservations of the agent state
  function render() {
    const rows = new Map();
    for (const r of held) {
      if (r.state === "assigned") rows.set(r.conversation_id, r);
    }
    for (const conv of pending) {
      if (!rows.has(conv)) rows.set(conv, held.find((r) => r.conversation_id === conv) || null);
    }
    for (const [conv, r] of rows) {
      const st = states.get(conv);
      const sig = JSON.stringify([r && r.state, st && st.phase, st && st.context, st && st.source_agent]);
      const had = convCards.get(conv);
      if (had && had.sig === sig) continue;
      const card = convCard(conv, r, st);
      if (had) had.card.replaceWith(card);
      else convsBox.append(card);
      convCards.set(conv, { card, sig });
    }
    for (const [conv, c] of convCards) {
      if (!rows.has(conv)) {
        c.card.remove();
        convCards.delete(conv);
      }
    }
    convsBox.querySelector(".empty").hidden = convCards.size > 0;
    document.getElementById("convs-count").textContent = convCards.size ? "(" + convCards.size + ")" : "";
  }

  async function loadConversations(st) {
    held = st.reservations || [];
    const mine = new Set(held.filter((r) => r.state === "assigned").map((r) => r.conversation_id));
    for (const conv of [...mine, ...pending]) {
      try {
        const hs = await api("GET", "/v1/handoffs/" + enc(conv));
        states.set(conv, hs);
        // An accept whose transfer went elsewhere after all (the source kept the customer).
        if (pending.has(conv) && !mine.has(conv) && hs.phase === "closed" && hs.owner !== me) {
          pending.delete(conv);
          announce("Conversation " + conv + " did not come to you: " + (hs.outcome_reason || hs.outcome) + ".");
        }
      } catch (err) {
        if (err.status === 404 || err.status === 403) pending.delete(conv);
      }
      if (mine.has(conv)) pending.delete(conv);
    }
    render();
  }

  // refresh reads the offers and the agent's state; overlapping calls coalesce into one more.
  let running = null;
  let again = false;
  function refresh() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        const [offers, st] = await Promise.all([
          api("GET", "/v1/agents/" + enc(me) + "/offers"),
          api("GET", "/v1/agents/" + enc(me)),
        ]);
        showOffers(offers.offers || []);
        showPresence(st);
        await loadConversations(st);
      } catch (err) {
        presenceStatus.textContent = "Could not read your work: " + err.message;
      }
    })().finally(() => {
      running = null;
      if (again) {
        again = false;
        refresh();
      }
    });
    return running;
  }

  H.stream("/v1/events/stream", () => refresh(), () => refresh());
})();
