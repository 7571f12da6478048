/**
 * Controlling queued sweeps and workers with real processes on a redis-server of the test's own: SIGINT of the
 * submitter, `--exit-when-idle`, `--queue-name`, `--concurrency`, logins. See queue.test.ts for the requirements.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { QUEUE_NAME } from "../../src/experiments/queue/QueuedJob.js";
import { readResults } from "../../src/experiments/sweep/resultsFile.js";
import { type CliProcess, stampede } from "./cliProcess.js";
import { Cleanup, sleep, sortedResults, sweepArgs, tmp, WORKER_FLAGS } from "./queueFixtures.js";
import { haveRedis, startRedis } from "./redisServer.js";

const cleanup = new Cleanup();
const track = (p: CliProcess) => cleanup.process(p);
afterAll(() => cleanup.stop());

function haveOpenssl(): boolean {
  return spawnSync("openssl", ["version"], { stdio: "ignore" }).status === 0;
}

/** Resolves once `queue` holds `n` jobs waiting for a worker. */
async function waiting(queue: Queue, n: number): Promise<void> {
  while ((await queue.getWaitingCount()) < n) await sleep(100);
}

describe.runIf(haveRedis())("controlling queued sweeps and workers", () => {
  it("SIGINT stops a queued sweep: one line, exit 3, the results so far readable and marked partial, unstarted jobs taken back", async () => {
    const redis = cleanup.server(await startRedis());
    const worker = track(stampede(["worker", "--queue", redis.url, ...WORKER_FLAGS]));
    const dir = tmp();
    const submitter = track(stampede([...sweepArgs(6, 1), "--queue", redis.url, "--out", dir]));
    const file = join(dir, "results.jsonl");
    while (!(existsSync(file) && readFileSync(file, "utf8").includes("\n"))) {
      if (submitter.child.exitCode !== null) break;
      await sleep(50);
    }
    submitter.child.kill("SIGINT");
    expect(await submitter.exited).toBe(3);
    const lines = submitter.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: stopped by SIGINT; [1-5] of 6 jobs in .*results\.jsonl \(continue with --resume\)$/,
    );
    const kept = readResults(file).records;
    expect(kept.length).toBe(Number(/; (\d) of 6/.exec(lines[0]!)![1]));
    const phase = JSON.parse(readFileSync(join(dir, "phase.json"), "utf8"));
    expect(phase).toMatchObject({ partial: true, stopReason: "stopped by SIGINT" });
    expect(phase.totals.runs).toBe(kept.length);
    expect(readFileSync(join(dir, "report.html"), "utf8")).toContain("<html");
    // No job is left waiting for a worker: what no worker had started was taken back.
    const queue = new Queue(QUEUE_NAME, {
      connection: { host: "127.0.0.1", port: redis.port },
      skipVersionCheck: true,
    });
    try {
      expect(await queue.getWaitingCount()).toBe(0);
    } finally {
      await queue.close();
    }
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
  });

  it("two sweeps on two --queue-names in one Redis stay apart; workers exit 0 once idle for --exit-when-idle (--concurrency)", async () => {
    const redis = cleanup.server(await startRedis(["--maxmemory-policy", "allkeys-lru"]));
    const queues = ["team-a", "team-b"].map(
      (name) =>
        new Queue(name, { connection: { host: "127.0.0.1", port: redis.port }, skipVersionCheck: true }),
    );
    try {
      // The same sweep on both queues: each gives the whole result, and the two are equal.
      const dirs = [tmp(), tmp()];
      const sweeps = ["team-a", "team-b"].map((name, i) =>
        track(stampede([...sweepArgs(2, 1), "--queue", redis.url, "--queue-name", name, "--out", dirs[i]!])),
      );
      await Promise.all(queues.map((q) => waiting(q, 2)));
      const flags = ["--queue", redis.url, "--concurrency", "1", "--exit-when-idle", "2"];
      const workers = ["team-a", "team-b"].map((name) =>
        track(stampede(["worker", ...flags, "--queue-name", name])),
      );
      expect(await Promise.all(sweeps.map((p) => p.exited)), sweeps.map((p) => p.stderr()).join("")).toEqual([
        0, 0,
      ]);
      expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
      // The two sweeps have the same job ids: on one queue there would be 2 jobs in all, not 2 per worker.
      for (const w of workers)
        expect(w.stderr()).toMatch(/\nworker stopped \(no job for 2 s\) after 2 jobs\n$/);
      expect(sortedResults(dirs[1]!)).toEqual(sortedResults(dirs[0]!));
      expect(sortedResults(dirs[0]!)).toHaveLength(2);
    } finally {
      await Promise.all(queues.map((q) => q.close()));
    }
  });

  it("never prints the password; a refused login is one line and exit 2 at once; an idle worker says so", async () => {
    const secret = "s3cret-pw";
    const redis = cleanup.server(await startRedis(["--requirepass", secret]));
    const at = redis.url.replace("redis://", "");
    const wrong = track(stampede(["worker", "--queue", `redis://:wrong-pw@${at}`, "--queue-timeout", "30s"]));
    const sweep = track(
      stampede([
        ...sweepArgs(2, 1),
        "--queue",
        `redis://default:wrong-pw@${at}`,
        "--queue-timeout",
        "30s",
        "--out",
        tmp(),
      ]),
    );
    const good = track(
      stampede(["worker", "--queue", `redis://:${secret}@${at}`, "--exit-when-idle", "1", "--workers", "1"]),
    );
    expect(await Promise.all([wrong.exited, sweep.exited, good.exited])).toEqual([2, 2, 0]);
    for (const p of [wrong, sweep])
      expect(p.stderr()).toMatch(
        /^error: --queue {2}Redis at redis:\/\/(default)?:\*\*\*@127\.0\.0\.1:\d+\/0 refused the login: WRONGPASS [^\n]*\n$/,
      );
    expect(good.stderr()).toMatch(/threads on redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0\n/);
    expect(good.stderr()).toMatch(/worker stopped \(no job for 1 s\) after 0 jobs\n$/);
    for (const p of [wrong, sweep, good]) {
      expect(p.stderr() + p.stdout()).not.toContain(secret);
      expect(p.stderr() + p.stdout()).not.toContain("wrong-pw");
    }
  });

  it.runIf(haveOpenssl())(
    "connects over rediss:// (TLS) to a TLS-only Redis; --quiet still prints warnings",
    async () => {
      const dir = tmp();
      const cert = join(dir, "cert.pem");
      const key = join(dir, "key.pem");
      const made = spawnSync("openssl", [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost",
        "-keyout",
        key,
        "-out",
        cert,
      ]);
      expect(made.status, String(made.stderr)).toBe(0);
      const redis = cleanup.server(await startRedis(["--maxmemory-policy", "allkeys-lru"], { cert, key }));
      expect(redis.url).toMatch(/^rediss:\/\/localhost:\d+$/);
      // The self-signed certificate is trusted through Node's NODE_EXTRA_CA_CERTS, as a user would for a private CA.
      const w = track(
        stampede(["worker", "--queue", redis.url, "--workers", "1", "--exit-when-idle", "1", "--quiet"], {
          NODE_EXTRA_CA_CERTS: cert,
        }),
      );
      expect(await w.exited, w.stderr()).toBe(0);
      // Connected over TLS (the server has no plain port); --quiet keeps the warning, and only it.
      expect(w.stderr()).toMatch(
        /^warning: Redis at rediss:\/\/localhost:\d+\/0 has maxmemory-policy allkeys-lru: [^\n]*\n$/,
      );
    },
  );
});
