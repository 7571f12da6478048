import { col, type TemplateSpec } from "./TemplateSpec.js";

/**
 * The older layout of the templates (what stampede read before the EBA taxonomy 4.0): B_05.01 in 9 columns (name in
 * c0030, country c0050, expense c0070, ultimate parent c0080 and its code type c0090) and the shorter keys
 * (B_02.02 on 4 columns, B_05.02 on contract, provider and rank, B_06.01 on the function, B_07.01 on contract and
 * provider). Documented in docs/blast.md.
 */
export const OLDER_TEMPLATES: Readonly<Record<string, TemplateSpec>> = {
  "B_01.01": {
    code: "B_01.01",
    columns: [
      col("lei", ["c0010", "lei"], true, true),
      col("name", ["c0020", "name"], false),
      col("country", ["c0030", "country"], false),
      col("entityType", ["c0040", "type of entity"], false),
    ],
    key: ["lei"],
  },
  "B_01.02": {
    code: "B_01.02",
    columns: [
      col("lei", ["c0010", "lei"], true, true),
      col("name", ["c0020", "name"], false),
      col("country", ["c0030", "country"], false),
      col("entityType", ["c0040", "type of entity"], false),
      col("parent", ["c0060", "parent lei"], false, true),
      col("assets", ["c0110", "total assets"], false),
    ],
    key: ["lei"],
  },
  "B_02.02": {
    code: "B_02.02",
    columns: [
      col("contract", ["c0010", "contract reference"]),
      col("entity", ["c0020", "lei"], true, true),
      col("provider", ["c0030", "provider code"], true, "codeType"),
      col("codeType", ["c0040", "type of code"], false),
      col("function", ["c0050", "function identifier"]),
      col("serviceType", ["c0060", "type of ict service"], false),
      col("reliance", ["c0180", "level of reliance"], false),
    ],
    key: ["contract", "entity", "provider", "function"],
  },
  "B_05.01": {
    code: "B_05.01",
    columns: [
      col("provider", ["c0010", "provider code"], true, "codeType"),
      col("codeType", ["c0020", "type of code"], false),
      col("name", ["c0030", "name"], false),
      col("country", ["c0050", "country"], false),
      col("expense", ["c0070", "annual expense"], false),
      col("parent", ["c0080", "ultimate parent"], false, "parentType"),
      col("parentType", ["c0090", "type of code of the ultimate parent"], false),
    ],
    key: ["provider"],
  },
  "B_05.02": {
    code: "B_05.02",
    columns: [
      col("contract", ["c0010", "contract reference"]),
      col("serviceType", ["c0020", "type of ict service"], false),
      col("provider", ["c0030", "provider code"], true, "providerType"),
      col("providerType", ["c0040", "type of code"], false),
      col("rank", ["c0050", "rank"], false),
      col("recipient", ["c0060", "recipient"], false, "recipientType"),
      col("recipientType", ["c0070", "type of code of the recipient"], false),
    ],
    key: ["contract", "provider", "rank"],
  },
  "B_06.01": {
    code: "B_06.01",
    columns: [
      col("function", ["c0010", "function identifier"]),
      col("name", ["c0030", "function name"], false),
      col("entity", ["c0040", "lei of the financial entity"], false, true),
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
      col("provider", ["c0020", "provider code"], true, "providerType"),
      col("providerType", ["c0030", "type of code"], false),
      col("serviceType", ["c0040", "type of ict service"], false),
      col("substitutability", ["c0050", "substitutability"], false),
      col("exitPlan", ["c0080", "exit plan"], false),
      col("alternatives", ["c0110", "alternatives identified"], false),
      col("alternativeProviders", ["c0120", "alternative providers"], false),
    ],
    key: ["contract", "provider"],
  },
};
