import { ColumnPool } from "../engine/ColumnPool.js";

/** A successful answer (`AttemptPool.failed`). */
export const ANSWER_OK = 0;
/** An error answer: the service is down, a fault's errorRate, a failed hard dependency. */
export const ANSWER_ERROR = 1;
/**
 * An error answer because the service is overloaded: its queue discipline shed the request (the queue was full at
 * `queueLimit`, or CoDel or `maxWait` dropped it). Callers see the outcome THROTTLED (retried like an error by
 * default; the signal that `aws-adaptive` budgets slow down on).
 */
export const ANSWER_THROTTLED = 2;

/**
 * Attempts on the wire and in services, as typed-array columns. An attempt outlives its caller when the caller times
 * out: it keeps its place in queues and burns capacity (unless the service cancels abandoned work). An id is freed
 * when both the caller is done with it (`callerDone`) and the network/service is (`netDone`).
 */
export class AttemptPool {
  /** The logical request this attempt belongs to. */
  request = new Int32Array(256);
  /** Target service. */
  service = new Int32Array(256);
  /** Caller's deadline, seconds. */
  deadline = new Float64Array(256);
  /** When the attempt was sent. */
  sent = new Float64Array(256);
  /** Latency of the way back to the caller, seconds. */
  back = new Float64Array(256);
  /** 1 once the caller stopped waiting (timeout, or it got its answer). */
  callerDone = new Int8Array(256);
  /** 1 once the network and the service are done with it. */
  netDone = new Int8Array(256);
  /** Service-side progress: index of the next dependency call to make. */
  dep = new Int32Array(256);
  /** Service-side: the dependency call (request id) in flight, or -1. */
  depCall = new Int32Array(256);
  /** Service-side: work started at (for wasted-work accounting). */
  workStart = new Float64Array(256);
  /** Link crossed on the way out (-1: none), the device it was buffered on, and that device's epoch then. */
  link = new Int32Array(256);
  device = new Int32Array(256);
  devEpoch = new Int32Array(256);
  /** The service's answer: ANSWER_OK, ANSWER_ERROR, or ANSWER_THROTTLED (an error because it was overloaded). */
  failed = new Int8Array(256);
  /** Free list, id allocation and growth of every column above. */
  private readonly ids: ColumnPool = new ColumnPool(256);

  constructor() {
    this.ids.adopt<AttemptPool>(this, [
      "request",
      "service",
      "deadline",
      "sent",
      "back",
      "callerDone",
      "netDone",
      "dep",
      "depCall",
      "workStart",
      "link",
      "device",
      "devEpoch",
      "failed",
    ]);
  }

  /** Ids in use. */
  get live(): number {
    return this.ids.live;
  }

  alloc(request: number, service: number, now: number, deadline: number): number {
    const id = this.ids.alloc();
    this.request[id] = request;
    this.service[id] = service;
    this.deadline[id] = deadline;
    this.sent[id] = now;
    this.back[id] = 0;
    this.callerDone[id] = 0;
    this.netDone[id] = 0;
    this.dep[id] = 0;
    this.depCall[id] = -1;
    this.workStart[id] = now;
    this.failed[id] = 0;
    this.link[id] = -1;
    return id;
  }

  /** Marks the caller done; frees the id when the network is done too. */
  callerRelease(id: number): void {
    this.callerDone[id] = 1;
    if (this.netDone[id] === 1) this.release(id);
  }

  /** Marks the network/service done; frees the id when the caller is done too. */
  netRelease(id: number): void {
    this.netDone[id] = 1;
    if (this.callerDone[id] === 1) this.release(id);
  }

  private release(id: number): void {
    this.ids.release(id);
  }
}
