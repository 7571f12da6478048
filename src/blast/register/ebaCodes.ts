/**
 * Members of the EBA DPM enumerations used in a register of information (`eba_BT:x28`, `eba_ZZ:x797`, ...), as listed
 * in the taxonomy 4.0 table definitions and the ITS 2024/2956 drop-down lists. A cell holds a code alone; a cell
 * with words besides a code (`eba_ZZ:x794 full reliance`, as some older exports write) is read by its words.
 */

/** True when the whole cell is one enumeration member such as `eba_CT:x212` or `eba_qCO:qx2000`. */
export function isEbaCode(raw: string): boolean {
  return /^eba_[A-Za-z]+:[A-Za-z]*\d+$/.test(raw.trim());
}

/** The member of an enumeration cell, lower case (`eba_BT:x28` -> `bt:x28`), or undefined if not a code alone. */
export function ebaMember(raw: string): string | undefined {
  const v = raw.trim();
  return isEbaCode(v) ? v.slice(4).toLowerCase() : undefined;
}

/** LISTBINARY and LIST0601050: yes, no, assessment not performed. */
export const YES_NO: Readonly<Record<string, boolean | "not assessed">> = {
  "bt:x28": true,
  "bt:x29": false,
  "bt:x21": "not assessed",
};

/** LIST0202180, level of reliance: not significant and low reliance are soft, material and full are hard. */
export const RELIANCE: Readonly<Record<string, "hard" | "soft">> = {
  "zz:x794": "soft",
  "zz:x795": "soft",
  "zz:x796": "hard",
  "zz:x797": "hard",
};

/** LIST0701050, substitutability of the provider. */
export const SUBSTITUTABILITY: Readonly<Record<string, string>> = {
  "zz:x959": "none",
  "zz:x960": "difficult",
  "zz:x961": "medium",
  "zz:x962": "easy",
};

/** LIST0101040 (type of entity, B_01.01 and B_01.02 c0040), used as the sector when no entities file gives one. */
const ENTITY_TYPES: Readonly<Record<string, string>> = {
  "ct:x12": "credit institutions",
  "ct:x599": "investment firms",
  "ct:x643": "central counterparties",
  "ct:x639": "asset management companies",
  "ct:x300": "payment institutions",
  "ct:x301": "account information service providers",
  "ct:x302": "electronic money institutions",
  "ct:x303": "crypto-asset service providers",
  "ct:x304": "central securities depositories",
  "ct:x305": "trading venues",
  "ct:x306": "trade repositories",
  "ct:x307": "managers of alternative investment funds",
  "ct:x308": "data reporting service providers",
  "ct:x309": "insurance and reinsurance undertakings",
  "ct:x310": "issuers of asset-referenced tokens",
  "ct:x311": "institutions for occupational retirement provision",
  "ct:x312": "credit rating agencies",
  "ct:x313": "administrators of critical benchmarks",
  "ct:x314": "crowdfunding service providers",
  "ct:x315": "securitisation repositories",
  "ct:x316": "other financial entities",
  "ct:x317": "ICT intra-group service providers",
  "ct:x318": "non-financial entities",
  "ct:x320": "insurance intermediaries",
};

/** Readable type of entity (`eba_CT:x12` -> `credit institutions`); other values unchanged; empty -> undefined. */
export function entityTypeName(raw: string): string | undefined {
  const v = raw.trim();
  if (v === "") return undefined;
  return ENTITY_TYPES[ebaMember(v) ?? ""] ?? v;
}

/** A country cell (`eba_GA:NL` -> `NL`); "not applicable" (`eba_GA:qx2007`) and empty -> undefined. */
export function countryOf(raw: string): string | undefined {
  const v = raw.trim();
  if (v === "") return undefined;
  const m = /^eba_GA:([A-Za-z]{2})$/.exec(v);
  if (m) return m[1]!.toUpperCase();
  return isEbaCode(v) ? undefined : v;
}

/**
 * True when a "type of code" cell says LEI: `eba_qCO:qx2000` (LISTIDTYPE), or the words `LEI` / "legal entity
 * identifier". EUIDs (`eba_qCO:qx2002`), national registration numbers and VAT numbers are other codes.
 */
export function isLeiCodeType(raw: string): boolean {
  const v = raw.trim().toLowerCase();
  return v === "eba_qco:qx2000" || v === "lei" || v.includes("legal entity identifier");
}
