import { formatDuration } from "../core/parseDuration.js";
import type { PhaseCell, PhaseDiagram } from "../metrics/PhaseDiagram.js";

const SYMBOL = { stable: ".", recovers: "r", metastable: "M" } as const;

function symbol(c: PhaseCell | undefined): string {
  if (!c || c.phase === null) return "?";
  return SYMBOL[c.phase];
}

function short(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/** The phase diagram as text: a map when there are one or two parameters (slices for more), and a table. */
export function sweepText(d: PhaseDiagram): string {
  const out: string[] = [];
  const t = d.totals;
  out.push(
    `${d.cells.length} points, ${t.runs} runs: ${t.stable} stable, ${t.recovers} recover, ${t.metastable} metastable` +
      (t.failed > 0 ? `, ${t.failed} FAILED` : ""),
  );
  if (d.params.length >= 1 && d.params.length <= 2) {
    const x = d.params[0]!;
    const y = d.params[1];
    const cellAt = (i: number, j: number): PhaseCell | undefined =>
      d.cells.find((c) => c.coords[0] === i && (y === undefined || c.coords[1] === j));
    const labelW = y ? Math.max(...y.values.map((v) => short(v).length)) : 0;
    const colW = Math.max(...x.values.map((v) => short(v).length)) + 1;
    out.push(
      "",
      `phase map (. stable, r recovers, M metastable, ? no result)${y ? `; rows: ${y.path}` : ""}`,
    );
    const rows = y ? [...y.values.keys()].reverse() : [0];
    for (const j of rows) {
      const cells = x.values.map((_, i) => symbol(cellAt(i, j)).padStart(colW)).join("");
      out.push(`${(y ? short(y.values[j]!) : "").padStart(labelW)} |${cells}`);
    }
    out.push(`${"".padStart(labelW)} +${"-".repeat(colW * x.values.length)}`);
    out.push(
      `${"".padStart(labelW)}  ${x.values.map((v) => short(v).padStart(colW)).join("")}  <- ${x.path}`,
    );
  }
  out.push("", [...d.params.map((p) => p.path), "phase", "runs", "recovered", "median recovery"].join("\t"));
  for (const c of d.cells) {
    const rec = c.medianRecoverySeconds === null ? "-" : formatDuration(c.medianRecoverySeconds);
    const counts = `${c.stable}/${c.recovers}/${c.metastable}${c.failed ? ` +${c.failed} failed` : ""}`;
    out.push(
      [...d.params.map((p) => short(c.point[p.path]!)), c.phase ?? "?", counts, `${c.recovered}`, rec].join(
        "\t",
      ),
    );
  }
  out.push(
    "(runs = stable/recovers/metastable; recovery from the trigger's start, median over runs that recovered)",
  );
  return `${out.join("\n")}\n`;
}
