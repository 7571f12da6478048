import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Before/after timing of the fluid engine's speed target (docs/performance.md, fluid section): the 2021 scenario at
 * `--scale 1000`, 10 h, in process and warm. Alternates fresh processes of two builds (a `dist/` folder each: build the
 * other commit in a worktree), `pairs` pairs (default 5); each process warms up twice and measures 3 runs (its median
 * counts). Prints every pair, then the median after/before ratio of wall and CPU time with its range and the load
 * average before and after.
 *
 *     npx tsx bench/fluidPairs.ts /path/to/before/dist dist 7
 */
const before = resolve(process.argv[2] ?? "");
const after = resolve(process.argv[3] ?? "dist");
const pairs = Number(process.argv[4] ?? 5);
const child = fileURLToPath(new URL("./fluidWarm.mjs", import.meta.url));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const once = (dist: string) => {
  const out = execFileSync(process.execPath, [child, dist, "2", "3"], { encoding: "utf8" });
  const r = JSON.parse(out) as { wall: number[]; cpu: number[] };
  return { wall: median(r.wall), cpu: median(r.cpu) };
};
process.stdout.write(`before ${before}\nafter  ${after}\nload average ${load()}\n`);
const wallRatio: number[] = [];
const cpuRatio: number[] = [];
for (let p = 0; p < pairs; p++) {
  const b = once(before);
  const a = once(after);
  wallRatio.push(a.wall / b.wall);
  cpuRatio.push(a.cpu / b.cpu);
  process.stdout.write(
    `pair ${p + 1}: before wall ${b.wall.toFixed(3)} s cpu ${b.cpu.toFixed(3)} s; after wall ${a.wall.toFixed(3)} s ` +
      `cpu ${a.cpu.toFixed(3)} s; after/before wall ${(a.wall / b.wall).toFixed(3)} cpu ${(a.cpu / b.cpu).toFixed(3)}\n`,
  );
}
const range = (xs: number[]) => `${Math.min(...xs).toFixed(3)}-${Math.max(...xs).toFixed(3)}`;
process.stdout.write(
  `after/before: wall median ${median(wallRatio).toFixed(3)} (range ${range(wallRatio)}), cpu median ` +
    `${median(cpuRatio).toFixed(3)} (range ${range(cpuRatio)}); load average ${load()}\n`,
);
