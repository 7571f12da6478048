/**
 * The hand-written ceiling for the engine benchmarks: `stations` independent M/M/1 queues (arrival rate `rho`,
 * service rate 1, so time is in mean service times) on one binary min-heap over parallel typed arrays, with the queue
 * logic and a xoshiro128** generator inline. No engine code: this is how fast the same model runs without any
 * abstraction, and the engine is reported as a ratio to it.
 */
export class CeilingStations {
  private readonly queue: Int32Array;
  private time: Float64Array;
  private seq: Uint32Array;
  private kind: Int32Array;
  private target: Int32Array;
  private size = 0;
  private nextSeq = 0;
  private t = 0;
  private arrivals = 0;
  private readonly maxArrivals: number;
  private readonly rho: number;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * @param stations number of independent queues.
   * @param seed seed of the inline generator.
   * @param options rho: arrival rate per station (default 0.9); maxArrivals: stop generating arrivals after this
   *   many (default unlimited); stationary: start each queue in its stationary distribution instead of empty.
   */
  constructor(
    stations: number,
    seed: number,
    options: { rho?: number; maxArrivals?: number; stationary?: boolean } = {},
  ) {
    this.rho = options.rho ?? 0.9;
    this.maxArrivals = options.maxArrivals ?? Number.POSITIVE_INFINITY;
    const cap = Math.max(16, 4 * stations);
    this.queue = new Int32Array(stations);
    this.time = new Float64Array(cap);
    this.seq = new Uint32Array(cap);
    this.kind = new Int32Array(cap);
    this.target = new Int32Array(cap);
    // Seed expansion (splitmix32-like), written out here to keep engine code out of the ceiling.
    let z = seed | 0;
    const mix = (): number => {
      z = (z + 0x9e3779b9) | 0;
      let x = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
      return (x ^ (x >>> 16)) | 0;
    };
    this.s0 = mix();
    this.s1 = mix();
    this.s2 = mix();
    this.s3 = mix() | 1;
    for (let i = 0; i < stations; i++) {
      if (options.stationary) {
        const n = Math.floor(Math.log(this.uniform()) / Math.log(this.rho));
        this.queue[i] = n;
        if (n > 0) this.push(-Math.log(this.uniform()), 1, i);
      }
      this.arrivals++;
      this.push(-Math.log(this.uniform()) / this.rho, 0, i);
    }
  }

  /** Current virtual time. */
  now(): number {
    return this.t;
  }

  /** Runs events with time <= until (or until the heap is empty); returns how many ran. */
  run(until: number): number {
    let a = this.s0;
    let b = this.s1;
    let c = this.s2;
    let d = this.s3;
    const q = this.queue;
    const rho = this.rho;
    const maxArrivals = this.maxArrivals;
    let arrivals = this.arrivals;
    let events = 0;
    while (this.size > 0 && this.time[0]! <= until) {
      const ht = this.time;
      const hs = this.seq;
      const hk = this.kind;
      const hg = this.target;
      // pop the minimum
      const now = ht[0]!;
      const k = hk[0]!;
      const st = hg[0]!;
      const n = --this.size;
      if (n > 0) {
        const lt = ht[n]!;
        const ls = hs[n]!;
        const lk = hk[n]!;
        const lg = hg[n]!;
        let i = 0;
        for (;;) {
          let ch = 2 * i + 1;
          if (ch >= n) break;
          let ct = ht[ch]!;
          const r = ch + 1;
          if (r < n) {
            const rt = ht[r]!;
            if (rt < ct || (rt === ct && hs[r]! < hs[ch]!)) {
              ch = r;
              ct = rt;
            }
          }
          if (lt < ct || (lt === ct && ls < hs[ch]!)) break;
          ht[i] = ct;
          hs[i] = hs[ch]!;
          hk[i] = hk[ch]!;
          hg[i] = hg[ch]!;
          i = ch;
        }
        ht[i] = lt;
        hs[i] = ls;
        hk[i] = lk;
        hg[i] = lg;
      }
      this.t = now;
      events++;
      // draw one uniform (xoshiro128**)
      const u = (Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0) + 0.5;
      const sh = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= sh;
      d = rotl(d, 11);
      const x = -Math.log(u / 4294967296);
      if (k === 0) {
        // arrival
        if (++q[st]! === 1) {
          // server was idle: start service; the next arrival uses a fresh draw
          this.push(now + x, 1, st);
          if (arrivals < maxArrivals) {
            arrivals++;
            const u2 = (Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0) + 0.5;
            const sh2 = b << 9;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= sh2;
            d = rotl(d, 11);
            this.push(now - Math.log(u2 / 4294967296) / rho, 0, st);
          }
        } else if (arrivals < maxArrivals) {
          arrivals++;
          this.push(now + x / rho, 0, st);
        }
      } else if (--q[st]! > 0) {
        // departure with more customers waiting: next service
        this.push(now + x, 1, st);
      }
    }
    this.s0 = a;
    this.s1 = b;
    this.s2 = c;
    this.s3 = d;
    this.arrivals = arrivals;
    if (until !== Number.POSITIVE_INFINITY && until > this.t) this.t = until;
    return events;
  }

  private push(time: number, kind: number, target: number): void {
    if (this.size === this.time.length) this.grow();
    const ht = this.time;
    const hs = this.seq;
    const hk = this.kind;
    const hg = this.target;
    const seq = this.nextSeq++ >>> 0;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ht[p]!;
      if (pt < time || (pt === time && hs[p]! < seq)) break;
      ht[i] = pt;
      hs[i] = hs[p]!;
      hk[i] = hk[p]!;
      hg[i] = hg[p]!;
      i = p;
    }
    ht[i] = time;
    hs[i] = seq;
    hk[i] = kind;
    hg[i] = target;
  }

  private uniform(): number {
    const u = (Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0) + 0.5;
    const sh = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= sh;
    this.s3 = rotl(this.s3, 11);
    return u / 4294967296;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const t = new Float64Array(cap);
    t.set(this.time);
    const s = new Uint32Array(cap);
    s.set(this.seq);
    const k = new Int32Array(cap);
    k.set(this.kind);
    const g = new Int32Array(cap);
    g.set(this.target);
    this.time = t;
    this.seq = s;
    this.kind = k;
    this.target = g;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
