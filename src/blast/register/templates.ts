import { EBA40_TEMPLATES } from "./eba40Templates.js";
import { OLDER_TEMPLATES } from "./olderTemplates.js";
import type { TemplateSpec } from "./TemplateSpec.js";

export type { ColumnSpec, TemplateSpec } from "./TemplateSpec.js";

/**
 * The layouts of a register of information that stampede reads, detected per register from the header of B_05.01
 * (see detectLayout): `eba-4.0`, the EBA taxonomy 4.0 of ITS 2024/2956 (12-column B_05.01, the current keys), and
 * `older`, the layout earlier stampede versions read (9-column B_05.01, shorter keys).
 */
export type RegisterLayout = "eba-4.0" | "older";

/** Names of the layouts in messages. */
export const LAYOUT_NAMES: Readonly<Record<RegisterLayout, string>> = {
  "eba-4.0": "EBA taxonomy 4.0 layout of ITS 2024/2956",
  older: "older layout with a 9-column B_05.01",
};

/** The templates read in each layout. Documented in docs/blast.md; keep the two in step. */
export const TEMPLATES: Readonly<Record<RegisterLayout, Readonly<Record<string, TemplateSpec>>>> = {
  "eba-4.0": EBA40_TEMPLATES,
  older: OLDER_TEMPLATES,
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
