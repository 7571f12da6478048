import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../../graph/GraphBuilder.js";
import { importRegister } from "./importRegister.js";
import { readRegisterFiles } from "./readRegisterFiles.js";

const REGISTER = join(import.meta.dirname, "../../../examples/register/alpenkreuz");
const tmp = mkdtempSync(join(tmpdir(), "stampede-zip-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const MiB = 2 ** 20;

/** The sample register's files as ZIP entries, plus `extra`. */
function registerZip(name: string, extra: Record<string, Uint8Array> = {}): string {
  const files: Record<string, Uint8Array> = {};
  for (const f of ["FilingIndicators.csv", "b_01.01.csv", "b_01.02.csv", "b_02.02.csv", "b_05.01.csv"])
    files[`reports/${f}`] = strToU8(readFileSync(join(REGISTER, "reports", f), "utf8"));
  for (const f of ["b_05.02.csv", "b_06.01.csv", "b_07.01.csv"])
    files[`reports/${f}`] = strToU8(readFileSync(join(REGISTER, "reports", f), "utf8"));
  const path = join(tmp, name);
  writeFileSync(path, zipSync({ ...files, ...extra }, { level: 9 }));
  return path;
}

function thrown(fn: () => unknown): { code: string; text: string } {
  try {
    fn();
  } catch (e) {
    const err = e as {
      code: string;
      format?: () => string;
      message: string;
      errors?: { format(): string }[];
    };
    const text = err.errors?.length
      ? err.errors.map((x) => x.format()).join("\n")
      : (err.format?.() ?? err.message);
    return { code: err.code, text };
  }
  throw new Error("did not throw");
}

describe("ZIP registers are streamed with limits (issue 19, item 3)", () => {
  it("inflates only the entries the importer reads: junk entries cost nothing", () => {
    const junk = new Uint8Array(64 * MiB); // zeros: compresses to ~64 kB
    const path = registerZip("junk.zip", { "junk/a.bin": junk, "junk/b.csv": junk });
    // A total limit of 8 MiB: inflating either junk entry would pass it.
    const files = readRegisterFiles(path, { maxTotalBytes: 8 * MiB });
    expect(files.map((f) => f.base)).not.toContain("b.csv");
    const r = importRegister(path, new GraphBuilder(), { zipLimits: { maxTotalBytes: 8 * MiB } });
    expect(r.providers).toBeGreaterThan(0);
  });

  it("refuses an entry that inflates past the per-entry limit, with a clear error", () => {
    const big = strToU8("a,b,c\n".repeat(4 * MiB)); // 24 MiB of CSV
    const path = registerZip("big.zip", { "reports/b_99.01.csv": big });
    const r = thrown(() => readRegisterFiles(path, { maxEntryBytes: 16 * MiB, maxRatio: 1e9 }));
    expect(r.code).toBe("E_REG_ZIP_LIMIT");
    expect(r.text).toBe(`${path}!reports/b_99.01.csv inflates to more than 16 MiB (the limit of one entry)`);
  });

  it("refuses a register whose entries together pass the total limit", () => {
    const part = strToU8("x,y\n".repeat(2 * MiB)); // 8 MiB each
    const path = registerZip("total.zip", { "reports/b_98.01.csv": part, "reports/b_98.02.csv": part });
    const r = thrown(() => readRegisterFiles(path, { maxTotalBytes: 12 * MiB, maxRatio: 1e9 }));
    expect(r.text).toBe(`${path} inflates to more than 12 MiB in all (the limit of a register)`);
  });

  it("refuses a suspect compression ratio (a ZIP bomb)", () => {
    const bomb = new Uint8Array(32 * MiB).fill(44); // commas: ratio ~1000
    const path = registerZip("bomb.zip", { "reports/b_97.01.csv": bomb });
    const r = thrown(() => readRegisterFiles(path));
    expect(r.code).toBe("E_REG_ZIP_LIMIT");
    expect(r.text).toMatch(
      /!reports\/b_97\.01\.csv inflates more than 500 times its compressed size .*: a ZIP bomb\?$/,
    );
  });

  it("invalid UTF-8 gives a positioned error (in a ZIP and in a folder)", () => {
    const text = strToU8("code,name\nLEI1,caf\u00e9\nLEI2,ba");
    const badBytes = new Uint8Array([...text, 0xff, 0x61, 0x0a]);
    const path = registerZip("utf8.zip", { "reports/b_96.01.csv": badBytes });
    const r = thrown(() => readRegisterFiles(path));
    expect(r.code).toBe("E_REG_ENCODING");
    expect(r.text).toBe(
      `${path}!reports/b_96.01.csv:3:8  not valid UTF-8: byte 0xff at offset 28 (save the file as UTF-8)`,
    );
  });

  it("invalid UTF-8 in a register folder is positioned too", () => {
    const dir = mkdtempSync(join(tmp, "folder-"));
    writeFileSync(join(dir, "b_96.01.csv"), new Uint8Array([0x61, 0x0a, 0x62, 0xc3, 0x28]));
    const r = thrown(() => readRegisterFiles(dir));
    expect(r.text).toBe(
      `${join(dir, "b_96.01.csv")}:2:2  not valid UTF-8: byte 0xc3 at offset 3 (save the file as UTF-8)`,
    );
  });

  it("a file that is not a ZIP is E_REG_BAD_ZIP", () => {
    const path = join(tmp, "not.zip");
    writeFileSync(path, "hello");
    expect(thrown(() => readRegisterFiles(path)).code).toBe("E_REG_BAD_ZIP");
  });
});
