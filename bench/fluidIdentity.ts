import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Prints one line per fluid run of every built-in and variant that the fluid engine accepts (the others are refused
 * by checkFluid and skipped): the JSON of its summary with the timing fields zeroed, and a SHA-256 of its whole
 * series (every value at full precision). Run it against two builds and compare the output byte for byte:
 *
 *     npx tsx bench/fluidIdentity.ts /path/to/before/dist > before.txt
 *     npx tsx bench/fluidIdentity.ts dist > after.txt
 *     cmp before.txt after.txt
 *
 * Each scenario runs at its own scale (1) and at 0.1; the 2021 scenario also at 1000 (the speed target's run). Default
 * fluid options (skipping and the multi-rate step on, 10 bins), seed 1; then the 2021 scenario at 1000 without
 * skipping, single-rate, and at 5 and 40 bins.
 */
const dist = resolve(process.argv[2] ?? "dist");
const url = (p: string) => pathToFileURL(`${dist}/${p}`).href;
const { runScenario } = await import(url("experiments/runScenario.js"));
const { loadScenario } = await import(url("scenario/loadScenario.js"));
const { builtinNames, builtinInfo } = await import(url("scenario/builtins.js"));
const { checkFluid } = await import(url("fluid/checkFluid.js"));

for (const name of builtinNames() as string[]) {
  const variants = [
    null,
    ...(builtinInfo(name) as { variants: { name: string }[] }).variants.map((v) => v.name),
  ];
  const scales = name === "aws-us-east-1-2021-12-07" ? [1, 0.1, 1000] : [1, 0.1];
  for (const variant of variants)
    for (const scale of scales) {
      const label = `${name}${variant === null ? "" : `/${variant}`} x${scale}`;
      const s = loadScenario(name, { scale, ...(variant === null ? {} : { variant }) });
      if (checkFluid(s).length > 0) {
        process.stdout.write(`${label}: refused\n`);
        continue;
      }
      print(label, runScenario(s, { seed: 1, engine: "fluid" }));
    }
}
// The other paths of the engine on the speed target's run: without skipping, single-rate, 5 and 40 bins.
const big = loadScenario("aws-us-east-1-2021-12-07", { scale: 1000 });
for (const [label, options] of [
  ["skip: false", { skip: false }],
  ["multiRate: false", { multiRate: false }],
  ["bins: 5", { bins: 5 }],
  ["bins: 40", { bins: 40 }],
] as const)
  print(
    `aws-us-east-1-2021-12-07 x1000 ${label}`,
    runScenario(big, { seed: 1, engine: "fluid", ...options }),
  );

function print(label: string, r: { summary: { timing: unknown }; series: unknown }): void {
  r.summary.timing = { wallSeconds: 0, eventsPerSecond: 0 };
  const series = createHash("sha256").update(JSON.stringify(r.series)).digest("hex");
  process.stdout.write(`${label}: series ${series}\n${JSON.stringify(r.summary)}\n`);
}
