/**
 * The lab's service process: a real node:http server on 127.0.0.1 (random free port) with `servers` concurrent slots,
 * a FIFO queue of at most `queueLimit` waiting requests (503 when full), service time drawn from the scenario's
 * distribution on the stream `service/<name>/serviceTime` and divided by the speed. `GET /setup` is the connection
 * set-up's hello: answered at once, without a slot. Work whose caller left is still served (the default
 * `cancelAbandoned: false`). Started by runLab with a ServiceJob as its one argument (JSON); prints nothing, sends
 * `ready` with its port over IPC.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Xoshiro128 } from "../engine/Xoshiro128.js";
import { makeDistribution } from "../model/makeDistribution.js";
import { childLoop } from "./childLoop.js";
import type { ServiceJob } from "./labProtocol.js";

const job = JSON.parse(process.argv[2] ?? "{}") as ServiceJob & { name: string };
const rng = new Xoshiro128(job.seed).fork(`service/${job.name}/serviceTime`);
const serviceTime = makeDistribution(job.serviceTime);
let busy = 0;
const waiting: ServerResponse[] = [];

function start(res: ServerResponse): void {
  busy++;
  const ms = (serviceTime.sample(rng) / job.speed) * 1000;
  setTimeout(() => {
    busy--;
    if (!res.destroyed) res.end("ok");
    const next = waiting.shift();
    if (next !== undefined) start(next);
  }, ms);
}

const server = createServer({ keepAliveTimeout: 0 }, (req: IncomingMessage, res: ServerResponse) => {
  req.resume();
  res.setHeader("content-length", req.url === "/setup" ? 5 : 2);
  if (req.url === "/setup") {
    res.end("hello");
    return;
  }
  if (busy < job.servers) start(res);
  else if (waiting.length < job.queueLimit) waiting.push(res);
  else {
    res.statusCode = 503;
    res.end("no");
  }
});
server.keepAliveTimeout = 0;
server.headersTimeout = 0;
server.requestTimeout = 0;
const loop = childLoop((m) => {
  if (m.type === "stop") process.exit(0);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  process.send?.({ type: "ready", port });
  void loop;
});
