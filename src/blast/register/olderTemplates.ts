import { B01_01, b01_02, COLUMNS, optional } from "./registerColumns.js";
import { col, type TemplateSpec } from "./TemplateSpec.js";

const C = COLUMNS;

/**
 * The older layout of the templates (what stampede read before the EBA taxonomy 4.0): B_05.01 in 9 columns (name in
 * c0030, country c0050, expense c0070, ultimate parent c0080 and its code type c0090) and the shorter keys
 * (B_02.02 on 4 columns, B_05.02 on contract, provider and rank, B_06.01 on the function, B_07.01 on contract and
 * provider). Documented in docs/blast.md.
 */
export const OLDER_TEMPLATES: Readonly<Record<string, TemplateSpec>> = {
  "B_01.01": B01_01,
  "B_01.02": b01_02(["total assets"]),
  "B_02.02": {
    code: "B_02.02",
    columns: [
      ...Object.values(C["B_02.02"]).slice(0, 5),
      optional(C["B_02.02"].serviceType),
      C["B_02.02"].reliance,
    ],
    key: ["contract", "entity", "provider", "function"],
  },
  "B_05.01": {
    code: "B_05.01",
    columns: [
      C["B_05.01"].provider,
      C["B_05.01"].codeType,
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
    columns: Object.values(C["B_05.02"]).map((c) =>
      c.field === "contract" || c.field === "provider" ? c : optional(c),
    ),
    key: ["contract", "provider", "rank"],
  },
  "B_06.01": {
    code: "B_06.01",
    columns: Object.values(C["B_06.01"]).map((c) => (c.field === "entity" ? optional(c) : c)),
    key: ["function"],
  },
  "B_07.01": {
    code: "B_07.01",
    columns: Object.values(C["B_07.01"]).map((c) => (c.field === "serviceType" ? optional(c) : c)),
    key: ["contract", "provider"],
  },
};
