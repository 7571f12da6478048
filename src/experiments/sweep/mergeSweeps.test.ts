import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { register as registerMerge } from "../../cli/commands/merge.js";
import { register as registerSweep } from "../../cli/commands/sweep.js";
import { runCli } from "../../cli/testing/cliHarness.js";
import { fakePorts } from "../testing/fakeModel.js";
import { inShard, parseShard } from "./shard.js";

const portsModule = new URL("../testing/fakeModel.ts", import.meta.url).href;
const grid = ["--param", "faults.spike.end=31m..50m:4", "--param", "fleets.clients.retry.maxAttempts=1..6:3"];
const sweep = (argv: string[]) =>
  runCli(
    (p) => registerSweep(p, { ports: fakePorts, portsModule }),
    ["sweep", "fake", "--quiet", ...grid, "--replications", "2", "--workers", "1", ...argv],
  );
const merge = (argv: string[]) => runCli((p) => registerMerge(p), ["merge", ...argv]);

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "stampede-merge-"));
}

/** Every file of a sweep directory, results.jsonl sorted (timing is never stored). */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, f), "utf8");
    out[f] = f === "results.jsonl" ? text.split("\n").filter(Boolean).sort().join("\n") : text;
  }
  return out;
}

describe("shards", () => {
  it("parses k/n and deals jobs in turn, so each shard gets every region of the grid", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "2"])
      expect(() => parseShard(bad)).toThrow(expect.objectContaining({ code: "E_BAD_FLAG", path: "--shard" }));
    const mine = [0, 1, 2, 3].flatMap((i) => [0, 1].filter((r) => inShard({ index: 1, count: 3 }, i, r, 2)));
    expect(mine).toEqual([0, 1, 0]); // jobs 0, 3, 6 = (0,0), (1,1), (3,0)
  });
});

describe("stampede merge", () => {
  it("merges shards 1/3, 2/3 and 3/3 into the files an unsharded sweep writes, identical", async () => {
    const whole = tmp();
    expect((await sweep(["--out", whole])).code).toBe(0);
    const shards = [1, 2, 3].map(() => tmp());
    for (const [k, dir] of shards.entries()) {
      const r = await sweep(["--shard", `${k + 1}/3`, "--out", dir]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(dir, "results.jsonl"), "utf8").trim().split("\n")).toHaveLength(8);
    }
    const out = tmp();
    const r = await merge([...shards, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("24 jobs merged from 3 directories, 0 failed, 0 missing");
    expect(files(out)).toEqual(files(whole));
    expect(Object.keys(files(out))).toEqual([
      "failures.json",
      "phase.json",
      "report.html",
      "results.jsonl",
      "sweep.json",
    ]);
  });

  it("reports missing shards and jobs (exit 3, files written) and duplicated jobs once", async () => {
    const a = tmp();
    const b = tmp();
    await sweep(["--shard", "1/3", "--out", a]);
    await sweep(["--shard", "2/3", "--out", b]);
    const results = join(b, "results.jsonl");
    const first = readFileSync(results, "utf8").split("\n")[0]!;
    writeFileSync(results, `${readFileSync(results, "utf8")}${first}\n`);
    const out = tmp();
    const r = await merge([a, b, "--out", out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("shards missing: 3/3");
    expect(r.stderr).toContain(
      "8 of 24 jobs missing (point/replication): 1/0, 2/1, 4/0, 5/1, 7/0, 8/1, 10/0, 11/1",
    );
    expect(r.stderr).toContain("1 duplicate result lines");
    expect(readFileSync(join(out, "results.jsonl"), "utf8").trim().split("\n")).toHaveLength(16);
  });

  it("refuses directories of different sweeps with one line naming what differs (exit 2)", async () => {
    const a = tmp();
    const b = tmp();
    await sweep(["--shard", "1/2", "--out", a]);
    await sweep(["--shard", "2/2", "--seed", "9", "--out", b]);
    const r = await merge([a, b, "--out", tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/is not the same sweep as .*\(seed differs\)/);
    expect((await merge([tmp(), "--out", tmp()])).stderr).toMatch(/sweep\.json is missing/);
  });
});
