import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { StampedeError } from "../../core/StampedeError.js";
import { writeFileAtomic } from "../../core/writeFileAtomic.js";
import type { SweepParam } from "./parseParam.js";
import type { PhaseDiagram } from "./phaseDiagram.js";
import { readResults } from "./resultsFile.js";
import type { SweepFailure } from "./runSweep.js";
import { gridSize, jobKey, type SweepRecord } from "./SweepPlan.js";
import { parseShard } from "./shard.js";
import { writeSweepFiles } from "./writeSweepFiles.js";

/** What `mergeSweeps` found and wrote. */
export interface MergeOutcome {
  records: SweepRecord[];
  failures: SweepFailure[];
  diagram: PhaseDiagram;
  /** The merged sweep.json (the shards' manifest with `shard: null`). */
  manifest: Record<string, unknown>;
  /** Job keys (point/replication) that no shard finished or reported failed. */
  missing: string[];
  /** Result lines whose job was already read (in the same file or another directory); the first is kept. */
  duplicated: number;
  /** Shards of the sweep (`k/n`) that no directory holds. */
  missingShards: string[];
  total: number;
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new StampedeError("E_MERGE", `${file} is missing: not a sweep directory`);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch {
    throw new StampedeError("E_MERGE", `${file} is not valid JSON`);
  }
}

/** Same JSON, ignoring the `shard` field. */
function identity(manifest: Record<string, unknown>): string {
  const { shard: _shard, ...rest } = manifest;
  return JSON.stringify(rest);
}

/**
 * Merges the directories of one sweep's shards (or of one sweep run in pieces): checks they belong to the same sweep
 * (same scenario and its hash, grid, replications, seed, scale, overrides), deduplicates jobs by key, reports missing
 * and duplicated jobs and missing shards, and writes into `out` what an unsharded sweep writes: results.jsonl (sorted
 * by point and replication), sweep.json, phase.json and failures.json (report.html is written by the caller).
 * Throws E_MERGE on directories that are not the same sweep.
 */
export function mergeSweeps(dirs: readonly string[], out: string): MergeOutcome {
  if (dirs.length === 0) throw new StampedeError("E_MERGE", "give at least one sweep directory");
  const manifests = dirs.map((d) => {
    const m = readJson(join(d, "sweep.json"));
    if (typeof m !== "object" || m === null || !("params" in m))
      throw new StampedeError("E_MERGE", `${join(d, "sweep.json")} is not a sweep manifest`);
    return m as Record<string, unknown>;
  });
  const first = manifests[0]!;
  manifests.forEach((m, i) => {
    if (identity(m) === identity(first)) return;
    const { shard: _a, ...a } = first;
    const { shard: _b, ...b } = m;
    const differ = Object.keys({ ...a, ...b }).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    throw new StampedeError(
      "E_MERGE",
      `${dirs[i]} is not the same sweep as ${dirs[0]} (${differ.join(", ")} differ${differ.length === 1 ? "s" : ""})`,
    );
  });
  const params = (
    first["params"] as { path: string; values: number[]; log: boolean; fromText?: string; toText?: string }[]
  ).map(
    (p): SweepParam => ({
      ...p,
      points: p.values.length,
      fromText: p.fromText ?? String(p.values[0]),
      toText: p.toText ?? String(p.values.at(-1)),
      from: p.values[0]!,
      to: p.values.at(-1)!,
    }),
  );
  const replications = first["replications"] as number;
  const shards = manifests.map((m) => (typeof m["shard"] === "string" ? parseShard(m["shard"]) : null));
  const counts = new Set(shards.map((s) => s?.count ?? 1));
  const missingShards: string[] = [];
  if (counts.size === 1 && shards.every((s) => s !== null)) {
    const n = shards[0]!.count;
    for (let k = 1; k <= n; k++) if (!shards.some((s) => s!.index === k)) missingShards.push(`${k}/${n}`);
  }
  const records = new Map<string, SweepRecord>();
  let duplicated = 0;
  for (const d of dirs) {
    const file = join(d, "results.jsonl");
    if (!existsSync(file)) continue;
    const read = readResults(file);
    duplicated += read.duplicates;
    for (const r of read.records) {
      const key = jobKey(r.pointIndex, r.replication);
      const had = records.get(key);
      if (had === undefined) records.set(key, r);
      else {
        duplicated++;
        if (JSON.stringify(had) !== JSON.stringify(r))
          throw new StampedeError(
            "E_MERGE",
            `job ${key} has different results in two directories: the shards did not run the same model`,
          );
      }
    }
  }
  const failures = new Map<string, SweepFailure>();
  for (const d of dirs) {
    const file = join(d, "failures.json");
    if (!existsSync(file)) continue;
    for (const f of readJson(file) as SweepFailure[]) {
      const key = jobKey(f.pointIndex, f.replication);
      if (!records.has(key) && !failures.has(key)) failures.set(key, f);
    }
  }
  const total = gridSize(params) * replications;
  const missing: string[] = [];
  for (let i = 0; i < gridSize(params); i++)
    for (let r = 0; r < replications; r++) {
      const key = jobKey(i, r);
      if (!records.has(key) && !failures.has(key)) missing.push(key);
    }
  const recordList = [...records.values()];
  const failureList = [...failures.values()];
  const diagram = writeSweepFiles(out, params, recordList, failureList);
  const manifest = { ...first, shard: null };
  writeFileAtomic(join(out, "sweep.json"), `${JSON.stringify(manifest)}\n`);
  writeFileAtomic(join(out, "results.jsonl"), recordList.map((r) => `${JSON.stringify(r)}\n`).join(""));
  return {
    records: recordList,
    failures: failureList,
    diagram,
    manifest,
    missing,
    duplicated,
    missingShards,
    total,
  };
}
