import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { Inflate } from "fflate";
import { StampedeError } from "../../core/StampedeError.js";

/** Error code of a ZIP that cannot be read (not a ZIP, encrypted, an unsupported method or ZIP64). */
export const E_REG_BAD_ZIP = "E_REG_BAD_ZIP";
/** Error code of a ZIP entry that passes a limit (inflated size, total size, compression ratio). */
export const E_REG_ZIP_LIMIT = "E_REG_ZIP_LIMIT";

/** Limits on what a ZIP may inflate to; every entry read counts, entries not read cost nothing. */
export interface ZipLimits {
  /** Most bytes one entry may inflate to. Default 256 MiB. */
  maxEntryBytes?: number;
  /** Most bytes all entries read may inflate to together. Default 1 GiB. */
  maxTotalBytes?: number;
  /** Largest inflated / compressed ratio, checked once an entry passes 1 MiB. Default 500 (deflate tops at ~1032). */
  maxRatio?: number;
}

export const DEFAULT_ZIP_LIMITS: Required<ZipLimits> = {
  maxEntryBytes: 256 * 2 ** 20,
  maxTotalBytes: 2 ** 30,
  maxRatio: 500,
};

/** An entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

// 64 KiB of compressed input per push: one push inflates to at most about 66 MB, so limits act early.
const CHUNK = 1 << 16;
const RATIO_FLOOR = 2 ** 20;

function mib(n: number): string {
  return `${Math.round((n / 2 ** 20) * 10) / 10} MiB`;
}

/**
 * Reads the ZIP at `path` entry by entry from disk: lists the central directory, and inflates (one at a time, from
 * 64 KiB chunks) only the entries for which `wanted(name)` is true, handing each to `onEntry` as bytes. Stops with
 * E_REG_ZIP_LIMIT as soon as an entry or the total passes its limit or an entry's ratio is suspect (a ZIP bomb), and
 * with E_REG_BAD_ZIP for what is not a readable ZIP.
 */
export function readZipEntries(
  path: string,
  wanted: (name: string) => boolean,
  onEntry: (name: string, bytes: Uint8Array) => void,
  limits: ZipLimits = {},
): void {
  const lim = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const fd = openSync(path, "r");
  try {
    const entries = listEntries(fd, path).filter((e) => !e.name.endsWith("/") && wanted(e.name));
    let total = 0;
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const bytes = inflateEntry(fd, path, e, lim, total);
      total += bytes.length;
      onEntry(e.name, bytes);
    }
  } finally {
    closeSync(fd);
  }
}

function bad(path: string, why: string): StampedeError {
  return new StampedeError(E_REG_BAD_ZIP, `"${path}" is neither a folder nor a readable ZIP file (${why})`);
}

function read(fd: number, at: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, at);
  return n === length ? buf : buf.subarray(0, n);
}

/** The entries of the central directory. */
export function listEntries(fd: number, path: string): ZipEntry[] {
  const size = fstatSync(fd).size;
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = read(fd, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad(path, "no end of central directory");
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    throw bad(path, "ZIP64 is not supported");
  if (cdOffset + cdSize > size) throw bad(path, "central directory out of range");
  const cd = read(fd, cdOffset, cdSize);
  const out: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw bad(path, "corrupt central directory");
    const nameLength = cd.readUInt16LE(p + 28);
    const extra = cd.readUInt16LE(p + 30);
    const comment = cd.readUInt16LE(p + 32);
    out.push({
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      name: cd.toString("utf8", p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

/** Inflates one entry, in chunks, under the limits (`before`: bytes inflated by earlier entries). */
function inflateEntry(
  fd: number,
  path: string,
  e: ZipEntry,
  lim: Required<ZipLimits>,
  before: number,
): Uint8Array {
  const where = `${path}!${e.name}`;
  if (e.flags & 1) throw bad(path, `${e.name} is encrypted`);
  if (e.method !== 0 && e.method !== 8) throw bad(path, `${e.name} uses compression method ${e.method}`);
  const local = read(fd, e.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw bad(path, `corrupt entry ${e.name}`);
  let at = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const end = at + e.compressedSize;
  const parts: Uint8Array[] = [];
  let inflated = 0;
  let failure: StampedeError | undefined;
  const take = (chunk: Uint8Array): void => {
    if (failure) return;
    inflated += chunk.length;
    if (inflated > lim.maxEntryBytes)
      failure = new StampedeError(
        E_REG_ZIP_LIMIT,
        `${where} inflates to more than ${mib(lim.maxEntryBytes)} (the limit of one entry)`,
      );
    else if (before + inflated > lim.maxTotalBytes)
      failure = new StampedeError(
        E_REG_ZIP_LIMIT,
        `${path} inflates to more than ${mib(lim.maxTotalBytes)} in all (the limit of a register)`,
      );
    else if (inflated > RATIO_FLOOR && inflated / Math.max(1, e.compressedSize) > lim.maxRatio)
      failure = new StampedeError(
        E_REG_ZIP_LIMIT,
        `${where} inflates more than ${lim.maxRatio} times its compressed size (${mib(e.compressedSize)}): a ZIP bomb?`,
      );
    else parts.push(chunk);
  };
  const inflater = e.method === 8 ? new Inflate((chunk) => take(chunk)) : undefined;
  while (at < end && !failure) {
    const chunk = read(fd, at, Math.min(CHUNK, end - at));
    if (chunk.length === 0) throw bad(path, `${e.name} is truncated`);
    at += chunk.length;
    try {
      if (inflater) inflater.push(chunk, at >= end);
      else take(new Uint8Array(chunk));
    } catch (err) {
      throw bad(path, `${e.name}: ${(err as Error).message}`);
    }
  }
  if (failure) throw failure;
  const out = new Uint8Array(inflated);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
