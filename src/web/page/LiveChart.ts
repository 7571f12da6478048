import { h } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { LiveData } from "./mergePoints.js";

/** Okabe-Ito blue and vermillion: told apart with every common colour-vision deficiency. */
const COLORS: Record<string, string> = { goodput: "#0072B2", amplification: "#D55E00" };
const UNITS: Record<string, string> = {
  goodput: "successes per second",
  amplification: "attempts per first attempt",
};

/**
 * The live chart of a running run: one small panel per streamed column (goodput, amplification) drawn on a canvas
 * as the points arrive, x = simulated time over the run's span, y from 0 to the column's maximum so far.
 */
export function LiveChart(props: { data: LiveData; version: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const names = Object.keys(props.data.columns);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    const w = c.width;
    const panel = c.height / Math.max(1, names.length);
    ctx.clearRect(0, 0, w, c.height);
    ctx.font = "11px system-ui, sans-serif";
    const span = Math.max(props.data.span, props.data.step, 1);
    names.forEach((name, k) => {
      const col = props.data.columns[name] ?? [];
      let max = 0;
      for (const v of col) if (v !== null && v !== undefined && v > max) max = v;
      const top = k * panel + 14;
      const height = panel - 20;
      ctx.fillStyle = "#333";
      ctx.fillText(`${name} (${UNITS[name] ?? ""}), max ${max.toPrecision(3)}`, 4, k * panel + 11);
      ctx.strokeStyle = "#ccc";
      ctx.strokeRect(0.5, top + 0.5, w - 1, height);
      ctx.strokeStyle = COLORS[name] ?? "#000";
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      let pen = false;
      col.forEach((v, i) => {
        const t = props.data.time[i];
        if (v === null || v === undefined || t === undefined) {
          pen = false;
          return;
        }
        const x = (t / span) * w;
        const y = top + height - (max > 0 ? (v / max) * (height - 2) : 0);
        if (pen) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
        pen = true;
      });
      ctx.stroke();
    });
  }, [props.version]);
  return h(
    "figure",
    {
      class: "live",
      "data-testid": "live-chart",
      "data-points": props.data.time.length,
      "data-streamed": props.data.streamed,
    },
    h("canvas", { ref: canvas, width: 900, height: 70 * Math.max(1, names.length) }),
    h(
      "figcaption",
      { class: "muted" },
      "streamed while the run runs (bucket means); the full charts are below",
    ),
  );
}
