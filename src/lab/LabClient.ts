import { connect, type Socket } from "node:net";
import {
  type Backoff,
  makeBackoff,
  makeRetryPolicy,
  Outcome,
  type RetryPolicy,
  realClock,
  STOP,
} from "@stampede-sim/policies";
import type { Rng } from "../core/Rng.js";
import type { Distribution } from "../engine/distributions/Distribution.js";
import type { ClientCounts, ClientsJob } from "./labProtocol.js";

const SETUP = "GET /setup HTTP/1.1\r\nHost: lab\r\n\r\n";
const WORK = "GET /work HTTP/1.1\r\nHost: lab\r\n\r\n";

/** Errors that mean the machine ran out of a resource: the run is a lab failure, never data. */
export const RESOURCE_ERRORS: ReadonlySet<string> = new Set(["EMFILE", "ENFILE", "EADDRNOTAVAIL"]);

/**
 * One real client of a fleet, on the real clock: one persistent keep-alive TCP connection through its proxy frontend,
 * set up with a `GET /setup` hello (the set-up succeeds when the hello's answer arrives within the setup timeout; the
 * TCP connect timeout is the same), torn down on a timeout and on `change-endpoints`, and set up again under the
 * fleet's reconnect backoff as in the simulator (FleetRuntime): after a teardown the backoff's first delay, then after
 * the n-th failed set-up in a row its delay n - 1 (the first failure waits the first delay again). A request issued
 * while the connection is down waits for it, its timeout starting when it is sent (`whileDisconnected: wait`). Closed
 * loop: think, send one request, wait for its answer or timeout; retries through the policies' RetryPolicy. All
 * durations are divided by the speed. Counts go into the process's shared `counts`.
 */
export class LabClient {
  private socket: Socket | null = null;
  private up = false;
  private setupFailures = 0;
  /** The pending reconnect (a backoff delay before the next set-up), if any. */
  private reconnectTimer: NodeJS.Timeout | null = null;
  private buffer = "";
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private sentAt = 0;
  private waitingToSend = false;
  private inFlight = false;
  private stopped = false;
  private onFirstUp: (() => void) | null = null;
  private readonly retry: RetryPolicy;
  private readonly reconnect: Backoff;

  constructor(
    private readonly job: ClientsJob,
    private readonly port: number,
    private readonly think: Distribution,
    private readonly rngs: { think: Rng; retry: Rng; reconnect: Rng },
    private readonly counts: () => ClientCounts,
    private readonly onResourceError: (code: string, message: string) => void,
  ) {
    this.retry = makeRetryPolicy(job.retry, realClock, rngs.retry);
    this.reconnect = makeBackoff(job.reconnect);
  }

  /** Sets the connection up (the warm-up before the measured run); `onUp` is called once, when it first is. */
  connectFirst(onUp: () => void): void {
    this.onFirstUp = onUp;
    this.setUp();
  }

  /** Starts the closed loop (the measured run). */
  begin(): void {
    this.scheduleThink();
  }

  stop(): void {
    this.stopped = true;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.socket?.destroy();
  }

  /** `change-endpoints`: the connection is closed at once; an attempt in flight fails (an error). */
  changeEndpoints(): void {
    if (this.stopped) return;
    this.tearDown();
    if (this.inFlight) this.attemptEnded(Outcome.FAILURE);
    this.reconnectAfterTeardown();
  }

  /** After a teardown: the failure count starts again and the next set-up waits the backoff's first delay. */
  private reconnectAfterTeardown(): void {
    this.setupFailures = 0;
    this.setUpAfter(this.reconnect.delay(0, -1, this.rngs.reconnect));
  }

  /** Sets the connection up after `delay` scenario seconds (at once for 0), replacing any pending reconnect. */
  private setUpAfter(delay: number): void {
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    if (delay <= 0) {
      this.setUp();
      return;
    }
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.setUp();
    }, this.wall(delay));
  }

  private wall(scenarioSeconds: number): number {
    return (scenarioSeconds / this.job.speed) * 1000;
  }

  private scheduleThink(): void {
    if (this.stopped) return;
    setTimeout(
      () => {
        if (this.stopped) return;
        this.counts().firstAttempts++;
        this.attempt = 1;
        this.send();
      },
      this.wall(this.think.sample(this.rngs.think)),
    );
  }

  private send(): void {
    if (!this.up || this.socket === null) {
      this.waitingToSend = true;
      return;
    }
    this.waitingToSend = false;
    this.inFlight = true;
    this.counts().attempts++;
    this.sentAt = performance.now();
    this.socket.write(WORK);
    this.timer = setTimeout(() => {
      this.counts().timeouts++;
      this.tearDown();
      this.attemptEnded(Outcome.TIMEOUT);
      this.reconnectAfterTeardown();
    }, this.job.timeout * 1000);
  }

  private attemptEnded(outcome: number): void {
    this.inFlight = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (outcome === Outcome.SUCCESS) {
      this.scheduleThink();
      return;
    }
    const delay = this.retry.next(this.attempt, outcome);
    if (delay === STOP) {
      this.scheduleThink();
      return;
    }
    setTimeout(() => {
      if (this.stopped) return;
      this.attempt++;
      this.send();
    }, this.wall(delay));
  }

  private tearDown(): void {
    this.up = false;
    const s = this.socket;
    this.socket = null;
    s?.removeAllListeners();
    s?.on("error", () => {});
    s?.destroy();
  }

  private setUp(): void {
    if (this.stopped) return;
    const c = this.counts();
    c.attempts++;
    c.setupAttempts++;
    this.buffer = "";
    const socket = connect({ host: "127.0.0.1", port: this.port, noDelay: true });
    this.socket = socket;
    let done = false;
    const fail = () => {
      if (done || this.socket !== socket) return;
      done = true;
      clearTimeout(setupTimer);
      this.tearDown();
      const delay = this.reconnect.delay(this.setupFailures++, -1, this.rngs.reconnect);
      this.setUpAfter(delay);
    };
    const setupTimer = setTimeout(fail, this.job.setupTimeout * 1000);
    socket.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== undefined && RESOURCE_ERRORS.has(e.code)) this.onResourceError(e.code, e.message);
      if (!done) fail();
      else if (this.socket === socket) this.connectionLost();
    });
    socket.on("close", () => {
      if (!done) fail();
      else if (this.socket === socket) this.connectionLost();
    });
    socket.on("connect", () => socket.write(SETUP));
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      this.buffer += chunk;
      for (;;) {
        const status = this.takeResponse();
        if (status === null) return;
        if (!done) {
          done = true;
          clearTimeout(setupTimer);
          this.up = true;
          this.setupFailures = 0;
          this.counts().setupOk++;
          const first = this.onFirstUp;
          this.onFirstUp = null;
          first?.();
          if (this.waitingToSend) this.send();
          continue;
        }
        if (!this.inFlight) continue;
        if (status === 200) {
          const c2 = this.counts();
          c2.successes++;
          c2.latencies.push((performance.now() - this.sentAt) / 1000);
          this.attemptEnded(Outcome.SUCCESS);
        } else {
          this.counts().errors++;
          this.attemptEnded(Outcome.FAILURE);
        }
      }
    });
  }

  /** The proxy or the service closed an established connection: set it up again; an attempt in flight fails. */
  private connectionLost(): void {
    this.tearDown();
    if (this.inFlight) {
      this.counts().errors++;
      this.attemptEnded(Outcome.FAILURE);
    }
    this.reconnectAfterTeardown();
  }

  /** Takes one whole HTTP response off the buffer and returns its status, or null when none is complete. */
  private takeResponse(): number | null {
    const end = this.buffer.indexOf("\r\n\r\n");
    if (end < 0) return null;
    const head = this.buffer.slice(0, end);
    const m = /content-length:\s*(\d+)/i.exec(head);
    const length = m === null ? 0 : Number(m[1]);
    if (this.buffer.length < end + 4 + length) return null;
    this.buffer = this.buffer.slice(end + 4 + length);
    return Number(head.slice(9, 12));
  }
}
