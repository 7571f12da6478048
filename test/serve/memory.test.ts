/**
 * `stampede serve` leaks no memory: in a child process with --expose-gc, heapUsed after 200 start/cancel cycles is
 * within 20 MB of its value after the first 20, and the busy worker count is back to 0.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SCRIPT = resolve(import.meta.dirname, "memoryCycles.ts");

describe("stampede serve memory", () => {
  it("200 start/cancel cycles: heapUsed within 20 MB of after the first 20, no worker busy", () => {
    const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", SCRIPT], {
      cwd: resolve(import.meta.dirname, "../.."),
      encoding: "utf8",
      timeout: 170_000,
    });
    const r = JSON.parse(out.trim().split("\n").at(-1)!) as {
      after20: number;
      after200: number;
      status: { running: number; busy: number };
    };
    process.stderr.write(
      `serve memory: heapUsed ${(r.after20 / 2 ** 20).toFixed(1)} MB after 20 cycles, ${(r.after200 / 2 ** 20).toFixed(1)} MB after 200\n`,
    );
    expect(r.after200 - r.after20).toBeLessThan(20 * 2 ** 20);
    expect(r.status).toMatchObject({ running: 0, busy: 0 });
  });
});
