import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pngInk } from "./pngInk.js";

/** CRC-32 (PNG chunks), bitwise. */
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** An RGB PNG of `w` x `h` whose pixel (x, y) is `color(x, y)`, each row with filter `filter` (0 none, 1 sub, 2 up). */
function png(w: number, h: number, color: (x: number, y: number) => number[], filter = 0): Buffer {
  const rows: number[] = [];
  const plain: number[][] = [];
  for (let y = 0; y < h; y++) {
    const row: number[] = [];
    for (let x = 0; x < w; x++) row.push(...color(x, y));
    plain.push(row);
    rows.push(filter);
    row.forEach((v, i) => {
      const pred =
        filter === 1 ? (i >= 3 ? row[i - 3]! : 0) : filter === 2 ? (y > 0 ? plain[y - 1]![i]! : 0) : 0;
      rows.push((v - pred) & 0xff);
    });
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.from(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("pngInk", () => {
  it("a one-colour image has no ink", () => {
    expect(pngInk(png(20, 10, () => [255, 255, 255]))).toEqual({ width: 20, height: 10, ink: 0 });
  });

  it("counts the pixels unlike the background, whatever the row filter", () => {
    // A 4-pixel-wide dark stripe on a 20 x 10 white image: 40 of 200 pixels.
    const stripe = (x: number) => (x >= 8 && x < 12 ? [20, 40, 60] : [255, 255, 255]);
    for (const filter of [0, 1, 2]) expect(pngInk(png(20, 10, stripe, filter)).ink).toBeCloseTo(0.2, 10);
  });

  it("reads one region: the stripe's half of the image, and a blank corner", () => {
    const stripe = (x: number) => (x >= 8 && x < 12 ? [20, 40, 60] : [255, 255, 255]);
    const image = png(20, 10, stripe, 1);
    expect(pngInk(image, { x: 0, y: 0, width: 10, height: 10 }).ink).toBeCloseTo(0.2, 10);
    expect(pngInk(image, { x: 14, y: 0, width: 100, height: 5 }).ink).toBe(0);
  });
});
