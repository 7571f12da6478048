import { StampedeError } from "../core/StampedeError.js";
import type { DependencyGraph } from "../graph/DependencyGraph.js";
import type { TimedFailure } from "../graph/evaluateTimeline.js";

/** Result of {@link failuresFromRun}: failures for matched services, and names of those that matched nothing. */
export interface RunFailures {
  readonly failures: TimedFailure[];
  readonly matched: readonly { service: string; nodes: readonly string[] }[];
  readonly unmatched: readonly string[];
}

interface RunService {
  name: string;
  outageWindows: { start: number; end: number }[];
}

/**
 * Reads `services[*].outageWindows` ([{start, end}] in seconds) of a simulation RunResult (services as an array of
 * objects with `name`, or an object keyed by name) and turns each window into failures of graph nodes: those named in
 * `map` (service name -> node id or ids), else the node whose id or name equals the service name (ignoring case).
 * Throws E_BLAST_BAD_RUN for a malformed summary and E_BLAST_NO_MATCH when no service matches a node.
 */
export function failuresFromRun(
  graph: DependencyGraph,
  run: unknown,
  map: Readonly<Record<string, string | readonly string[]>> = {},
  file = "summary.json",
): RunFailures {
  const services = readServices(run, file);
  const byName = new Map<string, number>();
  for (let i = 0; i < graph.nodeCount; i++) {
    const info = graph.info(i);
    byName.set(info.name.toLowerCase(), i);
    byName.set(info.id.toLowerCase(), i);
  }
  const failures: TimedFailure[] = [];
  const matched: { service: string; nodes: string[] }[] = [];
  const unmatched: string[] = [];
  for (const s of services) {
    const targets = map[s.name];
    const ids = targets === undefined ? [s.name] : typeof targets === "string" ? [targets] : [...targets];
    const nodes: number[] = [];
    for (const id of ids) {
      const i = graph.indexOf(id) ?? byName.get(id.toLowerCase());
      if (i === undefined && targets !== undefined) {
        throw new StampedeError(
          "E_BLAST_UNKNOWN_NODE",
          `--map sends service "${s.name}" to "${id}", which is not in the graph`,
        );
      }
      if (i !== undefined) nodes.push(i);
    }
    if (nodes.length === 0) {
      unmatched.push(s.name);
      continue;
    }
    matched.push({ service: s.name, nodes: nodes.map((i) => graph.info(i).id) });
    for (const w of s.outageWindows)
      for (const node of nodes) failures.push({ node, start: w.start, end: w.end });
  }
  if (matched.length === 0) {
    throw new StampedeError(
      "E_BLAST_NO_MATCH",
      `no service of ${file} (${services.map((s) => s.name).join(", ") || "none"}) matches a graph node: give --map FILE`,
    );
  }
  return { failures, matched, unmatched };
}

function readServices(run: unknown, file: string): RunService[] {
  const bad = (msg: string): never => {
    throw new StampedeError("E_BLAST_BAD_RUN", `${file}: ${msg}`, { path: "services" });
  };
  if (typeof run !== "object" || run === null || !("services" in run))
    return bad("no services: is this a RunResult summary?");
  const raw = (run as { services: unknown }).services;
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((s, i) => [String((s as { name?: unknown })?.name ?? `#${i}`), s])
    : typeof raw === "object" && raw !== null
      ? Object.entries(raw)
      : bad("services must be an array or an object");
  return entries.map(([name, s]) => {
    const ws = (s as { outageWindows?: unknown })?.outageWindows ?? [];
    if (!Array.isArray(ws)) return bad(`services.${name}.outageWindows must be an array`);
    const outageWindows = ws.map((w, j) => {
      const { start, end } = (w ?? {}) as { start?: unknown; end?: unknown };
      if (typeof start !== "number" || typeof end !== "number" || end < start) {
        return bad(`services.${name}.outageWindows[${j}] needs numbers start <= end (seconds)`);
      }
      return { start, end };
    });
    return { name, outageWindows };
  });
}
