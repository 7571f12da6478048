/**
 * The script of report.html, as plain browser JavaScript (no backticks or template placeholders inside). It reads the
 * inline JSON, draws the charts with uPlot (and the dependents' bars and the sweep heatmap on its own canvases), and
 * records in `window.__stampede` which charts it expected and drew and any error it met.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  "use strict";
  var state = { expected: [], drawn: [], errors: [] };
  window.__stampede = state;
  window.addEventListener("error", function (e) { state.errors.push(String(e.message)); });
  var data = JSON.parse(document.getElementById("stampede-data").textContent);
  var root = document.getElementById("charts");
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
  var PHASE_COLOR = { stable: "#4caf50", recovers: "#f2a93b", metastable: "#c62828", undetermined: "#7e8fc4" };
  var WIDTH = Math.max(600, Math.min(1150, (root.clientWidth || 1100)));

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function clock(t) {
    if (!isFinite(data.startMs)) return "+" + Math.round(t / 60) + "m";
    var d = new Date(data.startMs + t * 1000 + data.offsetMinutes * 60000);
    return pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
  }
  function dur(s) {
    if (s === null || s === undefined) return "-";
    s = Math.round(s);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return h > 0 ? h + "h" + pad(m) + "m" : m + "m" + pad(s % 60) + "s";
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function section(title, note) {
    var s = el("section");
    s.appendChild(el("h2", {}, title));
    if (note) s.appendChild(el("p", { "class": "legend-note" }, note));
    root.appendChild(s);
    return s;
  }
  function box(sec, id, title) {
    state.expected.push(id);
    var b = el("div", { "class": "chart", "data-chart": id });
    b.appendChild(el("h3", {}, title));
    sec.appendChild(b);
    return b;
  }
  function columns(run, re) {
    var out = [];
    var names = Object.keys(run.series.columns);
    for (var i = 0; i < names.length; i++) if (re.test(names[i])) out.push(names[i]);
    return out;
  }
  function markers(run) {
    var v = run.summary.verdict, m = [];
    if (v.triggerStart !== null) m.push({ t: v.triggerStart, label: "trigger", color: "#c62828" });
    if (v.triggerEnd !== null && v.triggerEnd !== v.triggerStart) m.push({ t: v.triggerEnd, label: "trigger end", color: "#c62828" });
    if (v.detectedAt !== null) m.push({ t: v.detectedAt, label: "detected", color: "#6a1b9a" });
    if (v.diagnosedAt !== null) m.push({ t: v.diagnosedAt, label: "diagnosed", color: "#6a1b9a" });
    (run.summary.operators || []).forEach(function (op) {
      if (op.at !== null) m.push({ t: op.at, label: op.name, color: "#00838f" });
    });
    if (v.recoveredAt !== null) m.push({ t: v.recoveredAt, label: "recovered", color: "#2e7d32" });
    return m;
  }
  function markerPlugin(list) {
    return { hooks: { draw: [function (u) {
      var ctx = u.ctx, top = u.bbox.top, h = u.bbox.height;
      ctx.save();
      ctx.setLineDash([4, 4]);
      ctx.lineWidth = 1;
      ctx.font = Math.round(10 * devicePixelRatio) + "px sans-serif";
      list.forEach(function (mk, i) {
        var x = u.valToPos(mk.t, "x", true);
        if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
        ctx.strokeStyle = mk.color;
        ctx.fillStyle = mk.color;
        ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + h); ctx.stroke();
        ctx.fillText(mk.label, x + 3, top + 12 * devicePixelRatio * (1 + (i % 4)));
      });
      ctx.restore();
    }] } };
  }
  function lineChart(sec, id, title, time, defs, opts) {
    if (defs.length === 0) return;
    var b = box(sec, id, title);
    var series = [{ label: "time", value: function (u, v) { return v === null ? "-" : clock(v); } }];
    var values = [time];
    var hasY2 = false;
    defs.forEach(function (d, i) {
      var s = { label: d.label, stroke: d.color || PALETTE[i % PALETTE.length], width: d.width || 1.5, scale: d.scale || "y" };
      if (d.dash) s.dash = d.dash;
      if (d.show === false) s.show = false;
      if (d.scale === "y2") hasY2 = true;
      series.push(s);
      values.push(d.values);
    });
    var axes = [{ values: function (u, ticks) { return ticks.map(clock); } }, { scale: "y", label: (opts && opts.yLabel) || "" }];
    if (hasY2) axes.push({ scale: "y2", side: 1, grid: { show: false }, label: (opts && opts.y2Label) || "" });
    var scales = { x: { time: false } };
    if (hasY2) scales.y2 = { range: [0, 1.05] };
    new uPlot({ width: WIDTH, height: 280, scales: scales, axes: axes, series: series,
      plugins: [markerPlugin((opts && opts.markers) || [])] }, values, b);
    state.drawn.push(id);
  }
  function def(run, name, label, extra) {
    var d = { label: label || name, values: run.series.columns[name] };
    for (var k in extra || {}) d[k] = extra[k];
    return d;
  }

  // The first chart's series: every fleet's load columns, but only the goodput fleets' start visible.
  // Rule: the goodput line is always shown (bold, black, first). Series of fleets outside run.goodputFleets start
  // hidden. If the goodput fleets' own series are more than MAX_SHOWN lines, only their "successes" and "attempts"
  // start visible and their other columns start hidden too. Hidden series stay in the legend: a click shows them.
  var MAX_SHOWN = 12;
  var LOAD_RE = /^fleet\.([^.]+)\.(offered|firstAttempts|attempts|setupAttempts|setups|successes)$/;
  function loadChart(run) {
    var names = columns(run, LOAD_RE);
    var fleetOf = {}, isGoodput = {};
    names.forEach(function (n) { fleetOf[n] = LOAD_RE.exec(n)[1]; });
    run.goodputFleets.forEach(function (f) { isGoodput[f] = true; });
    var mine = names.filter(function (n) { return isGoodput[fleetOf[n]] === true; });
    var compact = mine.length > MAX_SHOWN;
    var shown = compact ? mine.filter(function (n) { return /\.(successes|attempts)$/.test(n); }) : mine;
    var hidden = names.filter(function (n) { return shown.indexOf(n) < 0; });
    var defs = [];
    if (run.series.columns.goodput) defs.push(def(run, "goodput", "goodput", { width: 2.5, color: "#000" }));
    shown.forEach(function (n) { defs.push(def(run, n)); });
    // Hidden series come last so that the shown ones get the first (most distinct) colours of the palette.
    hidden.forEach(function (n) { defs.push(def(run, n, n, { show: false })); });
    var otherFleets = {};
    hidden.forEach(function (n) { if (!isGoodput[fleetOf[n]]) otherFleets[fleetOf[n]] = true; });
    var others = Object.keys(otherFleets).length;
    var listed = run.goodputFleets.filter(function (f) { return mine.some(function (n) { return fleetOf[n] === f; }); });
    var plural = function (k, one, many) { return k === 1 ? one : many; };
    var hiddenParts = [];
    if (others > 0) hiddenParts.push(others + plural(others, " other fleet", " other fleets"));
    if (compact) hiddenParts.push("the goodput fleets' other series");
    var note = hiddenParts.length === 0 ? "" :
      "First chart: shows goodput" + (listed.length === 0 ? "" : " and " + (compact ? "the successes and attempts of " : "") +
        plural(listed.length, "the goodput fleet ", "the goodput fleets ") +
        (listed.length <= 6 ? listed.join(", ") : "(" + listed.length + ")")) +
      "; " + hiddenParts.join(" and ") + plural(hiddenParts.length === 1 && others === 1 ? 1 : 2, " is", " are") +
      " hidden (click a legend entry to show or hide its line).";
    return { defs: defs, note: note };
  }

  function runCharts(run) {
    var time = run.series.time, mk = markers(run);
    var sec = section("Run: " + run.label + " (seed " + run.summary.seed + ")",
      "Dashed lines: trigger, detection, diagnosis, operator actions and recovery.");
    var load = loadChart(run);
    if (load.note) sec.appendChild(el("p", { "class": "legend-note", "data-note": "hidden-fleets" }, load.note));
    lineChart(sec, "load", "Offered load, attempts and goodput (per second)", time, load.defs, { markers: mk });
    var dev = [];
    columns(run, /^link\.[^.]+\.(queue|drops)$/).forEach(function (n) { dev.push(def(run, n)); });
    columns(run, /^link\.[^.]+\.utili[sz]ation$/).forEach(function (n) { dev.push(def(run, n, n, { scale: "y2", dash: [6, 3] })); });
    lineChart(sec, "devices", "Devices: queue and drops (left), utilisation (right, dashed)", time, dev, { markers: mk, y2Label: "utilisation" });
    lineChart(sec, "services", "Service queues (requests waiting)", time,
      columns(run, /^service\.[^.]+\.queue$/).map(function (n) { return def(run, n); }), { markers: mk });
    lineChart(sec, "monitoring", "Monitoring staleness (seconds since fresh data)", time,
      columns(run, /^monitoring\./).map(function (n) { return def(run, n); }), { markers: mk });
    dependentBars(sec, run);
  }

  function dependentBars(sec, run) {
    var deps = Object.keys(run.summary.dependents || {});
    if (deps.length === 0) return;
    var b = box(sec, "dependents", "Dependents' outages (red: down)");
    var rowH = 22, left = 170, dpr = window.devicePixelRatio || 1;
    var w = WIDTH, h = rowH * deps.length + 30;
    var c = el("canvas");
    c.width = w * dpr; c.height = h * dpr; c.style.width = w + "px"; c.style.height = h + "px";
    b.appendChild(c);
    var ctx = c.getContext("2d");
    ctx.scale(dpr, dpr);
    var end = run.summary.simulatedSeconds || 1, span = w - left - 10;
    var x = function (t) { return left + (Math.max(0, Math.min(end, t)) / end) * span; };
    ctx.font = "12px sans-serif";
    deps.forEach(function (name, i) {
      var d = run.summary.dependents[name], y = i * rowH + 4;
      ctx.fillStyle = "#222";
      ctx.fillText(name + (d.illustrative ? " *" : ""), 4, y + 14);
      ctx.fillStyle = "#e8f5e9";
      ctx.fillRect(left, y, span, rowH - 6);
      ctx.fillStyle = "#c62828";
      d.windows.forEach(function (wd) { ctx.fillRect(x(wd.start), y, Math.max(1, x(wd.end) - x(wd.start)), rowH - 6); });
    });
    ctx.fillStyle = "#555";
    var ticks = 6;
    for (var k = 0; k <= ticks; k++) {
      var t = (end * k) / ticks;
      ctx.fillText(clock(t), x(t) - 14, h - 6);
    }
    markers(run).forEach(function (mk) {
      ctx.strokeStyle = mk.color; ctx.setLineDash([3, 3]);
      ctx.beginPath(); ctx.moveTo(x(mk.t), 0); ctx.lineTo(x(mk.t), h - 20); ctx.stroke();
    });
    state.drawn.push("dependents");
  }

  function compareSection(cmp) {
    var sec = section("Compare: " + data.runs.length + " variants, seeds " + cmp.seeds.join(", "),
      "Overlays show each variant's first replication (same seed in all: common random numbers).");
    var t = el("table");
    cmp.table.forEach(function (row, i) {
      var tr = el("tr");
      row.forEach(function (cell) { tr.appendChild(el(i === 0 ? "th" : "td", {}, cell)); });
      t.appendChild(tr);
    });
    sec.appendChild(t);
    var time = data.runs[0].series.time;
    var n = time.length;
    var pick = function (run, name) {
      var v = run.series.columns[name] || [];
      var out = new Array(n);
      for (var i = 0; i < n; i++) out[i] = v[i] === undefined ? null : v[i];
      return out;
    };
    lineChart(sec, "overlay-goodput", "Goodput by variant (per second)", time,
      data.runs.map(function (r, i) { return { label: r.label, values: pick(r, "goodput"), color: PALETTE[i % PALETTE.length], width: 2 }; }),
      { markers: [] });
    var amp = data.runs.map(function (r, i) {
      if (r.series.columns.amplification) return { label: r.label, values: pick(r, "amplification"), color: PALETTE[i % PALETTE.length] };
      var att = columns(r, /^fleet\.[^.]+\.attempts$/), first = columns(r, /^fleet\.[^.]+\.firstAttempts$/);
      var vals = new Array(n);
      for (var k = 0; k < n; k++) {
        var a = 0, f = 0;
        att.forEach(function (c) { a += r.series.columns[c][k] || 0; });
        first.forEach(function (c) { f += r.series.columns[c][k] || 0; });
        vals[k] = f > 0 ? a / f : null;
      }
      return { label: r.label, values: vals, color: PALETTE[i % PALETTE.length] };
    });
    if (amp.some(function (d) { return d.values.some(function (v) { return v !== null; }); }))
      lineChart(sec, "overlay-amplification", "Amplification (attempts / first attempts) by variant", time, amp, { markers: [] });
  }

  function heatmaps(sw) {
    var sec = section("Phase diagram",
      "Green: stable (goodput never under verdict.stableRatio, default 50%, of baseline); amber: dips and recovers; " +
      "red: metastable; blue: undetermined (the runs end before the metastable check); grey: no result. " +
      "Cell text: median recovery time from the trigger's start.");
    var px = sw.params[0], py = sw.params[1];
    var rest = sw.params.slice(2);
    var slices = [[]];
    rest.forEach(function (p, k) {
      var next = [];
      slices.forEach(function (s) { p.values.forEach(function (_, j) { next.push(s.concat([j])); }); });
      slices = next;
    });
    slices.slice(0, 16).forEach(function (slice, si) {
      var label = slice.map(function (j, k) { return rest[k].path + "=" + rest[k].values[j]; }).join(", ");
      var id = "heatmap" + (si === 0 ? "" : "-" + si);
      var b = box(sec, id, "Phase by " + px.path + (py ? " x " + py.path : "") + (label ? " at " + label : ""));
      var nx = px.values.length, ny = py ? py.values.length : 1;
      var left = 90, bottom = 40, top = 24, dpr = window.devicePixelRatio || 1;
      var cw = Math.max(18, Math.min(80, Math.floor((WIDTH - left - 20) / nx)));
      var ch = Math.max(18, Math.min(50, Math.floor(420 / ny)));
      var w = Math.max(left + cw * nx + 20, 420), h = ch * ny + bottom + top;
      var c = el("canvas");
      c.width = w * dpr; c.height = h * dpr; c.style.width = w + "px"; c.style.height = h + "px";
      b.appendChild(c);
      var ctx = c.getContext("2d");
      ctx.scale(dpr, dpr);
      ctx.font = "11px sans-serif";
      sw.cells.forEach(function (cell) {
        for (var k = 0; k < slice.length; k++) if (cell.coords[k + 2] !== slice[k]) return;
        var i = cell.coords[0], j = py ? cell.coords[1] : 0;
        var x = left + i * cw, y = top + (ny - 1 - j) * ch;
        ctx.fillStyle = cell.phase ? PHASE_COLOR[cell.phase] : "#bdbdbd";
        ctx.fillRect(x, y, cw - 1, ch - 1);
        if (cw >= 40 && cell.medianRecoverySeconds !== null) {
          ctx.fillStyle = "#000";
          ctx.fillText(dur(cell.medianRecoverySeconds), x + 3, y + ch / 2 + 4);
        }
      });
      ctx.fillStyle = "#222";
      // parameter values in the units their bounds were written in (durations, percentages, rates)
      var num = function (v) { return String(Number(Number(v).toPrecision(3))); };
      var fmt = function (p, v) {
        if (p.units === "duration") return v < 60 ? num(v) + "s" : dur(v);
        if (p.units === "percent") return num(v * 100) + "%";
        if (p.units === "rate") return num(v) + "/s";
        return num(v);
      };
      px.values.forEach(function (v, i) { if (nx <= 20 || i % Math.ceil(nx / 20) === 0) ctx.fillText(fmt(px, v), left + i * cw + 2, top + ny * ch + 14); });
      ctx.fillText(px.path, left, h - 6);
      if (py) {
        ctx.fillText(py.path, 4, 14);
        py.values.forEach(function (v, j) { ctx.fillText(fmt(py, v), 4, top + (ny - 1 - j) * ch + ch / 2 + 4); });
      }
      state.drawn.push(id);
    });
  }

  try {
    if (data.runs.length > 0) runCharts(data.runs[0]);
    if (data.compare) compareSection(data.compare);
    if (data.sweep) heatmaps(data.sweep);
  } catch (e) {
    state.errors.push(String(e && e.stack || e));
    console.error(e);
  }
})();
`;
