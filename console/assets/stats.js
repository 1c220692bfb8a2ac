// The supervisor's statistics: GET /v1/stats (the handoff log's report, intervals computed on
// the server) drawn with Chart.js, each chart with a table beside it that says the same in
// words for screen readers and for exact figures.
"use strict";

(() => {
  const { api, el, announce } = H;
  const form = document.getElementById("stats-form");
  const box = document.getElementById("stats-body");
  const charts = [];

  const pct = (v) => (v * 100).toFixed(1) + " %";
  const secs = (ms) => (ms / 1000).toFixed(1) + " s";
  const signed = (v) => (v >= 0 ? "+" : "") + pct(v);
  const units = { "%": pct, ms: secs, lift: signed };
  const fmt = (unit, v) => (units[unit] || String)(v);

  // thresholdLine draws the target as a dashed vertical line across the chart.
  const thresholdLine = {
    id: "threshold",
    afterDatasetsDraw(chart, _args, opts) {
      if (opts.value === undefined || opts.value === null) return;
      const x = chart.scales.x.getPixelForValue(opts.value);
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = "#a4161a";
      ctx.lineWidth = 2;
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.restore();
    },
  };

  // intervalChart draws, per label, the 95 % interval as a floating bar and the estimate as a
  // point, with the target's line.
  function intervalChart(title, labels, rows, unit, threshold, min, max) {
    const canvas = el("canvas", { role: "img", "aria-label": title + ": " + rows.map((r, i) => labels[i] + " " + fmt(unit, r.value) +
      " (95 % interval " + fmt(unit, r.low) + " to " + fmt(unit, r.high) + ")").join("; ") });
    const holder = el("div", {}, canvas);
    // Chart.js sizes the canvas to its holder; the height is set through the DOM (the page's
    // content security policy allows no style attribute).
    holder.style.position = "relative";
    holder.style.height = Math.max(90, 34 * labels.length + 50) + "px";
    const figure = el("figure", { class: "chart" }, el("figcaption", {}, title), holder);
    const chart = new window.Chart(canvas, {
      type: "bar",
      data: {
        labels,
        datasets: [
          { type: "bar", label: "95 % interval", data: rows.map((r) => [r.low, r.high]), backgroundColor: "rgba(11, 87, 164, 0.35)",
            borderColor: "#0b57a4", borderWidth: 1, barPercentage: 0.6 },
          { type: "line", label: "Estimate", data: rows.map((r) => r.value), showLine: false, pointRadius: 5,
            pointBackgroundColor: "#14365d", borderColor: "#14365d" },
        ],
      },
      options: {
        indexAxis: "y",
        animation: false,
        maintainAspectRatio: false,
        responsive: true,
        scales: { x: { min, max, ticks: { callback: (v) => fmt(unit, v) } } },
        plugins: {
          legend: { display: false },
          threshold: { value: threshold },
          tooltip: { callbacks: { label: (c) => (c.datasetIndex === 0 ? "interval " + fmt(unit, c.raw[0]) + " – " + fmt(unit, c.raw[1])
            : "estimate " + fmt(unit, c.raw)) } },
        },
      },
      plugins: [thresholdLine],
    });
    charts.push(chart);
    return figure;
  }

  function outcomesChart(outcomes) {
    const names = Object.keys(outcomes || {}).sort();
    const canvas = el("canvas", { role: "img", "aria-label": "Outcomes: " + names.map((n) => n + " " + outcomes[n]).join(", ") });
    const holder = el("div", {}, canvas);
    holder.style.position = "relative";
    holder.style.height = Math.max(90, 30 * names.length + 50) + "px";
    charts.push(new window.Chart(canvas, {
      type: "bar",
      data: { labels: names, datasets: [{ label: "Handoffs", data: names.map((n) => outcomes[n]), backgroundColor: "#0b57a4" }] },
      options: { indexAxis: "y", animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    }));
    return el("figure", { class: "chart" }, el("figcaption", {}, "Outcomes"), holder);
  }

  function targetsTable(targets) {
    return el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "Seed targets table" },
      el("table", { class: "targets" },
        el("caption", {}, "Seed targets, judged on the totals (95 % intervals)"),
        el("thead", {}, el("tr", {}, ["Target", "Figure", "Interval", "Sample", "Verdict"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, targets.map((t) => el("tr", { "data-target": t.measure },
          el("th", { scope: "row" }, t.name),
          el("td", {}, t.n ? fmt(t.unit, t.value) : "–"),
          el("td", {}, t.n ? fmt(t.unit, t.low) + " – " + fmt(t.unit, t.high) : "–"),
          el("td", {}, String(t.n)),
          el("td", { class: "wrap" }, el("span", { class: "verdict-" + t.verdict.replace(/[^a-z]/g, "") }, t.verdict), t.why ? ": " + t.why : ""))))));
  }

  function groupsTable(rep) {
    const rows = rep.groups && rep.groups.length ? rep.groups : [rep.total];
    return el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "Groups table" },
      el("table", {},
        el("caption", {}, "By " + rep.group_by + (rows === rep.groups ? "" : " (all handoffs)")),
        el("thead", {}, el("tr", {}, ["Group", "Handoffs", "Success", "Transition p90", "Offers accepted"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, rows.map((g) => el("tr", {},
          el("th", { scope: "row" }, g.key || "all"),
          el("td", {}, String(g.handoffs)),
          el("td", {}, g.success.n ? pct(g.success.value) + " (" + pct(g.success.low) + " – " + pct(g.success.high) + ")" : "–"),
          el("td", {}, g.transition_ms_p90.n ? secs(g.transition_ms_p90.value) : "–"),
          el("td", {}, g.offer_acceptance.n ? pct(g.offer_acceptance.value) : "–"))))));
  }

  // axis picks round ends around lo..hi: shares in steps of 5 % within 0-100 %, times from
  // zero in steps of 10 s, a lift in steps of 10 %.
  function axis(unit, lo, hi) {
    const step = { "%": 0.05, ms: 10000, lift: 0.1 }[unit] || 1;
    let min = Math.floor(lo / step - 0.5) * step;
    let max = Math.ceil(hi / step + 0.5) * step;
    if (unit === "%") [min, max] = [Math.max(0, min), Math.min(1, max)];
    if (unit === "ms") min = 0;
    return [min, max];
  }

  function render(rep) {
    for (const c of charts.splice(0)) c.destroy();
    const total = rep.total;
    const parts = [el("p", { class: "summary" }, total.handoffs + (total.handoffs === 1 ? " handoff" : " handoffs") + (total.success.n ? "; success " + pct(total.success.value) +
      " (95 % interval " + pct(total.success.low) + " – " + pct(total.success.high) + ")" : "") + ". Success: " + rep.success_definition + ".")];
    const judged = rep.targets.filter((t) => t.n > 0);
    const charted = el("div", { class: "charts" });
    for (const t of judged) {
      const [min, max] = axis(t.unit, Math.min(t.low, t.threshold), Math.max(t.high, t.threshold));
      charted.append(intervalChart("Target: " + t.name + " (" + t.verdict + ")", [t.name], [t], t.unit, t.threshold, min, max));
    }
    const groups = (rep.groups || []).filter((g) => g.success.n > 0);
    if (groups.length) {
      charted.append(intervalChart("Success by " + rep.group_by, groups.map((g) => g.key), groups.map((g) => g.success), "%",
        (rep.targets.find((t) => t.measure === "success") || {}).threshold, 0, 1));
    }
    if (total.handoffs) charted.append(outcomesChart(total.outcomes));
    parts.push(targetsTable(rep.targets), charted, groupsTable(rep));
    if (!total.handoffs) parts.push(el("p", { class: "empty" }, "No handoff recorded in this range yet."));
    box.replaceChildren(...parts);
  }

  async function load() {
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) {
      if (v) q.set(k, v);
    }
    try {
      const rep = await api("GET", "/v1/stats?" + q.toString());
      render(rep);
      announce("Statistics updated: " + rep.total.handoffs + " handoffs.");
    } catch (err) {
      for (const c of charts.splice(0)) c.destroy();
      box.replaceChildren(el("p", { class: err.status === 503 ? "muted" : "error", role: "alert" },
        (err.field ? err.field + ": " : "") + err.message));
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    load();
  });
  load();
  H.stats = { load };
})();
