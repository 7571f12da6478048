/**
 * The Redis job queue with real processes: a redis-server of the test's own, `stampede worker` processes and
 * `stampede sweep --queue` submitters, run from the sources. Needs Debian's redis-server (`.ci/run` installs it):
 * under CI the tests fail without it; locally they skip with a message.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { register as registerMerge } from "../../src/cli/commands/merge.js";
import { register as registerSweep } from "../../src/cli/commands/sweep.js";
import { runCli } from "../../src/cli/testing/cliHarness.js";
import { QUEUE_NAME } from "../../src/experiments/queue/QueuedJob.js";
import { readResults } from "../../src/experiments/sweep/resultsFile.js";
import { type CliProcess, stampede } from "./cliProcess.js";
import { Cleanup, FIXTURE, sortedResults, sweepArgs, tmp, WORKER_FLAGS } from "./queueFixtures.js";
import { haveRedis, startRedis } from "./redisServer.js";

const present = haveRedis();
const ci = process.env["CI"] === "true";
if (!present && !ci)
  console.warn("test/queue: redis-server not found, queue tests skipped (apt-get install -y redis-server)");

/** 3 points x 2 replications of the real model, about a second each (long enough to SIGKILL a worker mid-job). */
const SWEEP = sweepArgs(3, 2, "0.5", "1h");
const WORKER = WORKER_FLAGS;
/** 3 points x 2 replications of short jobs. */
const SMALL = sweepArgs(3, 2);

const cleanup = new Cleanup();
const track = (p: CliProcess) => cleanup.process(p);
afterAll(() => cleanup.stop());

it.runIf(ci && !present)("redis-server is installed (CI needs it for the queue tests)", () => {
  expect(present).toBe(true);
});

describe.runIf(present)("queued sweeps on a real Redis", () => {
  it("equal a local --workers 1 sweep and the merged shards, with the worker holding a job SIGKILLed twice", async () => {
    const redis = cleanup.server(await startRedis());
    const workers = [1, 2].map(() => track(stampede(["worker", "--queue", redis.url, ...WORKER])));
    const queued = tmp();
    const submitter = track(stampede([...SWEEP, "--queue", redis.url, "--out", queued]));
    // The first job to start: kill its worker (SIGKILL: no cleanup), start another; then kill the next one to hold it.
    const started = (ws: CliProcess[], re: RegExp) =>
      Promise.race(ws.map((w) => w.waitFor(re).then((m) => ({ w, id: m[1]! }))));
    const first = await started(workers, /started (\S+)/);
    const killed = new Set<CliProcess>([first.w]);
    first.w.child.kill("SIGKILL");
    workers.push(track(stampede(["worker", "--queue", redis.url, ...WORKER])));
    const live = () => workers.filter((w) => !killed.has(w));
    const again = await started(live(), new RegExp(`started ${first.id}\\b`));
    killed.add(again.w);
    again.w.child.kill("SIGKILL");
    workers.push(track(stampede(["worker", "--queue", redis.url, ...WORKER])));
    expect(await submitter.exited, submitter.stderr()).toBe(0);
    // SIGTERM: each worker finishes what it holds and exits 0.
    const rest = live();
    for (const w of rest) w.child.kill("SIGTERM");
    expect(await Promise.all(rest.map((w) => w.exited))).toEqual(rest.map(() => 0));
    const runs = workers
      .map((w) => w.stderr().split(`started ${first.id}\n`).length - 1)
      .reduce((a, b) => a + b);
    expect(runs, workers.map((w) => w.stderr()).join("\n")).toBe(3);

    // The local sweep and the shards in this process (the model runs on its main thread: after the kills above).
    const local = tmp();
    const shards = [tmp(), tmp(), tmp()];
    const merged = tmp();
    const sweep = (args: string[]) => runCli((p) => registerSweep(p), [...SWEEP, "--workers", "1", ...args]);
    expect((await sweep(["--out", local])).code).toBe(0);
    for (const [k, d] of shards.entries())
      expect((await sweep(["--shard", `${k + 1}/3`, "--out", d])).code).toBe(0);
    expect((await runCli(registerMerge, ["merge", ...shards, "--out", merged, "--quiet"])).code).toBe(0);

    expect(sortedResults(local)).toHaveLength(6);
    expect(sortedResults(queued)).toEqual(sortedResults(local));
    expect(sortedResults(merged)).toEqual(sortedResults(local));
    for (const f of ["sweep.json", "phase.json", "failures.json", "report.html"]) {
      const want = readFileSync(join(local, f), "utf8");
      expect(readFileSync(join(queued, f), "utf8"), `queued ${f}`).toBe(want);
      expect(readFileSync(join(merged, f), "utf8"), `merged ${f}`).toBe(want);
    }
  });

  it("stops with one line and exit 3 when Redis goes away mid-sweep, and the partial results stay readable", async () => {
    const redis = cleanup.server(await startRedis(["--maxmemory-policy", "allkeys-lru"]));
    const worker = track(stampede(["worker", "--queue", redis.url, ...WORKER]));
    const dir = tmp();
    const submitter = track(
      stampede([...SMALL, "--queue", redis.url, "--queue-timeout", "2s", "--out", dir]),
    );
    const file = join(dir, "results.jsonl");
    while (!(existsSync(file) && readFileSync(file, "utf8").includes("\n"))) {
      if (submitter.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await redis.stop();
    expect(await submitter.exited).toBe(3);
    const lines = submitter.stderr().trim().split("\n");
    expect(lines[0]).toMatch(/^warning: .*maxmemory-policy allkeys-lru/);
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(
      /^error: lost the Redis queue at redis:\/\/127\.0\.0\.1:\d+\/0: unreachable for 2 s; \d of 6 jobs in/,
    );
    const kept = readResults(file).records;
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.length).toBeLessThan(6);
    const phase = JSON.parse(readFileSync(join(dir, "phase.json"), "utf8"));
    expect(phase.totals.runs).toBe(kept.length);
    expect(phase).toMatchObject({
      partial: true,
      stopReason: expect.stringMatching(/^lost the Redis queue/),
    });
    expect(await worker.exited).toBe(3);
    expect(worker.stderr()).toMatch(/error: lost the Redis queue/);

    // --resume on another Redis: only the missing jobs run, and the whole equals the local sweep.
    const again = cleanup.server(await startRedis());
    const w2 = track(stampede(["worker", "--queue", again.url, ...WORKER]));
    const resumed = track(stampede([...SMALL, "--queue", again.url, "--resume", "--out", dir]));
    expect(await resumed.exited, resumed.stderr()).toBe(0);
    expect(resumed.stdout()).toContain(`${6 - kept.length} jobs run, ${kept.length} resumed, 0 failed`);
    w2.child.kill("SIGTERM");
    expect(await w2.exited).toBe(0);
    const local = tmp();
    expect((await runCli((p) => registerSweep(p), [...SMALL, "--workers", "1", "--out", local])).code).toBe(
      0,
    );
    expect(sortedResults(dir)).toEqual(sortedResults(local));
  });

  it("fails fast on an unreachable Redis (exit 3) and a worker refuses a job of another build (exit 2), leaving it queued", async () => {
    const redis = cleanup.server(await startRedis());
    const dead = track(
      stampede([...SWEEP, "--queue", "redis://127.0.0.1:1", "--queue-timeout", "1s", "--out", tmp()]),
    );
    expect(await dead.exited).toBe(3);
    expect(dead.stderr()).toBe("error: cannot reach Redis at redis://127.0.0.1:1/0: no answer for 1 s\n");

    const queue = new Queue(QUEUE_NAME, { connection: { host: "127.0.0.1", port: redis.port } });
    try {
      await queue.add(
        "run",
        {
          sweepId: "other",
          key: "0/0",
          job: { scenario: FIXTURE, set: {}, seed: 1, series: false },
          scenarioHash: "nope",
          build: { version: "0.0.0-other", buildId: "0000000000000000", schemaVersion: 1 },
        },
        { jobId: "other-0-0" },
      );
      const worker = track(stampede(["worker", "--queue", redis.url, ...WORKER]));
      expect(await worker.exited).toBe(2);
      expect(worker.stderr()).toMatch(
        /refusing job other-0-0: the sweep was submitted by stampede 0\.0\.0-other \(build 0000000000000000, schema 1\), this worker is /,
      );
      expect(["delayed", "waiting"]).toContain(await queue.getJobState("other-0-0"));
    } finally {
      await queue.close();
    }
  });
});
