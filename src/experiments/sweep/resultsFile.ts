import { closeSync, existsSync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";
import { StampedeError } from "../../core/StampedeError.js";
import type { SweepRecord } from "./SweepPlan.js";

/** What a previous sweep left in results.jsonl. */
export interface ExistingResults {
  records: SweepRecord[];
  /** Bytes of complete, valid lines; anything after (a line cut by a kill) is to be dropped. */
  validBytes: number;
  /** True when the file ended with a partial or unreadable last line. */
  truncatedTail: boolean;
}

/**
 * Reads results.jsonl for `--resume`: every complete line is a record; a last line without its newline, or one that
 * does not parse, is a job cut short by a kill and is ignored. An unreadable line before the last is an error
 * (E_BAD_RESULTS), since it means the file is not ours or was edited.
 */
export function readResults(file: string): ExistingResults {
  if (!existsSync(file)) return { records: [], validBytes: 0, truncatedTail: false };
  const buf = readFileSync(file);
  const records: SweepRecord[] = [];
  let start = 0;
  let validBytes = 0;
  let truncatedTail = false;
  while (start < buf.length) {
    const nl = buf.indexOf(10, start);
    const end = nl < 0 ? buf.length : nl;
    const line = buf.subarray(start, end).toString("utf8");
    const last = nl < 0 || nl === buf.length - 1;
    let rec: SweepRecord | null = null;
    try {
      const parsed = JSON.parse(line) as SweepRecord;
      if (nl >= 0 && typeof parsed.pointIndex === "number" && typeof parsed.replication === "number")
        rec = parsed;
    } catch {
      rec = null;
    }
    if (rec === null) {
      if (!last) {
        const lineNo = buf.subarray(0, start).toString("utf8").split("\n").length;
        throw new StampedeError("E_BAD_RESULTS", `${file}:${lineNo}: not a results line; cannot resume`);
      }
      truncatedTail = line.trim().length > 0;
      break;
    }
    records.push(rec);
    validBytes = end + 1;
    start = end + 1;
  }
  return { records, validBytes, truncatedTail };
}

/** Appends records to results.jsonl, one JSON object per line, each written with a single write. */
export class ResultsWriter {
  private readonly fd: number;

  /** Opens `file` for appending after cutting it to `keepBytes` (dropping a partial last line). */
  constructor(file: string, keepBytes: number) {
    if (existsSync(file)) truncateSync(file, keepBytes);
    this.fd = openSync(file, "a");
  }

  append(record: SweepRecord): void {
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }
}
