/** One CSV field with where it starts in the file (1-based line and column). */
export interface CsvField {
  readonly value: string;
  readonly line: number;
  readonly col: number;
}

/** One record: its fields and the line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly CsvField[];
}

/** A problem in the CSV syntax itself (an unterminated quote, a stray quote). */
export interface CsvSyntaxError {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Result of {@link parseCsv}: records in order (the header is the first), and syntax errors. */
export interface CsvParseResult {
  readonly records: CsvRecord[];
  readonly errors: CsvSyntaxError[];
}

/**
 * Parses RFC 4180 CSV: comma-separated fields, fields in double quotes may contain commas, line breaks and doubled
 * quotes (`""`); lines end in CRLF or LF; a UTF-8 byte-order mark is skipped; blank lines are ignored. Every field
 * keeps its 1-based line and column, so importers can point at it. Never throws: syntax problems are returned.
 */
export function parseCsv(text: string): CsvParseResult {
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const n = text.length;
  let fields: CsvField[] = [];
  let recordLine = 1;
  let atRecordStart = true;
  while (i <= n) {
    if (atRecordStart) {
      recordLine = line;
      fields = [];
      atRecordStart = false;
    }
    const fLine = line;
    const fCol = i - lineStart + 1;
    let value = "";
    const quoted = text[i] === '"';
    if (quoted) {
      i++;
      let closed = false;
      let buf = "";
      while (i < n) {
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            buf += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (c === "\n") {
          line++;
          lineStart = i + 1;
        }
        buf += c;
        i++;
      }
      if (!closed) errors.push({ line: fLine, col: fCol, message: "quoted field is never closed" });
      value = buf;
      // anything between the closing quote and the separator is an error
      const startJunk = i;
      while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") i++;
      if (i > startJunk) {
        errors.push({
          line,
          col: startJunk - lineStart + 1,
          message: "unexpected text after a closing quote",
        });
      }
    } else {
      const s = i;
      while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
        if (text[i] === '"') {
          errors.push({ line, col: i - lineStart + 1, message: 'a quote (") inside an unquoted field' });
        }
        i++;
      }
      value = text.slice(s, i);
    }
    fields.push({ value, line: fLine, col: fCol });
    if (i < n && text[i] === ",") {
      i++;
      continue;
    }
    // end of record
    if (i < n && text[i] === "\r") i++;
    if (i < n && text[i] === "\n") i++;
    const blank = fields.length === 1 && fields[0]!.value === "" && !quoted;
    if (!blank) records.push({ line: recordLine, fields });
    line++;
    lineStart = i;
    atRecordStart = true;
    if (i >= n) break;
  }
  return { records, errors };
}
