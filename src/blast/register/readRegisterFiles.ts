import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { StampedeError } from "../../core/StampedeError.js";

/** A text file of a register: the name used in messages and its content. */
export interface RegisterFile {
  /** Display name: `dir/reports/b_02.02.csv` or `register.zip!reports/b_02.02.csv`. */
  readonly name: string;
  /** File name without folders, lower case. */
  readonly base: string;
  readonly text: string;
}

/**
 * Reads every CSV file of a register given as a folder (searched recursively) or a ZIP file (xBRL-CSV packages put
 * the tables in `reports/`). Throws E_REG_NOT_FOUND or E_REG_BAD_ZIP.
 */
export function readRegisterFiles(path: string): RegisterFile[] {
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
        else if (entry.name.toLowerCase().endsWith(".csv")) {
          out.push({
            name: join(path, relative(path, full)),
            base: entry.name.toLowerCase(),
            text: readFileSync(full, "utf8"),
          });
        }
      }
    };
    walk(path);
    return out;
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(readFileSync(path)));
  } catch (e) {
    throw new StampedeError(
      "E_REG_BAD_ZIP",
      `"${path}" is neither a folder nor a readable ZIP file (${(e as Error).message})`,
    );
  }
  for (const name of Object.keys(entries).sort()) {
    if (!name.toLowerCase().endsWith(".csv")) continue;
    out.push({
      name: `${path}!${name}`,
      base: basename(name).toLowerCase(),
      text: strFromU8(entries[name]!),
    });
  }
  return out;
}

/** The template code of a register file name (`b_02.02.csv` -> `B_02.02`), or undefined. */
export function templateOf(base: string): string | undefined {
  const m = /^b_(\d{2})\.(\d{2})(?:\.csv)$/i.exec(base);
  return m ? `B_${m[1]}.${m[2]}` : undefined;
}
