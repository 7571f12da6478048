import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../testing/cliHarness.js";
import { register } from "./validate.js";

const minimal = readFileSync(new URL("../../scenario/fixtures/minimal.yaml", import.meta.url), "utf8");

describe("stampede validate on an older scenario format", () => {
  it("exits 2 with the located migration message", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "stampede-format-")), "old.yaml");
    writeFileSync(file, `format: 1\n${minimal}`);
    const r = await runCli(register, ["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:1:9  format  format 1 (stampede before run summary schemaVersion 2) is not read any more; to migrate`,
    );
  });
});
