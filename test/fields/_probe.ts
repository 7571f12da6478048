import { outcome, rawWith } from "./runCase.js";

const [base, ctx, tries] = [
  process.argv[2] as "storm",
  JSON.parse(process.argv[3]!),
  JSON.parse(process.argv[4]!) as [string, unknown[]][],
];
const b = outcome(rawWith(base, ctx));
for (const [path, values] of tries)
  for (const v of values)
    console.log(path, JSON.stringify(v), outcome(rawWith(base, ctx, { [path]: v })) !== b);
