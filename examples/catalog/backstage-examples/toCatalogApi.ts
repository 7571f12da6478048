/**
 * Writes `catalog-api.json`: the entities of `catalog-info.yaml` as Backstage's catalog API returns them
 * (`GET /api/catalog/entities/by-query`: `{ items, totalItems, pageInfo }`), each with the namespace filled in, a
 * uid and etag, and the `relations` the catalog computes from the spec fields, in both directions (dependsOn and
 * dependencyOf, providesApi and apiProvidedBy, consumesApi and apiConsumedBy, partOf and hasPart, ownedBy and
 * ownerOf). Run: `npx tsx examples/catalog/backstage-examples/toCatalogApi.ts`. The uids are invented (stable).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
type Entity = {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown> & { name: string; namespace?: string };
  spec?: Record<string, unknown>;
  relations?: { type: string; targetRef: string }[];
};
const entities = parseAllDocuments(readFileSync(join(here, "catalog-info.yaml"), "utf8")).map(
  (d) => d.toJS() as Entity,
);
const refOf = (e: Entity): string =>
  `${e.kind}:${e.metadata.namespace ?? "default"}/${e.metadata.name}`.toLowerCase();
/** `[kind:][namespace/]name` with the field's default kind, in the namespace of `from`, lower case. */
const parse = (ref: string, from: Entity, defaultKind: string): string => {
  const m = /^(?:([^:/]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref)!;
  return `${m[1] ?? defaultKind}:${m[2] ?? from.metadata.namespace ?? "default"}/${m[3]}`.toLowerCase();
};
const relations = new Map<string, { type: string; targetRef: string }[]>();
const add = (source: string, type: string, target: string): void => {
  const list = relations.get(source) ?? [];
  if (!list.some((r) => r.type === type && r.targetRef === target)) list.push({ type, targetRef: target });
  relations.set(source, list);
};
/** [spec field, default kind, relation, reverse relation] */
const FIELDS: [string, string, string, string][] = [
  ["owner", "group", "ownedBy", "ownerOf"],
  ["system", "system", "partOf", "hasPart"],
  ["domain", "domain", "partOf", "hasPart"],
  ["subcomponentOf", "component", "partOf", "hasPart"],
  ["providesApis", "api", "providesApi", "apiProvidedBy"],
  ["consumesApis", "api", "consumesApi", "apiConsumedBy"],
  ["dependsOn", "component", "dependsOn", "dependencyOf"],
  ["dependencyOf", "component", "dependencyOf", "dependsOn"],
];
for (const e of entities) {
  for (const [field, kind, type, reverse] of FIELDS) {
    const v = e.spec?.[field];
    for (const ref of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
      const target = parse(String(ref), e, kind);
      add(refOf(e), type, target);
      add(target, reverse, refOf(e));
    }
  }
}
const uid = (i: number): string => `5e1ec7ed-0000-4000-8000-${String(i + 1).padStart(12, "0")}`;
const items = entities.map((e, i) => ({
  ...e,
  metadata: {
    namespace: "default",
    ...e.metadata,
    uid: uid(i),
    etag: (i * 2654435761).toString(16).padStart(8, "0").slice(-8),
  },
  relations: relations.get(refOf(e)) ?? [],
}));
writeFileSync(
  join(here, "catalog-api.json"),
  `${JSON.stringify({ items, totalItems: items.length, pageInfo: {} }, null, 2)}\n`,
);
