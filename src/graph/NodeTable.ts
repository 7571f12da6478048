import type { SourceLocation } from "../core/StampedeError.js";
import type { NodeInfo } from "./NodeInfo.js";
import { NODE_TYPES, nodeTypeCode } from "./NodeType.js";

/** Numeric attributes, each a Float64 column (NaN: absent). */
const NUMBERS = ["rtoSeconds", "failoverSeconds", "assets", "spend"] as const;
/** Boolean attributes, each a Uint8 column (0: absent, 1: false, 2: true). */
const FLAGS = ["critical", "alternatives"] as const;
/** Categorical strings (few distinct values), interned: an Int32 column of string-table indices (-1: absent). */
const CATEGORIES = [
  "sector",
  "entityType",
  "country",
  "ultimateParent",
  "serviceType",
  "provider",
  "substitutability",
] as const;
/** Strings mostly distinct per node (names default to the id), kept as they are. */
const TEXTS = ["name", "lei"] as const;

type NumberKey = (typeof NUMBERS)[number];
type FlagKey = (typeof FLAGS)[number];
type CategoryKey = (typeof CATEGORIES)[number];
type TextKey = (typeof TEXTS)[number];

/** A typed array that doubles when full, created with every entry absent. */
class Column<T extends Float64Array | Int32Array | Uint8Array> {
  constructor(
    public data: T,
    private readonly absent: number,
    private readonly make: (n: number) => T,
  ) {}

  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const grown = this.make(Math.max(16, this.data.length * 2, i + 1));
      grown.fill(this.absent);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[i] = v;
  }

  get(i: number): number {
    return i < this.data.length ? this.data[i]! : this.absent;
  }

  copy(): Column<T> {
    return new Column(this.data.slice() as T, this.absent, this.make);
  }
}

const f64 = (n: number) => new Float64Array(n).fill(Number.NaN);
const i32 = (n: number) => new Int32Array(n).fill(-1);
const u8 = (n: number) => new Uint8Array(n);

/**
 * The descriptive data of a graph's nodes, stored by column instead of one object per node: the ids (one string
 * each) and the id -> index map, the type codes, and each optional attribute in a column created when a node first
 * has it (numbers in Float64Arrays, booleans in Uint8Arrays, categorical strings interned in a string table, names
 * only where they differ from the id, source locations in a sparse map). `info(i)` assembles a {@link NodeInfo} on
 * demand (a cold path: printing, concentration). A graph of a million organisations holds tens of bytes per node
 * here instead of a few hundred in objects.
 */
export class NodeTable {
  private ids: string[] = [];
  private index = new Map<string, number>();
  private types = u8(16);
  private readonly numbers = new Map<NumberKey, Column<Float64Array>>();
  private readonly flags = new Map<FlagKey, Column<Uint8Array>>();
  private readonly categories = new Map<CategoryKey, Column<Int32Array>>();
  private readonly texts = new Map<TextKey, (string | undefined)[]>();
  private strings: string[] = [];
  private stringIndex = new Map<string, number>();
  private sources = new Map<number, SourceLocation>();

  /** Number of nodes. */
  get size(): number {
    return this.ids.length;
  }

  /** Index of node `id`, or undefined. */
  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  /** The id of node `i` (no bounds check beyond the array's). */
  idOf(i: number): string | undefined {
    return this.ids[i];
  }

  /** Type code (index in NODE_TYPES) of node `i`. */
  typeCode(i: number): number {
    return this.types[i]!;
  }

  /** The type codes of the first `n` nodes, as a new array. */
  typeCodes(n = this.size): Uint8Array {
    return this.types.slice(0, n);
  }

  /** Appends a node (the id must be new: the caller checks) and returns its index. */
  add(info: NodeInfo): number {
    const i = this.ids.length;
    this.ids.push(info.id);
    this.index.set(info.id, i);
    if (i >= this.types.length) {
      const grown = u8(this.types.length * 2);
      grown.set(this.types);
      this.types = grown;
    }
    this.types[i] = nodeTypeCode(info.type);
    this.write(i, info);
    return i;
  }

  /** Replaces fields of node `i` (absent fields keep their value; an explicit undefined clears one). */
  update(i: number, fields: Partial<Omit<NodeInfo, "id" | "type">>): void {
    this.write(i, fields);
  }

  private write(i: number, f: Partial<NodeInfo>): void {
    for (const k of NUMBERS)
      if (k in f) {
        const v = f[k];
        if (v !== undefined || this.numbers.has(k))
          this.column(this.numbers, k, f64, Number.NaN).set(i, v ?? Number.NaN);
      }
    for (const k of FLAGS)
      if (k in f) {
        const v = f[k];
        if (v !== undefined || this.flags.has(k))
          this.column(this.flags, k, u8, 0).set(i, v === undefined ? 0 : v ? 2 : 1);
      }
    for (const k of CATEGORIES)
      if (k in f) {
        const v = f[k];
        if (v !== undefined || this.categories.has(k))
          this.column(this.categories, k, i32, -1).set(i, v === undefined ? -1 : this.intern(v));
      }
    for (const k of TEXTS)
      if (k in f) {
        // A name equal to the id is not stored (it is the default).
        const v = k === "name" && f[k] === this.ids[i] ? undefined : f[k];
        let col = this.texts.get(k);
        if (col === undefined && v !== undefined) {
          col = [];
          this.texts.set(k, col);
        }
        if (col !== undefined) {
          while (col.length < i) col.push(undefined);
          col[i] = v;
        }
      }
    if ("source" in f) {
      if (f.source === undefined) this.sources.delete(i);
      else this.sources.set(i, f.source);
    }
  }

  private column<K, T extends Float64Array | Int32Array | Uint8Array>(
    columns: Map<K, Column<T>>,
    key: K,
    make: (n: number) => T,
    absent: number,
  ): Column<T> {
    let c = columns.get(key);
    if (c === undefined) {
      c = new Column(make(16), absent, make);
      columns.set(key, c);
    }
    return c;
  }

  private intern(s: string): number {
    let j = this.stringIndex.get(s);
    if (j === undefined) {
      j = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, j);
    }
    return j;
  }

  /** The data of node `i`, assembled from the columns (a new object each call); RangeError when there is none. */
  info(i: number): NodeInfo {
    const id = this.ids[i];
    if (id === undefined || !Number.isInteger(i) || i < 0) throw new RangeError(`no node ${i}`);
    const out: Record<string, unknown> = {
      id,
      type: NODE_TYPES[this.types[i]!],
      name: this.texts.get("name")?.[i] ?? id,
    };
    for (const [k, c] of this.flags) {
      const v = c.get(i);
      if (v !== 0) out[k] = v === 2;
    }
    for (const [k, c] of this.numbers) {
      const v = c.get(i);
      if (!Number.isNaN(v)) out[k] = v;
    }
    for (const [k, c] of this.categories) {
      const v = c.get(i);
      if (v >= 0) out[k] = this.strings[v];
    }
    const lei = this.texts.get("lei")?.[i];
    if (lei !== undefined) out["lei"] = lei;
    const source = this.sources.get(i);
    if (source !== undefined) out["source"] = source;
    return out as unknown as NodeInfo;
  }

  /** An independent copy (the builder copies before changing a table that a built graph shares). */
  clone(): NodeTable {
    const t = new NodeTable();
    t.ids = this.ids.slice();
    t.index = new Map(this.index);
    t.types = this.types.slice();
    for (const [k, c] of this.numbers) t.numbers.set(k, c.copy());
    for (const [k, c] of this.flags) t.flags.set(k, c.copy());
    for (const [k, c] of this.categories) t.categories.set(k, c.copy());
    for (const [k, c] of this.texts) t.texts.set(k, c.slice());
    t.strings = this.strings.slice();
    t.stringIndex = new Map(this.stringIndex);
    t.sources = new Map(this.sources);
    return t;
  }
}
