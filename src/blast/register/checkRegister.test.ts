import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRegister } from "./checkRegister.js";

const EXAMPLE = "examples/register/noordhaven-bank";
const BANK = "ZZST000X9HA2KWUKLH64";
const AWS = "ZZST00AGEQ4OLNI7CP47";

/** A copy of the example register with `edit` applied to every file's text. */
function copyWith(edit: (base: string, text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "stampede-check-"));
  cpSync(EXAMPLE, dir, { recursive: true });
  const reports = join(dir, "reports");
  for (const f of readdirSync(reports)) {
    const p = join(reports, f);
    writeFileSync(p, edit(f, readFileSync(p, "utf8")));
  }
  return dir;
}

describe("checkRegister", () => {
  it("finds nothing in the clean example", () => {
    expect(checkRegister(EXAMPLE)).toEqual([]);
  });

  it("ranks fixes by the critical functions they unblock", () => {
    const dir = copyWith((base, text) => {
      let t = text.replaceAll(AWS, "ZZST00AGEQ4OLNI7CP48"); // check digits off by one: not a valid LEI
      if (base === "b_06.01.csv")
        t = t.replace(`Payments,${BANK},true,2025-01-15,,4,`, `Payments,${BANK},true,2025-01-15,,,`);
      return t;
    });
    const found = checkRegister(dir);
    const awsProvider = found.find((f) => f.code === "E_REG_BAD_LEI" && f.file.endsWith("b_05.01.csv"));
    expect(awsProvider).toBeDefined();
    expect(awsProvider!.criticalFunctions).toContain(`${BANK}/F-CORE`);
    expect(found[0]!.criticalFunctions.length).toBeGreaterThanOrEqual(awsProvider!.criticalFunctions.length);
    const noRto = found.find((f) => f.code === "W_REG_NO_RTO");
    expect(noRto).toMatchObject({ line: 2, path: "c0080", criticalFunctions: [`${BANK}/F-PAY`] });
    // Ranked: counts never increase down the list.
    const counts = found.map((f) => f.criticalFunctions.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("ties a dangling foreign key to the function of its row", () => {
    const dir = copyWith((base, text) =>
      base === "b_02.02.csv"
        ? text.replace(`NOO-4,${BANK},ZZST008JF20XVHWCFN35`, `NOO-4,${BANK},ZZST00NOSUCHPROVID33`)
        : text,
    );
    const found = checkRegister(dir);
    const dangling = found.find((f) => f.file.endsWith("b_02.02.csv") && f.line === 2);
    expect(dangling?.criticalFunctions).toEqual([`${BANK}/F-PAY`]);
  });
});
