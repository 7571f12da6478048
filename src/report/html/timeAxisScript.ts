/**
 * Browser JavaScript (plain ES5, no backticks) that the report's script includes: round clock-time ticks for the
 * time axes. `roundTicks(min, max, local0, maxTicks)` picks the smallest step of TICK_STEPS (1 s ... 1 day) that
 * gives at most `maxTicks` ticks between `min` and `max` (seconds from the scenario's start) and returns the ticks on
 * the clock's round times (every 15 min at 07:15, 07:30 ...; every hour on the hour), where `local0` is the local
 * wall-clock time of second 0 in seconds since the epoch (the start's own zone; NaN: no start, ticks from 0).
 * `tickLabel(t, local0, step)` prints a tick: `07:30` (`07:30:15` for steps under a minute; the date at midnight).
 */
export const TIME_AXIS_SCRIPT = String.raw`
var TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
function roundTicks(min, max, local0, maxTicks) {
  var span = Math.max(1e-9, max - min), step = TICK_STEPS[TICK_STEPS.length - 1];
  for (var i = 0; i < TICK_STEPS.length; i++) if (span / TICK_STEPS[i] <= maxTicks) { step = TICK_STEPS[i]; break; }
  while (span / step > maxTicks) step *= 2;
  var base = isFinite(local0) ? local0 : 0;
  var first = Math.ceil((base + min) / step - 1e-9) * step - base;
  var ticks = [];
  for (var k = 0; first + k * step <= max + 1e-9; k++) ticks.push(first + k * step);
  return { step: step, ticks: ticks };
}
function tickPad(n) { return (n < 10 ? "0" : "") + n; }
function tickLabel(t, local0, step) {
  if (!isFinite(local0)) {
    var m = Math.round(t / 60);
    return (t < 0 ? "-" : "+") + Math.floor(Math.abs(m) / 60) + "h" + tickPad(Math.abs(m) % 60);
  }
  var d = new Date(Math.round((local0 + t) * 1000));
  var hm = tickPad(d.getUTCHours()) + ":" + tickPad(d.getUTCMinutes());
  if (step < 60) hm += ":" + tickPad(d.getUTCSeconds());
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0)
    return d.toISOString().slice(0, 10) + " " + hm;
  return hm;
}
`;
