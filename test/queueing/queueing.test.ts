import { describe, expect, it } from "vitest";
import { batchMeans } from "./batchMeans.js";
import { simulateMMcK } from "./MMcK.js";
import { erlangC, md1kBlocking, mg1kBlocking, mmckBlocking, mmcMeanWait, mmcSojournTail } from "./theory.js";

/**
 * The engine and its Rng against queueing theory. Each estimate is a batch-means 99.9% confidence interval computed
 * from the run itself; the test asserts that the theoretical value lies inside it, and that the interval is narrow
 * enough to mean something.
 */
describe("queueing theory", () => {
  it("M/M/1 at rho = 0.9: mean wait in queue = rho / (mu - lambda) = 9 s", () => {
    const { waits } = simulateMMcK({ lambda: 0.9, mu: 1, c: 1, K: Number.POSITIVE_INFINITY }, 1_500_000, 1);
    const ci = batchMeans(waits, 100_000, 20);
    const theory = 0.9 / (1 - 0.9);
    expect(Math.abs(ci.mean - theory)).toBeLessThan(ci.halfWidth);
    expect(ci.halfWidth / theory).toBeLessThan(0.1);
  });

  it("M/M/4 at rho = 0.8: Erlang C probability of waiting and mean wait", () => {
    const lambda = 3.2;
    const { waits } = simulateMMcK({ lambda, mu: 1, c: 4, K: Number.POSITIVE_INFINITY }, 600_000, 2);
    const waited = Float64Array.from(waits, (w) => (w > 0 ? 1 : 0));
    const pWait = batchMeans(waited, 20_000, 20);
    const meanWait = batchMeans(waits, 20_000, 20);
    expect(Math.abs(pWait.mean - erlangC(4, lambda))).toBeLessThan(pWait.halfWidth);
    expect(Math.abs(meanWait.mean - mmcMeanWait(lambda, 1, 4))).toBeLessThan(meanWait.halfWidth);
    expect(pWait.halfWidth).toBeLessThan(0.03);
    expect(meanWait.halfWidth / mmcMeanWait(lambda, 1, 4)).toBeLessThan(0.1);
  });

  it("M/M/2/5 at offered load 2.4: blocking probability", () => {
    const lambda = 2.4;
    const { blocked } = simulateMMcK({ lambda, mu: 1, c: 2, K: 5 }, 400_000, 3);
    const ci = batchMeans(blocked, 10_000, 20);
    const theory = mmckBlocking(lambda, 1, 2, 5);
    expect(Math.abs(ci.mean - theory)).toBeLessThan(ci.halfWidth);
    expect(ci.halfWidth / theory).toBeLessThan(0.05);
  });

  it("theory helpers agree with textbook values", () => {
    // M/M/1: Erlang C is rho; M/M/1/K blocking is (1 - rho) rho^K / (1 - rho^(K+1))
    expect(erlangC(1, 0.9)).toBeCloseTo(0.9, 12);
    expect(mmckBlocking(0.5, 1, 1, 3)).toBeCloseTo((0.5 * 0.125) / (1 - 0.0625), 12);
    // M/M/2 with a = 1: C = 1/3
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it("M/G/1/K blocking from the embedded chain: M/M/1/K and M/G/1/1 closed forms, and an M/D/1/K value", () => {
    // exponential service: arrivals during a service are geometric, and the chain must give the M/M/1/K answer
    for (const [lambda, K] of [
      [0.5, 3],
      [0.9, 5],
      [1.5, 8],
    ] as const) {
      const geometric = (k: number) => (1 / (1 + lambda)) * (lambda / (1 + lambda)) ** k;
      expect(mg1kBlocking(geometric, lambda, K)).toBeCloseTo(mmckBlocking(lambda, 1, 1, K), 12);
    }
    // no waiting room: Erlang B for one server, rho / (1 + rho), whatever the service distribution
    expect(md1kBlocking(0.9, 1)).toBeCloseTo(0.9 / 1.9, 12);
    // K = 2, by hand: pi_1 / pi_0 = (1 - a0) / a0 = e^rho - 1, so P_2 = 1 - 1 / (e^-rho + rho)
    expect(md1kBlocking(0.9, 2)).toBeCloseTo(1 - 1 / (Math.exp(-0.9) + 0.9), 12);
    // deterministic service loses less than exponential at the same load and room
    expect(md1kBlocking(0.9, 5)).toBeLessThan(mmckBlocking(0.9, 1, 1, 5));
  });

  it("M/M/c sojourn tail: M/M/1 is exponential with rate mu - lambda; the Erlang-2 case is the limit", () => {
    for (const t of [0.1, 1, 3]) expect(mmcSojournTail(0.5, 1, 1, t)).toBeCloseTo(Math.exp(-0.5 * t), 12);
    // c mu - lambda = mu: the hypoexponential's limit, approached from both sides
    for (const t of [0.2, 1]) {
      const at = mmcSojournTail(1, 1, 2, t);
      expect(mmcSojournTail(1 + 1e-6, 1, 2, t)).toBeCloseTo(at, 5);
      expect(mmcSojournTail(1 - 1e-6, 1, 2, t)).toBeCloseTo(at, 5);
    }
    expect(mmcSojournTail(30, 10, 4, 0)).toBeCloseTo(1, 12);
  });
});
