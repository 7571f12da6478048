import type { ImportIssues } from "./ImportIssues.js";
import { CATALOG_KINDS, type CatalogEntity } from "./readCatalogEntities.js";

/** A dependency between two catalog entities: `from` needs `to`. */
export interface CatalogLink {
  readonly from: CatalogEntity;
  readonly to: CatalogEntity;
  readonly kind: "hard" | "soft";
  /**
   * A requirement of `from` (dependsOn, consumesApi, an API's provider): these form `from`'s k-of-n group when it
   * has `stampede.dev/redundancy`, and use the plane of `to`. Structural links (a system and its parts, a component
   * and its subcomponents) do not.
   */
  readonly requirement: boolean;
}

/** Finds the entity a reference names (see {@link catalogIndex}), or reports it and returns undefined. */
export type ResolveRef = (
  ref: unknown,
  from: CatalogEntity,
  path: readonly PropertyKey[],
  defaultKind?: string,
) => CatalogEntity | undefined;

/**
 * Looks references up as Backstage does, ignoring case: `[kind:][namespace/]name`, the namespace defaulting to the
 * referencing entity's (itself `default` unless set), the kind to the field's default (API for `consumesApis` and
 * `providesApis`, Component for `subcomponentOf`, System for `system`). A reference without kind where the field has
 * no default (`dependsOn`, `dependencyOf`) must name exactly one entity. Compound references `{kind, namespace,
 * name}` are accepted too.
 */
export function catalogIndex(entities: readonly CatalogEntity[], issues: ImportIssues): ResolveRef {
  const byKey = new Map<string, CatalogEntity>();
  for (const e of entities) byKey.set(e.key, e);
  return (ref, from, path, defaultKind) => {
    const at = from.at(path);
    let kind: string | undefined;
    let namespace: string | undefined;
    let name: string;
    if (typeof ref === "string" && ref.trim() !== "") {
      const m = /^(?:([^:/]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref.trim())!;
      [kind, namespace, name] = [m[1], m[2], m[3]!];
    } else if (
      typeof ref === "object" &&
      ref !== null &&
      typeof (ref as { name?: unknown }).name === "string"
    ) {
      const r = ref as { kind?: unknown; namespace?: unknown; name: string };
      kind = typeof r.kind === "string" ? r.kind : undefined;
      namespace = typeof r.namespace === "string" ? r.namespace : undefined;
      name = r.name;
    } else {
      issues.add("E_CATALOG_SCHEMA", "an entity reference must be a string", at);
      return undefined;
    }
    const ns = (namespace ?? from.namespace).toLowerCase();
    kind = (kind ?? defaultKind)?.toLowerCase();
    if (kind) {
      const hit = byKey.get(`${kind}:${ns}/${name.toLowerCase()}`);
      if (!hit) issues.add("E_CATALOG_UNKNOWN_REF", `no entity "${String(ref)}" in the catalog`, at);
      return hit;
    }
    const hits = entities.filter(
      (e) => e.name.toLowerCase() === name.toLowerCase() && e.namespace.toLowerCase() === ns,
    );
    if (hits.length !== 1) {
      const why = hits.length === 0 ? "no entity" : "several entities (give the kind)";
      issues.add("E_CATALOG_UNKNOWN_REF", `${why} "${String(ref)}" in the catalog`, at);
      return undefined;
    }
    return hits[0];
  };
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/**
 * The dependencies an entity declares. From the catalog API's `relations` when present (dependsOn/dependencyOf,
 * consumesApi/apiConsumedBy, apiProvidedBy/providesApi, partOf/hasPart; relations to kinds not imported, such as
 * ownedBy or a Domain, are ignored), else from its spec: `dependsOn`, `dependencyOf`, `consumesApis` (it needs the
 * API), `providesApis` (the API needs it), `subcomponentOf` (the parent needs it), `system` (the system needs it:
 * hard when the entity is critical). `stampede.dev/soft` lists requirements that are soft.
 */
export function catalogLinks(e: CatalogEntity, resolve: ResolveRef): CatalogLink[] {
  const out: CatalogLink[] = [];
  const soft = new Set<string>();
  (e.annotations["soft"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .forEach((ref) => {
      const t = resolve(ref, e, ["metadata", "annotations", "stampede.dev/soft"]);
      if (t) soft.add(t.key);
    });
  const critical = (x: CatalogEntity): boolean => (x.annotations["critical"] ?? "").toLowerCase() === "true";
  const need = (from: CatalogEntity, to: CatalogEntity): void => {
    out.push({ from, to, kind: from === e && soft.has(to.key) ? "soft" : "hard", requirement: true });
  };
  const part = (whole: CatalogEntity, p: CatalogEntity): void => {
    const kind = whole.kind === "system" && !critical(p) ? "soft" : "hard";
    out.push({ from: whole, to: p, kind, requirement: false });
  };
  if (e.relations) {
    e.relations.forEach((r, i) => {
      if (typeof r !== "object" || r === null) return;
      const rel = r as { type?: unknown; targetRef?: unknown; target?: unknown };
      const target = rel.targetRef ?? rel.target;
      const kind =
        typeof target === "string" ? /^([^:/]+):/.exec(target)?.[1] : (target as { kind?: unknown })?.kind;
      if (typeof kind !== "string" || !(CATALOG_KINDS as readonly string[]).includes(kind.toLowerCase()))
        return;
      const follow = [
        "dependsOn",
        "dependencyOf",
        "consumesApi",
        "apiConsumedBy",
        "apiProvidedBy",
        "providesApi",
      ];
      if (typeof rel.type !== "string" || ![...follow, "partOf", "hasPart"].includes(rel.type)) return;
      const t = resolve(target, e, ["relations", i]);
      if (!t) return;
      if (rel.type === "dependsOn" || rel.type === "consumesApi" || rel.type === "apiProvidedBy") need(e, t);
      else if (rel.type === "dependencyOf" || rel.type === "apiConsumedBy" || rel.type === "providesApi")
        need(t, e);
      else if (rel.type === "partOf") part(t, e);
      else part(e, t);
    });
    return out;
  }
  const refs = (field: string, defaultKind?: string): CatalogEntity[] =>
    list(e.spec[field]).flatMap((ref, j) => {
      const t = resolve(ref, e, ["spec", field, ...(Array.isArray(e.spec[field]) ? [j] : [])], defaultKind);
      return t ? [t] : [];
    });
  for (const t of refs("dependsOn")) need(e, t);
  for (const t of refs("consumesApis", "api")) need(e, t);
  for (const t of refs("dependencyOf")) need(t, e);
  for (const t of refs("providesApis", "api")) need(t, e);
  for (const t of refs("subcomponentOf", "component")) part(t, e);
  if (e.kind !== "system") for (const t of refs("system", "system")) part(t, e);
  return out;
}
