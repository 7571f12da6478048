import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliProcess } from "./cliProcess.js";
import type { RedisServer } from "./redisServer.js";

/** The scenario the queue tests sweep (the real model, small). */
export const FIXTURE = "src/scenario/fixtures/minimal.yaml";

/** `stampede sweep` over `points` whole-number points (retry counts 1..max(5, points)) of FIXTURE x `replications`, each job well under a second when warm. */
export function sweepArgs(points: number, replications: number, scale = "0.2", until = "30m"): string[] {
  return [
    "sweep",
    FIXTURE,
    "--param",
    `fleets.clients.retry.maxAttempts=1..${Math.max(5, points)}:${points}`,
    "--replications",
    String(replications),
    "--scale",
    scale,
    "--until",
    until,
    "--quiet",
  ];
}

/** `stampede worker` flags for tests: one thread, short locks (a SIGKILLed worker's job is back in about 3 s). */
export const WORKER_FLAGS = [
  "--workers",
  "1",
  "--lock-duration",
  "2s",
  "--stalled-interval",
  "1s",
  "--queue-timeout",
  "3s",
];

export function tmp(): string {
  return mkdtempSync(join(tmpdir(), "stampede-queue-"));
}

/** DIR/results.jsonl's lines, sorted. */
export function sortedResults(dir: string): string[] {
  return readFileSync(join(dir, "results.jsonl"), "utf8").split("\n").filter(Boolean).sort();
}

/** Processes and servers a test file started, to stop in afterAll. */
export class Cleanup {
  private readonly processes: CliProcess[] = [];
  private readonly servers: RedisServer[] = [];
  process(p: CliProcess): CliProcess {
    this.processes.push(p);
    return p;
  }
  server(s: RedisServer): RedisServer {
    this.servers.push(s);
    return s;
  }
  async stop(): Promise<void> {
    for (const p of this.processes)
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
    await Promise.all(this.servers.map((s) => s.stop()));
  }
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
