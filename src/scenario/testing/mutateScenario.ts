/**
 * Seeded mutations of scenario files for the fuzz test (`scenarioFuzz.test.ts`) and `npm run fuzz`: each takes a
 * valid file and breaks it the way a hurried user or a hostile one would, at the level of the data (deleted keys,
 * wrong types, extreme numbers, bad units, unknown references, cycles, deep nesting, long strings) or of the text
 * (aliases, binary, a BOM, duplicate keys, truncation).
 */
import { stringify } from "yaml";

/** A small seeded generator (mulberry32): the same seed gives the same mutations on any machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = unknown;
type Rand = () => number;

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const WEIRD_VALUES: readonly Json[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  0,
  1e308,
  -1e308,
  2147483648,
  1e9,
  0.5,
  "",
  "5 parsecs",
  "10/fortnight",
  "-3s",
  "1e400s",
  "NaN/s",
  "nope",
  true,
  null,
  [],
  {},
  [1, 2, 3],
  { type: "bogus" },
  "x".repeat(100_000),
];

/** Every path (list of keys and indices) to a value inside `v`. */
function paths(
  v: Json,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (Array.isArray(v))
    v.forEach((x, i) => {
      paths(x, [...prefix, i], out);
    });
  else if (typeof v === "object" && v !== null)
    for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  if (prefix.length > 0) out.push(prefix);
  return out;
}

function parentOf(root: Json, path: readonly (string | number)[]): Record<string | number, Json> {
  let node = root as Record<string | number, Json>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, Json>;
  return node;
}

/** Names of every entity of the scenario (fleets, services, links, networks...). */
function entityNames(raw: Record<string, Json>): string[] {
  const out: string[] = [];
  for (const k of [
    "networks",
    "links",
    "services",
    "fleets",
    "automation",
    "faults",
    "dependents",
    "variants",
  ]) {
    const m = raw[k];
    if (typeof m === "object" && m !== null) out.push(...Object.keys(m));
  }
  return out;
}

const DATA_MUTATIONS = ["delete", "weird", "reference", "cycle", "nest", "swap"] as const;
const TEXT_MUTATIONS = [
  "bomb",
  "undefined-alias",
  "alias",
  "binary",
  "bom",
  "duplicate",
  "truncate",
  "tabs",
] as const;

/** One mutation of `raw` (parsed data of a valid scenario) or of its text; the kind is returned for messages. */
export function mutateScenario(raw: Json, text: string, r: Rand): { kind: string; text: string } {
  const data = structuredClone(raw) as Record<string, Json>;
  const rounds = 1 + Math.floor(r() * 3);
  const kinds: string[] = [];
  if (r() < 0.7) {
    for (let i = 0; i < rounds; i++) kinds.push(mutateData(data, r));
    const out = stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 }).replace(
      /__NEST_(\d+)__/g,
      (_, n: string) => `${"[{x: ".repeat(Number(n))}1${"}]".repeat(Number(n))}`,
    );
    return { kind: kinds.join("+"), text: out };
  }
  const kind = pick(r, TEXT_MUTATIONS);
  return { kind, text: mutateText(text, kind, r) };
}

function mutateData(data: Record<string, Json>, r: Rand): string {
  const all = paths(data);
  if (all.length === 0) return "empty";
  const path = pick(r, all);
  const parent = parentOf(data, path);
  if (typeof parent !== "object" || parent === null) return "skip";
  const key = path[path.length - 1]!;
  const kind = pick(r, DATA_MUTATIONS);
  switch (kind) {
    case "delete":
      if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
      else delete parent[key];
      break;
    case "weird":
      parent[key] = pick(r, WEIRD_VALUES);
      break;
    case "reference":
      parent[key] = pick(r, ["nope", "internal", "main", ...entityNames(data)]);
      break;
    case "cycle": {
      const services = data["services"] as Record<string, Record<string, Json>> | undefined;
      const names = Object.keys(services ?? {}).filter((n) => {
        const v = services?.[n];
        return typeof v === "object" && v !== null && !Array.isArray(v);
      });
      if (services && names.length > 0) {
        const a = pick(r, names);
        const b = pick(r, names);
        services[a]!["dependencies"] = [{ service: b }];
        services[b]!["dependencies"] = [{ service: a }];
      }
      break;
    }
    case "nest":
      // Written as flow text after stringify (the writer itself cannot nest this deep).
      parent[key] = `__NEST_${20 + Math.floor(r() * 1000)}__`;
      break;
    case "swap": {
      const other = pick(r, all);
      parent[key] = structuredClone(parentOf(data, other)[other[other.length - 1]!]);
      break;
    }
  }
  return `${kind}@${path.join(".")}`;
}

function mutateText(text: string, kind: (typeof TEXT_MUTATIONS)[number], r: Rand): string {
  const lines = text.split("\n");
  const at = Math.floor(r() * lines.length);
  switch (kind) {
    case "bomb": {
      const bomb = ["z0: &z0 [x, x, x, x, x, x, x, x, x, x]"];
      for (let i = 1; i < 7; i++)
        bomb.push(
          `z${i}: &z${i} [${Array(10)
            .fill(`*z${i - 1}`)
            .join(", ")}]`,
        );
      return `${bomb.join("\n")}\n${text}`;
    }
    case "undefined-alias":
      return lines.map((l, i) => (i === at ? l.replace(/:\s+\S.*$/, ": *nope") : l)).join("\n");
    case "alias":
      return `x-shared: &shared { type: none }\n${text.replace(/\{ type: none \}/g, "*shared")}`;
    case "binary": {
      const bytes = Array.from({ length: 1 + Math.floor(r() * 64) }, () =>
        String.fromCharCode(Math.floor(r() * 256)),
      );
      const pos = Math.floor(r() * text.length);
      return text.slice(0, pos) + bytes.join("") + text.slice(pos);
    }
    case "bom":
      return `\uFEFF${text}`;
    case "duplicate":
      return [...lines.slice(0, at + 1), lines[at]!, ...lines.slice(at + 1)].join("\n");
    case "truncate":
      return text.slice(0, Math.floor(r() * text.length));
    case "tabs":
      return text.replace(/^ {2}/gm, "\t");
  }
}
