import type { LimiterCase } from "./limiterConformance.js";

/** Every limiter type, sized in units of the driver's clock. */
export const limiterCases: LimiterCase[] = [
  {
    name: "bulkhead",
    config: () => ({ type: "bulkhead", maxConcurrent: 8, maxQueue: 4 }),
    kind: "concurrency",
    shrinksOn: "none",
  },
  {
    name: "token-bucket",
    config: (u) => ({ type: "token-bucket", rate: 5 / u, burst: 5 }),
    kind: "rate",
    shrinksOn: "none",
  },
  {
    name: "aimd",
    config: () => ({ type: "aimd", initialLimit: 10 }),
    kind: "concurrency",
    shrinksOn: "drop",
  },
  {
    name: "vegas",
    config: () => ({ type: "vegas", initialLimit: 10 }),
    kind: "concurrency",
    shrinksOn: "drop",
  },
  {
    name: "gradient2",
    config: () => ({ type: "gradient2", initialLimit: 30, minLimit: 5 }),
    kind: "concurrency",
    shrinksOn: "rtt",
  },
];
