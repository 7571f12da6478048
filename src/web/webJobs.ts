import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { blastRadius } from "../blast/analysis/blastRadius.js";
import { resolveSelector } from "../blast/analysis/resolveSelector.js";
import { singlePointsOfFailure } from "../blast/analysis/singlePointsOfFailure.js";
import { loadGraphs } from "../blast/loadGraphs.js";
import type { BlastResult } from "../blast/output/BlastResult.js";
import { renderBlastHtml } from "../blast/output/renderHtml.js";
import { isStampedeError } from "../core/StampedeError.js";
import { compareVariants } from "../experiments/compareVariants.js";
import type { ExperimentPorts, LoadOptions } from "../experiments/ExperimentPorts.js";
import { checkRunSize } from "../experiments/estimateRun.js";
import type { JobSpec } from "../experiments/JobSpec.js";
import { defaultMemoryLimit } from "../experiments/memoryGuard.js";
import { textHash } from "../experiments/preparedScenarios.js";
import { parseParam } from "../experiments/sweep/parseParam.js";
import { phaseDiagram } from "../experiments/sweep/phaseDiagram.js";
import { runSweep } from "../experiments/sweep/runSweep.js";
import { type SweepRecord, stripTiming } from "../experiments/sweep/SweepPlan.js";
import { SweepStopped } from "../experiments/sweep/SweepStopped.js";
import { validateSweepParams } from "../experiments/sweep/validateSweepParams.js";
import type { TimedFailure } from "../graph/evaluateTimeline.js";
import type { RunSummary, Series, Verdict } from "../metrics/RunResult.js";
import { reportHtml } from "../report/html/reportHtml.js";
import { reportRun } from "../report/html/reportRun.js";
import { verdictWord } from "../report/html/verdictHtml.js";
import { compareReportData } from "../report/writeCompareReport.js";
import { runReportData } from "../report/writeRunReport.js";
import type { Scenario } from "../scenario/Scenario.js";
import type { JobBoard, WebJob } from "./JobBoard.js";
import { LiveSeries } from "./LiveSeries.js";

/** Which scenario a request means: `scenario` (a built-in name or a real path) and, when edited, its text. */
export interface ScenarioChoice {
  scenario: string;
  /** The edited text (loaded instead of the file), and the name it goes by in messages. */
  text?: string;
  file?: string;
  variant?: string;
  set: Record<string, string>;
  scale?: number;
  seed: number;
  until?: number;
}

/** Loads the choice in this thread: bad input fails here, located, before any worker is busy. */
export async function loadChoice(
  ports: ExperimentPorts,
  c: ScenarioChoice,
  variant = c.variant,
): Promise<Scenario> {
  const options: LoadOptions = {
    set: c.set,
    ...(variant === undefined ? {} : { variant }),
    ...(c.scale === undefined ? {} : { scale: c.scale }),
  };
  if (c.text === undefined) return ports.load(c.scenario, options);
  if (!ports.loadText) throw new Error("these ports cannot load a scenario from text");
  return ports.loadText(c.text, c.file ?? c.scenario, options);
}

/** What every job of the choice carries: the edited text as `source` (workers load it instead of the file). */
function extra(c: ScenarioChoice): Partial<JobSpec> {
  return c.text === undefined
    ? {}
    : { source: { file: c.file ?? c.scenario, text: c.text, hash: textHash(c.text) } };
}

const message = (e: unknown): string =>
  isStampedeError(e) ? e.format() : String((e as Error)?.message ?? e);

/** A verdict with nothing known yet: what the live view's summary carries while the run is under way. */
function unknownVerdict(): Verdict {
  return {
    metastable: null,
    sustained: null,
    stable: false,
    triggerStart: null,
    triggerEnd: null,
    detectedAt: null,
    detectedBy: null,
    diagnosedAt: null,
    recoveredAt: null,
    peakAmplification: 0,
    baselineGoodput: 0,
    minGoodputRatio: 0,
    goodputLostSeconds: 0,
    goodputNoiseFloor: 0,
  };
}

/** The live view of a run: the charts of the series so far under a RUNNING header. */
function liveRunHtml(scenario: Scenario, c: ScenarioChoice, series: Series, fraction: number): string {
  const summary = {
    scenario: scenario.name,
    variant: c.variant ?? null,
    seed: c.seed,
    scale: c.scale ?? 1,
    start: scenario.start,
    simulatedSeconds: series.time.length * series.interval,
    verdict: unknownVerdict(),
    triggers: [],
    operators: [],
    dependents: {},
    fleets: {},
  } as unknown as RunSummary;
  return reportHtml({
    kind: "run",
    title: `${scenario.name}: running`,
    start: scenario.start,
    status: `RUNNING ${Math.round(fraction * 100)}%`,
    runs: [reportRun(c.variant ?? "baseline", { summary, series }, scenario.verdict.goodputFleets)],
  });
}

/**
 * Starts one run (`stampede run`): after the same size estimate as the CLI, in a worker, streaming its series: the
 * live report page (the frame) and the downsampled headline columns as `series` events (`LiveSeries`).
 */
export async function startRun(board: JobBoard, ports: ExperimentPorts, c: ScenarioChoice): Promise<WebJob> {
  const scenario = await loadChoice(ports, c);
  checkRunSize(scenario, c.until ?? scenario.duration, { maxBytes: defaultMemoryLimit() });
  const job = board.create("run");
  let live: Series | null = null;
  let liveHtml: string | null = null;
  job.html = () => (liveHtml ??= live === null ? null : liveRunHtml(scenario, c, live, job.fraction));
  const points = new LiveSeries(Math.ceil((c.until ?? scenario.duration) / scenario.interval));
  job.live = points;
  const runner = board.runnerFor(job, extra(c), (fraction, series) => {
    if (series !== undefined) {
      live = series;
      liveHtml = null;
      const e = points.update(series, fraction >= 1);
      if (e !== null) board.stream(job, e);
    }
    board.progress(job, fraction, `${Math.round(fraction * 100)}%`);
  });
  const spec: JobSpec = {
    scenario: c.scenario,
    set: c.set,
    seed: c.seed,
    series: true,
    ...(c.variant === undefined ? {} : { variant: c.variant }),
    ...(c.scale === undefined ? {} : { scale: c.scale }),
    ...(c.until === undefined ? {} : { until: c.until }),
  };
  runner.run(spec).then(
    (out) => {
      const html = reportHtml(
        runReportData(
          { summary: out.summary, series: out.series! },
          { goodputFleets: scenario.verdict.goodputFleets },
        ),
      );
      job.html = () => html;
      job.verdict = verdictWord(out.summary.verdict);
      live = null;
      // The worker's last snapshot may be lost with its progress channel: the result's series completes the points.
      const last = points.update(out.series!, true);
      if (last !== null) board.stream(job, last);
      board.end(job, "done");
    },
    (e: unknown) => board.end(job, "failed", message(e)),
  );
  return job;
}

/** Starts a comparison of variants (`stampede compare`): every replication in the pool. */
export async function startCompare(
  board: JobBoard,
  ports: ExperimentPorts,
  c: ScenarioChoice,
  variants: readonly string[],
  replications: number,
): Promise<WebJob> {
  const goodputFleets: Record<string, readonly string[]> = {};
  for (const v of [undefined, ...variants]) {
    const s = await loadChoice(ports, c, v);
    if (v === undefined) checkRunSize(s, c.until ?? s.duration, { maxBytes: defaultMemoryLimit() });
    goodputFleets[v ?? "baseline"] = s.verdict.goodputFleets;
  }
  const job = board.create("compare");
  compareVariants(board.runnerFor(job, extra(c)), {
    scenario: c.scenario,
    variants,
    replications,
    seed: c.seed,
    set: c.set,
    ...(c.scale === undefined ? {} : { scale: c.scale }),
    ...(c.until === undefined ? {} : { until: c.until }),
    onRunDone: (done, total) => board.progress(job, done / total, `${done}/${total} runs`),
  }).then(
    (result) => {
      const data = compareReportData(result, { goodputFleets });
      const html = reportHtml(data);
      job.html = () => html;
      job.verdict = data.runs.map((r) => `${r.label}: ${verdictWord(r.summary.verdict)}`).join(", ");
      board.end(job, "done");
    },
    (e: unknown) => board.end(job, "failed", message(e)),
  );
  return job;
}

/** Starts a sweep (`stampede sweep`): the phase diagram fills as points finish (scratch files in a temp folder). */
export async function startSweep(
  board: JobBoard,
  ports: ExperimentPorts,
  c: ScenarioChoice,
  paramTexts: readonly string[],
  replications: number,
  concurrency: number,
): Promise<WebJob> {
  const base = await loadChoice(ports, c);
  checkRunSize(base, c.until ?? base.duration, { maxBytes: defaultMemoryLimit() });
  const loader = (_ref: string, o: LoadOptions) =>
    loadChoice(ports, { ...c, set: { ...c.set, ...(o.set as object) } });
  const params = await validateSweepParams(loader, c.scenario, paramTexts.map(parseParam), c.set);
  const job = board.create("sweep");
  const records: SweepRecord[] = [];
  const title = `${base.name}: sweep over ${params.map((p) => p.path).join(" x ")}`;
  const page = (status?: string): string =>
    reportHtml({
      kind: "sweep",
      title,
      start: base.start,
      runs: [],
      sweep: phaseDiagram(params, records),
      ...(status === undefined ? {} : { status }),
    });
  let cached: string | null = null;
  job.html = () => (cached ??= page(`RUNNING ${records.length} runs done`));
  const inner = board.runnerFor(job, extra(c));
  const runner = {
    run: async (spec: JobSpec, key?: string) => {
      if (job.controller.signal.aborted) throw new SweepStopped("cancelled");
      const out = await inner.run(spec, key);
      const [pointIndex, replication] = (key ?? "0/0").split("/").map(Number) as [number, number];
      const point = Object.fromEntries(params.map((p) => [p.path, Number(spec.set[p.path])]));
      records.push({ pointIndex, point, replication, seed: spec.seed, summary: stripTiming(out.summary) });
      cached = null;
      return out;
    },
    close: async () => {},
  };
  const dir = mkdtempSync(join(tmpdir(), "stampede-serve-sweep-"));
  runSweep(
    runner,
    {
      scenario: c.scenario,
      params,
      replications,
      seed: c.seed,
      set: c.set,
      ...(c.scale === undefined ? {} : { scale: c.scale }),
    },
    {
      dir,
      concurrency,
      onProgress: (done, total) =>
        board.progress(job, total === 0 ? 1 : done / total, `${done}/${total} runs`),
    },
  )
    .then(
      (outcome) => {
        const html = page();
        job.html = () => html;
        const t = outcome.diagram.totals;
        job.verdict = `${t.metastable} metastable, ${t.stable + t.recovers} recover, ${t.undetermined} undetermined runs`;
        board.end(job, outcome.stopped === null ? "done" : "cancelled");
      },
      (e: unknown) => board.end(job, "failed", message(e)),
    )
    .finally(() => rmSync(dir, { recursive: true, force: true }));
  return job;
}

/** Runs a blast-radius analysis of graph files (real paths under the root), at once in this thread. */
export function startBlast(
  board: JobBoard,
  paths: readonly string[],
  fail: readonly string[],
  seconds: number,
): WebJob {
  const loaded = loadGraphs(paths);
  const { graph } = loaded;
  const failures: TimedFailure[] = [];
  for (const sel of fail) {
    const s = resolveSelector(graph, sel);
    for (const node of s.nodes) failures.push({ node, start: 0, end: seconds, mode: s.mode });
  }
  const result: BlastResult = {
    schemaVersion: 1,
    sources: loaded.sources,
    warnings: loaded.warnings.map((w) => w.format()),
    graph: { nodes: graph.nodeCount, requirements: graph.groupCount },
    ...(failures.length > 0 ? { radius: blastRadius(graph, failures) } : {}),
    singlePointsOfFailure: singlePointsOfFailure(graph),
  };
  const job = board.create("blast");
  const html = renderBlastHtml(result, graph);
  job.html = () => html;
  const s = result.radius?.summary;
  job.verdict =
    s === undefined
      ? "no failure given"
      : `${s.functionsDown} functions down (${s.criticalDown} critical), ${s.holdersDown} organisations down`;
  board.end(job, "done");
  return job;
}
