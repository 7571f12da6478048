import type { QueueCase } from "./queueConformance.js";

/** Every queue discipline, sized in units of the driver's clock. */
export const queueCases: QueueCase[] = [
  { name: "fifo", config: (u, limit) => ({ type: "fifo", limit, maxWait: 100 * u }), lightLoadOrder: "fifo" },
  { name: "lifo", config: (u, limit) => ({ type: "lifo", limit, maxWait: 100 * u }), lightLoadOrder: "lifo" },
  {
    name: "adaptive-lifo",
    config: (u, limit) => ({ type: "adaptive-lifo", limit, target: 0.25 * u, interval: 2 * u }),
    lightLoadOrder: "fifo",
  },
  {
    name: "codel",
    config: (u, limit) => ({ type: "codel", limit, target: 0.25 * u, interval: 2 * u }),
    lightLoadOrder: "fifo",
  },
  {
    name: "rpc-codel",
    config: (u, limit) => ({ type: "rpc-codel", limit, target: 0.25 * u, interval: 2 * u }),
    lightLoadOrder: "fifo",
  },
  { name: "criticality", config: (_u, limit) => ({ type: "criticality", limit }), lightLoadOrder: "fifo" },
];
