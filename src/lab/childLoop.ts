import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ChildToParent, ParentToChild } from "./labProtocol.js";

/**
 * The plumbing every lab child shares: messages to and from the parent, exit when the parent goes away (its IPC
 * channel closes: a crash or SIGKILL of the parent never leaves a child behind), and the measurement of this process's
 * event-loop lag (p99 of monitorEventLoopDelay, ms), timer drift (how late a periodic timer fired, largest, ms) and
 * CPU time (user + system, seconds).
 */
export function childLoop(onMessage: (m: ParentToChild) => void): {
  send(m: ChildToParent): void;
  health(): { lagP99Ms: number; driftMs: number; cpuSeconds: number };
} {
  const send = (m: ChildToParent) => {
    if (process.connected) process.send?.(m);
  };
  process.on("disconnect", () => process.exit(0));
  process.on("message", (m) => onMessage(m as ParentToChild));
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  let drift = 0;
  const periodMs = 50;
  let expected = performance.now() + periodMs;
  setInterval(() => {
    const now = performance.now();
    drift = Math.max(drift, now - expected);
    expected = now + periodMs;
  }, periodMs).unref();
  return {
    send,
    health() {
      const cpu = process.cpuUsage();
      const out = {
        lagP99Ms: lag.percentile(99) / 1e6,
        driftMs: drift,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
      };
      lag.reset();
      drift = 0;
      return out;
    },
  };
}
