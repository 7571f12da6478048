import { join } from "node:path";
import { writeFileAtomic } from "../core/writeFileAtomic.js";
import type { PhaseDiagram } from "../metrics/PhaseDiagram.js";
import { reportHtml } from "./html/reportHtml.js";

/** What the sweep report reads of a sweep's outcome (experiments' `SweepOutcome` is one). */
export interface SweepReportInput {
  /** The finished runs; the first one's `start` dates the report. */
  records: readonly { summary: { start: string } }[];
  diagram: PhaseDiagram;
}

/** Writes the sweep's report.html (the phase-diagram heatmap) into `dir`; results.jsonl is streamed by runSweep. */
export function writeSweepReport(dir: string, scenario: string, outcome: SweepReportInput): void {
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
