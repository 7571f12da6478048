import { StampedeError } from "./StampedeError.js";

/** Error code of a file that is not valid UTF-8. */
export const E_ENCODING = "E_ENCODING";

const fatal = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes `bytes` as UTF-8 (a leading BOM is dropped). Invalid UTF-8 throws E_ENCODING located at the first bad
 * byte of `file` (`file:line:col`, col counted in characters), never a silent U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array, file: string, code = E_ENCODING): string {
  try {
    return fatal.decode(bytes);
  } catch {
    const at = firstInvalid(bytes);
    const good = new TextDecoder("utf-8").decode(bytes.subarray(0, at));
    const lines = good.split("\n");
    const line = lines.length;
    const col = [...(lines[line - 1] ?? "")].length + 1;
    const hex = (bytes[at] ?? 0).toString(16).padStart(2, "0");
    throw new StampedeError(code, `not valid UTF-8: byte 0x${hex} at offset ${at} (save the file as UTF-8)`, {
      location: { file, line, col },
    });
  }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or bytes.length. */
function firstInvalid(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    if (i + n >= b.length && n > 0) return i;
    let cp = n === 0 ? c : c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k]!;
      if ((x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (n > 0 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    i += n + 1;
  }
  return b.length;
}
