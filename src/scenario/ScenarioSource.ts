import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { SourceLocation } from "../core/StampedeError.js";
import { StampedeError } from "../core/StampedeError.js";
import { yamlData, yamlParseOptions, yamlSyntaxErrors } from "./yamlData.js";

/** Error code of every invalid scenario (the summary error and each of its `errors`). */
export const E_SCENARIO = "E_SCENARIO";

/** A path inside a scenario: keys and array indices (`["fleets", "clients", "retry"]`). */
export type FieldPath = readonly (string | number)[];

/** A parsed scenario file: its raw value plus what is needed to map a field path back to a line and column. */
export interface ScenarioSource {
  readonly file: string;
  readonly raw: unknown;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
}

/** Formats a field path the way users write it: `fleets.clients.retry.maxAttempts`, `links.nat.between.0`. */
export function formatPath(path: FieldPath): string {
  return path.join(".");
}

/**
 * Parses scenario text (YAML, or JSON, which the same parser reads with positions). Throws E_SCENARIO with one error
 * per syntax problem, each with its position, when the text does not parse.
 */
export function parseScenarioSource(text: string, file: string): ScenarioSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, yamlParseOptions(lineCounter));
  if (doc.errors.length > 0) throw scenarioErrors(file, yamlSyntaxErrors(doc, lineCounter, file, E_SCENARIO));
  let raw: unknown;
  try {
    raw = yamlData(doc, lineCounter, file, E_SCENARIO);
  } catch (e) {
    throw e instanceof StampedeError ? scenarioErrors(file, [e]) : e;
  }
  return { file, raw, doc, lineCounter };
}

/**
 * The position of the field at `path`: of its value, or of its key when `key` is set. When the field does not exist,
 * the position of the key of its deepest existing ancestor: a missing field points at the object that misses it.
 */
export function locate(source: ScenarioSource, path: FieldPath, key = false): SourceLocation {
  let node: unknown = source.doc.contents;
  // The key through which `node` was reached (for a list item: the item itself).
  let keyNode: Node | null = null;
  let found = true;
  for (const seg of path) {
    let next: unknown;
    let nextKey: Node | null = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === String(seg));
      next = pair?.value;
      nextKey = pair && isNode(pair.key) ? pair.key : null;
      if (pair && !isNode(next)) next = null; // `field:` with no value
      if (!pair) next = undefined;
    } else if (isSeq(node) && (typeof seg === "number" || /^\d+$/.test(seg))) {
      next = node.items[Number(seg)];
      nextKey = isNode(next) ? next : null;
    }
    if (next === undefined) {
      found = false;
      break;
    }
    node = next;
    keyNode = nextKey;
  }
  const target = found ? (key || !isNode(node) ? keyNode : node) : (keyNode ?? (isNode(node) ? node : null));
  const offset = target?.range?.[0] ?? 0;
  const { line, col } = source.lineCounter.linePos(offset);
  return { file: source.file, line, col };
}

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && "range" in v;
}

function keyOf(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  return typeof k === "string" ? k : undefined;
}

/** The summary error that carries every problem found (`errors`), one line each when printed. */
export function scenarioErrors(file: string, errors: StampedeError[]): StampedeError {
  const n = errors.length;
  const err = new StampedeError(E_SCENARIO, `${file}: ${n} error${n === 1 ? "" : "s"} in the scenario`);
  (err as StampedeError & { errors: StampedeError[] }).errors = errors;
  return err;
}
