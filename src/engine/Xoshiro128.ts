import type { Rng } from "../core/Rng.js";

/** splitmix32: expands a 32-bit seed into well-mixed state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over a string's UTF-16 code units, then a final avalanche. */
function hashName(name: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

const TWO_POW_32 = 4294967296;

/** murmur3's 32-bit finaliser: a bijection with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * State word `i` of the stream (seed key, stream key): both keys go through one chain of multiplications, so the
 * state is a joint, non-separable function of seed and name (no word is f(seed) XOR g(name)).
 */
function jointWord(key: number, key2: number, i: number): number {
  let h = fmix32((key ^ Math.imul(i + 1, 0x9e3779b9)) >>> 0);
  h = Math.imul(h ^ key2, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  h = fmix32((Math.imul(h, 0x1b873593) + key) >>> 0);
  return fmix32((h ^ Math.imul(key2, 0x85ebca77)) >>> 0);
}

/**
 * xoshiro128** (Blackman and Vigna): 128 bits of state, period 2^128 - 1, fast with 32-bit integer arithmetic.
 * Seeded from a number through splitmix32. `fork(name)` derives a sub-stream from this stream's *seed material* and
 * the name only (not from how many numbers were drawn), so streams are stable when entities are added or reordered.
 */
export class Xoshiro128 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private readonly key: number;
  private readonly key2: number;

  /** @param seed any finite number; its integer part's low 53 bits are used. */
  constructor(seed: number, key2 = 0) {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / TWO_POW_32) >>> 0;
    this.key = (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
    this.key2 = key2 >>> 0;
    // 64 bits of key material (seed key, stream key) expanded into 128 bits of state by two splitmix32 sequences.
    const s1 = { s: this.key | 0 };
    const s2 = { s: Math.imul(this.key2 ^ 0x6a09e667, 0x9e3779b1) | 0 };
    this.a = (splitmix32(s1) ^ splitmix32(s2)) | 0;
    this.b = (splitmix32(s1) ^ splitmix32(s2)) | 0;
    this.c = (splitmix32(s1) ^ splitmix32(s2)) | 0;
    this.d = (splitmix32(s1) ^ splitmix32(s2)) | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  nextUint32(): number {
    // Written with each state word read once and the rotations inline (no helper calls): the smaller bytecode lets V8
    // inline the generator into hot handlers within its inlining budget. Same sequence as the reference (tested).
    const b = this.b;
    const x = Math.imul(b, 5);
    const c = this.c ^ this.a;
    const d = this.d ^ b;
    this.a ^= d;
    this.b = b ^ c;
    this.c = c ^ (b << 9);
    this.d = (d << 11) | (d >>> 21);
    return Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
  }

  next(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  fork(name: string): Xoshiro128 {
    // The child's key is the parent's key; its second key hashes the name with the parent's second key, so a path
    // of names (`fleet/a` then `retry`) gives a distinct, reproducible stream. Its state hashes both keys jointly.
    const child = new Xoshiro128(this.key, hashName(name, this.key2 ^ 0x5bd1e995));
    child.a = jointWord(child.key, child.key2, 0) | 0;
    child.b = jointWord(child.key, child.key2, 1) | 0;
    child.c = jointWord(child.key, child.key2, 2) | 0;
    child.d = jointWord(child.key, child.key2, 3) | 0;
    if ((child.a | child.b | child.c | child.d) === 0) child.d = 1;
    return child;
  }

  /** The four state words (for tests of the seeding). */
  stateWords(): [number, number, number, number] {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }
}
