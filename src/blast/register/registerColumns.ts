import { type ColumnSpec, col, type TemplateSpec } from "./TemplateSpec.js";

/** The same column, not required (the older layout leaves some key columns of the EBA 4.0 layout optional). */
export const optional = (c: ColumnSpec): ColumnSpec => ({ ...c, required: false });

/**
 * The columns both register layouts share, defined once (as the EBA taxonomy 4.0 has them); the layouts' tables
 * (eba40Templates.ts, olderTemplates.ts) pick from these and add only the columns where they differ.
 */
export const COLUMNS = {
  /** B_01.01 and B_01.02: the financial entity. */
  entity: {
    lei: col("lei", ["c0010", "lei"], true, true),
    name: col("name", ["c0020", "name"], false),
    country: col("country", ["c0030", "country"], false),
    entityType: col("entityType", ["c0040", "type of entity"], false),
    parent: col("parent", ["c0060", "parent lei"], false, true),
  },
  "B_02.02": {
    contract: col("contract", ["c0010", "contract reference"]),
    entity: col("entity", ["c0020", "lei"], true, true),
    provider: col("provider", ["c0030", "provider code"], true, "codeType"),
    codeType: col("codeType", ["c0040", "type of code"], false),
    function: col("function", ["c0050", "function identifier"]),
    serviceType: col("serviceType", ["c0060", "type of ict service"]),
    reliance: col("reliance", ["c0180", "level of reliance"], false),
  },
  "B_05.01": {
    provider: col("provider", ["c0010", "provider code"], true, "codeType"),
    codeType: col("codeType", ["c0020", "type of code"], false),
  },
  "B_05.02": {
    contract: col("contract", ["c0010", "contract reference"]),
    serviceType: col("serviceType", ["c0020", "type of ict service"]),
    provider: col("provider", ["c0030", "provider code"], true, "providerType"),
    providerType: col("providerType", ["c0040", "type of code"], false),
    rank: col("rank", ["c0050", "rank"]),
    recipient: col("recipient", ["c0060", "recipient"], true, "recipientType"),
    recipientType: col("recipientType", ["c0070", "type of code of the recipient"], false),
  },
  "B_06.01": {
    function: col("function", ["c0010", "function identifier"]),
    name: col("name", ["c0030", "function name"], false),
    entity: col("entity", ["c0040", "lei of the financial entity"], true, true),
    critical: col("critical", ["c0050", "critical or important"], false),
    rto: col("rto", ["c0080", "rto"], false),
    rpo: col("rpo", ["c0090", "rpo"], false),
  },
  "B_07.01": {
    contract: col("contract", ["c0010", "contract reference"]),
    provider: col("provider", ["c0020", "provider code"], true, "providerType"),
    providerType: col("providerType", ["c0030", "type of code"], false),
    serviceType: col("serviceType", ["c0040", "type of ict service"]),
    substitutability: col("substitutability", ["c0050", "substitutability"], false),
    exitPlan: col("exitPlan", ["c0080", "exit plan"], false),
    alternatives: col("alternatives", ["c0110", "alternatives identified"], false),
    alternativeProviders: col("alternativeProviders", ["c0120", "alternative providers"], false),
  },
} as const;

const ENTITY = [COLUMNS.entity.lei, COLUMNS.entity.name, COLUMNS.entity.country, COLUMNS.entity.entityType];

/** B_01.01 (the entity maintaining the register), the same in both layouts. */
export const B01_01: TemplateSpec = { code: "B_01.01", columns: ENTITY, key: ["lei"] };

/** B_01.02 (the entities in scope); the layouts differ only in the names accepted for total assets (c0110). */
export const b01_02 = (assetsHeaders: string[]): TemplateSpec => ({
  code: "B_01.02",
  columns: [...ENTITY, COLUMNS.entity.parent, col("assets", ["c0110", ...assetsHeaders], false)],
  key: ["lei"],
});
