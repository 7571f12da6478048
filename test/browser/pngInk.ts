/**
 * How much a PNG screenshot shows: the share of its pixels that differ from its most common colour (the
 * background). A blank page (one colour, or a few stray pixels) has a share near 0. Reads 8-bit, non-interlaced
 * greyscale, RGB and RGBA PNGs (what Chromium writes), with every row filter.
 */
import { inflateSync } from "node:zlib";

/** The decoded size and the share (0..1) of pixels unlike the most common colour. */
export interface PngInk {
  width: number;
  height: number;
  /** Pixels whose colour differs from the most common one, as a share of all pixels. */
  ink: number;
}

/** The least ink a screenshot of a page of the app must have (a blank or half-rendered page has less). */
export const MIN_INK = 0.1;

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** A rectangle of an image, pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The ink of a PNG, or of one region of it (clipped to the image). */
export function pngInk(png: Buffer, region?: Region): PngInk {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString("latin1", pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8]!;
      channels = CHANNELS[body[9]!] ?? 0;
      if (depth !== 8 || channels === 0 || body[12] !== 0)
        throw new Error(
          `unsupported PNG (bit depth ${depth}, colour type ${body[9]}, interlace ${body[12]})`,
        );
    } else if (type === "IDAT") data.push(body);
    else if (type === "IEND") break;
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels]! : 0;
      const b = y > 0 ? pixels[row - stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[row - stride + x - channels]! : 0;
      const v = raw[src + x]!;
      const predicted =
        filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : 0;
      pixels[row + x] = (v + predicted) & 0xff;
    }
  }
  const x0 = Math.max(0, Math.floor(region?.x ?? 0));
  const y0 = Math.max(0, Math.floor(region?.y ?? 0));
  const x1 = Math.min(width, Math.ceil(region === undefined ? width : region.x + region.width));
  const y1 = Math.min(height, Math.ceil(region === undefined ? height : region.y + region.height));
  const counts = new Map<number, number>();
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * channels;
      let key = 0;
      for (let k = 0; k < Math.min(channels, 3); k++) key = key * 256 + pixels[i + k]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  const total = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const background = Math.max(0, ...counts.values());
  return { width, height, ink: total === 0 ? 0 : (total - background) / total };
}
