import { basename } from "node:path";
import type { StampedeError } from "../../core/StampedeError.js";
import type { GraphBuilder } from "../../graph/GraphBuilder.js";
import { ImportIssues, sortIssues } from "../import/ImportIssues.js";
import { parseAmount, parseYesNo, relianceKind, substitutabilityOf } from "./parseRegisterValues.js";
import type { RegisterRow } from "./RegisterTable.js";
import { type EntitySideData, readEntitiesFile } from "./readEntitiesFile.js";
import { readRegisterFiles } from "./readRegisterFiles.js";
import type { ZipLimits } from "./readZipEntries.js";
import { serviceTypeName } from "./templates.js";
import { validateRegister } from "./validateRegister.js";

/** Options of {@link importRegister}. */
export interface RegisterImportOptions {
  /** Import the valid rows and return the problems as warnings instead of failing. Default false. */
  readonly lenient?: boolean;
  /** Assets and sector per LEI from a separate entities file; an `entities.csv` inside the register wins. */
  readonly entities?: ReadonlyMap<string, EntitySideData>;
  /** Limits on inflating a ZIP register (per entry, total, ratio). Default DEFAULT_ZIP_LIMITS. */
  readonly zipLimits?: ZipLimits;
}

/** What one register contributed, and the problems left in lenient mode. */
export interface RegisterImportResult {
  readonly register: string;
  /** LEI of the entity maintaining the register (B_01.01). */
  readonly lei: string;
  readonly entities: number;
  readonly providers: number;
  readonly contracts: number;
  readonly functions: number;
  readonly warnings: readonly StampedeError[];
}

const HOUR = 3600;

/**
 * Imports a DORA register of information (folder or ZIP of plain CSV) into `builder`: entities (B_01.01, B_01.02),
 * providers (B_05.01, ultimate parent), functions (B_06.01, critical flag and RTO), contracts (B_02.02) as service
 * nodes, supply chain (B_05.02) and substitutability (B_07.01). Graph shape:
 * entity -> function (hard if critical or important, soft otherwise) -> contract service (hard unless reliance is low)
 * -> provider, and contract service -> sub-contractors; sector -> entity (soft).
 * Throws an ImportError listing every problem unless `lenient`.
 */
export function importRegister(
  path: string,
  builder: GraphBuilder,
  options: RegisterImportOptions = {},
): RegisterImportResult {
  const issues = new ImportIssues();
  const files = readRegisterFiles(path, options.zipLimits);
  const { rows, fatal } = validateRegister(files, path, issues);
  const side = new Map(options.entities ?? []);
  const entitiesFile = files.find((f) => f.base === "entities.csv");
  if (entitiesFile)
    for (const [k, v] of readEntitiesFile(entitiesFile.name, entitiesFile.text, issues)) side.set(k, v);
  if (fatal || (!options.lenient && issues.count > 0)) issues.throwIfAny(`register ${path}`);
  const bad = (r: RegisterRow, field: string, message: string): void => {
    const at = r.at[field]!;
    issues.add("E_REG_BAD_VALUE", message, { file: r.file, line: at.line, col: at.col, path: at.header });
  };
  const get = (t: string): RegisterRow[] => rows.get(t) ?? [];
  const head = get("B_01.01")[0];
  const registerLei = head?.values["lei"] ?? basename(path);

  // Entities
  const entityIds = new Set<string>();
  for (const r of [...get("B_01.01"), ...get("B_01.02")]) {
    const v = r.values;
    const lei = v["lei"]!;
    if (entityIds.has(lei)) continue;
    entityIds.add(lei);
    const s = side.get(lei);
    let assets = s?.assets;
    if (assets === undefined && v["assets"]) {
      const a = parseAmount(v["assets"]);
      if (a !== undefined && Number.isNaN(a))
        bad(r, "assets", `total assets "${v["assets"]}" is not a number`);
      else if (a !== undefined) assets = a;
    }
    const entityType = v["entityType"] || undefined;
    const sector = s?.sector ?? entityType ?? "unspecified";
    const i = builder.ensureNode({
      id: lei,
      type: "entity",
      name: v["name"] || lei,
      lei,
      sector,
      ...(entityType ? { entityType } : {}),
      ...(v["country"] ? { country: v["country"] } : {}),
      ...(assets !== undefined ? { assets } : {}),
      source: { file: r.file, line: r.line, col: 1 },
    });
    const sec = builder.ensureNode({ id: `sector:${sector}`, type: "sector", name: sector });
    builder.dependsOn(sec, i, { kind: "soft" });
  }

  // Providers
  const expense = new Map<string, number>();
  for (const r of get("B_05.01")) {
    const v = r.values;
    const code = v["provider"]!;
    const e = parseAmount(v["expense"]!);
    if (e !== undefined && Number.isNaN(e))
      bad(r, "expense", `annual expense "${v["expense"]}" is not a number`);
    else if (e !== undefined) expense.set(code, e);
    const parent = v["parent"];
    builder.ensureNode({
      id: code,
      type: "provider",
      name: v["name"] || code,
      ...(v["country"] ? { country: v["country"] } : {}),
      ...(parent && parent !== code ? { ultimateParent: parent } : {}),
      source: { file: r.file, line: r.line, col: 1 },
    });
  }

  // Functions (per entity that uses them)
  const functionRows = new Map(get("B_06.01").map((r) => [r.values["function"]!, r]));
  const functionData = new Map<string, { name: string; critical?: boolean; rtoSeconds?: number }>();
  for (const [id, r] of functionRows) {
    const v = r.values;
    const critical = parseYesNo(v["critical"]!);
    if (critical === undefined && v["critical"] !== "")
      bad(r, "critical", `"${v["critical"]}" is not yes or no`);
    const rto = parseAmount(v["rto"]!);
    if (rto !== undefined && Number.isNaN(rto)) bad(r, "rto", `RTO "${v["rto"]}" is not a number of hours`);
    functionData.set(id, {
      name: v["name"] || id,
      ...(critical !== undefined ? { critical } : {}),
      ...(rto !== undefined && !Number.isNaN(rto) ? { rtoSeconds: rto * HOUR } : {}),
    });
  }

  // Assessments, by contract and provider
  const assessment = new Map<string, RegisterRow>();
  for (const r of get("B_07.01")) assessment.set(`${r.values["contract"]}\u0000${r.values["provider"]}`, r);

  // Contracts
  const contracts = get("B_02.02");
  const perProvider = new Map<string, Set<string>>();
  const serviceId = (contract: string, provider: string): string => `${registerLei}/${contract}/${provider}`;
  for (const r of contracts) {
    const s = perProvider.get(r.values["provider"]!) ?? new Set<string>();
    s.add(serviceId(r.values["contract"]!, r.values["provider"]!));
    perProvider.set(r.values["provider"]!, s);
  }
  const functionsUsed = new Set<string>();
  for (const r of contracts) {
    const v = r.values;
    const provider = v["provider"]!;
    const sid = serviceId(v["contract"]!, provider);
    let svc = builder.indexOf(sid);
    if (svc === undefined) {
      const a = assessment.get(`${v["contract"]}\u0000${provider}`);
      const total = expense.get(provider);
      const sub = a ? substitutabilityOf(a.values["substitutability"]!) : undefined;
      const alt = a ? parseYesNo(a.values["alternatives"]!) : undefined;
      svc = builder.addNode({
        id: sid,
        type: "service",
        name: `${v["contract"]} (${builder.info(builder.indexOf(provider)!).name})`,
        serviceType: serviceTypeName(v["serviceType"]!),
        provider,
        ...(total !== undefined ? { spend: total / perProvider.get(provider)!.size } : {}),
        ...(sub !== undefined ? { substitutability: sub } : {}),
        ...(alt !== undefined ? { alternatives: alt } : {}),
        source: { file: r.file, line: r.line, col: 1 },
      });
      builder.dependsOn(svc, builder.indexOf(provider)!);
    }
    const fid = `${v["entity"]}/${v["function"]}`;
    const data = functionData.get(v["function"]!) ?? { name: v["function"]! };
    let fn = builder.indexOf(fid);
    if (fn === undefined) {
      fn = builder.addNode({
        id: fid,
        type: "function",
        ...data,
        source: { file: r.file, line: r.line, col: 1 },
      });
      builder.dependsOn(builder.indexOf(v["entity"]!)!, fn, { kind: data.critical ? "hard" : "soft" });
    }
    functionsUsed.add(fid);
    builder.dependsOn(fn, svc, { kind: relianceKind(v["reliance"]!) });
  }

  // Supply chain: the contract's service depends on each sub-contractor (rank 2 and beyond, or not the direct one).
  for (const r of get("B_05.02")) {
    const v = r.values;
    const targets = contracts.filter(
      (c) =>
        c.values["contract"] === v["contract"] &&
        (!v["recipient"] || c.values["provider"] === v["recipient"]),
    );
    for (const c of targets) {
      if (c.values["provider"] === v["provider"]) continue;
      builder.dependsOn(
        builder.indexOf(serviceId(v["contract"]!, c.values["provider"]!))!,
        builder.indexOf(v["provider"]!)!,
      );
    }
  }

  if (!options.lenient) issues.throwIfAny(`register ${path}`);
  return {
    register: path,
    lei: registerLei,
    entities: entityIds.size,
    providers: get("B_05.01").length,
    contracts: contracts.length,
    functions: functionsUsed.size,
    warnings: sortIssues(issues.errors),
  };
}
