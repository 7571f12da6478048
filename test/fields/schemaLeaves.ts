/**
 * Every leaf of the scenario's JSON Schema (what `stampede schema` prints), as a pattern: `.` between fields, `*` for
 * a record's entries, `[]` for a list's items, `<branch>` for a union's option (the `type` of a discriminated union,
 * `scalar` for the plain-value option of a mixed union, or its index). A union of objects also yields one leaf per
 * branch (`...backoff<none>`: choosing that option), so a branch without other fields still needs a case.
 */
type Node = Record<string, unknown>;

/** The definitions that `$ref: "#/$defs/NAME"` points into (the schema reuses shared parts by reference). */
let defs: Record<string, Node> = {};

/** `n` with a `$ref` replaced by its definition (the node's own keys, such as a description, kept beside it). */
function resolve(n: Node): Node {
  const ref = n["$ref"];
  if (typeof ref !== "string") return n;
  const m = /^#\/\$defs\/(.+)$/.exec(ref);
  const target = m ? defs[m[1]!] : undefined;
  if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
  const { $ref: _ref, ...rest } = n;
  return resolve({ ...target, ...rest });
}

const isComposite = (raw: Node) => {
  const n = resolve(raw);
  return n["type"] === "object" || n["type"] === "array";
};

function branchName(raw: Node): string {
  const b = resolve(raw);
  const props = b["properties"] as Record<string, Node> | undefined;
  const tag = props?.["type"];
  const t = tag === undefined ? undefined : resolve(tag)["const"];
  if (t !== undefined) return String(t);
  const keys = Object.keys(props ?? {});
  return b["type"] === "array" ? "list" : keys.length === 1 ? keys[0]! : "object";
}

/** A union's options, nested unions flattened (`openFor`: a duration or one of the backoffs); undefined if none. */
function flatten(raw: Node): Node[] | undefined {
  const n = resolve(raw);
  const options = (n["anyOf"] ?? n["oneOf"]) as Node[] | undefined;
  return options?.flatMap((o) => flatten(o) ?? [resolve(o)]);
}

/** The leaf patterns of `schema`, in schema order. */
export function schemaLeaves(schema: Node): string[] {
  const out: string[] = [];
  const join = (p: string, k: string) => (p === "" ? k : `${p}.${k}`);
  defs = (schema["$defs"] as Record<string, Node> | undefined) ?? {};
  const walk = (raw: Node, p: string): void => {
    const n = resolve(raw);
    const options = flatten(n);
    if (options) {
      const composite = options.filter(isComposite);
      if (composite.length === 0) {
        out.push(p);
        return;
      }
      for (const b of composite) {
        const q = options.length > 1 ? `${p}<${branchName(b)}>` : p;
        const before = out.length;
        walk(b, q);
        // Choosing the branch is a leaf of its own (once: a list of plain values already is one).
        if (options.length > 1 && !out.slice(before).includes(q)) out.splice(before, 0, q);
      }
      if (composite.length < options.length) out.push(`${p}<scalar>`);
      return;
    }
    if (n["type"] === "object") {
      const props = n["properties"] as Record<string, Node> | undefined;
      const extra = n["additionalProperties"];
      for (const [k, v] of Object.entries(props ?? {})) {
        if (k === "type" && resolve(v)["const"] !== undefined) continue;
        walk(v, join(p, k));
      }
      if (typeof extra === "object" && extra !== null) walk(extra as Node, `${p}.*`);
      if (props === undefined && (typeof extra !== "object" || extra === null)) out.push(p);
      return;
    }
    if (n["type"] === "array") {
      const listed = n["items"] as Node | Node[] | undefined;
      const items = listed && !Array.isArray(listed) ? resolve(listed) : listed;
      if (items && !Array.isArray(items) && (isComposite(items) || items["anyOf"] !== undefined)) {
        const inner = (items["anyOf"] as Node[] | undefined)?.map(resolve);
        if (inner && !inner.some(isComposite)) out.push(p);
        else walk(items, `${p}[]`);
      } else out.push(p);
      return;
    }
    out.push(p);
  };
  walk(schema, "");
  return out;
}
