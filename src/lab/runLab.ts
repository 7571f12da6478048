import type { ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { StampedeError } from "../core/StampedeError.js";
import { locator } from "../experiments/runFluid.js";
import type { RunResult } from "../metrics/RunResult.js";
import type { Scenario } from "../spec/Scenario.js";
import { acceptQueues } from "./acceptQueues.js";
import { checkLab } from "./checkLab.js";
import { haproxyConfig } from "./haproxyConfig.js";
import { LabProcesses } from "./LabProcesses.js";
import type { ChildToParent, ClientsJob, ServiceJob } from "./labProtocol.js";
import { type LabInterval, labResult } from "./labResult.js";

/** Bad input for the lab (an unsupported field): exit 2. */
export const E_LAB_UNSUPPORTED = "E_LAB_UNSUPPORTED";
/** A required program or resource is missing or unusable (haproxy, file descriptors, ports): exit 4. */
export const E_LAB_RESOURCE = "E_LAB_RESOURCE";
/** The lab was interrupted (SIGINT/SIGTERM): exit 3, nothing written. */
export const E_LAB_INTERRUPTED = "E_LAB_INTERRUPTED";

export interface LabOptions {
  seed: number;
  /** Time compression: durations divided by it, rates multiplied. Default 1. */
  speed?: number;
  /** Client processes (at least 2). Default 2. */
  clientProcesses?: number;
  /** Called with the pids of every process started, once they all run (tests). */
  onStarted?: (pids: number[]) => void;
  /** Aborts the run like SIGINT does. */
  signal?: AbortSignal;
}

const here = fileURLToPath(new URL(".", import.meta.url));
const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

/** The haproxy program on PATH, or an E_LAB_RESOURCE error with the install hint. */
export function findHaproxy(path = process.env["PATH"] ?? ""): string {
  for (const dir of path.split(delimiter)) {
    const p = join(dir, "haproxy");
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {}
  }
  throw new StampedeError(
    E_LAB_RESOURCE,
    "haproxy not found on PATH: the lab runs device groups as HAProxy (install it: apt-get install -y haproxy)",
  );
}

function somaxconn(): number {
  try {
    return Number(readFileSync("/proc/sys/net/core/somaxconn", "utf8").trim());
  } catch {
    return 4096;
  }
}

function hardFdLimit(): number {
  const text = execFileSync("/bin/sh", ["-c", "ulimit -Hn"], { encoding: "utf8" }).trim();
  return text === "unlimited" ? Number.POSITIVE_INFINITY : Number(text);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Runs a scenario's topology as real processes on 127.0.0.1 (docs/lab.md): the device group as HAProxy, the service
 * as a node:http process, the fleet as clients in `clientProcesses` processes, on the real clock compressed by
 * `speed`. Returns the same RunResult as `stampede run` (engine "lab", events null, a `lab` block), built from the
 * measured counts. Every process is killed at the end, on abort (SIGINT/SIGTERM) and when one crashes.
 */
export async function runLab(scenario: Scenario, options: LabOptions): Promise<RunResult> {
  const speed = options.speed ?? 1;
  const refusals = checkLab(scenario, somaxconn());
  if (refusals.length > 0) {
    const where = locator(scenario);
    const errors = refusals.map((r) => {
      const location = where(r.path);
      return new StampedeError(E_LAB_UNSUPPORTED, r.message, {
        path: r.path,
        ...(location ? { location } : {}),
      });
    });
    (errors[0] as StampedeError & { errors?: StampedeError[] }).errors = errors;
    throw errors[0]!;
  }
  const haproxy = findHaproxy();
  const [fleetName, fleet] = Object.entries(scenario.fleets)[0]!;
  const [linkName, link] = Object.entries(scenario.links)[0]!;
  const [serviceName, service] = Object.entries(scenario.services)[0]!;
  const nProc = Math.max(2, options.clientProcesses ?? 2);
  const perProcess = Math.ceil(fleet.clients / nProc);
  const hard = hardFdLimit();
  if (hard < perProcess * 2 + 256)
    throw new StampedeError(
      E_LAB_RESOURCE,
      `the hard limit of open files (ulimit -Hn ${hard}) is below the ${perProcess * 2 + 256} a client process needs`,
    );
  const procs = new LabProcesses();
  const dir = mkdtempSync(join(tmpdir(), "stampede-lab-"));
  const failures: string[] = [];
  let interrupted = false;
  let wake: () => void = () => {};
  const fail = (why: string) => {
    failures.push(why);
    wake();
  };
  const onSignal = () => {
    interrupted = true;
    wake();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  options.signal?.addEventListener("abort", onSignal);
  const watch = (c: ChildProcess, what: string) =>
    c.once("exit", (code, sig) => {
      if (!procs.isStopping) fail(`${what} exited (${sig ?? `code ${code}`})`);
    });
  try {
    const svc = procs.node(
      join(here, `serviceMain${ext}`),
      JSON.stringify({
        name: serviceName,
        servers: service.servers,
        queueLimit: service.queueLimit,
        serviceTime: service.serviceTime,
        seed: options.seed,
        speed,
      } satisfies ServiceJob & { name: string }),
    );
    watch(svc, "the service process");
    const servicePort = await new Promise<number>((resolve, reject) => {
      svc.once("message", (m) => resolve((m as { port: number }).port));
      svc.once("exit", () => reject(new StampedeError(E_LAB_RESOURCE, "the service process did not start")));
    });
    const ports: number[] = [];
    for (let d = 0; d < link.devices; d++) ports.push(await freePort());
    const devices = ports.map((port, d) => ({
      name: `${linkName}-${d}`,
      port,
      sessionsPerSecond: Math.ceil(link.setupRate * speed),
      backlog: link.buffer,
      maxconn: Math.ceil(fleet.clients / link.devices) + 10,
    }));
    const cfg = join(dir, "haproxy.cfg");
    writeFileSync(cfg, haproxyConfig(devices, servicePort));
    const hp = procs.program(haproxy, ["-db", "-f", cfg]);
    let hpErr = "";
    hp.stderr?.on("data", (b: Buffer) => {
      hpErr += b.toString();
    });
    watch(hp, "haproxy");
    for (let i = 0; acceptQueues(ports).length > 0; i++) {
      const text = readFileSync("/proc/net/tcp", "latin1");
      if (
        ports.every((p) =>
          text.includes(`:${p.toString(16).toUpperCase().padStart(4, "0")} 00000000:0000 0A`),
        )
      )
        break;
      if (failures.length > 0 || i > 100)
        throw new StampedeError(E_LAB_RESOURCE, `haproxy did not start: ${hpErr.trim()}`);
      await sleep(50);
    }
    const intervalMs = (scenario.interval / speed) * 1000;
    const n = Math.ceil(scenario.duration / scenario.interval);
    const intervals: LabInterval[] = Array.from({ length: n }, () => ({
      counts: [],
      queuePeak: 0,
      health: [],
    }));
    const clientProcs: ChildProcess[] = [];
    let t0 = 0;
    const indexNow = () => Math.floor((performance.now() - t0) / intervalMs);
    for (let p = 0; p < nProc; p++) {
      const first = p * perProcess;
      const count = Math.max(0, Math.min(perProcess, fleet.clients - first));
      const job: ClientsJob = {
        fleet: fleetName,
        first,
        count,
        seed: options.seed,
        ports,
        timeout: fleet.timeout / speed,
        setupTimeout: fleet.connection!.setupTimeout / speed,
        think: (fleet.load as { think: ClientsJob["think"] }).think,
        retry: fleet.retry,
        reconnect: fleet.connection!.reconnect,
        reportMs: intervalMs,
        warmupRate: (0.9 * link.setupRate * link.devices * speed) / nProc,
        speed,
      };
      const c = procs.node(join(here, `clientsMain${ext}`), JSON.stringify(job));
      watch(c, `client process ${p}`);
      c.on("message", (raw) => {
        const m = raw as ChildToParent;
        if (m.type === "failure") fail(m.message);
        else if (m.type === "counts" && t0 > 0) {
          const i = Math.min(n - 1, Math.max(0, indexNow() - 1));
          intervals[i]!.counts.push(m.counts);
          intervals[i]!.health.push({
            process: p,
            lagP99Ms: m.lagP99Ms,
            driftMs: m.driftMs,
            cpuSeconds: m.cpuSeconds,
          });
        }
      });
      clientProcs.push(c);
    }
    const warmupMs = (fleet.clients / (0.9 * link.setupRate * link.devices * speed)) * 1000 * 2 + 5000;
    const ready = await Promise.race([
      Promise.all(clientProcs.map((c) => new Promise((r) => c.once("message", r)))).then(() => true),
      sleep(warmupMs).then(() => false),
      new Promise<boolean>((r) => {
        wake = () => r(false);
      }),
    ]);
    if (interrupted)
      throw new StampedeError(
        E_LAB_INTERRUPTED,
        "the lab was interrupted; every process it started was stopped, nothing written",
      );
    if (!ready || failures.length > 0)
      throw new StampedeError(
        E_LAB_RESOURCE,
        `lab failure: the clients did not all connect during the warm-up ${failures.join("; ")}`,
      );
    options.onStarted?.(procs.pids);
    t0 = performance.now();
    for (const c of clientProcs) c.send({ type: "go" });
    const timers: NodeJS.Timeout[] = [];
    for (const a of Object.values(scenario.automation))
      timers.push(
        setTimeout(
          () => {
            for (const c of clientProcs) c.send({ type: "change-endpoints" });
          },
          (a.at / speed) * 1000,
        ),
      );
    const sampler = setInterval(() => {
      const i = indexNow();
      if (i >= n) return;
      const q = acceptQueues(ports).reduce((s, v) => Math.max(s, v), 0);
      intervals[i]!.queuePeak = Math.max(intervals[i]!.queuePeak, q);
    }, 20);
    await new Promise<void>((resolve) => {
      wake = resolve;
      timers.push(setTimeout(resolve, (scenario.duration / speed) * 1000 + intervalMs / 2));
    });
    for (const t of timers) clearTimeout(t);
    clearInterval(sampler);
    if (interrupted)
      throw new StampedeError(
        E_LAB_INTERRUPTED,
        "the lab was interrupted; every process it started was stopped, nothing written",
      );
    if (failures.length > 0) throw new StampedeError(E_LAB_RESOURCE, `lab failure: ${failures.join("; ")}`);
    const wallSeconds = (performance.now() - t0) / 1000;
    return labResult(scenario, options.seed, speed, intervals, {
      fleetName,
      linkName,
      devices: link.devices,
      wallSeconds,
      processes: nProc,
    });
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    options.signal?.removeEventListener("abort", onSignal);
    await procs.killAll();
    rmSync(dir, { recursive: true, force: true });
  }
}
