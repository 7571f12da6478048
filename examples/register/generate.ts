/**
 * Writes the fictional sample registers of information in this folder (run: `npx tsx examples/register/generate.ts`).
 * Four invented EU financial groups keep one register each (about 40 entities in all); the output is committed, so
 * this script only documents and reproduces it. Entity names, LEI-like codes, contracts and amounts are invented;
 * the codes use the prefix ZZST, which no LEI issuer uses for real entities in this data.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Xoshiro128 } from "../../src/engine/Xoshiro128.js";

const here = dirname(fileURLToPath(import.meta.url));
const rng = new Xoshiro128(2021);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A 20-character code with valid ISO 17442 check digits (mod 97), prefix ZZST00. */
function lei(): string {
  let body = "ZZST00";
  for (let i = 0; i < 12; i++) body += pick([...ALNUM]);
  const digits = [...`${body}00`].map((c) => (/[0-9]/.test(c) ? c : String(c.charCodeAt(0) - 55))).join("");
  let mod = 0;
  for (const d of digits) mod = (mod * 10 + Number(d)) % 97;
  return body + String(98 - mod).padStart(2, "0");
}

const csv = (rows: readonly (readonly (string | number)[])[]): string =>
  `${rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : String(c))).join(",")).join("\n")}\n`;

interface Provider {
  code: string;
  name: string;
  country: string;
  parent: string;
  types: string[];
}
const parentCodes = { amazon: lei(), microsoft: lei(), alphabet: lei() };
const PROVIDERS: Provider[] = [
  {
    code: lei(),
    name: "Amazon Web Services EMEA SARL",
    country: "eba_GA:LU",
    parent: parentCodes.amazon,
    types: ["eba_TA:S17", "eba_TA:S18"],
  },
  {
    code: lei(),
    name: "Microsoft Ireland Operations Ltd",
    country: "eba_GA:IE",
    parent: parentCodes.microsoft,
    types: ["eba_TA:S17", "eba_TA:S19"],
  },
  {
    code: lei(),
    name: "Google Cloud EMEA Ltd",
    country: "eba_GA:IE",
    parent: parentCodes.alphabet,
    types: ["eba_TA:S17", "eba_TA:S18"],
  },
  {
    code: lei(),
    name: "Kernbank Systems BV (fictional)",
    country: "eba_GA:NL",
    parent: "",
    types: ["eba_TA:S19"],
  },
  {
    code: lei(),
    name: "PayRail Processing SAS (fictional)",
    country: "eba_GA:FR",
    parent: "",
    types: ["eba_TA:S19"],
  },
  {
    code: lei(),
    name: "Helix Identity Oy (fictional)",
    country: "eba_GA:FI",
    parent: "",
    types: ["eba_TA:S19"],
  },
  {
    code: lei(),
    name: "Nordlicht Rechenzentrum GmbH (fictional)",
    country: "eba_GA:DE",
    parent: "",
    types: ["eba_TA:S17"],
  },
  {
    code: lei(),
    name: "Datavault Backup SA (fictional)",
    country: "eba_GA:BE",
    parent: "",
    types: ["eba_TA:S19"],
  },
];
const [AWS, AZURE, GCP, KERNBANK, PAYRAIL, HELIX, NORDLICHT, DATAVAULT] = PROVIDERS as [
  Provider,
  Provider,
  Provider,
  Provider,
  Provider,
  Provider,
  Provider,
  Provider,
];
/** SaaS vendors run on a hyperscaler (B_05.02 rank 2). */
const HOSTED_ON = new Map([
  [KERNBANK.code, AWS],
  [PAYRAIL.code, AZURE],
  [HELIX.code, GCP],
  [DATAVAULT.code, AWS],
]);

interface Group {
  folder: string;
  name: string;
  country: string;
  sector: string;
  type: string;
  members: string[];
  functions: [string, string, boolean, number][];
  /** Main cloud and the weight of a second one. */
  cloud: Provider;
  other: Provider;
}
const GROUPS: Group[] = [
  {
    folder: "noordhaven-bank",
    name: "Noordhaven Bank",
    country: "eba_GA:NL",
    sector: "banking",
    type: "eba_CT:x12",
    members: [
      "Noordhaven Bank NV",
      "Noordhaven Hypotheken BV",
      "Noordhaven Lease BV",
      "Noordhaven Asset Management BV",
      "Noordhaven Bank Belgium SA",
      "Noordhaven Bank Deutschland AG",
      "Noordhaven Payments BV",
      "Noordhaven Verzekeringen NV",
      "Noordhaven Effecten BV",
      "Noordhaven Digital BV",
    ],
    functions: [
      ["F-PAY", "Payments", true, 4],
      ["F-CORE", "Core banking ledger", true, 8],
      ["F-CARD", "Card authorisation", true, 2],
      ["F-ONB", "Customer onboarding", false, 48],
      ["F-HR", "HR and payroll", false, 72],
    ],
    cloud: AWS,
    other: AZURE,
  },
  {
    folder: "lumen-assurances",
    name: "Lumen Assurances",
    country: "eba_GA:FR",
    sector: "insurance",
    type: "eba_CT:x15",
    members: [
      "Lumen Assurances SA",
      "Lumen Vie SA",
      "Lumen IARD SA",
      "Lumen Santé SA",
      "Lumen Réassurance SA",
      "Lumen Gestion SAS",
      "Lumen Assicurazioni SpA",
      "Lumen Seguros SA",
      "Lumen Direct SAS",
      "Lumen Courtage SAS",
    ],
    functions: [
      ["F-CLAIMS", "Claims handling", true, 24],
      ["F-POLICY", "Policy administration", true, 24],
      ["F-PAY", "Premium collection", true, 12],
      ["F-ACT", "Actuarial modelling", false, 120],
    ],
    cloud: AZURE,
    other: AWS,
  },
  {
    folder: "baltica-pay",
    name: "Baltica Pay",
    country: "eba_GA:LT",
    sector: "payments",
    type: "eba_CT:x13",
    members: [
      "Baltica Pay UAB",
      "Baltica E-Money UAB",
      "Baltica Pay SIA",
      "Baltica Pay AS",
      "Baltica Acquiring UAB",
      "Baltica Wallet UAB",
      "Baltica FX UAB",
      "Baltica Pay Polska sp. z o.o.",
      "Baltica Pay Suomi Oy",
      "Baltica Cards UAB",
    ],
    functions: [
      ["F-PAY", "Instant payments", true, 1],
      ["F-ACQ", "Card acquiring", true, 2],
      ["F-KYC", "KYC and sanctions screening", true, 4],
      ["F-MKT", "Marketing", false, 168],
    ],
    cloud: AWS,
    other: GCP,
  },
  {
    folder: "alpenkreuz",
    name: "Alpenkreuz Gruppe",
    country: "eba_GA:AT",
    sector: "banking",
    type: "eba_CT:x12",
    members: [
      "Alpenkreuz Bank AG",
      "Alpenkreuz Sparkasse AG",
      "Alpenkreuz Leasing GmbH",
      "Alpenkreuz Kapitalanlage GmbH",
      "Alpenkreuz Bank Schweiz AG",
      "Alpenkreuz Bausparkasse AG",
      "Alpenkreuz Factoring GmbH",
      "Alpenkreuz Direktbank AG",
      "Alpenkreuz Wertpapier GmbH",
      "Alpenkreuz IT Services GmbH",
    ],
    functions: [
      ["F-PAY", "Payments", true, 4],
      ["F-CORE", "Core banking ledger", true, 8],
      ["F-TRADE", "Securities trading", true, 4],
      ["F-DWH", "Data warehouse and reporting", false, 72],
    ],
    cloud: GCP,
    other: NORDLICHT,
  },
];

const SUBSTITUTABILITY = [
  "Not substitutable",
  "Highly complex substitutability",
  "Medium complexity in terms of substitutability",
  "Easily substitutable",
];
const entitiesRows: (string | number)[][] = [["LEI", "total assets", "sector"]];
for (const g of GROUPS) {
  const dir = join(here, g.folder);
  mkdirSync(join(dir, "reports"), { recursive: true });
  const leis = g.members.map(() => lei());
  const head = leis[0]!;
  const write = (name: string, rows: (string | number)[][]): void =>
    writeFileSync(join(dir, "reports", name), csv(rows));
  write("b_01.01.csv", [
    ["c0010", "c0020", "c0030", "c0040", "c0050", "c0060"],
    [head, g.members[0]!, g.country, g.type, "eba_CA:fictional", "2025-03-31"],
  ]);
  write("b_01.02.csv", [
    ["c0010", "c0020", "c0030", "c0040", "c0050", "c0060", "c0070", "c0080", "c0090", "c0100", "c0110"],
    ...g.members.map((m, i) => [
      leis[i]!,
      m,
      g.country,
      g.type,
      i === 0 ? "eba_RP:x53" : "eba_RP:x54",
      i === 0 ? "" : head,
      "2025-03-31",
      "2019-01-01",
      "",
      "",
      "",
    ]),
  ]);
  const groupEntities: (string | number)[][] = [["LEI", "total assets", "sector"]];
  leis.forEach((l, i) => {
    const assets = Math.round((i === 0 ? 60e9 : 0.5e9 + rng.next() * 8e9) / 1e6) * 1e6;
    groupEntities.push([l, assets, g.sector]);
    entitiesRows.push([l, assets, g.sector]);
  });
  writeFileSync(join(dir, "entities.csv"), csv(groupEntities));
  write("b_06.01.csv", [
    ["c0010", "c0020", "c0030", "c0040", "c0050", "c0060", "c0070", "c0080", "c0090", "c0100"],
    ...g.functions.map(([id, name, critical, rto]) => [
      id,
      "eba_TA:x1",
      name,
      head,
      critical ? "true" : "false",
      "2025-01-15",
      "",
      rto,
      Math.max(1, rto / 4),
      critical ? "eba_ZZ:x792" : "eba_ZZ:x790",
    ]),
  ]);
  // Contracts: each entity uses the main cloud for critical functions, a SaaS vendor for one, the other cloud for the rest.
  const contracts: (string | number)[][] = [
    [
      "c0010",
      "c0020",
      "c0030",
      "c0040",
      "c0050",
      "c0060",
      "c0070",
      "c0080",
      "c0090",
      "c0100",
      "c0110",
      "c0120",
      "c0130",
      "c0140",
      "c0150",
      "c0160",
      "c0170",
      "c0180",
    ],
  ];
  const used = new Map<string, Set<string>>();
  const contractOf = (p: Provider): string =>
    `${g.folder.slice(0, 3).toUpperCase()}-${PROVIDERS.indexOf(p) + 1}`;
  const saas = [KERNBANK, PAYRAIL, HELIX, DATAVAULT];
  leis.forEach((l, i) => {
    for (const [fid, , critical] of g.functions) {
      const p = critical
        ? i % 4 === 3
          ? g.other
          : fid === "F-PAY" || fid === "F-KYC"
            ? saas[i % saas.length]!
            : g.cloud
        : pick([g.other, DATAVAULT, g.cloud]);
      const type = p.types[fid === "F-CORE" ? 0 : p.types.length - 1]!;
      const reliance = critical ? "eba_ZZ:x794 full reliance" : "eba_ZZ:x792 low reliance";
      contracts.push([
        contractOf(p),
        l,
        p.code,
        "eba_qCO:qx2000",
        fid,
        type,
        "",
        "",
        "",
        "",
        "",
        "",
        g.country,
        "true",
        g.country,
        g.country,
        "eba_ZZ:x793",
        reliance,
      ]);
      used.set(contractOf(p), (used.get(contractOf(p)) ?? new Set()).add(p.code));
    }
  });
  write("b_02.02.csv", contracts);
  const providersUsed = PROVIDERS.filter(
    (p) => [...used.values()].some((s) => s.has(p.code)) || [...HOSTED_ON.values()].includes(p),
  );
  write("b_05.01.csv", [
    ["c0010", "c0020", "c0030", "c0040", "c0050", "c0060", "c0070", "c0080", "c0090"],
    ...providersUsed.map((p) => [
      p.code,
      "eba_qCO:qx2000",
      p.name,
      "",
      p.country,
      "EUR",
      Math.round(0.2e6 + rng.next() * 9.8e6),
      p.parent,
      p.parent ? "eba_qCO:qx2000" : "",
    ]),
  ]);
  write("b_05.02.csv", [
    ["c0010", "c0020", "c0030", "c0040", "c0050", "c0060", "c0070"],
    ...[...used].flatMap(([contract, ps]) =>
      [...ps].flatMap((code) => {
        const host = HOSTED_ON.get(code);
        return host ? [[contract, "eba_TA:S19", host.code, "eba_qCO:qx2000", 2, code, "eba_BT:x28"]] : [];
      }),
    ),
  ]);
  write("b_07.01.csv", [
    [
      "c0010",
      "c0020",
      "c0030",
      "c0040",
      "c0050",
      "c0060",
      "c0070",
      "c0080",
      "c0090",
      "c0100",
      "c0110",
      "c0120",
    ],
    ...[...used].flatMap(([contract, ps]) =>
      [...ps].map((code) => {
        const s =
          code === KERNBANK.code || code === PAYRAIL.code
            ? SUBSTITUTABILITY[0]!
            : pick(SUBSTITUTABILITY.slice(1));
        const alternatives = s === SUBSTITUTABILITY[0] ? "false" : "true";
        return [
          contract,
          code,
          "eba_qCO:qx2000",
          "eba_TA:S19",
          s,
          "",
          "2025-02-01",
          "true",
          "",
          "",
          alternatives,
          "",
        ];
      }),
    ),
  ]);
  writeFileSync(
    join(dir, "reports", "FilingIndicators.csv"),
    csv([
      ["templateID", "reported"],
      ...["B_01.01", "B_01.02", "B_02.02", "B_05.01", "B_05.02", "B_06.01", "B_07.01"].map((t) => [
        t,
        "true",
      ]),
    ]),
  );
}
writeFileSync(join(here, "entities.csv"), csv(entitiesRows));
