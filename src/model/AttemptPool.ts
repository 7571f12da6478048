import { grow } from "./grow.js";

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
  /** 1 when the service answered with an error. */
  failed = new Int8Array(256);
  private free = new Int32Array(256);
  private freeTop = 0;
  private used = 0;
  live = 0;

  alloc(request: number, service: number, now: number, deadline: number): number {
    let id: number;
    if (this.freeTop > 0) id = this.free[--this.freeTop]!;
    else {
      if (this.used === this.request.length) this.growAll();
      id = this.used++;
    }
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
    this.live++;
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
    this.free[this.freeTop++] = id;
    this.live--;
  }

  private growAll(): void {
    const n = this.request.length * 2;
    this.request = grow(this.request, n);
    this.service = grow(this.service, n);
    this.deadline = grow(this.deadline, n);
    this.sent = grow(this.sent, n);
    this.back = grow(this.back, n);
    this.callerDone = grow(this.callerDone, n);
    this.netDone = grow(this.netDone, n);
    this.dep = grow(this.dep, n);
    this.depCall = grow(this.depCall, n);
    this.workStart = grow(this.workStart, n);
    this.failed = grow(this.failed, n);
    this.link = grow(this.link, n);
    this.device = grow(this.device, n);
    this.devEpoch = grow(this.devEpoch, n);
    this.free = grow(this.free, n);
  }
}
