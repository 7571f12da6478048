/**
 * Writes the four fictional sample registers of `examples/register/` (older layout) in the layout of the EBA
 * taxonomy 4.0 (ITS 2024/2956), as a register tool upgraded to the current taxonomy would export the same data
 * (run: `npx tsx examples/register-eba-4.0/convert.ts`). The output is committed; this script documents and
 * reproduces it. What changes, template by template (see docs/blast.md, "DORA register layouts"):
 * - B_05.01 has 12 columns: additional identification code and its type (an EUID for the fictional EU vendors),
 *   legal name in c0050, Latin name, type of person (`eba_CT:x212`), country in c0080, currency, expense in c0100,
 *   ultimate parent in c0110 and its code type in c0120.
 * - Enumerations are written as codes: yes/no `eba_BT:x28`/`x29`, reliance `eba_ZZ:x795` (low) / `x797` (full),
 *   substitutability `eba_ZZ:x959`..`x962`, impact `eba_ZZ:x791`/`x793`, entity types and hierarchy of the 4.0 lists.
 * - Keys: B_06.01 is keyed on function and LEI, so each function is listed for every entity that uses it; B_07.01
 *   on contract, provider and ICT service type, so an assessment row per service type of the contract; B_02.02 on
 *   8 columns, so a critical function whose data is also kept in a second country has a second row.
 * - Columns come in the order the EBA's own sample files use: key columns first.
 * The graph and every blast and concentration result are the same as for the older layout (tested).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv } from "../../src/blast/csv/parseCsv.js";

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, "..", "register");

type Row = Record<string, string>;

/** Rows of a CSV file as records keyed by header. */
function read(file: string): Row[] {
  const { records } = parseCsv(readFileSync(file, "utf8"));
  const header = records[0]!.fields.map((f) => f.value);
  return records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i]?.value ?? ""])));
}

const cell = (c: string): string => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);

/** Writes rows with the given column order. */
function write(file: string, columns: readonly string[], rows: readonly Row[]): void {
  const lines = [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c] ?? "")).join(","))];
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/** Entity types of the older sample (its own codes) in the 4.0 list: credit institution, payment, insurance. */
const ENTITY_TYPE: Readonly<Record<string, string>> = {
  "eba_CT:x12": "eba_CT:x12",
  "eba_CT:x13": "eba_CT:x300",
  "eba_CT:x15": "eba_CT:x309",
};
/** Licensed activity (B_06.01 c0020) per sample function. */
const ACTIVITY: Readonly<Record<string, string>> = {
  "F-PAY": "eba_TA:x28",
  "F-CORE": "eba_TA:x162",
  "F-CARD": "eba_TA:x224",
  "F-ACQ": "eba_TA:x224",
  "F-KYC": "eba_TA:x28",
  "F-TRADE": "eba_TA:x134",
  "F-CLAIMS": "eba_TA:x189",
  "F-POLICY": "eba_TA:x189",
};
const SUBSTITUTABILITY: Readonly<Record<string, string>> = {
  "Not substitutable": "eba_ZZ:x959",
  "Highly complex substitutability": "eba_ZZ:x960",
  "Medium complexity in terms of substitutability": "eba_ZZ:x961",
  "Easily substitutable": "eba_ZZ:x962",
};
/** Business registers of the fictional vendors' countries, as the first part of an EUID (country + register). */
const EU_REGISTER: Readonly<Record<string, string>> = {
  NL: "NLNHR",
  FR: "FRRCS",
  FI: "FIPRH",
  DE: "DEK1101R",
  BE: "BEKBOBCE",
};
/** An invented registration number derived from the provider code (stable across runs). */
const euidNumber = (code: string): string =>
  String([...code].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 100_000_000, 7)).padStart(8, "0");
const yesNo = (v: string): string => (v === "true" ? "eba_BT:x28" : "eba_BT:x29");
/** A second storage country for critical data held by a hyperscaler (backups in another EU country). */
const BACKUP_COUNTRY: Readonly<Record<string, string>> = {
  "eba_GA:NL": "eba_GA:DE",
  "eba_GA:FR": "eba_GA:IE",
  "eba_GA:LT": "eba_GA:SE",
  "eba_GA:AT": "eba_GA:DE",
};

for (const folder of readdirSync(source, { withFileTypes: true })) {
  if (!folder.isDirectory()) continue;
  const from = join(source, folder.name, "reports");
  const dir = join(here, folder.name);
  const to = join(dir, "reports");
  mkdirSync(to, { recursive: true });
  copyFileSync(join(source, folder.name, "entities.csv"), join(dir, "entities.csv"));
  const assets = new Map(
    read(join(source, folder.name, "entities.csv")).map((r) => [r["LEI"]!, r["total assets"]!]),
  );
  const at = (t: string): Row[] => read(join(from, `${t}.csv`));

  const b0101: Row[] = at("b_01.01").map((r) => ({ ...r, c0040: ENTITY_TYPE[r["c0040"]!] ?? r["c0040"]! }));
  write(join(to, "b_01.01.csv"), ["c0010", "c0020", "c0030", "c0040", "c0050", "c0060"], b0101);
  const head = b0101[0]!["c0010"]!;

  const b0102 = at("b_01.02").map((r) => ({
    ...r,
    c0040: ENTITY_TYPE[r["c0040"]!] ?? r["c0040"]!,
    c0050: r["c0050"] === "eba_RP:x53" ? "eba_RP:x53" : "eba_RP:x56",
    c0090: "9999-12-31",
    c0100: "eba_CU:EUR",
    c0110: assets.get(r["c0010"]!) ?? "",
  }));
  write(
    join(to, "b_01.02.csv"),
    ["c0010", "c0110", "c0100", "c0090", "c0080", "c0070", "c0050", "c0040", "c0030", "c0060", "c0020"],
    b0102,
  );

  // B_02.02: the same rows, enumerations as codes; a second storage country for critical hyperscaler data.
  const b0202: Row[] = [];
  const providers = at("b_05.01");
  const hyperscalers = new Set(providers.filter((p) => p["c0080"] !== "").map((p) => p["c0010"]!));
  for (const r of at("b_02.02")) {
    const full = /full/.test(r["c0180"]!);
    const row: Row = {
      ...r,
      c0070: "2023-01-01",
      c0080: "9999-12-31",
      c0100: full ? "90" : "30",
      c0110: full ? "180" : "90",
      c0120: r["c0130"]!,
      c0140: "eba_BT:x28",
      c0170: full ? "eba_ZZ:x793" : "eba_ZZ:x792",
      c0180: full ? "eba_ZZ:x797" : "eba_ZZ:x795",
    };
    b0202.push(row);
    if (full && hyperscalers.has(r["c0030"]!))
      b0202.push({ ...row, c0150: BACKUP_COUNTRY[r["c0150"]!] ?? "eba_GA:IE" });
  }
  write(
    join(to, "b_02.02.csv"),
    [
      "c0010",
      "c0020",
      "c0030",
      "c0050",
      "c0060",
      "c0150",
      "c0160",
      "c0130",
      "c0180",
      "c0170",
      "c0140",
      "c0120",
      "c0110",
      "c0100",
      "c0090",
      "c0080",
      "c0070",
      "c0040",
    ],
    b0202,
  );

  // B_05.01: 12 columns. The fictional EU vendors (no parent) carry an EUID as additional code.
  const b0501 = providers.map((r) => {
    const register = EU_REGISTER[r["c0050"]!.slice(-2)];
    const euid = r["c0080"] === "" && register ? `${register}.${euidNumber(r["c0010"]!)}` : "";
    return {
      c0010: r["c0010"]!,
      c0020: r["c0020"]!,
      c0030: euid,
      c0040: euid ? "eba_qCO:qx2002" : "",
      c0050: r["c0030"]!,
      c0060: r["c0030"]!,
      c0070: "eba_CT:x212",
      c0080: r["c0050"]!,
      c0090: "eba_CU:EUR",
      c0100: r["c0070"]!,
      c0110: r["c0080"]!,
      c0120: r["c0090"]!,
    };
  });
  write(
    join(to, "b_05.01.csv"),
    [
      "c0010",
      "c0090",
      "c0110",
      "c0100",
      "c0080",
      "c0070",
      "c0060",
      "c0040",
      "c0030",
      "c0120",
      "c0020",
      "c0050",
    ],
    b0501,
  );

  // B_05.02: the direct provider of each contract and ICT service type at rank 1 (recipient not applicable), then
  // the sub-contractors at rank 2 as before.
  const direct = new Map<string, Row>();
  for (const r of at("b_02.02")) {
    const k = `${r["c0010"]}\u0000${r["c0060"]}`;
    if (!direct.has(k))
      direct.set(k, {
        c0010: r["c0010"]!,
        c0020: r["c0060"]!,
        c0030: r["c0030"]!,
        c0040: r["c0040"]!,
        c0050: "1",
        c0060: "",
        c0070: "",
      });
  }
  const b0502 = [...direct.values(), ...at("b_05.02").map((r) => ({ ...r, c0070: "eba_qCO:qx2000" }))];
  write(join(to, "b_05.02.csv"), ["c0010", "c0020", "c0030", "c0060", "c0050", "c0040", "c0070"], b0502);

  // B_06.01: keyed on function and LEI: each function once per entity that uses it.
  const users = new Map<string, string[]>();
  for (const r of at("b_02.02")) {
    const list = users.get(r["c0050"]!) ?? [];
    if (!list.includes(r["c0020"]!)) list.push(r["c0020"]!);
    users.set(r["c0050"]!, list);
  }
  const b0601 = at("b_06.01").flatMap((r) =>
    (users.get(r["c0010"]!) ?? [head]).map((lei) => ({
      c0010: r["c0010"]!,
      c0020: ACTIVITY[r["c0010"]!] ?? "eba_TA:x252",
      c0030: r["c0030"]!,
      c0040: lei,
      c0050: yesNo(r["c0050"]!),
      c0060: r["c0050"] === "true" ? "Supports a service the customers depend on every day" : "",
      c0070: r["c0060"]!,
      c0080: r["c0080"]!,
      c0090: r["c0090"]!,
      c0100: r["c0050"] === "true" ? "eba_ZZ:x793" : "eba_ZZ:x791",
    })),
  );
  write(
    join(to, "b_06.01.csv"),
    ["c0040", "c0010", "c0030", "c0020", "c0100", "c0090", "c0080", "c0070", "c0060", "c0050"],
    b0601,
  );

  // B_07.01: keyed on contract, provider and ICT service type: a row per service type used under the contract.
  const types = new Map<string, string[]>();
  for (const r of at("b_02.02")) {
    const k = `${r["c0010"]}\u0000${r["c0030"]}`;
    const list = types.get(k) ?? [];
    if (!list.includes(r["c0060"]!)) list.push(r["c0060"]!);
    types.set(k, list);
  }
  const b0701 = at("b_07.01").flatMap((r) => {
    const sub = SUBSTITUTABILITY[r["c0050"]!] ?? "";
    return (types.get(`${r["c0010"]}\u0000${r["c0020"]}`) ?? [r["c0040"]!]).map((type) => ({
      c0010: r["c0010"]!,
      c0020: r["c0020"]!,
      c0030: r["c0030"]!,
      c0040: type,
      c0050: sub,
      c0060: sub === "eba_ZZ:x959" ? "eba_ZZ:x963" : sub === "eba_ZZ:x960" ? "eba_ZZ:x964" : "",
      c0070: r["c0070"]!,
      c0080: yesNo(r["c0080"]!),
      c0090: sub === "eba_ZZ:x962" ? "eba_ZZ:x798" : "eba_ZZ:x966",
      c0100: "eba_ZZ:x793",
      c0110: yesNo(r["c0110"]!),
      c0120: "",
    }));
  });
  write(
    join(to, "b_07.01.csv"),
    [
      "c0010",
      "c0020",
      "c0040",
      "c0120",
      "c0110",
      "c0100",
      "c0090",
      "c0080",
      "c0070",
      "c0060",
      "c0050",
      "c0030",
    ],
    b0701,
  );

  write(
    join(to, "FilingIndicators.csv"),
    ["templateID", "reported"],
    ["B_01.01", "B_01.02", "B_02.02", "B_05.01", "B_05.02", "B_06.01", "B_07.01"].map((t) => ({
      templateID: t,
      reported: "true",
    })),
  );
  write(
    join(to, "parameters.csv"),
    ["name", "value"],
    [
      { name: "entityID", value: `rs:${head}.CON` },
      { name: "refPeriod", value: "2025-12-31" },
      { name: "baseCurrency", value: "iso4217:EUR" },
      { name: "decimalsInteger", value: "0" },
      { name: "decimalsMonetary", value: "-3" },
    ],
  );
  writeFileSync(
    join(to, "report.json"),
    `${JSON.stringify(
      {
        documentInfo: {
          documentType: "https://xbrl.org/2021/xbrl-csv",
          extends: ["http://www.eba.europa.eu/eu/fr/xbrl/crr/fws/dora/4.0/mod/dora.json"],
        },
      },
      null,
      2,
    )}\n`,
  );
}
