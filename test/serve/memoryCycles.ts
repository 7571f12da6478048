/**
 * Run by memory.test.ts in a child process (`node --expose-gc --import tsx`): 200 start/cancel cycles against an
 * in-process server, heapUsed (after full GCs) measured after the first 20 and after all 200; prints one JSON line.
 */
import { testServer } from "./serveServer.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const s = await testServer({ maxRuns: 1 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function cycle(i: number): Promise<void> {
  const r = await s.call("/api/run", { json: { scenario: "retry-storm", scale: 0.02, seed: i + 1 } });
  const body = (await r.json()) as { id?: string };
  if (r.status !== 202 || !body.id) throw new Error(`start refused: ${r.status} ${JSON.stringify(body)}`);
  await (await s.call(`/api/jobs/${body.id}/cancel`, { method: "POST" })).arrayBuffer();
  for (;;) {
    const j = (await (await s.call(`/api/jobs/${body.id}`)).json()) as { state: string };
    if (j.state !== "running") return;
    await sleep(5);
  }
}

function heap(): number {
  for (let i = 0; i < 4; i++) gc!();
  return process.memoryUsage().heapUsed;
}

for (let i = 0; i < 20; i++) await cycle(i);
await sleep(100);
const after20 = heap();
for (let i = 20; i < 200; i++) await cycle(i);
await sleep(100);
const after200 = heap();
const status = (await (await s.call("/api/status")).json()) as { running: number; busy: number };
await s.stop();
process.stdout.write(`${JSON.stringify({ after20, after200, status })}\n`);
