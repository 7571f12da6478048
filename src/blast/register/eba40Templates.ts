import { col, type TemplateSpec } from "./TemplateSpec.js";

/**
 * The templates in the layout of the EBA taxonomy 4.0 (ITS 2024/2956, EBA DPM), with the key columns of the
 * taxonomy's table definitions: B_02.02 on 8 columns (contract, entity, provider, function, ICT service type,
 * country of provision, storage and processing locations), B_05.02 on 5 (contract, ICT service type, provider, rank,
 * recipient), B_06.01 on function and LEI, B_07.01 on contract, provider and ICT service type. B_05.01 has 12
 * columns. Documented in docs/blast.md.
 */
export const EBA40_TEMPLATES: Readonly<Record<string, TemplateSpec>> = {
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
      col("assets", ["c0110", "total assets", "value of total assets"], false),
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
      col("serviceType", ["c0060", "type of ict service"]),
      col("provisionCountry", ["c0130", "country of provision"]),
      col("storageCountry", ["c0150", "location of the data at rest"]),
      col("processingCountry", ["c0160", "location of management of the data"]),
      col("reliance", ["c0180", "level of reliance"], false),
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
      col("provider", ["c0010", "provider code"], true, "codeType"),
      col("codeType", ["c0020", "type of code"], false),
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
    columns: [
      col("contract", ["c0010", "contract reference"]),
      col("serviceType", ["c0020", "type of ict service"]),
      col("provider", ["c0030", "provider code"], true, "providerType"),
      col("providerType", ["c0040", "type of code"], false),
      col("rank", ["c0050", "rank"]),
      col("recipient", ["c0060", "recipient"], true, "recipientType"),
      col("recipientType", ["c0070", "type of code of the recipient"], false),
    ],
    key: ["contract", "serviceType", "provider", "rank", "recipient"],
    emptyKey: ["recipient"],
  },
  "B_06.01": {
    code: "B_06.01",
    columns: [
      col("function", ["c0010", "function identifier"]),
      col("name", ["c0030", "function name"], false),
      col("entity", ["c0040", "lei of the financial entity"], true, true),
      col("critical", ["c0050", "critical or important"], false),
      col("rto", ["c0080", "rto"], false),
      col("rpo", ["c0090", "rpo"], false),
    ],
    key: ["function", "entity"],
  },
  "B_07.01": {
    code: "B_07.01",
    columns: [
      col("contract", ["c0010", "contract reference"]),
      col("provider", ["c0020", "provider code"], true, "providerType"),
      col("providerType", ["c0030", "type of code"], false),
      col("serviceType", ["c0040", "type of ict service"]),
      col("substitutability", ["c0050", "substitutability"], false),
      col("exitPlan", ["c0080", "exit plan"], false),
      col("alternatives", ["c0110", "alternatives identified"], false),
      col("alternativeProviders", ["c0120", "alternative providers"], false),
    ],
    key: ["contract", "provider", "serviceType"],
  },
};
