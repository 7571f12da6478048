import { HEATMAP_SCRIPT } from "./heatmapScript.js";
import { TIME_AXIS_SCRIPT } from "./timeAxisScript.js";

/**
 * The script of report.html, as plain browser JavaScript (no backticks or template placeholders inside). It reads the
 * inline JSON (series packed by packSeries), draws the charts with uPlot - clock-time axes with round ticks, units on
 * every y axis, the run's markers (triggers, detection, diagnosis, operator actions, recovery) annotated on every
 * time chart, min/max envelopes of downsampled series, a searchable legend - and the dependents' bars and the sweep's
 * phase diagram on their own canvases. Colours are Okabe and Ito's colour-blind-safe palette; fleets keep one colour
 * and their metrics differ by dash; variants differ by colour, dash and width. It records in `window.__stampede`
 * which charts it expected and drew, per chart its y units, markers drawn and line styles (label, colour, dash, width),
 * and any error it met.
 */
export const CLIENT_SCRIPT =
  String.raw`
(function () {
  "use strict";
  var state = { expected: [], drawn: [], errors: [], units: {}, markers: {}, boundary: {}, skipped: [], styles: {} };
  window.__stampede = state;
  window.addEventListener("error", function (e) { state.errors.push(String(e.message)); });
  var data = JSON.parse(document.getElementById("stampede-data").textContent);
  var root = document.getElementById("charts");
  ` +
  TIME_AXIS_SCRIPT +
  HEATMAP_SCRIPT +
  String.raw`
  var COLORS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#999999", "#B8A200"];
  var VARIANT_DASH = [[], [10, 5], [3, 3], [14, 4, 3, 4], [6, 6], [2, 6], [18, 4, 3, 4, 3, 4], [8, 3]];
  var METRIC_DASH = { successes: [], attempts: [8, 4], firstAttempts: [2, 3], offered: [14, 4], setupAttempts: [8, 3, 2, 3], setups: [3, 6] };
  var MARK = { trigger: "#D55E00", detection: "#CC79A7", diagnosis: "#7B3F99", operator: "#0072B2", recovery: "#009E73" };
  var WIDTH = Math.max(600, Math.min(1150, (root.clientWidth || 1100)));
  var local0 = data.local0 === null ? NaN : data.local0;
  var ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var CODE = {};
  for (var ci = 0; ci < 64; ci++) CODE[ALPHA.charAt(ci)] = ci;

  function unpack(s, lo, hi) {
    var out = new Array(s.length / 2), span = hi - lo;
    for (var i = 0, k = 0; i + 1 < s.length; i += 2, k++) {
      var q = CODE[s.charAt(i)] * 64 + CODE[s.charAt(i + 1)];
      out[k] = q === 4095 ? null : lo + (q / 4094) * span;
    }
    return out;
  }
  function decode(run) {
    var cols = {}, env = {};
    Object.keys(run.series.columns).forEach(function (name) {
      var c = run.series.columns[name];
      cols[name] = unpack(c.v, c.lo, c.hi);
      if (c.mn) env[name] = { mn: unpack(c.mn, c.lo, c.hi), mx: unpack(c.mx, c.lo, c.hi) };
    });
    run.time = run.series.time; run.cols = cols; run.env = env;
  }
  data.runs.forEach(decode);

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function clock(t) { return tickLabel(t, local0, 1); }
  function dur(s) {
    if (s === null || s === undefined) return "-";
    s = Math.round(s);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return h > 0 ? h + "h" + pad(m) + "m" : m + "m" + pad(s % 60) + "s";
  }
  function num(v) { return v === null || v === undefined ? "-" : String(Number(Number(v).toPrecision(4))); }
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
  function box(sec, id, title, units) {
    state.expected.push(id);
    state.units[id] = units;
    var b = el("div", { "class": "chart", "data-chart": id, "data-units": units });
    b.appendChild(el("h3", {}, title + (units ? " [" + units + "]" : "")));
    sec.appendChild(b);
    return b;
  }
  function columns(run, re) {
    return Object.keys(run.cols).filter(function (n) { return re.test(n); });
  }
  function hasData(values) {
    for (var i = 0; i < values.length; i++) if (values[i] !== null && values[i] !== 0) return true;
    return false;
  }
  function withAlpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + a + ")";
  }
  // Draws the envelopes (min/max of each display bucket) of the shown series, then the markers with their labels.
  function overlayPlugin(id, defs, list) {
    return { hooks: { draw: [function (u) {
      var ctx = u.ctx, top = u.bbox.top, h = u.bbox.height, left = u.bbox.left, right = left + u.bbox.width;
      var dpr = window.devicePixelRatio || 1;
      ctx.save();
      defs.forEach(function (d, k) {
        var s = u.series[k + 1];
        if (!d.env || !s.show) return;
        var xs = u.data[0], mx = d.env.mx, mn = d.env.mn, sc = d.scale || "y";
        ctx.fillStyle = withAlpha(d.color, 0.18);
        ctx.beginPath();
        var started = false, i;
        for (i = 0; i < xs.length; i++) if (mx[i] !== null) {
          var px = u.valToPos(xs[i], "x", true), py = u.valToPos(mx[i], sc, true);
          if (!started) { ctx.moveTo(px, py); started = true; } else ctx.lineTo(px, py);
        }
        for (i = xs.length - 1; i >= 0; i--) if (mn[i] !== null) ctx.lineTo(u.valToPos(xs[i], "x", true), u.valToPos(mn[i], sc, true));
        if (started) { ctx.closePath(); ctx.fill(); }
      });
      ctx.font = Math.round(10 * dpr) + "px sans-serif";
      ctx.lineWidth = Math.max(1, dpr);
      var drawn = 0;
      list.forEach(function (mk, i) {
        var x = u.valToPos(mk.t, "x", true);
        if (x < left - 0.5 || x > right + 0.5) return;
        drawn++;
        ctx.strokeStyle = MARK[mk.kind] || "#333";
        ctx.setLineDash(mk.kind === "operator" ? [6 * dpr, 3 * dpr] : mk.kind === "trigger" || mk.kind === "recovery" ? [] : [2 * dpr, 3 * dpr]);
        ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + h); ctx.stroke();
        var text = mk.label, tw = ctx.measureText(text).width, ty = top + 12 * dpr * (1 + (i % 5));
        var tx = x + 3 * dpr + tw > right ? x - 3 * dpr - tw : x + 3 * dpr;
        ctx.fillStyle = "rgba(255,255,255,0.85)";
        ctx.fillRect(tx - dpr, ty - 9 * dpr, tw + 2 * dpr, 11 * dpr);
        ctx.fillStyle = MARK[mk.kind] || "#333";
        ctx.fillText(text, tx, ty);
      });
      ctx.restore();
      state.markers[id] = drawn;
    }] } };
  }
  function legendSearch(b) {
    var legend = b.querySelector(".u-legend");
    if (!legend) return;
    var input = el("input", { type: "search", "class": "legend-search", placeholder: "filter the legend (e.g. a fleet's name)", "aria-label": "filter the legend" });
    legend.parentNode.insertBefore(input, legend);
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      var rows = legend.querySelectorAll("tr.u-series");
      for (var i = 1; i < rows.length; i++) {
        var lab = rows[i].querySelector(".u-label");
        rows[i].style.display = q === "" || (lab && lab.textContent.toLowerCase().indexOf(q) >= 0) ? "" : "none";
      }
    });
  }
  // A time chart: nothing (and a note saying so) when none of its series has data other than 0.
  function lineChart(sec, id, title, units, time, defs, opts) {
    opts = opts || {};
    if (defs.length === 0) return;
    if (!defs.some(function (d) { return hasData(d.values); })) {
      state.skipped.push(id);
      sec.appendChild(el("p", { "class": "legend-note", "data-skipped": id }, title + ": nothing to show (no data or only zeros in this run)."));
      return;
    }
    var b = box(sec, id, title, units);
    var series = [{ label: "time", value: function (u, v) { return v === null ? "-" : clock(v); } }];
    var values = [time];
    var hasY2 = false;
    defs.forEach(function (d, i) {
      d.color = d.color || COLORS[i % COLORS.length];
      var s = { label: d.label, stroke: d.color, width: d.width || 1.5, scale: d.scale || "y", value: function (u, v) { return num(v); } };
      if (d.dash && d.dash.length) s.dash = d.dash;
      if (d.show === false) s.show = false;
      if (d.scale === "y2") hasY2 = true;
      series.push(s);
      values.push(d.values);
    });
    var xAxis = {
      label: isFinite(local0) ? "clock time (" + data.zone + ")" : "time from start",
      splits: function (u, ai, min, max) { return roundTicks(min, max, local0, Math.max(2, Math.floor(u.bbox.width / (window.devicePixelRatio || 1) / 85))).ticks; },
      values: function (u, ticks) { var step = ticks.length > 1 ? ticks[1] - ticks[0] : 3600; return ticks.map(function (t) { return tickLabel(t, local0, step); }); },
    };
    var axes = [xAxis, { scale: "y", label: units, size: 60 }];
    if (hasY2) axes.push({ scale: "y2", side: 1, grid: { show: false }, label: opts.y2Label || "", size: 60 });
    var scales = { x: { time: false } };
    if (hasY2) scales.y2 = { range: opts.y2Range || [0, 1.05] };
    new uPlot({ width: WIDTH, height: 290, scales: scales, axes: axes, series: series,
      plugins: [overlayPlugin(id, defs, opts.markers || [])] }, values, b);
    if (defs.length > 5) legendSearch(b);
    state.styles[id] = series.slice(1).map(function (x) { return { label: x.label, stroke: x.stroke, dash: x.dash || [], width: x.width }; });
    state.drawn.push(id);
  }
  function def(run, name, label, extra) {
    var d = { label: label || name, values: run.cols[name], env: run.env[name] };
    for (var k in extra || {}) d[k] = extra[k];
    return d;
  }
  // entity name of a column "<section>.<entity>.<metric>"
  function part(name, i) { return name.split(".")[i]; }
` +
  String.raw`
  // The first chart: goodput (bold, black, first), then each fleet's load columns grouped by fleet (one colour per
  // fleet, one dash per metric, labelled "fleet · metric"). The goodput fleets' series start visible, other
  // fleets' start hidden; more than MAX_SHOWN goodput-fleet lines keep only successes and attempts visible.
  var MAX_SHOWN = 12;
  var LOAD_RE = new RegExp(data.patterns.load);
  function loadChart(run) {
    var names = columns(run, LOAD_RE);
    var fleetOf = {}, isGoodput = {}, fleets = [];
    run.goodputFleets.forEach(function (f) { isGoodput[f] = true; fleets.push(f); });
    names.forEach(function (n) { fleetOf[n] = LOAD_RE.exec(n)[1]; if (fleets.indexOf(fleetOf[n]) < 0) fleets.push(fleetOf[n]); });
    var order = Object.keys(METRIC_DASH);
    names.sort(function (a, b) {
      return fleets.indexOf(fleetOf[a]) - fleets.indexOf(fleetOf[b]) || order.indexOf(part(a, 2)) - order.indexOf(part(b, 2));
    });
    var mine = names.filter(function (n) { return isGoodput[fleetOf[n]] === true; });
    var compact = mine.length > MAX_SHOWN;
    var shown = compact ? mine.filter(function (n) { return /\.(successes|attempts)$/.test(n); }) : mine;
    var defs = [];
    if (run.cols.goodput) defs.push(def(run, "goodput", "goodput", { width: 2.5, color: "#000000" }));
    names.forEach(function (n) {
      defs.push(def(run, n, fleetOf[n] + " · " + part(n, 2), {
        color: COLORS[fleets.indexOf(fleetOf[n]) % COLORS.length], dash: METRIC_DASH[part(n, 2)] || [], show: shown.indexOf(n) >= 0,
      }));
    });
    var hidden = names.filter(function (n) { return shown.indexOf(n) < 0; });
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
      " hidden (click a legend entry to show or hide its line; type in the box to filter the legend).";
    return { defs: defs, note: note };
  }

  function entityDefs(run, re, metricLabel, extra) {
    return columns(run, re).map(function (n, i) {
      var d = def(run, n, part(n, 1) + (metricLabel ? " · " + metricLabel : ""), { color: COLORS[i % COLORS.length] });
      for (var k in extra || {}) d[k] = extra[k];
      return d;
    });
  }

  function runCharts(run) {
    var time = run.time, mk = run.markers;
    var sec = section("Run: " + run.label + " (seed " + run.summary.seed + ")",
      "Vertical lines: triggers (vermillion), detection and diagnosis (purple, dotted), operator actions (blue, dashed), " +
      "recovery (green). Shaded bands: the lowest and highest interval inside each plotted point (full data: series.csv).");
    var load = loadChart(run);
    if (load.note) sec.appendChild(el("p", { "class": "legend-note", "data-note": "hidden-fleets" }, load.note));
    lineChart(sec, "load", "Offered load, attempts and goodput", "per second", time, load.defs, { markers: mk });
    var dev = entityDefs(run, new RegExp(data.patterns.deviceQueue), "queue")
      .concat(entityDefs(run, new RegExp(data.patterns.deviceUtilisation), "utilisation", { scale: "y2", dash: [6, 3] }));
    lineChart(sec, "devices", "Devices: queue (left) and utilisation (right, dashed)", "jobs waiting", time, dev,
      { markers: mk, y2Label: "utilisation (share of capacity)" });
    lineChart(sec, "drops", "Devices: drops", "per second", time, entityDefs(run, new RegExp(data.patterns.deviceDrops), "drops"), { markers: mk });
    lineChart(sec, "services", "Service queues", "requests waiting", time, entityDefs(run, new RegExp(data.patterns.serviceQueue), "queue"), { markers: mk });
    var mon = columns(run, new RegExp(data.patterns.monitoring));
    if (mon.length > 0) {
      var mdefs = mon.map(function (n, i) {
        return def(run, n, "monitoring · " + part(n, 1), n === "monitoring.blind" ? { scale: "y2", dash: [6, 3], color: COLORS[3] } : { color: COLORS[i % COLORS.length] });
      });
      lineChart(sec, "monitoring", "Monitoring staleness", "seconds since fresh data", time, mdefs,
        { markers: mk, y2Label: "blind (1) or seeing (0)" });
    }
    dependentBars(sec, run);
  }
` +
  String.raw`
  function dependentBars(sec, run) {
    var deps = Object.keys(run.summary.dependents || {});
    if (deps.length === 0) return;
    var b = box(sec, "dependents", "Dependents' outages (vermillion: down)", "");
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
      ctx.fillStyle = "#d8efe6";
      ctx.fillRect(left, y, span, rowH - 6);
      ctx.fillStyle = "#D55E00";
      d.windows.forEach(function (wd) { ctx.fillRect(x(wd.start), y, Math.max(1, x(wd.end) - x(wd.start)), rowH - 6); });
    });
    ctx.fillStyle = "#555";
    var ticks = roundTicks(0, end, local0, Math.floor(span / 85));
    ticks.ticks.forEach(function (t) { ctx.fillText(tickLabel(t, local0, ticks.step), x(t) - 14, h - 6); });
    var drawn = 0;
    run.markers.forEach(function (mk) {
      ctx.strokeStyle = MARK[mk.kind] || "#333"; ctx.setLineDash([3, 3]);
      ctx.beginPath(); ctx.moveTo(x(mk.t), 0); ctx.lineTo(x(mk.t), h - 20); ctx.stroke();
      drawn++;
    });
    state.markers.dependents = drawn;
    state.drawn.push("dependents");
  }

  function compareSection(cmp) {
    var sec = section("Compare: " + data.runs.length + " variants, seeds " + cmp.seeds.join(", "),
      "Overlays show each variant's first replication (same seed in all: common random numbers). Each variant has " +
      "its own colour, dash and width (the first widest), so identical lines stay visible. Markers: the first variant's.");
    var t = el("table", { class: "stats", "data-stats": "" });
    cmp.table.forEach(function (row, i) {
      var tr = el("tr");
      row.forEach(function (cell) { tr.appendChild(el(i === 0 ? "th" : "td", {}, cell)); });
      t.appendChild(tr);
    });
    sec.appendChild(t);
    var time = data.runs[0].time, n = time.length;
    var pick = function (run, name) {
      var v = run.cols[name] || [];
      var out = new Array(n);
      for (var i = 0; i < n; i++) out[i] = v[i] === undefined ? null : v[i];
      return out;
    };
    var style = function (i) {
      return { color: COLORS[i % COLORS.length], dash: VARIANT_DASH[i % VARIANT_DASH.length], width: Math.max(1.25, 4 - i * 0.5) };
    };
    var mk = data.runs[0].markers;
    lineChart(sec, "overlay-goodput", "Goodput by variant", "successes per second", time,
      data.runs.map(function (r, i) { var d = style(i); d.label = r.label; d.values = pick(r, "goodput"); return d; }), { markers: mk });
    var amp = data.runs.map(function (r, i) {
      var d = style(i); d.label = r.label;
      if (r.cols.amplification) { d.values = pick(r, "amplification"); return d; }
      var att = columns(r, /^fleet\.[^.]+\.attempts$/), first = columns(r, /^fleet\.[^.]+\.firstAttempts$/);
      var vals = new Array(n);
      for (var k = 0; k < n; k++) {
        var a = 0, f = 0;
        att.forEach(function (c) { a += r.cols[c][k] || 0; });
        first.forEach(function (c) { f += r.cols[c][k] || 0; });
        vals[k] = f > 0 ? a / f : null;
      }
      d.values = vals;
      return d;
    });
    lineChart(sec, "overlay-amplification", "Amplification by variant", "attempts per first attempt", time, amp, { markers: mk });
  }

  try {
    if (data.runs.length > 0) runCharts(data.runs[0]);
    if (data.compare) compareSection(data.compare);
    if (data.sweep) heatmaps(data.sweep, { section: section, box: box, dur: dur, state: state, WIDTH: WIDTH });
  } catch (e) {
    state.errors.push(String(e && e.stack || e));
    console.error(e);
  }
})();
`;
