import { type Document, LineCounter, parseAllDocuments } from "yaml";
import { parseDuration } from "../../core/parseDuration.js";
import { isStampedeError } from "../../core/StampedeError.js";
import type { GraphBuilder } from "../../graph/GraphBuilder.js";
import type { NodeType } from "../../graph/NodeType.js";
import { yamlData, yamlParseOptions, yamlSyntaxErrors } from "../../scenario/yamlData.js";
import { ensureLocation } from "./ensureLocation.js";
import { ImportIssues } from "./ImportIssues.js";
import { yamlLocate } from "./yamlLocate.js";

/** Annotation prefix read by the importer. */
export const ANNOTATION = "stampede.dev/";

const KIND_TYPES: Readonly<Record<string, NodeType>> = {
  system: "organisation",
  component: "function",
  resource: "service",
};

interface Entity {
  readonly id: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly doc: Document.Parsed;
  readonly raw: Record<string, unknown>;
  readonly annotations: Record<string, string>;
}

/** Summary of a Backstage import. */
export interface BackstageResult {
  readonly entities: number;
  /** Documents of other kinds (API, Group, User, ...), not part of the graph. */
  readonly skipped: number;
}

/**
 * Imports Backstage `catalog-info.yaml` (several documents) into `builder`: System -> organisation, Component ->
 * function, Resource -> service; `spec.dependsOn` and `spec.dependencyOf` give hard edges; a System depends on its
 * components (hard when the component is critical). Annotations (all optional): `stampede.dev/provider`, `region`
 * (comma list), `zone`, `plane` (control|data: plane of edges to this entity), `critical`, `rto`, `failover`,
 * `service-type`, `sector`, `assets`, `soft` (comma list of dependsOn refs that are soft), `redundancy` (k: the hard
 * dependsOn form one k-of-n group), `min-regions` (k over listed regions, default 1). Every problem is reported with
 * its location at once (ImportError).
 */
export function importBackstage(file: string, text: string, builder: GraphBuilder): BackstageResult {
  const issues = new ImportIssues();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, yamlParseOptions(lineCounter));
  const list = Array.isArray(docs) ? docs : [];
  const entities: Entity[] = [];
  let skipped = 0;
  for (const doc of list) {
    const syntax = yamlSyntaxErrors(doc, lineCounter, file, "E_YAML_SYNTAX");
    issues.errors.push(...syntax);
    if (syntax.length > 0) continue;
    let raw: unknown;
    try {
      raw = yamlData(doc, lineCounter, file, "E_YAML");
    } catch (e) {
      if (!isStampedeError(e)) throw e;
      issues.errors.push(e);
      continue;
    }
    if (raw === null || raw === undefined) continue;
    const where = (path: PropertyKey[]): { file: string; line: number; col: number; path: string } => ({
      file,
      ...yamlLocate(doc, lineCounter, path),
      path: path.map(String).join("."),
    });
    if (typeof raw !== "object" || Array.isArray(raw)) {
      issues.add("E_CATALOG_SCHEMA", "a catalog document must be a mapping", where([]));
      continue;
    }
    const r = raw as Record<string, unknown>;
    const kind = typeof r["kind"] === "string" ? r["kind"].toLowerCase() : undefined;
    const meta = (r["metadata"] ?? {}) as Record<string, unknown>;
    if (!kind) {
      issues.add("E_CATALOG_SCHEMA", "missing kind", where(["kind"]));
      continue;
    }
    if (!KIND_TYPES[kind]) {
      skipped++;
      continue;
    }
    if (typeof meta["name"] !== "string" || meta["name"] === "") {
      issues.add("E_CATALOG_SCHEMA", "missing metadata.name", where(["metadata", "name"]));
      continue;
    }
    const namespace = typeof meta["namespace"] === "string" ? meta["namespace"] : "default";
    const annotations: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [k, v] of Object.entries((meta["annotations"] ?? {}) as Record<string, unknown>)) {
      if (k.startsWith(ANNOTATION)) annotations[k.slice(ANNOTATION.length)] = String(v).trim();
    }
    entities.push({
      id: `${kind}:${namespace}/${meta["name"]}`,
      kind,
      namespace,
      name: meta["name"],
      doc,
      raw: r,
      annotations,
    });
  }
  const byId = new Map<string, Entity>();
  const indexOf = new Map<Entity, number>();
  for (const e of entities) {
    const at = (path: PropertyKey[]) => ({
      file,
      ...yamlLocate(e.doc, lineCounter, path),
      path: path.join("."),
    });
    const a = e.annotations;
    const spec = (e.raw["spec"] ?? {}) as Record<string, unknown>;
    const meta = e.raw["metadata"] as Record<string, unknown>;
    const num = (key: string, parse: (s: string) => number): number | undefined => {
      const v = a[key];
      if (v === undefined) return undefined;
      try {
        const n = parse(v);
        if (!Number.isFinite(n) || n < 0) throw new Error("not a non-negative number");
        return n;
      } catch (err) {
        const msg = isStampedeError(err) ? err.message : (err as Error).message;
        issues.add(
          "E_CATALOG_BAD_ANNOTATION",
          `${ANNOTATION}${key} "${v}": ${msg}`,
          at(["metadata", "annotations", ANNOTATION + key]),
        );
        return undefined;
      }
    };
    const critical =
      a["critical"] === undefined ? undefined : ["true", "yes", "1"].includes(a["critical"].toLowerCase());
    const rto = num("rto", (s) => parseDuration(/^\d+(\.\d+)?$/.test(s) ? `${s}h` : s));
    const failover = num("failover", (s) => parseDuration(s));
    const assets = num("assets", Number);
    const serviceType =
      a["service-type"] ??
      (e.kind === "resource" && typeof spec["type"] === "string" ? spec["type"] : undefined);
    try {
      const i = builder.addNode({
        id: e.id,
        type: KIND_TYPES[e.kind]!,
        name: typeof meta["title"] === "string" ? meta["title"] : e.name,
        ...(critical !== undefined ? { critical } : {}),
        ...(rto !== undefined ? { rtoSeconds: rto } : {}),
        ...(failover !== undefined ? { failoverSeconds: failover } : {}),
        ...(assets !== undefined ? { assets } : {}),
        ...(a["sector"] ? { sector: a["sector"] } : {}),
        ...(serviceType ? { serviceType } : {}),
        ...(a["provider"] && e.kind === "resource" ? { provider: a["provider"] } : {}),
        source: { file, ...yamlLocate(e.doc, lineCounter, []) },
      });
      byId.set(e.id, e);
      indexOf.set(e, i);
    } catch (err) {
      if (!isStampedeError(err)) throw err;
      issues.add(err.code, err.message, at(["metadata", "name"]));
    }
  }
  const resolve = (ref: unknown, from: Entity, path: PropertyKey[]): Entity | undefined => {
    const at = { file, ...yamlLocate(from.doc, lineCounter, path), path: path.join(".") };
    if (typeof ref !== "string") {
      issues.add("E_CATALOG_SCHEMA", "an entity reference must be a string", at);
      return undefined;
    }
    const m = /^(?:([^:]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref.trim())!;
    const namespace = m[2] ?? from.namespace;
    if (m[1]) {
      const hit = byId.get(`${m[1].toLowerCase()}:${namespace}/${m[3]}`);
      if (!hit) issues.add("E_CATALOG_UNKNOWN_REF", `no entity "${ref}" in the catalog`, at);
      return hit;
    }
    const hits = [...byId.values()].filter((e) => e.name === m[3] && e.namespace === namespace);
    if (hits.length !== 1) {
      const why = hits.length === 0 ? "no entity" : "several entities (give the kind)";
      issues.add("E_CATALOG_UNKNOWN_REF", `${why} "${ref}" in the catalog`, at);
      return undefined;
    }
    return hits[0];
  };
  const planeOf = (e: Entity): { plane?: "control" } =>
    e.annotations["plane"] === "control" ? { plane: "control" } : {};
  for (const [id, e] of byId) {
    void id;
    const self = indexOf.get(e)!;
    const spec = (e.raw["spec"] ?? {}) as Record<string, unknown>;
    const a = e.annotations;
    const soft = new Set(
      (a["soft"] ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    );
    const hard: number[] = [];
    const deps = Array.isArray(spec["dependsOn"]) ? (spec["dependsOn"] as unknown[]) : [];
    deps.forEach((ref, j) => {
      const t = resolve(ref, e, ["spec", "dependsOn", j]);
      if (!t) return;
      const ti = indexOf.get(t)!;
      if (soft.has(String(ref))) builder.dependsOn(self, ti, { kind: "soft", ...planeOf(t) });
      else if (a["redundancy"] === undefined) builder.dependsOn(self, ti, planeOf(t));
      else hard.push(ti);
    });
    if (a["redundancy"] !== undefined && hard.length > 0) {
      const k = Number(a["redundancy"]);
      const at = {
        file,
        ...yamlLocate(e.doc, lineCounter, ["metadata", "annotations"]),
        path: `${ANNOTATION}redundancy`,
      };
      if (!Number.isInteger(k) || k < 1 || k > hard.length) {
        issues.add(
          "E_CATALOG_BAD_ANNOTATION",
          `redundancy "${a["redundancy"]}" must be an integer from 1 to ${hard.length}`,
          at,
        );
      } else builder.dependsOnGroup(self, hard, k);
    }
    const rdeps = Array.isArray(spec["dependencyOf"]) ? (spec["dependencyOf"] as unknown[]) : [];
    rdeps.forEach((ref, j) => {
      const t = resolve(ref, e, ["spec", "dependencyOf", j]);
      if (t) builder.dependsOn(indexOf.get(t)!, self, planeOf(e));
    });
    if (spec["system"] !== undefined && e.kind === "component") {
      const ref = String(spec["system"]);
      const sys = resolve(ref.includes(":") ? ref : `system:${ref}`, e, ["spec", "system"]);
      if (sys)
        builder.dependsOn(indexOf.get(sys)!, self, { kind: a["critical"] === "true" ? "hard" : "soft" });
    }
    addLocation(builder, self, e, issues, {
      file,
      ...yamlLocate(e.doc, lineCounter, ["metadata", "annotations"]),
    });
  }
  issues.throwIfAny(file);
  return { entities: byId.size, skipped };
}

/** Edges from an entity to its provider, regions (k-of-n) or zones, from annotations. */
function addLocation(
  builder: GraphBuilder,
  self: number,
  e: Entity,
  issues: ImportIssues,
  where: { file: string; line: number; col: number },
): void {
  const a = e.annotations;
  const provider = a["provider"];
  const regions = (a["region"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const zones = (a["zone"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!provider) {
    if (regions.length > 0 || zones.length > 0) {
      issues.add("E_CATALOG_BAD_ANNOTATION", `${ANNOTATION}region and zone need ${ANNOTATION}provider`, {
        ...where,
        path: `${ANNOTATION}provider`,
      });
    }
    return;
  }
  if (zones.length > 0 && regions.length !== 1) {
    issues.add("E_CATALOG_BAD_ANNOTATION", `${ANNOTATION}zone needs exactly one ${ANNOTATION}region`, {
      ...where,
      path: `${ANNOTATION}zone`,
    });
    return;
  }
  const targets =
    zones.length > 0
      ? zones.map((z) => ensureLocation(builder, "zone", `${provider}/${regions[0]}/${z}`))
      : regions.length > 0
        ? regions.map((r) => ensureLocation(builder, "region", `${provider}/${r}`))
        : [ensureLocation(builder, "provider", provider)];
  const k = a["min-regions"] === undefined ? 1 : Number(a["min-regions"]);
  if (!Number.isInteger(k) || k < 1 || k > targets.length) {
    issues.add(
      "E_CATALOG_BAD_ANNOTATION",
      `min-regions "${a["min-regions"]}" must be an integer from 1 to ${targets.length}`,
      {
        ...where,
        path: `${ANNOTATION}min-regions`,
      },
    );
    return;
  }
  builder.dependsOnGroup(self, targets, k, a["plane"] === "control" ? { plane: "control" } : {});
}
