/**
 * The one way stampede turns YAML into data: every reader (scenario loader, `--set` values, Backstage and graph
 * importers, register entity files, flags that name YAML files) parses with these options and converts with
 * `yamlData`, so alias bombs, undefined aliases and `__proto__` keys become located errors (`file:line:col`, exit 2),
 * never an internal error.
 */
import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  LineCounter,
  type Node,
  parseAllDocuments,
  visit,
} from "yaml";
import { type SourceLocation, StampedeError } from "../core/StampedeError.js";

/**
 * Most aliases a document may expand (yaml's `maxAliasCount`: anchor uses times the aliases inside them). Default of
 * every reader: 1000, far above what a hand-written file needs and far below an alias bomb.
 */
export const YAML_MAX_ALIAS_COUNT = 1000;

/** Error code of YAML that does not parse or cannot be turned into data (syntax, aliases, reserved keys). */
export const E_YAML = "E_YAML";

/** The options every parse uses: positions through `lineCounter`, duplicate keys refused, plain messages. */
export function yamlParseOptions(lineCounter: LineCounter) {
  return { lineCounter, prettyErrors: false, uniqueKeys: true } as const;
}

/** One YAML problem, located. */
function problem(
  code: string,
  message: string,
  file: string,
  lc: LineCounter,
  offset: number,
): StampedeError {
  const { line, col } = lc.linePos(offset);
  const location: SourceLocation = { file, line, col };
  return new StampedeError(code, message, { location });
}

/** The syntax errors of a parsed document, one located StampedeError each (empty when it parsed). */
export function yamlSyntaxErrors(
  doc: Document.Parsed,
  lc: LineCounter,
  file: string,
  code = E_YAML,
): StampedeError[] {
  return doc.errors.map((e) => {
    const msg = (e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, "");
    return problem(code, `syntax error: ${msg}`, file, lc, e.pos[0]);
  });
}

/**
 * The data of a parsed document (`doc.toJS` with `maxAliasCount` set). Throws a located StampedeError (`code`,
 * default E_YAML) for an alias to an anchor not defined before it, an alias bomb ("Excessive alias count") and a
 * `__proto__` key (which would set the prototype of the object it is in).
 */
export function yamlData(doc: Document.Parsed, lc: LineCounter, file: string, code = E_YAML): unknown {
  const before = checkNodes(doc, lc, file, code);
  if (before) throw before;
  try {
    return doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const msg = e.message.split("\n")[0] ?? e.message;
    const at = biggestAlias(doc);
    const what = at ? ` (*${at.node.source} expands to ${at.size} values)` : "";
    throw problem(
      code,
      `${msg}: more than ${YAML_MAX_ALIAS_COUNT} aliases expanded${what}`,
      file,
      lc,
      at?.node.range?.[0] ?? 0,
    );
  }
}

/** Undefined aliases and `__proto__` keys, in document order: the first one found, or undefined. */
function checkNodes(doc: Document, lc: LineCounter, file: string, code: string): StampedeError | undefined {
  const anchors = new Set<string>();
  let found: StampedeError | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "__proto__") {
        found = problem(code, "the key '__proto__' is not allowed", file, lc, pair.key.range?.[0] ?? 0);
        return visit.BREAK;
      }
      return undefined;
    },
    Node(_, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) {
          const msg = `undefined alias *${node.source}: no anchor &${node.source} before it`;
          found = problem(code, msg, file, lc, node.range?.[0] ?? 0);
          return visit.BREAK;
        }
      } else if (node.anchor) anchors.add(node.anchor);
      return undefined;
    },
  });
  return found;
}

/** The alias whose expansion is largest (the first of equals), with that size in values (capped at 1e15). */
function biggestAlias(doc: Document): { node: Extract<Node, { source: string }>; size: number } | undefined {
  const byAnchor = new Map<string, Node>();
  const memo = new Map<unknown, number>();
  const size = (n: unknown, depth: number): number => {
    if (depth > 1000) return 1;
    const known = memo.get(n);
    if (known !== undefined) return known;
    let s = 1;
    if (isAlias(n)) {
      const target = byAnchor.get(n.source);
      s = target === undefined ? 1 : size(target, depth + 1);
    } else if (isMap(n) || isCollection(n)) {
      for (const item of n.items) s += size(item, depth + 1);
    } else if (isPair(n)) s = size(n.key, depth + 1) + size(n.value, depth + 1);
    s = Math.min(s, 1e15);
    memo.set(n, s);
    return s;
  };
  let best: { node: Extract<Node, { source: string }>; size: number } | undefined;
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        const s = size(node, 0);
        if (best === undefined || s > best.size) best = { node, size: s };
      } else if (node.anchor) byAnchor.set(node.anchor, node);
    },
  });
  return best;
}

/**
 * Parses YAML text (one document, or all of them with `all`) into data, with the shared options. Throws one
 * StampedeError (`code`) when there is one problem, else an error whose `errors` lists each, every one located.
 */
export function parseYamlData(text: string, file: string, options: { code?: string } = {}): unknown {
  const code = options.code ?? E_YAML;
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, yamlParseOptions(lc));
  const list = Array.isArray(docs) ? docs : [];
  if (list.length > 1) {
    const extra = list[1]!;
    throw problem(code, "expected one YAML document, found several", file, lc, extra.range[0]);
  }
  const doc = list[0];
  if (doc === undefined) return null;
  const errors = yamlSyntaxErrors(doc, lc, file, code);
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) {
    const err = new StampedeError(code, `${file}: ${errors.length} YAML errors`);
    (err as StampedeError & { errors: StampedeError[] }).errors = errors;
    throw err;
  }
  return yamlData(doc, lc, file, code);
}
