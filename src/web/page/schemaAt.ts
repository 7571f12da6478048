/**
 * The JSON Schema node at a YAML position, for the editor's completion and hover: the key path is read from the
 * indentation of the lines above (block mappings and `- ` sequence items), then walked through the schema's
 * `properties`, `items`, `$ref` (local `#/...` only) and `anyOf`/`oneOf`/`allOf` branches. Flow collections and
 * multi-document files are not understood (completion then offers nothing rather than something wrong).
 */

/** A JSON Schema node, as much of it as the editor reads. */
export interface SchemaNode {
  $ref?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  [k: string]: unknown;
}

/** Resolves local `$ref`s and flattens the branches of `anyOf`/`oneOf`/`allOf` into a list of concrete nodes. */
export function expand(root: SchemaNode, node: SchemaNode | undefined, depth = 0): SchemaNode[] {
  if (!node || depth > 20) return [];
  if (node.$ref?.startsWith("#/")) {
    let target: unknown = root;
    for (const part of node.$ref.slice(2).split("/")) target = (target as Record<string, unknown>)?.[part];
    const rest: SchemaNode = { ...node };
    delete rest.$ref;
    return [rest, ...expand(root, target as SchemaNode, depth + 1)];
  }
  const branches = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  return [node, ...branches.flatMap((b) => expand(root, b, depth + 1))];
}

/** The child node(s) for one path step: a property name, or `-` for a sequence item. */
function step(root: SchemaNode, nodes: SchemaNode[], key: string): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const n of nodes) {
    if (key === "-") {
      if (n.items) out.push(...expand(root, n.items));
    } else if (n.properties?.[key]) out.push(...expand(root, n.properties[key]));
    else if (typeof n.additionalProperties === "object") out.push(...expand(root, n.additionalProperties));
  }
  return out;
}

/** The nodes at a key path from the root (empty when the path leaves the schema). */
export function nodesAt(root: SchemaNode, path: string[]): SchemaNode[] {
  let nodes = expand(root, root);
  for (const key of path) nodes = step(root, nodes, key);
  return nodes;
}

/** The properties (name and description) allowed in the mapping at `path`. */
export function keysAt(root: SchemaNode, path: string[]): { name: string; description: string }[] {
  const seen = new Map<string, string>();
  for (const n of nodesAt(root, path))
    for (const [name, p] of Object.entries(n.properties ?? {}))
      if (!seen.has(name)) seen.set(name, expand(root, p).find((x) => x.description)?.description ?? "");
  return [...seen].map(([name, description]) => ({ name, description }));
}

/** The first description found at `path`. */
export function describeAt(root: SchemaNode, path: string[]): string | null {
  return nodesAt(root, path).find((n) => n.description)?.description ?? null;
}

const KEY = /^(\s*)(- +)?([A-Za-z0-9_$.\-"']+)\s*:/;
const DASH = /^(\s*)- +/;

function keyOf(line: string): string | null {
  const m = KEY.exec(line);
  return m?.[3] ? m[3].replace(/["']/g, "") : null;
}

/**
 * The key path of the mapping that holds line `lineNo` (0-based) at indentation `indent`: the keys of the
 * enclosing lines above, with `-` for each sequence item crossed.
 */
export function pathAt(lines: string[], lineNo: number, indent: number): string[] {
  const path: string[] = [];
  let limit = indent;
  const own = DASH.exec(lines[lineNo] ?? "");
  const ownLead = own?.[1]?.length ?? -1;
  if (own && ownLead < indent) {
    path.unshift("-");
    limit = ownLead;
  }
  for (let i = lineNo - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i] ?? "";
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const lead = line.length - line.trimStart().length;
    if (lead >= limit) continue;
    const dash = DASH.exec(line);
    const key = keyOf(line);
    if (dash) {
      // "- name: x" one column short of ours: that key is a sibling of the cursor's, not a parent.
      if (key && dash[0].length < limit) path.unshift(key);
      path.unshift("-");
    } else if (key) path.unshift(key);
    limit = lead;
  }
  return path;
}

/** The key path of the key on line `lineNo` (0-based), or null when the line holds no key. */
export function keyPathAt(lines: string[], lineNo: number): string[] | null {
  const line = lines[lineNo] ?? "";
  const m = KEY.exec(line);
  const key = keyOf(line);
  if (!m || !key) return null;
  const indent = (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
  return [...pathAt(lines, lineNo, indent), key];
}
