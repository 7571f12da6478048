/**
 * Browser JavaScript (plain ES5, no backticks) that the report's script includes: `heatmaps(sw, ctx)` draws a
 * sweep's phase diagram, one heat map per slice of the parameters beyond the first two, in three classes - recovers
 * (stable cells lighter), metastable, undetermined - plus grey for points without a result, and draws the boundary
 * (a thick line) between every pair of neighbouring cells of which exactly one is metastable. It records per chart
 * the number of boundary segments in `state.boundary[id]`. `env` gives the shared helpers: section, box, dur, state,
 * WIDTH.
 */
export const HEATMAP_SCRIPT = String.raw`
var PHASE_COLOR = { stable: "#9ad9c5", recovers: "#009E73", metastable: "#D55E00", undetermined: "#8a8a8a" };
function heatmaps(sw, env) {
  var sec = env.section("Phase diagram",
    "Three classes. Green: recovers (light green: never under verdict.stableRatio, default 50%, of baseline; " +
    "green: dips and comes back); vermillion: metastable; grey: undetermined (the runs end before the metastable " +
    "check). White: no result. Black line: the boundary between metastable and not. Cell text: median recovery " +
    "time from the trigger's start.");
  var px = sw.params[0], py = sw.params[1];
  var rest = sw.params.slice(2);
  var slices = [[]];
  rest.forEach(function (p) {
    var next = [];
    slices.forEach(function (s) { p.values.forEach(function (_, j) { next.push(s.concat([j])); }); });
    slices = next;
  });
  var num = function (v) { return String(Number(Number(v).toPrecision(3))); };
  var fmt = function (p, v) {
    if (p.units === "duration") return v < 60 ? num(v) + "s" : env.dur(v);
    if (p.units === "percent") return num(v * 100) + "%";
    if (p.units === "rate") return num(v) + "/s";
    return num(v);
  };
  slices.slice(0, 16).forEach(function (slice, si) {
    var label = slice.map(function (j, k) { return rest[k].path + "=" + fmt(rest[k], rest[k].values[j]); }).join(", ");
    var id = "heatmap" + (si === 0 ? "" : "-" + si);
    var b = env.box(sec, id, "Phase by " + px.path + (py ? " x " + py.path : "") + (label ? " at " + label : ""), "");
    var nx = px.values.length, ny = py ? py.values.length : 1;
    var left = 110, bottom = 40, top = 24, dpr = window.devicePixelRatio || 1;
    var cw = Math.max(18, Math.min(90, Math.floor((env.WIDTH - left - 20) / nx)));
    var ch = Math.max(18, Math.min(60, Math.floor(420 / ny)));
    var w = Math.max(left + cw * nx + 20, 420), h = ch * ny + bottom + top;
    var c = document.createElement("canvas");
    c.width = w * dpr; c.height = h * dpr; c.style.width = w + "px"; c.style.height = h + "px";
    b.appendChild(c);
    var ctx = c.getContext("2d");
    ctx.scale(dpr, dpr);
    ctx.font = "11px sans-serif";
    var grid = {};
    sw.cells.forEach(function (cell) {
      for (var k = 0; k < slice.length; k++) if (cell.coords[k + 2] !== slice[k]) return;
      var i = cell.coords[0], j = py ? cell.coords[1] : 0;
      grid[i + "," + j] = cell;
      var x = left + i * cw, y = top + (ny - 1 - j) * ch;
      ctx.fillStyle = cell.phase ? PHASE_COLOR[cell.phase] : "#ffffff";
      ctx.fillRect(x, y, cw - 1, ch - 1);
      if (!cell.phase) { ctx.strokeStyle = "#bbb"; ctx.strokeRect(x + 0.5, y + 0.5, cw - 2, ch - 2); }
      if (cw >= 40 && cell.medianRecoverySeconds !== null) {
        ctx.fillStyle = cell.phase === "metastable" || cell.phase === "recovers" ? "#fff" : "#000";
        ctx.fillText(env.dur(cell.medianRecoverySeconds), x + 3, y + ch / 2 + 4);
      }
    });
    var stuck = function (i, j) { var g = grid[i + "," + j]; return g ? g.phase === "metastable" : null; };
    var segments = 0;
    ctx.strokeStyle = "#000"; ctx.lineWidth = 3; ctx.beginPath();
    for (var i = 0; i < nx; i++) for (var j = 0; j < ny; j++) {
      var a = stuck(i, j);
      if (a === null) continue;
      var r = i + 1 < nx ? stuck(i + 1, j) : null, u = j + 1 < ny ? stuck(i, j + 1) : null;
      if (r !== null && r !== a) {
        var bx = left + (i + 1) * cw - 0.5;
        ctx.moveTo(bx, top + (ny - 1 - j) * ch); ctx.lineTo(bx, top + (ny - j) * ch); segments++;
      }
      if (u !== null && u !== a) {
        var by = top + (ny - 1 - j) * ch - 0.5;
        ctx.moveTo(left + i * cw, by); ctx.lineTo(left + (i + 1) * cw, by); segments++;
      }
    }
    ctx.stroke();
    ctx.lineWidth = 1;
    env.state.boundary[id] = segments;
    ctx.fillStyle = "#222";
    px.values.forEach(function (v, i) { if (nx <= 20 || i % Math.ceil(nx / 20) === 0) ctx.fillText(fmt(px, v), left + i * cw + 2, top + ny * ch + 14); });
    ctx.fillText(px.path, left, h - 6);
    if (py) {
      ctx.fillText(py.path, 4, 14);
      py.values.forEach(function (v, j) { ctx.fillText(fmt(py, v), 4, top + (ny - 1 - j) * ch + ch / 2 + 4); });
    }
    env.state.drawn.push(id);
  });
}
`;
