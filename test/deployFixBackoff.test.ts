import { describe, expect, it } from "vitest";
import { runScenario } from "../src/experiments/runScenario.js";
import { defineScenario } from "../src/scenario/index.js";
import { rawWith } from "./fields/runCase.js";

const step = "operators.runbook.block-half";

/**
 * The field test's storm base (30 clients without reconnect backoff through a NAT whose set-up rate, 1/s per device,
 * is far below the wave), where operators deploy a fix instead of blocking: its reconnect backoff is exponential from
 * 0.5 s with `multiplier`, no jitter, the default 60 s cap. Returns the fleet's set-ups per second, per 10 s interval,
 * and the interval in which the fix went out.
 */
function setupsAfterFix(multiplier: number): { setups: number[]; fix: number } {
  const raw = rawWith("storm", {
    "links.nat.setupRate": "1/s",
    [`${step}.delay`]: "0s",
    [`${step}.do`]: {
      type: "deploy-fix",
      fleet: "clients",
      retry: { maxAttempts: 1 },
      reconnect: { type: "exponential", base: 0.5, multiplier, jitter: "none" },
    },
  });
  const { summary, series } = runScenario(defineScenario(raw), { memoryInUse: () => 0 });
  const at = summary.operators.find((o) => o.name === "block-half")?.at;
  if (at === undefined || at === null) throw new Error("the fix was not deployed");
  return { setups: series.columns["fleet.clients.setups"]!.map((v) => v ?? 0), fix: at / 10 };
}

describe("deploy-fix: the fixed clients' reconnect backoff starts afresh", () => {
  it("keeps fixed clients setting up after the fix instead of waiting the new policy's cap", () => {
    const { setups, fix } = setupsAfterFix(2);
    const k = Math.ceil(fix); // the first whole interval under the fix
    // Before the fix the storm sets up without pause; after it the backoff starts again at 0.5 s, so set-ups go on
    // in the next intervals (0.5, 1, 2, 4, 8 s ...). Had the clients inherited the storm's hundreds of failed set-ups,
    // every delay would be the new policy's 60 s cap: no set-up for a minute after the fix (the model before).
    expect(Math.min(...setups.slice(k - 3, k - 1))).toBeGreaterThan(1);
    expect(setups.slice(k, k + 4).every((s) => s > 0)).toBe(true);
  });

  it("lets the fix's growth factor act from the second failed set-up on", () => {
    expect(setupsAfterFix(3).setups).not.toEqual(setupsAfterFix(2).setups);
  });
});
