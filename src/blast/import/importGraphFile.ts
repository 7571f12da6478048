import { parseDuration } from "../../core/parseDuration.js";
import { isStampedeError } from "../../core/StampedeError.js";
import type { GraphBuilder, NodeInput } from "../../graph/GraphBuilder.js";
import { ensureLocation } from "./ensureLocation.js";
import { type GraphFile, GraphFileSchema } from "./graphFileSchema.js";
import { ImportIssues } from "./ImportIssues.js";
import { readYamlInput } from "./readYamlInput.js";

/** What a graph file contributed besides nodes and edges. */
export interface GraphFileResult {
  /** Declared correlated pairs (node ids), for N-2. */
  readonly correlated: readonly (readonly [string, string])[];
}

/**
 * Imports stampede's own YAML graph format (see GraphFileSchema and docs/blast.md) into `builder`. Every problem
 * (YAML syntax, schema, unknown node ids, bad durations, duplicate ids) is collected with its `file:line:col` and
 * thrown at once as an ImportError.
 */
export function importGraphFile(file: string, text: string, builder: GraphBuilder): GraphFileResult {
  const issues = new ImportIssues();
  const { raw, at } = readYamlInput(file, text, issues);
  const parsed = GraphFileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.add("E_GRAPH_SCHEMA", issue.message, at(issue.path));
    issues.throwIfAny(file);
    return { correlated: [] };
  }
  const data: GraphFile = parsed.data;
  const duration = (v: string | number | undefined, path: PropertyKey[]): number | undefined => {
    if (v === undefined) return undefined;
    try {
      return parseDuration(v);
    } catch (e) {
      issues.add("E_GRAPH_BAD_DURATION", isStampedeError(e) ? e.message : String(e), at(path));
      return undefined;
    }
  };
  const indices: number[] = [];
  data.nodes.forEach((n, i) => {
    const rto = n.rtoHours !== undefined ? n.rtoHours * 3600 : duration(n.rto, ["nodes", i, "rto"]);
    const failover = duration(n.failover, ["nodes", i, "failover"]);
    const {
      dependsOn: _d,
      entity: _e,
      provider: _p,
      region: _r,
      zone: _z,
      rto: _rt,
      rtoHours: _rh,
      failover: _f,
      ...rest
    } = n;
    const input: NodeInput = {
      ...(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Pick<
        NodeInput,
        "id" | "type"
      >),
      ...(rto !== undefined ? { rtoSeconds: rto } : {}),
      ...(n.provider && n.type === "service" ? { provider: n.provider } : {}),
      ...(failover !== undefined ? { failoverSeconds: failover } : {}),
      source: (({ path: _path, ...place }) => place)(at(["nodes", i])),
    };
    const have = builder.indexOf(n.id);
    if (
      have !== undefined &&
      builder.info(have).type === n.type &&
      ["provider", "region", "zone"].includes(n.type)
    ) {
      builder.update(have, input); // a location added by a shorthand earlier, or shared between files
      indices.push(have);
      return;
    }
    try {
      indices.push(builder.addNode(input));
    } catch (e) {
      if (!isStampedeError(e)) throw e;
      issues.add(e.code, e.message, at(["nodes", i, "id"]));
      indices.push(-1);
    }
  });
  const resolve = (id: string, path: PropertyKey[]): number | undefined => {
    const i = builder.indexOf(id);
    if (i === undefined) issues.add("E_GRAPH_UNKNOWN_NODE", `no node "${id}"`, at(path));
    return i;
  };
  data.nodes.forEach((n, i) => {
    const self = indices[i]!;
    if (self < 0) return;
    if (n.provider) builder.dependsOn(self, ensureLocation(builder, "provider", n.provider));
    if (n.region) builder.dependsOn(self, ensureLocation(builder, "region", n.region));
    if (n.zone) builder.dependsOn(self, ensureLocation(builder, "zone", n.zone));
    if (n.entity) {
      const e = resolve(n.entity, ["nodes", i, "entity"]);
      if (e !== undefined) builder.dependsOn(e, self, { kind: n.critical ? "hard" : "soft" });
    }
    (n.dependsOn ?? []).forEach((d, j) => {
      const path = ["nodes", i, "dependsOn", j];
      if (typeof d === "string") {
        const t = resolve(d, path);
        if (t !== undefined) builder.dependsOn(self, t);
      } else if ("on" in d) {
        const t = resolve(d.on, [...path, "on"]);
        const opts = { ...(d.kind ? { kind: d.kind } : {}), ...(d.plane ? { plane: d.plane } : {}) };
        if (t !== undefined) builder.dependsOn(self, t, opts);
      } else {
        const members = d.anyOf.map((m, x) => resolve(m, [...path, "anyOf", x]));
        if (members.some((m) => m === undefined)) return;
        const opts = { ...(d.kind ? { kind: d.kind } : {}), ...(d.plane ? { plane: d.plane } : {}) };
        try {
          builder.dependsOnGroup(self, members as number[], d.k ?? 1, opts);
        } catch (e) {
          if (!isStampedeError(e)) throw e;
          issues.add(e.code, e.message, at([...path, "k"]));
        }
      }
    });
  });
  (data.correlated ?? []).forEach((pair, i) => {
    pair.forEach((id, j) => {
      resolve(id, ["correlated", i, j]);
    });
  });
  issues.throwIfAny(file);
  return { correlated: data.correlated ?? [] };
}
