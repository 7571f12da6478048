import { type Document, isCollection, type LineCounter, type Node } from "yaml";

/**
 * Line and column (1-based) of the value at `path` in a YAML document, or of its deepest existing ancestor when the
 * value is missing (so "required field missing" points at the object that lacks it).
 */
export function yamlLocate(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): { line: number; col: number } {
  let node: unknown = doc.contents;
  let best: Node | undefined = doc.contents ?? undefined;
  for (const key of path) {
    if (!isCollection(node)) break;
    const next = node.get(typeof key === "symbol" ? String(key) : key, true) as unknown;
    if (next === undefined || next === null) break;
    node = next;
    if (typeof next === "object" && next !== null && "range" in next) best = next as Node;
  }
  const offset = best?.range?.[0] ?? 0;
  return lineCounter.linePos(offset);
}
