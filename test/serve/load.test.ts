/**
 * `stampede serve` under load: 50 concurrent API clients start and cancel runs while others read; every request is
 * answered (no 5xx, no dropped connection), and once the dust settles no job runs and no worker is busy. A cancel
 * reaches the worker's run and ends it within 1 s. A run streams its downsampled headline series (`series` events)
 * while it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, testServer } from "./serveServer.js";

/** Reads a job's server-sent events until `stop` says so; returns the events with their arrival times (ms). */
async function readEvents(
  s: TestServer,
  id: string,
  stop: (e: { type: string; fraction?: number; state?: string }) => boolean,
  onEvent?: (e: { type: string; fraction?: number }) => void,
): Promise<{ at: number; e: { type: string; state?: string } }[]> {
  const res = await s.call(`/api/jobs/${id}/events`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const out: { at: number; e: { type: string; state?: string } }[] = [];
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return out;
    buffer += decoder.decode(value, { stream: true });
    for (let i = buffer.indexOf("\n\n"); i >= 0; i = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      const data = block.split("\n").find((l) => l.startsWith("data: "));
      if (!data) continue;
      const e = JSON.parse(data.slice(6)) as { type: string; fraction?: number; state?: string };
      out.push({ at: performance.now(), e });
      onEvent?.(e);
      if (stop(e)) {
        await reader.cancel();
        return out;
      }
    }
  }
}

async function settled(s: TestServer): Promise<{ running: number; busy: number }> {
  let status = { running: -1, busy: -1 };
  for (let i = 0; i < 200; i++) {
    status = (await (await s.call("/api/status")).json()) as typeof status;
    if (status.running === 0 && status.busy === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return status;
}

describe("stampede serve under load", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ maxRuns: 2 });
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("a cancel ends the worker's run within 1 s", async () => {
    const r = await s.call("/api/run", { json: { scenario: "aws-us-east-1-2021-12-07", scale: 0.3 } });
    expect(r.status).toBe(202);
    const { id } = (await r.json()) as { id: string };
    let cancelledAt = 0;
    const events = await readEvents(
      s,
      id,
      (e) => e.type === "end",
      (e) => {
        if (cancelledAt === 0 && e.type === "progress" && (e.fraction ?? 0) > 0) {
          cancelledAt = performance.now();
          void s.call(`/api/jobs/${id}/cancel`, { method: "POST" });
        }
      },
    );
    const end = events.at(-1)!;
    expect(end.e).toMatchObject({ type: "end", state: "cancelled" });
    expect(end.at - cancelledAt).toBeLessThan(1000);
    expect(await settled(s)).toMatchObject({ running: 0, busy: 0 });
  });

  it("a run streams its downsampled headline series while it runs", async () => {
    const r = await s.call("/api/run", { json: { scenario: "aws-us-east-1-2021-12-07", scale: 0.3 } });
    expect(r.status).toBe(202);
    const { id } = (await r.json()) as { id: string };
    let fraction = 0;
    const events = await readEvents(
      s,
      id,
      (e) => e.type === "end" || (e.type === "series" && fraction < 1),
      (e) => {
        if (e.type === "progress") fraction = e.fraction ?? 0;
      },
    );
    await (await s.call(`/api/jobs/${id}/cancel`, { method: "POST" })).arrayBuffer();
    const last = events.at(-1)!.e as unknown as {
      type: string;
      from: number;
      step: number;
      span: number;
      time: number[];
      columns: Record<string, unknown[]>;
    };
    // A series event came before the run's end, with the two headline columns, downsampled to <= 600 points.
    expect(last.type).toBe("series");
    expect(fraction).toBeLessThan(1);
    expect(last.time.length).toBeGreaterThan(0);
    expect(Object.keys(last.columns).sort()).toEqual(["amplification", "goodput"]);
    expect(last.span / last.step).toBeLessThanOrEqual(600);
    expect(await settled(s)).toMatchObject({ running: 0, busy: 0 });
  });

  it("50 concurrent clients starting, cancelling and reading: all answered, then no worker busy", async () => {
    const statuses: number[] = [];
    const client = async (k: number): Promise<void> => {
      for (let round = 0; round < 2; round++) {
        const info = await s.call(k % 2 === 0 ? "/api/info" : "/api/status");
        statuses.push(info.status);
        await info.arrayBuffer();
        const started = await s.call("/api/run", {
          json: { scenario: "retry-storm", scale: 0.02, seed: k + 1 },
        });
        statuses.push(started.status);
        const body = (await started.json()) as { id?: string };
        if (started.status === 202 && body.id) {
          // Cancel most runs mid-way; let some finish.
          if ((k + round) % 4 !== 0) {
            await new Promise((r) => setTimeout(r, 20 * (k % 7)));
            const c = await s.call(`/api/jobs/${body.id}/cancel`, { method: "POST" });
            statuses.push(c.status);
            await c.arrayBuffer();
          }
          const j = await s.call(`/api/jobs/${body.id}`);
          statuses.push(j.status);
          await j.arrayBuffer();
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, k) => client(k)));
    expect(statuses.length).toBeGreaterThanOrEqual(50 * 2 * 2);
    expect(statuses.filter((x) => x !== 200 && x !== 202 && x !== 429)).toEqual([]);
    expect(statuses).toContain(202);
    expect(await settled(s)).toMatchObject({ running: 0, busy: 0 });
    // Still answering, and a new run goes through to the end.
    const r = await s.call("/api/run", { json: { scenario: "retry-storm", scale: 0.02 } });
    expect(r.status).toBe(202);
    const { id } = (await r.json()) as { id: string };
    const events = await readEvents(s, id, (e) => e.type === "end");
    expect(events.at(-1)!.e).toMatchObject({ type: "end", state: "done" });
  });
});
