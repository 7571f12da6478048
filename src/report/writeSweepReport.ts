import { join } from "node:path";
import { writeFileAtomic } from "../core/writeFileAtomic.js";
import type { SweepOutcome } from "../experiments/sweep/runSweep.js";
import { reportHtml } from "./html/reportHtml.js";

/** Writes the sweep's report.html (the phase-diagram heatmap) into `dir`; results.jsonl is streamed by runSweep. */
export function writeSweepReport(dir: string, scenario: string, outcome: SweepOutcome): void {
  const first = outcome.records[0]?.summary;
  writeFileAtomic(
    join(dir, "report.html"),
    reportHtml({
      kind: "sweep",
      title: `${scenario}: sweep over ${outcome.diagram.params.map((p) => p.path).join(" x ")}`,
      start: first?.start ?? "",
      runs: [],
      sweep: outcome.diagram,
    }),
  );
}
