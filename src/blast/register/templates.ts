/** A column the importer reads: its field name and the header names accepted for it (lower case). */
export interface ColumnSpec {
  readonly field: string;
  /** Accepted headers: the column code first (`c0010`), then readable names. The file's header wins. */
  readonly headers: readonly string[];
  readonly required: boolean;
}

/** How one template is read: its columns and the columns forming its key. */
export interface TemplateSpec {
  readonly code: string;
  readonly columns: readonly ColumnSpec[];
  readonly key: readonly string[];
}

const col = (field: string, headers: string[], required = true): ColumnSpec => ({ field, headers, required });

/**
 * The templates of a DORA register of information that stampede reads, with the column codes of ITS 2024/2956.
 * Documented in docs/blast.md; keep the two in step.
 */
export const TEMPLATES: Readonly<Record<string, TemplateSpec>> = {
  "B_01.01": {
    code: "B_01.01",
    columns: [
      col("lei", ["c0010", "lei"]),
      col("name", ["c0020", "name"], false),
      col("country", ["c0030", "country"], false),
      col("entityType", ["c0040", "type of entity"], false),
    ],
    key: ["lei"],
  },
  "B_01.02": {
    code: "B_01.02",
    columns: [
      col("lei", ["c0010", "lei"]),
      col("name", ["c0020", "name"], false),
      col("country", ["c0030", "country"], false),
      col("entityType", ["c0040", "type of entity"], false),
      col("parent", ["c0060", "parent lei"], false),
      col("assets", ["total assets"], false),
    ],
    key: ["lei"],
  },
  "B_02.02": {
    code: "B_02.02",
    columns: [
      col("contract", ["c0010", "contract reference"]),
      col("entity", ["c0020", "lei"]),
      col("provider", ["c0030", "provider code"]),
      col("function", ["c0050", "function identifier"]),
      col("serviceType", ["c0060", "type of ict service"], false),
      col("reliance", ["c0180", "level of reliance"], false),
    ],
    key: ["contract", "entity", "provider", "function"],
  },
  "B_05.01": {
    code: "B_05.01",
    columns: [
      col("provider", ["c0010", "provider code"]),
      col("name", ["c0030", "name"], false),
      col("country", ["c0050", "country"], false),
      col("expense", ["c0070", "annual expense"], false),
      col("parent", ["c0080", "ultimate parent"], false),
    ],
    key: ["provider"],
  },
  "B_05.02": {
    code: "B_05.02",
    columns: [
      col("contract", ["c0010", "contract reference"]),
      col("provider", ["c0030", "provider code"]),
      col("rank", ["c0050", "rank"], false),
      col("recipient", ["c0060", "recipient"], false),
    ],
    key: ["contract", "provider", "rank"],
  },
  "B_06.01": {
    code: "B_06.01",
    columns: [
      col("function", ["c0010", "function identifier"]),
      col("name", ["c0030", "function name"], false),
      col("critical", ["c0050", "critical or important"], false),
      col("rto", ["c0080", "rto"], false),
      col("rpo", ["c0090", "rpo"], false),
    ],
    key: ["function"],
  },
  "B_07.01": {
    code: "B_07.01",
    columns: [
      col("contract", ["c0010", "contract reference"]),
      col("provider", ["c0020", "provider code"]),
      col("substitutability", ["c0050", "substitutability"], false),
      col("exitPlan", ["c0080", "exit plan"], false),
      col("alternatives", ["c0110", "alternatives identified"], false),
      col("alternativeProviders", ["c0120", "alternative providers"], false),
    ],
    key: ["contract", "provider"],
  },
};

/** Templates without which a register cannot be imported. */
export const REQUIRED_TEMPLATES = ["B_01.01", "B_02.02", "B_05.01"] as const;

/** Service type codes of the ITS (`eba_TA:S17`) with readable names; other values are kept as written. */
const SERVICE_TYPES: Readonly<Record<string, string>> = { S17: "IaaS", S18: "PaaS", S19: "SaaS" };

/** Readable service type: `eba_TA:S17` -> `IaaS`; unknown codes and free text unchanged; empty -> `unspecified`. */
export function serviceTypeName(raw: string): string {
  const code = raw.includes(":") ? raw.slice(raw.indexOf(":") + 1) : raw;
  return SERVICE_TYPES[code.toUpperCase()] ?? (raw === "" ? "unspecified" : raw);
}
