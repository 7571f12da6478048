import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;

/** A fenced block of docs/tutorial.md: its language, the file it writes (yaml) and whether it appends. */
interface Block {
  lang: string;
  file?: string;
  append: boolean;
  body: string;
}

function blocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w+)(?: (\S+))?( append)?\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1]!,
    ...(m[2] === undefined ? {} : { file: m[2] }),
    append: m[3] !== undefined,
    body: m[4]!,
  }));
}

/** Setup lines the test does not run: it uses the repository's own sources instead of an installed package. */
const SETUP = [/^npm init -y$/, /^npm install stampede-sim$/];

interface Ran {
  command: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

describe("docs/tutorial.md: its commands run as written", () => {
  const text = readFileSync(join(root, "docs/tutorial.md"), "utf8");
  const dir = mkdtempSync(join(tmpdir(), "stampede-tutorial-"));
  const ran: Ran[] = [];

  it("writes its files and runs every command of its shell blocks, each exiting 0", () => {
    for (const b of blocks(text)) {
      if (b.lang === "yaml") {
        expect(b.file, "a yaml block names the file it writes").toBeDefined();
        (b.append ? appendFileSync : writeFileSync)(join(dir, b.file!), b.body);
        continue;
      }
      expect(b.lang).toBe("sh");
      for (const line of b.body.split("\n").map((l) => l.trim())) {
        if (line === "" || SETUP.some((re) => re.test(line))) continue;
        expect(line, "every command is an npx stampede command or a known setup line").toMatch(
          /^npx stampede /,
        );
        const args = line.slice("npx stampede ".length).split(/\s+/);
        const r = spawnSync(process.execPath, ["--import", tsx, join(root, "src/cli/main.ts"), ...args], {
          cwd: dir,
          encoding: "utf8",
          env: { ...process.env, NO_COLOR: "1" },
        });
        ran.push({ command: line, code: r.status, stdout: r.stdout, stderr: r.stderr });
        // stderr may carry progress lines (compare), never an error.
        expect([line, r.status, /error/i.test(r.stderr) ? r.stderr : ""]).toEqual([line, 0, ""]);
      }
    }
    expect(ran.map((r) => r.command)).toEqual([
      "npx stampede validate checkout.yaml",
      "npx stampede run checkout.yaml",
      "npx stampede run checkout.yaml",
      "npx stampede compare checkout.yaml --variant retry-budget --variant capped-backoff --replications 2 --out compare",
    ]);
  });

  it("prints what the tutorial says it prints", () => {
    const [validate, calm, storm, compare] = ran;
    expect(validate?.stdout).toMatch(/^OK {2}checkout\.yaml: scenario 'checkout'/);
    expect(calm?.stdout).toMatch(/^verdict: no trigger$/m);
    expect(storm?.stdout).toMatch(/^verdict: METASTABLE: .*self-sustaining/m);
    const section = (name: string) =>
      compare?.stdout.split(/\n(?=\S)/).find((s) => s.startsWith(`${name}\n`)) ?? "";
    expect(section("baseline")).toMatch(/metastable \[95% CI\] +2\/2/);
    expect(section("retry-budget")).toMatch(/metastable \[95% CI\] +0\/2/);
    expect(section("retry-budget")).toMatch(/median recovery +\d+(\.\d+)?s \(n=2\)/);
    expect(section("capped-backoff")).toMatch(/metastable \[95% CI\] +2\/2/);
    for (const f of ["report.html", "series.csv", "series.om"])
      expect(existsSync(join(dir, "compare", f))).toBe(true);
  });
});
