import { closeSync, existsSync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";
import { StampedeError } from "../../core/StampedeError.js";
import { jobKey, type SweepRecord } from "./SweepPlan.js";

/** What a previous sweep left in results.jsonl. */
export interface ExistingResults {
  records: SweepRecord[];
  /** Bytes of complete, valid lines; anything after (a line cut by a kill) is to be dropped. */
  validBytes: number;
  /** True when the file ended with a partial or unreadable last line. */
  truncatedTail: boolean;
  /** Lines whose job key (point, replication) an earlier line already had: dropped from `records`. */
  duplicates: number;
}

/**
 * Reads results.jsonl for `--resume`: every complete line is a record; a last line without its newline, or one that
 * does not parse, is a job cut short by a kill and is ignored. An unreadable line before the last is an error
 * (E_BAD_RESULTS), since it means the file is not ours or was edited. The file is append-only and a job may be run
 * twice (a queue reruns a job whose worker died after writing), so records are deduplicated by job key on read: the
 * first line of each (point, replication) is kept and the others are counted in `duplicates`.
 */
export function readResults(file: string): ExistingResults {
  if (!existsSync(file)) return { records: [], validBytes: 0, truncatedTail: false, duplicates: 0 };
  const buf = readFileSync(file);
  const records: SweepRecord[] = [];
  let start = 0;
  let validBytes = 0;
  let truncatedTail = false;
  let duplicates = 0;
  const seen = new Set<string>();
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
    const key = jobKey(rec.pointIndex, rec.replication);
    if (seen.has(key)) duplicates++;
    else {
      seen.add(key);
      records.push(rec);
    }
    validBytes = end + 1;
    start = end + 1;
  }
  return { records, validBytes, truncatedTail, duplicates };
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
