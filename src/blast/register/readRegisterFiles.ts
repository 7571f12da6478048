import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { decodeUtf8 } from "../../core/decodeUtf8.js";
import { StampedeError } from "../../core/StampedeError.js";
import { DEFAULT_ZIP_LIMITS, E_REG_ZIP_LIMIT, readZipEntries, type ZipLimits } from "./readZipEntries.js";

/** A text file of a register: the name used in messages and its content. */
export interface RegisterFile {
  /** Display name: `dir/reports/b_02.02.csv` or `register.zip!reports/b_02.02.csv`. */
  readonly name: string;
  /** File name without folders, lower case. */
  readonly base: string;
  readonly text: string;
}

/** True for the files the importer reads: templates (`b_02.02.csv`), `FilingIndicators.csv`, `entities.csv`. */
export function isRegisterFile(base: string): boolean {
  const b = base.toLowerCase();
  return templateOf(b) !== undefined || b === "filingindicators.csv" || b === "entities.csv";
}

/**
 * Reads the files of a register that the importer uses (see `isRegisterFile`) from a folder (searched recursively)
 * or a ZIP file (xBRL-CSV packages put the tables in `reports/`). A ZIP is read entry by entry and only those entries
 * are inflated, under `limits` (per entry, in total, compression ratio). Text must be UTF-8: invalid bytes give a
 * located E_REG_ENCODING. Throws E_REG_NOT_FOUND, E_REG_BAD_ZIP or E_REG_ZIP_LIMIT.
 */
export function readRegisterFiles(path: string, limits: ZipLimits = {}): RegisterFile[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw new StampedeError("E_REG_NOT_FOUND", `register "${path}" not found`);
  }
  const out: RegisterFile[] = [];
  if (stat.isDirectory()) {
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name.localeCompare(b.name),
      )) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (isRegisterFile(entry.name)) {
          const name = join(path, relative(path, full));
          const max = limits.maxEntryBytes ?? DEFAULT_ZIP_LIMITS.maxEntryBytes;
          if (statSync(full).size > max)
            throw new StampedeError(
              E_REG_ZIP_LIMIT,
              `${name} is larger than ${max} bytes (the limit of one file)`,
            );
          out.push({
            name,
            base: entry.name.toLowerCase(),
            text: decodeUtf8(readFileSync(full), name, "E_REG_ENCODING"),
          });
        }
      }
    };
    walk(path);
    return out;
  }
  readZipEntries(
    path,
    (name) => isRegisterFile(basename(name)),
    (name, bytes) => {
      const shown = `${path}!${name}`;
      out.push({
        name: shown,
        base: basename(name).toLowerCase(),
        text: decodeUtf8(bytes, shown, "E_REG_ENCODING"),
      });
    },
    limits,
  );
  return out;
}

/** The template code of a register file name (`b_02.02.csv` -> `B_02.02`), or undefined. */
export function templateOf(base: string): string | undefined {
  const m = /^b_(\d{2})\.(\d{2})(?:\.csv)$/i.exec(base);
  return m ? `B_${m[1]}.${m[2]}` : undefined;
}
