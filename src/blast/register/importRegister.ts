import { basename } from "node:path";
import type { StampedeError } from "../../core/StampedeError.js";
import type { GraphBuilder } from "../../graph/GraphBuilder.js";
import { ImportIssues, sortIssues } from "../import/ImportIssues.js";
import { checkLeis } from "./checkLeis.js";
import { countryOf, entityTypeName } from "./ebaCodes.js";
import {
  displayName,
  isNotAssessed,
  parseAmount,
  parseYesNo,
  relianceKind,
  substitutabilityOf,
} from "./parseRegisterValues.js";
import type { RegisterRow } from "./RegisterTable.js";
import { type EntitySideData, readEntitiesFile } from "./readEntitiesFile.js";
import { readRegisterFiles } from "./readRegisterFiles.js";
import type { ZipLimits } from "./readZipEntries.js";
import { type RegisterLayout, serviceTypeName, TEMPLATES } from "./templates.js";
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
  /** The layout detected from the header of B_05.01. */
  readonly layout: RegisterLayout;
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
  const { rows, fatal, layout } = validateRegister(files, path, issues);
  const side = new Map(options.entities ?? []);
  const entitiesFile = files.find((f) => f.base === "entities.csv");
  if (entitiesFile)
    for (const [k, v] of readEntitiesFile(entitiesFile.name, entitiesFile.text, issues)) side.set(k, v);
  if (fatal || (!options.lenient && issues.count > 0)) issues.throwIfAny(`register ${path}`);
  checkLeis(rows, TEMPLATES[layout], issues);
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
    const sector = s?.sector ?? entityTypeName(v["entityType"]!) ?? "unspecified";
    const country = countryOf(v["country"]!);
    const i = builder.ensureNode({
      id: lei,
      type: "entity",
      name: displayName(lei, v["name"]),
      lei,
      sector,
      ...(entityType ? { entityType } : {}),
      ...(country ? { country } : {}),
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
    const country = countryOf(v["country"]!);
    builder.ensureNode({
      id: code,
      type: "provider",
      name: displayName(code, v["name"], v["latinName"]),
      ...(country ? { country } : {}),
      ...(parent && parent !== code ? { ultimateParent: parent } : {}),
      source: { file: r.file, line: r.line, col: 1 },
    });
  }

  // Functions: B_06.01 rows by function identifier and (in the 4.0 layout, keyed on both) the entity's LEI.
  type FunctionData = { name: string; critical?: boolean; rtoSeconds?: number };
  const functionData = new Map<string, FunctionData>();
  for (const r of get("B_06.01")) {
    const v = r.values;
    const id = v["function"]!;
    const critical = parseYesNo(v["critical"]!);
    if (critical === undefined && v["critical"] !== "" && !isNotAssessed(v["critical"]!))
      bad(r, "critical", `"${v["critical"]}" is not yes or no`);
    const rto = parseAmount(v["rto"]!);
    if (rto !== undefined && Number.isNaN(rto)) bad(r, "rto", `RTO "${v["rto"]}" is not a number of hours`);
    const data: FunctionData = {
      name: displayName(id, v["name"]),
      ...(critical !== undefined ? { critical } : {}),
      ...(rto !== undefined && !Number.isNaN(rto) ? { rtoSeconds: rto * HOUR } : {}),
    };
    if (!functionData.has(id)) functionData.set(id, data);
    if (v["entity"]) functionData.set(`${id}\u0000${v["entity"]}`, data);
  }
  /** The function's data for the entity using it: its own B_06.01 row, else the function's first row. */
  const functionOf = (id: string, entity: string): FunctionData =>
    functionData.get(`${id}\u0000${entity}`) ?? functionData.get(id) ?? { name: id };

  // Assessments, by contract, provider and (4.0 key) ICT service type; the first row of a contract and provider
  // stands for the others.
  const assessment = new Map<string, RegisterRow>();
  for (const r of get("B_07.01")) {
    const k = `${r.values["contract"]}\u0000${r.values["provider"]}`;
    if (!assessment.has(k)) assessment.set(k, r);
    if (r.values["serviceType"]) assessment.set(`${k}\u0000${r.values["serviceType"]}`, r);
  }

  // Contracts
  const contracts = get("B_02.02");
  const perProvider = new Map<string, Set<string>>();
  const serviceId = (contract: string, provider: string): string => `${registerLei}/${contract}/${provider}`;
  for (const r of contracts) {
    const s = perProvider.get(r.values["provider"]!) ?? new Set<string>();
    s.add(serviceId(r.values["contract"]!, r.values["provider"]!));
    perProvider.set(r.values["provider"]!, s);
  }
  // Several rows can link one function to one contract's service (4.0: one per ICT service type or data location):
  // one edge, hard when any of the rows says so.
  const link = (r: RegisterRow): string =>
    `${r.values["entity"]}/${r.values["function"]}\u0000${serviceId(r.values["contract"]!, r.values["provider"]!)}`;
  const linkKind = new Map<string, "hard" | "soft">();
  for (const r of contracts) {
    const k = link(r);
    if (linkKind.get(k) !== "hard") linkKind.set(k, relianceKind(r.values["reliance"]!));
  }
  const linked = new Set<string>();
  const functionsUsed = new Set<string>();
  for (const r of contracts) {
    const v = r.values;
    const provider = v["provider"]!;
    const sid = serviceId(v["contract"]!, provider);
    let svc = builder.indexOf(sid);
    if (svc === undefined) {
      const k = `${v["contract"]}\u0000${provider}`;
      const a = assessment.get(`${k}\u0000${v["serviceType"]}`) ?? assessment.get(k);
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
    const data = functionOf(v["function"]!, v["entity"]!);
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
    const k = link(r);
    if (!linked.has(k)) builder.dependsOn(fn, svc, { kind: linkKind.get(k)! });
    linked.add(k);
  }

  // Supply chain: the contract's service depends on each sub-contractor (rank 2 and beyond, or not the direct one).
  // A rank-1 row names the direct provider itself (the 4.0 exports list it): no edge.
  for (const r of get("B_05.02")) {
    const v = r.values;
    if (v["rank"] === "1") continue;
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
    layout,
    entities: entityIds.size,
    providers: get("B_05.01").length,
    contracts: contracts.length,
    functions: functionsUsed.size,
    warnings: sortIssues(issues.errors),
  };
}
