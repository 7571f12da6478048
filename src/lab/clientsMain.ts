/**
 * A lab client process: runs clients `[first, first + count)` of one fleet (a ClientsJob, JSON, as its one argument),
 * each a LabClient with its own streams `fleet/<name>/think/<i>`, `.../retry/<i>`, `.../reconnect/<i>`. Every
 * `reportMs` it sends the interval's counts with this process's event-loop lag, timer drift and CPU time. A resource
 * error (EMFILE, EADDRNOTAVAIL) is reported as a failure and ends the process with code 4.
 */
import { Xoshiro128 } from "../engine/Xoshiro128.js";
import { makeDistribution } from "../model/makeDistribution.js";
import { childLoop } from "./childLoop.js";
import { LabClient } from "./LabClient.js";
import { type ClientCounts, type ClientsJob, emptyCounts } from "./labProtocol.js";

const job = JSON.parse(process.argv[2] ?? "{}") as ClientsJob;
let counts: ClientCounts = emptyCounts();
const clients: LabClient[] = [];
const loop = childLoop((m) => {
  if (m.type === "go") {
    counts = emptyCounts();
    for (const c of clients) c.begin();
    setInterval(() => {
      const out = counts;
      counts = emptyCounts();
      loop.send({ type: "counts", counts: out, ...loop.health() });
    }, job.reportMs);
  } else if (m.type === "change-endpoints") for (const c of clients) c.changeEndpoints();
  else if (m.type === "stop") {
    for (const c of clients) c.stop();
    process.exit(0);
  }
});
const root = new Xoshiro128(job.seed);
const think = makeDistribution(job.think);
const resourceError = (code: string, message: string) => {
  loop.send({ type: "failure", code, message: `${code}: ${message}` });
  setTimeout(() => process.exit(4), 50);
};
for (let k = 0; k < job.count; k++) {
  const i = job.first + k;
  const stream = (m: string) => root.fork(`fleet/${job.fleet}/${m}/${i}`);
  clients.push(
    new LabClient(
      job,
      job.ports[i % job.ports.length]!,
      think,
      { think: stream("think"), retry: stream("retry"), reconnect: stream("reconnect") },
      () => counts,
      resourceError,
    ),
  );
}
// Warm-up (not measured): connections set up at `warmupRate` per wall second, below the devices' set-up rate, so the
// run starts from the steady state (every client connected), as the simulator does; then `ready`.
let up = 0;
clients.forEach((c, k) => {
  setTimeout(
    () =>
      c.connectFirst(() => {
        if (++up === clients.length) loop.send({ type: "ready" });
      }),
    (k / job.warmupRate) * 1000,
  );
});
if (clients.length === 0) loop.send({ type: "ready" });
