import { B01_01, b01_02, COLUMNS } from "./registerColumns.js";
import { col, type TemplateSpec } from "./TemplateSpec.js";

const C = COLUMNS;

/**
 * The templates in the layout of the EBA taxonomy 4.0 (ITS 2024/2956, EBA DPM), with the key columns of the
 * taxonomy's table definitions: B_02.02 on 8 columns (contract, entity, provider, function, ICT service type,
 * country of provision, storage and processing locations), B_05.02 on 5 (contract, ICT service type, provider, rank,
 * recipient), B_06.01 on function and LEI, B_07.01 on contract, provider and ICT service type. B_05.01 has 12
 * columns. Documented in docs/blast.md.
 */
export const EBA40_TEMPLATES: Readonly<Record<string, TemplateSpec>> = {
  "B_01.01": B01_01,
  "B_01.02": b01_02(["total assets", "value of total assets"]),
  "B_02.02": {
    code: "B_02.02",
    columns: [
      ...Object.values(C["B_02.02"]).slice(0, 6),
      col("provisionCountry", ["c0130", "country of provision"]),
      col("storageCountry", ["c0150", "location of the data at rest"]),
      col("processingCountry", ["c0160", "location of management of the data"]),
      C["B_02.02"].reliance,
    ],
    key: [
      "contract",
      "entity",
      "provider",
      "function",
      "serviceType",
      "provisionCountry",
      "storageCountry",
      "processingCountry",
    ],
  },
  "B_05.01": {
    code: "B_05.01",
    columns: [
      C["B_05.01"].provider,
      C["B_05.01"].codeType,
      col("additionalCode", ["c0030", "additional identification code"], false, "additionalType"),
      col("additionalType", ["c0040", "type of additional identification code"], false),
      col("name", ["c0050", "legal name", "name"], false),
      col("latinName", ["c0060", "name in latin alphabet"], false),
      col("country", ["c0080", "country"], false),
      col("expense", ["c0100", "total annual expense", "annual expense"], false),
      col("parent", ["c0110", "ultimate parent"], false, "parentType"),
      col("parentType", ["c0120", "type of code of the ultimate parent"], false),
    ],
    key: ["provider"],
  },
  "B_05.02": {
    code: "B_05.02",
    columns: Object.values(C["B_05.02"]),
    key: ["contract", "serviceType", "provider", "rank", "recipient"],
    emptyKey: ["recipient"],
  },
  "B_06.01": { code: "B_06.01", columns: Object.values(C["B_06.01"]), key: ["function", "entity"] },
  "B_07.01": {
    code: "B_07.01",
    columns: Object.values(C["B_07.01"]),
    key: ["contract", "provider", "serviceType"],
  },
};
