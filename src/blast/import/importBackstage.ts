import { parseDuration } from "../../core/parseDuration.js";
import { isStampedeError } from "../../core/StampedeError.js";
import type { GraphBuilder } from "../../graph/GraphBuilder.js";
import type { NodeType } from "../../graph/NodeType.js";
import type { FailoverSpec } from "../failover/FailoverSpec.js";
import { failoverFromAnnotations } from "../failover/failoverFromAnnotations.js";
import { type CatalogLink, catalogIndex, catalogLinks } from "./catalogLinks.js";
import { ensureLocation } from "./ensureLocation.js";
import { ImportIssues } from "./ImportIssues.js";
import { ANNOTATION, type CatalogEntity, readCatalogEntities } from "./readCatalogEntities.js";

export { ANNOTATION } from "./readCatalogEntities.js";

const KIND_TYPES: Readonly<Record<CatalogEntity["kind"], NodeType>> = {
  system: "organisation",
  component: "function",
  resource: "service",
  api: "service",
};

/** Summary of a Backstage import. */
export interface BackstageResult {
  readonly entities: number;
  /** Entities of other kinds (Group, User, Domain, ...), not part of the graph. */
  readonly skipped: number;
  /** Failover specs of components with `stampede.dev/failover-*` annotations (docs/blast.md). */
  readonly failover: readonly FailoverSpec[];
}

/**
 * Imports a Backstage catalog into `builder`: `catalog-info.yaml` documents, or the catalog API's JSON (an array,
 * or `{ items }`, whose `relations` are used when present). System -> organisation, Component -> function,
 * Resource and API -> service. Dependencies followed (see catalogLinks): `dependsOn`, `dependencyOf`,
 * `consumesApis` (the consumer needs the API), `providesApis` (the API needs its providers), `subcomponentOf` (the
 * parent needs its parts), `system` of a Component, Resource or API (the system needs it: hard when critical).
 * References ignore case, with Backstage's default kinds and namespaces (see catalogIndex). Annotations (all
 * optional): `stampede.dev/provider`, `region` (comma list), `zone`, `plane` (control|data: plane of edges to this
 * entity), `critical`, `rto`, `failover`, `service-type`, `sector`, `assets`, `soft` (comma list of requirements
 * that are soft), `redundancy` (k: the hard requirements form one k-of-n group; for an API, its providers),
 * `min-regions` (k over listed regions, default 1). Every problem is reported with its location at once
 * (ImportError).
 */
export function importBackstage(file: string, text: string, builder: GraphBuilder): BackstageResult {
  const issues = new ImportIssues();
  const { entities: read, skipped } = readCatalogEntities(file, text, issues);
  const entities: CatalogEntity[] = [];
  const seen = new Map<string, CatalogEntity>();
  const indexOf = new Map<CatalogEntity, number>();
  const failoverSpecs: FailoverSpec[] = [];
  for (const e of read) {
    const first = seen.get(e.key);
    if (first) {
      issues.add(
        "E_CATALOG_DUPLICATE",
        `entity ${e.id} is already defined (as ${first.id})`,
        e.at(["metadata", "name"]),
      );
      continue;
    }
    const a = e.annotations;
    const spec = e.spec;
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
          e.at(["metadata", "annotations", ANNOTATION + key]),
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
      (e.kind === "api"
        ? "api"
        : e.kind === "resource" && typeof spec["type"] === "string"
          ? spec["type"]
          : undefined);
    try {
      const i = builder.addNode({
        id: e.id,
        type: KIND_TYPES[e.kind],
        name: typeof meta["title"] === "string" ? meta["title"] : e.name,
        ...(critical !== undefined ? { critical } : {}),
        ...(rto !== undefined ? { rtoSeconds: rto } : {}),
        ...(failover !== undefined ? { failoverSeconds: failover } : {}),
        ...(assets !== undefined ? { assets } : {}),
        ...(a["sector"] ? { sector: a["sector"] } : {}),
        ...(serviceType ? { serviceType } : {}),
        ...(a["provider"] && e.kind === "resource" ? { provider: a["provider"] } : {}),
        source: (({ path: _, ...loc }) => loc)(e.at([])),
      });
      seen.set(e.key, e);
      entities.push(e);
      if (e.kind === "component") {
        const f = failoverFromAnnotations(e.id, a, e.at, issues);
        if (f) failoverSpecs.push(f);
      }
      indexOf.set(e, i);
    } catch (err) {
      if (!isStampedeError(err)) throw err;
      issues.add(err.code, err.message, e.at(["metadata", "name"]));
    }
  }
  const resolve = catalogIndex(entities, issues);
  // All links, merged per pair (hard when any declaration is), in declaration order.
  const links = new Map<string, CatalogLink>();
  for (const e of entities) {
    for (const l of catalogLinks(e, resolve)) {
      if (l.from === l.to) continue;
      const k = `${l.from.key}>${l.to.key}`;
      const had = links.get(k);
      if (!had) links.set(k, l);
      else if (l.kind === "hard" || l.requirement)
        links.set(k, {
          ...had,
          kind: had.kind === "hard" || l.kind === "hard" ? "hard" : "soft",
          requirement: had.requirement || l.requirement,
        });
    }
  }
  const planeOf = (e: CatalogEntity): { plane?: "control" } =>
    e.annotations["plane"] === "control" ? { plane: "control" } : {};
  const groups = new Map<CatalogEntity, number[]>();
  for (const l of links.values()) {
    const from = indexOf.get(l.from)!;
    const to = indexOf.get(l.to)!;
    if (l.requirement && l.kind === "hard" && l.from.annotations["redundancy"] !== undefined) {
      groups.set(l.from, [...(groups.get(l.from) ?? []), to]);
    } else if (l.requirement) builder.dependsOn(from, to, { kind: l.kind, ...planeOf(l.to) });
    else builder.dependsOn(from, to, { kind: l.kind });
  }
  for (const [e, members] of groups) {
    const k = Number(e.annotations["redundancy"]);
    if (!Number.isInteger(k) || k < 1 || k > members.length) {
      issues.add(
        "E_CATALOG_BAD_ANNOTATION",
        `redundancy "${e.annotations["redundancy"]}" must be an integer from 1 to ${members.length}`,
        { ...e.at(["metadata", "annotations"]), path: `${ANNOTATION}redundancy` },
      );
    } else builder.dependsOnGroup(indexOf.get(e)!, members, k);
  }
  for (const e of entities) {
    const { path: _, ...where } = e.at(["metadata", "annotations"]);
    addLocation(builder, indexOf.get(e)!, e, issues, where);
  }
  issues.throwIfAny(file);
  return { entities: entities.length, skipped, failover: failoverSpecs };
}

/** Edges from an entity to its provider, regions (k-of-n) or zones, from annotations. */
function addLocation(
  builder: GraphBuilder,
  self: number,
  e: CatalogEntity,
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
