// Shared by the console's pages: the page's boot data, API calls with the session's CSRF
// token, the live event stream, and small DOM helpers. Every text from the API goes into the
// page as text (never as HTML), so nothing a bot or a customer wrote can run here.
"use strict";

const H = (() => {
  const boot = JSON.parse(document.body.dataset.boot || "{}");

  class APIError extends Error {
    constructor(status, body) {
      const e = (body && body.error) || {};
      super(e.message || "the server answered " + status);
      this.status = status;
      this.field = e.field || "";
    }
  }

  // signIn leaves for the sign-in page when the session is over.
  function signIn() {
    window.location.assign("/console/login?expired=1");
  }

  // api calls the HTTP API as the signed-in person: the browser sends the session cookie and
  // every change carries the CSRF token.
  async function api(method, path, body) {
    const opts = { method, headers: {}, credentials: "same-origin" };
    if (method !== "GET") {
      opts.headers["X-CSRF-Token"] = boot.csrf;
    }
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    const resp = await fetch(path, opts);
    let data = null;
    try {
      data = await resp.json();
    } catch (_) {
      data = null;
    }
    if (resp.status === 401) {
      signIn();
    }
    if (!resp.ok) {
      throw new APIError(resp.status, data);
    }
    return data;
  }

  // el builds an element: attributes (on* become listeners), then children (strings are text).
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  // announce tells screen readers what changed without moving the focus.
  function announce(text) {
    const live = document.getElementById("announce");
    live.textContent = "";
    window.setTimeout(() => { live.textContent = text; }, 50);
  }

  const eventTypes = ["handoff.phase", "handoff.offer_made", "handoff.offer_answered", "handoff.owner_changed", "handoff.outcome"];

  // stream follows the API's event stream. onOpen runs at each (re)connection, so a page
  // reads what it may have missed; onEvent gets each event. A stream the server refused
  // (the session is over) is checked and, if so, the person is sent to sign in again.
  function stream(url, onEvent, onOpen) {
    const status = document.getElementById("live");
    let source = null;
    const set = (on, text) => {
      status.className = "live " + (on ? "on" : "off");
      status.textContent = text;
    };
    const connect = () => {
      source = new EventSource(url);
      source.addEventListener("open", () => {
        set(true, "Live: changes appear as they happen.");
        onOpen();
      });
      for (const t of eventTypes) {
        source.addEventListener(t, (m) => onEvent(JSON.parse(m.data), Number(m.lastEventId)));
      }
      source.addEventListener("error", () => {
        set(false, "Reconnecting to live updates…");
        if (source.readyState !== EventSource.CLOSED) return;
        // The browser gives up on an answer that is not a stream: a session that is over
        // (asked cheaply of a console route), or a stream that is off or down. Until it is
        // back the page reads everything again every few seconds instead.
        const retry = () => {
          set(false, "Live updates are unavailable; reading again every few seconds.");
          onOpen();
          window.setTimeout(connect, 3000);
        };
        fetch("/console/assets/common.js", { method: "HEAD", credentials: "same-origin" })
          .then((r) => (r.status === 401 ? signIn() : retry()))
          .catch(retry);
      });
    };
    connect();
    return () => source && source.close();
  }

  // The session ends at boot.expires: go to the sign-in page then rather than fail later.
  if (boot.expires) {
    const left = new Date(boot.expires).getTime() - Date.now();
    if (left > 0 && left < 2 ** 31) window.setTimeout(signIn, left + 1000);
  }

  function time(iso) {
    if (!iso) return "";
    return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  }

  // clock formats seconds as m:ss.
  function clock(seconds) {
    const s = Math.max(0, Math.round(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function debounce(fn, ms) {
    let t = 0;
    return () => {
      window.clearTimeout(t);
      t = window.setTimeout(fn, ms);
    };
  }

  return { boot, api, el, announce, stream, time, clock, debounce, APIError };
})();
