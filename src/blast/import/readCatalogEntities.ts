import { type Document, LineCounter, parseAllDocuments } from "yaml";
import { isStampedeError } from "../../core/StampedeError.js";
import { yamlData, yamlParseOptions, yamlSyntaxErrors } from "../../scenario/yamlData.js";
import type { ImportIssues } from "./ImportIssues.js";
import { yamlLocate } from "./yamlLocate.js";

/** Annotation prefix read by the importer. */
export const ANNOTATION = "stampede.dev/";

/** Kinds that become graph nodes; other kinds (Group, User, Domain, Location, Template, ...) are skipped. */
export const CATALOG_KINDS = ["system", "component", "resource", "api"] as const;

/** One Backstage entity of a kind the importer reads, with where it is in the file. */
export interface CatalogEntity {
  /** Node id: `kind:namespace/name`, kind in lower case, namespace and name as written. */
  readonly id: string;
  /** Lookup key: the id in lower case (Backstage compares references ignoring case). */
  readonly key: string;
  readonly kind: (typeof CATALOG_KINDS)[number];
  readonly namespace: string;
  readonly name: string;
  readonly raw: Record<string, unknown>;
  readonly spec: Record<string, unknown>;
  /** `stampede.dev/*` annotations without the prefix. */
  readonly annotations: Record<string, string>;
  /** The catalog API's computed `relations`, when the entity came from it. */
  readonly relations?: readonly unknown[];
  /** `file:line:col` and path of a field of this entity (path relative to the entity). */
  readonly at: (path: readonly PropertyKey[]) => { file: string; line: number; col: number; path: string };
}

/**
 * Reads the entities of a Backstage catalog: YAML documents (`catalog-info.yaml`, several separated by `---`), or
 * the catalog API's JSON (`GET /api/catalog/entities`: an array; `/entities/by-query`: `{ items: [...] }`), JSON being
 * YAML. An entity without a namespace is in `default`. Problems go to `issues`, located; entities of other kinds are
 * counted in `skipped`.
 */
export function readCatalogEntities(
  file: string,
  text: string,
  issues: ImportIssues,
): { entities: CatalogEntity[]; skipped: number } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, yamlParseOptions(lineCounter));
  const entities: CatalogEntity[] = [];
  let skipped = 0;
  for (const doc of Array.isArray(docs) ? docs : []) {
    const syntax = yamlSyntaxErrors(doc, lineCounter, file, "E_YAML_SYNTAX");
    issues.errors.push(...syntax);
    if (syntax.length > 0) continue;
    let data: unknown;
    try {
      data = yamlData(doc, lineCounter, file, "E_YAML");
    } catch (e) {
      if (!isStampedeError(e)) throw e;
      issues.errors.push(e);
      continue;
    }
    if (data === null || data === undefined) continue;
    const items: [unknown, PropertyKey[]][] = Array.isArray(data)
      ? data.map((d, i) => [d, [i]])
      : isMapping(data) && Array.isArray(data["items"]) && data["kind"] === undefined
        ? (data["items"] as unknown[]).map((d, i) => [d, ["items", i]])
        : [[data, []]];
    for (const [raw, base] of items) {
      const entity = readEntity(raw, doc, lineCounter, file, base, issues);
      if (entity === "skipped") skipped++;
      else if (entity) entities.push(entity);
    }
  }
  return { entities, skipped };
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function readEntity(
  raw: unknown,
  doc: Document.Parsed,
  lineCounter: LineCounter,
  file: string,
  base: readonly PropertyKey[],
  issues: ImportIssues,
): CatalogEntity | "skipped" | undefined {
  const at = (path: readonly PropertyKey[]) => ({
    file,
    ...yamlLocate(doc, lineCounter, [...base, ...path]),
    path: path.map(String).join("."),
  });
  if (!isMapping(raw)) {
    issues.add("E_CATALOG_SCHEMA", "a catalog entity must be a mapping", at([]));
    return undefined;
  }
  const kind = typeof raw["kind"] === "string" ? raw["kind"].toLowerCase() : undefined;
  if (!kind) {
    issues.add("E_CATALOG_SCHEMA", "missing kind", at(["kind"]));
    return undefined;
  }
  if (!(CATALOG_KINDS as readonly string[]).includes(kind)) return "skipped";
  const meta = isMapping(raw["metadata"]) ? raw["metadata"] : {};
  if (typeof meta["name"] !== "string" || meta["name"] === "") {
    issues.add("E_CATALOG_SCHEMA", "missing metadata.name", at(["metadata", "name"]));
    return undefined;
  }
  const namespace =
    typeof meta["namespace"] === "string" && meta["namespace"] ? meta["namespace"] : "default";
  const annotations: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(isMapping(meta["annotations"]) ? meta["annotations"] : {})) {
    if (k.startsWith(ANNOTATION)) annotations[k.slice(ANNOTATION.length)] = String(v).trim();
  }
  const id = `${kind}:${namespace}/${meta["name"]}`;
  return {
    id,
    key: id.toLowerCase(),
    kind: kind as CatalogEntity["kind"],
    namespace,
    name: meta["name"],
    raw,
    spec: isMapping(raw["spec"]) ? raw["spec"] : {},
    annotations,
    ...(Array.isArray(raw["relations"]) ? { relations: raw["relations"] as unknown[] } : {}),
    at,
  };
}
