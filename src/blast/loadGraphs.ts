import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { decodeUtf8 } from "../core/decodeUtf8.js";
import { isStampedeError, StampedeError } from "../core/StampedeError.js";
import type { DependencyGraph } from "../graph/DependencyGraph.js";
import { GraphBuilder } from "../graph/GraphBuilder.js";
import { applyFailover, type PlacedFailover } from "./failover/applyFailover.js";
import type { ControlPlaneInput, FailoverSpec } from "./failover/FailoverSpec.js";
import { readFailoverData } from "./failover/readFailoverFile.js";
import { ImportIssues } from "./import/ImportIssues.js";
import { importBackstage } from "./import/importBackstage.js";
import { importGraphFile } from "./import/importGraphFile.js";
import { importRegister } from "./register/importRegister.js";
import { type EntitySideData, readEntitiesFile } from "./register/readEntitiesFile.js";

/** Options of {@link loadGraphs}. */
export interface LoadOptions {
  /** Registers: import valid rows and return the rest as warnings. Default false. */
  readonly lenient?: boolean;
  /** Path of an entities file (LEI, total assets, sector) applied to every register. */
  readonly entitiesFile?: string;
  /**
   * Path of a failover side file (`stampede: failover/v1`) for every input. Without it, a register folder's own
   * `failover.yaml` (or `.yml`) is read when present; catalogs carry failover annotations.
   */
  readonly failoverFile?: string;
}

/** One input and what it contributed. */
export interface LoadedSource {
  readonly path: string;
  readonly format: "graph" | "backstage" | "register";
  readonly summary: string;
}

/** The merged graph of all inputs. */
export interface LoadedGraph {
  readonly graph: DependencyGraph;
  /** Declared correlated pairs (node indices) for N-2. */
  readonly correlated: readonly (readonly [number, number])[];
  readonly sources: readonly LoadedSource[];
  /** Problems skipped in lenient mode. */
  readonly warnings: readonly StampedeError[];
  /** Failover specs matched to their function nodes (side files and catalog annotations). */
  readonly failover: readonly PlacedFailover[];
  /** Launch control planes of secondary regions declared in the side files. */
  readonly controlPlanes: readonly ControlPlaneInput[];
}

/**
 * Which importer reads `path`: a folder or ZIP is a register; YAML with `apiVersion: backstage.io/...`, or the
 * catalog API's JSON (`"apiVersion": "backstage.io/..."`), a Backstage catalog; anything else a stampede graph file.
 */
export function detectFormat(path: string): "graph" | "backstage" | "register" {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new StampedeError("E_GRAPH_NOT_FOUND", `"${path}" not found`);
  }
  if (isDir || path.toLowerCase().endsWith(".zip")) return "register";
  const text = readText(path);
  return /^apiVersion:\s*["']?backstage\.io\//m.test(text) || /"apiVersion"\s*:\s*"backstage\.io\//.test(text)
    ? "backstage"
    : "graph";
}

/** True when `path` is a regular file. */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A graph file's text, decoded as strict UTF-8 (a located E_ENCODING for invalid bytes). */
function readText(path: string): string {
  return decodeUtf8(readFileSync(path), path);
}

/**
 * Loads one or more graph inputs (stampede YAML, Backstage catalogs, DORA registers) into one graph: nodes with the
 * same id (a provider shared by several registers, a region) are merged, which is what makes a sector view.
 */
export function loadGraphs(paths: readonly string[], options: LoadOptions = {}): LoadedGraph {
  if (paths.length === 0)
    throw new StampedeError("E_GRAPH_NONE", "give at least one graph, catalog or register");
  const builder = new GraphBuilder();
  const sources: LoadedSource[] = [];
  const warnings: StampedeError[] = [];
  const correlatedIds: (readonly [string, string])[] = [];
  let entities: Map<string, EntitySideData> | undefined;
  if (options.entitiesFile) {
    const issues = new ImportIssues();
    let text: string;
    try {
      text = decodeUtf8(readFileSync(options.entitiesFile), options.entitiesFile);
    } catch {
      throw new StampedeError("E_GRAPH_NOT_FOUND", `entities file "${options.entitiesFile}" not found`);
    }
    entities = readEntitiesFile(options.entitiesFile, text, issues);
    if (!options.lenient) issues.throwIfAny(options.entitiesFile);
    warnings.push(...issues.errors);
  }
  const specs: FailoverSpec[] = [];
  const controlPlanes: ControlPlaneInput[] = [];
  const readSide = (file: string) => {
    let text: string;
    try {
      text = decodeUtf8(readFileSync(file), file);
    } catch (e) {
      if (isStampedeError(e)) throw e;
      throw new StampedeError("E_GRAPH_NOT_FOUND", `failover file "${file}" not found`);
    }
    const d = readFailoverData(file, text);
    specs.push(...d.functions);
    controlPlanes.push(...d.controlPlanes);
  };
  if (options.failoverFile) readSide(options.failoverFile);
  for (const path of paths) {
    const format = detectFormat(path);
    if (format === "register" && !options.failoverFile) {
      const side = ["failover.yaml", "failover.yml"].map((f) => join(path, f)).find((f) => isFile(f));
      if (side) readSide(side);
    }
    if (format === "register") {
      const r = importRegister(path, builder, {
        ...(options.lenient ? { lenient: true } : {}),
        ...(entities ? { entities } : {}),
      });
      warnings.push(...r.warnings);
      sources.push({
        path,
        format,
        summary: `${r.entities} entities, ${r.providers} providers, ${r.contracts} contracts, ${r.functions} functions${
          r.warnings.length > 0 ? `, ${r.warnings.length} problems listed` : ""
        }`,
      });
    } else if (format === "backstage") {
      const r = importBackstage(path, readText(path), builder);
      specs.push(...r.failover);
      sources.push({ path, format, summary: `${r.entities} entities (${r.skipped} of other kinds skipped)` });
    } else {
      const before = builder.nodeCount;
      const r = importGraphFile(path, readText(path), builder);
      correlatedIds.push(...r.correlated);
      sources.push({ path, format, summary: `${builder.nodeCount - before} nodes` });
    }
  }
  const failover = applyFailover(builder, specs);
  const graph = builder.build();
  const correlated = correlatedIds.map(([a, b]) => [graph.indexOf(a)!, graph.indexOf(b)!] as const);
  return { graph, correlated, sources, warnings, failover, controlPlanes };
}
