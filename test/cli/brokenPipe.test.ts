import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Runs `stampede ARGS` from the sources with a stdout pipe whose reading end is closed before the command writes
 * (what `| head -1` does once it has its line): every write then fails with EPIPE.
 */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (b: Buffer) => {
    stderr += b.toString();
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

describe("exitQuietlyOnBrokenPipe (stampede ... | head -1)", () => {
  for (const args of [["schema"], ["blast", "--help"], ["list"]]) {
    it(`stampede ${args.join(" ")} exits 0 without a stack trace when its reader is gone`, async () => {
      const { code, stderr } = await runWithClosedStdout(args);
      expect(stderr).not.toMatch(/EPIPE|Unhandled|at .*\(/);
      expect(stderr).toBe("");
      expect(code).toBe(0);
    });
  }
});
