import { formatDuration } from "../core/parseDuration.js";
import type { PhaseCell, PhaseDiagram } from "../metrics/PhaseDiagram.js";

const SYMBOL = { stable: ".", recovers: "r", metastable: "M", undetermined: "u" } as const;

function symbol(c: PhaseCell | undefined): string {
  if (!c || c.phase === null) return "?";
  return SYMBOL[c.phase];
}

function short(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/** A parameter value in the units its bounds were written in (`90s`, `50%`, `100/s`); plain numbers stay plain. */
function inUnits(p: PhaseDiagram["params"][number], v: number): string {
  switch (p.units) {
    case "duration":
      return formatDuration(v).replace(" ", "");
    case "percent":
      return `${short(v * 100)}%`;
    case "rate":
      return `${short(v)}/s`;
    default:
      return short(v);
  }
}

/** The phase diagram as text: a map when there are one or two parameters (slices for more), and a table. */
export function sweepText(d: PhaseDiagram): string {
  const out: string[] = [];
  const t = d.totals;
  out.push(
    `${d.cells.length} points, ${t.runs} runs: ${t.stable} stable, ${t.recovers} recover, ${t.metastable} metastable` +
      (t.undetermined > 0 ? `, ${t.undetermined} undetermined (too short to tell)` : "") +
      (t.failed > 0 ? `, ${t.failed} FAILED` : ""),
  );
  if (d.params.length >= 1 && d.params.length <= 2) {
    const x = d.params[0]!;
    const y = d.params[1];
    const cellAt = (i: number, j: number): PhaseCell | undefined =>
      d.cells.find((c) => c.coords[0] === i && (y === undefined || c.coords[1] === j));
    const labelW = y ? Math.max(...y.values.map((v) => inUnits(y, v).length)) : 0;
    const colW = Math.max(...x.values.map((v) => inUnits(x, v).length)) + 1;
    out.push(
      "",
      `phase map (. stable, r recovers, M metastable, u undetermined, ? no result)${y ? `; rows: ${y.path}` : ""}`,
    );
    const rows = y ? [...y.values.keys()].reverse() : [0];
    for (const j of rows) {
      const cells = x.values.map((_, i) => symbol(cellAt(i, j)).padStart(colW)).join("");
      out.push(`${(y ? inUnits(y, y.values[j]!) : "").padStart(labelW)} |${cells}`);
    }
    out.push(`${"".padStart(labelW)} +${"-".repeat(colW * x.values.length)}`);
    out.push(
      `${"".padStart(labelW)}  ${x.values.map((v) => inUnits(x, v).padStart(colW)).join("")}  <- ${x.path}`,
    );
  }
  out.push(
    "",
    [...d.params.map((p) => p.path), "phase", "runs", "undetermined", "recovered", "median recovery"].join(
      "\t",
    ),
  );
  for (const c of d.cells) {
    const rec = c.medianRecoverySeconds === null ? "-" : formatDuration(c.medianRecoverySeconds);
    const counts = `${c.stable}/${c.recovers}/${c.metastable}${c.failed ? ` +${c.failed} failed` : ""}`;
    out.push(
      [
        ...d.params.map((p) => inUnits(p, c.point[p.path]!)),
        c.phase ?? "?",
        counts,
        `${c.undetermined}`,
        `${c.recovered}`,
        rec,
      ].join("\t"),
    );
  }
  out.push(
    "(runs = stable/recovers/metastable, undetermined runs apart; recovery from the trigger's start, median over " +
      "the determined runs that recovered)",
  );
  return `${out.join("\n")}\n`;
}
