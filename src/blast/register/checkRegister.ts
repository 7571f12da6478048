import { ImportIssues } from "../import/ImportIssues.js";
import { checkLeis } from "./checkLeis.js";
import { parseAmount, parseYesNo } from "./parseRegisterValues.js";
import { type RegisterRow, readRegisterTable } from "./RegisterTable.js";
import { readRegisterFiles, templateOf } from "./readRegisterFiles.js";
import { TEMPLATES } from "./templates.js";
import { validateRegister } from "./validateRegister.js";

/** One data-quality finding of `stampede register check`: a fix and what it unblocks. */
export interface RegisterFinding {
  /** Stable code: the importer's (E_REG_DANGLING_KEY, E_REG_BAD_LEI, ...) or W_REG_NO_RTO, W_REG_NO_CODE_TYPE. */
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Column header or field concerned, when known. */
  readonly path?: string;
  /** The analysis the problem blocks. */
  readonly blocks: string;
  /** Critical or important functions (`LEI/function`) the fix makes analysable, sorted. */
  readonly criticalFunctions: readonly string[];
}

/** What blocks the strict import, and so every analysis (blast, concentration, N-1, sector). */
const IMPORT = "strict import (every analysis; --lenient imports around it)";
/** What a missing RTO blocks. */
const RTO = "RTO breach (blast --rto, sector)";
/** What a provider code without its type blocks. */
const CODE_TYPE = "LEI check of the provider and concentration by ultimate parent";

/**
 * `stampede register check`: every problem of a DORA register that blocks an analysis (the importer's rejection
 * rules and ISO 17442 LEI checks, plus critical functions without an RTO and provider codes without their type of
 * code), each with the critical or important functions (B_06.01 c0050 = yes) that fixing it makes analysable, ranked
 * by that count (then by file and line). A problem no row can be tied to (a missing template, an unknown layout)
 * blocks every critical function of the register.
 */
export function checkRegister(path: string): RegisterFinding[] {
  const files = readRegisterFiles(path);
  const issues = new ImportIssues();
  const { rows, layout } = validateRegister(files, path, issues);
  checkLeis(rows, TEMPLATES[layout], issues);
  const specs = TEMPLATES[layout];
  // Every row as written (rows with a problem included), by template and by file:line.
  const raw = new Map<string, RegisterRow[]>();
  const byLine = new Map<string, { template: string; row: RegisterRow }>();
  const scratch = new ImportIssues();
  for (const f of files) {
    const t = templateOf(f.base);
    const spec = t ? specs[t] : undefined;
    if (!t || !spec) continue;
    const table = readRegisterTable(f, spec, scratch);
    if (!table) continue;
    raw.set(t, table.rows);
    for (const r of table.rows) byLine.set(`${r.file}:${r.line}`, { template: t, row: r });
  }
  const get = (t: string): RegisterRow[] => raw.get(t) ?? [];
  const fnKey = (entity: string, fn: string): string => `${entity}/${fn}`;
  const critical = new Set<string>();
  for (const r of get("B_06.01"))
    if (parseYesNo(r.values["critical"] ?? "") === true)
      critical.add(fnKey(r.values["entity"] ?? "", r.values["function"] ?? ""));
  const byProvider = new Map<string, Set<string>>();
  const byEntity = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => {
    if (!critical.has(v)) return;
    const s = m.get(k) ?? new Set<string>();
    s.add(v);
    m.set(k, s);
  };
  for (const f of critical) add(byEntity, f.slice(0, f.indexOf("/")), f);
  for (const r of get("B_02.02"))
    add(byProvider, r.values["provider"] ?? "", fnKey(r.values["entity"] ?? "", r.values["function"] ?? ""));
  const blockedBy = (template: string | undefined, row: RegisterRow | undefined): string[] => {
    if (!template || !row) return [...critical];
    const v = row.values;
    switch (template) {
      case "B_02.02":
      case "B_06.01": {
        const k = fnKey(v["entity"] ?? "", v["function"] ?? "");
        return critical.has(k) ? [k] : [];
      }
      case "B_05.01":
        return [...(byProvider.get(v["provider"] ?? "") ?? [])];
      case "B_05.02":
      case "B_07.01":
        return [...(byProvider.get(v["provider"] ?? "") ?? [])];
      case "B_01.01":
      case "B_01.02":
        return [...(byEntity.get(v["lei"] ?? "") ?? [])];
      default:
        return [];
    }
  };
  const findings: RegisterFinding[] = issues.errors.map((e) => {
    const file = e.location?.file ?? path;
    const line = e.location?.line ?? 1;
    const hit = byLine.get(`${file}:${line}`);
    return {
      code: e.code,
      message: e.message,
      file,
      line,
      col: e.location?.col ?? 1,
      ...(e.path ? { path: e.path } : {}),
      blocks: IMPORT,
      criticalFunctions: blockedBy(hit?.template, hit?.row).sort(),
    };
  });
  for (const r of get("B_06.01")) {
    const k = fnKey(r.values["entity"] ?? "", r.values["function"] ?? "");
    const rto = parseAmount(r.values["rto"] ?? "");
    if (!critical.has(k) || (rto !== undefined && !Number.isNaN(rto))) continue;
    const at = r.at["rto"];
    findings.push({
      code: "W_REG_NO_RTO",
      message: `critical function ${k} has no RTO (B_06.01 c0080, hours)`,
      file: r.file,
      line: r.line,
      col: at?.col ?? 1,
      path: at?.header ?? "c0080",
      blocks: RTO,
      criticalFunctions: [k],
    });
  }
  for (const r of get("B_05.01")) {
    if ((r.values["codeType"] ?? "") !== "") continue;
    const at = r.at["codeType"];
    findings.push({
      code: "W_REG_NO_CODE_TYPE",
      message: `provider ${r.values["provider"]} has no type of code (B_05.01 c0020)`,
      file: r.file,
      line: r.line,
      col: at?.col ?? 1,
      path: at?.header ?? "c0020",
      blocks: CODE_TYPE,
      criticalFunctions: [...(byProvider.get(r.values["provider"] ?? "") ?? [])].sort(),
    });
  }
  return findings.sort(
    (a, b) =>
      b.criticalFunctions.length - a.criticalFunctions.length ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.col - b.col,
  );
}
